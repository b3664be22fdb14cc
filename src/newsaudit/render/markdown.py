"""The Markdown report: for pasting into a ticket, a pull request or a chat.

Same order as the terminal report (findings first, then figures, who said what, and the
page's own claims), flattened to what Markdown renderers agree on: headings, lists,
blockquotes, bold and GFM pipe tables. Page text is hostile input: every piece of it
goes through :func:`escape`, so a page cannot end a table row, start a link, emit raw
HTML or bold half the report.
"""

from __future__ import annotations

import re

from newsaudit.model import Finding, Quantity, Report, Span
from newsaudit.render._context import CONTEXT_WORDS, context
from newsaudit.render.terminal import bounds_label, chain_label

SEVERITY_ORDER: tuple[str, ...] = ("problem", "warning", "info")
SEVERITY_HEADING = {"problem": "Problems", "warning": "Warnings", "info": "Worth a look"}
SEVERITY_ICON = {"problem": "🔴", "warning": "🟠", "info": "🔵"}

#: Words of context shown either side of a piece of evidence.
#: Evidence spans quoted per finding before the rest are summarised as "and N more".
MAX_EVIDENCE = 4

# Everything CommonMark/GFM can read as markup inside a line: emphasis (* _ ~), code (`),
# links and images ([ ] !), raw HTML and autolinks (< >), entities (&), table cells (|),
# headings (#), math on GitHub ($) and the escape character itself.
_MD_ACTIVE = re.compile(r"([\\`*_{}\[\]<>|#~&$!])")
# Block markers only bite at the start of a line ("1. ", "- ", "+ ", "= "), and escaped
# text can start a quote line, so its first marker is escaped too.
_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])")
_SPACE = re.compile(r"\s+")
def escape(text: str) -> str:
    """Page text made inert: one line, every Markdown-active character backslashed."""
    out = _MD_ACTIVE.sub(r"\\\1", _flat(text))
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", out)


def _flat(text: str) -> str:
    # A newline in page text could end a table row or a quote and start a heading.
    return _SPACE.sub(" ", text).strip()


def figure_source(q: Quantity, report: Report) -> str:
    """Whose word a figure rests on: the attribution whose content holds it, if any."""
    if q.segment == "comment":
        return "reader comment"
    for att in report.attributions:
        if att.kind == "unattributed_quote" or att.content is None:
            continue
        if att.content.start <= q.start < att.content.end:
            return chain_label(att)
    return "page's own voice"


def in_context(report: Report, span: Span, words: int = CONTEXT_WORDS) -> str:
    """'…a few words **the evidence** a few words…', kept inside the evidence's segment
    so that context never runs from the article into a comment. The page's own spacing
    and punctuation around the evidence are kept ('**terrorists**.', not '… .')."""
    ctx = context(report, span, words)
    pre, post = ctx.pre, ctx.post
    core = span.text.strip()
    lead = span.text[: len(span.text) - len(span.text.lstrip())]
    trail = span.text[len(span.text.rstrip()) :]
    # '** x**' is not bold in CommonMark: whitespace at the edges goes outside the stars.
    out = _md_space(pre + lead) + (f"**{escape(core)}**" if core else "") + _md_space(trail + post)
    if ctx.clipped_before:
        out = "…" + out
    if ctx.clipped_after:
        out += "…"
    return out.strip()


def _md_space(raw: str) -> str:
    """Escaped page text with its edge whitespace kept as one space."""
    if not raw:
        return ""
    lead = " " if raw[0].isspace() else ""
    trail = " " if raw[-1].isspace() and raw.strip() else ""
    return lead + escape(raw) + trail


def _finding(report: Report, f: Finding) -> list[str]:
    head = f"- **{escape(f.check)}**"
    if f.technique:
        head += f" ({escape(f.technique)})"
    head += f" · `{f.id}`: {escape(f.message)}"
    lines = [head]
    for ev in f.evidence[:MAX_EVIDENCE]:
        lines.append(f"  > {in_context(report, ev)}")
        lines.append("")
    if len(f.evidence) > MAX_EVIDENCE:
        lines.append(f"  > …and {len(f.evidence) - MAX_EVIDENCE} more")
    if f.refs:
        lines.append(f"  refs: {', '.join(escape(r) for r in f.refs)}")
    if lines[-1] == "":
        lines.pop()
    return lines


def _findings(report: Report) -> list[str]:
    n = len(report.findings)
    out = [f"## Findings ({n})", ""]
    if not n:
        return out + ["No findings.", ""]
    for sev in SEVERITY_ORDER:
        group = [f for f in report.findings if f.severity == sev]
        if not group:
            continue
        out += [f"### {SEVERITY_ICON[sev]} {SEVERITY_HEADING[sev]} ({len(group)})", ""]
        for f in group:
            out += _finding(report, f)
        out.append("")
    return out


def _cell(text: str) -> str:
    return escape(text) or " "


def _figures(report: Report) -> list[str]:
    out = [f"## Figures ({len(report.quantities)})", ""]
    if not report.quantities:
        return out + ["No figures found.", ""]
    out += [
        "| figure | bounds | counted · category | where | on whose word |",
        "| --- | --- | --- | --- | --- |",
    ]
    for q in report.quantities:
        what = f"{q.counted} · {q.category}" if q.counted else q.category
        if q.unit and q.category in ("money", "distance", "duration", "percent"):
            what += f" ({q.unit})"
        row = (q.text, bounds_label(q), what, q.segment, figure_source(q, report))
        out.append("| " + " | ".join(_cell(c) for c in row) + " |")
    return out + [""]


def _sources(report: Report) -> list[str]:
    shown = [a for a in report.attributions if a.kind != "unattributed_quote"]
    loose = [a for a in report.attributions if a.kind == "unattributed_quote"]
    out = [f"## Who said what ({len(shown)})", ""]
    if not shown and not loose:
        return out + ["No attributions found.", ""]
    for att in shown:
        line = f"- **{escape(chain_label(att))}** · {escape(att.kind)} · _{escape(att.cue)}_"
        if att.content is not None and att.content.text.strip():
            line += f"  \n  “{escape(att.content.text)}”"
        out.append(line)
    if loose:
        quoted = ", ".join(f"“{escape(a.quote or '')}”" for a in loose)
        out += ["", f"Quoted words with no speaker: {quoted}"]
    return out + [""]


def _claims(report: Report) -> list[str]:
    own = sorted((c for c in report.claims if c.voice == "outlet"), key=lambda c: -c.checkworthy)
    out = [f"## Claims in the page's own voice ({len(own)} of {len(report.claims)})", ""]
    if not own:
        return out + ["None: every claim on the page is attributed to a source.", ""]
    for c in own:
        out.append(f"- `{c.checkworthy:.2f}` {escape(c.text)}")
    return out + [""]


def _title(report: Report) -> list[str]:
    doc = report.document
    meta = [f"source: {escape(doc.source)}"]
    if doc.outlet:
        meta.append(escape(doc.outlet))
    if doc.published:
        meta.append(escape(doc.published))
    counts = [
        f"{sum(f.severity == s for f in report.findings)} {s}" for s in SEVERITY_ORDER
    ]
    return [
        f"# newsaudit: {escape(doc.title or '(untitled page)')}",
        "",
        " · ".join(meta) + "  ",
        "findings: " + ", ".join(counts),
        "",
    ]


def to_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown, ending in one newline."""
    lines = _title(report) + _findings(report) + _figures(report)
    lines += _sources(report) + _claims(report)
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["escape", "figure_source", "in_context", "to_markdown"]
