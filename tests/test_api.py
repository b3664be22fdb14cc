"""The public API of ``newsaudit`` is exactly ``__all__``, and importing it stays light."""

from __future__ import annotations

import subprocess
import sys

import newsaudit

PUBLIC = [
    # records
    "Attribution", "Claim", "Document", "Figure", "FigureSubject", "Finding", "Page", "Quantity",
    "Report", "Segment",
    "Source", "Span",
    # errors
    "BinaryInput", "DecodingError", "EmptyInput", "Failure", "InputError", "InputNotFound",
    "InputTooLarge", "MalformedInput", "ModelError", "NewsauditError", "SettingsError",
    # running an audit
    "Auditor", "Settings", "audit", "audit_many", "audit_path",
    "__version__",
]


def test_all_is_pinned():
    assert sorted(newsaudit.__all__) == sorted(PUBLIC)
    assert len(set(newsaudit.__all__)) == len(newsaudit.__all__)


def test_every_public_name_resolves():
    for name in newsaudit.__all__:
        assert getattr(newsaudit, name) is not None, name
    assert set(newsaudit.__all__) <= set(dir(newsaudit))


def test_module_functions_are_the_auditors():
    from newsaudit import auditor

    assert newsaudit.audit is auditor.audit and newsaudit.Auditor is auditor.Auditor


def test_importing_the_records_does_not_load_the_analyser():
    code = ("import sys, newsaudit; r = newsaudit.Report; s = newsaudit.Settings.defaults(); "
            "print(sorted(m for m in ('spacy', 'newsaudit.pipeline', 'newsaudit.auditor', "
            "'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    assert out.strip() == "[]"
