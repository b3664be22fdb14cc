"""Shared fixtures: spaCy is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from newsaudit import nlp as _nlp

    return _nlp.load()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty database URL: every store test runs on SQLite and on PostgreSQL."""
    from databases import database

    with database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(db_url):
    from newsaudit.store import open_store

    s = open_store(db_url)
    yield s
    s.close()
