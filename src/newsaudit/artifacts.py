"""Reading the trained models that ship in ``newsaudit/data``: one ``.npz`` of float arrays
plus a JSON card or params file each.

Every model reads its files through :func:`read_arrays`, so a missing, truncated or
tampered artifact fails the same way everywhere: a :class:`~newsaudit.errors.ModelError`
naming the file and how to rebuild it, never a pickle (there are none) or a traceback.
"""

from __future__ import annotations

import json
import zipfile
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.errors import ModelError


def read_arrays(
    directory: Traversable | Path, arrays: str, card: str, *, what: str, trainer: str
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """``(card, arrays)`` of the model ``what`` stored as ``directory/arrays`` + ``directory/card``.

    ``trainer`` is the module that rebuilds it (``newsaudit.training.<name>``), named in the
    error so the user knows what to run.
    """
    source = str(Path(str(directory)) / arrays)
    try:
        with directory.joinpath(card).open("r", encoding="utf-8") as fh:
            meta = json.load(fh)
        with directory.joinpath(arrays).open("rb") as raw, np.load(raw, allow_pickle=False) as npz:
            loaded = {key: npz[key] for key in npz.files}
    except FileNotFoundError as exc:
        missing = Path(str(exc.filename or "")).name or str(exc)
        raise ModelError(
            f"{what} model is missing ({missing}); build it with `python -m {trainer}`",
            source=source,
        ) from exc
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as exc:
        raise ModelError(f"{what} model cannot be read: {exc}", source=source) from exc
    return meta, loaded
