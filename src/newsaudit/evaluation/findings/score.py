"""``newsaudit eval findings``: audit the sample's pages, match the findings to the
judgments and count.

Precision is what an editor gets from a warning: true ÷ judged, over the warnings and
problems a judgment matches today (``debatable`` counts as judged, not as true). A
finding no judgment matches is *unjudged* and listed, so the judged set is kept up to
date; a judgment no current warning or problem matches is *gone* (the finding was fixed
away, demoted to info, or moved beyond recognition) and counted by its verdict. Info
findings are not judged; they are counted per page, as noise a reader pays for.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsaudit.datasets import default_data_dir
from newsaudit.errors import NewsauditError
from newsaudit.evaluation.findings.judgments import (
    JUDGMENTS,
    REPORTED_BY,
    VERDICTS,
    Judged,
    Judgments,
    Missed,
    anchor_of,
    read_books,
)
from newsaudit.evaluation.findings.match import covered, latest, match_findings
from newsaudit.evaluation.findings.pages import SAMPLE, PageLoader, PageRef, read_sample, select

if TYPE_CHECKING:
    from newsaudit.model import Finding, Page, Report

__all__ = ["JUDGED_SEVERITIES", "PageResult", "format_table", "run", "score"]

#: The severities an editor is asked to act on, and so the ones judged.
JUDGED_SEVERITIES: tuple[str, ...] = ("warning", "problem")


@dataclass
class PageResult:
    """One audited page and how its findings met the judgments."""

    ref: str
    split: str
    report: Report
    #: index into ``report.findings`` -> its judgment (warnings and problems only)
    matched: dict[int, Judged] = field(default_factory=dict)
    #: index of an info finding -> the judgment of the same finding made when it was a
    #: warning or problem (with the calibrator off, or in an earlier version): how good
    #: the info findings a page shows are, which judges never see as info
    info_matched: dict[int, Judged] = field(default_factory=dict)
    reviewed: bool = False

    def judged_findings(self) -> Iterator[tuple[int, Finding]]:
        for i, f in enumerate(self.report.findings):
            if f.severity in JUDGED_SEVERITIES:
                yield i, f

    def info_findings(self) -> Iterator[tuple[int, Finding]]:
        for i, f in enumerate(self.report.findings):
            if f.severity not in JUDGED_SEVERITIES:
                yield i, f

    def unjudged(self) -> list[Finding]:
        return [f for i, f in self.judged_findings() if i not in self.matched]


def _audited(pages: list[PageRef], loader: PageLoader, failures: list[dict[str, str]],
             model: str | None) -> Iterator[Report]:
    from newsaudit import ingest
    from newsaudit.auditor import Auditor
    from newsaudit.errors import Failure

    def read() -> Iterator[tuple[str, Page]]:
        for p in pages:
            try:
                src = loader.load(p.ref)
                yield p.ref, ingest.load_page(src.data, source=p.ref, fmt=src.fmt)
            except NewsauditError as err:
                failures.append({"page": p.ref, "reason": str(err)})

    for item in Auditor(model).audit_many(read(), errors="record"):
        if isinstance(item, Failure):
            failures.append({"page": item.source, "reason": item.message})
        else:
            yield item


def run(
    *,
    split: str = "dev",
    data_dir: Path | None = None,
    judgments: Path | Sequence[Path] = JUDGMENTS,
    sample: Path = SAMPLE,
    model: str | None = None,
) -> tuple[list[PageResult], dict[str, Any]]:
    """Read the sample and the judgments, audit the split's pages and :func:`score` them;
    returns the pages and the result :func:`newsaudit.evaluation.findings.evaluate` gives."""
    all_pages = read_sample(sample)
    pages = select(all_pages, split)
    book = read_books(judgments)
    loader = PageLoader(data_dir or default_data_dir())
    failures: list[dict[str, str]] = []
    reports = list(_audited(pages, loader, failures, model))
    results, result = score(reports, pages, book, failures=failures,
                            sample={p.ref for p in all_pages})
    result["split"] = split
    result["judgments"]["dir"] = (str(judgments) if isinstance(judgments, (str, Path))
                                  else [str(d) for d in judgments])
    return results, result


def score(
    reports: Iterable[Report],
    pages: Sequence[PageRef],
    book: Judgments,
    *,
    failures: Sequence[dict[str, str]] = (),
    sample: Collection[str] | None = None,
) -> tuple[list[PageResult], dict[str, Any]]:
    """Match each report's findings (its ``document.source`` is the page reference) to the
    judgments and count; ``sample`` is every reference of the sample, for naming
    judgments of pages outside it (default: ``pages``)."""
    split_of = {p.ref: p.split for p in pages}
    kept, overridden = latest(book.judged)
    by_page: dict[str, list[Judged]] = defaultdict(list)
    for j in kept:
        by_page[j.page].append(j)
    reviewed = {r.page for r in book.reviewed}

    results: list[PageResult] = []
    gone: list[Judged] = []
    for report in reports:
        ref = report.document.source
        res = PageResult(ref, split_of[ref], report, reviewed=ref in reviewed)
        indexed = list(res.judged_findings())
        taken, left = match_findings([f for _, f in indexed], by_page.get(ref, []))
        res.matched = {indexed[k][0]: j for k, j in taken.items()}
        gone.extend(left)
        info = list(res.info_findings())
        info_taken, _ = match_findings([f for _, f in info], left)
        res.info_matched = {info[k][0]: j for k, j in info_taken.items()}
        results.append(res)

    audited = {r.ref: r.report for r in results}
    missed_rows = [(m, covered(m, audited[m.page].document.text, audited[m.page].findings))
                   for m in book.missed if m.page in audited]
    known = set(sample if sample is not None else split_of)
    judged_pages = {j.page for j in book.judged} | {m.page for m in book.missed}
    result = _tally(results, gone, missed_rows, overridden, list(failures))
    result["split"] = ",".join(sorted({p.split for p in pages}))
    result["judgments"] = {
        "dir": None, "files": list(book.files), "findings": len(book.judged),
        "missed": len(book.missed), "reviewed_pages": len(book.reviewed),
        "pages_outside_the_sample": sorted(judged_pages - known),
    }
    return results, result


def _row() -> dict[str, Any]:
    return {"warnings": 0, "problems": 0, "judged": 0, **dict.fromkeys(VERDICTS, 0),
            "precision": None, "unjudged": 0, "info": 0}


def _finish(row: dict[str, Any]) -> dict[str, Any]:
    row["precision"] = round(row["true"] / row["judged"], 4) if row["judged"] else None
    return row


def _tally(results: list[PageResult], gone: list[Judged],
           missed_rows: list[tuple[Missed, bool | None]], overridden: list[Judged],
           failures: list[dict[str, str]]) -> dict[str, Any]:
    from newsaudit.checks import registered

    checks: dict[str, dict[str, Any]] = {name: _row() for name in sorted(registered())}
    overall = _row()
    datasets: defaultdict[str, dict[str, Any]] = defaultdict(_row)
    kinds: defaultdict[str, dict[str, Any]] = defaultdict(_row)  # "check:kind", when declared
    unjudged: list[dict[str, Any]] = []
    info_by_page: dict[str, int] = {}
    info_judged: Counter[str] = Counter()
    for res in results:
        dataset = res.ref.partition(":")[0]
        info_by_page[res.ref] = 0
        for i, f in enumerate(res.report.findings):
            rows = (checks.setdefault(f.check, _row()), overall, datasets[dataset],
                    *((kinds[f"{f.check}:{f.kind}"],) if f.kind else ()))
            if f.severity not in JUDGED_SEVERITIES:
                info_by_page[res.ref] += 1
                for row in rows:
                    row["info"] += 1
                if i in res.info_matched:
                    info_judged[res.info_matched[i].verdict] += 1
                continue
            j = res.matched.get(i)
            for row in rows:
                row["warnings" if f.severity == "warning" else "problems"] += 1
                if j is None:
                    row["unjudged"] += 1
                else:
                    row["judged"] += 1
                    row[j.verdict] += 1
            if j is None:
                unjudged.append(_listing(res.ref, f))
    gone_by: dict[str, Counter[str]] = defaultdict(Counter)
    for j in gone:
        gone_by[j.check][j.verdict] += 1
    for name, row in checks.items():
        row["gone"] = {v: gone_by[name][v] for v in VERDICTS}
    overall["gone"] = {v: sum(c[v] for c in gone_by.values()) for v in VERDICTS}

    missed: dict[str, Counter[str]] = defaultdict(Counter)
    for m, state in missed_rows:
        missed[m.check]["found" if state else "missed" if state is False else "not_located"] += 1
    missed_total = Counter[str]()
    for c in missed.values():
        missed_total.update(c)
    pages = len(results)
    return {
        "benchmark": "findings",
        "pages": pages,
        "unreadable": failures,
        "checks": {k: _finish(v) for k, v in checks.items()},
        "overall": _finish(overall),
        "datasets": {k: _finish(v) for k, v in sorted(datasets.items())},
        "kinds": {k: _finish(v) for k, v in sorted(kinds.items())},
        "info_per_page": round(overall["info"] / pages, 3) if pages else None,
        "info_by_page": info_by_page,
        "info_judged": {v: info_judged[v] for v in VERDICTS},
        "missed": {
            "found": missed_total["found"], "still_missed": missed_total["missed"],
            "not_located": missed_total["not_located"],
            "by_check": {k: {"found": c["found"], "still_missed": c["missed"],
                             "not_located": c["not_located"]} for k, c in sorted(missed.items())},
        },
        "reviewed_pages": sum(r.reviewed for r in results),
        "overridden": [j.where for j in overridden],
        "unjudged": unjudged,
    }


def _listing(ref: str, f: Finding) -> dict[str, Any]:
    return {
        "page": ref,
        "check": f.check,
        "severity": f.severity,
        "evidence": [[e.start, e.end] for e in f.evidence],
        "anchor": anchor_of(f.evidence[0].text) if f.evidence else "",
        "message": f.message,
    }


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


_COLUMNS = ("warnings", "problems", "judged", "true", "debatable", "false", "precision",
            "unjudged", "info")


def _table(title: str, rows: dict[str, dict[str, Any]]) -> list[str]:
    width = max([len(title), *map(len, rows)])
    head = f"{title:<{width}}  " + " ".join(f"{c[:9]:>9}" for c in _COLUMNS)
    return [head] + [f"{name:<{width}}  " + " ".join(f"{_cell(r[c]):>9}" for c in _COLUMNS)
                     for name, r in rows.items()]


def format_table(result: dict[str, Any]) -> str:
    """The counts as the command prints them: checks, datasets, missed, unjudged."""
    jd = result["judgments"]
    lines = [
        f"Findings on real pages ({result['split']} split): {result['pages']} pages audited, "
        f"{len(result['unreadable'])} unreadable; judgments: {jd['findings']} findings, "
        f"{jd['missed']} missed problems, {jd['reviewed_pages']} page reviews in "
        f"{len(jd['files'])} file(s) of {jd['dir']}",
        "precision = true / judged, over warnings and problems",
        "",
        *_table("check", {**result["checks"], "overall": result["overall"]}),
        "",
        *_table("dataset", result["datasets"]),
        "",
        *([*_table("kind of finding", result["kinds"]), ""] if result.get("kinds") else []),
        f"info findings: {result['overall']['info']} on {result['pages']} pages, "
        f"{_cell(result['info_per_page'])} per page",
    ]
    ij = result["info_judged"]
    if any(ij.values()):
        lines.append(f"info findings judged when they were warnings: {sum(ij.values())} "
                     "(" + ", ".join(f"{v} {k}" for k, v in ij.items()) + ")")
    g = result["overall"]["gone"]
    if any(g.values()):
        lines.append("judged findings no longer reported as warning or problem: "
                     + ", ".join(f"{v} {k}" for k, v in g.items()))
    m = result["missed"]
    lines.append(f"missed problems (judged): {m['found']} found now, {m['still_missed']} "
                 f"still missed, {m['not_located']} no longer in the text; pages reviewed "
                 f"for missed problems: {result['reviewed_pages']} of {result['pages']}")
    for name, c in m["by_check"].items():
        via = REPORTED_BY.get(name)
        label = f"{name} (reported by {', '.join(via)})" if via else name
        lines.append(f"  {label}: {c['found']} found, {c['still_missed']} still missed"
                     + (f", {c['not_located']} not located" if c["not_located"] else ""))
    if result["overridden"]:
        lines.append("judgments overridden by a later judgment of the same finding: "
                     + ", ".join(result["overridden"]))
    if jd["pages_outside_the_sample"]:
        lines.append("judgments of pages not in the sample (ignored): "
                     + ", ".join(jd["pages_outside_the_sample"]))
    for fail in result["unreadable"]:
        lines.append(f"unreadable: {fail['page']}: {fail['reason']}")
    if "packets" in result:
        lines.append(f"judging packets: {result['packets']['written']} written to "
                     f"{result['packets']['dir']}")
    lines += ["", f"unjudged warnings and problems ({len(result['unjudged'])}):"]
    for u in result["unjudged"]:
        span = f"{u['evidence'][0][0]}" if u["evidence"] else "-"
        lines.append(f"  {u['page']} @{span}  {u['check']} {u['severity']}  "
                     f"\"{u['anchor']}\"  {u['message'][:160]}")
    return "\n".join(lines)
