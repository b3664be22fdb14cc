"""Where the tests find shared material: ``../shared`` beside the repository (as CI lays
it out), or ``$NEWSAUDIT_SHARED``."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSAUDIT_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seed" / "000_7f03ef909f668712.txt"
DATA = Path(os.environ.get("NEWSAUDIT_DATA", SHARED / "data"))


def assert_data_pinned(files: list[Path], expected: str, gate: str) -> None:
    """Fail, saying what to do, when the data a gate's floors were set on has changed."""
    import hashlib

    h = hashlib.sha256()
    for path in files:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    got = h.hexdigest()
    assert got == expected, (
        f"{gate}: the data its floors were set on has changed (sha256 {got}, pinned "
        f"{expected}); re-measure the gate and re-pin its floors and hash"
    )


def seed_text() -> str:
    """The seed page's text; skips the calling test, saying why, where shared/ lacks it."""
    import pytest

    if not SEED.exists():
        pytest.skip(f"seed page not found at {SEED}: the seed tests need ../shared/seed/")
    return SEED.read_text(encoding="utf-8")

#: Pages written for the tests: the five clean ones (conflict, disaster, protest,
#: economy, health) and the per-check pages, plus the example shipped with the project.
PAGES = REPO / "tests" / "fixtures" / "pages"
CHECKS = REPO / "tests" / "fixtures" / "checks"
CLEAN = ["conflict", "disaster", "protest", "economy", "health"]
EXAMPLE = REPO / "examples" / "harbour-strike.txt"
