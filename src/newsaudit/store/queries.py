"""Reading the store: typed query functions over the tables, for the CLI, web app and events.

Each function takes an open :class:`~newsaudit.store.Store` and keyword-only filters and
returns frozen records (or plain dicts for whole-table exports), so callers never write
SQL and never see an ORM object.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from newsaudit.model import SEVERITY_RANK
from newsaudit.store import Store
from newsaudit.store import schema as t


@dataclass(frozen=True, slots=True)
class PageRow:
    """A stored page as listings show it (the text and report are fetched separately)."""

    id: str
    source: str
    url: str | None
    outlet: str | None
    site: str | None
    published: str | None
    title: str | None
    language: str | None
    revision: int
    previous_id: str | None
    duplicate_of: str | None
    duplicate_kind: str | None
    similarity: float | None
    run_id: int
    findings: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class FailureRow:
    source: str
    code: str
    reason: str
    run_id: int
    failed_at: datetime

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["failed_at"] = self.failed_at.isoformat()
        return d


@dataclass(frozen=True, slots=True)
class RunRow:
    id: int
    started_at: datetime
    finished_at: datetime | None
    status: str
    inputs: list[str]
    engine: str
    workers: int
    stored: int
    duplicates: int
    skipped: int
    failed: int

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["started_at"] = self.started_at.isoformat()
        d["finished_at"] = self.finished_at.isoformat() if self.finished_at else None
        return d


@dataclass(frozen=True, slots=True)
class Stats:
    """What the store holds: ``newsaudit stats``."""

    pages: int
    revisions: int
    duplicates: int
    copies: int
    failures: int
    failures_by_code: dict[str, int]
    outlets: dict[str, dict[str, int]]
    checks: dict[str, dict[str, int]]
    runs: int
    last_run: RunRow | None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["last_run"] = self.last_run.to_dict() if self.last_run else None
        return d


def _outlet_filter(outlet: str) -> sa.ColumnElement[bool]:
    """An outlet matches its name or its site, case-insensitively ("sana" finds sana.sy)."""
    o = outlet.strip().casefold()
    p = t.pages.c
    return sa.or_(
        sa.func.lower(p.outlet) == o,
        p.site == o,
        p.site.like(o.replace("%", r"\%").replace("_", r"\_") + ".%", escape="\\"),
    )


def pages(
    store: Store,
    *,
    outlet: str | None = None,
    check: str | None = None,
    severity: str | None = None,
    language: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    duplicates: bool | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[PageRow]:
    """Stored pages, oldest publication first (undated last), filtered.

    ``check``: only pages with a finding of that check; ``severity``: only pages with a
    finding at that severity or above (with ``check``: a finding of that check at it);
    ``language``: the page's language code; ``since``/``until``: ISO dates compared with
    the publication date (inclusive; undated pages are left out); ``search``: every word
    appears in the title or text (see :func:`page_filters`); ``duplicates``: True for
    copies only, False for originals only.
    """
    p = t.pages.c
    q = sa.select(t.pages).where(*page_filters(
        outlet=outlet, check=check, severity=severity, language=language, since=since,
        until=until, search=search, duplicates=duplicates,
    ))
    q = q.order_by(p.published.is_(None), p.published, p.seq).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
        counts = _finding_counts(conn, [r.id for r in rows])
    return [_page_row(r, counts.get(r.id, {})) for r in rows]


def count_pages(store: Store, **filters: Any) -> int:
    """How many pages :func:`pages` would list with these filters and no limit."""
    q = sa.select(sa.func.count()).select_from(t.pages).where(*page_filters(**filters))
    with store.engine.connect() as conn:
        return int(conn.execute(q).scalar() or 0)


#: Words of a search beyond this many are ignored: each one is a scan of the text.
MAX_SEARCH_WORDS = 8


def page_filters(
    *,
    outlet: str | None = None,
    check: str | None = None,
    severity: str | None = None,
    language: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    duplicates: bool | None = None,
) -> list[sa.ColumnElement[bool]]:
    """The WHERE clauses of a page listing: one definition for the list and its count.

    The search is a case-insensitive substring match of each word against the title and
    the text (``LIKE``/``ILIKE``), the same on SQLite and PostgreSQL and needing no index
    of its own; it reads every page's text, so it is linear in the size of the corpus (a
    full-text index is a migration away: this is the one place to switch to it).
    """
    p, f = t.pages.c, t.findings.c
    out: list[sa.ColumnElement[bool]] = []
    if outlet:
        out.append(_outlet_filter(outlet))
    if check or severity:
        match = [f.page_id == p.id]
        if check:
            match.append(f.check == check)
        if severity:
            match.append(f.severity.in_(_at_or_above(severity)))
        out.append(sa.exists().where(*match))
    if language:
        out.append(sa.func.lower(p.language) == language.strip().casefold())
    if since:
        out.append(p.published >= since)
    if until:
        out.append(p.published < _day_after(until))
    for word in (search or "").split()[:MAX_SEARCH_WORDS]:
        pattern = "%" + _like_escaped(word) + "%"
        out.append(sa.or_(p.title.ilike(pattern, escape="\\"),
                          p.text.ilike(pattern, escape="\\")))
    if duplicates is True:
        out.append(p.duplicate_of.is_not(None))
    elif duplicates is False:
        out.append(p.duplicate_of.is_(None))
    return out


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_")


def _at_or_above(severity: str) -> list[str]:
    if severity not in SEVERITY_RANK:
        raise ValueError(f"unknown severity {severity!r}; one of {', '.join(SEVERITY_RANK)}")
    return [s for s, rank in SEVERITY_RANK.items() if rank >= SEVERITY_RANK[severity]]


def _day_after(until: str) -> str:
    """``until`` is inclusive: a date covers its whole day, times included."""
    from datetime import date, timedelta

    try:
        day = date.fromisoformat(until[:10])
    except ValueError:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {until!r}") from None
    return (day + timedelta(days=1)).isoformat()


def _finding_counts(conn: sa.Connection, ids: list[str]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    f = t.findings.c
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        q = (sa.select(f.page_id, f.check, sa.func.count()).where(f.page_id.in_(part))
             .group_by(f.page_id, f.check))
        for page_id, check, n in conn.execute(q):
            out.setdefault(page_id, {})[check] = n
    return out


def _page_row(r: Any, findings: dict[str, int]) -> PageRow:
    return PageRow(
        id=r.id, source=r.source, url=r.url, outlet=r.outlet, site=r.site,
        published=r.published, title=r.title, language=r.language, revision=r.revision,
        previous_id=r.previous_id, duplicate_of=r.duplicate_of, duplicate_kind=r.duplicate_kind,
        similarity=r.similarity, run_id=r.run_id, findings=dict(sorted(findings.items())),
    )


def page(store: Store, page_id: str) -> PageRow | None:
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(t.pages).where(t.pages.c.id == page_id)).first()
        if row is None:
            return None
        return _page_row(row, _finding_counts(conn, [page_id]).get(page_id, {}))


def page_text(store: Store, page_id: str) -> str | None:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(t.pages.c.text).where(t.pages.c.id == page_id)).scalar()


def report(store: Store, page_id: str) -> dict[str, Any] | None:
    """The page's report, as the analyser produced it (the contract's dict)."""
    with store.engine.connect() as conn:
        raw = conn.execute(
            sa.select(t.reports.c.json).where(t.reports.c.page_id == page_id)
        ).scalar()
    return json.loads(raw) if raw is not None else None


def sources(store: Store, page_id: str) -> list[str]:
    """Every input record that gave this page (the first, and any exact copies)."""
    with store.engine.connect() as conn:
        return list(conn.execute(
            sa.select(t.inputs.c.source).where(t.inputs.c.page_id == page_id)
            .order_by(t.inputs.c.seq)
        ).scalars())


def failures(store: Store, *, code: str | None = None, run: int | None = None) -> list[FailureRow]:
    """The inputs that currently fail, newest first."""
    f = t.failures.c
    q = sa.select(f.source, f.code, f.reason, f.run_id, f.failed_at)
    if code:
        q = q.where(f.code == code)
    if run is not None:
        q = q.where(f.run_id == run)
    with store.engine.connect() as conn:
        rows = conn.execute(q.order_by(f.failed_at.desc(), f.source)).all()
    return [FailureRow(r.source, r.code, r.reason, r.run_id, r.failed_at) for r in rows]


def runs(store: Store) -> list[RunRow]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(t.runs).order_by(t.runs.c.id)).all()
    return [_run_row(r) for r in rows]


def _run_row(r: Any) -> RunRow:
    return RunRow(
        id=r.id, started_at=r.started_at, finished_at=r.finished_at, status=r.status,
        inputs=list(r.inputs), engine=r.engine, workers=r.workers, stored=r.stored,
        duplicates=r.duplicates, skipped=r.skipped, failed=r.failed,
    )


def stats(store: Store) -> Stats:
    p, f = t.pages.c, t.findings.c
    count = sa.func.count
    outlet = sa.func.coalesce(p.outlet, p.site, "(unknown)")
    with store.engine.connect() as conn:
        n_pages = conn.execute(sa.select(count()).select_from(t.pages)).scalar() or 0
        revisions = conn.execute(sa.select(count()).where(p.revision > 1)).scalar() or 0
        dups = conn.execute(sa.select(count()).where(p.duplicate_of.is_not(None))).scalar() or 0
        n_inputs = conn.execute(sa.select(count()).select_from(t.inputs)).scalar() or 0
        by_code: dict[str, int] = {
            code: n for code, n in conn.execute(
                sa.select(t.failures.c.code, count()).group_by(t.failures.c.code)
                .order_by(t.failures.c.code)
            )
        }
        outlets: dict[str, dict[str, int]] = {}
        for name, n, d in conn.execute(
            sa.select(outlet, count(), count(p.duplicate_of)).group_by(outlet).order_by(outlet)
        ):
            outlets[name] = {"pages": n, "duplicates": d, "findings": 0}
        for name, n in conn.execute(
            sa.select(outlet, count()).select_from(t.findings.join(t.pages, p.id == f.page_id))
            .group_by(outlet)
        ):
            outlets.setdefault(name, {"pages": 0, "duplicates": 0, "findings": 0})["findings"] = n
        checks = {
            check: {"findings": n, "pages": np}
            for check, n, np in conn.execute(
                sa.select(f.check, count(), count(sa.distinct(f.page_id)))
                .group_by(f.check).order_by(f.check)
            )
        }
        n_runs = conn.execute(sa.select(count()).select_from(t.runs)).scalar() or 0
        last = conn.execute(sa.select(t.runs).order_by(t.runs.c.id.desc()).limit(1)).first()
    return Stats(
        pages=n_pages, revisions=revisions, duplicates=dups, copies=n_inputs - n_pages,
        failures=sum(by_code.values()), failures_by_code=by_code, outlets=outlets,
        checks=checks, runs=n_runs, last_run=_run_row(last) if last else None,
    )


@dataclass(frozen=True, slots=True)
class OutletSummary:
    """One outlet as the web app's outlet page shows it."""

    name: str
    pages: int
    duplicates: int
    first_published: str | None
    last_published: str | None
    languages: dict[str, int]
    #: check -> severity -> number of findings, on the outlet's pages
    findings: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def outlet_summary(store: Store, outlet: str) -> OutletSummary | None:
    """What the store holds of one outlet (matched as :func:`pages` matches it), or None."""
    p, f = t.pages.c, t.findings.c
    count = sa.func.count
    where = _outlet_filter(outlet)
    with store.engine.connect() as conn:
        n, dups, first, last = conn.execute(
            sa.select(count(), count(p.duplicate_of), sa.func.min(p.published),
                      sa.func.max(p.published)).where(where)
        ).one()
        if not n:
            return None
        name = conn.execute(
            sa.select(sa.func.coalesce(p.outlet, p.site)).where(where)
            .group_by(sa.func.coalesce(p.outlet, p.site)).order_by(count().desc()).limit(1)
        ).scalar()
        languages = {
            lang or "(unknown)": k for lang, k in conn.execute(
                sa.select(p.language, count()).where(where).group_by(p.language)
                .order_by(count().desc(), p.language)
            )
        }
        findings: dict[str, dict[str, int]] = {}
        for check, severity, k in conn.execute(
            sa.select(f.check, f.severity, count())
            .select_from(t.findings.join(t.pages, p.id == f.page_id)).where(where)
            .group_by(f.check, f.severity).order_by(f.check, f.severity)
        ):
            findings.setdefault(check, {})[severity] = k
    return OutletSummary(name=name or outlet, pages=n, duplicates=dups, first_published=first,
                         last_published=last, languages=languages, findings=findings)


def outlet_names(store: Store) -> list[str]:
    """Each outlet of the stored pages by the name listings show (its name, else its
    site), in name order."""
    name = sa.func.coalesce(t.pages.c.outlet, t.pages.c.site)
    with store.engine.connect() as conn:
        return list(conn.execute(
            sa.select(name).where(name.is_not(None)).group_by(name).order_by(name)
        ).scalars())


def languages(store: Store) -> list[str]:
    """The languages of the stored pages, most pages first."""
    p = t.pages.c
    with store.engine.connect() as conn:
        return [lang for lang in conn.execute(
            sa.select(p.language).where(p.language.is_not(None)).group_by(p.language)
            .order_by(sa.func.count().desc(), p.language)
        ).scalars()]


def table_rows(store: Store, table: str, *, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every row of an exportable table, in a stable order, streamed in batches."""
    if table not in t.EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(t.EXPORT_TABLES)}")
    tbl = t.metadata.tables[table]
    order = [tbl.c.seq] if table == "pages" else list(tbl.primary_key.columns)
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True).execute(
            sa.select(tbl).order_by(*order)
        )
        for part in result.partitions(batch):
            for row in part:
                yield dict(row._mapping)
