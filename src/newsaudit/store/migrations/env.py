"""Alembic environment: migrations run on the connection the store opened.

The store applies them on open (``newsaudit.store.open_store``), so a user never runs
Alembic by hand; ``alembic -c`` is not needed. Each migration runs in a transaction.
"""

from __future__ import annotations

from alembic import context

from newsaudit.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
