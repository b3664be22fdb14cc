"""Training newsaudit's models from public data (``newsaudit train NAME``).

Each module here trains one shipped artifact deterministically on the CPU and writes it,
with its card, into ``newsaudit/data`` (or ``--out``). Training is never needed at install.
"""

from __future__ import annotations

import os
from pathlib import Path


def default_data_dir() -> Path:
    """Where the public datasets are: ``$NEWSAUDIT_DATA``, else ``../shared/data`` beside a
    source checkout (the layout the project's machines and CI use)."""
    repo = Path(__file__).resolve().parents[3]
    return Path(os.environ.get("NEWSAUDIT_DATA", repo.parent / "shared" / "data"))
