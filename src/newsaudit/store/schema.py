"""The corpus tables (SQLAlchemy Core): one definition for SQLite and PostgreSQL.

    runs          one row per ``newsaudit ingest``: what it read and how it ended
    pages         one row per distinct analysed text (id = its content hash), with the
                  input's metadata, its revision chain and the page it duplicates
    inputs        every input record that was stored, by the hash of the input itself:
                  how a resumed or repeated run knows what it has done, and which inputs
                  share a page (exact copies)
    reports       the report JSON as the analyser produced it, and its schema
    quantities, attributions, claims, findings, figures
                  the report's records as rows, for querying (the JSON stays the truth)
    failures      the inputs that could not be read or analysed, with the reason and code
    signatures    each page's MinHash over its body text, for near-duplicate search
    page_features what grouping reads of each page, computed once: its day, kind (report or
                  opinion), places, countries, actors, weighted terms and event tolls
    events        one row per event (a group of reports of one incident), with its summary
    event_pages   which event each page belongs to (a page belongs to at most one)
    event_keys    the places and actors of each event: the index candidates are found by
    event_figures the reconciled low / best / high per event and category, and why
    event_rows    every figure of an event as ``newsaudit compare`` lists it

The Alembic migrations in ``store/migrations`` create exactly these tables; a test checks
that the two agree.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData()

#: JSON as JSONB on PostgreSQL (indexable), JSON text elsewhere.
JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
PAGE_ID = sa.String(80)
#: ISO dates and times compare as strings; byte order ("C" collation) makes that hold on
#: PostgreSQL whatever the database's locale.
ISO_DATE = sa.String(32).with_variant(postgresql.VARCHAR(32, collation="C"), "postgresql")

runs = sa.Table(
    "runs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("status", sa.String(16), nullable=False),  # running | finished | interrupted
    sa.Column("inputs", JSONType, nullable=False),
    sa.Column("engine", sa.String(16), nullable=False),
    sa.Column("workers", sa.Integer, nullable=False),
    sa.Column("tool_version", sa.String(32), nullable=False),
    sa.Column("stored", sa.Integer, nullable=False, server_default="0"),
    sa.Column("duplicates", sa.Integer, nullable=False, server_default="0"),
    sa.Column("skipped", sa.Integer, nullable=False, server_default="0"),
    sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
)

pages = sa.Table(
    "pages", metadata,
    sa.Column("id", PAGE_ID, primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False, unique=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("locator", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.String(200), index=True),
    sa.Column("site", sa.String(200)),
    sa.Column("published", ISO_DATE, index=True),
    sa.Column("language", sa.String(16)),
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("input_format", sa.String(8)),
    sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
    sa.Column("previous_id", PAGE_ID, sa.ForeignKey("pages.id")),
    sa.Column("duplicate_of", PAGE_ID, sa.ForeignKey("pages.id"), index=True),
    sa.Column("duplicate_kind", sa.String(16)),  # same_site | syndication | unknown
    sa.Column("similarity", sa.Float),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

inputs = sa.Table(
    "inputs", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("locator", sa.Text, nullable=False),
    sa.Column("locator_hash", sa.String(64), nullable=False, index=True),
    sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), nullable=False, index=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
    # What this input said of the page (an exact copy under another outlet's name keeps
    # its own outlet and date here; the page row keeps the first input's).
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.String(200)),
    sa.Column("published", ISO_DATE),
)

reports = sa.Table(
    "reports", metadata,
    sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), primary_key=True),
    sa.Column("schema", sa.String(64), nullable=False),
    sa.Column("tool_version", sa.String(32)),
    sa.Column("json", sa.Text, nullable=False),
)


def _page_fk() -> sa.Column[str]:
    return sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), primary_key=True)


quantities = sa.Table(
    "quantities", metadata,
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
    sa.Column("category", sa.String(32), index=True),
    sa.Column("segment", sa.String(16)),
    sa.Column("unit", sa.String(32)),
)

attributions = sa.Table(
    "attributions", metadata,
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

claims = sa.Table(
    "claims", metadata,
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

findings = sa.Table(
    "findings", metadata,
    _page_fk(),
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("check", sa.String(48), nullable=False, index=True),
    sa.Column("severity", sa.String(16), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("technique", sa.String(64)),
    sa.Column("refs", JSONType, nullable=False),
    sa.Column("evidence", JSONType, nullable=False),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
)

figures = sa.Table(
    "figures", metadata,
    _page_fk(),
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("quantity", sa.String(16)),
    sa.Column("category", sa.String(32), index=True),
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

failures = sa.Table(
    "failures", metadata,
    sa.Column("source_hash", sa.String(64), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("input_key", sa.String(64)),
    sa.Column("code", sa.String(48), nullable=False, index=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
    sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
)

signatures = sa.Table(
    "signatures", metadata,
    sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), primary_key=True),
    sa.Column("minhash", sa.LargeBinary, nullable=False),
)

page_features = sa.Table(
    "page_features", metadata,
    sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("day", sa.String(10)),
    sa.Column("kind", sa.String(16), nullable=False),  # report | opinion
    sa.Column("data", JSONType, nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("title", sa.Text),
    sa.Column("first_published", ISO_DATE),
    sa.Column("last_published", ISO_DATE),
    sa.Column("first_day", sa.String(10), index=True),
    sa.Column("last_day", sa.String(10), index=True),
    sa.Column("pages", sa.Integer, nullable=False, server_default="0"),
    sa.Column("sources", sa.Integer, nullable=False, server_default="0"),
    sa.Column("outlets", sa.Integer, nullable=False, server_default="0"),
    sa.Column("places", JSONType, nullable=False),
    sa.Column("state", JSONType, nullable=False),
    sa.Column("figures", JSONType, nullable=False),
    # the event's reports as listed (newsaudit.events/1 "pages"), kept by the summary
    sa.Column("listing", JSONType),
    sa.Column("dirty", sa.Boolean, nullable=False, server_default=sa.false(), index=True),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

event_pages = sa.Table(
    "event_pages", metadata,
    sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False, index=True),
    sa.Column("score", sa.Float),
    sa.Column("how", sa.String(16), nullable=False),  # new | similar | copy | revision | opinion
)

event_keys = sa.Table(
    "event_keys", metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True,
              index=True),
)

event_figures = sa.Table(
    "event_figures", metadata,
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

event_rows = sa.Table(
    "event_rows", metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True),
    sa.Column("page_id", PAGE_ID, sa.ForeignKey("pages.id"), nullable=False, index=True),
    sa.Column("outlet", sa.String(200), index=True),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("value", sa.Float),
    sa.Column("independent", sa.Boolean, nullable=False),
    sa.Column("superseded", sa.Boolean, nullable=False),
    sa.Column("outside", sa.Boolean),  # outside the band the other sources give
    sa.Column("deviation", sa.Float),
    sa.Column("row", JSONType, nullable=False),
)

#: The tables of report records, in the order a page's rows are written.
RECORD_TABLES = ("quantities", "attributions", "claims", "findings", "figures")
#: What ``newsaudit export --table`` offers.
EXPORT_TABLES = ("pages", "quantities", "attributions", "claims", "findings", "figures",
                 "failures", "events", "event_pages", "event_figures")
#: The tables grouping writes, in the order they are cleared.
EVENT_TABLES = ("event_rows", "event_figures", "event_keys", "event_pages", "events")
