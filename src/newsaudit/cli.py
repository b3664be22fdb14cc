"""The command line: a thin layer over the library.

Exit codes (documented in the README, pinned by tests):
    0  the page(s) were analysed (and no finding reached --fail-on); a page in a language
       newsaudit does not analyse is outlined, with one notice line on stderr
    1  a finding at or above the --fail-on severity was reported
    2  an input could not be read (missing, empty, binary, too large, undecodable), or the
       settings are invalid (``--config`` file, ``NEWSAUDIT_*`` variables)
    3  the spaCy model or a trained artifact could not be loaded
    4  unexpected internal error (a bug: please report it with the page)
    5  the corpus store (database) could not be opened
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from newsaudit._version import __version__
from newsaudit.errors import NewsauditError
from newsaudit.model import SEVERITY_RANK
from newsaudit.settings import Settings

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_MODEL = 3
EXIT_INTERNAL = 4


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsaudit",
        description=(
            "Lay out who claims what in a news page, on whose word, and whether it holds up."
        ),
    )
    parser.add_argument("--version", action="version", version=f"newsaudit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    audit = sub.add_parser("audit", help="analyse one page (a file, or - for stdin)")
    audit.add_argument("page", help="path to a .txt or .html page, or - to read stdin")
    audit.add_argument(
        "--format", choices=("text", "json", "markdown", "html"), default="text",
        help="text: terminal report (default); json: the report contract; markdown: for a "
        "ticket or chat; html: one self-contained page (use with -o)",
    )
    audit.add_argument(
        "--fail-on", choices=("warning", "problem"),
        help="exit 1 when a finding at this severity or above is reported",
    )
    audit.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    defaults = Settings.defaults()
    audit.add_argument(
        "--input-format", choices=("auto", "text", "html"),
        help="how to read the page (default: the input.format setting, auto: sniff HTML vs "
        "plain text)",
    )
    audit.add_argument(
        "--model", help="spaCy pipeline to use (default: the spacy.model setting or "
        "$NEWSAUDIT_SPACY_MODEL, then the best installed en_core_web_*)",
    )
    audit.add_argument(
        "--max-bytes", type=int,
        help="refuse inputs larger than this (default: the input.max_bytes setting, "
        f"{defaults.input.max_bytes:,})",
    )
    audit.add_argument(
        "--db", metavar="URL",
        help="with --format html: when the page is stored in this corpus and belongs to an "
        "event, link its figures to the event's comparison (see `newsaudit compare`)",
    )
    audit.add_argument(
        "--all-findings", action="store_true",
        help="show every finding the checks make: switch off the severity calibrator, which "
        "otherwise withholds low-confidence warnings (setting severity.calibrate)",
    )
    audit.add_argument(
        "--config", metavar="PATH",
        help="settings file to read (default: $NEWSAUDIT_CONFIG, else "
        "~/.config/newsaudit/config.toml when it exists); see docs/settings.md",
    )
    sub.add_parser(
        "schema", help="print the JSON Schema (draft 2020-12) of the report --format json writes"
    )
    from newsaudit import cli_corpus, cli_eval, cli_web

    cli_eval.add_parsers(sub)
    cli_corpus.add_parsers(sub)
    cli_web.add_parsers(sub)
    return parser


def _cmd_audit(args: argparse.Namespace) -> int:
    from newsaudit.auditor import Auditor

    settings = Settings.load(
        args.config, overrides={"severity.calibrate": "off" if args.all_findings else None}
    )
    auditor = Auditor(args.model, settings=settings, fmt=args.input_format,
                      max_bytes=args.max_bytes)
    report = auditor.audit_path(args.page)
    for notice in report.notices:  # what was not done goes beside the report, not in it
        print(f"newsaudit: notice: {args.page}: {notice.message}", file=sys.stderr)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        if args.format == "json":
            out.write(report.to_json() + "\n")
        elif args.format == "markdown":
            from newsaudit.render.markdown import to_markdown

            out.write(to_markdown(report))
        elif args.format == "html":
            from newsaudit.render.html import to_html

            out.write(to_html(report, event=_page_event(args.db, report.document.id)))
        else:
            from newsaudit.render import print_report

            print_report(report, out)
    finally:
        if out is not sys.stdout:
            out.close()
    if args.fail_on and any(
        SEVERITY_RANK[f.severity] >= SEVERITY_RANK[args.fail_on] for f in report.findings
    ):
        return EXIT_FINDINGS
    return EXIT_OK


def _page_event(db: str | None, page_id: str) -> dict[str, Any] | None:
    """The comparison of the corpus event the page belongs to, if ``db`` is given and
    holds it."""
    if not db:
        return None
    from newsaudit.cli_corpus import _open
    from newsaudit.corpus import events

    store = _open(db)
    try:
        events.update(store)
        return events.page_event(store, page_id)
    finally:
        store.close()


def _cmd_eval(args: argparse.Namespace) -> int:
    from newsaudit.cli_eval import run_eval

    return run_eval(args)


def _cmd_train(args: argparse.Namespace) -> int:
    from newsaudit.cli_eval import run_train

    return run_train(args)


def _cmd_schema(args: argparse.Namespace) -> int:
    from newsaudit.datafiles import read_text

    sys.stdout.write(read_text("report.schema.json"))
    return EXIT_OK


def _cmd_corpus(args: argparse.Namespace) -> int:
    from newsaudit.cli_corpus import COMMANDS as CORPUS

    return CORPUS[args.command](args)


def _cmd_serve(args: argparse.Namespace) -> int:
    from newsaudit.cli_web import cmd_serve

    return cmd_serve(args)


COMMANDS = {
    "audit": _cmd_audit, "eval": _cmd_eval, "train": _cmd_train, "schema": _cmd_schema,
    "ingest": _cmd_corpus, "stats": _cmd_corpus, "pages": _cmd_corpus, "export": _cmd_corpus,
    "serve": _cmd_serve,
    "events": _cmd_corpus, "compare": _cmd_corpus, "outlets": _cmd_corpus,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except NewsauditError as err:
        print(f"newsaudit: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # noqa: BLE001 - the edge turns any bug into one line
        print(f"newsaudit: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
