"""Evaluation gate for CLEF-2019 CheckThat! Task 1: the shipped check-worthiness model
ranks the training debates' check-worthy lines (MAP, as the lab defines it).

The shipped model is trained on ClaimBuster only, so the CLEF transcripts are not its
training data (three 2016 debates share sentences with ClaimBuster; the floor is a
regression guard, not the score we report: that is leave-one-debate-out in
docs/evaluation.md). Measured 2026-11-26: MAP 0.2394 over 19 debates.
"""

from __future__ import annotations

import pytest

from paths import DATA, assert_data_pinned

CLEF = DATA / "clef2019-checkthat-task1" / "training"
FLOOR = 0.22
PINNED = "fde5fe110019d5abcb691084854173c89bbae0c55c1f156d63967e38e0d31ce0"


def test_shipped_model_map_on_clef_training_debates() -> None:
    if not CLEF.is_dir():
        pytest.skip(f"CLEF-2019 transcripts not found at {CLEF} (set NEWSAUDIT_DATA)")
    from newsaudit.models.checkworthy.evaluate import evaluate_shipped

    files = sorted(CLEF.glob("*.tsv"))
    assert_data_pinned(files, PINNED, "CLEF-2019 gate")
    result = evaluate_shipped(CLEF)
    assert result["debates"] == 19
    assert result["map"] >= FLOOR, result["map"]
