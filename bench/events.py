"""How fast ``newsaudit events`` and ``compare`` answer over a store of 10,000 pages.

    .venv/bin/python bench/events.py [--pages 10000] [--db FILE]

The pages are synthetic, stored through the store's one writer: the invented multi-source
corpus of ``tests/fixtures/events`` (dev and held-out: 36 pages, 12 events, wire copies,
rising tolls, distractors) is analysed once, and its reports are written again and again,
each round under new page ids and URLs and published a week later than the round before,
so the store holds about ``pages / 3`` events of 1-5 reports, the way a year of wire
coverage of one region would. Grouping all of them (``update``) is timed but is not the
target: it runs once, as pages arrive.

Then, with every page placed, what a user waits for:

1. ``newsaudit events``: ``update`` (nothing new to place) plus the listing of every
   event with its pages and reconciled figures, as JSON (the CLI's ``--format json``), and
   the same with ``--since`` and ``--place`` filters;
2. ``newsaudit compare EVENT``: one event's rows, bands and left-out figures, for 50
   events spread over the store (median and slowest);
3. the two commands as subprocesses (``newsaudit events --format json``, ``newsaudit
   compare``), start-up and imports included.

Targets (issue 12): ``events`` < 2 s, ``compare`` < 0.5 s. The machine's load average is
printed: other work on the machine slows every figure here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "events"


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def source_reports(cache: Path) -> list[dict[str, Any]]:
    """The fixture corpus analysed once (kept in ``cache`` for the next run)."""
    import sqlalchemy as sa

    from newsaudit.corpus.run import ingest
    from newsaudit.store import open_store
    from newsaudit.store import schema as t

    store = open_store(str(cache))
    ingest([str(FIXTURES / "dev"), str(FIXTURES / "heldout")], store, group=False)
    with store.engine.connect() as conn:
        reports = [json.loads(raw) for (raw,) in conn.execute(
            sa.select(t.reports.c.json).join(t.pages, t.pages.c.id == t.reports.c.page_id)
            .order_by(t.pages.c.seq))]
    store.close()
    return reports


def _shift(stamp: str | None, days: int) -> str | None:
    if not stamp or len(stamp) < 10:
        return stamp
    return (date.fromisoformat(stamp[:10]) + timedelta(days=days)).isoformat() + stamp[10:]


def fill(store: Any, reports: list[dict[str, Any]], n: int) -> None:
    """``n`` pages: the reports, round after round, a week apart, under new ids."""
    from newsaudit.corpus.adapter import Outcome
    from newsaudit.ingest.raw import RawPage
    from newsaudit.store.writer import Writer

    with Writer(store, inputs=["bench/events.py"]) as w:
        for k in range(n):
            rnd, rep = divmod(k, len(reports))
            report = json.loads(json.dumps(reports[rep]))
            doc = report["document"]
            doc["id"] = "sha256:" + hashlib.sha256(f"{doc['id']}|{rnd}".encode()).hexdigest()
            doc["published"] = _shift(doc.get("published"), 7 * rnd)
            url = doc.get("url") or f"https://bench.example/{rep}"
            doc["url"] = f"{url}{'&' if '?' in url else '?'}round={rnd}"
            raw = RawPage(source=f"bench-{k}", data=doc["text"], fmt="text", url=doc["url"],
                          outlet=doc.get("outlet"), published=doc["published"])
            w.write(raw, Outcome(source=raw.source, report=report))
            if k % 500 == 499:
                w.commit()


def _count_pages(store: Any) -> int:
    import sqlalchemy as sa

    from newsaudit.store import schema as t

    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(t.pages)).scalar() or 0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--db", help="the SQLite file to build (default: a temporary one); one "
                    "that holds the pages already is reused")
    args = ap.parse_args(argv)

    from newsaudit.corpus import events as ev
    from newsaudit.store import open_store

    tmp = Path(tempfile.mkdtemp(prefix="newsaudit-bench-events-"))
    db = Path(args.db) if args.db else tmp / "events.db"
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    store = open_store(str(db))
    have = _count_pages(store)
    if have >= args.pages:
        print(f"reusing the {have} pages stored in {db}")
    else:
        cache = Path(tempfile.gettempdir()) / "newsaudit-bench-events-source.db"
        secs, reports = _timed(lambda: source_reports(cache))
        print(f"source corpus: {len(reports)} reports ({secs:.1f} s)")
        secs, _ = _timed(lambda: fill(store, reports, args.pages))
        print(f"stored {args.pages} pages through the writer: {secs:.1f} s")
    secs, summary = _timed(lambda: ev.update(store))
    print(f"grouped them (once, as pages arrive): {secs:.1f} s, "
          f"{summary.new_events} events")

    def listing(**kw: Any) -> str:
        ev.update(store)
        return json.dumps(ev.events(store, **kw), ensure_ascii=False)

    listing()  # warm: the first query pays for opening caches
    results: dict[str, float] = {}
    for label, kw in (("events (all)", {}), ("events --since (last 90 days)", "since"),
                      ("events --place Idlib", {"place": "Idlib"})):
        if kw == "since":
            last = ev.events(store, limit=1)["events"][0]["last_published"]
            kw = {"since": (date.fromisoformat(last[:10]) - timedelta(days=90)).isoformat()}
        times = []
        for _ in range(3):
            secs, out = _timed(lambda kw=kw: listing(**kw))
            times.append(secs)
        n_events = len(json.loads(out)["events"])
        results[label] = min(times)
        print(f"{label}: {min(times):.3f} s (best of 3), {n_events} events, "
              f"{len(out) / 1e6:.1f} MB of JSON")

    ids = [e["id"] for e in ev.events(store, min_pages=2)["events"]]
    picks = ids[:: max(1, len(ids) // 50)][:50]
    ctimes = []
    for eid in picks:
        secs, _ = _timed(lambda eid=eid: json.dumps(ev.compare(store, eid)))
        ctimes.append(secs)
    results["compare (median)"] = statistics.median(ctimes)
    results["compare (slowest)"] = max(ctimes)
    print(f"compare over {len(picks)} events: median {statistics.median(ctimes) * 1000:.1f} ms, "
          f"slowest {max(ctimes) * 1000:.1f} ms")
    store.close()

    cli = [sys.executable, "-m", "newsaudit"]
    env = {**os.environ, "NEWSAUDIT_DB": str(db)}
    for label, cmd in (("CLI: newsaudit events --format json", ["events", "--format", "json"]),
                       ("CLI: newsaudit compare", ["compare", picks[0]])):
        secs, proc = _timed(lambda cmd=cmd: subprocess.run(
            [*cli, *cmd], env=env, capture_output=True, check=True))
        results[label] = secs
        print(f"{label}: {secs:.3f} s (start-up and imports included)")

    ok_events = results["events (all)"] < 2.0
    ok_compare = results["compare (slowest)"] < 0.5
    print(f"targets: events < 2 s {'met' if ok_events else 'MISSED'}, "
          f"compare < 0.5 s {'met' if ok_compare else 'MISSED'}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if not args.db:
        for f in tmp.iterdir():
            f.unlink()
        tmp.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
