"""Reading events back: what ``newsaudit events``, ``compare`` and ``outlets`` print.

Everything here reads the summary tables that :mod:`.build` keeps up to date (indexed
by day, place key and event), so a listing or a comparison never recomputes anything.
The dicts returned are the contract's (``shared/spec/corpus.md``): ``newsaudit.events/1``
and ``newsaudit.compare/1``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from newsaudit.corpus.events.gazetteer import fold
from newsaudit.corpus.events.summary import entries
from newsaudit.errors import InputError
from newsaudit.store import Store
from newsaudit.store import schema as t

__all__ = ["EVENTS_SCHEMA", "COMPARE_SCHEMA", "compare", "event_id", "events", "outlets",
           "page_event"]

EVENTS_SCHEMA = "newsaudit.events/1"
COMPARE_SCHEMA = "newsaudit.compare/1"


def event_id(text: str | int) -> int:
    """'e12' or '12' -> 12."""
    s = str(text).strip().lower()
    s = s[1:] if s.startswith("e") else s
    if not (s.isascii() and s.isdigit()):   # "²".isdigit() holds, int("²") raises
        raise InputError(f"not an event id (e12): {text!r}", source=str(text))
    return int(s)


def _day_after(day: str) -> str:
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=1)).isoformat()
    except (ValueError, OverflowError):   # OverflowError: the day after 9999-12-31
        raise InputError(f"not an ISO date (YYYY-MM-DD): {day!r}", source=day) from None


def _check_day(day: str) -> str:
    _day_after(day)
    return day[:10]


#: What a listing reads of an event: never its grouping state (the summed term vectors),
#: which is most of the row and only grouping needs.
_LISTED = tuple(t.events.c[name] for name in (
    "id", "title", "first_published", "last_published", "places", "figures", "sources",
    "outlets", "listing"))


def _event_dict(row: Any, listed: Sequence[Any] | None = None) -> dict[str, Any]:
    """An event as the contract lists it; its pages from ``listed`` (entries read now) or
    else from the listing the summary keeps."""
    pages = [e.to_dict() for e in listed] if listed is not None else list(row.listing or ())
    return {
        "id": f"e{row.id}", "title": row.title,
        "first_published": row.first_published, "last_published": row.last_published,
        "places": list(row.places or ()), "pages": pages,
        "figures": dict(row.figures or {}), "sources": row.sources, "outlets": row.outlets,
    }


def events(
    store: Store, *, since: str | None = None, until: str | None = None,
    place: str | None = None, outlet: str | None = None, category: str | None = None,
    min_pages: int = 1, limit: int | None = None,
) -> dict[str, Any]:
    """The events (newest first), filtered: ``since``/``until`` against their days
    (inclusive), ``place`` a place they name (folded: 'Qamishli' finds 'Al Qāmishlī'),
    ``outlet`` one of their reports' outlets, ``category`` a reconciled category,
    ``min_pages`` at least this many reports."""
    e = t.events.c
    q = sa.select(*_LISTED).where(e.pages >= min_pages)
    if since:
        q = q.where(e.last_day >= _check_day(since))
    if until:
        q = q.where(e.first_day < _day_after(until))
    if place:
        key = fold(place)
        ks = t.event_keys.c
        q = q.where(e.id.in_(sa.select(ks.event_id).where(
            ks.key.in_([f"place:{key}", f"actor:{key}"]))))
    if category:
        q = q.where(e.id.in_(sa.select(t.event_figures.c.event_id)
                             .where(t.event_figures.c.category == category)))
    if outlet:
        o = outlet.strip().casefold()
        p = t.pages.c
        q = q.where(e.id.in_(
            sa.select(t.event_pages.c.event_id).join(t.pages, p.id == t.event_pages.c.page_id)
            .where(sa.or_(sa.func.lower(p.outlet) == o, p.site == o))))
    q = q.order_by(e.last_day.is_(None), e.last_day.desc(), e.id.desc())
    if limit is not None:
        q = q.limit(limit)
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
        stale = [r.id for r in rows if r.listing is None]  # summarised before 0003
        listed = entries(conn, stale) if stale else {}
    return {"schema": EVENTS_SCHEMA,
            "events": [_event_dict(r, listed.get(r.id)) for r in rows]}


def compare(store: Store, event: str | int) -> dict[str, Any]:
    """Every figure of one event, oldest first, with its source chain and time, and the
    reconciled band per category with why."""
    eid = event_id(event)
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(*_LISTED).where(t.events.c.id == eid)).first()
        if row is None:
            raise InputError(f"no event e{eid} in the store", source=f"e{eid}")
        listed = entries(conn, [eid]).get(eid, [])
        rows = [r.row for r in conn.execute(
            sa.select(t.event_rows.c.row).where(t.event_rows.c.event_id == eid)
            .order_by(t.event_rows.c.n))]
        recon = {r.category: {"low": _num(r.low), "best": _num(r.best), "high": _num(r.high),
                              "disputed": bool(r.disputed), "rising": bool(r.rising),
                              "sources": r.sources, "why": r.why}
                 for r in conn.execute(sa.select(t.event_figures)
                                       .where(t.event_figures.c.event_id == eid)
                                       .order_by(t.event_figures.c.category))}
        pf = t.page_features.c
        excluded = []
        for pid, data in conn.execute(sa.select(pf.page_id, pf.data).where(
                pf.page_id.in_(sorted({e.page for e in listed})))):
            for x in (data or {}).get("excluded") or ():
                excluded.append({"page": pid, **x})
    return {"schema": COMPARE_SCHEMA, "event": _event_dict(row, listed), "rows": rows,
            "reconciled": recon, "excluded": excluded}


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def page_event(store: Store, page_id: str) -> dict[str, Any] | None:
    """The comparison of the event a page belongs to, or None (for the HTML report)."""
    with store.engine.connect() as conn:
        eid = conn.execute(sa.select(t.event_pages.c.event_id)
                           .where(t.event_pages.c.page_id == page_id)).scalar()
    return compare(store, eid) if eid is not None else None


def outlets(store: Store) -> list[dict[str, Any]]:
    """Per outlet: pages, events, unsourced-claim rate, headline problems, and figures
    outside the band the other sources of their events give."""
    p, f, r = t.pages.c, t.findings.c, t.event_rows.c
    name = sa.func.coalesce(p.outlet, p.site, "(unknown)")
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for o, n, ev in conn.execute(
            sa.select(name, sa.func.count(sa.distinct(p.id)),
                      sa.func.count(sa.distinct(t.event_pages.c.event_id)))
            .select_from(t.pages.outerjoin(t.event_pages, t.event_pages.c.page_id == p.id))
            .group_by(name)):
            out[o] = {"outlet": o, "pages": n, "events": ev, "claims_own_voice": 0,
                      "unsourced_claims": 0, "pages_with_unsourced_claims": 0,
                      "headline_problems": 0, "figures": 0, "figures_compared": 0,
                      "figures_outside_band": 0}
        for o, check, n, np_ in conn.execute(
            sa.select(name, f.check, sa.func.count(), sa.func.count(sa.distinct(f.page_id)))
            .select_from(t.findings.join(t.pages, p.id == f.page_id))
            .where(f.check.in_(("unsourced_claim", "headline_unsupported")))
            .group_by(name, f.check)):
            if check == "unsourced_claim":
                out[o]["unsourced_claims"] = n
                out[o]["pages_with_unsourced_claims"] = np_
            else:
                out[o]["headline_problems"] = np_
        c = t.claims.c
        for o, n in conn.execute(
            sa.select(name, sa.func.count()).select_from(t.claims.join(t.pages, p.id == c.page_id))
            .where(c.voice == "outlet").group_by(name)):
            out[o]["claims_own_voice"] = n
        for o, n, compared, outside in conn.execute(
            sa.select(r.outlet, sa.func.count(), sa.func.count(r.outside),
                      sa.func.sum(sa.case((r.outside.is_(True), 1), else_=0)))
            .where(r.independent.is_(True), r.superseded.is_(False)).group_by(r.outlet)):
            key = o or "(unknown)"
            rec = out.setdefault(key, {"outlet": key, "pages": 0, "events": 0,
                                       "claims_own_voice": 0, "unsourced_claims": 0,
                                       "pages_with_unsourced_claims": 0,
                                       "headline_problems": 0, "figures": 0,
                                       "figures_compared": 0, "figures_outside_band": 0})
            rec["figures"], rec["figures_compared"] = n, compared
            rec["figures_outside_band"] = int(outside or 0)
    for rec in out.values():
        claims = rec["claims_own_voice"]
        rec["unsourced_claim_rate"] = round(rec["unsourced_claims"] / claims, 3) if claims else None
        comp = rec["figures_compared"]
        rec["outside_band_rate"] = round(rec["figures_outside_band"] / comp, 3) if comp else None
    return sorted(out.values(), key=lambda d: (-d["pages"], d["outlet"]))
