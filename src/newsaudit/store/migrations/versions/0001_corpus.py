"""The corpus: runs, pages, inputs, reports, their records as rows, failures, signatures.

Revision ID: 0001_corpus
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001_corpus"
down_revision = None
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
PAGE_ID = sa.String(80)
#: ISO dates and times compare as strings; byte order ("C" collation) makes that hold on
#: PostgreSQL whatever the database's locale.
ISO_DATE = sa.String(32).with_variant(postgresql.VARCHAR(32, collation="C"), "postgresql")


def _page_fk() -> sa.Column:
    return sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), primary_key=True)


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("inputs", JSONType, nullable=False),
        sa.Column("engine", sa.String(16), nullable=False),
        sa.Column("workers", sa.Integer, nullable=False),
        sa.Column("tool_version", sa.String(32), nullable=False),
        sa.Column("stored", sa.Integer, nullable=False, server_default="0"),
        sa.Column("duplicates", sa.Integer, nullable=False, server_default="0"),
        sa.Column("skipped", sa.Integer, nullable=False, server_default="0"),
        sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "pages",
        sa.Column("id", PAGE_ID, primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False, unique=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("locator", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.String(200)),
        sa.Column("site", sa.String(200)),
        sa.Column("published", ISO_DATE),
        sa.Column("language", sa.String(16)),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("input_format", sa.String(8)),
        sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
        sa.Column("previous_id", PAGE_ID, sa.ForeignKey("pages.id")),
        sa.Column("duplicate_of", PAGE_ID, sa.ForeignKey("pages.id")),
        sa.Column("duplicate_kind", sa.String(16)),
        sa.Column("similarity", sa.Float),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_pages_outlet", "pages", ["outlet"])
    op.create_index("ix_pages_published", "pages", ["published"])
    op.create_index("ix_pages_duplicate_of", "pages", ["duplicate_of"])
    op.create_table(
        "inputs",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("locator", sa.Text, nullable=False),
        sa.Column("locator_hash", sa.String(64), nullable=False),
        sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
    )
    op.create_index("ix_inputs_locator_hash", "inputs", ["locator_hash"])
    op.create_index("ix_inputs_page_id", "inputs", ["page_id"])
    op.create_table(
        "reports",
        sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), primary_key=True),
        sa.Column("schema", sa.String(64), nullable=False),
        sa.Column("tool_version", sa.String(32)),
        sa.Column("json", sa.Text, nullable=False),
    )
    op.create_table(
        "quantities",
        _page_fk(),
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("low", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("approx", sa.String(16)),
        sa.Column("counted", sa.String(200)),
        sa.Column("category", sa.String(32)),
        sa.Column("segment", sa.String(16)),
        sa.Column("unit", sa.String(32)),
    )
    op.create_index("ix_quantities_category", "quantities", ["category"])
    op.create_table(
        "attributions",
        _page_fk(),
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("source_text", sa.Text),
        sa.Column("source_type", sa.String(32)),
        sa.Column("via", JSONType, nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("content", sa.Text),
        sa.Column("quote", sa.Text),
        sa.Column("segment", sa.String(16)),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
    )
    op.create_table(
        "claims",
        _page_fk(),
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("segment", sa.String(16)),
        sa.Column("checkworthy", sa.Float),
        sa.Column("voice", sa.String(16)),
        sa.Column("attribution", sa.String(16)),
        sa.Column("quantities", JSONType, nullable=False),
    )
    op.create_table(
        "findings",
        _page_fk(),
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("check", sa.String(48), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("technique", sa.String(64)),
        sa.Column("refs", JSONType, nullable=False),
        sa.Column("evidence", JSONType, nullable=False),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
    )
    op.create_index("ix_findings_check", "findings", ["check"])
    op.create_table(
        "figures",
        _page_fk(),
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("quantity", sa.String(16)),
        sa.Column("category", sa.String(32)),
        sa.Column("counted", sa.String(200)),
        sa.Column("subject", JSONType),
        sa.Column("places", JSONType, nullable=False),
        sa.Column("dates", JSONType, nullable=False),
        sa.Column("changing", sa.Boolean),
        sa.Column("scope", sa.String(16)),
        sa.Column("part", sa.Boolean),
        sa.Column("source", sa.String(16)),
        sa.Column("voice", sa.String(16)),
        sa.Column("factive", sa.Boolean),
        sa.Column("low", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("segment", sa.String(16)),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("text", sa.Text),
        sa.Column("record", JSONType, nullable=False),
    )
    op.create_index("ix_figures_category", "figures", ["category"])
    op.create_table(
        "failures",
        sa.Column("source_hash", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("input_key", sa.String(64)),
        sa.Column("code", sa.String(48), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_failures_code", "failures", ["code"])
    op.create_table(
        "signatures",
        sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), primary_key=True),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    for table in ("signatures", "failures", "figures", "findings", "claims", "attributions",
                  "quantities", "reports", "inputs", "pages", "runs"):
        op.drop_table(table)
