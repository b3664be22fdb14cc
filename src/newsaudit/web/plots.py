"""An event's plot as the server sends it: ``render/plot.py``'s SVG, made safely.

- matplotlib's pyplot keeps global state, so one drawing at a time (a lock);
- page text (titles, source names) must be drawn as the characters it is: matplotlib
  would read text between two ``$`` as math (and fail on what is not valid math), so
  math parsing is off while the server draws;
- the same comparison is drawn once: the SVG is kept, keyed by the comparison's JSON,
  for the few most recent events (an event's page and its image are asked for together).

The SVG draws text as glyph outlines; the words appear only in XML comments, which
matplotlib escapes, so page text cannot become markup in it. The response is still sent
under its own Content-Security-Policy (``events.event_plot``).
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

_LOCK = threading.Lock()
_CACHE: OrderedDict[str, bytes] = OrderedDict()
#: Drawings kept: a handful of events being looked at.
CACHE_SIZE = 16


def plot_svg(data: Mapping[str, Any]) -> bytes:
    """The SVG of one comparison (``newsaudit.compare/1``)."""
    key = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
        svg = _draw(data)
        _CACHE[key] = svg
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
        return svg


def _draw(data: Mapping[str, Any]) -> bytes:
    from newsaudit.render.plot import plot_compare

    with tempfile.TemporaryDirectory(prefix="newsaudit-plot-") as tmp:
        path = Path(tmp) / "plot.svg"
        plot_compare(data, path)
        return path.read_bytes()
