"""Judging packets: one Markdown file per page for a judge who has only the file.

A packet holds the page reference, the analysed text with the character offset of every
printed line (so evidence offsets can be read off without a tool), the page's segments,
each warning and problem still to judge with a judgment line ready to fill in, the info
findings for context, and lines to record missed problems and the page's review. The
guide every judge reads first is ``JUDGING.md``, written beside the packets. Packets
carry page text, so they are written outside the repository (``/tmp``), never committed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsaudit.evaluation.findings.judgments import MESSAGE_CHARS, Judged, anchor_of

if TYPE_CHECKING:
    from newsaudit.evaluation.findings.score import PageResult
    from newsaudit.model import Finding

__all__ = ["GUIDE", "NEW_KINDS", "numbered_lines", "packet", "packet_name", "write_packets"]

#: Width of a printed text line; longer lines are wrapped at a space.
WIDTH = 100
#: Problems no check reports yet (issue 9): a judge records a missed one under these names.
NEW_KINDS: dict[str, str] = {
    "figures_do_not_add_up": "parts that do not sum to the stated total, or a lead figure "
                             "that matches none of the sources the body cites",
    "headline_overstates": "a headline that states as fact what the body only reports, "
                           "hedges or rests on one party's claim",
    "own_voice_label": "a label or accusation about a group or person in the page's own "
                       "voice (\"the Syrian dictator\")",
    "vague_sourcing": "a claim resting on \"reports\", \"it has been claimed\", an "
                      "anonymous post, or no one in particular",
}


def numbered_lines(text: str, width: int = WIDTH) -> list[str]:
    """The text as lines prefixed by the offset of their first character; a line longer
    than ``width`` is cut after a space (or at ``width`` when it has none), so every
    printed piece starts exactly at its offset."""
    digits = len(str(len(text)))
    out: list[str] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        while len(line) - (start - pos) > width:
            piece = text[start:start + width]
            cut = piece.rfind(" ") + 1 or width
            out.append(f"{start:>{digits}}| {text[start:start + cut].rstrip(' ')}")
            start += cut
        out.append(f"{start:>{digits}}| {text[start:pos + len(line)]}")
        pos += len(line) + 1
    return out


def packet_name(ref: str) -> str:
    """A file name for a page's packet."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", ref) + ".md"


def _template(ref: str, f: Finding) -> dict[str, Any]:
    return {
        "page": ref,
        "check": f.check,
        "severity": f.severity,
        "evidence": [[e.start, e.end] for e in f.evidence],
        "anchor": anchor_of(f.evidence[0].text) if f.evidence else "",
        "message": f.message[:MESSAGE_CHARS],
        "verdict": "",
        "reason": "",
        "judge": "",
    }


def _fence(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _quote(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + " …"


def _finding(n: int, ref: str, f: Finding, judged: Judged | None) -> list[str]:
    lines = [f"### {n}. `{f.check}` · {f.severity}", "", f"Message: {f.message}", "",
             "Evidence:"]
    lines += [f"- [{e.start}, {e.end}) “{_quote(e.text)}”" for e in f.evidence] or ["- (none)"]
    if judged is not None:
        lines += ["", f"Judged before: **{judged.verdict}** by {judged.judge}: {judged.reason} "
                      f"({judged.where}); judge again only if that no longer holds."]
    lines += ["", "Judgment:", "", "```json", json.dumps(_template(ref, f), ensure_ascii=False),
              "```", ""]
    return lines


def packet(result: PageResult, *, all_findings: bool = False) -> str:
    """The Markdown packet of one audited page."""
    report, ref = result.report, result.ref
    text = report.document.text
    to_judge = [(i, f) for i, f in result.judged_findings()
                if all_findings or i not in result.matched]
    info = [f for f in report.findings if f.severity == "info"]
    lines = [
        f"# {ref}",
        "",
        f"Page `{ref}` · split `{result.split}` · {len(text):,} characters analysed · "
        f"{'reviewed for missed problems before' if result.reviewed else 'not yet reviewed'}",
        "",
        "Read `JUDGING.md` first. Offsets count characters of the analysed text at the end "
        "of this file (half-open `[start, end)`); each printed line starts with its offset.",
        "",
        f"## Warnings and problems to judge ({len(to_judge)})",
        "",
    ]
    for n, (i, f) in enumerate(to_judge, 1):
        lines += _finding(n, ref, f, result.matched.get(i))
    if not to_judge:
        lines += ["None: judge only what the tool missed.", ""]
    lines += [f"## Info findings ({len(info)}, not judged; for context)", ""]
    lines += [f"- `{f.check}` [{f.evidence[0].start}, {f.evidence[0].end}) {f.message}"
              if f.evidence else f"- `{f.check}` {f.message}" for f in info] or ["- none"]
    missed = {"page": ref, "missed": True, "check": "", "evidence": [[0, 0]], "anchor": "",
              "reason": "", "judge": ""}
    lines += [
        "",
        "## Missed problems",
        "",
        "One line per problem the tool did not flag as a warning or problem (see "
        "`JUDGING.md`), then the review line once you have read the whole page:",
        "",
        "```json",
        json.dumps(missed, ensure_ascii=False),
        json.dumps({"page": ref, "reviewed": True, "judge": ""}, ensure_ascii=False),
        "```",
        "",
        f"## Segments ({len(report.segments)})",
        "",
    ]
    lines += [f"- [{s.start}, {s.end}) {s.kind}: “{_quote(s.text, 80)}”" for s in report.segments]
    body = "\n".join(numbered_lines(text))
    fence = _fence(body)
    lines += ["", "## Text", "", fence + "text", body, fence, ""]
    return "\n".join(lines)


def guide(checks: Sequence[str]) -> str:
    """``JUDGING.md``: what the verdicts mean and how to record them."""
    kinds = "\n".join(f"- `{k}`: {v}" for k, v in NEW_KINDS.items())
    names = ", ".join(f"`{c}`" for c in checks)
    return GUIDE.format(checks=names, kinds=kinds)


GUIDE = """# Judging newsaudit's findings

You are an exacting standards editor. Each packet (`<page>.md`) is one real news page as
newsaudit analysed it, with the warnings and problems it reported. Judge each one, then
read the whole page and record what the tool should have flagged and did not.

## Verdicts

- `true`: worth an editor's time **and** correctly described: the message says what is
  wrong, the evidence shows it, and an editor would want to act on it or check it.
- `debatable`: a reasonable editor could go either way (a real but minor issue, or a real
  issue the message describes only half right).
- `false`: wrong (the page does not do what the message says: the claim is sourced, the
  quotes are a title or a term, the figures do not contradict), trivial (not worth an
  editor's time), or it misdescribes the page (a broken or spliced message, the wrong
  evidence, the page's own voice confused with a quoted speaker's).

Severity matters: a `problem` says the page is wrong as it stands; a `warning` says it is
worth an editor's time. A real issue reported at too high a severity is `debatable`.

## Recording

Copy the finding's judgment line from the packet into a file of your own,
`judgments/<your-name>.jsonl` (one JSON object per line), and fill in `verdict`, a
one-line `reason` and `judge`. Change nothing else on the line: page, check, evidence and
anchor are how the judgment finds its finding again.

A missed problem is one line, as in the packet's template:

    {{"page": ..., "missed": true, "check": ..., "evidence": [[start, end]],
     "anchor": ..., "reason": ..., "judge": ...}}

`evidence` is the offsets of the words that show the problem, read off the numbered
text: start = the line's offset plus the characters before the words on that line, end =
start + their length. `anchor` is the first 60 characters of those words exactly as they
appear (white space may be collapsed): the anchor is what finds the words again, searched
near the start you give, so a start that is a few characters off does no harm, but an
anchor that is not verbatim does. `check` is the check that should have flagged it.
The checks are: {checks}. For problems no check covers yet, use one of these kinds:

{kinds}

Record only problems an exacting editor would raise, each once, at its clearest place.
When you have read the whole page, add `{{"page": ..., "reviewed": true, "judge": ...}}`
(also for a page with nothing to report): it says the page's missed problems are all
recorded.

Never paste more page text than the anchor into a judgment line.
"""


def write_packets(outdir: Path, results: Sequence[PageResult], *,
                  all_findings: bool = False) -> list[Path]:
    """A packet for each page with warnings or problems not yet judged or not yet reviewed
    for missed problems (every page with ``all_findings``), plus ``JUDGING.md``."""
    from newsaudit.checks import registered

    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for res in results:
        if all_findings or res.unjudged() or not res.reviewed:
            path = outdir / packet_name(res.ref)
            path.write_text(packet(res, all_findings=all_findings), encoding="utf-8")
            written.append(path)
    split = {packet_name(r.ref): r.split for r in results}
    listing = "\n".join(f"- `{p.name}` ({split[p.name]})" for p in written)
    (outdir / "JUDGING.md").write_text(
        guide(sorted(registered())) + f"\n## Packets ({len(written)})\n\n{listing}\n",
        encoding="utf-8")
    return written
