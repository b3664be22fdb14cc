"""Score page anatomy on held-back pages: per-kind precision/recall/F1 and line accuracy.

Two readers are scored, each on pages never used to train or tune it:

* **plain text** (``newsaudit.anatomy.segment_text``, no parse): the hand-written test
  pages of ``tests/fixtures/layout`` as written, the second held-back set of
  ``tests/fixtures/layout-heldback-2`` (written blind, rich in captions), and the
  held-back HTML pages laid out by each renderer (:mod:`.render`);
* **HTML** (``newsaudit.ingest.load_page``): the held-back HTML pages, i.e. the whole
  Scrapinghub benchmark and trafilatura-eval's test bucket (sha1 of the URL % 5 == 0).

A line is scored by the kind of the segment that covers it. The HTML reader composes its
own text and leaves site furniture out, so its lines are aligned to the gold lines by
text: a gold line found inside a segment takes that segment's kind (when a text occurs
more than once, occurrences of the gold kind are matched first); a gold line the reader
left out counts as ``boilerplate`` (furniture the reader did not show), so a reader
comment, caption or related list that was dropped is an error. A gold byline or date line
that the reader rewrote ("By Jane Doe; John Roe" from three lines of markup) counts as
found when a segment of that kind contains its words.

"Boilerplate in body" is the share of the characters of the reader's body segments that
are not in any gold body line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsaudit.datasets import scrapinghub, trafilatura_eval
from newsaudit.metrics import prf
from newsaudit.model import SEGMENT_KINDS
from newsaudit.models.layout.corpus import (
    LAYOUT_FIXTURES,
    LAYOUT_HELDBACK_2,
    TextPage,
    handwritten_pages,
    rendered,
    split_of_key,
)
from newsaudit.models.layout.gold import LabelledHtml, label_scrapinghub, label_trafilatura_eval
from newsaudit.models.layout.render import RENDERERS

_WS_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w{3,}")


def _norm(s: str) -> str:
    return _WS_RE.sub(" ", s).strip()


@dataclass
class Tally:
    """Confusion counts of gold kind against predicted kind, line by line."""

    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    body_chars: int = 0
    body_junk_chars: int = 0
    pages: int = 0

    def add(self, gold: str, pred: str) -> None:
        self.pairs[(gold, pred)] += 1

    def merge(self, other: Tally) -> None:
        self.pairs.update(other.pairs)
        self.body_chars += other.body_chars
        self.body_junk_chars += other.body_junk_chars
        self.pages += other.pages

    def summary(self) -> dict[str, Any]:
        total = sum(self.pairs.values())
        right = sum(n for (g, p), n in self.pairs.items() if g == p)
        kinds: dict[str, dict[str, float]] = {}
        for k in SEGMENT_KINDS:
            tp = self.pairs[(k, k)]
            gold = sum(n for (g, _), n in self.pairs.items() if g == k)
            pred = sum(n for (_, p), n in self.pairs.items() if p == k)
            if not gold and not pred:
                continue
            kinds[k] = {**prf(tp, pred, gold).to_dict(4), "gold": gold, "predicted": pred}
        out: dict[str, Any] = {
            "pages": self.pages, "lines": total,
            "line_accuracy": round(right / total, 4) if total else 0.0, "kinds": kinds,
        }
        if self.body_chars:
            out["boilerplate_in_body"] = round(self.body_junk_chars / self.body_chars, 4)
        return out

    def confusions(self, top: int = 12) -> list[tuple[str, str, int]]:
        wrong = [(g, p, n) for (g, p), n in self.pairs.items() if g != p]
        return sorted(wrong, key=lambda x: -x[2])[:top]


# --------------------------------------------------------------------------- plain text


def score_text_page(page: TextPage) -> Tally:
    """The plain-text reader on one page, line by line."""
    from newsaudit.anatomy import segment_text

    text = page.text
    segments = segment_text(text)
    tally = Tally(pages=1)
    pos = 0
    seg_i = 0
    for line in page.lines:
        raw = line.text
        if line.kind is not None and raw.strip():
            s = pos + len(raw) - len(raw.lstrip())
            while seg_i < len(segments) and segments[seg_i].end <= s:
                seg_i += 1
            pred = "boilerplate"
            if seg_i < len(segments) and segments[seg_i].start <= s:
                pred = segments[seg_i].kind
            tally.add(line.kind, pred)
        pos += len(raw) + 1
    return tally


def score_text(pages: Iterable[TextPage]) -> Tally:
    total = Tally()
    for page in pages:
        total.merge(score_text_page(page))
    return total


# --------------------------------------------------------------------------- HTML


def _whole_words(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` does not cut a word at either end: a menu's "Medizin"
    is not the first letters of a caption's "Medizinischer", nor a close button's "x" a
    letter of a word."""
    return not (text[start].isalnum() and start > 0 and text[start - 1].isalnum()
                or text[end - 1].isalnum() and end < len(text) and text[end].isalnum())


def score_html_page(labelled: LabelledHtml) -> Tally:
    """The HTML reader on one labelled page, aligned to its gold lines by text."""
    from newsaudit.ingest import load_page

    page = load_page(labelled.html, source="<eval>", fmt="html")
    segs = [(s.kind, _norm(s.text)) for s in page.segments]
    sep = "\n"
    full = sep.join(t for _, t in segs)
    owner: list[int] = []
    for i, (_, t) in enumerate(segs):
        owner += [i] * (len(t) + len(sep))
    used = bytearray(len(full))  # characters of the reader's text already aligned
    gold = [(lab.kind, _norm(lab.text)) for lab in labelled.labels]
    pred: list[str | None] = [None] * len(gold)
    # Two passes: occurrences whose segment kind is the gold kind are claimed first, so a
    # headline repeated in the site menu does not take the headline's place. Each character
    # of the reader's text aligns to one gold line at most: a menu line that repeats the
    # headline, or a short one ("News") inside a paragraph, is not found again in text
    # already matched.
    for same_kind in (True, False):
        for gi, (kind, text) in enumerate(gold):
            if pred[gi] is not None or not text:
                continue
            start = full.find(text)
            while start != -1:
                end = start + len(text)
                seg_kind = segs[owner[start]][0]
                if (not any(used[start:end]) and (seg_kind == kind or not same_kind)
                        and _whole_words(full, start, end)):
                    used[start:end] = b"\1" * (end - start)
                    pred[gi] = seg_kind
                    break
                start = full.find(text, start + 1)
    for gi, (kind, text) in enumerate(gold):
        if pred[gi] is None and kind in ("byline", "dateline"):
            words = set(_WORD_RE.findall(text.casefold()))
            for seg_kind, seg_text in segs:
                if seg_kind == kind and (not words or words <= set(
                        _WORD_RE.findall(seg_text.casefold()))):
                    pred[gi] = kind
                    break
    tally = Tally(pages=1)
    for (kind, _), p in zip(gold, pred, strict=True):
        tally.add(kind, p or "boilerplate")
    # Joined by spaces: the reader may join lines that a <br> broke into one paragraph.
    body_gold = " ".join(t for k, t in gold if k == "body")
    for kind, text in segs:
        if kind == "body":
            tally.body_chars += len(text)
            # A table row is composed of its cells ("a | b"), each a gold line of its own.
            tally.body_junk_chars += sum(len(cell) for cell in text.split(" | ")
                                         if cell not in body_gold)
    return tally


# --------------------------------------------------------------------------- the sets


def held_back_html(data: Path, *, limit: int | None = None,
                   ) -> tuple[list[tuple[str, str, LabelledHtml]], list[Path]]:
    """(dataset, id, labelled page) for the held-back HTML pages, and the files they were
    read from: the whole Scrapinghub benchmark and trafilatura-eval's test bucket (the first
    ``limit`` pages of each)."""
    out: list[tuple[str, str, LabelledHtml]] = []
    sh_root = data / "article-extraction-benchmark"
    te_root = data / "trafilatura-eval"
    files = [sh_root / scrapinghub.GROUND_TRUTH, te_root / trafilatura_eval.INDEX]
    for item in scrapinghub.load_items(sh_root, limit=limit):
        files.append(item.path)
        lab = label_scrapinghub(item)
        if lab is not None:
            out.append(("scrapinghub", item.id[:16], lab))
    entries = [e for e in trafilatura_eval.read_index(te_root) if split_of_key(e.key) == "test"]
    for entry in entries[:limit]:
        files.append(trafilatura_eval.page_path(te_root, entry.file))
        lab = label_trafilatura_eval(te_root, entry)
        if lab is not None:
            out.append(("trafilatura-eval", entry.file, lab))
    return out, files


def dev_html(data: Path, *, limit: int | None = None, split: str = "dev",
             ) -> tuple[list[tuple[str, str, LabelledHtml]], list[Path]]:
    """(dataset, id, labelled page) for trafilatura-eval's dev bucket (sha1 of the index key
    % 5 == 1), the pages the HTML reader is tuned on, and the files they were read from.
    ``split="train"`` gives buckets 2 to 4 instead: the layout model's training pages,
    which the HTML reader's rules may be tuned on too (three times the sites of dev).
    Scrapinghub has no dev part: it is scored only as held-back pages."""
    te_root = data / "trafilatura-eval"
    out: list[tuple[str, str, LabelledHtml]] = []
    files = [te_root / trafilatura_eval.INDEX]
    entries = [e for e in trafilatura_eval.read_index(te_root) if split_of_key(e.key) == split]
    for entry in entries[:limit]:
        files.append(trafilatura_eval.page_path(te_root, entry.file))
        lab = label_trafilatura_eval(te_root, entry)
        if lab is not None:
            out.append(("trafilatura-eval", entry.file, lab))
    return out, files


def data_sha256(files: Sequence[Path]) -> str:
    """sha256 over the names and bytes of the files a score was computed from."""
    import hashlib

    h = hashlib.sha256()
    for path in files:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def evaluate_dev(data: Path, *, limit: int | None = None, split: str = "dev",
                 ) -> dict[str, Any]:
    """The HTML reader on trafilatura-eval's dev (or train) pages: what its rules are tuned
    on, so the held-back pages stay unseen until a change is measured."""
    pages, files = dev_html(data, limit=limit, split=split)
    tally = Tally()
    for _, _, lab in pages:
        tally.merge(score_html_page(lab))
    summary = tally.summary()
    summary["confusions"] = tally.confusions()
    return {"split": split, "data_sha256": data_sha256(files),
            "html": {f"trafilatura-eval {split}": summary}}


def evaluate(data: Path | None, *, limit: int | None = None,
             html: bool = True, split: str = "test") -> dict[str, Any]:
    """Scores of both readers on the held-back pages (see the module docstring); with
    ``split="dev"``, the HTML reader on the dev pages instead (:func:`evaluate_dev`)."""
    if split in ("dev", "train"):
        if data is None:
            raise ValueError(f"the {split} pages need the data directory")
        return evaluate_dev(data, limit=limit, split=split)
    hand = [p for p in handwritten_pages() if p.split == "test"]
    hand_files = sorted(LAYOUT_FIXTURES / f"{p.id}.txt" for p in hand)
    second = handwritten_pages(LAYOUT_HELDBACK_2)
    result: dict[str, Any] = {
        "text": {"handwritten": score_text(hand).summary(),
                 "handwritten_2": score_text(second).summary()},
        "handwritten_sha256": data_sha256(hand_files),
        "handwritten_2_sha256": data_sha256(
            sorted(LAYOUT_HELDBACK_2 / f"{p.id}.txt" for p in second)),
    }
    if data is None or not html:
        return result
    pages, files = held_back_html(data, limit=limit)
    result["data_sha256"] = data_sha256(files)
    by_style: dict[str, Tally] = {s: Tally() for s in RENDERERS}
    html_all = Tally()
    html_by: dict[str, Tally] = {}
    for dataset, pid, lab in pages:
        for tp in rendered(dataset, "test", pid, lab):
            by_style[tp.style].merge(score_text_page(tp))
        t = score_html_page(lab)
        html_all.merge(t)
        html_by.setdefault(dataset, Tally()).merge(t)
    text_html = Tally()
    for t in by_style.values():
        text_html.merge(t)
    result["text"]["html_rendered"] = text_html.summary()
    result["text"]["html_rendered_by_style"] = {
        s: t.summary()["line_accuracy"] for s, t in by_style.items()
    }
    result["html"] = {"all": html_all.summary(),
                      **{k: v.summary() for k, v in sorted(html_by.items())}}
    result["html"]["all"]["confusions"] = html_all.confusions()
    return result


def _kind_rows(summary: dict[str, Any]) -> list[str]:
    rows = []
    for k, v in summary["kinds"].items():
        rows.append(f"    {k:<12} P {v['precision']:.3f}  R {v['recall']:.3f}  "
                    f"F1 {v['f1']:.3f}  (gold {v['gold']}, predicted {v['predicted']})")
    return rows


def format_table(result: dict[str, Any]) -> str:
    lines = []

    def block(title: str, s: dict[str, Any]) -> None:
        extra = ""
        if "boilerplate_in_body" in s:
            extra = f", boilerplate in body {100 * s['boilerplate_in_body']:.2f}% of chars"
        lines.append(f"{title}: {s['pages']} pages, {s['lines']} lines, "
                     f"line accuracy {s['line_accuracy']:.3f}{extra}")
        lines.extend(_kind_rows(s))

    if "text" in result:
        block("plain text, hand-written test pages", result["text"]["handwritten"])
        if "handwritten_2" in result["text"]:
            block("plain text, second held-back set (captions)",
                  result["text"]["handwritten_2"])
    if "html_rendered" in result.get("text", {}):
        block("plain text, held-back HTML pages rendered as text",
              result["text"]["html_rendered"])
        lines.append("    by renderer: " + ", ".join(
            f"{k} {v:.3f}" for k, v in result["text"]["html_rendered_by_style"].items()))
    if "html" in result:
        for name, s in result["html"].items():
            block(f"HTML reader, {name}", s)
    return "\n".join(lines)

