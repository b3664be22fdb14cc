"""The Markdown report: findings first, evidence in context, and page text that cannot
break out of its cell or quote. Rendered back through markdown-it (CommonMark + GFM
tables; it comes with rich) to see what a ticket system would show."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from test_render_html import EXAMPLE, HOSTILE, audited, span

from newsaudit.model import Finding, Report
from newsaudit.render.markdown import escape, in_context, to_markdown
from newsaudit.render.terminal import bounds_label

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words, 2.5% up", "plain words, 2.5% up"),
        ("a | b", r"a \| b"),
        ("*bold* _it_ `code`", r"\*bold\* \_it\_ \`code\`"),
        ("[link](http://x.example)", r"\[link\](http://x.example)"),
        ("![img](x.png)", r"\!\[img\](x.png)"),
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("AT&amp;T", r"AT\&amp;T"),
        ("cost $5 and $6", r"cost \$5 and \$6"),
        ("# not a heading", r"\# not a heading"),
        ("1. not a list", r"1\. not a list"),
        ("- not a list", r"\- not a list"),
        ("two\n\nlines\tand  spaces", "two lines and spaces"),
        ("back\\slash", r"back\\slash"),
        ("~~strike~~", r"\~\~strike\~\~"),
    ],
)
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


@pytest.fixture(scope="module")
def example(nlp) -> Report:
    report = audited(EXAMPLE.read_text(encoding="utf-8"), source="examples/harbour-strike.txt")
    t = report.document.text
    return dataclasses.replace(
        report,
        findings=(
            Finding("f1", "numeric_contradiction", "problem", "At least 120 here, 117 later.",
                    (span(t, "at least 120 sailors"), span(t, "117")), ("q1", "q9")),
            Finding("f2", "scare_quotes", "info", "Quote marks around “massive loses”.",
                    (span(t, "“massive loses”"),)),
            Finding("f3", "toxic_comment", "warning", "A reader calls people vermin.",
                    (span(t, "These people are vermin"),)),
            Finding("f4", "propaganda_technique", "info", "Name calling.",
                    (span(t, "terrorists"),), technique="name_calling"),
        ),
    )


@pytest.fixture(scope="module")
def hostile(nlp) -> Report:
    report = audited(HOSTILE, source="hostile.txt", fmt="text")
    t = report.document.text
    return dataclasses.replace(
        report,
        findings=(
            Finding("f1", "unsourced_claim", "warning", "Says [click](javascript:x) | *bold*",
                    (span(t, "<img src=x onerror=alert(1)>"),
                     span(t, "[this](javascript:alert(3)) | a |"))),
            Finding("f2", "toxic_comment", "warning", "comment",
                    (span(t, '<iframe src="https://evil.example/"></iframe> This'),)),
        ),
    )


@pytest.mark.parametrize(
    ("needle", "words", "expected"),
    [
        ("117", 6, "…total number of sailors killed to **117** over the past two years."),
        ("terrorists", 3, "…be intimidated by **terrorists**.”"),
        ("Kordavia Confirms", 2, "**Kordavia Confirms** “Massive Losses”…"),
        # context stops at the segment: the comment's own number, not the form after it
        ("These people are vermin", 2, "1\\. **These people are vermin** and deserve…"),
        ("at least 120 sailors", 0, "…**at least 120 sailors**…"),
    ],
)
def test_in_context(example: Report, needle: str, words: int, expected: str) -> None:
    assert in_context(example, span(example.document.text, needle), words) == expected


def test_layout(example: Report) -> None:
    md = to_markdown(example)
    assert md.startswith("# newsaudit: Kordavia Confirms “Massive Losses” in Harbour Strike\n")
    assert md.endswith("\n") and not md.endswith("\n\n")
    heads = [line for line in md.splitlines() if line.startswith("#")]
    assert heads[1:6] == [
        "## Findings (4)",
        "### 🔴 Problems (1)",
        "### 🟠 Warnings (1)",
        "### 🔵 Worth a look (2)",
        f"## Figures ({len(example.quantities)})",
    ]
    # findings come before everything else, severity order inside
    order = [md.index(f"{c}\\_{d}") for c, d in (("numeric", "contradiction"),
                                                   ("toxic", "comment"), ("scare", "quotes"))]
    assert order == sorted(order)
    assert "- **propaganda\\_technique** (name\\_calling) · `f4`: Name calling." in md
    assert "  > …total number of sailors killed to **117** over the past two years." in md
    assert "  refs: q1, q9" in md
    # the figures table: one row per quantity, bounds from the terminal renderer
    rows = [line for line in md.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == len(example.quantities) + 1
    first = example.quantities[0]
    assert rows[1].startswith(f"| {escape(first.text)} | {escape(bounds_label(first))} |")
    assert "reader comment |" in md
    assert "## Who said what" in md and "← The state broadcaster KTV" in md
    assert re.search(r"## Claims in the page's own voice \(\d+ of \d+\)", md)


def test_no_findings(example: Report) -> None:
    md = to_markdown(dataclasses.replace(example, findings=()))
    assert "## Findings (0)\n\nNo findings." in md
    assert "findings: 0 problem, 0 warning, 0 info" in md


def _cells(html: str) -> list[int]:
    return [len(re.findall(r"<t[dh]>", row)) for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)]


def test_hostile_page_stays_text(hostile: Report) -> None:
    md = to_markdown(hostile)
    html = MD.render(md)
    for tag in ("<a ", "<img", "<script", "<iframe", "<del>", "<s>", "<h4"):
        assert tag not in html, tag
    # Our own code spans hold finding ids and scores only.
    assert all(re.fullmatch(r"f\d+|\d\.\d\d", c) for c in re.findall(r"<code>(.*?)</code>", html))
    # Our own italics mark the cue verbs; nothing from the page turned italic.
    cues = {a.cue for a in hostile.attributions if a.kind != "unattributed_quote"}
    assert set(re.findall(r"<em>(.*?)</em>", html)) <= cues
    # Our own bold survives; nothing else turned bold: every <strong> is ours.
    strongs = re.findall(r"<strong>(.*?)</strong>", html)
    assert "&lt;img src=x onerror=alert(1)&gt;" in strongs
    # The table keeps five columns in every row, whatever the page's text held.
    assert set(_cells(html)) == {5}
    assert len(_cells(html)) == len(hostile.quantities) + 1
    # Every figure reads back as its own text.
    for q in hostile.quantities:
        assert f"<td>{_html_text(q.text)}</td>" in html
    assert "[this](javascript:alert(3)) | a |" in _html_unescape(html)


def _html_text(text: str) -> str:
    from html import escape as h

    return h(" ".join(text.split()), quote=False).replace('"', "&quot;")


def _html_unescape(html: str) -> str:
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", html))


def test_cli_writes_markdown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsaudit.cli import main

    monkeypatch.setenv("NEWSAUDIT_CHECKS_RUN", "")  # no checks: the layout alone
    out = tmp_path / "report.md"
    assert main(["audit", str(EXAMPLE), "--format", "markdown", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# newsaudit: Kordavia Confirms")
