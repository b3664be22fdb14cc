"""The one seam between the corpus and the analyser.

Everything the ingest needs from the analyser goes through here: a loaded
:class:`~newsaudit.auditor.Auditor` that turns raw pages into reports or failures (with
the errors' stable codes), and the parts of a report the store reads (its figures, its
body text).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from newsaudit.errors import Failure, NewsauditError
from newsaudit.ingest.raw import RawPage


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the analyser made of one raw page: a report (as the contract's dict) or a failure.

    ``body`` is the page's body text (its ``body`` segments), which near-duplicate
    detection reads; ``signature`` is filled in by the engine that computes it (which then
    empties ``body``: :func:`newsaudit.corpus.batch.audit_batch`).
    """

    source: str
    report: dict[str, Any] | None = None
    reason: str | None = None
    code: str | None = None
    body: str = ""
    signature: bytes | None = None

    @property
    def ok(self) -> bool:
        return self.report is not None


def figures(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's figures (absent from reports of versions before the figures stage)."""
    return list(report.get("figures", []))


def body_text(report: dict[str, Any]) -> str:
    """The article's body paragraphs: no headline, byline, captions, links or comments."""
    return "\n".join(s["text"] for s in report.get("segments", []) if s.get("kind") == "body")


class LoadedAuditor:
    """An analyser with its models loaded once: what each worker or Ray actor holds."""

    def __init__(self, *, model: str | None = None, max_bytes: int | None = None) -> None:
        from newsaudit.auditor import Auditor

        self.auditor = Auditor(model, max_bytes=max_bytes)
        self.max_bytes = self.auditor.settings.input.max_bytes
        self.auditor.load()  # fail here (ModelError), not on the first page

    def audit(self, pages: Sequence[RawPage]) -> list[Outcome]:
        """Audit a batch through one ``nlp.pipe``; outcomes in input order."""
        from newsaudit import ingest

        loaded: list[Any] = []
        for raw in pages:
            if isinstance(raw.data, str) and "\x00" in raw.data:
                # Decoded bytes with NULs are refused as binary by the decoder; text that
                # arrives decoded (a JSON string) gets the same rule here.
                reason = "the text contains NUL characters (binary data), not a page"
                loaded.append(Outcome(raw.source, reason=reason, code="input_binary"))
                continue
            try:
                page = ingest.load_page(
                    raw.data, source=raw.source, max_bytes=self.max_bytes, fmt=raw.fmt
                )
                loaded.append(_with_metadata(page, raw))
            except NewsauditError as err:
                loaded.append(Outcome(raw.source, reason=err.reason, code=err.code))
        todo = [(p.document.source, p) for p in loaded if not isinstance(p, Outcome)]
        results = iter(self.auditor.audit_many(todo, errors="record"))
        out: list[Outcome] = []
        for item in loaded:
            if isinstance(item, Outcome):
                out.append(item)
                continue
            result = next(results)
            if isinstance(result, Failure):
                out.append(Outcome(result.source, reason=result.message, code=result.code))
            else:
                d = result.to_dict()
                out.append(Outcome(result.document.source, report=d, body=body_text(d)))
        return out


def _with_metadata(page: Any, raw: RawPage) -> Any:
    """The page's document with what the input record says (the record wins when given)."""
    doc = page.document
    doc = replace(
        doc,
        url=raw.url or doc.url,
        outlet=raw.outlet or doc.outlet,
        published=raw.published or doc.published,
        title=doc.title or raw.title,
    )
    return replace(page, document=doc)
