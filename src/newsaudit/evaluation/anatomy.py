"""``newsaudit eval anatomy``: page anatomy on held-back pages, plain text and HTML.

The scoring lives with the layout model (:mod:`newsaudit.models.layout.evaluate`); this
module is the benchmark's name under ``newsaudit.evaluation`` for the CLI.
"""

from __future__ import annotations

from newsaudit.models.layout.evaluate import evaluate, format_table

__all__ = ["evaluate", "format_table"]
