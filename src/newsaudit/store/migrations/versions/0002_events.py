"""Events: what grouping reads of each page, the events, their members, keys, reconciled
figures and comparison rows; and each input's own outlet, date and URL.

Revision ID: 0002_events
Revises: 0001_corpus
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002_events"
down_revision = "0001_corpus"
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
PAGE_ID = sa.String(80)
ISO_DATE = sa.String(32).with_variant(postgresql.VARCHAR(32, collation="C"), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("inputs") as batch:
        batch.add_column(sa.Column("url", sa.Text))
        batch.add_column(sa.Column("outlet", sa.String(200)))
        batch.add_column(sa.Column("published", ISO_DATE))
    op.create_table(
        "page_features",
        sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("day", sa.String(10)),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("data", JSONType, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("title", sa.Text),
        sa.Column("first_published", ISO_DATE),
        sa.Column("last_published", ISO_DATE),
        sa.Column("first_day", sa.String(10)),
        sa.Column("last_day", sa.String(10)),
        sa.Column("pages", sa.Integer, nullable=False, server_default="0"),
        sa.Column("sources", sa.Integer, nullable=False, server_default="0"),
        sa.Column("outlets", sa.Integer, nullable=False, server_default="0"),
        sa.Column("places", JSONType, nullable=False),
        sa.Column("state", JSONType, nullable=False),
        sa.Column("figures", JSONType, nullable=False),
        sa.Column("dirty", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_events_first_day", "events", ["first_day"])
    op.create_index("ix_events_last_day", "events", ["last_day"])
    op.create_index("ix_events_dirty", "events", ["dirty"])
    op.create_table(
        "event_pages",
        sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("how", sa.String(16), nullable=False),
    )
    op.create_index("ix_event_pages_event_id", "event_pages", ["event_id"])
    op.create_table(
        "event_keys",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
    )
    op.create_index("ix_event_keys_event_id", "event_keys", ["event_id"])
    op.create_table(
        "event_figures",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("category", sa.String(32), primary_key=True),
        sa.Column("low", sa.Float),
        sa.Column("best", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("disputed", sa.Boolean, nullable=False),
        sa.Column("rising", sa.Boolean, nullable=False),
        sa.Column("why", sa.Text, nullable=False),
    )
    op.create_table(
        "event_rows",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("n", sa.Integer, primary_key=True),
        sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), nullable=False),
        sa.Column("outlet", sa.String(200)),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("independent", sa.Boolean, nullable=False),
        sa.Column("superseded", sa.Boolean, nullable=False),
        sa.Column("outside", sa.Boolean),
        sa.Column("deviation", sa.Float),
        sa.Column("row", JSONType, nullable=False),
    )
    op.create_index("ix_event_rows_page_id", "event_rows", ["page_id"])
    op.create_index("ix_event_rows_outlet", "event_rows", ["outlet"])


def downgrade() -> None:
    for table in ("event_rows", "event_figures", "event_keys", "event_pages", "events",
                  "page_features"):
        op.drop_table(table)
    with op.batch_alter_table("inputs") as batch:
        for column in ("published", "outlet", "url"):
            batch.drop_column(column)
