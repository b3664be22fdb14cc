"""The calibrator's training examples: the judged warnings of dev pages that the checks
still emit, each with its label and the page it came from.

A page is audited with the calibrator switched off (the checks' own findings), its
sentence bounds kept from the parse; its warnings are then paired with the judgments by
the evaluator's own rule (:func:`newsaudit.evaluation.findings.match.match_findings`), so
a judgment trains only if its finding is still emitted. Only **dev** pages are read:
the dev split of the judged sample and every page of the calibration sample; a sample
page marked ``test`` is never audited here, and judgments of pages outside the pages
read are never looked at.

Label: ``true`` is 1; ``debatable`` and ``false`` are 0 (precision counts only true).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from newsaudit.evaluation.findings.judgments import Judged, read_judgments
from newsaudit.evaluation.findings.match import latest, match_findings
from newsaudit.evaluation.findings.pages import PageLoader, read_sample
from newsaudit.model import Report
from newsaudit.models.severity.features import CALIBRATED

__all__ = ["Audited", "Example", "audit_pages", "dev_pages", "examples", "read_cache",
           "write_cache"]

#: Only this split trains the calibrator; the test split measures it, once.
TRAIN_SPLIT = "dev"


@dataclass(frozen=True)
class Audited:
    """One page as the checks left it: its report and the parse's sentence bounds."""

    ref: str
    report: Report
    sentences: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Example:
    """A judged warning: where it is, its verdict and label."""

    page: str
    index: int  # into the page's report.findings
    check: str
    verdict: str

    @property
    def label(self) -> int:
        return 1 if self.verdict == "true" else 0


def dev_pages(samples: Sequence[Path]) -> list[str]:
    """The references of the dev pages of ``samples``, in file order, each once."""
    out: dict[str, None] = {}
    for path in samples:
        for p in read_sample(path):
            if p.split == TRAIN_SPLIT:
                out.setdefault(p.ref, None)
    return list(out)


def audit_pages(refs: Sequence[str], data_dir: Path, *, model: str | None = None
                ) -> Iterator[Audited]:
    """Each page audited with the calibrator off; unreadable pages are skipped."""
    from newsaudit import ingest
    from newsaudit.auditor import Auditor
    from newsaudit.calibration import page_sentences
    from newsaudit.errors import NewsauditError
    from newsaudit.language import analysed
    from newsaudit.language import detect as detect_language
    from newsaudit.pipeline import analyse, model_meta
    from newsaudit.settings import Settings

    settings = Settings.defaults().merged({"severity.calibrate": "off"})
    auditor = Auditor(model, settings=settings)
    loader = PageLoader(data_dir)
    for ref in refs:
        try:
            src = loader.load(ref)
            page = ingest.load_page(src.data, source=ref, fmt=src.fmt)
        except NewsauditError:
            continue
        lang = detect_language(page.document.text, page.segments)
        if not analysed(lang):
            continue
        page = replace(page, document=replace(page.document, language=lang))
        doc = auditor.nlp(page.document.text)
        report = analyse(page, doc, meta=model_meta(auditor.nlp), context=auditor.context)
        yield Audited(ref, report, tuple(page_sentences(doc)))


def examples(pages: Sequence[Audited], judgment_dirs: Sequence[Path]) -> list[Example]:
    """The judged warnings of ``pages``: every judgment of those pages (the last of each
    finding counts), matched to today's findings the evaluator's way."""
    wanted = {p.ref for p in pages}
    judged: list[Judged] = []
    for d in judgment_dirs:
        judged.extend(j for j in read_judgments(d).judged if j.page in wanted)
    kept, _ = latest(judged)
    by_page: dict[str, list[Judged]] = defaultdict(list)
    for j in kept:
        by_page[j.page].append(j)
    out: list[Example] = []
    for p in pages:
        index = [i for i, f in enumerate(p.report.findings) if f.severity in CALIBRATED]
        taken, _ = match_findings([p.report.findings[i] for i in index], by_page.get(p.ref, []))
        for k, j in sorted(taken.items()):
            out.append(Example(p.ref, index[k], j.check, j.verdict))
    return out


def write_cache(path: Path, pages: Sequence[Audited]) -> None:
    """Keep audited pages (they hold page text: write outside the repository)."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for p in pages:
            fh.write(json.dumps({"ref": p.ref, "report": p.report.to_dict(),
                                 "sentences": p.sentences}, ensure_ascii=False) + "\n")


def read_cache(path: Path) -> list[Audited]:
    out: list[Audited] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        out.append(Audited(rec["ref"], Report.from_dict(rec["report"]),
                           tuple((int(s), int(e)) for s, e in rec["sentences"])))
    return out
