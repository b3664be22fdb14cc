"""How the judged page sample (``pages.json``) was drawn, so that it can be drawn again
and checked: ``python -m newsaudit.evaluation.findings.sample [--data-dir DIR]``.

Every choice is by rule and by hash, never by reading a page and liking it: within a
dataset the candidates are taken in the order of ``sha256("sample:" + reference)`` after
the filters below, and the split is decided by ``sha256("split:" + reference)``: in each
dataset the first half (rounded up) in that order is ``dev``, the rest ``test``. Changing
the filters or counts redraws the sample, and with it the judged pages: do it only with
a new judging round.

    fa-kes            45: three articles from each of the 15 outlets; content at least
                      400 characters; ids whose repeated rows differ are left out
    fnc1              40: bodies of 400-6,000 characters with an "agree" or "discuss"
                      headline; 20 that give a casualty figure, 20 others that attribute
                      something to someone ("said", "told", "according to")
    ptc               30: articles of train and dev alike
    fakenewscorpus    30: English, news-like (a title, 600-12,000 characters, not a
                      "market report" press release, its opening not repeated by another
                      row), at most 8 from one domain
    trafilatura-eval  35: English articles (by their snippets' function words) of the
                      news outlets in NEWS_HOSTS, not a site's home page
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlparse

from newsaudit.datasets import default_data_dir, fakenewscorpus, fakes, fnc1, ptc, trafilatura_eval
from newsaudit.evaluation.findings.pages import (
    DATASETS,
    FAKENEWSCORPUS_FILE,
    FAKES_FILE,
    FNC_BODIES,
    FNC_STANCES,
    HEADLINE_STANCES,
    PTC_FOLDERS,
    SAMPLE,
    SPLITS,
    PageLoader,
    PageRef,
    read_sample,
)

__all__ = [
    "COUNTS", "NEWS_HOSTS", "draw", "draw_more", "draw_other_headlines", "english_share",
    "host", "main", "order", "render", "split",
]

COUNTS: dict[str, int] = {
    "fa-kes": 45, "fnc1": 40, "ptc": 30, "fakenewscorpus": 30, "trafilatura-eval": 35,
}
FAKES_PER_OUTLET = 3
FAKENEWSCORPUS_PER_DOMAIN = 8

#: English-language outlets in trafilatura's evaluation set that publish news reporting
#: (papers, broadcasters, agencies, news magazines and local news sites), chosen by host
#: from the set's index; blogs, shops, recipes, wikis and company pages are not here.
NEWS_HOSTS: frozenset[str] = frozenset({
    "abc13.com", "abc7news.com", "bbc.com", "bostonherald.com", "breakingbelizenews.com",
    "californiaglobe.com", "caymancompass.com", "cbsnews.com", "citylimits.org",
    "corkbeo.ie", "dailymail.co.uk", "economist.com", "edition.cnn.com",
    "fivethirtyeight.com", "gothamist.com", "haitiantimes.com", "heartlandnewsfeed.com",
    "independent.co.uk", "investmentwatchblog.com", "jamaica.gleaner.com",
    "jamaicaobserver.com", "japantimes.co.jp", "kaieteurnewsonline.com", "kxan.com",
    "latimes.com", "miamitodaynews.com", "msn.com", "nationnews.com", "nature.com",
    "newrepublic.com", "nowgrenada.com", "nytimes.com", "observer.com", "pagesix.com",
    "phys.org", "politico.com", "publishedreporter.com", "reuters.com",
    "roughdraftatlanta.com", "salon.com", "scmp.com", "searchlight.vc", "standard.co.uk",
    "stluciatimes.com", "telegraph.co.uk", "theatlantic.com", "theguardian.com",
    "theintercept.com", "thelocal.se", "thestkittsnevisobserver.com", "timesofisrael.com",
    "twincities.com", "vancouversun.com", "vice.com", "viconsortium.com", "villagevoice.com",
    "wired.com", "world.kbs.co.kr", "wsvn.com",
})

_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for it with was on as are be by this have "
                    "from at he she they his her not but".split()),
    "de": frozenset("der die und das ist nicht mit den von zu ein eine auf für im sich auch "
                    "dem des".split()),
    "es": frozenset("el la los las de que y en un una por con para del se es".split()),
    "fr": frozenset("le la les de des et est un une pour dans que qui du au".split()),
}
_CASUALTY = re.compile(
    r"\b(?:\d[\d,]*|dozens|scores|hundreds|thousands|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b[^.]{0,60}?\b(?:killed|dead|died|"
    r"deaths|injured|wounded|casualties|victims)\b", re.I)
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to)\b", re.I)
_MARKET_REPORT = re.compile(r"\bmarket\b.*\b(?:report|analysis|forecast|research|size|share|"
                            r"growth|outlook)\b", re.I)


def order(ref: str, salt: str = "sample") -> str:
    """The key candidates (``salt="sample"``) and splits (``salt="split"``) are sorted by."""
    return hashlib.sha256(f"{salt}:{ref}".encode()).hexdigest()


def english_share(text: str) -> float:
    """Share of words that are English function words, 0 when another language's function
    words outnumber them (a cheap language test that needs no model)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return 0.0
    counts = {lang: sum(w in fw for w in words) for lang, fw in _FUNCTION_WORDS.items()}
    if max(counts, key=lambda k: counts[k]) != "en":
        return 0.0
    return counts["en"] / len(words)


def _take(refs: Iterable[str], n: int) -> list[str]:
    return sorted(refs, key=order)[:n]


def draw_fakes(articles: Sequence[fakes.Article], n: int = COUNTS["fa-kes"],
               per_outlet: int = FAKES_PER_OUTLET) -> list[str]:
    texts: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        texts[a.unit_id].add(a.content)
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for uid, a in fakes.article_by_id(list(articles)).items():
        if len(texts[uid]) == 1 and len(a.content) >= 400:
            by_outlet[a.source].append(f"fa-kes:{uid}")
    out = [r for refs in by_outlet.values() for r in _take(refs, per_outlet)]
    return _take(out, n)


def draw_fnc(pairs: Sequence[fnc1.Pair], n: int = COUNTS["fnc1"]) -> list[str]:
    bodies = {p.body_id: p.body for p in pairs
              if p.stance in HEADLINE_STANCES and 400 <= len(p.body) <= 6000}
    casualty = [f"fnc1:{i}" for i, b in bodies.items() if _CASUALTY.search(b)]
    sourced = [f"fnc1:{i}" for i, b in bodies.items()
               if not _CASUALTY.search(b) and _ATTRIBUTION.search(b)]
    return _take(casualty, n // 2) + _take(sourced, n - n // 2)


def draw_ptc(ids: Iterable[str], n: int = COUNTS["ptc"]) -> list[str]:
    return _take((f"ptc:{i}" for i in ids), n)


def draw_fakenewscorpus(articles: Sequence[fakenewscorpus.Article],
                        n: int = COUNTS["fakenewscorpus"],
                        per_domain_cap: int = FAKENEWSCORPUS_PER_DOMAIN) -> list[str]:
    openings = Counter(a.content[:200] for a in articles)
    ok = {f"fakenewscorpus:{a.id}": a for a in articles
          if a.title.strip() and 600 <= len(a.content) <= 12000
          and openings[a.content[:200]] == 1 and not _MARKET_REPORT.search(a.title)
          and english_share(a.content) >= 0.15}
    out: list[str] = []
    per_domain: Counter[str] = Counter()
    for ref in sorted(ok, key=order):
        domain = ok[ref].domain.removeprefix("www.")
        if per_domain[domain] < per_domain_cap:
            per_domain[domain] += 1
            out.append(ref)
    return out[:n]


def host(entry: trafilatura_eval.Entry) -> str:
    """The site of an index entry: its URL's host, else (``hard::`` entries) the start of
    its file name, which the set names after the site."""
    if entry.url:
        return (urlparse(entry.url).hostname or "").removeprefix("www.")
    return entry.file.split("-")[0].removeprefix("www.")


def _article_path(entry: trafilatura_eval.Entry) -> bool:
    return entry.url is None or urlparse(entry.url).path.strip("/") != ""


def draw_trafilatura(entries: Sequence[trafilatura_eval.Entry],
                     n: int = COUNTS["trafilatura-eval"]) -> list[str]:
    refs = [f"trafilatura-eval:{e.file}" for e in entries
            if host(e) in NEWS_HOSTS and _article_path(e)
            and english_share(" ".join((e.title or "", *e.with_snippets))) > 0]
    return _take(dict.fromkeys(refs), n)


def draw(data_dir: Path, scale: int = 1) -> list[str]:
    """The sample's references, dataset by dataset, each in its drawing order.

    ``scale`` draws ``scale`` times as many of each (and per outlet or domain), in the same
    order, so the first sample is the head of every larger one: a later sample is the
    larger draw minus the pages already drawn."""
    folder = {name: Path(data_dir) / sub for name, sub in DATASETS.items()}
    ptc_ids: list[str] = []
    for name in PTC_FOLDERS:
        ptc_ids.extend(ptc.read_articles(folder["ptc"] / name))
    articles = fakes.read_articles(folder["fa-kes"] / FAKES_FILE)
    return [
        *draw_fakes(articles, COUNTS["fa-kes"] * scale, FAKES_PER_OUTLET * scale),
        *draw_fnc(fnc1.read_fnc(folder["fnc1"] / FNC_STANCES, folder["fnc1"] / FNC_BODIES),
                  COUNTS["fnc1"] * scale),
        *draw_ptc(ptc_ids, COUNTS["ptc"] * scale),
        *draw_fakenewscorpus(fakenewscorpus.read_articles(
            folder["fakenewscorpus"] / FAKENEWSCORPUS_FILE), COUNTS["fakenewscorpus"] * scale,
            FAKENEWSCORPUS_PER_DOMAIN * scale),
        *draw_trafilatura(trafilatura_eval.read_index(folder["trafilatura-eval"]),
                          COUNTS["trafilatura-eval"] * scale),
    ]


def draw_more(data_dir: Path, exclude: Iterable[str], counts: dict[str, int],
              scale: int = 2) -> list[str]:
    """A further sample of ``counts`` pages per dataset that none of ``exclude`` holds:
    the next pages in the drawing order (of a draw ``scale`` times as large), so it is
    drawn by the same rule and never repeats a judged page."""
    seen = set(exclude)
    out: list[str] = []
    taken: Counter[str] = Counter()
    for ref in draw(data_dir, scale=scale):
        name = ref.partition(":")[0]
        if ref not in seen and taken[name] < counts.get(name, 0):
            taken[name] += 1
            out.append(ref)
    return out


def draw_other_headlines(data_dir: Path, lists: Iterable[PageRef], n: int) -> list[str]:
    """``n`` pages ``fnc1:<id>/<k>``: a body of the dev pages of ``lists`` under another of
    its agree or discuss headlines, in the drawing order. FNC-1 gives each body the
    headlines of several outlets, so the dev bodies stand under headlines no rule was
    written on, while no test body is read."""
    loader = PageLoader(data_dir)
    dev_bodies = {int(ref.ref.partition(":")[2]) for ref in lists
                  if ref.split == "dev" and ref.dataset == "fnc1" and "/" not in ref.ref}
    listed = {ref.ref for ref in lists}
    candidates = [r for b in sorted(dev_bodies) for r in loader.fnc_headline_refs(b)
                  if r not in listed]
    return sorted(candidates, key=order)[:n]


def split(refs: Sequence[str]) -> dict[str, str]:
    """Reference -> ``"dev"`` or ``"test"``: half of each dataset (the odd one to dev)."""
    by_dataset: dict[str, list[str]] = defaultdict(list)
    for ref in refs:
        by_dataset[ref.partition(":")[0]].append(ref)
    out: dict[str, str] = {}
    for group in by_dataset.values():
        ranked = sorted(group, key=lambda r: order(r, "split"))
        half = (len(ranked) + 1) // 2
        out.update({r: "dev" if i < half else "test" for i, r in enumerate(ranked)})
    return out


ABOUT = (
    "The judged real-page sample of `newsaudit eval findings`: references 'dataset:id' to "
    "pages of the public datasets (never their text) and the split each is in. Drawn by "
    "newsaudit.evaluation.findings.sample; read by newsaudit.evaluation.findings.pages, "
    "whose docstring says how a reference becomes a page."
)


def render(refs: Sequence[str], splits: dict[str, str], about: str = ABOUT) -> str:
    """``pages.json``: one page per line, so a change to the sample reads as a small diff."""
    counts = dict(Counter(r.partition(":")[0] for r in refs))
    lines = [json.dumps({"page": r, "split": splits[r]}, ensure_ascii=False) for r in refs]
    return (f'{{\n "about": {json.dumps(about)},\n "counts": {json.dumps(counts)},\n'
            f' "pages": [\n  ' + ",\n  ".join(lines) + "\n ]\n}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Draw the sample from the data directory and write it as ``pages.json``."""
    parser = argparse.ArgumentParser(prog="python -m newsaudit.evaluation.findings.sample")
    parser.add_argument("--data-dir", type=Path, default=None, help="the shared/data directory")
    parser.add_argument("--out", type=Path, default=SAMPLE, help="where to write pages.json")
    parser.add_argument("--more", metavar="DATASET=N,...", default=None,
                        help="draw a further sample of N pages per dataset that none of "
                             "--exclude holds (all in the split given by --split)")
    parser.add_argument("--exclude", type=Path, nargs="*", default=[SAMPLE],
                        help="with --more: page lists whose pages are not drawn again")
    parser.add_argument("--split", choices=SPLITS, default="dev",
                        help="with --more: the split of every page drawn")
    parser.add_argument("--scale", type=int, default=2,
                        help="with --more: draw from a draw this many times the sample's size")
    parser.add_argument("--about", default=None, help="with --more: what the sample is for")
    parser.add_argument("--other-headlines", type=int, metavar="N", default=None,
                        help="draw N dev pages: FNC-1 bodies of --exclude's dev pages under "
                             "another of their headlines (fnc1:<id>/<k>)")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or default_data_dir()
    if args.other_headlines:
        lists = [ref for path in args.exclude for ref in read_sample(path)]
        refs = draw_other_headlines(data_dir, lists, args.other_headlines)
        splits = dict.fromkeys(refs, "dev")
        args.out.write_text(render(refs, splits, args.about or ABOUT), encoding="utf-8")
    elif args.more:
        counts = {k: int(v) for k, _, v in (p.partition("=") for p in args.more.split(","))}
        exclude = [ref.ref for path in args.exclude for ref in read_sample(path)]
        refs = draw_more(data_dir, exclude, counts, args.scale)
        splits = dict.fromkeys(refs, args.split)
        args.out.write_text(render(refs, splits, args.about or ABOUT), encoding="utf-8")
    else:
        refs = draw(data_dir)
        splits = split(refs)
        args.out.write_text(render(refs, splits), encoding="utf-8")
    print(f"{len(refs)} pages written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
