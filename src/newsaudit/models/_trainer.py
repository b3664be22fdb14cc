"""What every trainer shares: where it writes.

A trainer writes its artifact and card into the model's own package directory by
default, so a retrained model is the one ``newsaudit audit`` loads next; ``--out``
writes elsewhere (to compare a build before replacing the shipped one).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsaudit.models._artifact import ArtifactSpec

__all__ = ["add_out_argument", "model_dir"]


def model_dir(spec: ArtifactSpec) -> Path:
    """The directory the shipped artifact of ``spec`` sits in."""
    return Path(str(spec.packaged()))


def add_out_argument(parser: argparse.ArgumentParser, spec: ArtifactSpec) -> None:
    """``--out DIR`` for a trainer, defaulting to the model's own directory."""
    default = model_dir(spec)
    parser.add_argument(
        "--out", type=Path, default=default,
        help=f"directory for the artifact and its card (default: {default})",
    )
