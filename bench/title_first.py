"""How often a page that opens on its title keeps it as the headline.

Every text page of the judged findings samples is laid out "title, blank line, body" by
construction (FNC-1, FA-KES, PTC, FakeNewsCorpus). Only their **dev** pages are read (a
page any sample lists as test is left out), since the layout model is tuned on these
counts. For each dataset: pages whose first line is not read as the headline, and the
share of non-headline characters read as something other than body.

    python bench/title_first.py --data ../shared/data [-v]
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from newsaudit.anatomy import segment_text
from newsaudit.evaluation.findings.pages import PageLoader, read_sample

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsaudit" / "evaluation" / "findings"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list the pages missed")
    args = ap.parse_args()
    listed = [p for f in sorted(SAMPLES.glob("*.json")) for p in read_sample(f)]
    test = {p.ref for p in listed if p.split != "dev"}
    refs = sorted({p.ref for p in listed if p.split == "dev"} - test)
    loader = PageLoader(args.data)
    pages: collections.Counter[str] = collections.Counter()
    missed: collections.Counter[str] = collections.Counter()
    lost: collections.Counter[str] = collections.Counter()
    for ref in refs:
        src = loader.load(ref)
        if src.fmt != "text":
            continue
        ds = ref.split(":")[0]
        text = src.data
        first = text.split("\n", 1)[0].strip()
        segs = segment_text(text)
        heads = [s for s in segs if s.kind == "headline"]
        pages[ds] += 1
        if not (heads and heads[0].text.strip().startswith(first[:40])):
            missed[ds] += 1
            if args.verbose:
                kind = next((s.kind for s in segs if s.start <= text.find(first) < s.end), None)
                print(f"{ref}\t{kind}\t{first[:70]}")
        rest = sum(s.end - s.start for s in segs if s.kind != "headline")
        body = sum(s.end - s.start for s in segs if s.kind == "body")
        lost[ds] += 1 - body / max(1, rest)
    for ds in sorted(pages):
        print(f"{ds:15} {missed[ds]:4} of {pages[ds]:4} pages lose their title line; "
              f"{lost[ds] / pages[ds]:.3f} of the rest read as not body")


if __name__ == "__main__":
    main()
