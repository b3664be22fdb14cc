"""The databases the store tests run on: SQLite in a temporary file, and PostgreSQL.

PostgreSQL is the one ``scripts/start-postgres.sh`` starts (``.ci/run`` does so before
the tests); its URL comes from ``$NEWSAUDIT_TEST_PG``. Each test gets a database of its
own, created for it and dropped after it. Without the URL the PostgreSQL variants skip
locally, saying why, and fail under ``CI=true``, where the server must be there.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ENV = "NEWSAUDIT_TEST_PG"
BACKENDS = ("sqlite", "postgresql")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason} (CI is set: .ci/run should have started it)", pytrace=False)
    pytest.skip(reason)


def pg_base_url() -> str:
    url = os.environ.get(ENV)
    if not url:
        _unavailable(f"${ENV} is not set: start PostgreSQL with "
                     "`eval \"$(bash scripts/start-postgres.sh)\"` to run the PostgreSQL variant")
    assert url is not None
    return url


@contextmanager
def fresh_pg() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test; its URL."""
    import sqlalchemy as sa

    from newsaudit.store import resolve_url

    base = resolve_url(pg_base_url())
    name = "na_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as err:
        admin.dispose()
        _unavailable(f"PostgreSQL at {base.render_as_string()} is not reachable ({err.orig})")
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(admin, name)
        admin.dispose()


def _drop(admin: Any, name: str, tries: int = 20) -> None:
    """Drop a test database. ``WITH (FORCE)`` ends the test's own sessions, but not a
    server process of another role that has just connected to it (an autovacuum worker
    after the test's writes): the role may not signal it, so the drop is retried until
    that process has finished, then the last error is raised."""
    import time

    import sqlalchemy as sa

    for attempt in range(tries):
        try:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except sa.exc.ProgrammingError:
            if attempt == tries - 1:
                raise
            time.sleep(0.5)


@contextmanager
def database(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL for an empty database of ``backend``."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'corpus.db'}"
    else:
        with fresh_pg() as url:
            yield url
