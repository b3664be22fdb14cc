"""Judging packets: every printed line of text starts at the offset it shows, each
finding still to judge comes with a judgment line that, once filled in, matches it, and
pages with nothing left to do get no packet."""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsaudit.evaluation.findings.judgments import read_judgments
from newsaudit.evaluation.findings.packets import numbered_lines, write_packets
from newsaudit.evaluation.findings.pages import PageRef
from newsaudit.evaluation.findings.score import score
from newsaudit.ingest import load_page
from newsaudit.model import Finding, Report, Span

PAGE = (
    "Wildfire forces 2,000 from homes on the ridge\n\n"
    "By Lena Ortiz\n\n"
    "About 2,000 residents were ordered to leave their homes on Tuesday as a wildfire spread "
    "across the northern ridge, fire officials said, and the evacuation zone was widened twice "
    "overnight as winds picked up speed and the flames jumped the ```canyon road```.\n\n"
    "Only a handful of crews are fighting the fire. The county's \"experts\" expect rain by "
    "Friday.\n"
)
REF = "ptc:424242"


def report() -> Report:
    page = load_page(PAGE, source=REF, fmt="text")

    def f(check: str, severity: str, words: str) -> Finding:
        s = PAGE.index(words)
        return Finding("f", check, severity, f"{check} says so", (Span.of(PAGE, s, s + len(words)),))

    findings = (
        f("unsourced_claim", "warning", "Only a handful of crews are fighting the fire."),
        f("scare_quotes", "warning", "experts"),
        f("loaded_language", "info", "flames jumped"),
    )
    return Report(document=page.document, segments=page.segments, findings=findings)


def test_every_printed_line_starts_at_its_offset() -> None:
    lines = numbered_lines(PAGE, width=40)
    offsets = []
    for printed in lines:
        offset, _, piece = printed.partition("| ")
        offsets.append(int(offset))
        assert PAGE[int(offset):].startswith(piece), printed
        assert len(piece) <= 40
    assert offsets == sorted(offsets) and offsets[0] == 0
    # nothing is lost but the spaces where long lines were cut and the newlines
    assert "".join(p.partition("| ")[2] for p in lines).replace(" ", "") == \
        PAGE.replace("\n", "").replace(" ", "")


def test_a_filled_in_packet_line_judges_its_finding(tmp_path: Path) -> None:
    rep = report()
    pages = [PageRef(REF, "dev")]
    empty = tmp_path / "none"
    empty.mkdir()
    results, _ = score([rep], pages, read_judgments(empty))
    written = write_packets(tmp_path / "packets", results)
    assert [p.name for p in written] == ["ptc_424242.md"]
    text = written[0].read_text(encoding="utf-8")
    guide = (tmp_path / "packets" / "JUDGING.md").read_text(encoding="utf-8")
    assert "`ptc_424242.md` (dev)" in guide and "figures_do_not_add_up" in guide
    assert "## Warnings and problems to judge (2)" in text
    info = text.split("## Info findings (1, ")[1].split("## Missed problems")[0]
    assert "`loaded_language`" in info and "unsourced_claim" not in info
    assert "```canyon road```" in text and "````text" in text  # the fence outlasts the page's

    templates = [json.loads(m) for m in re.findall(r"^(\{.*\})$", text, re.M)]
    findings = [t for t in templates if "verdict" in t]
    assert [t["check"] for t in findings] == ["unsourced_claim", "scare_quotes"]
    assert findings[1]["anchor"] == "experts"
    judged = tmp_path / "judged"
    judged.mkdir()
    filled = [{**t, "verdict": v, "reason": "because", "judge": "tester"}
              for t, v in zip(findings, ("true", "false"), strict=True)]
    missed = next(t for t in templates if t.get("missed"))
    s = PAGE.index("About 2,000 residents")
    filled.append({**missed, "check": "vague_sourcing", "evidence": [[s, s + 21]],
                   "anchor": "About 2,000 residents", "reason": "r", "judge": "tester"})
    filled.append({**next(t for t in templates if t.get("reviewed")), "judge": "tester"})
    (judged / "tester.jsonl").write_text("\n".join(map(json.dumps, filled)) + "\n",
                                         encoding="utf-8")

    results, r = score([rep], pages, read_judgments(judged))
    assert (r["overall"]["judged"], r["overall"]["unjudged"], r["overall"]["precision"]) == \
        (2, 0, 0.5)
    assert r["missed"]["still_missed"] == 1 and r["reviewed_pages"] == 1
    # all judged and reviewed: no packet, unless every finding is asked for
    assert write_packets(tmp_path / "again", results) == []
    again = write_packets(tmp_path / "all", results, all_findings=True)
    assert "Judged before: **false** by tester" in again[0].read_text(encoding="utf-8")
