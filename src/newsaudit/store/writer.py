"""The one writer: pages, their reports and records, failures and runs, in order.

Everything a run stores goes through one :class:`Writer` in one process, so SQLite and
PostgreSQL behave alike and no two writers race over revisions or duplicates. Work is
committed in batches (one per batch of pages the engine hands back); a batch either lands
whole or not at all, and an input is recorded in ``inputs`` in the same transaction as
its page. That is what makes a run resumable: after a crash, the next run skips exactly
the inputs whose pages were committed and redoes the rest.

Near-duplicates are recorded so that the result does not depend on arrival order: a page
points at the *earliest* page (by publication date, then by ingest order) among those it
duplicates that came before it, and a new page that is earlier than pages already stored
takes their pointer over when it is earlier than what they point at.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa

from newsaudit._version import __version__
from newsaudit.corpus.adapter import Outcome
from newsaudit.corpus.dedup import NearDuplicateIndex
from newsaudit.ingest.raw import RawPage
from newsaudit.store import Store
from newsaudit.store import schema as t
from newsaudit.store.rows import record_rows

_IN_CHUNK = 500

# Statements built once, with bound parameters: the writer runs them for every page, and
# building a statement (and its cache key) per call cost more driver CPU than SQLite did.
_KNOWN = sa.select(t.inputs.c.key).where(t.inputs.c.key.in_(sa.bindparam("keys", expanding=True)))
_PAGE_EXISTS = sa.select(t.pages.c.id).where(t.pages.c.id == sa.bindparam("pid"))
_CLEAR_FAILURE = t.failures.delete().where(t.failures.c.source_hash == sa.bindparam("h"))
_KNOWN_PAGES = sa.select(
    t.pages.c.id, t.pages.c.published, t.pages.c.seq, t.pages.c.locator, t.pages.c.site,
    t.pages.c.outlet, t.pages.c.duplicate_of,
).where(t.pages.c.id.in_(sa.bindparam("ids", expanding=True)))
_PREVIOUS_REVISION = (
    sa.select(t.inputs.c.page_id, t.pages.c.revision)
    .join(t.pages, t.pages.c.id == t.inputs.c.page_id)
    .where(t.inputs.c.locator_hash == sa.bindparam("locator_hash"),
           t.inputs.c.locator == sa.bindparam("locator"),
           t.inputs.c.page_id != sa.bindparam("pid"))
    .order_by(t.inputs.c.seq.desc())
    .limit(1)
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _printable(text: str) -> str:
    """Text a database takes: PostgreSQL refuses NUL characters in text columns."""
    return text.replace("\x00", "\\x00")


def site_of(url: str | None) -> str | None:
    """The host a URL is on, without ``www.``: what "same site" compares."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else (host or None)


@dataclass(frozen=True, slots=True)
class RunCounts:
    run_id: int
    stored: int
    duplicates: int
    skipped: int
    failed: int


@dataclass(frozen=True, slots=True)
class _Known:
    id: str
    published: str | None
    seq: int
    locator: str
    origin: str | None
    duplicate_of: str | None

    @property
    def order(self) -> tuple[bool, str, int]:
        return (self.published is None, self.published or "", self.seq)


def _origin(site: str | None, outlet: str | None) -> str | None:
    return site or (outlet.strip().casefold() if outlet else None)


def _kind(a: str | None, b: str | None) -> str:
    if a is None or b is None:
        return "unknown"
    return "same_site" if a == b else "syndication"


class Writer:
    """Adds one run's pages to a store. Use as a context manager, or call :meth:`finish`."""

    def __init__(
        self, store: Store, *, inputs: Sequence[str], engine: str = "local", workers: int = 1
    ) -> None:
        self.store = store
        self._conn = store.engine.connect()
        with self._conn.begin():
            self._conn.execute(
                t.runs.update().where(t.runs.c.status == "running").values(status="interrupted")
            )
            key = self._conn.execute(
                t.runs.insert().values(
                    started_at=datetime.now(UTC), status="running", inputs=list(inputs),
                    engine=engine, workers=workers, tool_version=__version__,
                )
            ).inserted_primary_key
            assert key is not None
            self.run_id = int(key[0])
            seqs = [
                self._conn.execute(sa.select(sa.func.max(tbl.c.seq))).scalar()
                for tbl in (t.pages, t.inputs)
            ]
            self._seq = max((s or 0) for s in seqs)
            self.index = NearDuplicateIndex()
            self.index.add_many(
                (row.page_id, row.minhash)
                for row in self._conn.execute(sa.select(t.signatures.c.page_id,
                                                        t.signatures.c.minhash))
            )
        self._tx = self._conn.begin()
        self.stored = self.duplicates = self.skipped = self.failed = 0

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self._conn.closed:
            return
        self.finish("finished" if exc_type is None else "interrupted")

    # ------------------------------------------------------------------ reading back

    def known(self, keys: Iterable[str]) -> set[str]:
        """Which of these input keys are stored already (by this run or an earlier one)."""
        keys = list(keys)
        found: set[str] = set()
        for i in range(0, len(keys), _IN_CHUNK):
            part = keys[i : i + _IN_CHUNK]
            found.update(self._conn.execute(_KNOWN, {"keys": part}).scalars())
        return found

    def _pages(self, ids: Iterable[str]) -> dict[str, _Known]:
        ids = list(ids)
        if not ids:
            return {}
        rows = self._conn.execute(_KNOWN_PAGES, {"ids": ids})
        return {
            r.id: _Known(r.id, r.published, r.seq, r.locator, _origin(r.site, r.outlet),
                         r.duplicate_of)
            for r in rows
        }

    # ------------------------------------------------------------------ writing

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def skip(self) -> None:
        self.skipped += 1

    def fail(self, source: str, reason: str, code: str, key: str | None = None) -> None:
        """Record (or replace) the failure of ``source``: one current failure per source."""
        h = sha(source)
        self._conn.execute(_CLEAR_FAILURE, {"h": h})
        self._conn.execute(t.failures.insert(), dict(
            source_hash=h, source=_printable(source), input_key=key, code=code,
            reason=_printable(reason),
            run_id=self.run_id, failed_at=datetime.now(UTC),
        ))
        self.failed += 1

    def write(self, raw: RawPage, outcome: Outcome) -> str:
        """Store one outcome; returns "stored", "duplicate", "skipped" or "failed"."""
        if self.known([raw.key]):
            self.skipped += 1
            return "skipped"
        if outcome.report is None:
            self.fail(raw.source, outcome.reason or "could not be analysed",
                      outcome.code or "failed", raw.key)
            return "failed"
        report = outcome.report
        report_json = json.dumps(report, ensure_ascii=False)
        if "\\u0000" in report_json:
            # PostgreSQL keeps no NUL in text or JSON; such a page is binary data anyway.
            self.fail(raw.source, "the page contains NUL characters (binary data), which the "
                      "store does not keep", "input_binary", raw.key)
            return "failed"
        doc = report["document"]
        pid = doc["id"]
        locator = raw.locator
        self._conn.execute(_CLEAR_FAILURE, {"h": sha(raw.source)})
        seq = self._next_seq()
        exists = self._conn.execute(_PAGE_EXISTS, {"pid": pid}).first()
        if exists is None:
            self._insert_page(raw, outcome, seq, report_json)
        self._conn.execute(t.inputs.insert(), dict(
            key=raw.key, source=raw.source, locator=locator, locator_hash=sha(locator),
            page_id=pid, seq=seq, run_id=self.run_id, url=doc.get("url") or raw.url,
            outlet=doc.get("outlet") or raw.outlet,
            published=doc.get("published") or raw.published,
        ))
        if exists is not None:
            # an exact copy under another input: the page's event lists its inputs, so it
            # is summarised again on the next grouping update
            placed = sa.select(t.event_pages.c.event_id).where(t.event_pages.c.page_id == pid)
            self._conn.execute(t.events.update().where(t.events.c.id.in_(placed))
                               .values(dirty=True))
            self.duplicates += 1
            return "duplicate"
        self.stored += 1
        return "stored"

    def _previous_revision(self, locator: str, pid: str) -> tuple[str, int] | None:
        row = self._conn.execute(_PREVIOUS_REVISION, {
            "locator_hash": sha(locator), "locator": locator, "pid": pid,
        }).first()
        return (row.page_id, row.revision) if row else None

    def _insert_page(self, raw: RawPage, outcome: Outcome, seq: int, report_json: str) -> None:
        report = outcome.report
        assert report is not None
        doc = report["document"]
        pid = doc["id"]
        url = doc.get("url") or raw.url
        site = site_of(url)
        outlet = doc.get("outlet") or raw.outlet
        published = doc.get("published") or raw.published
        prev = self._previous_revision(raw.locator, pid)
        me = _Known(pid, published, seq, raw.locator, _origin(site, outlet), None)
        dup_of, kind, sim, repoint = self._duplicate_links(me, outcome.signature)
        self._conn.execute(t.pages.insert(), dict(
            id=pid, seq=seq, source=raw.source, locator=raw.locator, url=url, outlet=outlet,
            site=site, published=published, language=doc.get("language"),
            title=doc.get("title"), text=doc["text"], input_format=doc.get("format") or raw.fmt,
            revision=prev[1] + 1 if prev else 1, previous_id=prev[0] if prev else None,
            duplicate_of=dup_of, duplicate_kind=kind, similarity=sim, run_id=self.run_id,
            ingested_at=datetime.now(UTC),
        ))
        if dup_of is not None:
            self.duplicates += 1
        for later_id, values in repoint:
            self._conn.execute(t.pages.update().where(t.pages.c.id == later_id).values(**values))
        self._conn.execute(t.reports.insert(), dict(
            page_id=pid, schema=report.get("schema", ""),
            tool_version=(report.get("tool") or {}).get("version"),
            json=report_json,
        ))
        for name, rows in record_rows(pid, report).items():
            if rows:
                self._conn.execute(t.metadata.tables[name].insert(), rows)
        if outcome.signature is not None:
            self._conn.execute(t.signatures.insert(),
                               {"page_id": pid, "minhash": outcome.signature})
            self.index.add(pid, outcome.signature)

    def _duplicate_links(
        self, me: _Known, sig: bytes | None
    ) -> tuple[str | None, str | None, float | None, list[tuple[str, dict[str, Any]]]]:
        """The page ``me`` duplicates, and the later pages that should point at ``me``."""
        if sig is None:
            return None, None, None, []
        near = {n.id: n.similarity for n in self.index.neighbours(sig)}
        known = [k for k in self._pages(near).values() if k.locator != me.locator]
        earlier = [k for k in known if k.order < me.order]
        later = [k for k in known if k.order > me.order]
        targets = self._pages(k.duplicate_of for k in later if k.duplicate_of)
        repoint = []
        for k in later:
            current = targets.get(k.duplicate_of) if k.duplicate_of else None
            if current is None or me.order < current.order:
                repoint.append((k.id, {"duplicate_of": me.id,
                                       "duplicate_kind": _kind(k.origin, me.origin),
                                       "similarity": near[k.id]}))
        if not earlier:
            return None, None, None, repoint
        first = min(earlier, key=lambda k: k.order)
        return first.id, _kind(me.origin, first.origin), near[first.id], repoint

    def commit(self) -> None:
        """Make everything written so far durable, with the run's counts so far."""
        self._conn.execute(t.runs.update().where(t.runs.c.id == self.run_id).values(
            stored=self.stored, duplicates=self.duplicates, skipped=self.skipped,
            failed=self.failed,
        ))
        self._tx.commit()
        self._tx = self._conn.begin()

    def finish(self, status: str = "finished") -> RunCounts:
        """Commit, close the run with its counts and ``status``, and release the connection."""
        try:
            self._conn.execute(t.runs.update().where(t.runs.c.id == self.run_id).values(
                stored=self.stored, duplicates=self.duplicates, skipped=self.skipped,
                failed=self.failed, status=status, finished_at=datetime.now(UTC),
            ))
            self._tx.commit()
        finally:
            self._conn.close()
        return self.counts()

    def counts(self) -> RunCounts:
        return RunCounts(self.run_id, self.stored, self.duplicates, self.skipped, self.failed)

    def summary(self) -> dict[str, Any]:
        c = self.counts()
        return {"run": c.run_id, "stored": c.stored, "duplicates": c.duplicates,
                "skipped": c.skipped, "failed": c.failed}
