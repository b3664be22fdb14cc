"""Events in the terminal (rich): the events table, an event's comparison, outlet profiles.

Each function takes the contract's dicts (``newsaudit.events/1``, ``newsaudit.compare/1``)
or the outlet records, so the terminal shows exactly what ``--format json`` gives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import IO, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["band", "print_compare", "print_events", "print_outlets"]

#: The categories shown first, in this order; others follow alphabetically.
ORDER = ("killed", "wounded", "missing", "arrested", "displaced", "abducted", "rescued")


def _num(x: Any) -> str:
    if x is None:
        return "-"
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return f"{x:,}" if isinstance(x, int) else str(x)


def band(fig: Mapping[str, Any]) -> str:
    """'13 / 13 / 80, disputed' for one category."""
    flags = [w for w in ("disputed", "rising") if fig.get(w)]
    text = f"{_num(fig.get('low'))} / {_num(fig.get('best'))} / {_num(fig.get('high'))}"
    return text + (f" ({', '.join(flags)})" if flags else "")


def _categories(figs: Mapping[str, Any]) -> list[str]:
    return sorted(figs, key=lambda c: (ORDER.index(c) if c in ORDER else len(ORDER), c))


def _console(out: IO[str] | None) -> Console:
    return Console(file=out, highlight=False, soft_wrap=False, width=160)


def print_events(data: Mapping[str, Any], out: IO[str] | None = None) -> None:
    con = _console(out)
    evs = data.get("events") or []
    if not evs:
        con.print("No events in the store (ingest pages first: newsaudit ingest ...).")
        return
    table = Table(show_lines=False, header_style="bold")
    for col in ("event", "dates", "title", "places", "reports", "sources", "low / best / high"):
        table.add_column(col, overflow="fold")
    for e in evs:
        first, last = (e.get("first_published") or "")[:10], (e.get("last_published") or "")[:10]
        dates = first if first == last else f"{first} – {last}"
        figs = e.get("figures") or {}
        lines = [f"{c}: {band(figs[c])}" for c in _categories(figs)]
        table.add_row(e["id"], dates, (e.get("title") or "")[:70],
                      ", ".join((e.get("places") or [])[:3]), str(len(e.get("pages") or [])),
                      str(e.get("sources", "")), "\n".join(lines) or "-")
    con.print(table)


def _chain(row: Mapping[str, Any]) -> str:
    src = row.get("source")
    if not src:
        return f"{row.get('outlet') or '?'} (own voice)"
    parts = [src.get("text") or "?"] + [v.get("text") or "?" for v in row.get("via") or ()]
    return " ← ".join(parts) + f" ({row.get('rank')})"


def print_compare(data: Mapping[str, Any], out: IO[str] | None = None) -> None:
    con = _console(out)
    ev = data["event"]
    con.print(Text(f"{ev['id']}: {ev.get('title') or ''}", style="bold"))
    con.print(f"{(ev.get('first_published') or '')[:10]} – {(ev.get('last_published') or '')[:10]}"
              f" · {', '.join(ev.get('places') or [])} · {len(ev.get('pages') or [])} reports")
    table = Table(header_style="bold")
    for col in ("row", "published", "outlet", "figure", "category", "on whose word", "note"):
        table.add_column(col, overflow="fold")
    for r in data.get("rows") or ():
        notes = []
        if not r.get("independent"):
            notes.append("copy, not counted")
        if r.get("superseded_by"):
            notes.append(f"superseded by {r['superseded_by']}")
        if r.get("outside_band"):
            notes.append("outside the others' band")
        table.add_row(r["id"], (r.get("published") or "")[:16].replace("T", " "),
                      r.get("outlet") or "?", r.get("text") or "", r.get("category") or "",
                      _chain(r), "; ".join(notes))
    con.print(table)
    for cat in _categories(data.get("reconciled") or {}):
        rec = data["reconciled"][cat]
        con.print(Text(f"{cat}: low / best / high = {band(rec)}", style="bold"))
        con.print(f"  {rec.get('why', '')}")
    excluded = data.get("excluded") or []
    if excluded:
        con.print(Text("Left out", style="bold"))
        for x in excluded:
            con.print(f"  '{x['text']}': {x['reason']}")


def print_outlets(records: Sequence[Mapping[str, Any]], out: IO[str] | None = None) -> None:
    con = _console(out)
    table = Table(header_style="bold")
    for col in ("outlet", "pages", "events", "unsourced-claim rate", "headline problems",
                "figures outside the band"):
        table.add_column(col)
    for r in records:
        rate = r.get("unsourced_claim_rate")
        comp = r.get("figures_compared") or 0
        table.add_row(
            r["outlet"], str(r["pages"]), str(r["events"]),
            "-" if rate is None else f"{rate:.0%} of {r['claims_own_voice']} own-voice claims",
            str(r["headline_problems"]),
            f"{r['figures_outside_band']} of {comp}" if comp else "-",
        )
    con.print(table)
