"""Shared fixtures: spaCy is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsaudit.settings import CONFIG_ENV, Settings, env_var

FIXTURES = Path(__file__).parent / "fixtures"

# A developer's own settings (a user file, NEWSAUDIT_* thresholds) must not change what
# the tests see: they run on the packaged defaults. The spaCy model stays selectable.
os.environ["XDG_CONFIG_HOME"] = str(FIXTURES / "no-user-config")
for _key in (CONFIG_ENV, *(env_var(k) for k in Settings.keys() if k != "spacy.model")):
    os.environ.pop(_key, None)


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


@pytest.fixture(scope="session")
def audit_pool():
    """The web app's audit workers (two processes with the analyser loaded), started once
    for every web test: a server per test then starts in a fraction of a second."""
    from newsaudit.web.pool import AuditPool

    pool = AuditPool(2, queue=16, timeout=120.0)
    pool.wait_ready()
    yield pool
    pool.close()
