"""Where the tests find shared material: ``../shared`` beside the repository (as CI lays
it out), or ``$NEWSAUDIT_SHARED``."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSAUDIT_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seed" / "000_7f03ef909f668712.txt"
DATA = Path(os.environ.get("NEWSAUDIT_DATA", SHARED / "data"))
