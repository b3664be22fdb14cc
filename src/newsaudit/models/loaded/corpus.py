"""The labelled sentences the loaded-language tagger learns from and is scored on,
built from three public datasets (read by :mod:`newsaudit.datasets`), and their splits.

Data (read in place, never copied into the repository):

* BABE (``babe/final_labels_SG2.csv``, plus SG1 sentences SG2 lacks): sentence labels
  Biased/Non-biased and the words annotators marked as biased. A biased sentence with no
  marked words teaches the gate but not the tagger (its words are unlabelled, not neutral).
* BASIL (``basil/``): lexical-bias spans (``bias == "lex"``, quoted or not) are loaded;
  every other word of the 300 articles is not (informational-bias spans are facts chosen
  with a slant, not loaded words).
* PTC (``semeval2020-task11-ptc``): ``Loaded_Language`` spans of the *training* labels are
  loaded; words inside ``Name_Calling,Labeling`` spans are left out of the loss (they are
  often loaded too, so calling them neutral would teach the wrong lesson).

Splits, fixed by hashing so that anyone gets the same ones:

* BABE: whole **topics** held out (test ~20% of sentences, validation ~15%): the tool meets
  unseen subjects, and a random sentence split would let topical words leak.
* BASIL: whole **events** held out (test ~20%, validation ~15%): the three outlets' takes on
  one event share wording, so they must fall on one side.
* PTC: train articles (validation: ~15% of them); the official **dev** set is the test.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsaudit.datasets.babe import read_babe
from newsaudit.datasets.basil import read_basil
from newsaudit.datasets.ptc import Label, read_articles, read_labels
from newsaudit.models.loaded.features import tokenize

__all__ = [
    "DATASETS",
    "Sentence",
    "babe_topic_splits",
    "label_tokens",
    "labels_by_article",
    "load_babe",
    "load_basil",
    "load_ptc",
    "load_splits",
    "ptc_sentences",
]

#: The three datasets, in the order every score lists them.
DATASETS = ("babe", "basil", "ptc")


@dataclass(frozen=True)
class Sentence:
    """One sentence with word labels: 1 loaded, 0 not, -1 left out of the loss."""

    text: str
    tokens: tuple[tuple[int, int, str], ...]
    labels: tuple[int, ...]
    gold: tuple[tuple[int, int], ...]
    dataset: str
    group: str
    doc: str
    offset: int = 0
    biased: int | None = None


def label_tokens(
    text: str, gold: Sequence[tuple[int, int]], ignore: Sequence[tuple[int, int]] = (),
    *, unlabelled: bool = False,
) -> tuple[tuple[tuple[int, int, str], ...], tuple[int, ...]]:
    """Word labels from character spans: a word overlapping a gold span is loaded."""
    toks = tuple(tokenize(text))
    labels: list[int] = []
    for s, e, _ in toks:
        if any(s < ge and gs < e for gs, ge in gold):
            labels.append(1)
        elif unlabelled or any(s < ie and is_ < e for is_, ie in ignore):
            labels.append(-1)
        else:
            labels.append(0)
    return toks, tuple(labels)


def _bucket(key: str, salt: str) -> float:
    """A stable number in [0, 1) for a key: the basis of every split here."""
    return int(hashlib.sha1(f"{salt}:{key}".encode()).hexdigest()[:8], 16) / 2**32


def split_of(key: str, salt: str, test: float, val: float) -> str:
    b = _bucket(key, salt)
    return "test" if b < test else "val" if b < test + val else "train"


# --- BABE -----------------------------------------------------------------------------

_TOPIC_ALIASES = {"blm": "black lives matter", "vaccine": "vaccines"}


def canonical_topic(topic: str) -> str:
    t = topic.strip().lower().replace("-", " ")
    return _TOPIC_ALIASES.get(t, t)


def _word_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for w in words:
        w = w.strip()
        if not w:
            continue
        pat = re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)", re.IGNORECASE)
        spans.extend((m.start(), m.end()) for m in pat.finditer(text))
    return sorted(set(spans))


def babe_topic_splits(sentences: Sequence[Sentence], test: float = 0.2,
                      val: float = 0.15) -> dict[str, str]:
    """Topic -> split: topics in sha1 order fill test to ``test`` of the sentences, then
    validation to ``test + val`` (see the module docstring for why whole topics)."""
    sizes: dict[str, int] = {}
    for s in sentences:
        sizes[s.group] = sizes.get(s.group, 0) + 1
    total = sum(sizes.values())
    out: dict[str, str] = {}
    filled = 0
    for topic in sorted(sizes, key=lambda t: _bucket(t, "babe-topic")):
        share = (filled + sizes[topic] / 2) / total  # the topic's midpoint decides
        out[topic] = "test" if share < test else "val" if share < test + val else "train"
        filled += sizes[topic]
    return out


def load_babe(root: Path) -> list[Sentence]:
    """SG2 (3,674 expert-labelled sentences) plus any SG1 sentence not in SG2."""
    out: list[Sentence] = []
    seen: set[str] = set()
    for name in ("final_labels_SG2.csv", "final_labels_SG1.csv"):
        for row in read_babe(root / "babe" / name):
            text, label = row.text, row.label_bias
            key = " ".join(text.lower().split())
            if label not in ("Biased", "Non-biased") or key in seen:
                continue
            seen.add(key)
            biased = int(label == "Biased")
            gold = _word_spans(text, row.biased_words) if biased else []
            toks, labels = label_tokens(text, gold, unlabelled=bool(biased) and not gold)
            out.append(Sentence(text, toks, labels, tuple(gold), "babe",
                                canonical_topic(row.topic), row.news_link, biased=biased))
    return out


# --- BASIL ----------------------------------------------------------------------------

def load_basil(root: Path) -> list[Sentence]:
    """Sentences of the 300 BASIL articles with their lexical-bias spans.

    BASIL gives a phrase's offsets in its sentence but not which sentence: the first whose
    characters at those offsets are the phrase, else the first that contains it.
    """
    out: list[Sentence] = []
    for art in read_basil(root / "basil"):
        sents = art.sentences
        gold: dict[int, list[tuple[int, int]]] = {}
        for p in art.phrases:
            if p.bias != "lex":
                continue
            hits = [i for i, s in enumerate(sents) if s[p.start:p.end] == p.text]
            if not hits:
                hits = [i for i, s in enumerate(sents) if p.text in s][:1]
                if not hits:
                    continue
                start = sents[hits[0]].find(p.text)
            else:
                start = p.start
            gold.setdefault(hits[0], []).append((start, start + len(p.text)))
        for i, s in enumerate(sents):
            g = sorted(gold.get(i, []))
            toks, labels = label_tokens(s, g)
            out.append(Sentence(s, toks, labels, tuple(g), "basil", art.event, art.name))
    return out


def basil_event_split(event: str) -> str:
    return split_of(event, "basil-event", 0.2, 0.15)


# --- PTC ------------------------------------------------------------------------------

LOADED = "Loaded_Language"
IGNORED = frozenset({"Name_Calling,Labeling"})


def labels_by_article(labels: Iterable[Label]) -> dict[str, list[Label]]:
    """Gold labels grouped by the article they belong to, in file order."""
    out: dict[str, list[Label]] = {}
    for lab in labels:
        out.setdefault(lab.article, []).append(lab)
    return out


def _clip(
    labels: Sequence[Label], kinds: Container[str | None], start: int, end: int
) -> list[tuple[int, int]]:
    """The ``kinds`` spans that reach into ``[start, end)``, cut to it and made line-relative."""
    return [(max(lab.start, start) - start, min(lab.end, end) - start) for lab in labels
            if lab.technique in kinds and lab.start < end and start < lab.end]


def ptc_sentences(article_id: str, text: str, labels: Sequence[Label]) -> list[Sentence]:
    """One sentence per non-empty line; spans are clipped to lines."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        gold = _clip(labels, {LOADED}, start, end)
        toks, labs = label_tokens(line, gold, _clip(labels, IGNORED, start, end))
        out.append(Sentence(line, toks, labs, tuple(sorted(gold)), "ptc", article_id,
                            article_id, offset=start))
    return out


def load_ptc(articles: Path, labels: Path) -> list[Sentence]:
    """The sentences of a PTC split (articles + technique labels, file or directory)."""
    by_article = labels_by_article(read_labels(labels))
    out: list[Sentence] = []
    for art, text in read_articles(articles).items():
        out.extend(ptc_sentences(art, text, by_article.get(art, [])))
    return out


def ptc_article_split(article: str) -> str:
    return split_of(article, "ptc-article", 0.0, 0.15)


# --- splits ---------------------------------------------------------------------------

def load_splits(root: Path) -> dict[str, list[Sentence]]:
    """``train``/``val``/``test`` lists over the three datasets (PTC test = official dev)."""
    parts: dict[str, list[Sentence]] = {"train": [], "val": [], "test": []}
    babe = load_babe(root)
    topics = babe_topic_splits(babe)
    for s in babe:
        parts[topics[s.group]].append(s)
    for s in load_basil(root):
        parts[basil_event_split(s.group)].append(s)
    ptc = root / "semeval2020-task11-ptc"
    for s in load_ptc(ptc / "train-articles", ptc / "train-task2-TC.labels"):
        parts[ptc_article_split(s.group)].append(s)
    parts["test"].extend(load_ptc(ptc / "dev-articles", ptc / "dev-gold" / "dev-task-TC.labels"))
    return parts
