"""Boilerplate in body on the DEV pages, line by line: what the HTML reader keeps as body
that no gold body line holds, with the markup the line sits in.

    .venv/bin/python bench/body_residue.py [--data ../shared/data] [--limit N] [--min 1]

Reads only trafilatura-eval's dev bucket (:func:`newsaudit.models.layout.evaluate.dev_html`),
or with ``--split train`` its train buckets, never the held-back pages. For each page
with residue it prints the page's share and, per
body cell left over (a table row is split into its cells, as the score does), its length,
the gold kind of a gold line with that text (``-`` when the reader's text is no gold line:
trafilatura joined or cut lines), and the page block that holds it, laid out as the reader
lays it out: zone, tag, link share and the classes/ids of its nearest ancestors. Pages are
sorted by junk characters, so the largest causes come first; the total matches ``newsaudit
eval anatomy --split dev``.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from newsaudit.ingest import load_page
from newsaudit.ingest.blocks import page_blocks
from newsaudit.ingest.html import _EXTRACT_OPTIONS, _body_paragraphs, _clean_tree
from newsaudit.models.layout.corpus import trafilatura_eval_pages
from newsaudit.models.layout.evaluate import dev_html

_WS_RE = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS_RE.sub(" ", s).strip()


def _marks(el: object, depth: int = 4) -> str:
    out = []
    node = el
    for _ in range(depth):
        if node is None:
            break
        tag = getattr(node, "tag", "")
        cls = (node.get("class") or "").strip()  # type: ignore[attr-defined]
        ident = (node.get("id") or "").strip()  # type: ignore[attr-defined]
        classes = "." + ".".join(cls.split()) if cls else ""
        out.append(f"{tag}{'#' + ident if ident else ''}{classes}")
        node = node.getparent()  # type: ignore[attr-defined]
    return " < ".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--min", type=int, default=1, help="print pages with at least this many "
                    "junk characters")
    ap.add_argument("--split", choices=("dev", "train"), default="dev",
                    help="trafilatura-eval's dev bucket (default) or its train buckets; "
                    "the test bucket is never read")
    args = ap.parse_args(argv)
    if args.split == "dev":
        pages, _ = dev_html(args.data, limit=args.limit)
    else:
        pages = list(trafilatura_eval_pages(args.data / "trafilatura-eval", splits=("train",),
                                            limit=args.limit))
    rows = []
    total_body = total_junk = 0
    for _, pid, lab in pages:
        page = load_page(lab.html, source="<dev>", fmt="html")
        gold = [(g.kind, _norm(g.text)) for g in lab.labels]
        body_gold = " ".join(t for k, t in gold if k == "body")
        kind_of = {}
        for k, t in gold:
            kind_of.setdefault(t, k)
        import trafilatura

        extracted = trafilatura.bare_extraction(lab.html, **_EXTRACT_OPTIONS)
        blocks = {}
        for b in page_blocks(_clean_tree(lab.html), article=_body_paragraphs(extracted)):
            blocks.setdefault(_norm(b.text), b)
        junk = []
        body = 0
        for s in page.segments:
            if s.kind != "body":
                continue
            text = _norm(s.text)
            body += len(text)
            for cell in text.split(" | "):
                if cell not in body_gold:
                    junk.append(cell)
        total_body += body
        n = sum(len(c) for c in junk)
        total_junk += n
        if n >= args.min:
            rows.append((n, body, pid, junk, kind_of, blocks))
    rows.sort(key=lambda r: -r[0])
    for n, body, pid, junk, kind_of, blocks in rows:
        print(f"== {pid}: {n} of {body} body chars ({100 * n / max(body, 1):.1f} %)")
        for cell in junk:
            b = blocks.get(cell)
            where = (f"zone={b.zone or '-'} tag={b.tag} link={b.link_share:.2f} "
                     f"{_marks(b.element)}") if b is not None else "(no single block)"
            print(f"  [{len(cell):4d} {kind_of.get(cell, '-'):>11}] {cell[:160]!r}")
            print(f"         {where[:220]}")
    print(f"\nall pages: {total_junk} of {total_body} body chars "
          f"({100 * total_junk / max(total_body, 1):.2f} %), {len(rows)} pages with residue")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
