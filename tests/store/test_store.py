"""The store on SQLite and PostgreSQL: schema, writer, queries, revisions, failures, exports."""

from __future__ import annotations

import csv
import io
import json
import uuid

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_pages import OTHER, STORY, outcome, raw, report_dict
from newsaudit.corpus.adapter import Outcome
from newsaudit.store import open_store, queries
from newsaudit.store import schema as t
from newsaudit.store.engine import current_revision, resolve_url
from newsaudit.store.export import export_csv, export_parquet
from newsaudit.store.writer import Writer


def _write(store, pages, inputs=("test",)):
    with Writer(store, inputs=list(inputs)) as w:
        statuses = [w.write(r, o) for r, o in pages]
    return statuses


def test_url_forms():
    assert resolve_url("corpus.db").render_as_string() == "sqlite:///corpus.db"
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("sqlite:////tmp/x.db").database == "/tmp/x.db"


def test_default_db_is_newsaudit_db_in_the_working_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSAUDIT_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    s = open_store()
    s.close()
    assert (tmp_path / "newsaudit.db").exists()
    monkeypatch.setenv("NEWSAUDIT_DB", str(tmp_path / "other.db"))
    assert resolve_url().database == str(tmp_path / "other.db")


def test_migrations_create_exactly_the_schema(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    assert current_revision(store.engine) == "0003_event_listing"
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert diff == []


def test_opening_again_keeps_the_data(store, db_url):
    _write(store, [(raw(STORY, "a.txt"), outcome(report_dict(STORY, source="a.txt")))])
    again = open_store(db_url)
    try:
        assert [p.source for p in queries.pages(again)] == ["a.txt"]
    finally:
        again.close()


def test_sqlite_runs_in_wal_mode(tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    s.close()


def test_page_report_and_records_are_stored(store):
    rep = report_dict(STORY, source="a.txt", outlet="Valley Courier", published="2016-05-07")
    assert _write(store, [(raw(STORY, "a.txt"), outcome(rep))]) == ["stored"]
    [page] = queries.pages(store)
    assert page.id == rep["document"]["id"]
    assert (page.source, page.outlet, page.published, page.revision) == (
        "a.txt", "Valley Courier", "2016-05-07", 1)
    assert page.findings == {"unsourced_claim": 1}
    assert queries.report(store, page.id) == rep
    assert queries.page_text(store, page.id) == STORY
    with store.engine.connect() as conn:
        q = conn.execute(sa.select(t.quantities)).one()
        assert (q.id, q.text, q.low, q.category) == ("q1", "Three", 3.0, "killed")
        a = conn.execute(sa.select(t.attributions)).one()
        assert (a.source_text, a.source_type, a.via) == ("officials", "organisation", [])
        c = conn.execute(sa.select(t.claims)).one()
        assert c.quantities == ["q1"] and STORY[c.start:c.end] == c.text
        f = conn.execute(sa.select(t.findings)).one()
        assert f.check == "unsourced_claim" and STORY[f.start:f.end] == f.evidence[0]["text"]
        g = conn.execute(sa.select(t.figures)).one()
        assert (g.id, g.category, g.places, g.scope, g.voice, g.changing) == (
            "g1", "killed", ["Khan Tuman"], "event", "attributed", False)
        assert g.record["subject"] == "civilians"
        r = conn.execute(sa.select(t.reports)).one()
        assert r.schema == "newsaudit.report/1"


def test_same_input_again_adds_nothing(store):
    page = (raw(STORY, "a.txt"), outcome(report_dict(STORY, source="a.txt")))
    _write(store, [page])
    with Writer(store, inputs=["again"]) as w:
        assert w.known([page[0].key]) == {page[0].key}
    assert len(queries.pages(store)) == 1
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.inputs)).scalar() == 1


def test_changed_page_at_same_url_is_a_new_revision_and_the_old_is_kept(store):
    url = "https://news.example/story"
    v1 = STORY
    v2 = STORY.replace("Three people were killed", "Five people were killed")
    _write(store, [(raw(v1, url, url=url), outcome(report_dict(v1, source=url, url=url)))])
    _write(store, [(raw(v2, url, url=url), outcome(report_dict(v2, source=url, url=url)))])
    first, second = sorted(queries.pages(store), key=lambda p: p.revision)
    assert (first.revision, second.revision) == (1, 2)
    assert second.previous_id == first.id
    # A revision is not a duplicate of the page it revises.
    assert second.duplicate_of is None


def test_exact_copy_from_another_input_shares_the_page(store):
    a = (raw(STORY, "a.txt"), outcome(report_dict(STORY, source="a.txt")))
    b = (raw(STORY, "b.txt"), outcome(report_dict(STORY, source="b.txt")))
    assert _write(store, [a, b]) == ["stored", "duplicate"]
    [page] = queries.pages(store)
    assert queries.sources(store, page.id) == ["a.txt", "b.txt"]
    assert queries.stats(store).copies == 1


def _copy(text: str) -> str:
    """A syndicated copy: new headline, last paragraph cut, a sentence added."""
    head, _, rest = text.partition("\n\n")
    paras = rest.split("\n\n")[:-1]
    paras.append("This report was first published by a news agency.")
    return "Shelling kills three in market town\n\n" + "\n\n".join(paras)


@pytest.mark.parametrize("order", ["original first", "copy first"])
def test_near_duplicate_points_at_the_earliest_page_whatever_the_order(store, order):
    copy = _copy(STORY)
    orig = (raw(STORY, "https://agency.example/a", url="https://agency.example/a",
                published="2016-05-06"),
            outcome(report_dict(STORY, source="https://agency.example/a",
                                url="https://agency.example/a", published="2016-05-06")))
    dup = (raw(copy, "https://paper.example/b", url="https://paper.example/b",
               published="2016-05-07"),
           outcome(report_dict(copy, source="https://paper.example/b",
                               url="https://paper.example/b", published="2016-05-07")))
    other = (raw(OTHER, "c.txt"), outcome(report_dict(OTHER, source="c.txt")))
    items = [orig, dup, other] if order == "original first" else [dup, other, orig]
    _write(store, items)
    pages = {p.source: p for p in queries.pages(store)}
    a, b, c = (pages["https://agency.example/a"], pages["https://paper.example/b"],
               pages["c.txt"])
    assert a.duplicate_of is None and c.duplicate_of is None
    assert b.duplicate_of == a.id
    assert b.duplicate_kind == "syndication"
    assert b.similarity is not None and 0.4 <= b.similarity < 1.0
    assert [p.source for p in queries.pages(store, duplicates=True)] == [b.source]


def test_same_site_copies_are_told_apart_from_syndication(store):
    copy = _copy(STORY)
    u1, u2 = "https://www.paper.example/a", "https://paper.example/a-updated-copy"
    _write(store, [
        (raw(STORY, u1, url=u1), outcome(report_dict(STORY, source=u1, url=u1))),
        (raw(copy, u2, url=u2), outcome(report_dict(copy, source=u2, url=u2))),
    ])
    copied = [p for p in queries.pages(store) if p.duplicate_of]
    assert [p.duplicate_kind for p in copied] == ["same_site"]


def test_failures_name_the_reason_and_clear_when_the_input_succeeds(store):
    bad = Outcome("a.txt", reason="file is empty", code="input_empty")
    with Writer(store, inputs=["x"]) as w:
        w.write(raw(STORY, "a.txt"), bad)
        w.fail("feed.xml", "the feed does not parse (syntax error)", "input_malformed")
    got = {f.source: (f.code, f.reason) for f in queries.failures(store)}
    assert got == {"a.txt": ("input_empty", "file is empty"),
                   "feed.xml": ("input_malformed", "the feed does not parse (syntax error)")}
    # A failure is recorded once per source, however often a run meets it.
    with Writer(store, inputs=["x"]) as w:
        w.fail("feed.xml", "the feed does not parse (syntax error)", "input_malformed")
    assert len(queries.failures(store)) == 2
    _write(store, [(raw(STORY, "a.txt"), outcome(report_dict(STORY, source="a.txt")))])
    assert [f.source for f in queries.failures(store)] == ["feed.xml"]
    assert queries.stats(store).failures_by_code == {"input_malformed": 1}


def test_page_filters(store):
    s1 = STORY
    s2 = OTHER
    s3 = STORY.replace("Three killed", "Market shelled").replace("Tuesday", "Wednesday") + (
        "\n\nA second paragraph of different words so the pages are not the same at all, "
        "with more detail about the aid convoys that reached the town on Thursday morning.")
    _write(store, [
        (raw(s1, "sana-1", outlet="SANA", published="2016-05-07T09:10:00Z"),
         outcome(report_dict(s1, source="sana-1", outlet="SANA",
                             published="2016-05-07T09:10:00Z", check="attribution_mismatch"))),
        (raw(s2, "https://www.sana.sy/x", url="https://www.sana.sy/x", published="2016-04-30"),
         outcome(report_dict(s2, source="https://www.sana.sy/x", url="https://www.sana.sy/x",
                             published="2016-04-30", check="attribution_mismatch"))),
        (raw(s3, "fars-1", outlet="Fars", published="2016-05-08"),
         outcome(report_dict(s3, source="fars-1", outlet="Fars", published="2016-05-08"))),
    ])
    def srcs(**kw):
        return [p.source for p in queries.pages(store, **kw)]
    assert srcs() == ["https://www.sana.sy/x", "sana-1", "fars-1"]
    assert srcs(outlet="sana") == ["https://www.sana.sy/x", "sana-1"]
    assert srcs(outlet="sana", check="attribution_mismatch", since="2016-05-01") == ["sana-1"]
    assert srcs(until="2016-05-07") == ["https://www.sana.sy/x", "sana-1"]
    assert srcs(since="2016-05-08", until="2016-05-08") == ["fars-1"]
    assert srcs(check="unsourced_claim") == ["fars-1"]
    assert srcs(limit=1) == ["https://www.sana.sy/x"]
    with pytest.raises(ValueError):
        queries.pages(store, until="May")


def test_stats_by_outlet_and_check(store):
    _write(store, [
        (raw(STORY, "a", outlet="SANA"), outcome(report_dict(STORY, source="a", outlet="SANA"))),
        (raw(OTHER, "b", outlet="Fars"),
         outcome(report_dict(OTHER, source="b", outlet="Fars", check="loaded_language"))),
    ])
    s = queries.stats(store)
    assert (s.pages, s.duplicates, s.failures, s.runs) == (2, 0, 0, 1)
    assert s.outlets == {"Fars": {"pages": 1, "duplicates": 0, "findings": 1},
                         "SANA": {"pages": 1, "duplicates": 0, "findings": 1}}
    assert s.checks == {"loaded_language": {"findings": 1, "pages": 1},
                        "unsourced_claim": {"findings": 1, "pages": 1}}
    assert s.last_run is not None and s.last_run.status == "finished"
    assert s.last_run.stored == 2
    json.dumps(s.to_dict())


def test_a_run_left_running_is_marked_interrupted_by_the_next(store):
    w = Writer(store, inputs=["x"])
    w.commit()
    w._conn.close()  # the process died: no finish
    with Writer(store, inputs=["y"]):
        pass
    assert [r.status for r in queries.runs(store)] == ["interrupted", "finished"]


def test_exports_csv_and_parquet(store, tmp_path):
    import pyarrow.parquet as pq

    _write(store, [(raw(STORY, "a.txt"), outcome(report_dict(STORY, source="a.txt")))])
    buf = io.StringIO()
    assert export_csv(store, "findings", buf) == 1
    [row] = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["check"] == "unsourced_claim"
    assert json.loads(row["evidence"])[0]["text"].startswith("Three people were killed")
    for table in t.EXPORT_TABLES:
        path = tmp_path / f"{table}.parquet"
        n = export_parquet(store, table, str(path))
        assert pq.read_table(path).num_rows == n
    pages = pq.read_table(tmp_path / "pages.parquet").to_pylist()
    assert pages[0]["text"] == STORY and pages[0]["revision"] == 1


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1,
                max_size=80).filter(lambda s: s.strip() and "\n\n" not in s)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=_text, body=_text, outlet=st.none() | _text)
def test_reports_round_trip_through_the_store(store, head, body, outlet):
    # Each example its own text: the store is shared across examples, and a text seen
    # before would be an exact copy of the page already stored.
    text = f"{head}\n\n{body.strip() or 'x'} {uuid.uuid4().hex}"
    rep = report_dict(text, source="p", outlet=outlet)
    with Writer(store, inputs=["h"]) as w:
        status = w.write(raw(text, "p"), outcome(rep))
    if "\x00" in text or "\x00" in (outlet or ""):
        # Neither database keeps NUL characters: the page is a failure, not a crash.
        assert status == "failed"
        assert queries.failures(store)[0].code == "input_binary"
        return
    assert status == "stored"
    assert queries.report(store, rep["document"]["id"]) == rep
    assert queries.page_text(store, rep["document"]["id"]) == text
