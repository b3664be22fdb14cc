"""Figures written in digits, read without knowing the page's language.

A page in a language newsaudit has no pipeline for still shows its figures in digits
(Western, Arabic-Indic or Persian), and a reader comparing two outlets' tolls wants
those with their offsets. What a figure counts and how an approximator bounds it are
words in the page's language, so here every figure is exact, counts nothing known, and
is of category ``other``. Years (four digits from 1800 to 2100 with no separator) are
dates, not quantities, as in the English stage.
"""

from __future__ import annotations

import re

from newsaudit.model import Page, Quantity, Span

# Any script's decimal digits (\d is Unicode), grouped by a comma, a thin or no-break
# space, or the Arabic thousands separator; a decimal point or the Arabic decimal mark.
_FIGURE = re.compile(
    r"(?<![\w.,٫٬])\d{1,3}(?:[,٬\u202f\u00a0]\d{3})+(?:[.٫]\d+)?(?!\w)"
    r"|(?<![\w.,٫٬])\d+(?:[.٫]\d+)?(?![\w]|[.,٫٬]\d)"
)
_GROUP = re.compile(r"[,٬\u202f\u00a0]")


def digit_quantities(page: Page) -> tuple[Quantity, ...]:
    """Every figure in digits on the page, in text order, with its value."""
    text = page.document.text
    out: list[Quantity] = []
    for m in _FIGURE.finditer(text):
        value = _value(m.group())
        if value is None or _is_year(m.group(), value):
            continue
        seg = page.segment_at(m.start())
        out.append(
            Quantity(
                id=f"q{len(out) + 1}",
                start=m.start(),
                end=m.end(),
                text=m.group(),
                value=value,
                low=value,
                high=value,
                approx="exact",
                counted=None,
                category="other",
                segment=seg.kind if seg is not None else "body",
                number=Span(m.start(), m.end(), m.group()),
            )
        )
    return tuple(out)


def _value(figure: str) -> int | float | None:
    plain = _GROUP.sub("", figure).replace("٫", ".")
    try:  # int() and float() read every script's decimal digits
        return float(plain) if "." in plain else int(plain)
    except ValueError:
        return None


def _is_year(figure: str, value: int | float) -> bool:
    return isinstance(value, int) and len(figure) == 4 and 1800 <= value <= 2100
