"""``newsaudit eval fakes``: do a page's deviation from its event's reconciled figures and
its sourcing separate FA-KES's credible and fake labels?

FA-KES labels an article fake when its casualty facts disagree with the Violations
Documentation Center's records, so a figure far from what the other sources of the same
event say, or a toll in the page's own voice with no source, should point that way. The
features, all read from the store after ``ingest`` and grouping (no outlet name, no
words):

- deviation: whether the page has an event toll, how far its killed figures lie from the
  band the *other* sources of its event give (log ratio), whether one lies outside it,
  how many independent sources the event has;
- sourcing: the share of its event figures that are attributed, named, anonymous or in
  its own voice; attributions per 100 words; the share of its claims in its own voice.

A logistic regression on these is compared, in the same run and on the same split, with
a text-only baseline (TF-IDF of title and text, logistic regression). ``--split test``
trains on the train groups and scores the test groups (the split of ``eval events``,
by a hash of the date-and-place group); ``--split cv`` averages 5 folds by group.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from newsaudit.evaluation.events import default_db, fakes_records, prepare
from newsaudit.store import schema as t

__all__ = ["FEATURES", "evaluate", "page_features"]

FEATURES = (
    "has_toll", "compared", "deviation_max", "deviation_min", "outside", "event_sources",
    "attributed", "named", "anonymous", "own_voice", "attributions_per_100", "own_claims",
)


def page_features(store: Any) -> dict[str, dict[str, float]]:
    """source -> the deviation and sourcing features of its page."""
    out: dict[str, dict[str, float]] = {}
    with store.engine.connect() as conn:
        src: dict[str, list[str]] = {}
        for pid, source in conn.execute(sa.select(t.inputs.c.page_id, t.inputs.c.source)):
            src.setdefault(pid, []).append(source)
        rows: dict[str, list[Any]] = {}
        for r in conn.execute(sa.select(t.event_rows.c.page_id, t.event_rows.c.row,
                                        t.events.c.sources)
                              .join(t.events, t.events.c.id == t.event_rows.c.event_id)):
            rows.setdefault(r.page_id, []).append(r)
        atts = dict(conn.execute(sa.select(t.attributions.c.page_id, sa.func.count())
                                 .group_by(t.attributions.c.page_id)).all())
        claims: dict[str, list[int]] = {}
        for pid, voice, n in conn.execute(sa.select(t.claims.c.page_id, t.claims.c.voice,
                                                    sa.func.count())
                                          .group_by(t.claims.c.page_id, t.claims.c.voice)):
            c = claims.setdefault(pid, [0, 0])
            c[0] += n
            c[1] += n if voice == "outlet" else 0
        words = {pid: len((text or "").split()) for pid, text in
                 conn.execute(sa.select(t.pages.c.id, t.pages.c.text))}
    for pid, sources in src.items():
        mine = [r.row for r in rows.get(pid, []) if r.row.get("category") == "killed"]
        devs = [r["deviation"] for r in mine if r.get("deviation") is not None]
        allrows = [r.row for r in rows.get(pid, [])]
        n = len(allrows) or 1
        c = claims.get(pid, [0, 0])
        feats = {
            "has_toll": float(bool(mine)),
            "compared": float(bool(devs)),
            "deviation_max": max(devs) if devs else 0.0,
            "deviation_min": min(devs) if devs else 0.0,
            "outside": float(any(r.get("outside_band") for r in mine)),
            "event_sources": math.log1p(max((r.sources for r in rows.get(pid, [])), default=0)),
            "attributed": sum(r["voice"] == "attributed" for r in allrows) / n,
            "named": sum(r.get("rank") == "named" for r in allrows) / n,
            "anonymous": sum(r.get("rank") == "anonymous" for r in allrows) / n,
            "own_voice": sum(r.get("rank") == "own voice" for r in allrows) / n,
            "attributions_per_100": 100.0 * atts.get(pid, 0) / max(words.get(pid, 0), 1),
            "own_claims": c[1] / c[0] if c[0] else 0.0,
        }
        for s in sources:
            out[s] = feats
    return out


def _texts(jsonl: Path) -> dict[str, str]:
    out = {}
    with open(jsonl, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            out[r["id"]] = f"{r.get('title') or ''}\n{r.get('text') or ''}"
    return out


def _auc_pair(train: Sequence[str], test: Sequence[str], feats: Mapping[str, Mapping[str, float]],
              texts: Mapping[str, str], labels: Mapping[str, int]) -> dict[str, float]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    y_tr = [labels[k] for k in train]
    y_te = [labels[k] for k in test]
    zero = dict.fromkeys(FEATURES, 0.0)
    x_tr = [[feats.get(k, zero)[f] for f in FEATURES] for k in train]
    x_te = [[feats.get(k, zero)[f] for f in FEATURES] for k in test]
    ours = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, C=1.0))
    ours.fit(x_tr, y_tr)
    base = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                         LogisticRegression(max_iter=2000, C=1.0))
    base.fit([texts[k] for k in train], y_tr)
    p_ours = ours.predict_proba(x_te)[:, 1]
    p_base = base.predict_proba([texts[k] for k in test])[:, 1]
    return {
        "ours": float(roc_auc_score(y_te, p_ours)),
        "text_baseline": float(roc_auc_score(y_te, p_base)),
        "ours_plus_text": float(roc_auc_score(y_te, (p_ours + p_base) / 2)),
    }


def evaluate(fakes: Path, *, db: str | None = None, split: str = "test") -> dict[str, Any]:
    """ROC AUC of the deviation + sourcing model and of the text-only baseline."""
    import hashlib

    from newsaudit.corpus.events import update

    tmp = Path(tempfile.gettempdir()) / "newsaudit-fakes-inputs"
    tmp.mkdir(exist_ok=True)
    jsonl = tmp / "fa-kes.jsonl"
    meta = fakes_records(Path(fakes), jsonl)
    store = prepare([str(jsonl)], db or default_db([Path(fakes)]))
    try:
        update(store)
        feats = page_features(store)
    finally:
        store.close()
    texts = _texts(jsonl)
    labels = {k: int(v["credible"]) for k, v in meta.items()}
    keys = sorted(meta)
    result: dict[str, Any] = {"articles": len(keys), "credible": sum(labels.values()),
                              "features": list(FEATURES), "split": split}
    if split == "test":
        train = [k for k in keys if meta[k]["split"] == "train"]
        test = [k for k in keys if meta[k]["split"] == "test"]
        result["train"], result["test"] = len(train), len(test)
        result["auc"] = _auc_pair(train, test, feats, texts, labels)
    else:
        folds: list[dict[str, float]] = []
        for fold in range(5):
            def in_fold(k: str, fold: int = fold) -> bool:
                return hashlib.sha256(meta[k]["group"].encode()).digest()[1] % 5 == fold
            test = [k for k in keys if in_fold(k)]
            train = [k for k in keys if not in_fold(k)]
            folds.append(_auc_pair(train, test, feats, texts, labels))
        result["auc"] = {m: sum(f[m] for f in folds) / len(folds) for m in folds[0]}
        result["folds"] = folds
    result["auc"] = {k: round(v, 4) for k, v in result["auc"].items()}
    with_toll = sum(1 for k in keys if feats.get(k, {}).get("has_toll"))
    result["with_event_toll"] = with_toll
    result["compared_with_other_sources"] = sum(1 for k in keys if feats.get(k, {}).get("compared"))
    return result


def format_table(result: Mapping[str, Any]) -> str:
    auc = result["auc"]
    return "\n".join([
        f"FA-KES ({result['articles']} articles, {result['credible']} credible; split "
        f"{result['split']}): ROC AUC of credible vs fake",
        f"  deviation + sourcing  {auc['ours']:.3f}",
        f"  text-only baseline    {auc['text_baseline']:.3f}",
        f"  the two averaged      {auc['ours_plus_text']:.3f}",
        f"  {result['with_event_toll']} articles have an event toll, "
        f"{result['compared_with_other_sources']} could be compared with other sources",
    ])
