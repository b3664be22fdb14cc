"""The ingest end to end: every kind of bad input is a failure row, the rest is stored;
a repeated run adds nothing; an interrupted run resumes to the same store; engines agree."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from corpus_pages import synthetic_records
from local_web import ARTICLE, fetcher, serve
from newsaudit.corpus.run import ingest
from newsaudit.store import open_store, queries, resolve_url
from newsaudit.store import schema as t
from paths import PAGES, REPO


def _warc(pages: list[tuple[str, str]], corrupt: int | None = None) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    parts = []
    for url, html in pages:
        buf = io.BytesIO()
        w = WARCWriter(buf, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                            http_headers=http))
        parts.append(bytearray(buf.getvalue()))
    if corrupt is not None:
        parts[corrupt][20:60] = b"\x00" * 40
    return b"".join(bytes(p) for p in parts)


def mixed_inputs(tmp_path: Path) -> list[str]:
    """Good pages of every kind, and one of each bad input the issue names."""
    pages = tmp_path / "saved"
    pages.mkdir()
    for name in ("conflict", "disaster", "protest"):
        shutil.copy(PAGES / f"{name}.txt", pages / f"{name}.txt")
    (pages / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))       # binary
    records = synthetic_records(2)
    (tmp_path / "scraped.jsonl").write_text(
        json.dumps(records[0]) + "\n\n" + json.dumps(records[1]) + "\n")     # an empty line
    (tmp_path / "crawl.warc.gz").write_bytes(_warc([
        ("https://harbour.example/a", ARTICLE),
        ("https://harbour.example/b", ARTICLE.replace("ten days", "two weeks")),
        ("https://harbour.example/c", ARTICLE.replace("Dock workers", "Crane drivers")
         .replace("ten days", "nine days")),
    ], corrupt=1))                                                            # a corrupt record
    (tmp_path / "broken-feed.xml").write_text("<rss><channel><item><title>unclosed")
    (tmp_path / "urls.txt").write_text("http://news.test/second\nhttp://news.test/slow\n")
    return [str(pages), str(tmp_path / "scraped.jsonl"), str(tmp_path / "crawl.warc.gz"),
            str(tmp_path / "broken-feed.xml"), str(tmp_path / "urls.txt")]


def _snapshot(store) -> list[tuple]:
    cols = ("id", "source", "url", "outlet", "published", "revision", "previous_id",
            "duplicate_of", "duplicate_kind")
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(*(t.pages.c[c] for c in cols)).order_by(t.pages.c.id))
        pages = [tuple(r) for r in rows]
        reports = conn.execute(sa.select(t.reports.c.page_id, t.reports.c.json)
                               .order_by(t.reports.c.page_id)).all()
        counts = {name: conn.execute(sa.select(sa.func.count()).select_from(
            t.metadata.tables[name])).scalar() for name in (*t.RECORD_TABLES, "inputs")}
    return [pages, [tuple(r) for r in reports], counts,
            sorted((f.source, f.code) for f in queries.failures(store))]


@pytest.mark.slow
def test_bad_inputs_become_failure_rows_and_the_rest_is_stored(store, tmp_path):
    inputs = mixed_inputs(tmp_path)
    with serve() as (port, _):
        summary = ingest(inputs, store, fetcher_factory=lambda: fetcher(port, timeout=1.0))
    fails = {f.source.replace(str(tmp_path), ""): (f.code, f.reason)
             for f in queries.failures(store)}
    warc_fail = [k for k in fails if k.startswith("/crawl.warc.gz#")]
    assert len(warc_fail) == 1
    assert fails.pop(warc_fail[0])[0] == "input_malformed"
    assert fails == {
        "/saved/photo.txt": ("input_binary",
                             "is binary data (a PNG image), not a text or HTML page"),
        "/scraped.jsonl:2": ("input_empty", "line 2 is empty (JSONL holds one object per line)"),
        "/broken-feed.xml": ("input_malformed", fails["/broken-feed.xml"][1]),
        "http://news.test/slow": ("fetch_timeout", "no answer within 1 s"),
    }
    assert fails["/broken-feed.xml"][1].startswith("the feed does not parse (")
    stored = {p.source.replace(str(tmp_path), ""): p for p in queries.pages(store)}
    assert sorted(k for k in stored if not k.startswith("<urn:")) == [
        "/saved/conflict.txt", "/saved/disaster.txt", "/saved/protest.txt",
        "http://news.test/second", "story-000", "story-001"]
    warc_pages = sorted(p.url for p in stored.values() if p.source.startswith("<urn:"))
    assert warc_pages == ["https://harbour.example/a", "https://harbour.example/c"]
    assert (summary.stored, summary.failed, summary.skipped) == (8, 5, 0)
    harbour = stored["http://news.test/second"]
    assert (harbour.outlet, harbour.site, harbour.published[:10]) == (
        "Harbour Times", "news.test", "2024-05-02")
    # Again: nothing new is stored, and the same five inputs fail for the same reasons.
    with serve() as (port, _):
        again = ingest(inputs, store, fetcher_factory=lambda: fetcher(port, timeout=1.0))
    assert (again.stored, again.duplicates, again.skipped, again.failed) == (0, 0, 8, 5)
    assert len(queries.pages(store)) == 8 and len(queries.failures(store)) == 5


def _cli(db: str, inputs: list[str], *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "newsaudit", "ingest", *inputs, "--db", db,
         "--batch-chars", "1500", *extra],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _count(url: str) -> int:
    engine = sa.create_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(t.pages)).scalar() or 0
    except sa.exc.DBAPIError:
        return 0
    finally:
        engine.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_killed_half_way_and_run_again_gives_the_same_store(tmp_path, backend):
    """A real process, SIGKILLed mid-run, then the same command again."""
    from databases import database

    records = synthetic_records(40)
    # Near-duplicates among the input, so that resuming must also keep duplicate links.
    for k in range(0, 40, 10):
        copy = dict(records[k], id=f"copy-{k}", outlet="Coast Wire",
                    title="Wire: " + records[k]["title"])
        copy["text"] = records[k]["text"].rsplit("\n\n", 1)[0] + "\n\nThe agency contributed."
        records.append(copy)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    with database(backend, tmp_path / "a") as url_a, database(backend, tmp_path / "b") as url_b:
        whole = _cli(url_a, [str(src)])
        out, err = whole.communicate(timeout=600)
        assert whole.returncode == 0, err
        killed = _cli(url_b, [str(src)])
        deadline = time.monotonic() + 300
        while _count(url_b) < 10 and time.monotonic() < deadline and killed.poll() is None:
            time.sleep(0.05)
        os.kill(killed.pid, signal.SIGKILL)
        killed.communicate(timeout=60)
        partial = _count(url_b)
        assert 10 <= partial < len(records), f"killed after {partial} pages"
        again = _cli(url_b, [str(src)], "--format", "json")
        out, err = again.communicate(timeout=600)
        assert again.returncode == 0, err
        summary = json.loads(out)
        assert summary["skipped"] == partial
        a, b = open_store(url_a), open_store(url_b)
        try:
            assert _snapshot(a) == _snapshot(b)
            assert [r.status for r in queries.runs(b)] == ["interrupted", "finished"]
            assert any(p.duplicate_of for p in queries.pages(b))
        finally:
            a.close()
            b.close()


def _records_file(tmp_path: Path, n: int) -> str:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in synthetic_records(n)))
    return str(path)


@pytest.mark.slow
def test_two_local_workers_store_what_one_does(tmp_path):
    src = _records_file(tmp_path, 24)
    one = open_store(f"sqlite:///{tmp_path / 'one.db'}")
    two = open_store(f"sqlite:///{tmp_path / 'two.db'}")
    try:
        ingest([src], one, batch_chars=3000)
        s = ingest([src], two, workers=2, batch_chars=3000)
        assert s.stored == 24
        assert _snapshot(one) == _snapshot(two)
        assert queries.runs(two)[0].workers == 2
    finally:
        one.close()
        two.close()


@pytest.mark.slow
def test_ray_engine_stores_what_local_does(tmp_path):
    import ray

    src = _records_file(tmp_path, 12)
    local = open_store(f"sqlite:///{tmp_path / 'local.db'}")
    onray = open_store(f"sqlite:///{tmp_path / 'ray.db'}")
    # The local Ray that .ci/run starts (`ray start --head`, its address in $RAY_ADDRESS),
    # as a user's `--engine ray --address auto` finds it; else one with 2 CPUs, started here
    # (address="local": a Ray head some other work left running must not be joined, since
    # num_cpus cannot be set on a cluster that is already up).
    address = os.environ.get("RAY_ADDRESS")
    if address:
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    else:
        ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        ingest([src], local, batch_chars=3000)
        s = ingest([src], onray, engine="ray", workers=2, batch_chars=3000)
        assert s.stored == 12
        assert _snapshot(local) == _snapshot(onray)
        assert queries.runs(onray)[0].engine == "ray"
    finally:
        ray.shutdown()
        local.close()
        onray.close()
