"""Grouping stored pages into events, incrementally: :func:`update` places every page not
yet in an event, oldest first, and re-summarises only the events that changed.

    page not in an event
      -> its features (computed once, kept in ``page_features``)
      -> a copy or a new revision of a page already placed joins that page's event
      -> an opinion or analysis piece is an event of its own (it reports none)
      -> else the events sharing a place or actor within the time window (``event_keys``
         and the ``events`` day columns, both indexed) are scored; the best one at or
         above the threshold, not vetoed, is joined; if none, a new event starts
      -> changed events are reconciled again (:mod:`.summary`)

Pages are taken in chunks, each committed as a whole, so an interrupted update loses at
most a chunk, and the next run goes on from there. :func:`rebuild` clears the event tables
and groups everything again (for new parameters, or after an upgrade).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from newsaudit.corpus.events.features import FEATURES_VERSION, PageFeatures, page_features
from newsaudit.corpus.events.figures import page_figures
from newsaudit.corpus.events.grouping import EventState, Params, best_event, params
from newsaudit.corpus.events.summary import entries, summarise
from newsaudit.store import Store
from newsaudit.store import schema as t

__all__ = ["UpdateSummary", "rebuild", "update"]

CHUNK = 200


@dataclass(frozen=True, slots=True)
class UpdateSummary:
    pages: int
    new_events: int
    changed_events: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {"pages": self.pages, "new_events": self.new_events,
                "changed_events": self.changed_events, "seconds": round(self.seconds, 3)}


def _pending(conn: sa.Connection) -> list[Any]:
    p = t.pages.c
    placed = sa.select(t.event_pages.c.page_id).where(t.event_pages.c.page_id == p.id)
    q = (sa.select(p.id, p.published, p.seq, p.duplicate_of, p.previous_id)
         .where(~sa.exists(placed))
         .order_by(p.published.is_(None), p.published, p.seq))
    return list(conn.execute(q))


def _load_features(conn: sa.Connection, rows: list[Any]) -> dict[str, dict[str, Any]]:
    """Stored features of these pages, computing (and storing) those missing or stale."""
    ids = [r.id for r in rows]
    pf = t.page_features.c
    have = {pid: data for pid, version, data in conn.execute(
        sa.select(pf.page_id, pf.version, pf.data).where(pf.page_id.in_(ids)))
        if version == FEATURES_VERSION}
    todo = [r for r in rows if r.id not in have]
    if todo:
        reports = {pid: json.loads(raw) for pid, raw in conn.execute(
            sa.select(t.reports.c.page_id, t.reports.c.json)
            .where(t.reports.c.page_id.in_([r.id for r in todo])))}
        conn.execute(t.page_features.delete().where(pf.page_id.in_([r.id for r in todo])))
        new = []
        for r in todo:
            report = reports.get(r.id)
            if report is None:
                continue
            data = compute(report, r.published)
            have[r.id] = data
            new.append({"page_id": r.id, "version": FEATURES_VERSION, "day": data["day"],
                        "kind": data["kind"], "data": data})
        if new:
            conn.execute(t.page_features.insert(), new)
    return have


def compute(report: Mapping[str, Any], published: str | None) -> dict[str, Any]:
    """A page's stored features: grouping's, and its event figures with what was left out."""
    feats = page_features(report, published=published)
    figs, excluded = page_figures(report, day=feats.day)
    data = feats.to_dict()
    data["figures"] = [_figure_dict(f) for f in figs]
    data["excluded"] = [{"figure": e.figure, "text": e.text, "category": e.category,
                         "reason": e.reason} for e in excluded]
    return data


def _figure_dict(f: Any) -> dict[str, Any]:
    from dataclasses import asdict

    d = asdict(f)
    d["via"] = list(f.via)
    d["keys"] = list(f.keys)
    return d


class _Events:
    """The events touched by one update: their states, loaded once, written at the end."""

    def __init__(self, conn: sa.Connection, prm: Params) -> None:
        self.conn = conn
        self.prm = prm
        self.states: dict[int, EventState] = {}
        self.keys: dict[int, set[str]] = {}
        self.dirty: set[int] = set()
        self.created = 0

    def load(self, ids: Iterable[int]) -> None:
        want = [i for i in ids if i not in self.states]
        if not want:
            return
        e = t.events.c
        for eid, state in self.conn.execute(sa.select(e.id, e.state).where(e.id.in_(want))):
            st = EventState.from_dict(state)
            self.states[eid] = st
            self.keys[eid] = {f"place:{k}" for k in st.places} | {f"actor:{k}" for k in st.actors}

    def candidates(self, page: PageFeatures) -> dict[int, EventState]:
        keys = page.keys
        if not keys:
            return {}
        k, e = t.event_keys.c, t.events.c
        q = sa.select(k.event_id).distinct().select_from(
            t.event_keys.join(t.events, e.id == k.event_id)).where(k.key.in_(keys[:200]))
        if page.day:
            w = timedelta(days=self.prm.window_days)
            day = date.fromisoformat(page.day)
            q = q.where(sa.or_(e.first_day.is_(None),
                               e.first_day.between((day - w).isoformat(), (day + w).isoformat())))
        ids = [r[0] for r in self.conn.execute(q.limit(500))]
        # events made in this update, not yet visible to the query through their keys
        ids += [eid for eid, ks in self.keys.items() if eid not in ids and ks & set(keys)]
        self.load(ids)
        return {i: self.states[i] for i in ids if i in self.states}

    def new(self, page: PageFeatures) -> int:
        key = self.conn.execute(t.events.insert().values(
            places=[], state={}, figures={}, dirty=True, updated_at=datetime.now(UTC),
        )).inserted_primary_key
        assert key is not None
        eid = int(key[0])
        self.states[eid] = EventState()
        self.keys[eid] = set()
        self.created += 1
        return eid

    def add(self, eid: int, page: PageFeatures, *, grow: bool = True) -> None:
        """Add a page; a copy or revision (``grow`` False) adds no words, days or keys:
        it says what its original said, perhaps months later."""
        self.load([eid])
        self.dirty.add(eid)
        if not grow:
            return
        self.states[eid].add(page)
        new_keys = [k for k in page.keys if k not in self.keys[eid]]
        if new_keys:
            self.conn.execute(t.event_keys.insert(),
                              [{"key": k[:200], "event_id": eid} for k in dict.fromkeys(new_keys)])
            self.keys[eid].update(new_keys)

    def flush(self) -> None:
        e = t.events.c
        for eid in self.dirty:
            st = self.states[eid]
            self.conn.execute(t.events.update().where(e.id == eid).values(
                state=st.to_dict(), first_day=st.first_day, last_day=st.last_day, dirty=True))


def _event_of(conn: sa.Connection, page_id: str | None) -> int | None:
    if not page_id:
        return None
    return conn.execute(sa.select(t.event_pages.c.event_id)
                        .where(t.event_pages.c.page_id == page_id)).scalar()


def update(
    store: Store, *, prm: Params | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> UpdateSummary:
    """Place every page not yet in an event; re-summarise the events that changed."""
    prm = prm or params()
    started = time.perf_counter()
    done = created = 0
    changed: set[int] = set()
    with store.engine.connect() as conn:
        pending = _pending(conn)
    for k in range(0, len(pending), CHUNK):
        chunk = pending[k : k + CHUNK]
        with store.engine.begin() as conn:
            feats = _load_features(conn, chunk)
            events = _Events(conn, prm)
            for r in chunk:
                data = feats.get(r.id)
                if data is None:
                    continue
                page = PageFeatures.from_dict(data)
                eid, how, s = _place(conn, events, r, page, prm)
                conn.execute(t.event_pages.insert().values(
                    page_id=r.id, event_id=eid, score=s, how=how))
                events.add(eid, page, grow=how not in ("copy", "revision"))
                done += 1
            events.flush()
            created += events.created
            changed |= events.dirty
            _summarise_dirty(conn)
        if progress:
            progress(min(k + CHUNK, len(pending)), len(pending))
    if not pending:  # events left to summarise by an interrupted run or a migration
        with store.engine.begin() as conn:
            _summarise_dirty(conn)
    return UpdateSummary(done, created, len(changed), time.perf_counter() - started)


def _place(conn: sa.Connection, events: _Events, r: Any, page: PageFeatures, prm: Params
           ) -> tuple[int, str, float | None]:
    for target, how in ((r.duplicate_of, "copy"), (r.previous_id, "revision")):
        eid = _event_of(conn, target)
        if eid is not None:
            return eid, how, None
    if page.kind == "opinion":
        return events.new(page), "opinion", None
    eid, s = best_event(page, events.candidates(page), prm)
    if eid is not None:
        return eid, "similar", round(s, 4)
    return events.new(page), "new", None


def _summarise_dirty(conn: sa.Connection) -> None:
    e = t.events.c
    ids = [i for (i,) in conn.execute(sa.select(e.id).where(e.dirty.is_(True)))]
    listed = entries(conn, ids)
    for eid in ids:
        summarise(conn, eid, listed.get(eid, []))


def rebuild(store: Store, *, prm: Params | None = None,
            progress: Callable[[int, int], None] | None = None) -> UpdateSummary:
    """Forget every event and group all pages again (page features are kept)."""
    with store.engine.begin() as conn:
        for name in t.EVENT_TABLES:
            conn.execute(t.metadata.tables[name].delete())
    return update(store, prm=prm, progress=progress)
