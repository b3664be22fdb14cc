"""``newsaudit ingest | stats | pages | export | events | compare | outlets``: the corpus
commands, thin over the library.

Each command opens the store named by ``--db`` (else ``$NEWSAUDIT_DB``, else
``./newsaudit.db``) and calls one library function: ``newsaudit.corpus.run.ingest``,
``newsaudit.store.queries.stats`` / ``pages`` / ``failures``, ``newsaudit.store.export``,
``newsaudit.corpus.events.events`` / ``compare`` / ``outlets``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from newsaudit.errors import NewsauditError, StoreUnavailable
from newsaudit.ingest.decode import DEFAULT_MAX_BYTES

EXIT_STORE = StoreUnavailable.exit_code


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL",
                   help="SQLAlchemy URL or SQLite path (default: $NEWSAUDIT_DB, else "
                        "./newsaudit.db)")


def _fmt(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (default) or json")


def add_parsers(sub: Any) -> None:
    ing = sub.add_parser("ingest", help="audit many pages into the corpus store")
    ing.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="directories, .txt/.html pages, .jsonl/.json/.csv records, "
                          ".warc(.gz) crawls, feeds, URLs, URL lists")
    _db(ing)
    ing.add_argument("--workers", type=int, default=None, metavar="N",
                     help="audit in N processes (local) or N actors (ray; default: one "
                          "per CPU of the cluster); local default 1")
    ing.add_argument("--engine", choices=("local", "ray"), default="local",
                     help="local processes (default) or Ray Data")
    ing.add_argument("--address", metavar="ADDR",
                     help="Ray cluster to join (\"auto\" for the one `ray start` made); "
                          "default: start Ray on this machine")
    ing.add_argument("--model", help="spaCy pipeline to use (as for `newsaudit audit`)")
    ing.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                     help=f"refuse pages larger than this (default {DEFAULT_MAX_BYTES:,})")
    ing.add_argument("--batch-chars", type=int, default=None, metavar="N",
                     help="characters of text per batch sent to a worker (default "
                          "120,000); each batch is committed when it returns, in input order")
    ing.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                     help="give up on a URL that does not answer in this time (default 10)")
    ing.add_argument("--min-interval", type=float, default=1.0, metavar="SECONDS",
                     help="wait at least this long between requests to one host (default 1)")
    _fmt(ing)

    st = sub.add_parser("stats", help="what the corpus store holds")
    _db(st)
    st.add_argument("--failures", action="store_true",
                    help="also list every failed input with its reason")
    _fmt(st)

    pg = sub.add_parser("pages", help="list stored pages, filtered")
    _db(pg)
    pg.add_argument("--outlet", help="outlet name or site (case-insensitive)")
    pg.add_argument("--check", help="only pages with a finding of this check")
    pg.add_argument("--since", metavar="DATE", help="published on or after DATE (YYYY-MM-DD)")
    pg.add_argument("--until", metavar="DATE", help="published on or before DATE")
    pg.add_argument("--duplicates", action=argparse.BooleanOptionalAction, default=None,
                    help="--duplicates: only near-duplicates; --no-duplicates: only originals")
    pg.add_argument("--limit", type=int, default=None, metavar="N", help="at most N pages")
    _fmt(pg)

    ex = sub.add_parser("export", help="write a table as CSV or Parquet")
    _db(ex)
    ex.add_argument("--table", default="findings",
                    choices=("pages", "quantities", "attributions", "claims", "findings",
                             "figures", "failures", "events", "event_pages", "event_figures"),
                    help="which table (default findings)")
    ex.add_argument("--format", choices=("csv", "parquet"), default="csv",
                    help="csv (default; to stdout without -o) or parquet (needs -o)")
    ex.add_argument("-o", "--output", metavar="FILE", help="write to FILE")

    ev = sub.add_parser("events", help="the events: reports of one incident grouped, with "
                        "their figures reconciled")
    _db(ev)
    ev.add_argument("--since", metavar="DATE", help="events reported on or after DATE")
    ev.add_argument("--until", metavar="DATE", help="events reported on or before DATE")
    ev.add_argument("--place", help="events naming this place (any spelling GeoNames knows)")
    ev.add_argument("--outlet", help="events an outlet reported (name or site)")
    ev.add_argument("--category", help="events with a reconciled figure of this category "
                    "(killed, wounded, missing, arrested, displaced, ...)")
    ev.add_argument("--min-pages", type=int, default=1, metavar="N",
                    help="only events with at least N reports (default 1)")
    ev.add_argument("--limit", type=int, default=None, metavar="N", help="at most N events")
    ev.add_argument("--rebuild", action="store_true",
                    help="forget the events and group every page again first")
    _fmt(ev)

    cp = sub.add_parser("compare", help="every figure of one event, its source chain and "
                        "time, and the reconciled band with why")
    cp.add_argument("event", metavar="EVENT", help="an event id as `newsaudit events` shows "
                    "it (e12)")
    _db(cp)
    cp.add_argument("--plot", metavar="FILE", help="also draw each source's figures over "
                    "time with the reconciled band (.svg or .png)")
    _fmt(cp)

    ol = sub.add_parser("outlets", help="per outlet: pages, unsourced-claim rate, headline "
                        "problems, figures outside the reconciled band")
    _db(ol)
    _fmt(ol)


def _open(url: str | None) -> Any:
    import sqlalchemy.exc

    from newsaudit.store import open_store, resolve_url
    from newsaudit.store.engine import display_url

    try:
        return open_store(url)
    except (sqlalchemy.exc.SQLAlchemyError, OSError) as err:
        where = display_url(resolve_url(url))
        first = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
        raise StoreUnavailable(f"cannot open the store ({first})", source=where) from None
    except ValueError as err:
        raise StoreUnavailable(f"not a database URL ({err})", source=url) from None


def cmd_ingest(args: argparse.Namespace) -> int:
    from newsaudit.corpus import progress
    from newsaudit.corpus.run import ingest
    from newsaudit.fetch import Fetcher

    if args.workers is not None and args.workers < 1:
        raise NewsauditError("--workers must be at least 1")
    store = _open(args.db)

    def fetcher() -> Fetcher:
        return Fetcher(timeout=args.timeout, min_interval=args.min_interval,
                       max_bytes=args.max_bytes)

    try:
        summary = ingest(
            args.inputs, store, engine=args.engine, workers=args.workers,
            address=args.address, model=args.model, max_bytes=args.max_bytes,
            fetcher_factory=fetcher, progress=progress.for_stream(sys.stderr),
            **({"batch_chars": args.batch_chars} if args.batch_chars else {}),
        )
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps({**summary.to_dict(), "db": store.display}, indent=2))
    else:
        print(
            f"{summary.stored} stored, {summary.duplicates} duplicates, "
            f"{summary.skipped} skipped (already stored), {summary.failed} failed, in "
            f"{summary.seconds:.1f} s ({summary.pages_per_second:.1f} pages/s) into "
            f"{store.display}"
        )
        if summary.failed:
            db = f" --db {args.db}" if args.db else ""
            print(f"why they failed: newsaudit stats --failures{db}")
    if summary.interrupted:
        print("interrupted: run the same command again to continue", file=sys.stderr)
        return 130
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from newsaudit.store import queries

    store = _open(args.db)
    try:
        stats = queries.stats(store)
        fails = queries.failures(store) if args.failures else []
    finally:
        store.close()
    if args.format == "json":
        out = stats.to_dict()
        if args.failures:
            out["failed_inputs"] = [f.to_dict() for f in fails]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(f"{stats.pages} pages ({stats.revisions} revisions, {stats.duplicates} "
          f"near-duplicates, {stats.copies} exact copies), {stats.failures} failed inputs, "
          f"{stats.runs} runs")
    if stats.failures_by_code:
        print("failures: " + ", ".join(f"{k} {v}" for k, v in stats.failures_by_code.items()))
    for name, o in stats.outlets.items():
        print(f"  {name}: {o['pages']} pages, {o['duplicates']} duplicates, "
              f"{o['findings']} findings")
    for check, c in stats.checks.items():
        print(f"  {check}: {c['findings']} findings on {c['pages']} pages")
    for f in fails:
        print(f"{f.source}: {f.reason} [{f.code}]")
    return 0


def cmd_pages(args: argparse.Namespace) -> int:
    from newsaudit.store import queries

    store = _open(args.db)
    try:
        try:
            rows = queries.pages(store, outlet=args.outlet, check=args.check, since=args.since,
                                 until=args.until, duplicates=args.duplicates, limit=args.limit)
        except ValueError as err:
            raise NewsauditError(str(err)) from None
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps([r.to_dict() for r in rows], indent=2, ensure_ascii=False))
        return 0
    for r in rows:
        dup = f"  duplicate of {r.duplicate_of[:19]} ({r.duplicate_kind})" if r.duplicate_of else ""
        found = ", ".join(f"{k} {v}" for k, v in r.findings.items())
        print(f"{r.id[:19]}  {r.published or '-':10.10}  {r.outlet or r.site or '-':20.20}  "
              f"{(r.title or r.source)[:60]}{dup}" + (f"\n    {found}" if found else ""))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from newsaudit.store.export import export

    store = _open(args.db)
    try:
        n = export(store, args.table, args.format, args.output)
    except ValueError as err:
        raise NewsauditError(str(err)) from None
    finally:
        store.close()
    if args.output:
        print(f"{n} rows of {args.table} written to {args.output}", file=sys.stderr)
    return 0


def _grouped(args: argparse.Namespace) -> Any:
    """The store with every page placed in an event (new pages are placed first)."""
    from newsaudit.corpus import events

    store = _open(args.db)
    if getattr(args, "rebuild", False):
        events.rebuild(store)
    else:
        events.update(store)
    return store


def cmd_events(args: argparse.Namespace) -> int:
    from newsaudit.corpus import events
    from newsaudit.render.events import print_events

    store = _grouped(args)
    try:
        data = events.events(store, since=args.since, until=args.until, place=args.place,
                             outlet=args.outlet, category=args.category,
                             min_pages=args.min_pages, limit=args.limit)
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print_events(data, sys.stdout)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from newsaudit.corpus import events
    from newsaudit.render.events import print_compare

    store = _grouped(args)
    try:
        data = events.compare(store, args.event)
    finally:
        store.close()
    if args.plot:
        from newsaudit.render.plot import plot_compare

        plot_compare(data, args.plot)
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print_compare(data, sys.stdout)
        if args.plot:
            print(f"plot written to {args.plot}")
    return 0


def cmd_outlets(args: argparse.Namespace) -> int:
    from newsaudit.corpus import events
    from newsaudit.render.events import print_outlets

    store = _grouped(args)
    try:
        data = events.outlets(store)
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps({"outlets": data}, indent=2, ensure_ascii=False))
    else:
        print_outlets(data, sys.stdout)
    return 0


COMMANDS = {"ingest": cmd_ingest, "stats": cmd_stats, "pages": cmd_pages, "export": cmd_export,
            "events": cmd_events, "compare": cmd_compare, "outlets": cmd_outlets}
