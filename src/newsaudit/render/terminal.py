"""The terminal report: what a fact-checker reads first, laid out with rich.

Order: the page (title, source, date), findings by severity, the page's parts, the
figures with their bounds and whose word they rest on, who said what (with chains),
and the claims the page makes in its own voice. All page text goes through
``rich.text.Text`` (never markup), so brackets in a page cannot restyle the report.
"""

from __future__ import annotations

from collections import Counter
from typing import IO

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsaudit.model import SEVERITY_RANK, Attribution, Quantity, Report, Source
from newsaudit.render._context import context

SEVERITY_STYLE = {"problem": "bold red", "warning": "yellow", "info": "cyan"}


def _short(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _num(x: float | int | None) -> str:
    if x is None:
        return "open"
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return f"{x:,}" if isinstance(x, int) else f"{x:,.2f}"


def source_label(src: Source) -> str:
    if src.text is None:
        return "(no source named)"
    label = src.text
    if src.mention is not None:
        label += f' ("{src.mention.text}")'
    return f"{label} [{src.type}]"


def chain_label(att: Attribution) -> str:
    """'official ← Fars': the source first, then each intermediary out to the page."""
    parts = [source_label(att.source)] + [v.text or "?" for v in att.via]
    return " ← ".join(parts)


def _quantity_source(q: Quantity, report: Report) -> str:
    for att in report.attributions:
        if att.kind == "unattributed_quote":
            continue
        span = att.content
        if span is not None and span.start <= q.start < span.end:
            return chain_label(att)
    return "page's own voice"


def render(report: Report, console: Console) -> None:
    doc = report.document
    head = Text()
    head.append(doc.title or "(untitled page)", style="bold")
    meta = [doc.source]
    if doc.outlet:
        meta.append(doc.outlet)
    if doc.published:
        meta.append(doc.published)
    head.append("\n" + " · ".join(meta), style="dim")
    console.print(Panel(head, title="newsaudit", expand=False))

    _findings(report, console)
    _parts(report, console)
    _figures(report, console)
    _sources(report, console)
    _claims(report, console)


def _findings(report: Report, console: Console) -> None:
    if not report.findings:
        console.print(Text("Findings: none", style="green"))
        return
    ordered = sorted(report.findings, key=lambda f: -SEVERITY_RANK[f.severity])
    console.rule("Findings")
    for f in ordered:
        line = Text()
        line.append(f"{f.severity.upper():8}", style=SEVERITY_STYLE[f.severity])
        line.append(f" {f.check}", style="bold")
        if f.technique:
            line.append(f" ({f.technique})")
        line.append(f"\n  {f.message}")
        for ev in f.evidence[:3]:
            ctx = context(report, ev)
            line.append("\n  ▸ " + ("…" if ctx.clipped_before else ""))
            line.append(" ".join(ctx.pre.split()) + (" " if ctx.pre[-1:].isspace() else ""))
            line.append(_short(ev.text, 110), style="bold reverse")
            line.append((" " if ctx.post[:1].isspace() else "") + " ".join(ctx.post.split()))
            line.append("…" if ctx.clipped_after else "")
        console.print(line)


def _parts(report: Report, console: Console) -> None:
    counts = Counter(s.kind for s in report.segments)
    console.rule("Page parts")
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    console.print(Text(summary))
    for seg in report.segments:
        if seg.kind == "body":
            continue
        row = Text(f"  {seg.kind:<11}", style="bold")
        row.append(_short(seg.text, 80))
        console.print(row)


def bounds_label(q: Quantity) -> str:
    """'≥ 700', '24–99', '≈ 2,000 (1,800–2,200)', '< 700', '= 13': the bounds at a glance."""
    lo, hi = q.low, q.high
    if q.approx == "exact" or (lo is not None and lo == hi):
        return f"= {_num(q.value if q.value is not None else lo)}"
    if q.approx == "about":
        return f"≈ {_num(q.value)} ({_num(lo)}–{_num(hi)})"
    if q.approx == "almost":
        return f"< {_num(hi)} (from {_num(lo)})" if lo is not None else f"< {_num(hi)}"
    if hi is None:
        return f"{'>' if q.approx == 'more_than' else '≥'} {_num(lo)}"
    if lo is None:
        return f"{'<' if q.approx == 'fewer_than' else '≤'} {_num(hi)}"
    return f"{_num(lo)}–{_num(hi)}"


def _figures(report: Report, console: Console) -> None:
    console.rule("Figures")
    if not report.quantities:
        console.print("No figures found.")
        return
    table = Table(expand=True, show_edge=False)
    table.add_column("figure", ratio=3, overflow="fold")
    table.add_column("bounds", ratio=2, overflow="fold")
    table.add_column("what", ratio=2, overflow="fold")
    table.add_column("where", ratio=1)
    table.add_column("on whose word", ratio=4, overflow="fold")
    for q in report.quantities:
        what = f"{q.counted} · {q.category}" if q.counted else q.category
        if q.unit and q.category in ("money", "distance", "duration"):
            what += f" ({q.unit})"
        word = "reader comment" if q.segment == "comment" else _quantity_source(q, report)
        table.add_row(Text(q.text), bounds_label(q), Text(what), q.segment, Text(word))
    console.print(table)


def _sources(report: Report, console: Console) -> None:
    console.rule("Who said what")
    shown = [a for a in report.attributions if a.kind != "unattributed_quote"]
    loose = [a for a in report.attributions if a.kind == "unattributed_quote"]
    if not shown and not loose:
        console.print("No attributions found.")
        return
    for att in shown:
        line = Text()
        line.append(chain_label(att), style="bold")
        line.append(f"  {att.kind} · {att.cue}", style="dim")
        if att.content is not None:
            line.append("\n    ")
            line.append(_short(att.content.text, 110), style="italic")
        console.print(line)
    if loose:
        quoted = ", ".join(f"“{_short(a.quote or '', 40)}”" for a in loose)
        console.print(Text(f"Quoted words with no speaker: {quoted}"))


def _claims(report: Report, console: Console) -> None:
    own = [c for c in report.claims if c.voice == "outlet"]
    console.rule(f"Claims in the page's own voice ({len(own)} of {len(report.claims)} claims)")
    for c in sorted(own, key=lambda c: -c.checkworthy):
        line = Text(f"  {c.checkworthy:.2f}  ", style="bold")
        line.append(_short(c.text, 110))
        console.print(line)


def print_report(report: Report, file: IO[str] | None = None, *, width: int | None = None) -> None:
    """Print ``report`` to ``file`` (stdout by default)."""
    console = Console(file=file, highlight=False, soft_wrap=False)
    if width is not None or not console.is_terminal:
        # Piped or written to a file: rich would assume 80 columns; a report reads better wider.
        console.width = width or 120
    render(report, console)
