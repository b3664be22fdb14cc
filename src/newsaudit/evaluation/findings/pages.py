"""The judged page sample: which real pages it holds, in which split, and how each is
read from the public datasets into the text (or HTML) that ``newsaudit`` audits.

The sample is ``pages.json`` beside this module: references ``dataset:id``, never text,
each with the split it was put in when the sample was drawn (see :mod:`.sample`). The
page a reference names is rebuilt from the dataset the same way every time:

    fa-kes:<unit_id>           "<article_title>\\n\\n<article_content>" (first row of the id)
    fnc1:<Body ID>             "<headline>\\n\\n<articleBody>"; the headline is the body's
                               first "agree" headline in train_stances.csv, else its first
                               "discuss" one (FNC-1 bodies have no headline of their own)
    fnc1:<Body ID>/<k>         the same body under its k-th agree or discuss headline
                               (k from 1, in train_stances.csv order, each wording once):
                               one body under the headlines of several outlets
    ptc:<article id>           article<id>.txt of train-articles or dev-articles, as is
                               (its first line is the title)
    fakenewscorpus:<id>        "<title>\\n\\n<content>" (the content alone without a title)
    trafilatura-eval:<file>    the HTML page, read as HTML
    basil:<year>/<stem>        "<title>\n\n<paragraph>\n\n<paragraph>..." of BASIL's
                               articles/<year>/<stem>.json, a paragraph's sentences joined
                               by one space
    polnear:<name>             train/text/<name>.txt of PolNeAR, as is (its first line is
                               the title); only the train compartment, since PolNeAR's dev
                               part scores the attribution stage

so judgment offsets, which count characters of the analysed text, stay valid as long as
the data and the reading of it do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from newsaudit.datasets import fakenewscorpus, fakes, fnc1, ptc, trafilatura_eval
from newsaudit.datasets._files import read_text
from newsaudit.errors import InputNotFound, MalformedInput

__all__ = [
    "DATASETS",
    "SAMPLE",
    "SPLITS",
    "PageLoader",
    "PageRef",
    "PageSource",
    "parse_ref",
    "read_sample",
    "select",
]

SAMPLE = Path(__file__).with_name("pages.json")
SPLITS: tuple[str, ...] = ("dev", "test")

#: dataset name in a reference -> its folder under the data directory
DATASETS: dict[str, str] = {
    "fa-kes": "fa-kes",
    "fnc1": "fnc1",
    "ptc": "semeval2020-task11-ptc",
    "fakenewscorpus": "fakenewscorpus-sample",
    "trafilatura-eval": "trafilatura-eval",
    "basil": "basil",
    "polnear": "polnear",
}

FAKES_FILE = "FA-KES-Dataset.csv"
FNC_BODIES, FNC_STANCES = "train_bodies.csv", "train_stances.csv"
PTC_FOLDERS: tuple[str, ...] = ("train-articles", "dev-articles")
POLNEAR_TEXTS = "train/text"
FAKENEWSCORPUS_FILE = "news_sample.csv"
#: FNC-1 stances whose headline may stand over the body, in order of preference
HEADLINE_STANCES: tuple[str, ...] = ("agree", "discuss")


def parse_ref(ref: str) -> tuple[str, str]:
    """``"fa-kes:123"`` -> ``("fa-kes", "123")``; an unknown dataset is a ValueError."""
    dataset, sep, ident = ref.partition(":")
    if not sep or not ident or dataset not in DATASETS:
        raise ValueError(f"{ref!r} is not a page reference 'dataset:id' "
                         f"(datasets: {', '.join(DATASETS)})")
    return dataset, ident


@dataclass(frozen=True)
class PageRef:
    """One page of the sample and the split it belongs to."""

    ref: str
    split: str

    @property
    def dataset(self) -> str:
        return parse_ref(self.ref)[0]


def read_sample(path: Path = SAMPLE) -> list[PageRef]:
    """The sample's pages, in file order; a reference that does not parse, repeats or has
    no known split makes the file malformed."""
    path = Path(path)
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"line {exc.lineno}: not JSON: {exc.msg}", source=str(path)) from exc
    items = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise MalformedInput('expected {"pages": [{"page": ..., "split": ...}, ...]}',
                             source=str(path))
    out: list[PageRef] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        ref = item.get("page") if isinstance(item, dict) else None
        split = item.get("split") if isinstance(item, dict) else None
        try:
            parse_ref(str(ref))
        except ValueError as exc:
            raise MalformedInput(f"page {n}: {exc}", source=str(path)) from exc
        if split not in SPLITS:
            raise MalformedInput(f"page {n} ({ref}): split is {split!r}, expected dev or test",
                                 source=str(path))
        if ref in seen:
            raise MalformedInput(f"page {n}: {ref} repeats", source=str(path))
        seen.add(str(ref))
        out.append(PageRef(str(ref), str(split)))
    return out


def select(pages: list[PageRef], split: str) -> list[PageRef]:
    """The pages of one split, or all of them for ``"all"``."""
    if split == "all":
        return list(pages)
    if split not in SPLITS:
        raise ValueError(f"split must be dev, test or all, not {split!r}")
    return [p for p in pages if p.split == split]


@dataclass(frozen=True)
class PageSource:
    """What the audit reads for one reference: the page as text or HTML."""

    ref: str
    data: str
    fmt: str


class PageLoader:
    """Reads pages by reference from a data directory, each dataset file once."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        if not self.data_dir.is_dir():
            raise InputNotFound("no such data directory", source=str(self.data_dir))

    def _folder(self, dataset: str) -> Path:
        return self.data_dir / DATASETS[dataset]

    @cached_property
    def _fakes(self) -> dict[str, fakes.Article]:
        return fakes.article_by_id(fakes.read_articles(self._folder("fa-kes") / FAKES_FILE))

    @cached_property
    def _fnc_pairs(self) -> list[fnc1.Pair]:
        folder = self._folder("fnc1")
        return fnc1.read_fnc(folder / FNC_STANCES, folder / FNC_BODIES)

    @cached_property
    def _fnc(self) -> dict[int, tuple[str, str]]:
        pairs = self._fnc_pairs
        out: dict[int, tuple[str, str]] = {}
        for stance in reversed(HEADLINE_STANCES):  # the preferred stance is set last
            firsts: dict[int, tuple[str, str]] = {}
            for p in pairs:
                if p.stance == stance:
                    firsts.setdefault(p.body_id, (p.headline, p.body))
            out.update(firsts)
        return out

    @cached_property
    def _fnc_headlines(self) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for p in self._fnc_pairs:
            seen = out.setdefault(p.body_id, [])
            if p.stance in HEADLINE_STANCES and p.headline not in seen:
                seen.append(p.headline)
        return out

    def fnc_headline_refs(self, body_id: int) -> list[str]:
        """The references ``fnc1:<id>/<k>`` of every agree or discuss headline of a body,
        but the one ``fnc1:<id>`` already stands under."""
        first = self._fnc.get(body_id)
        return [f"fnc1:{body_id}/{k}"
                for k, h in enumerate(self._fnc_headlines.get(body_id, []), 1)
                if first is None or h != first[0]]

    @cached_property
    def _ptc(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name in PTC_FOLDERS:
            folder = self._folder("ptc") / name
            if folder.is_dir():
                out.update(ptc.read_articles(folder))
        if not out:
            raise InputNotFound(f"no {' or '.join(PTC_FOLDERS)}", source=str(self._folder("ptc")))
        return out

    @cached_property
    def _fakenewscorpus(self) -> dict[str, fakenewscorpus.Article]:
        path = self._folder("fakenewscorpus") / FAKENEWSCORPUS_FILE
        return {a.id: a for a in fakenewscorpus.read_articles(path)}

    def text_refs(self) -> list[str]:
        """Every plain-text page this loader can read, in dataset order: FNC-1 bodies
        with an agree or discuss headline, FA-KES rows, PTC articles, FakeNewsCorpus rows
        (dev-pool-13.json is those that no other list holds)."""
        return [*(f"fnc1:{i}" for i in self._fnc), *(f"fa-kes:{i}" for i in self._fakes),
                *(f"ptc:{i}" for i in self._ptc),
                *(f"fakenewscorpus:{i}" for i in self._fakenewscorpus)]

    def political_refs(self) -> list[str]:
        """Every BASIL article and every PolNeAR train text, in file order: US political
        news of several outlets, rich in attributed statements (dev-pool-15.json)."""
        basil, polnear = self._folder("basil"), self._folder("polnear") / POLNEAR_TEXTS
        for folder in (basil / "articles", polnear):
            if not folder.is_dir():
                raise InputNotFound("no such directory", source=str(folder))
        return [*(f"basil:{p.parent.name}/{p.stem}"
                  for p in sorted((basil / "articles").glob("*/*.json"))),
                *(f"polnear:{p.stem}" for p in sorted(polnear.glob("*.txt")))]

    def _fnc_page(self, ident: str) -> str:
        body_id, _, k = ident.partition("/")
        pair = self._fnc.get(int(body_id)) if body_id.isdigit() else None
        source = str(self._folder("fnc1") / FNC_STANCES)
        if pair is None:
            raise InputNotFound(f"no Body ID {body_id} with an agree or discuss headline",
                                source=source)
        if not k:
            return f"{pair[0]}\n\n{pair[1]}"
        headlines = self._fnc_headlines[int(body_id)]
        if not k.isdigit() or not 1 <= int(k) <= len(headlines):
            raise InputNotFound(f"Body ID {body_id} has no agree or discuss headline {k} "
                                f"(it has {len(headlines)})", source=source)
        return f"{headlines[int(k) - 1]}\n\n{pair[1]}"

    def load(self, ref: str) -> PageSource:
        """The page ``ref`` names; a missing file or id is an input error about it."""
        dataset, ident = parse_ref(ref)
        folder = self._folder(dataset)
        if dataset == "fa-kes":
            article = self._fakes.get(ident)
            if article is None:
                raise InputNotFound(f"no unit_id {ident}", source=str(folder / FAKES_FILE))
            return PageSource(ref, f"{article.title}\n\n{article.content}", "text")
        if dataset == "fnc1":
            return PageSource(ref, self._fnc_page(ident), "text")
        if dataset == "ptc":
            text = self._ptc.get(ident)
            if text is None:
                raise InputNotFound(f"no article{ident}.txt", source=str(folder))
            return PageSource(ref, text, "text")
        if dataset == "fakenewscorpus":
            item = self._fakenewscorpus.get(ident)
            if item is None:
                raise InputNotFound(f"no id {ident}", source=str(folder / FAKENEWSCORPUS_FILE))
            title = item.title.strip()
            return PageSource(ref, f"{title}\n\n{item.content}" if title else item.content,
                              "text")
        if dataset == "basil":
            return PageSource(ref, _basil_page(folder, ident), "text")
        if dataset == "polnear":
            path = folder / POLNEAR_TEXTS / f"{ident}.txt"
            if "/" in ident or not path.is_file():
                raise InputNotFound(f"no {ident}.txt", source=str(folder / POLNEAR_TEXTS))
            return PageSource(ref, read_text(path), "text")
        return PageSource(ref, trafilatura_eval.read_page(folder, ident), "html")


def _basil_page(folder: Path, ident: str) -> str:
    """A BASIL article as a page: its title, then its paragraphs."""
    year, _, stem = ident.partition("/")
    path = folder / "articles" / year / f"{stem}.json"
    if not (year.isdigit() and stem and "/" not in stem and path.is_file()):
        raise InputNotFound(f"no article {ident}", source=str(folder / "articles"))
    try:
        data = json.loads(read_text(path))
        paragraphs = [" ".join(str(s).strip() for s in para) for para in data["body-paragraphs"]]
        title = str(data.get("title") or "").strip()
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise MalformedInput(f"not a BASIL article ({exc})", source=str(path)) from exc
    return "\n\n".join(p for p in (title, *paragraphs) if p)
