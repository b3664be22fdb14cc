"""The corpus store: pages, their reports and records, failures and runs, in SQL.

    >>> from newsaudit.store import open_store, queries
    >>> store = open_store("sqlite:///newsaudit.db")     # or postgresql://..., or None
    >>> queries.pages(store, outlet="sana", check="attribution_mismatch", since="2016-05-01")
    >>> queries.stats(store)

One writer (:class:`~newsaudit.store.writer.Writer`) adds pages; any number of readers
query. The same code runs on SQLite (the default, ``./newsaudit.db``) and PostgreSQL; the
schema is created and upgraded by the Alembic migrations shipped in the package, applied
whenever a store is opened.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import URL, Engine

from newsaudit.store.engine import DEFAULT_DB, ENV_VAR, create_engine, display_url, migrate
from newsaudit.store.engine import resolve_url as resolve_url


@dataclass(frozen=True)
class Store:
    """An open store: the engine and the URL it was opened from."""

    engine: Engine
    url: URL

    @property
    def display(self) -> str:
        return display_url(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None) -> Store:
    """Open (creating or upgrading as needed) the store at ``url`` (see ``resolve_url``)."""
    resolved = resolve_url(url)
    engine = create_engine(resolved)
    migrate(engine)
    return Store(engine, resolved)


__all__ = ["DEFAULT_DB", "ENV_VAR", "Store", "open_store", "resolve_url"]
