"""`newsaudit eval` and `newsaudit train`: the benchmark and training commands.

Each benchmark command reads the dataset's official file format and calls the same
``evaluate`` a Python user would: ``newsaudit.models.<model>.evaluate`` for a trained
model's benchmark, ``newsaudit.evaluation.<name>`` for the stages that are not trained
(attribution, extraction). ``train`` hands its arguments to
``newsaudit.models.<name>.train.main``. Both import their module only when run, so
``newsaudit audit`` never pays for scikit-learn.
"""

from __future__ import annotations

import argparse
import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsaudit.errors import InputNotFound

#: model name (= package under newsaudit.models) -> what it learns, from which data
TRAINERS: dict[str, str] = {
    "stance": "headline-body stance (FNC-1 train)",
    "propaganda": "propaganda spans and techniques (PTC train)",
    "checkworthy": "check-worthiness (ClaimBuster)",
    "loaded": "loaded language (BABE, BASIL, PTC train)",
    "toxicity": "toxic comments (Davidson et al.)",
    "layout": "page layout of plain text (hand-written pages, trafilatura-eval)",
    "severity": "warning calibration (warnings judged on real dev pages)",
}


def _exists(path: Path) -> Path:
    if not path.exists():
        raise InputNotFound("no such file or directory", source=str(path))
    return path


#: benchmark -> the module whose ``evaluate`` (and ``format_table``, if any) it runs
MODULES: dict[str, str] = {
    "fnc1": "newsaudit.models.stance.evaluate",
    "ptc": "newsaudit.models.propaganda.evaluate",
    "polnear": "newsaudit.evaluation.polnear",
    "checkworthy": "newsaudit.models.checkworthy.evaluate",
    "extraction": "newsaudit.evaluation.extraction",
    "loaded": "newsaudit.models.loaded.evaluate",
    "toxicity": "newsaudit.models.toxicity.evaluate",
    "findings": "newsaudit.evaluation.findings",
    "anatomy": "newsaudit.models.layout.evaluate",
    "dedup": "newsaudit.evaluation.dedup",
    "events": "newsaudit.evaluation.events",
    "fakes": "newsaudit.evaluation.fakes",
    "redteam": "newsaudit.evaluation.redteam",
}


def _fnc1(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.models.stance import evaluate

    if args.holdout is not None:
        return evaluate.evaluate_holdout(
            _exists(args.stances), _exists(args.bodies), holdout=args.holdout
        )
    return evaluate.evaluate(_exists(args.stances), _exists(args.bodies))


def _ptc(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.models.propaganda import evaluate

    return evaluate.evaluate(_exists(args.articles), _exists(args.labels), task=args.task)


def _polnear(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.evaluation import polnear

    return polnear.evaluate(_exists(args.split), limit=args.limit)


def _checkworthy(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.models.checkworthy import evaluate

    return evaluate.evaluate(_exists(args.data), cv=args.cv)


def _extraction(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.evaluation import extraction

    return extraction.evaluate(_exists(args.dir), limit=args.limit)


def _loaded(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.models.loaded import evaluate

    if args.articles and args.labels:
        return evaluate.evaluate(ptc_articles=_exists(args.articles),
                                 ptc_labels=_exists(args.labels))
    return evaluate.evaluate(_exists(args.data_dir) if args.data_dir else None)


def _anatomy(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.datasets import default_data_dir
    from newsaudit.models.layout import evaluate

    data = _exists(args.data_dir) if args.data_dir else default_data_dir()
    return evaluate.evaluate(data, limit=args.limit, html=not args.text_only, split=args.split)


def _toxicity(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.models.toxicity import evaluate

    return evaluate.evaluate(_exists(args.data) if args.data else None)


def _findings(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.evaluation import findings

    return findings.evaluate(
        split=args.split, data_dir=_exists(args.data_dir) if args.data_dir else None,
        judgments=[_exists(d) for d in args.judgments] if args.judgments else findings.JUDGMENTS,
        sample=_exists(args.sample) if args.sample else findings.SAMPLE,
        packets=args.packets, all_findings=args.all_findings,
    )


def _dedup(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.evaluation import dedup

    return dedup.evaluate_file(str(_exists(args.bodies)), originals=args.originals,
                               copies=args.copies)
def _events(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.evaluation import events

    return events.evaluate(
        corpus=[_exists(c) for c in args.corpus or ()],
        gold=_exists(args.gold) if args.gold else None,
        fakes=_exists(args.fakes) if args.fakes else None, split=args.split, db=args.db,
        params_path=_exists(args.params) if args.params else None, fit_out=args.fit,
    )


def _fakes(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.evaluation import fakes

    return fakes.evaluate(_exists(args.fakes), db=args.db, split=args.split)


def _redteam(args: argparse.Namespace) -> dict[str, Any]:
    from newsaudit.evaluation import redteam

    return redteam.evaluate(_exists(args.dir))


EVALUATORS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "fnc1": _fnc1,
    "ptc": _ptc,
    "polnear": _polnear,
    "checkworthy": _checkworthy,
    "extraction": _extraction,
    "loaded": _loaded,
    "toxicity": _toxicity,
    "findings": _findings,
    "anatomy": _anatomy,
    "dedup": _dedup,
    "events": _events,
    "fakes": _fakes,
    "redteam": _redteam,
}


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ev = sub.add_parser("eval", help="score newsaudit on a public benchmark")
    bench = ev.add_subparsers(dest="benchmark", required=True)

    p = bench.add_parser("fnc1", help="headline-body stance, FNC-1 score")
    p.add_argument("--stances", type=Path, required=True, help="FNC-1 stances CSV")
    p.add_argument("--bodies", type=Path, required=True, help="FNC-1 bodies CSV")
    p.add_argument(
        "--holdout", type=float,
        help="instead of scoring the shipped model, retrain its recipe on the other bodies "
        "and score this share of bodies (the by-body validation split)",
    )
    p = bench.add_parser("ptc", help="propaganda spans and techniques (SemEval-2020 Task 11)")
    p.add_argument("--articles", type=Path, required=True, help="directory of article*.txt")
    p.add_argument("--labels", type=Path, required=True, help="gold labels: file or directory")
    p.add_argument("--task", choices=("si", "tc", "both"), default="both")
    p = bench.add_parser("polnear", help="attribution source/cue/content spans (PolNeAR)")
    p.add_argument("--split", type=Path, required=True, help="a PolNeAR split directory")
    p.add_argument("--limit", type=int, help="score only the first N articles")
    p = bench.add_parser("checkworthy", help="check-worthiness (ClaimBuster, CLEF-2019 Task 1)")
    p.add_argument(
        "--data", type=Path, required=True,
        help="ClaimBuster CSV, a CLEF-2019 transcript (.tsv) or a directory of transcripts",
    )
    p.add_argument(
        "--cv", action="store_true",
        help="cross-validate the training recipe (ClaimBuster k-fold, CLEF leave-one-debate-"
        "out) instead of scoring the shipped model",
    )
    p = bench.add_parser("extraction", help="article-body extraction (Scrapinghub benchmark)")
    p.add_argument("--dir", type=Path, required=True, help="benchmark directory")
    p.add_argument("--limit", type=int, help="score only the first N pages")
    p = bench.add_parser("loaded", help="loaded language (BABE, BASIL, PTC Loaded_Language)")
    p.add_argument("--data-dir", type=Path, help="the shared/data directory (held-out splits)")
    p.add_argument("--articles", type=Path, help="PTC articles directory (with --labels)")
    p.add_argument("--labels", type=Path, help="PTC technique labels (with --articles)")
    p = bench.add_parser("anatomy", help="page anatomy, plain text and HTML (held-back pages)")
    p.add_argument("--data-dir", type=Path,
                   help="the shared/data directory (default: ../shared/data)")
    p.add_argument("--limit", type=int,
                   help="score only the first N held-back HTML pages of each set")
    p.add_argument("--text-only", action="store_true",
                   help="score the hand-written text pages only")
    p.add_argument("--split", choices=("test", "dev", "train"), default="test",
                   help="test: the held-back pages (default); dev: the HTML reader on "
                        "trafilatura-eval's dev pages, the ones to tune on; train: on its "
                        "train buckets, which may be tuned on too")
    p = bench.add_parser("toxicity", help="toxic comments (Davidson et al. format)")
    p.add_argument("--data", type=Path, help="labeled_data.csv (default: its held-out split)")
    p = bench.add_parser("findings", help="precision of warnings and problems on real pages")
    p.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    p.add_argument("--data-dir", type=Path, help="the shared/data directory")
    p.add_argument("--judgments", type=Path, action="append",
                   help="directory of *.jsonl judgments (repeat to pool several)")
    p.add_argument("--sample", type=Path, help="the page list (default: the shipped pages.json)")
    p.add_argument("--packets", type=Path, help="write a judging packet per page still to judge")
    p.add_argument("--all-findings", action="store_true",
                   help="with --packets: a packet for every page, judged findings included")
    p = bench.add_parser("dedup", help="near-duplicate (syndicated copy) detection, FNC-1 bodies")
    p.add_argument("--bodies", type=Path, required=True, help="FNC-1 bodies CSV")
    p.add_argument("--originals", type=int, default=200, help="distinct bodies drawn")
    p.add_argument("--copies", type=int, default=50, help="syndicated copies made of them")
    p = bench.add_parser("events", help="grouping reports into events: pairwise and BCubed F1 "
                         "(own corpus with a gold file, or FA-KES date-and-place groups)")
    p.add_argument("--corpus", type=Path, nargs="+", metavar="INPUT",
                   help="input files or directories of a labelled corpus (with --gold)")
    p.add_argument("--gold", type=Path, help="the corpus's gold file (events, copies, figures)")
    p.add_argument("--fakes", type=Path, help="FA-KES-Dataset.csv")
    p.add_argument("--split", choices=("train", "test", "all"), default="test",
                   help="FA-KES split scored (default test; --fit fits on train)")
    p.add_argument("--db", help="store to ingest into (default: a file in the temp directory)")
    p.add_argument("--params", type=Path, help="grouping parameters to use (JSON)")
    p.add_argument("--fit", type=Path, metavar="OUT",
                   help="fit the grouping parameters on the corpus and FA-KES train, write "
                        "them to OUT, and score with them")
    p = bench.add_parser("fakes", help="FA-KES credible/fake: ROC AUC of deviation from the "
                         "event's reconciled figures + sourcing, against a text-only baseline")
    p.add_argument("--fakes", type=Path, required=True, help="FA-KES-Dataset.csv")
    p.add_argument("--split", choices=("test", "cv"), default="test",
                   help="test: fit on train groups, score test groups (default); cv: 5-fold "
                        "by group over all articles")
    p.add_argument("--db", help="store to ingest into (default: a file in the temp directory)")
    p = bench.add_parser("redteam", help="a red-team set (pages with a key of planted problems "
                         "and layout): loud findings on clean pages, planted problems found")
    p.add_argument("--dir", type=Path, required=True,
                   help="the set's directory (answers.jsonl and its pages), e.g. "
                        "tests/fixtures/redteam-9")
    for name in bench.choices:
        bench.choices[name].add_argument(
            "--json", action="store_true", help="print the metrics as JSON instead of a table"
        )

    tr = sub.add_parser("train", help="train one of newsaudit's models (see --help of each)")
    tr.add_argument(
        "model", choices=sorted(TRAINERS),
        help="; ".join(f"{name}: {what}" for name, what in sorted(TRAINERS.items())),
    )
    tr.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the trainer")


def _flatten(result: Any, prefix: str = "") -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if isinstance(result, dict):
        for key, value in result.items():
            rows.extend(_flatten(value, f"{prefix}{key}."))
    elif isinstance(result, list) and len(result) > 12:
        rows.append((prefix.rstrip("."), f"[{len(result)} items]"))
    elif isinstance(result, float):
        rows.append((prefix.rstrip("."), f"{result:.4f}"))
    else:
        rows.append((prefix.rstrip("."), json.dumps(result, ensure_ascii=False)))
    return rows


def format_result(benchmark: str, result: dict[str, Any]) -> str:
    """The evaluation module's own table when it has one, else metric: value lines."""
    module = importlib.import_module(MODULES[benchmark])
    formatter = getattr(module, "format_table", None)
    if formatter is not None:
        return str(formatter(result))
    rows = _flatten(result)
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def run_eval(args: argparse.Namespace) -> int:
    result = EVALUATORS[args.benchmark](args)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False, default=str))
    else:
        print(format_result(args.benchmark, result))
    return 0


def run_train(args: argparse.Namespace) -> int:
    module = importlib.import_module(f"newsaudit.models.{args.model}.train")
    return int(module.main(args.args) or 0)
