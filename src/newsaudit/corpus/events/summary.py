"""An event's summary: its reports (one entry per input), its figures as comparison rows,
and the reconciled band per category, written to ``event_figures`` / ``event_rows`` /
``events`` so that ``newsaudit events`` and ``compare`` only read.

How copies are represented (the contract's ``pages[].duplicate_of`` and ``rows[].
independent``): every input that gave a page is an entry of its own, with its own
``source`` (the input record's id), ``outlet`` and ``published``. An input whose text is
exactly that of an earlier input (they share one page id) is an exact copy: its
``duplicate_of`` is the page id itself and ``duplicate_kind`` is ``exact``. A page that
re-publishes another with small edits (a near-duplicate found at ingest) has
``duplicate_of`` = the id of the page it copies and ``duplicate_kind`` ``syndication`` or
``same_site``. Rows of a copy are listed with ``independent: false`` and never counted;
the original's rows carry the figure. When the original is not in the event, its copy
speaks for it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from newsaudit.corpus.events.figures import EventFigure
from newsaudit.corpus.events.reconcile import Row, reconcile
from newsaudit.store import schema as t

__all__ = ["Entry", "entries", "summarise"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One input that gave a page of the event."""

    page: str
    source: str
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None
    kind: str
    how: str
    duplicate_of: str | None
    duplicate_kind: str | None
    revision: int
    original: bool  # the first input of an original page: its figures count

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.page, "source": self.source, "outlet": self.outlet,
                "published": self.published, "duplicate_of": self.duplicate_of,
                "duplicate_kind": self.duplicate_kind, "url": self.url, "title": self.title,
                "kind": self.kind, "grouped_by": self.how}


def _when(published: str | None, seq: int) -> tuple[bool, str, int]:
    return (published is None, published or "", seq)


def entries(conn: sa.Connection, event_ids: Sequence[int]) -> dict[int, list[Entry]]:
    """Every input of every page of these events, oldest first."""
    p, i, ep, pf = t.pages.c, t.inputs.c, t.event_pages.c, t.page_features.c
    out: dict[int, list[Entry]] = {e: [] for e in event_ids}
    for k in range(0, len(event_ids), 500):
        part = list(event_ids[k : k + 500])
        q = (sa.select(ep.event_id, ep.how, p.id, p.outlet, p.published, p.url, p.title,
                       p.duplicate_of, p.duplicate_kind, p.revision, i.source,
                       i.outlet.label("in_outlet"), i.published.label("in_published"),
                       i.url.label("in_url"), i.seq, pf.kind)
             .select_from(t.event_pages.join(t.pages, p.id == ep.page_id)
                          .join(t.inputs, i.page_id == p.id)
                          .outerjoin(t.page_features, pf.page_id == p.id))
             .where(ep.event_id.in_(part)))
        rows = conn.execute(q).all()
        members = {r.id for r in rows}
        by_page: dict[str, list[Any]] = {}
        for r in rows:
            by_page.setdefault(r.id, []).append(r)
        for pid, inputs in by_page.items():
            inputs.sort(key=lambda r: _when(r.in_published or r.published, r.seq))
            for n, r in enumerate(inputs):
                if n == 0:
                    dup, kind = r.duplicate_of, r.duplicate_kind if r.duplicate_of else None
                else:
                    dup, kind = pid, "exact"
                out[r.event_id].append(Entry(
                    page=pid, source=r.source, outlet=r.in_outlet or r.outlet,
                    published=r.in_published or r.published, url=r.in_url or r.url,
                    title=r.title, kind=r.kind or "report", how=r.how, duplicate_of=dup,
                    duplicate_kind=kind, revision=r.revision,
                    original=n == 0 and (r.duplicate_of is None or r.duplicate_of not in members),
                ))
    for lst in out.values():
        lst.sort(key=lambda e: (e.published is None, e.published or "", e.source))
    return out


def _reports(conn: sa.Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    r = t.reports.c
    out: dict[str, dict[str, Any]] = {}
    for k in range(0, len(ids), 200):
        for pid, raw in conn.execute(sa.select(r.page_id, r.json)
                                     .where(r.page_id.in_(list(ids[k : k + 200])))):
            out[pid] = json.loads(raw)
    return out


def _features(conn: sa.Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    pf = t.page_features.c
    out: dict[str, dict[str, Any]] = {}
    for k in range(0, len(ids), 500):
        for pid, data in conn.execute(sa.select(pf.page_id, pf.data)
                                      .where(pf.page_id.in_(list(ids[k : k + 500])))):
            out[pid] = data
    return out


def _figure(d: Mapping[str, Any]) -> EventFigure:
    return EventFigure(**{**d, "via": tuple(d.get("via") or ()),
                          "keys": tuple(d.get("keys") or ())})


def _place_label(key: str) -> str:
    return " ".join(w if w in ("al", "el", "an", "ar", "as", "ad", "of", "de") else w.capitalize()
                    for w in key.split())


def summarise(conn: sa.Connection, event_id: int, listed: list[Entry]) -> None:
    """Reconcile one event and write its summary rows."""
    ids = sorted({e.page for e in listed})
    feats = _features(conn, ids)
    reports = _reports(conn, ids)
    origin_outlet: dict[str, str | None] = {}
    for e in listed:
        origin_outlet.setdefault(e.page, e.outlet)
    dup_target = {e.page: e.duplicate_of for e in listed if e.duplicate_kind not in (None, "exact")}
    rows: list[Row] = []
    for e in listed:
        data = feats.get(e.page) or {}
        first = origin_outlet.get(e.page)
        origin = origin_outlet.get(dup_target[e.page] or "", first) if e.page in dup_target \
            else first
        for d in data.get("figures") or ():
            f = _figure(d)
            rows.append(Row(
                id=f"r{len(rows) + 1}", page=e.page, input=e.source, outlet=e.outlet,
                published=e.published, order=(e.revision, f.order), figure=f,
                independent=e.original, copy_of=e.duplicate_of, origin=origin,
            ))
    rows.sort(key=lambda r: (r.published is None, r.published or "", r.input, r.order))
    for n, r in enumerate(rows, 1):
        r.id = f"r{n}"
    result = reconcile(rows)
    e_c = t.events.c
    conn.execute(t.event_rows.delete().where(t.event_rows.c.event_id == event_id))
    conn.execute(t.event_figures.delete().where(t.event_figures.c.event_id == event_id))
    if rows:
        conn.execute(t.event_rows.insert(), [
            {"event_id": event_id, "n": n, "page_id": r.page, "outlet": r.outlet,
             "category": r.figure.category, "value": r.figure.value,
             "independent": r.independent, "superseded": r.superseded_by is not None,
             "outside": r.outside, "deviation": r.deviation, "row": _row_json(r, reports)}
            for n, r in enumerate(rows, 1)
        ])
    if result:
        conn.execute(t.event_figures.insert(), [
            {"event_id": event_id, "category": c, "low": x.low, "best": x.best, "high": x.high,
             "sources": x.sources, "disputed": x.disputed, "rising": x.rising, "why": x.why}
            for c, x in result.items()
        ])
    places: Counter[str] = Counter()
    for e in listed:
        places.update((feats.get(e.page) or {}).get("places") or ())
    reports_first = [e for e in listed if e.original and e.kind == "report"] or listed
    voices = {r.voice for r in rows if r.independent}
    published = [e.published for e in listed if e.published]
    conn.execute(t.events.update().where(e_c.id == event_id).values(
        title=reports_first[0].title if reports_first else None,
        first_published=min(published) if published else None,
        last_published=max(published) if published else None,
        pages=len(listed), sources=len(voices),
        outlets=len({e.outlet for e in listed if e.outlet}),
        places=[_place_label(k) for k, _ in places.most_common(5)],
        figures={c: x.to_dict() for c, x in result.items()},
        listing=[e.to_dict() for e in listed], dirty=False, updated_at=datetime.now(UTC),
    ))


def _row_json(r: Row, reports: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    f = r.figure
    rep = reports.get(r.page) or {}
    quantity = next((q for q in rep.get("quantities") or () if q.get("id") == f.quantity), None)
    return {
        "id": r.id, "page": r.page, "input": r.input, "outlet": r.outlet,
        "published": r.published, "quantity": quantity, "figure": f.figure, "text": f.text,
        "category": f.category, "value": f.value, "low": f.low, "high": f.high,
        "source": ({"text": f.source_text, "type": f.source_type}
                   if f.source_text is not None else None),
        "via": list(f.via), "voice": f.voice,
        "rank": ("named", "anonymous", "own voice")[f.rank],
        "voice_id": r.voice, "superseded_by": r.superseded_by, "independent": r.independent,
        "copy_of": r.copy_of if not r.independent else None,
        "outside_band": r.outside, "deviation": r.deviation,
    }
