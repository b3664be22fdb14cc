"""Training newsaudit's models from public data (``newsaudit train NAME``).

Each module here trains one shipped artifact deterministically on the CPU and writes it,
with its card, into ``newsaudit/data`` (or ``--out``). Training is never needed at install.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

#: Where a trainer writes by default: the package's own data directory, so that a
#: retrained model is the one ``newsaudit audit`` loads next.
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"


def default_data_dir() -> Path:
    """Where the public datasets are: ``$NEWSAUDIT_DATA``, else ``../shared/data`` beside a
    source checkout (the layout the project's machines and CI use)."""
    repo = Path(__file__).resolve().parents[3]
    return Path(os.environ.get("NEWSAUDIT_DATA", repo.parent / "shared" / "data"))


def add_out_argument(parser: argparse.ArgumentParser) -> None:
    """``--out DIR`` for every trainer, defaulting to :data:`PACKAGE_DATA`."""
    parser.add_argument(
        "--out", type=Path, default=PACKAGE_DATA,
        help=f"directory for the artifact and its card (default: {PACKAGE_DATA})",
    )
