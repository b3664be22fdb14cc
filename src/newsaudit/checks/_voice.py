"""Whose words a stretch of the page is: the page's own voice vs someone else's.

Checks about the page's own wording (loaded language, propaganda techniques) must not
blame the page for what it quotes or attributes; they share this one definition.
"""

from __future__ import annotations

from newsaudit.model import Report
from newsaudit.quotes import find_quotes


def others_words(report: Report) -> list[tuple[int, int]]:
    """Character ranges that are someone else's words: quotations and attributed content."""
    ranges = [(q.start, q.end) for q in find_quotes(report.document.text)]
    for a in report.attributions:
        if a.content is not None:
            ranges.append((a.content.start, a.content.end))
    return sorted(ranges)


def overlaps_any(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)
