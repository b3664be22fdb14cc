"""The layout corpus: plain-text pages with a kind for every line, built from four sources.

* **hand-written pages** (``tests/fixtures/layout/*.txt``, written for newsaudit in many
  site styles; ``split.json`` there fixes which are held back for testing), and a second
  held-back set, all test, in ``tests/fixtures/layout-heldback-2``;
* **the project's fixture pages** (``tests/fixtures/pages``, ``checks``, the example and
  the seed page when ``../shared`` has it), labelled by their pinned segments
  (``tests/fixtures/layout_pinned.json``): the layout model must keep them as they are;
* **trafilatura-eval** HTML pages (``../shared/data/trafilatura-eval``): split by the sha1 of
  the URL into train (60%), dev (20%) and test (20%);
* **the Scrapinghub benchmark** (``../shared/data/article-extraction-benchmark``): test only,
  as its ``SOURCE.md`` asks.

HTML pages are labelled from their markup and a body oracle (:mod:`.gold`) and laid out
as text by the renderers of :mod:`.render`. Nothing here is committed: the corpus is built
from the data in place whenever the trainer or the evaluation needs it
(``python -m newsaudit.models.layout.corpus --out corpus.jsonl`` writes it for inspection).

A hand-written page is a text file where each line is ``kind | text`` (``comment*`` marks
the first line of a reader comment; an empty line is a blank line of the page).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsaudit.datasets import default_data_dir, scrapinghub, trafilatura_eval
from newsaudit.model import SEGMENT_KINDS
from newsaudit.models.layout.gold import LabelledHtml, label_scrapinghub, label_trafilatura_eval
from newsaudit.models.layout.render import RENDERERS, Line, as_text, render

REPO = Path(__file__).resolve().parents[4]
LAYOUT_FIXTURES = REPO / "tests" / "fixtures" / "layout"
#: A second held-back set of hand-written pages, rich in captions, written blind (stop 28).
LAYOUT_HELDBACK_2 = REPO / "tests" / "fixtures" / "layout-heldback-2"
PINNED = REPO / "tests" / "fixtures" / "layout_pinned.json"


@dataclass
class TextPage:
    """A page of plain text and the gold kind of each of its lines (None when blank)."""

    id: str
    source: str  # handwritten | fixture | trafilatura-eval | scrapinghub
    split: str  # train | dev | test
    lines: list[Line]
    style: str = "as written"  # the renderer, for pages made from HTML
    title: str | None = None
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return as_text(self.lines)


# --------------------------------------------------------------------------- hand-written


def parse_labelled(text: str, *, name: str = "<page>") -> list[Line]:
    """The lines of a ``kind | text`` file; raises ValueError naming a bad line."""
    lines: list[Line] = []
    for n, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            lines.append(Line("", None))
            continue
        label, sep, rest = raw.partition("|")
        label = label.strip()
        start = label.endswith("*")
        kind = label.rstrip("*")
        if not sep or kind not in SEGMENT_KINDS or (start and kind != "comment"):
            raise ValueError(f"{name}:{n}: expected 'kind | text', got {raw!r}")
        body = rest[1:] if rest.startswith(" ") else rest
        if not body.strip():
            lines.append(Line("", None))
            continue
        lines.append(Line(body.rstrip(), kind, start))
    while lines and lines[-1].kind is None:
        lines.pop()
    return lines


def split_of_handwritten(root: Path = LAYOUT_FIXTURES) -> dict[str, str]:
    data = json.loads((root / "split.json").read_text(encoding="utf-8"))
    return {name: part for part in ("train", "test") for name in data[part]}


def handwritten_pages(root: Path = LAYOUT_FIXTURES) -> list[TextPage]:
    """The hand-written pages, each with the split recorded for it in ``split.json``."""
    split = split_of_handwritten(root)
    pages = []
    for path in sorted(root.glob("*.txt")):
        name = path.stem
        if name not in split:
            raise ValueError(f"{path}: page is not in {root / 'split.json'}")
        lines = parse_labelled(path.read_text(encoding="utf-8"), name=str(path))
        pages.append(TextPage(name, "handwritten", split[name], lines))
    missing = set(split) - {p.id for p in pages}
    if missing:
        raise ValueError(f"{root / 'split.json'} names pages that do not exist: {sorted(missing)}")
    return pages


# --------------------------------------------------------------------------- fixtures


def lines_from_segments(text: str, segments: Sequence[tuple[str, int, int]]) -> list[Line]:
    """Per-line labels of a page from its segments (kind, start, end): each line takes the
    kind of the segment covering it; a comment's first line starts it."""
    out: list[Line] = []
    pos = 0
    seg_i = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            out.append(Line(raw, None))
            pos += len(raw) + 1
            continue
        s = pos + len(raw) - len(raw.lstrip())
        while seg_i < len(segments) and segments[seg_i][2] <= s:
            seg_i += 1
        kind: str | None = None
        start = False
        if seg_i < len(segments) and segments[seg_i][1] <= s:
            kind = segments[seg_i][0]
            start = kind == "comment" and segments[seg_i][1] == s
        out.append(Line(raw, kind or "boilerplate", start))
        pos += len(raw) + 1
    while out and out[-1].kind is None and not out[-1].text.strip():
        out.pop()
    return out


def fixture_pages(shared_seed: Path | None = None) -> list[TextPage]:
    """The project's own fixture pages, labelled by their pinned segments."""
    if not PINNED.is_file():
        return []
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    pages = []
    for rel, entry in sorted(pinned["pages"].items()):
        path = Path(rel) if rel.startswith("/") else REPO / rel
        if entry.get("shared"):
            if shared_seed is None or not shared_seed.is_file():
                continue
            path = shared_seed
        if not path.is_file() or path.suffix != ".txt":
            continue
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        segs = [tuple(s) for s in entry["plain"]]
        lines = lines_from_segments(text, segs)
        pages.append(TextPage(path.stem, "fixture", "train", lines, title=entry.get("title")))
    return pages


# --------------------------------------------------------------------------- HTML


def bucket(key: str, n: int = 5) -> int:
    """A page's bucket, from the sha1 of its index key: splits never depend on file order."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % n


def split_of_key(key: str) -> str:
    """trafilatura-eval's split of a page: bucket 0 is test, 1 dev, 2 to 4 train."""
    b = bucket(key)
    return "test" if b == 0 else "dev" if b == 1 else "train"


def trafilatura_eval_pages(root: Path, *, splits: Sequence[str] = ("train", "dev", "test"),
                           limit: int | None = None) -> Iterator[tuple[str, str, LabelledHtml]]:
    """(split, id, labelled HTML page) for each page of trafilatura-eval in ``splits``."""
    count = 0
    for entry in trafilatura_eval.read_index(root):
        split = split_of_key(entry.key)
        if split not in splits:
            continue
        labelled = label_trafilatura_eval(root, entry)
        if labelled is None:
            continue
        yield split, entry.file, labelled
        count += 1
        if limit is not None and count >= limit:
            return


def scrapinghub_pages(root: Path, *,
                      limit: int | None = None) -> Iterator[tuple[str, str, LabelledHtml]]:
    """("test", id, labelled HTML page) for the benchmark's pages: it is never trained on."""
    for item in scrapinghub.load_items(root, limit=limit):
        labelled = label_scrapinghub(item)
        if labelled is not None:
            yield "test", item.id[:16], labelled


def rendered(source: str, split: str, pid: str, labelled: LabelledHtml,
             styles: Sequence[str] = RENDERERS) -> list[TextPage]:
    """A labelled HTML page as one text page per renderer in ``styles``."""
    out = []
    for k, style in enumerate(styles):
        lines = render(labelled.blocks, labelled.labels, style, seed=hash((pid, k)) & 0xFFFF)
        if any(line.kind for line in lines):
            out.append(TextPage(f"{pid}:{style}", source, split, lines, style, labelled.title))
    return out


def styles_for(pid: str, split: str) -> tuple[str, ...]:
    """Training pages get two renderers each (alternating by page, to keep the corpus
    small); held-back pages are scored in every renderer."""
    if split == "test":
        return RENDERERS
    k = zlib.crc32(pid.encode()) % len(RENDERERS)
    return (RENDERERS[k], RENDERERS[(k + 2) % len(RENDERERS)])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write the layout corpus as JSON lines.")
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--limit", type=int, help="HTML pages per dataset")
    args = ap.parse_args(argv)
    pages: list[TextPage] = [*handwritten_pages(), *fixture_pages()]
    for split, pid, lab in trafilatura_eval_pages(args.data / "trafilatura-eval",
                                                  limit=args.limit):
        pages += rendered("trafilatura-eval", split, pid, lab, styles_for(pid, split))
    for split, pid, lab in scrapinghub_pages(args.data / "article-extraction-benchmark",
                                             limit=args.limit):
        pages += rendered("scrapinghub", split, pid, lab)
    with args.out.open("w", encoding="utf-8") as fh:
        for p in pages:
            fh.write(json.dumps({
                "id": p.id, "source": p.source, "split": p.split, "style": p.style,
                "lines": [[ln.text, ln.kind, ln.start] for ln in p.lines],
            }, ensure_ascii=False) + "\n")
    print(f"{len(pages)} pages -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
