"""Packaged knowledge: lexicons and lists kept as versioned JSON files in ``newsaudit/data``.

Each file carries ``_about`` (what it is, where it comes from, how ranges were chosen) so
that the reasoning travels with the data rather than hiding in code.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """The text of ``newsaudit/data/<name>``, as shipped (``newsaudit schema`` prints one)."""
    return resources.files("newsaudit.data").joinpath(name).read_text(encoding="utf-8")


@cache
def load_json(name: str) -> Any:
    """Parse ``newsaudit/data/<name>`` once per process."""
    with resources.files("newsaudit.data").joinpath(name).open("r", encoding="utf-8") as fh:
        return json.load(fh)
