"""Shared fixtures: spaCy is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from newsaudit import nlp as _nlp

    return _nlp.load()
