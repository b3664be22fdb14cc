"""Reading a trained model's artifact: one ``.npz`` of float arrays and one JSON card,
shipped inside the model's package (``newsaudit/models/<name>/``).

Every model reads its files through :func:`read_artifact`, so a missing, truncated,
tampered or outdated artifact fails the same way everywhere: a
:class:`~newsaudit.errors.ModelError` naming the file and the command that rebuilds it;
never a pickle (there are none) or a traceback.

The format guard: a card records the version of the featuriser its weights were trained
on, at a place each model names (:attr:`ArtifactSpec.formats`). Weights read against
other features would score nonsense without failing, so an artifact whose format this
code does not know is refused before any array is looked at.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.errors import ModelError

__all__ = ["Artifact", "ArtifactSpec", "all_finite", "building", "read_artifact"]


@dataclass(frozen=True)
class ArtifactSpec:
    """Where a model's files are and which formats its code reads."""

    #: the model's name: its package ``newsaudit.models.<name>`` and ``newsaudit train <name>``
    name: str
    #: how messages call it ("check-worthiness")
    what: str
    arrays: str
    card: str
    #: dotted key in the card -> the format version this code reads there
    formats: Mapping[str, str]

    @property
    def rebuild(self) -> str:
        return f"`newsaudit train {self.name}`"

    def packaged(self) -> Traversable:
        """The directory the shipped artifact sits in: the model's own package."""
        return resources.files(f"newsaudit.models.{self.name}")


@dataclass(frozen=True)
class Artifact:
    """A card and its arrays, read and checked against the spec's formats."""

    card: dict[str, Any]
    arrays: dict[str, np.ndarray]
    #: the ``.npz`` path, for the messages of errors found later
    source: str


def _lookup(card: Any, dotted: str) -> Any:
    value = card
    for key in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def read_artifact(spec: ArtifactSpec, directory: Traversable | Path | None = None) -> Artifact:
    """The artifact of ``spec`` in ``directory`` (default: the shipped one)."""
    directory = spec.packaged() if directory is None else directory
    source = str(Path(str(directory)) / spec.arrays)
    card_source = str(Path(str(directory)) / spec.card)
    try:
        with directory.joinpath(spec.card).open("r", encoding="utf-8") as fh:
            card = json.load(fh)
        for dotted, want in spec.formats.items():
            got = _lookup(card, dotted)
            if got != want:
                raise ModelError(
                    f"{spec.what} model has format {got!r} ({dotted}); this newsaudit reads "
                    f"{want!r}: rebuild it with {spec.rebuild}",
                    source=card_source,
                )
        with directory.joinpath(spec.arrays).open("rb") as raw, np.load(
            raw, allow_pickle=False
        ) as npz:
            arrays = {key: npz[key] for key in npz.files}
    except FileNotFoundError as exc:
        missing = Path(str(exc.filename or "")).name or str(exc)
        raise ModelError(
            f"{spec.what} model is missing ({missing}); build it with {spec.rebuild}",
            source=source,
        ) from exc
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as exc:
        raise ModelError(f"{spec.what} model cannot be read: {exc}", source=source) from exc
    return Artifact(card, arrays, source)


@contextmanager
def building(spec: ArtifactSpec, source: str) -> Iterator[None]:
    """Turn a card or arrays that lack what the model needs into a ModelError."""
    try:
        yield
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        raise ModelError(
            f"{spec.what} model is corrupt: {type(exc).__name__}: {exc}", source=source
        ) from exc


def all_finite(*arrays: np.ndarray | float) -> bool:
    """True when no weight is NaN or infinite (a diverged fit, or a tampered file)."""
    return all(bool(np.all(np.isfinite(a))) for a in arrays)
