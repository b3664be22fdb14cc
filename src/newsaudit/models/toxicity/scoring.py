"""How the toxicity model is scored: on Davidson-format tweets, and with the patterns on
news comments written for newsaudit.

* Tweets: abusive (hate or offensive) vs neither, precision/recall/F1 at the model's
  threshold, average precision, recall on the hate class alone, and the share of
  "neither" tweets flagged.
* News comments: a tab-separated file ``label<TAB>comment`` (1 toxic, 0 not) written for
  newsaudit (``tests/fixtures/checks/toxic_comments_labelled.txt``): the model alone, the
  patterns alone, and the two combined as the check combines them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsaudit.datasets.davidson import Tweet
from newsaudit.metrics import average_precision, precision_recall_f1
from newsaudit.models.toxicity.patterns import find_patterns
from newsaudit.models.toxicity.runtime import ToxicityModel

__all__ = ["COMMENTS", "evaluate_comments", "format_table", "read_comments", "score_tweets"]

COMMENTS = Path(__file__).resolve().parents[4] / "tests" / "fixtures" / "checks" / \
    "toxic_comments_labelled.txt"


def _prf(labels: Sequence[int], pred: Sequence[int]) -> dict[str, float]:
    return precision_recall_f1(labels, pred).to_dict(4)


def score_tweets(model: ToxicityModel, tweets: Sequence[Tweet]) -> dict[str, Any]:
    scores = model.score([t.text for t in tweets])
    flagged = [int(s >= model.threshold) for s in scores]
    labels = [t.abusive for t in tweets]
    hate = [f for t, f in zip(tweets, flagged, strict=True) if t.cls == 0]
    neither = [f for t, f in zip(tweets, flagged, strict=True) if t.cls == 2]
    return {
        "rows": len(tweets),
        "threshold": model.threshold,
        "abusive": {**_prf(labels, flagged),
                    "average_precision": round(average_precision(scores, labels), 4)},
        "hate_recall": round(sum(hate) / len(hate), 4) if hate else 0.0,
        "neither_flagged": round(sum(neither) / len(neither), 4) if neither else 0.0,
    }


def read_comments(path: Path) -> list[tuple[int, str]]:
    rows: list[tuple[int, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, text = line.split("\t", 1)
        rows.append((int(label), text))
    return rows


def evaluate_comments(model: ToxicityModel, path: Path = COMMENTS) -> dict[str, Any]:
    """Model, patterns and both on hand-labelled news comments (empty if the file is absent)."""
    if not path.exists():
        return {}
    rows = read_comments(path)
    labels = [y for y, _ in rows]
    scores = model.score([t for _, t in rows])
    by_model = [int(s >= model.threshold) for s in scores]
    by_pattern = [int(bool(find_patterns(t))) for _, t in rows]
    return {"file": path.name, "comments": len(rows), "toxic": sum(labels),
            "model": _prf(labels, by_model), "patterns": _prf(labels, by_pattern),
            "combined": _prf(labels, [m or p for m, p in zip(by_model, by_pattern, strict=True)])}


def format_table(result: dict[str, Any]) -> str:
    """Accepts ``score_tweets`` output or ``evaluate`` output."""
    tw = result.get("tweets", result)
    a = tw["abusive"]
    lines = [f"{'set':22} {'P':>6} {'R':>6} {'F1':>6}  note", "-" * 60,
             f"{'tweets abusive':22} {a['precision']:6.3f} {a['recall']:6.3f} {a['f1']:6.3f}  "
             f"AP {a['average_precision']:.3f}, thr {tw['threshold']}, n={tw['rows']}",
             f"{'tweets hate recall':22} {'':6} {tw['hate_recall']:6.3f} {'':6}  "
             f"'neither' flagged {tw['neither_flagged']:.3f}"]
    nc = result.get("news_comments") or {}
    for key in ("model", "patterns", "combined"):
        if key in nc:
            m = nc[key]
            lines.append(f"{'comments ' + key:22} {m['precision']:6.3f} {m['recall']:6.3f} "
                         f"{m['f1']:6.3f}  n={nc['comments']} ({nc['toxic']} toxic)")
    return "\n".join(lines)
