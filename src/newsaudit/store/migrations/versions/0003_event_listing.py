"""Events: each event's reports, as ``newsaudit events`` lists them, kept on the event, so
a listing of thousands of events reads one table and joins nothing.

Revision ID: 0003_event_listing
Revises: 0002_events
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003_event_listing"
down_revision = "0002_events"
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("listing", JSONType))
    # events summarised before this column existed are summarised again on the next update
    op.execute(sa.text("UPDATE events SET dirty = :yes").bindparams(yes=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("listing")
