"""newsaudit: who claims what, on whose word, and whether it holds up.

    >>> from newsaudit import audit
    >>> report = audit(open("page.html").read())
    >>> report.to_json()

The public API is exactly ``__all__`` (pinned by tests/test_api.py): the records, the
errors, the settings, the :class:`Auditor` and the three module-level ways to audit.
Everything else (stages, checks, contexts, renderers) is importable from its module.
"""

from __future__ import annotations

from newsaudit._version import __version__
from newsaudit.errors import (
    BinaryInput,
    DecodingError,
    EmptyInput,
    Failure,
    InputError,
    InputNotFound,
    InputTooLarge,
    MalformedInput,
    ModelError,
    NewsauditError,
    SettingsError,
)
from newsaudit.model import (
    Attribution,
    Claim,
    Document,
    Figure,
    FigureSubject,
    Finding,
    Page,
    Quantity,
    Report,
    Segment,
    Source,
    Span,
)
from newsaudit.settings import Settings

_LAZY = {"Auditor", "audit", "audit_many", "audit_path"}


def __getattr__(name: str) -> object:
    # The Auditor pulls in spaCy and every stage; load it on first use so that
    # ``import newsaudit.model`` (the store, the web app, tests) stays light.
    if name in _LAZY:
        from newsaudit import auditor

        return getattr(auditor, name)
    raise AttributeError(f"module 'newsaudit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY)

__all__ = [
    "Attribution",
    "Auditor",
    "BinaryInput",
    "Claim",
    "DecodingError",
    "Document",
    "EmptyInput",
    "Failure",
    "Figure",
    "FigureSubject",
    "Finding",
    "InputError",
    "InputNotFound",
    "InputTooLarge",
    "MalformedInput",
    "ModelError",
    "NewsauditError",
    "Page",
    "Quantity",
    "Report",
    "Segment",
    "Settings",
    "SettingsError",
    "Source",
    "Span",
    "__version__",
    "audit",
    "audit_many",
    "audit_path",
]
