"""Train the propaganda span and technique models; write ``propaganda.npz`` + card.

    newsaudit train propaganda [--ptc /work/shared/data/semeval2020-task11-ptc] [--out DIR]

Recipe, all decided on the PTC *training* articles only: they are split by article
(seeded, 80/20); the span model is fitted on the 80%, and its decoding (the low and high
thresholds of a hysteresis decoder, gap bridging, minimum span length) and C are chosen
for the official SI F1 on the 20%; the technique model's C is chosen for TC micro-F1 on the
same 20%; the phrase model's threshold is the lowest reaching 0.40 precision on the 20%
(its candidates are the noun chunks of newsaudit's spaCy parse). All three are then
refitted on all training articles. The dev set is scored once, for the card, and never
used to choose anything. The corpus is read in place and never copied into the repo.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.datasets import default_data_dir
from newsaudit.datasets.ptc import Label, read_articles, read_labels, trim_span
from newsaudit.models._trainer import add_out_argument
from newsaudit.models.propaganda.features import (
    FEATURISER_VERSION,
    N_TOKEN_TEMPLATES,
    hash_terms,
    span_terms,
    token_features,
    tokenize,
    trim_phrase,
    word_counts,
)
from newsaudit.models.propaganda.runtime import (
    ARTIFACT,
    CARD,
    PHRASE_TECHNIQUES,
    SPEC,
    TECHNIQUES,
    PropagandaModel,
)
from newsaudit.models.propaganda.scoring import (
    predict_spans,
    predict_techniques,
    si_score,
    tc_score,
)

N_SI = 2**19
N_TC = 2**16
SEED = 13
SI_C = (0.1,)
TC_C = (3.0, 10.0, 30.0)
LOWS = tuple(round(x, 2) for x in np.arange(0.10, 0.32, 0.02))
HIGHS = tuple(round(x, 2) for x in np.arange(0.20, 0.62, 0.04))
GAPS = (0, 2, 4, 6)
MIN_CHARS = (4, 8, 12)


def default_root() -> Path:
    return default_data_dir() / "semeval2020-task11-ptc"


def split_articles(
    ids: Sequence[str], *, seed: int = SEED, held_out: float = 0.2
) -> tuple[list[str], list[str]]:
    """A seeded split by article (spans of one article never straddle the split)."""
    ids = sorted(ids)
    random.Random(seed).shuffle(ids)
    k = round(len(ids) * held_out)
    return sorted(ids[k:]), sorted(ids[:k])


def si_rows(text: str, spans: Sequence[tuple[int, int]] | None) -> tuple[Any, np.ndarray]:
    """CSR parts (indices, indptr, data) of one article's tokens, and their in-span labels."""
    toks = tokenize(text)
    idx, sidx, sptr = token_features(toks, N_SI)
    n = len(toks.words)
    sizes = np.diff(sptr)
    indices: list[np.ndarray] = []
    data: list[np.ndarray] = []
    counts = np.empty(n, dtype=np.int64)
    for s, (a, b) in enumerate(toks.sent_bounds):
        sc = sidx[sptr[s] : sptr[s + 1]]
        block = np.hstack([idx[a:b], np.tile(sc, (b - a, 1))])
        vals = np.hstack(
            [
                np.ones((b - a, N_TOKEN_TEMPLATES)),
                np.full((b - a, len(sc)), 1 / np.sqrt(max(sizes[s], 1))),
            ]
        )
        indices.append(block.ravel())
        data.append(vals.ravel())
        counts[a:b] = block.shape[1]
    y = np.zeros(n, dtype=np.int64)
    if spans:
        inside = np.zeros(len(text) + 1, dtype=np.int64)
        for s, e in spans:
            inside[s] += 1
            inside[e] -= 1
        cover = np.cumsum(inside) > 0
        csum = np.r_[0, np.cumsum(cover)]
        y = ((csum[toks.ends] - csum[toks.starts]) > 0).astype(np.int64)
    return (np.concatenate(indices), counts, np.concatenate(data)), y


def si_matrix(
    texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
) -> tuple[Any, np.ndarray]:
    from scipy.sparse import csr_matrix

    parts = [si_rows(t, s) for t, s in zip(texts, spans, strict=True)]
    indices = np.concatenate([p[0][0] for p in parts])
    counts = np.concatenate([p[0][1] for p in parts])
    data = np.concatenate([p[0][2] for p in parts])
    indptr = np.r_[0, np.cumsum(counts)]
    X = csr_matrix((data, indices, indptr), shape=(len(counts), N_SI))
    X.sum_duplicates()
    return X, np.concatenate([p[1] for p in parts])


def tc_matrix(articles: dict[str, str], labels: Sequence[Label]) -> Any:
    from scipy.sparse import csr_matrix

    cache: dict[str, Any] = {}
    indices: list[np.ndarray] = []
    indptr = [0]
    data: list[np.ndarray] = []
    for lab in labels:
        if lab.article not in cache:
            toks = tokenize(articles[lab.article])
            cache[lab.article] = (toks, word_counts(toks))
        toks, counts = cache[lab.article]
        cols = hash_terms(span_terms(articles[lab.article], lab.start, lab.end, toks, counts), N_TC)
        indices.append(cols)
        data.append(np.full(len(cols), 1 / np.sqrt(max(len(cols), 1))))
        indptr.append(indptr[-1] + len(cols))
    return csr_matrix(
        (np.concatenate(data), np.concatenate(indices), np.asarray(indptr)),
        shape=(len(labels), N_TC),
    )


def fit_si(X: Any, y: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(
        C=C, solver="liblinear", tol=1e-3, max_iter=200, random_state=SEED, intercept_scaling=10.0
    )
    lr.fit(X, y)
    return lr.coef_.ravel().astype(np.float32), float(lr.intercept_[0])


def fit_tc(X: Any, labels: Sequence[Label], C: float) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    y = np.array([TECHNIQUES.index(str(lab.technique)) for lab in labels])
    lr = LogisticRegression(C=C, solver="lbfgs", max_iter=2000)
    lr.fit(X, y)
    coef = np.zeros((len(TECHNIQUES), N_TC), dtype=np.float32)
    bias = np.full(len(TECHNIQUES), -30.0)
    coef[lr.classes_] = lr.coef_
    bias[lr.classes_] = lr.intercept_
    return coef, bias


def make_model(
    si: tuple[np.ndarray, float],
    tc: tuple[np.ndarray, np.ndarray],
    decoding: dict[str, Any],
    phrase: tuple[np.ndarray, float, float] | None = None,
) -> PropagandaModel:
    ph = phrase or (np.zeros(tc[0].shape[1], np.float32), -30.0, 1.0)
    return PropagandaModel(
        si_coef=si[0],
        si_bias=si[1],
        tc_coef=tc[0],
        tc_bias=tc[1],
        techniques=TECHNIQUES,
        ph_coef=ph[0],
        ph_bias=ph[1],
        phrase_threshold=ph[2],
        low=float(decoding["low"]),
        high=float(decoding["high"]),
        gap=int(decoding["gap"]),
        min_chars=int(decoding["min_chars"]),
        card={},
    )


def tune_decoding(
    model: PropagandaModel, articles: dict[str, str], gold: dict[str, list[tuple[int, int]]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Grid over low x high x gap x min_chars for the official SI F1 on held-out articles."""
    probs = {}
    for a, text in articles.items():
        toks = tokenize(text)
        probs[a] = (toks, model.token_probs(toks))
    grid: list[dict[str, Any]] = []
    for low in LOWS:
        for high in (h for h in HIGHS if h >= low):
            for gap in GAPS:
                for mc in MIN_CHARS:
                    dec = {"low": low, "high": high, "gap": gap, "min_chars": mc}
                    m = make_model(
                        (model.si_coef, model.si_bias), (model.tc_coef, model.tc_bias), dec
                    )
                    pred = {a: [(s, e) for s, e, _ in m.spans(t, p)] for a, (t, p) in probs.items()}
                    sc = si_score(gold, pred)
                    grid.append(
                        {**dec, **{k: round(v, 4) for k, v in sc.items() if isinstance(v, float)}}
                    )
    best = max(grid, key=lambda r: (r["f1"], r["high"], r["low"]))
    return {k: best[k] for k in ("low", "high", "gap", "min_chars")}, grid


PHRASE_C = 10.0
PHRASE_BANDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
PHRASE_MIN_PRECISION = 0.40
#: Gold techniques a phrase may stand for on its own (Repetition is about recurrence, not
#: about the phrase, so it is left out of the phrase model's positives).
PHRASE_GOLD = frozenset(PHRASE_TECHNIQUES - {"Repetition"})


def parse_chunks(arts: dict[str, str]) -> dict[str, list[tuple[int, int]]]:
    """Noun chunks of every article from newsaudit's spaCy pipeline (NER off: not needed)."""
    from newsaudit import nlp

    pipe = nlp.load()
    ids = sorted(arts)
    out: dict[str, list[tuple[int, int]]] = {}
    with pipe.select_pipes(disable=[n for n in ("ner", "lemmatizer") if n in pipe.pipe_names]):
        for a, doc in zip(ids, pipe.pipe((arts[a] for a in ids), batch_size=16), strict=True):
            out[a] = [(nc.start_char, nc.end_char) for nc in doc.noun_chunks]
    return out


def phrase_matrix(
    arts: dict[str, str],
    chunks: dict[str, list[tuple[int, int]]],
    ids: Sequence[str],
    gold: Sequence[Label],
) -> tuple[Any, np.ndarray]:
    """One row per (trimmed, distinct) noun chunk; positive when it covers half or more of
    the union with a gold span of a word-level technique (character Jaccard >= 0.5)."""
    from scipy.sparse import csr_matrix

    by_art: dict[str, list[Label]] = {}
    for lab in gold:
        if lab.technique in PHRASE_GOLD:
            by_art.setdefault(lab.article, []).append(lab)
    indices: list[np.ndarray] = []
    ys: list[int] = []
    for a in ids:
        text = arts[a]
        toks = tokenize(text)
        counts = word_counts(toks)
        for s, e in sorted(
            {b for b in (trim_phrase(text, *c) for c in chunks[a]) if b is not None}
        ):
            y = any(
                min(e, g.end) - max(s, g.start) >= 0.5 * (max(e, g.end) - min(s, g.start))
                for g in by_art.get(a, ())
            )
            indices.append(hash_terms(span_terms(text, s, e, toks, counts), N_TC))
            ys.append(int(y))
    indptr = np.r_[0, np.cumsum([len(c) for c in indices])]
    data = np.concatenate([np.full(len(c), 1 / np.sqrt(max(len(c), 1))) for c in indices])
    return csr_matrix((data, np.concatenate(indices), indptr), shape=(len(ys), N_TC)), np.asarray(
        ys
    )


def fit_phrase(X: Any, y: np.ndarray) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(
        C=PHRASE_C, solver="liblinear", max_iter=500, random_state=SEED, intercept_scaling=10.0
    )
    lr.fit(X, y)
    return lr.coef_.ravel().astype(np.float32), float(lr.intercept_[0])


def phrase_table(
    w: tuple[np.ndarray, float], X: Any, y: np.ndarray
) -> tuple[float, list[dict[str, Any]]]:
    """Held-out precision/recall of the phrase model at each threshold; the shipped
    threshold is the lowest whose precision reaches PHRASE_MIN_PRECISION."""
    p = 1.0 / (1.0 + np.exp(-(X @ w[0].astype(np.float64) + w[1])))
    table: list[dict[str, Any]] = []
    for th in PHRASE_BANDS:
        sel = p >= th
        table.append(
            {
                "threshold": th,
                "phrases": int(sel.sum()),
                "precision": round(float(y[sel].mean()), 3) if sel.any() else None,
                "recall": round(float(y[sel].sum() / max(y.sum(), 1)), 3),
            }
        )
    ok = [
        th
        for th, r in zip(PHRASE_BANDS, table, strict=True)
        if r["precision"] is not None and r["precision"] >= PHRASE_MIN_PRECISION
    ]
    return (min(ok) if ok else PHRASE_BANDS[-1]), table


SCORE_BANDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1.01)


def precision_by_score(
    model: PropagandaModel, arts: dict[str, str], gold: Sequence[Label]
) -> list[dict[str, Any]]:
    """How often detected spans are right, by score band, on held-out articles: a span's
    hit is the share of its characters inside gold spans of the technique it was given
    (0 when the technique is wrong), the SI precision with the label required to match.
    Loaded_Language spans are left out, as the check never reports them."""
    by_art: dict[str, list[Label]] = {}
    for lab in gold:
        by_art.setdefault(lab.article, []).append(lab)
    hits: dict[int, list[float]] = {}
    for art, text in arts.items():
        for sp in model.detect(text):
            if sp.technique == "Loaded_Language":
                continue
            cover = [lab for lab in by_art.get(art, []) if lab.technique == sp.technique]
            chars: set[int] = set()
            for lab in cover:
                chars.update(range(max(lab.start, sp.start), min(lab.end, sp.end)))
            band = max(i for i, lo in enumerate(SCORE_BANDS[:-1]) if sp.score >= lo)
            hits.setdefault(band, []).append(len(chars) / max(sp.end - sp.start, 1))
    return [
        {
            "score_from": SCORE_BANDS[i],
            "score_to": min(SCORE_BANDS[i + 1], 1.0),
            "spans": len(hits[i]),
            "precision": round(float(np.mean(hits[i])), 3),
        }
        for i in sorted(hits)
    ]


def load_split(root: Path, name: str) -> tuple[dict[str, str], list[Label], list[Label]]:
    arts = read_articles(root / f"{name}-articles")
    if name == "train":
        tc = read_labels(root / "train-task2-TC.labels")
        si = read_labels(root / "train-task1-SI.labels")
    else:
        tc = read_labels(root / "dev-gold" / "dev-task-TC.labels")
        si = read_labels(root / "dev-gold" / "dev-task-SI.labels")
        # The dev gold predates the v2 boundary trimming the training labels went through.
        tc = [
            Label(x.article, x.technique, *trim_span(arts[x.article], x.start, x.end)) for x in tc
        ]
        si = [Label(x.article, None, *trim_span(arts[x.article], x.start, x.end)) for x in si]
    return arts, tc, si


def spans_by_article(
    ids: Sequence[str], labels: Sequence[Label]
) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {a: [] for a in ids}
    for lab in labels:
        if lab.article in out:
            out[lab.article].append((lab.start, lab.end))
    return out


def _tc_eval(
    model: PropagandaModel, arts: dict[str, str], labels: Sequence[Label]
) -> dict[str, Any]:
    return tc_score(labels, predict_techniques(model, arts, labels))


def train(root: Path, out_dir: Path, *, seed: int = SEED, log: Any = None) -> dict[str, Any]:
    """Choose the recipe on a split of train, refit on all of train, score dev, write."""
    say = log or (lambda *a: None)
    t0 = time.perf_counter()
    arts, tc, si = load_split(root, "train")
    fit_ids, tune_ids = split_articles(list(arts), seed=seed)
    gold_si = spans_by_article(list(arts), si)
    tune_arts = {a: arts[a] for a in tune_ids}
    X, y = si_matrix([arts[a] for a in fit_ids], [gold_si[a] for a in fit_ids])
    say(
        f"SI matrix {X.shape} nnz {X.nnz}, {y.mean():.3f} positive, {time.perf_counter() - t0:.0f}s"
    )
    tc_fit = [x for x in tc if x.article in set(fit_ids)]
    tc_tune = [x for x in tc if x.article in set(tune_ids)]
    Xtc = tc_matrix(arts, tc_fit)
    dummy_tc = (np.zeros((len(TECHNIQUES), N_TC), np.float32), np.zeros(len(TECHNIQUES)))
    selection: dict[str, Any] = {"si": [], "tc": []}
    best_si: tuple[float, float, dict[str, Any]] | None = None
    for C in SI_C:
        w = fit_si(X, y, C)
        dec, grid = tune_decoding(
            make_model(w, dummy_tc, {"low": 0.5, "high": 0.5, "gap": 0, "min_chars": 1}),
            tune_arts,
            {a: gold_si[a] for a in tune_ids},
        )
        f1 = max(r["f1"] for r in grid)
        row = next(r for r in grid if all(r[k] == v for k, v in dec.items()))
        selection["si"].append({"C": C, **row})
        say(f"SI C={C}: {row}  {time.perf_counter() - t0:.0f}s")
        if best_si is None or f1 > best_si[0]:
            best_si = (f1, C, dec)
            si_fit_w = w
    assert best_si is not None
    best_tc: tuple[float, float] | None = None
    for C in TC_C:
        w_tc = fit_tc(Xtc, tc_fit, C)
        sc = _tc_eval(
            make_model((np.zeros(N_SI, np.float32), 0.0), w_tc, best_si[2]), arts, tc_tune
        )
        selection["tc"].append({"C": C, "micro_f1": round(sc["micro_f1"], 4)})
        say(f"TC C={C}: {sc['micro_f1']:.4f}  {time.perf_counter() - t0:.0f}s")
        if best_tc is None or sc["micro_f1"] > best_tc[0]:
            best_tc = (sc["micro_f1"], C)
            tc_fit_w = w_tc
    assert best_tc is not None
    bands = precision_by_score(make_model(si_fit_w, tc_fit_w, best_si[2]), tune_arts, tc_tune)
    chunks = parse_chunks(arts)
    say(f"parsed noun chunks  {time.perf_counter() - t0:.0f}s")
    Xp, yp = phrase_matrix(arts, chunks, fit_ids, tc)
    Xpt, ypt = phrase_matrix(arts, chunks, tune_ids, tc)
    ph_threshold, ph_table = phrase_table(fit_phrase(Xp, yp), Xpt, ypt)
    say(f"phrases: threshold {ph_threshold}, {ph_table}")
    t_select = time.perf_counter() - t0

    t1 = time.perf_counter()
    X, y = si_matrix(list(arts.values()), [gold_si[a] for a in arts])
    w_si = fit_si(X, y, best_si[1])
    w_tc = fit_tc(tc_matrix(arts, tc), tc, best_tc[1])
    w_ph = fit_phrase(*phrase_matrix(arts, chunks, sorted(arts), tc))
    t_final = time.perf_counter() - t1
    decoding = best_si[2]
    model = make_model(w_si, w_tc, decoding, (w_ph[0], w_ph[1], ph_threshold))

    scores: dict[str, Any] = {
        "train_heldout": {
            "si_f1": round(best_si[0], 4),
            "tc_micro_f1": round(best_tc[0], 4),
            "precision_by_score": bands,
        }
    }
    if (root / "dev-gold").is_dir():
        darts, dtc, dsi = load_split(root, "dev")
        pred = predict_spans(model, darts)
        dev_si = si_score(spans_by_article(list(darts), dsi), pred)
        dev_tc = _tc_eval(model, darts, dtc)
        scores["dev"] = {
            "si": {k: round(v, 4) if isinstance(v, float) else v for k, v in dev_si.items()},
            "tc_micro_f1": round(dev_tc["micro_f1"], 4),
            "tc_per_technique_f1": {
                t: round(s["f1"], 4) for t, s in dev_tc["per_technique"].items()
            },
            "tc_support": {t: s["support"] for t, s in dev_tc["per_technique"].items()},
        }
    import sklearn

    card = {
        "_about": "Propaganda span (SI) and technique (TC) models for newsaudit.models.propaganda: "
        "logistic regressions over hashed features; weights in propaganda.npz (float32).",
        "featuriser": FEATURISER_VERSION,
        "n_si": N_SI,
        "n_tc": N_TC,
        "techniques": list(TECHNIQUES),
        "decoding": decoding,
        "phrase": {
            "threshold": ph_threshold,
            "C": PHRASE_C,
            "positives": "noun chunk with character Jaccard >= 0.5 against a gold span of "
            + ", ".join(sorted(PHRASE_GOLD)),
            "candidates": "noun chunks of newsaudit's spaCy pipeline, trimmed of punctuation",
            "threshold_rule": f"lowest held-out threshold with precision >= {PHRASE_MIN_PRECISION}",
            "heldout": ph_table,
        },
        "recipe": {
            "si": "per-token LogisticRegression (liblinear, L2), in/out-of-span labels, "
            f"C={best_si[1]}",
            "tc": f"multinomial LogisticRegression (lbfgs, L2), C={best_tc[1]}",
            "phrase": "binary LogisticRegression (liblinear, L2) over the TC features, "
            f"C={PHRASE_C}",
        },
        "data": {
            "corpus": "PTC v2, SemEval-2020 Task 11 (semeval2020-task11-ptc/)",
            "train": f"train-articles ({len(arts)}), train-task1-SI.labels ({len(si)} spans), "
            f"train-task2-TC.labels ({len(tc)} spans)",
            "dev": "dev-articles (75), dev-gold/dev-task-SI.labels and dev-task-TC.labels, gold "
            "spans trimmed to the v2 boundary rule before scoring",
            "licence": "no licence statement in the PTC README; distributed by the organisers",
        },
        "split": {
            "selection": f"train articles split by article, seed {seed}: {len(fit_ids)} fit / "
            f"{len(tune_ids)} held out; decoding and C chosen on the held-out part",
            "shipped": "refitted on all training articles",
            "dev": "scored once, not used for choices",
        },
        "selection": selection,
        "scores": scores,
        "anchors": {
            "dev_si_f1_target": 0.40,
            "dev_tc_micro_f1_target": 0.55,
            "top_team_test_si_f1": 0.491,
            "top_team_test_tc_micro_f1": 0.62,
        },
        "seconds": {
            "selection": round(t_select, 1),
            "final_fit": round(t_final, 1),
            "total": round(time.perf_counter() - t0, 1),
        },
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "date": dt.date.today().isoformat(),
        "seed": seed,
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out_dir / ARTIFACT,
        si_coef=w_si[0].astype(np.float32),
        si_bias=np.array([w_si[1]], np.float32),
        tc_coef=w_tc[0].astype(np.float32),
        tc_bias=w_tc[1].astype(np.float32),
        ph_coef=w_ph[0].astype(np.float32),
        ph_bias=np.array([w_ph[1]], np.float32),
    )
    (out_dir / CARD).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="newsaudit train propaganda",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--ptc", type=Path, default=default_root(), help="the PTC corpus directory")
    add_out_argument(parser, SPEC)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    card = train(
        args.ptc, args.out, seed=args.seed, log=lambda *a: print(*a, file=sys.stderr, flush=True)
    )
    print(
        json.dumps(
            {"scores": card["scores"], "decoding": card["decoding"], "seconds": card["seconds"]},
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
