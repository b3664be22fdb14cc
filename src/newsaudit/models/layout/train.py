"""Train the layout model and write ``layout.npz`` + ``layout.json`` beside this module.

    newsaudit train layout [--data ../shared/data] [--out DIR]
    python -m newsaudit.models.layout.train

Data (see :mod:`.corpus`): the hand-written pages of ``tests/fixtures/layout`` in their
train split, the project's fixture pages with their pinned segments, and the
trafilatura-eval pages of the train and dev buckets, laid out by two renderers each.
Hand-written and fixture pages are also laid out again without blank lines and hard-wrapped
(see :func:`augment`), because scraped text loses exactly that; and every hand-written,
fixture and HTML training page is also cut down to the bare article (body only, and
headline then body, see :func:`article_only`), because scrapers very often output only
that. Held-back pages (trafilatura-eval's test bucket, the Scrapinghub benchmark, the
hand-written test split) are never read here.

Recipe: multinomial logistic regression (scikit-learn, lbfgs) over 2**18 hashed features,
decoded with kind transitions counted separately between touching lines and across a blank
line (:func:`transitions`);
lines of hand-written and fixture pages weigh more than lines of rendered HTML, because
the HTML corpus is a hundred times larger and its labels are derived, not written. The
Viterbi transition weight and the headline threshold are chosen on the dev part
(trafilatura-eval's dev bucket, and the hand-written train pages of one fold of a 4-fold
split by page, see :data:`SELECTION_FOLDS`); the shipped model is then fitted on train +
dev.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import textwrap
import time
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.line_cues import Row, rows_of
from newsaudit.models._trainer import add_out_argument
from newsaudit.models.layout.corpus import (
    TextPage,
    fixture_pages,
    handwritten_pages,
    rendered,
    styles_for,
    trafilatura_eval_pages,
)
from newsaudit.models.layout.features import FEATURISER_VERSION, TITLE_SMALL, featurise
from newsaudit.models.layout.render import Line
from newsaudit.models.layout.runtime import SPEC, TAGS, LayoutModel, gap_state, hash_features

N_BITS = 18
#: Inverse L2 strength; 1, 3 and 10 scored within 0.3 points of each other in
#: cross-validation on the text pages (2026-12), 3 the best.
C = 3.0
GRID_TEXT_WEIGHT = (30.0,)
GRID_TRANSITION = (0.3, 0.6, 1.0)
GRID_HEAD_MIN = (0.05, 0.1, 0.2)
FOLDS = 4
#: The folds of that cross-validation the selection scores. One fold of four: the whole
#: cross-validation, and a second text weight (100), cost five times the training time,
#: which two shared CPU cores did not have when the shipped model was built (2026-12-03).
SELECTION_FOLDS = (0,)
MAX_ITER = 300
#: ``--quick``: the middle of each selection grid, and a third of the HTML pages.
QUICK = {"text_weight": 30.0, "transition_weight": 0.6, "head_min": 0.1}
QUICK_HTML_PAGES = {"train": 40, "dev": 10}
RECOMBINATIONS = 4
#: Rendered trafilatura-eval pages used, per bucket. More did not help the text pages:
#: 150 train pages cost the text cross-validation 0.5 points and gained 12 on the
#: rendered dev pages; the full 605 cost 3 points. The shipped model uses 100 and 50,
#: for the training time (see SELECTION_FOLDS).
HTML_PAGES = {"train": 100, "dev": 50}


# --------------------------------------------------------------------------- data


def augment(page: TextPage) -> list[TextPage]:
    """The page as written, without blank lines, and hard-wrapped like a text browser."""
    tight = [ln for ln in page.lines if ln.kind is not None]
    wrapped: list[Line] = []
    for ln in page.lines:
        if ln.kind is None or len(ln.text) <= 76:
            wrapped.append(Line(("   " + ln.text) if ln.kind == "body" else ln.text, ln.kind,
                                ln.start))
            continue
        parts = textwrap.wrap(ln.text.strip(), 72, initial_indent="   ",
                              subsequent_indent="   ", break_long_words=False)
        wrapped += [Line(p, ln.kind, ln.start and j == 0) for j, p in enumerate(parts)]
    return [
        page,
        TextPage(page.id + ":tight", page.source, page.split, tight, "tight", page.title,
                 page.meta),
        TextPage(page.id + ":wrapped", page.source, page.split, wrapped, "browser", page.title,
                 page.meta),
    ]


def _sections(page: TextPage) -> tuple[list[Line], list[Line], list[Line]] | None:
    """The page cut before its headline and after its last body line: (furniture above,
    headline to body end, everything below); ``None`` for a page without a body."""
    lines = page.lines
    body = [i for i, ln in enumerate(lines) if ln.kind == "body"]
    if not body:
        return None
    head = next((i for i, ln in enumerate(lines) if ln.kind == "headline"), body[0])
    head = min(head, body[0])
    return lines[:head], lines[head : body[-1] + 1], lines[body[-1] + 1 :]


def recombine(pages: Sequence[TextPage], *, per_page: int = 3, seed: int = 7) -> list[TextPage]:
    """New pages made of one page's article with another's header furniture and a third's
    tail (related lists, comments, forms): the layout of a site is independent of the story,
    and 28 hand-written pages are too few to show every furniture next to every article."""
    import random

    rng = random.Random(seed)
    cut = [(p, s) for p in pages if (s := _sections(p)) is not None]
    out: list[TextPage] = []
    for page, (_, article, _) in cut:
        for j in range(per_page):
            top_page, (top, _, _) = rng.choice(cut)
            tail_page, (_, _, tail) = rng.choice(cut)
            lines = [*top, Line("", None), *article, Line("", None), *tail]
            while lines and lines[0].kind is None:
                lines.pop(0)
            while lines and lines[-1].kind is None:
                lines.pop()
            cleaned: list[Line] = []
            for ln in lines:  # no runs of more than two blank lines at the joins
                if ln.kind is None and len(cleaned) >= 2 and cleaned[-1].kind is None \
                        and cleaned[-2].kind is None:
                    continue
                cleaned.append(ln)
            out.append(TextPage(f"{page.id}:mix{j}", page.source, page.split, cleaned,
                                "recombined", page.title,
                                {"made_of": [top_page.id, page.id, tail_page.id]}))
    return out


#: The kinds a scraper keeps when it outputs only the article.
_ARTICLE_KINDS = ("headline", "standfirst", "body")


def title_cased(text: str) -> str:
    """A headline as sites that set headlines in title case print it ("Mayor Says New Tram
    Line Will Open a Year Late"): every word capitalised but short function words, the
    rest of each word left as it is (acronyms stay)."""
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        if w[:1].islower() and (i == 0 or w.lower() not in TITLE_SMALL):
            w = w[0].upper() + w[1:]
        out.append(w)
    return " ".join(out)


def article_only(page: TextPage) -> list[TextPage]:
    """The page as scrapers very often output it: only the article's body, and the
    headline (with the standfirst, when there is one) then the body. Without these every
    training page opens with furniture, and the model learns that a page's first lines are
    chrome: a bare article body then loses its lead sentences."""
    out = []
    for name, kinds in (("bodyonly", ("body",)), ("article", _ARTICLE_KINDS)):
        lines = [ln for ln in page.lines if ln.kind is None or ln.kind in kinds]
        cleaned: list[Line] = []
        for ln in lines:  # one blank line where furniture was cut out
            if ln.kind is None and (not cleaned or cleaned[-1].kind is None):
                continue
            cleaned.append(ln)
        while cleaned and cleaned[-1].kind is None:
            cleaned.pop()
        if sum(1 for ln in cleaned if ln.kind == "body") >= 2:
            out.append(TextPage(f"{page.id}:{name}", page.source, page.split, cleaned,
                                name, page.title, page.meta))
            heads = [ln for ln in cleaned if ln.kind == "headline"]
            if name == "article" and heads and any(title_cased(h.text) != h.text
                                                   for h in heads):
                # the hand-written headlines are mostly in sentence case, as British
                # sites set them; American sites and most scraped datasets use title case
                titled = [Line(title_cased(ln.text), ln.kind, ln.start)
                          if ln.kind == "headline" else ln for ln in cleaned]
                out.append(TextPage(f"{page.id}:{name}:titled", page.source, page.split,
                                    titled, name, page.title, page.meta))
    return out


def labelled_rows(page: TextPage) -> tuple[list[Row], list[str]]:
    """The page's non-blank rows and their gold tags."""
    rows, _ = rows_of(page.text)
    tags = [("comment_start" if ln.start else ln.kind) for ln in page.lines if ln.kind]
    if len(rows) != len(tags):
        raise ValueError(f"{page.id}: {len(rows)} text lines but {len(tags)} labels")
    return rows, [t for t in tags if t is not None]


def build(data: Path, *, html_pages: dict[str, int] | None = None,
          log=print) -> dict[str, list[TextPage]]:  # noqa: ANN001
    """Training material by part: "text" (hand-written train pages, their recombinations and
    the fixtures, each also laid out again), "html-train" and "html-dev" (rendered
    trafilatura-eval pages of those buckets, the first :data:`HTML_PAGES` of each)."""
    seed = data.parent / "seed" / "000_7f03ef909f668712.txt"
    hand = [p for p in handwritten_pages() if p.split == "train"]
    fixtures = fixture_pages(seed)
    text = hand + recombine(hand, per_page=RECOMBINATIONS) + fixtures
    bare = [a for p in hand + fixtures for a in article_only(p)]
    # the bare articles as written only: laid out again three ways they would outweigh
    # the whole pages they come from, and the model calls standfirsts and captions body
    parts: dict[str, list[TextPage]] = {"text": [a for p in text for a in augment(p)] + bare,
                                        "html-train": [], "html-dev": []}
    t0 = time.perf_counter()
    limits = HTML_PAGES if html_pages is None else html_pages
    taken = {"train": 0, "dev": 0}
    for split, pid, lab in trafilatura_eval_pages(data / "trafilatura-eval",
                                                  splits=("train", "dev")):
        if taken[split] >= limits[split]:
            if all(taken[k] >= limits[k] for k in taken):
                break
            continue
        taken[split] += 1
        pages = rendered("trafilatura-eval", split, pid, lab, styles_for(pid, split))
        parts[f"html-{split}"] += [*pages, *(article_only(pages[0]) if pages else [])]
    log(f"corpus: {len(parts['text'])} text pages, {len(parts['html-train'])} + "
        f"{len(parts['html-dev'])} rendered HTML pages ({time.perf_counter() - t0:.0f} s)")
    return parts


# --------------------------------------------------------------------------- matrices


class Encoded:
    """A list of pages as one hashed sparse matrix, with each page's row range."""

    def __init__(self, pages: Sequence[TextPage]) -> None:
        from scipy import sparse

        indptr = [0]
        indices: list[np.ndarray] = []
        values: list[np.ndarray] = []
        y: list[int] = []
        gaps: list[int] = []
        self.bounds: list[tuple[int, int]] = []
        self.pages = list(pages)
        tag_index = {t: i for i, t in enumerate(TAGS)}
        for page in pages:
            rows, tags = labelled_rows(page)
            start = len(y)
            for f, t in zip(featurise(rows, title=page.title), tags, strict=True):
                idx, val = hash_features(f, N_BITS)
                indices.append(idx)
                values.append(val)
                indptr.append(indptr[-1] + len(idx))
                y.append(tag_index[t])
            gaps += [r.gap_before for r in rows]
            self.bounds.append((start, len(y)))
        self.X = sparse.csr_matrix(
            (np.concatenate(values) if values else np.zeros(0, np.float32),
             np.concatenate(indices) if indices else np.zeros(0, np.int64), indptr),
            shape=(len(y), 1 << N_BITS), dtype=np.float32,
        )
        self.y = np.array(y, dtype=np.int64)
        #: blank lines before each row (the transitions' gap state)
        self.gaps = np.array(gaps, dtype=np.int64)

    def subset(self, keep: Sequence[int]) -> tuple[Any, np.ndarray, list[tuple[int, int]]]:
        rows = np.concatenate([np.arange(*self.bounds[i]) for i in keep]) if keep else \
            np.zeros(0, np.int64)
        bounds, pos = [], 0
        for i in keep:
            a, b = self.bounds[i]
            bounds.append((pos, pos + b - a))
            pos += b - a
        return self.X[rows], self.y[rows], bounds

    def gaps_of(self, keep: Sequence[int]) -> np.ndarray:
        """The rows' blank lines before them, in the order of :meth:`subset`."""
        return np.concatenate([self.gaps[slice(*self.bounds[i])] for i in keep]) if keep \
            else np.zeros(0, np.int64)


def transitions(ys: Sequence[np.ndarray], gaps: Sequence[np.ndarray]) -> np.ndarray:
    """Log transition probabilities (add-one smoothed), with a start row last, for each
    gap state (:func:`~.runtime.gap_state`: lines that touch, lines a blank line parts).
    One table for both states read the train pages 0.5 points lower in cross-validation
    (bench/layout_cv.py, 2026-12-05): a caption's credit, a comment's lines and a list's
    items touch; a new part of the page mostly follows a blank line."""
    k = len(TAGS)
    counts = np.ones((2, k + 1, k))
    for y, g in zip(ys, gaps, strict=True):
        if len(y):
            counts[:, k, y[0]] += 1
        for a, b, gap in zip(y[:-1], y[1:], g[1:], strict=True):
            counts[gap_state(int(gap)), a, b] += 1
    return np.log(counts / counts.sum(axis=2, keepdims=True)).astype(np.float32)


def page_transitions(enc: Encoded, keep: Sequence[int]) -> np.ndarray:
    """:func:`transitions` of the pages ``keep`` of ``enc``."""
    return transitions([enc.y[a:b] for a, b in (enc.bounds[i] for i in keep)],
                       [enc.gaps[a:b] for a, b in (enc.bounds[i] for i in keep)])


def fit(X: Any, y: np.ndarray, weights: np.ndarray, C: float) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, max_iter=MAX_ITER, tol=1e-4)
    clf.fit(X, y, sample_weight=weights)
    W = np.zeros((X.shape[1], len(TAGS)), dtype=np.float32)
    b = np.full(len(TAGS), -30.0, dtype=np.float32)
    for j, cls in enumerate(clf.classes_):
        W[:, cls] = clf.coef_[j]
        b[cls] = clf.intercept_[j]
    return W, b


def model_of(W: np.ndarray, b: np.ndarray, T: np.ndarray, weight: float,
             head_min: float = 1.0) -> LayoutModel:
    card = {"n_bits": N_BITS, "tags": list(TAGS), "transition_weight": weight,
            "head_min": head_min}
    return LayoutModel(card, {"W": W, "b": b, "T": T})


def page_logp(model: LayoutModel, X: Any) -> np.ndarray:
    z = np.asarray(X @ model.W) + model.b
    z -= z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def accuracy(model: LayoutModel, X: Any, y: np.ndarray, bounds: Sequence[tuple[int, int]],
             gaps: np.ndarray) -> dict[str, float]:
    """Line accuracy on kinds (a comment's first line and its others are one kind)."""
    kinds = np.array([TAGS.index("comment") if t == "comment_start" else i
                      for i, t in enumerate(TAGS)])
    logp = page_logp(model, X)
    right = total = 0.0
    for a, b in bounds:
        pred = np.array([TAGS.index(t) for t in model.decode_page(logp[a:b], gaps[a:b])],
                        dtype=np.int64)
        right += float((kinds[pred] == kinds[y[a:b]]).sum())
        total += b - a
    return {"accuracy": right / total if total else 0.0, "lines": total}


# --------------------------------------------------------------------------- selection


def _weights(enc: Encoded, keep: Sequence[int], text_weight: float) -> np.ndarray:
    w = []
    for i in keep:
        a, b = enc.bounds[i]
        heavy = enc.pages[i].source in ("handwritten", "fixture")
        w.append(np.full(b - a, text_weight if heavy else 1.0))
    return np.concatenate(w) if w else np.zeros(0)


def _base_ids(page: TextPage) -> list[str]:
    made_of = page.meta.get("made_of")
    return list(made_of) if isinstance(made_of, list) else [page.id.split(":")[0]]


def _fold_of(page_id: str) -> int:
    return zlib.crc32(page_id.encode()) % FOLDS


def _cv_split(pages: Sequence[TextPage], k: int) -> tuple[list[int], list[int]]:
    """Fold ``k`` of the cross-validation over text pages, by the pages written by hand:
    a derived page (a copy laid out again, a recombination) trains only when none of
    the pages it was made from is in fold ``k``, and only original pages are scored."""
    train = [i for i, p in enumerate(pages) if all(_fold_of(b) != k for b in _base_ids(p))]
    test = [i for i, p in enumerate(pages) if ":" not in p.id and _fold_of(p.id) == k]
    return train, test


def _cv_text(enc: Encoded, parts: dict[str, list[TextPage]], html_idx: list[int],
             tw: float, C: float) -> list[tuple[np.ndarray, np.ndarray, list[int]]]:
    """Models of the FOLDS-fold cross-validation over the text pages (each fold also
    trained on ``html_idx``), with the text pages each one scores."""
    out = []
    for k in SELECTION_FOLDS:
        tr, te = _cv_split(parts["text"], k)
        tr += html_idx
        Xk, yk, _ = enc.subset(tr)
        Wk, bk = fit(Xk, yk, _weights(enc, tr, tw), C)
        out.append((Wk, bk, te))
    return out


def select(parts: dict[str, list[TextPage]], log=print) -> dict[str, Any]:  # noqa: ANN001
    """Choose the text weight, the transition weight and the headline threshold: the
    score is 3/4 cross-validated accuracy on the text pages (what the model serves) and
    1/4 accuracy on the rendered dev pages (so that it stays general)."""
    pages = parts["text"] + parts["html-train"] + parts["html-dev"]
    enc = Encoded(pages)
    n_text, n_train = len(parts["text"]), len(parts["html-train"])
    text_idx = list(range(n_text))
    train_idx = list(range(n_text, n_text + n_train))
    dev_idx = list(range(n_text + n_train, len(pages)))
    T = page_transitions(enc, range(len(enc.pages)))
    Xd, yd, bd = enc.subset(dev_idx)
    gd = enc.gaps_of(dev_idx)
    results = []
    for tw in GRID_TEXT_WEIGHT:
        keep = text_idx + train_idx
        X, y, _ = enc.subset(keep)
        W, b = fit(X, y, _weights(enc, keep, tw), C)
        cv = _cv_text(enc, parts, train_idx, tw, C)
        for tr_w in GRID_TRANSITION:
            for head_min in GRID_HEAD_MIN:
                html_acc = accuracy(model_of(W, b, T, tr_w, head_min), Xd, yd, bd,
                                    gd)["accuracy"]
                right = total = 0.0
                for Wk, bk, te in cv:
                    Xt, yt, bt = enc.subset(te)
                    r = accuracy(model_of(Wk, bk, T, tr_w, head_min), Xt, yt, bt,
                                 enc.gaps_of(te))
                    right += r["accuracy"] * r["lines"]
                    total += r["lines"]
                row = {"text_weight": tw, "transition_weight": tr_w, "head_min": head_min,
                       "dev_html_accuracy": round(html_acc, 4),
                       "cv_text_accuracy": round(right / total if total else 0.0, 4)}
                log(json.dumps(row))
                results.append(row)
    best = max(results, key=lambda r: 0.75 * r["cv_text_accuracy"]
               + 0.25 * r["dev_html_accuracy"])
    return {"best": best, "grid": results, "encoded": enc}


def train_final(enc: Encoded, best: dict[str, Any]) -> LayoutModel:
    keep = list(range(len(enc.pages)))
    X, y, _ = enc.subset(keep)
    W, b = fit(X, y, _weights(enc, keep, best["text_weight"]), C)
    T = page_transitions(enc, keep)
    return model_of(W, b, T, best["transition_weight"], best["head_min"])


def save(model: LayoutModel, out: Path, card: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    # float16 weights: the model's decisions do not change (checked by the trainer's
    # final scores), and the artifact is a quarter of float32's size.
    np.savez_compressed(out / SPEC.arrays, W=model.W.astype(np.float16),
                        b=model.b.astype(np.float32), T=model.T.astype(np.float32))
    (out / SPEC.card).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n",
                            encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    from newsaudit.datasets import default_data_dir

    ap = argparse.ArgumentParser(prog="newsaudit train layout", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=default_data_dir(),
                    help="the shared data directory (with trafilatura-eval/)")
    add_out_argument(ap, SPEC)
    ap.add_argument("--quick", action="store_true",
                    help="no selection: the settings of QUICK and fewer HTML pages (minutes, "
                         "not an hour, on a busy machine)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    chosen: dict[str, Any]
    if args.quick:
        parts = build(args.data, html_pages=QUICK_HTML_PAGES)
        chosen = {"best": {**QUICK, "dev_html_accuracy": None, "cv_text_accuracy": None},
                  "grid": [],
                  "encoded": Encoded(parts["text"] + parts["html-train"] + parts["html-dev"])}
    else:
        parts = build(args.data)
        chosen = select(parts)
    best = chosen["best"]
    model = train_final(chosen["encoded"], best)
    card = {
        "model": "layout",
        "about": "Line kinds of a plain-text news page (newsaudit.models.layout): multinomial "
                 "logistic regression over hashed line features, Viterbi-decoded with learned "
                 "kind transitions, one table between touching lines and one across a "
                 "blank line.",
        "trained": dt.date.today().isoformat(),
        "trainer": "newsaudit.models.layout.train",
        "data": {
            "handwritten": "tests/fixtures/layout (train split of split.json)",
            "fixtures": "tests/fixtures/layout_pinned.json pages",
            "trafilatura-eval": "../shared/data/trafilatura-eval, sha1(index key) % 5 == 1 (dev) "
                                "and 2..4 (train), first pages of each in evaldata order",
            "pages": {k: len(v) for k, v in parts.items()},
        },
        "featuriser": FEATURISER_VERSION,
        "n_bits": N_BITS,
        "tags": list(TAGS),
        "C": C,
        "text_weight": best["text_weight"],
        "transition_weight": best["transition_weight"],
        "head_min": best["head_min"],
        "selection": {"dev_html_accuracy": best["dev_html_accuracy"],
                      "cv_text_accuracy": best["cv_text_accuracy"], "grid": chosen["grid"]},
        "seconds": round(time.perf_counter() - t0),
    }
    save(model, args.out, card)
    print(f"wrote {args.out / SPEC.arrays} and {args.out / SPEC.card}: {json.dumps(best)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
