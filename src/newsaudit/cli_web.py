"""``newsaudit serve``: the web app and API, thin over :mod:`newsaudit.web`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from newsaudit.web.config import (
    DEFAULT_AUDIT_TIMEOUT,
    DEFAULT_HOST,
    DEFAULT_PORT,
    DEFAULT_QUEUE,
    WebConfig,
    default_workers,
    read_tokens,
)


def add_parsers(sub: Any) -> None:
    sv = sub.add_parser("serve", help="the web app and REST API over the library and the store")
    sv.add_argument("--db", metavar="URL",
                    help="SQLAlchemy URL or SQLite path (default: $NEWSAUDIT_DB, else "
                         "./newsaudit.db)")
    sv.add_argument("--host", default=DEFAULT_HOST,
                    help=f"address to listen on (default {DEFAULT_HOST}; any other needs "
                         "--token-file)")
    sv.add_argument("--port", type=int, default=DEFAULT_PORT,
                    help=f"port to listen on (default {DEFAULT_PORT})")
    sv.add_argument("--token-file", metavar="PATH",
                    help="tokens allowed to write (one per line): writes then need "
                         "Authorization: Bearer <token>")
    sv.add_argument("--workers", type=int, default=None, metavar="N",
                    help="audit worker processes (default: one per CPU)")
    sv.add_argument("--queue", type=int, default=DEFAULT_QUEUE, metavar="N",
                    help="requests that may wait for a busy worker before 503 (default "
                         f"{DEFAULT_QUEUE})")
    sv.add_argument("--max-bytes", type=int, default=None,
                    help="refuse request bodies, uploads and fetched pages over this (default: "
                         "the input.max_bytes setting)")
    sv.add_argument("--audit-timeout", type=float, default=DEFAULT_AUDIT_TIMEOUT,
                    metavar="SECONDS",
                    help=f"stop an audit that runs longer (default {DEFAULT_AUDIT_TIMEOUT:g})")
    sv.add_argument("--ingest-dir", action="append", default=[], metavar="DIR",
                    help="a directory POST /api/ingest may read files from (repeatable; "
                         "default: none, URLs only)")
    sv.add_argument("--model", help="spaCy pipeline to use (as for `newsaudit audit`)")
    sv.add_argument("--config", metavar="PATH", help="settings file to read (as for "
                                                     "`newsaudit audit`)")


def config_from(args: argparse.Namespace) -> WebConfig:
    """The server's options; a :class:`~newsaudit.errors.SettingsError` (exit 2) when they
    do not hold together (another host without tokens, a bad token file, ...)."""
    tokens = read_tokens(args.token_file) if args.token_file else frozenset()
    return WebConfig(
        db=args.db, host=args.host, port=args.port, tokens=tokens,
        workers=args.workers if args.workers is not None else default_workers(),
        queue=args.queue, max_bytes=args.max_bytes, audit_timeout=args.audit_timeout,
        model=args.model, config=args.config,
        ingest_dirs=tuple(Path(d).resolve() for d in args.ingest_dir),
    )


def cmd_serve(args: argparse.Namespace) -> int:
    from newsaudit.web.serve import serve

    return serve(config_from(args))
