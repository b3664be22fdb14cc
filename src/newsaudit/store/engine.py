"""Opening a store: a SQLAlchemy URL in, an engine with the schema migrated out.

The URL is normalised the way a user writes it: a bare path is a SQLite file, and
``postgresql://`` means PostgreSQL through psycopg 3 (SQLAlchemy would otherwise reach
for psycopg2, which newsaudit does not install). SQLite runs in WAL mode with full
synchronous commits, so readers do not block the writer and a committed page survives a
crash or power loss; foreign keys are enforced on both databases.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

DEFAULT_DB = "newsaudit.db"
ENV_VAR = "NEWSAUDIT_DB"
MIGRATIONS = Path(__file__).parent / "migrations"


def resolve_url(url: str | None = None) -> URL:
    """``url``, else ``$NEWSAUDIT_DB``, else ``./newsaudit.db``, as a SQLAlchemy URL."""
    raw = url or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" not in raw:
        return URL.create("sqlite", database=raw)
    parsed = make_url(raw)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def display_url(url: URL) -> str:
    """The URL for messages: the password hidden."""
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def create_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (each in its own transaction)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
