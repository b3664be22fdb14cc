"""``newsaudit eval events``: how well reports are grouped into events, and (on a corpus
with gold figures) whether the reconciled low and high are right.

Two kinds of labelled data:

- a corpus of input files with a gold file (``--corpus DIR --gold GOLD.json``): which
  inputs report which event, which inputs re-publish which, and the reconciled low/high
  per category (``tests/fixtures/events`` holds one, with its format in its README);
- FA-KES (``--fakes FA-KES-Dataset.csv``): 804 Syrian-war casualty reports whose gold
  "events" are their (date, location) pairs. **Caveat**: those groups are approximate,
  since one place can see two incidents on one day, and one incident is reported on later
  days too; a grouping that keeps two incidents apart, or follows an incident across
  days, is scored as wrong. Articles are split by a hash of the group into ``train``
  (where ``--fit`` fits) and ``test`` (scored, never fitted on).

The inputs are ingested (analysed once) into ``--db`` (default: a file in the system's
temporary directory named by the input, so a second run reuses it) and grouped afresh
with the shipped parameters, or those of ``--params``, or those ``--fit`` finds.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from newsaudit.evaluation.clustering import bcubed, pairwise

__all__ = ["bcubed", "evaluate", "fakes_groups", "load_gold", "pairwise", "score_corpus"]


# --- a corpus with a gold file -------------------------------------------------------


def load_gold(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return dict(json.load(fh))


def _key(source: str, members: Iterable[str]) -> str | None:
    """The gold id an input's source stands for: the same id, or a file's name."""
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    for m in members:
        if source == m or name == m:
            return m
    return None


def score_corpus(events_json: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, Any]:
    """Grouping, duplicates and reconciled figures of ``events_json`` (newsaudit.events/1)
    against a gold file."""
    members = {m: name for name, ev in gold["events"].items() for m in ev["members"]}
    pred: dict[str, str] = {}
    entry: dict[str, dict[str, Any]] = {}
    event_of: dict[str, dict[str, Any]] = {}
    for ev in events_json["events"]:
        for p in ev["pages"]:
            k = _key(p["source"], members)
            if k is not None:
                pred[k] = ev["id"]
                entry[k] = p
                event_of[k] = ev
    out: dict[str, Any] = {
        "inputs": len(members), "found": len(pred),
        "pairwise": pairwise(pred, members).to_dict(4),
        "bcubed": bcubed(pred, members).to_dict(4),
    }
    dups = gold.get("duplicates") or {}
    hit = 0
    missed = []
    for copy, original in dups.items():
        c, o = entry.get(copy), entry.get(original)
        if c and o and c.get("duplicate_of") in (o["id"], o.get("duplicate_of")) and \
                c.get("duplicate_of") is not None:
            hit += 1
        else:
            missed.append(copy)
    flagged = [k for k, e in entry.items() if e.get("duplicate_of")]
    out["duplicates"] = {
        "gold": len(dups), "recognised": hit,
        "recall": round(hit / len(dups), 4) if dups else None,
        "precision": round(sum(1 for k in flagged if k in dups) / len(flagged), 4)
        if flagged else None,
        "missed": missed,
    }
    cats = right = right_low = right_high = 0
    flags = flags_right = 0
    wrong = []
    for name, ev in gold["events"].items():
        votes: dict[str, int] = defaultdict(int)
        for m in ev["members"]:
            if m in pred:
                votes[pred[m]] += 1
        chosen = max(votes, key=lambda e: (votes[e], e)) if votes else None
        figs: Mapping[str, Any] = next(
            (x["figures"] for x in events_json["events"] if x["id"] == chosen), {})
        for cat, want in (ev.get("figures") or {}).items():
            cats += 1
            got = figs.get(cat) or {}
            lo_ok, hi_ok = got.get("low") == want["low"], got.get("high") == want["high"]
            right_low += lo_ok
            right_high += hi_ok
            right += lo_ok and hi_ok
            if not (lo_ok and hi_ok):
                wrong.append({"event": name, "category": cat, "want": [want["low"], want["high"]],
                              "got": [got.get("low"), got.get("high")]})
            for flag in ("disputed", "rising"):
                if flag in want:
                    flags += 1
                    flags_right += got.get(flag) == want[flag]
    out["reconciled"] = {
        "categories": cats, "low_and_high_right": right,
        "accuracy": round(right / cats, 4) if cats else None,
        "low_accuracy": round(right_low / cats, 4) if cats else None,
        "high_accuracy": round(right_high / cats, 4) if cats else None,
        "flags": flags, "flags_right": flags_right, "wrong": wrong,
    }
    return out


# --- FA-KES --------------------------------------------------------------------------


def fakes_split(date: str, location: str) -> str:
    """train or test, by a hash of the (date, location) group: never both."""
    h = hashlib.sha256(f"{date.strip()}|{location.strip().lower()}".encode()).digest()
    return "train" if h[0] % 2 == 0 else "test"


def fakes_records(csv_path: Path, out: Path) -> dict[str, dict[str, Any]]:
    """FA-KES as a JSONL file ``ingest`` reads (ids ``fakes-<unit_id>``); returns each
    id's group, split and label."""
    from newsaudit.datasets.fakes import read_articles

    seen: dict[str, int] = defaultdict(int)
    meta: dict[str, dict[str, Any]] = {}
    with open(out, "w", encoding="utf-8") as fh:
        for a in read_articles(csv_path):
            seen[a.unit_id] += 1
            rid = f"fakes-{a.unit_id}" + (f"-{seen[a.unit_id]}" if seen[a.unit_id] > 1 else "")
            fh.write(json.dumps({"id": rid, "title": a.title, "text": a.content,
                                 "outlet": a.source, "published": _fakes_date(a.date)},
                                ensure_ascii=False) + "\n")
            meta[rid] = {"group": f"{a.date.strip()}|{a.location.strip().lower()}",
                         "split": fakes_split(a.date, a.location), "credible": a.credible,
                         "outlet": a.source}
    return meta


def _fakes_date(d: str) -> str | None:
    """FA-KES writes day/month/year ('7/5/2016' is 7 May 2016)."""
    parts = d.strip().split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    day, month, year = (int(p) for p in parts)
    return f"{year:04d}-{month:02d}-{day:02d}"


def fakes_groups(meta: Mapping[str, Mapping[str, Any]], split: str) -> dict[str, str]:
    return {k: v["group"] for k, v in meta.items() if split == "all" or v["split"] == split}


def default_db(inputs: Sequence[Path]) -> str:
    """A store in the temporary directory named by the inputs: a second run reuses it."""
    h = hashlib.sha256("|".join(str(p.resolve()) for p in inputs).encode()).hexdigest()[:12]
    return str(Path(tempfile.gettempdir()) / f"newsaudit-eval-events-{h}.db")


def prepare(inputs: Sequence[str], db: str, *, quiet: bool = False) -> Any:
    """Ingest ``inputs`` into ``db`` (what is stored already is skipped); the store."""
    from newsaudit.corpus import progress
    from newsaudit.corpus.run import ingest
    from newsaudit.store import open_store

    store = open_store(db)
    ingest(list(inputs), store, group=False,
           progress=None if quiet else progress.for_stream(sys.stderr))
    return store


def _pred(events_json: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for ev in events_json["events"]:
        for p in ev["pages"]:
            out[prefix + p["source"]] = ev["id"]
    return out


def evaluate(
    *, corpus: Sequence[Path] = (), gold: Path | None = None, fakes: Path | None = None,
    split: str = "test", db: str | None = None, params_path: Path | None = None,
    fit_out: Path | None = None, quiet: bool = False,
) -> dict[str, Any]:
    """Score grouping (and, with a gold file, duplicates and reconciled figures)."""
    from newsaudit.corpus.events import build
    from newsaudit.corpus.events.fit import fit
    from newsaudit.corpus.events.grouping import Params, params
    from newsaudit.corpus.events.read import events

    prm = params()
    if params_path is not None:
        prm = Params.from_dict(json.loads(Path(params_path).read_text(encoding="utf-8")))
    result: dict[str, Any] = {}
    labelled: list[tuple[Any, dict[str, str]]] = []
    approximate: list[bool] = []  # FA-KES's groups are events only within a day
    stores: list[tuple[str, Any]] = []
    meta: dict[str, dict[str, Any]] = {}
    if fakes is not None:
        tmp = Path(tempfile.gettempdir()) / "newsaudit-fakes-inputs"
        tmp.mkdir(exist_ok=True)
        jsonl = tmp / "fa-kes.jsonl"
        meta = fakes_records(Path(fakes), jsonl)
        store = prepare([str(jsonl)], db or default_db([Path(fakes)]), quiet=quiet)
        stores.append(("fakes", store))
        labelled.append((store, fakes_groups(meta, "train")))
        approximate.append(True)
    gold_data = load_gold(gold) if gold is not None else None
    if corpus:
        store = prepare([str(c) for c in corpus],
                        (db + ".corpus" if db and fakes is not None else db)
                        or default_db(list(corpus)), quiet=quiet)
        stores.append(("corpus", store))
        if gold_data is not None:
            labelled.append((store, {m: name for name, ev in gold_data["events"].items()
                                     for m in ev["members"]}))
            approximate.append(False)
    if fit_out is not None:
        prm = fit(labelled, base=prm, approximate=approximate)
        Path(fit_out).write_text(json.dumps(prm.to_dict(), indent=2) + "\n", encoding="utf-8")
        result["fitted"] = {"written": str(fit_out), **prm.to_dict()}
    for name, store in stores:
        build.rebuild(store, prm=prm)
        ev = events(store)
        if name == "fakes":
            pred = _pred(ev)
            gold_map = fakes_groups(meta, split)
            result["fakes"] = {
                "split": split, "articles": len(gold_map),
                "gold_groups": len(set(gold_map.values())),
                "events": len({pred[k] for k in gold_map if k in pred}),
                "pairwise": pairwise(pred, gold_map).to_dict(4),
                "bcubed": bcubed(pred, gold_map).to_dict(4),
                "caveat": "gold groups are (date, location) pairs: approximate events",
            }
        elif gold_data is not None:
            result["corpus"] = score_corpus(ev, gold_data)
        store.close()
    return result


def format_table(result: Mapping[str, Any]) -> str:
    lines = []
    for name in ("corpus", "fakes"):
        r = result.get(name)
        if not r:
            continue
        pw, b3 = r["pairwise"], r["bcubed"]
        lines.append(f"{name}: pairwise P {pw['precision']:.3f} R {pw['recall']:.3f} "
                     f"F1 {pw['f1']:.3f} · BCubed P {b3['precision']:.3f} R {b3['recall']:.3f}"
                     f" F1 {b3['f1']:.3f}")
        if name == "corpus":
            d, rc = r["duplicates"], r["reconciled"]
            lines.append(f"  duplicates recognised {d['recognised']}/{d['gold']} · reconciled "
                         f"low and high right for {rc['low_and_high_right']}/{rc['categories']}"
                         f" categories · disputed/rising right {rc['flags_right']}/{rc['flags']}")
            for w in rc["wrong"]:
                lines.append(f"  wrong: {w['event']} {w['category']} want {w['want']} "
                             f"got {w['got']}")
        else:
            lines.append(f"  {r['articles']} articles ({r['split']}), {r['gold_groups']} gold "
                         f"groups, {r['events']} events; caveat: {r['caveat']}")
    if "fitted" in result:
        lines.append(f"fitted parameters written to {result['fitted']['written']}")
    return "\n".join(lines)
