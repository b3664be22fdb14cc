"""The part of a page's HTML report that places it among other reports of its event.

When the page is stored in a corpus and belongs to an event (``newsaudit audit PAGE
--format html --db URL``), each of its figures that counts for the event links to a
section below the report: the event's reconciled band per category (low / best / high,
disputed, rising, and why) and every source's figure, oldest first, with this page's own
rows marked. The data is ``newsaudit compare``'s (``newsaudit.compare/1``), so the HTML
says exactly what the command says. Every string is escaped like the rest of the report.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

__all__ = ["event_cell", "event_section", "rows_by_quantity"]


def _e(x: object) -> str:
    return escape("" if x is None else str(x), quote=True)


def _n(x: Any) -> str:
    if x is None:
        return "?"
    return f"{int(x):,}" if float(x).is_integer() else str(x)


def rows_by_quantity(event: Mapping[str, Any], page_id: str) -> dict[str, Mapping[str, Any]]:
    """This page's rows of the comparison, by the id of the quantity each one reads."""
    out: dict[str, Mapping[str, Any]] = {}
    for r in event.get("rows") or ():
        q = r.get("quantity") or {}
        if r.get("page") == page_id and q.get("id"):
            out.setdefault(q["id"], r)
    return out


def event_cell(row: Mapping[str, Any] | None, event: Mapping[str, Any]) -> str:
    """The figures table's cell for one figure: a link to the event's band, or why not."""
    if row is None:
        return '<td class="event none">not this event\'s toll</td>'
    eid = (event.get("event") or {}).get("id", "")
    band = (event.get("reconciled") or {}).get(row["category"]) or {}
    flags = [f for f in ("disputed", "rising") if band.get(f)]
    label = (f"{row['category']} {_n(band.get('low'))}–{_n(band.get('high'))}"
             + (f" ({', '.join(flags)})" if flags else ""))
    return (f'<td class="event"><a href="#event-{_e(row["category"])}">{_e(eid)}: '
            f"{_e(label)}</a></td>")


def event_section(event: Mapping[str, Any], page_id: str) -> str:
    ev = event.get("event") or {}
    parts = [
        f'<h2 id="h-event">Across sources: {_e(ev.get("id"))} '
        f'<span class="count">{len(ev.get("pages") or ())} reports</span></h2>',
        f'<p class="meta">{_e(ev.get("title"))} · {_e(", ".join(ev.get("places") or ()))} · '
        f'{_e(ev.get("first_published"))} – {_e(ev.get("last_published"))}</p>',
    ]
    for cat, band in sorted((event.get("reconciled") or {}).items()):
        flags = [f for f in ("disputed", "rising") if band.get(f)]
        parts.append(
            f'<h3 id="event-{_e(cat)}">{_e(cat)}: low {_n(band.get("low"))} · best '
            f'{_n(band.get("best"))} · high {_n(band.get("high"))}'
            + (f" <span class=\"flags\">{_e(', '.join(flags))}</span>" if flags else "")
            + f'</h3><p class="why">{_e(band.get("why"))}</p>')
        rows = [r for r in event.get("rows") or () if r.get("category") == cat]
        body = []
        for r in rows:
            src = (r.get("source") or {}).get("text") or "own voice"
            notes = [n for n, on in (("this page", r.get("page") == page_id),
                                     ("copy", not r.get("independent")),
                                     ("superseded", bool(r.get("superseded_by"))),
                                     ("outside the band", bool(r.get("outside_band"))))
                     if on]
            mine = ' class="this-page"' if r.get("page") == page_id else ""
            body.append(f"<tr{mine}><td>{_e(r.get('published'))}</td><td>{_e(r.get('outlet'))}"
                        f"</td><td>{_e(r.get('text'))}</td><td>{_e(src)}</td>"
                        f"<td>{_e(', '.join(notes))}</td></tr>")
        parts.append('<table class="figures"><thead><tr><th>published</th><th>outlet</th>'
                     "<th>figure</th><th>on whose word</th><th></th></tr></thead>"
                     f"<tbody>{''.join(body)}</tbody></table>")
    return '<section class="details" aria-labelledby="h-event">' + "".join(parts) + "</section>"
