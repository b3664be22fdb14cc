"""The HTML report: one self-contained file a fact-checker opens in any browser.

The page text is shown whole, part by part (headline, body, caption, comment, ...), with
each finding's evidence marked where it stands and each figure underlined; beside it a
panel of findings by severity, where a click scrolls to the evidence. Below come the
figures with their bounds and sources, who said what, and the page's own claims.

Page text is hostile input. Every string from the page or the analysis goes through
:func:`html.escape` (nothing is ever interpolated unescaped), the page makes no request
of any kind (CSS and JS are inlined, no fonts, no images), and a Content-Security-Policy
allows only the inline style and script whose hashes it names, so even a mistake in
escaping could not run a page's script.

Highlights may overlap (two findings quoting the same words, a figure inside a quote):
the text is cut at every highlight boundary into pieces that each carry the set of
findings and figures covering them, so the markup always nests and every character of
the page appears exactly once. The article element's ``textContent`` is the analysed
text, unchanged: the tests hold the renderer to that.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from itertools import pairwise
from typing import Any

from newsaudit._version import __version__
from newsaudit.model import ARTICLE_KINDS, SEVERITY_RANK, Attribution, Finding, Report
from newsaudit.render.html_event import event_cell, event_section, rows_by_quantity
from newsaudit.render.markdown import figure_source
from newsaudit.render.terminal import bounds_label, source_label

SEVERITY_ORDER: tuple[str, ...] = ("problem", "warning", "info")
SEVERITY_HEADING = {"problem": "Problems", "warning": "Warnings", "info": "Worth a look"}
SEVERITY_HINT = {
    "problem": "the page is wrong or misleading as it stands",
    "warning": "an editor should check",
    "info": "worth a look",
}
_KIND_CLASS = re.compile(r"[^a-z0-9_-]")


def _e(text: object) -> str:
    """Escaped for text and attribute values alike. A carriage return is written as a
    character reference because the HTML parser would otherwise turn it into a newline."""
    return escape(str(text), quote=True).replace("\r", "&#13;")


@cache
def _static(name: str) -> str:
    text = resources.files("newsaudit.render").joinpath("static", name).read_text("utf-8")
    # The browser hashes the inline text after turning CRLF into LF: so must we.
    return text.replace("\r\n", "\n")


def _csp_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(css: str, js: str) -> str:
    """Nothing may load; only the report's own inline style and script may apply."""
    return "; ".join(
        (
            "default-src 'none'",
            f"style-src {_csp_hash(css)}",
            f"script-src {_csp_hash(js)}",
            "img-src 'none'",
            "font-src 'none'",
            "connect-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


# --- the page text with its highlights ------------------------------------------------


@dataclass(frozen=True, slots=True)
class Layer:
    """One highlighted stretch: ``key`` is 'f3:0' (finding f3, evidence 0) or 'q7'."""

    start: int
    end: int
    key: str
    kind: str  # "evidence" | "quantity"


def pieces(start: int, end: int, layers: Sequence[Layer]) -> list[tuple[int, int, list[Layer]]]:
    """Cut ``[start, end)`` at every layer boundary inside it; each piece lists the layers
    covering all of it, in the order given. Pieces cover the range exactly, in order."""
    inside = [ly for ly in layers if ly.start < end and ly.end > start and ly.end > ly.start]
    cuts = {start, end}
    for ly in inside:
        cuts.update(c for c in (ly.start, ly.end) if start < c < end)
    bounds = sorted(cuts)
    out: list[tuple[int, int, list[Layer]]] = []
    for a, b in pairwise(bounds):
        out.append((a, b, [ly for ly in inside if ly.start <= a and ly.end >= b]))
    return out


def _layers(report: Report) -> list[Layer]:
    text_len = len(report.document.text)
    out: list[Layer] = []
    for f in report.findings:
        for i, ev in enumerate(f.evidence):
            if 0 <= ev.start < ev.end <= text_len:
                out.append(Layer(ev.start, ev.end, f"{f.id}:{i}", "evidence"))
    for q in report.quantities:
        if 0 <= q.start < q.end <= text_len:
            out.append(Layer(q.start, q.end, q.id, "quantity"))
    return out


def _piece_html(
    text: str, covering: list[Layer], severity: Mapping[str, str], tips: dict[str, str]
) -> str:
    body = _e(text)
    qids = [ly.key for ly in covering if ly.kind == "quantity"]
    if qids:
        tip = " · ".join(tips[q] for q in qids)
        body = f'<span class="qty" data-q="{_e(" ".join(qids))}" title="{_e(tip)}">{body}</span>'
    evs = [ly.key for ly in covering if ly.kind == "evidence"]
    if evs:
        fids = list(dict.fromkeys(k.split(":", 1)[0] for k in evs))
        sev = max((severity[f] for f in fids), key=lambda s: SEVERITY_RANK.get(s, 0))
        multi = " multi" if len(fids) > 1 else ""
        body = (
            f'<mark class="ev sev-{_e(sev)}{multi}" tabindex="-1"'
            f' data-finding="{_e(" ".join(fids))}" data-ev="{_e(" ".join(evs))}">{body}</mark>'
        )
    return body


def _blocks(report: Report) -> Iterable[tuple[int, int, str | None]]:
    """Segments in text order, with the text between them as blocks of kind ``None``."""
    pos = 0
    text_len = len(report.document.text)
    for seg in sorted(report.segments, key=lambda s: s.start):
        if seg.start > pos:
            yield pos, seg.start, None
        if seg.end > max(seg.start, pos):
            yield max(seg.start, pos), seg.end, seg.kind
            pos = seg.end
    if pos < text_len:
        yield pos, text_len, None


def page_text_html(report: Report) -> str:
    """The analysed text as segment blocks with marks; no whitespace is added between
    tags, so the container's ``textContent`` equals ``report.document.text``."""
    text = report.document.text
    layers = _layers(report)
    severity = {f.id: f.severity for f in report.findings}
    tips = {q.id: f"{q.id}: {bounds_label(q)} · {q.counted or q.category}"
            for q in report.quantities}
    out: list[str] = []
    comment_no = 0
    previous: str | None = None
    for a, b, kind in _blocks(report):
        inner = "".join(
            _piece_html(text[p:q], cov, severity, tips) for p, q, cov in pieces(a, b, layers)
        )
        if kind is None:
            cls = "gap" if not text[a:b].strip() else "seg seg-unlabelled"
            label = "" if cls == "gap" else ' data-label="unlabelled"'
            out.append(f'<div class="{cls}"{label}>{inner}</div>')
            continue
        safe = _KIND_CLASS.sub("", kind.lower())
        label = kind
        if kind == "comment":
            comment_no += 1
            label = f"reader comment {comment_no}"
        scope = "article" if kind in ARTICLE_KINDS else "outside"
        # A run of body paragraphs is labelled once, where it starts.
        run = " run-start" if kind != previous else ""
        previous = kind
        out.append(
            f'<div class="seg seg-{safe} {scope}{run}" data-kind="{_e(kind)}"'
            f' data-label="{_e(label)}" data-start="{a}" data-end="{b}">{inner}</div>'
        )
    return "".join(out)


# --- the findings panel ---------------------------------------------------------------


def _short(text: str, width: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _finding_item(f: Finding) -> str:
    check = f.check.replace("_", " ")
    tech = ""
    if f.technique:
        tech = f' <span class="technique">{_e(f.technique.replace("_", " "))}</span>'
    sev = _e(f.severity)
    target = f' data-goto-ev="{_e(f.id)}:0"' if f.evidence else " disabled"
    evs = "".join(
        f'<li><button type="button" class="ev-link" data-goto-ev="{_e(f.id)}:{i}">'
        f"{_e(_short(ev.text, 90))}</button></li>"
        for i, ev in enumerate(f.evidence)
    )
    refs = f'<p class="refs">refs {_e(", ".join(f.refs))}</p>' if f.refs else ""
    return (
        f'<li class="finding sev-{sev}" data-finding="{_e(f.id)}" id="finding-{_e(f.id)}">'
        f'<button type="button" class="finding-head"{target}>'
        f'<span class="finding-title"><span class="badge sev-{sev}">{sev}</span>'
        f' <span class="check">{_e(check)}</span>{tech}<span class="fid">{_e(f.id)}</span></span>'
        f'<span class="msg">{_e(f.message)}</span></button>'
        f'<ol class="evidence">{evs}</ol>{refs}</li>'
    )


def findings_html(report: Report) -> str:
    if not report.findings:
        return '<p class="none">No findings: nothing on this page needs an editor\'s eye.</p>'
    out: list[str] = []
    for sev in SEVERITY_ORDER:
        group = [f for f in report.findings if f.severity == sev]
        if not group:
            continue
        out.append(
            f'<section class="sev-group sev-{sev}"><h3>{SEVERITY_HEADING[sev]} '
            f'<span class="count">{len(group)}</span>'
            f'<span class="hint">{SEVERITY_HINT[sev]}</span></h3>'
            f'<ol class="findings">{"".join(_finding_item(f) for f in group)}</ol></section>'
        )
    return "".join(out)


# --- figures, sources, claims ---------------------------------------------------------


def _chain_html(att: Attribution) -> str:
    parts = [f'<span class="who">{_e(source_label(att.source))}</span>']
    parts += [f'<span class="via">{_e(v.text or "?")}</span>' for v in att.via]
    return '<span class="arrow"> ← </span>'.join(parts)


def figures_html(report: Report, event: Mapping[str, Any] | None = None) -> str:
    """The figures table; with the page's event comparison (``newsaudit.compare/1``), a
    last column links each figure to the event's reconciled band."""
    if not report.quantities:
        return '<p class="none">No figures found.</p>'
    by_q = rows_by_quantity(event, report.document.id) if event else {}
    rows = []
    for q in report.quantities:
        what = f"{q.counted} · {q.category}" if q.counted else q.category
        if q.unit and q.category in ("money", "distance", "duration", "percent"):
            what += f" ({q.unit})"
        word = figure_source(q, report)
        own = " own-voice" if word == "page's own voice" else ""
        rows.append(
            f'<tr class="seg-{_e(_KIND_CLASS.sub("", q.segment))}">'
            f'<td><button type="button" class="q-link" data-goto-q="{_e(q.id)}">'
            f"{_e(q.text)}</button></td>"
            f'<td class="bounds">{_e(bounds_label(q))}</td><td>{_e(what)}</td>'
            f'<td class="where">{_e(q.segment)}</td><td class="word{own}">{_e(word)}</td>'
            + (event_cell(by_q.get(q.id), event) if event else "") + "</tr>"
        )
    return (
        '<table class="figures"><thead><tr><th>figure</th><th>bounds</th>'
        "<th>counted · category</th><th>where</th><th>on whose word</th>"
        + ("<th>across sources</th>" if event else "") + "</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def sources_html(report: Report) -> str:
    shown = [a for a in report.attributions if a.kind != "unattributed_quote"]
    loose = [a for a in report.attributions if a.kind == "unattributed_quote"]
    if not shown and not loose:
        return '<p class="none">No attributions found.</p>'
    items = []
    for att in shown:
        content = (
            f'<blockquote>{_e(_short(att.content.text, 400))}</blockquote>'
            if att.content is not None and att.content.text.strip()
            else ""
        )
        items.append(
            f'<li class="attribution" data-attribution="{_e(att.id)}">'
            f'<p class="chain">{_chain_html(att)}</p>'
            f'<p class="how"><span class="kind">{_e(att.kind.replace("_", " "))}</span>'
            f' · <span class="cue">{_e(att.cue)}</span> · {_e(att.segment)}</p>{content}</li>'
        )
    out = f'<ol class="attributions">{"".join(items)}</ol>'
    if loose:
        quoted = ", ".join(f"“{_e(_short(a.quote or '', 60))}”" for a in loose)
        out += f'<p class="loose">Quoted words with no speaker: {quoted}</p>'
    return out


def claims_html(report: Report) -> str:
    own = sorted((c for c in report.claims if c.voice == "outlet"), key=lambda c: -c.checkworthy)
    if not own:
        return '<p class="none">Every claim on the page is attributed to a source.</p>'
    rows = "".join(
        f'<tr><td class="score"><meter min="0" max="1" value="{c.checkworthy:.2f}"></meter>'
        f" {c.checkworthy:.2f}</td><td>{_e(c.text)}</td>"
        f'<td class="where">{_e(c.segment)}</td></tr>'
        for c in own
    )
    return (
        '<table class="claims"><thead><tr><th>check-worthy</th><th>claim</th><th>where</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


# --- the page -------------------------------------------------------------------------


def _summary(report: Report) -> str:
    chips = []
    for sev in SEVERITY_ORDER:
        n = sum(f.severity == sev for f in report.findings)
        plural = "" if n == 1 or sev == "info" else "s"
        zero = "" if n else " zero"
        chips.append(f'<span class="chip sev-{sev}{zero}">{n} {sev}{plural}</span>')
    stats = (
        f"{len(report.quantities)} figures · {len(report.attributions)} attributions · "
        f"{len(report.claims)} claims · {len(report.document.text.split()):,} words"
    )
    return f'<p class="summary">{"".join(chips)}<span class="stats">{_e(stats)}</span></p>'


def to_html(report: Report, *, event: Mapping[str, Any] | None = None) -> str:
    """The report as one self-contained HTML page (UTF-8, no external requests); with
    ``event`` (the comparison of the corpus event the page belongs to), its figures link
    to the event's reconciled bands, shown in a section of their own."""
    css, js = _static("report.css"), _static("report.js")
    doc = report.document
    title = doc.title or "(untitled page)"
    meta = [doc.source] + [x for x in (doc.outlet, doc.published, doc.author) if x]
    n_said = sum(a.kind != "unattributed_quote" for a in report.attributions)
    n_own = sum(c.voice == "outlet" for c in report.claims)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_e(content_security_policy(css, js))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsaudit {_e(__version__)}">
<title>newsaudit: {_e(title)}</title>
<style>{css}</style>
</head>
<body>
<header class="top">
<p class="brand">newsaudit report</p>
<h1>{_e(title)}</h1>
<p class="meta">{" · ".join(_e(m) for m in meta)}</p>
{_summary(report)}
</header>
<main class="layout">
<section class="page-col" aria-labelledby="h-page">
<h2 id="h-page">The page</h2>
<p class="legend">Evidence for each finding is <span class="legend-mark">marked</span>;
figures are <span class="qty">underlined</span>. Parts outside the article (captions, related
links, comments, forms) are dimmed: they never count as the article's claims.</p>
<article id="page-text" class="page-text">{page_text_html(report)}</article>
</section>
<aside class="panel" aria-labelledby="h-findings">
<h2 id="h-findings">Findings <span class="count">{len(report.findings)}</span></h2>
{findings_html(report)}
</aside>
</main>
<section class="details" aria-labelledby="h-figures">
<h2 id="h-figures">Figures <span class="count">{len(report.quantities)}</span></h2>
{figures_html(report, event)}
<h2>Who said what <span class="count">{n_said}</span></h2>
{sources_html(report)}
<h2>Claims in the page's own voice <span class="count">{n_own} of {len(report.claims)}</span></h2>
{claims_html(report)}
</section>
{event_section(event, doc.id) if event else ""}
<footer>newsaudit {_e(__version__)} · {_e(doc.id)}</footer>
<script>{js}</script>
</body>
</html>
"""


__all__ = ["content_security_policy", "page_text_html", "pieces", "to_html"]
