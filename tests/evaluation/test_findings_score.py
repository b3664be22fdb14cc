"""`newsaudit eval findings` arithmetic on a hand-made judgments directory: precision is
true ÷ judged over warnings and problems, info is counted per page, and missed problems,
vanished judgments, overrides and judgments of unknown pages are each reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit.errors import InputNotFound, MalformedInput
from newsaudit.evaluation.findings.judgments import read_judgments
from newsaudit.evaluation.findings.pages import PageRef
from newsaudit.evaluation.findings.score import format_table, score
from newsaudit.model import Document, Finding, Report, Span

A_TEXT = ("Port strike ends\n\nDockers ended a nine-day strike on Friday. All 40 berths "
          "reopened, the port said. Union leaders were \"satisfied\". Ships queued for days.")
B_TEXT = ("Rain floods valley\n\nHeavy rain flooded 300 homes. The regional council said "
          "120 homes were flooded. Residents blamed \"greedy\" developers.")


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span.of(text, start, start + len(words))


def report(ref: str, text: str, findings: list[tuple[str, str, str]]) -> Report:
    """``findings``: (check, severity, evidence words) triples."""
    made = tuple(Finding(f"f{i}", check, sev, f"message {i}", (span(text, words),))
                 for i, (check, sev, words) in enumerate(findings, 1))
    return Report(document=Document(text, source=ref), segments=(), findings=made)


REPORTS = [
    report("fa-kes:1", A_TEXT, [
        ("unsourced_claim", "warning", "Dockers ended a nine-day strike on Friday."),
        ("loaded_language", "warning", "satisfied"),
        ("numeric_contradiction", "problem", "All 40 berths reopened"),
        ("unsourced_claim", "warning", "Ships queued for days."),
        ("propaganda_technique", "info", "Union leaders"),
    ]),
    report("ptc:9", B_TEXT, [
        ("scare_quotes", "warning", "greedy"),
        ("numeric_contradiction", "warning", "flooded 300 homes"),
    ]),
]
PAGES = [PageRef("fa-kes:1", "dev"), PageRef("ptc:9", "dev")]


def line(text: str, page: str, check: str, words: str, verdict: str, **extra: object) -> str:
    s = text.index(words)
    rec = {"page": page, "check": check, "severity": "warning", "evidence": [[s, s + len(words)]],
           "anchor": words[:60], "message": "as judged", "verdict": verdict,
           "reason": "r", "judge": "t", **extra}
    return json.dumps(rec)


def missed(text: str, page: str, check: str, words: str) -> str:
    s = text.index(words) if words in text else 5
    return json.dumps({"page": page, "missed": True, "check": check,
                       "evidence": [[s, s + len(words)]], "anchor": words, "reason": "r",
                       "judge": "t"})


def judgments_dir(tmp: Path) -> Path:
    d = tmp / "judgments"
    d.mkdir()
    (d / "a-editor.jsonl").write_text("\n".join([
        line(A_TEXT, "fa-kes:1", "unsourced_claim",
             "Dockers ended a nine-day strike on Friday.", "true"),
        line(A_TEXT, "fa-kes:1", "loaded_language", "satisfied", "true"),  # overridden below
        line(A_TEXT, "fa-kes:1", "numeric_contradiction", "All 40 berths reopened", "debatable"),
        line(B_TEXT, "ptc:9", "scare_quotes", "greedy", "true"),
        # a finding the tool no longer reports
        line(B_TEXT, "ptc:9", "unsourced_claim", "Heavy rain flooded 300 homes.", "false"),
        line(B_TEXT, "fa-kes:999", "scare_quotes", "greedy", "true"),  # not in the sample
        "",
        # overlapped by today's numeric_contradiction warning on "flooded 300 homes"
        missed(B_TEXT, "ptc:9", "numeric_contradiction", "Heavy rain flooded 300 homes"),
        missed(B_TEXT, "ptc:9", "figures_do_not_add_up", "120 homes were flooded"),
        missed(B_TEXT, "ptc:9", "vague_sourcing", "according to people familiar"),
        json.dumps({"page": "fa-kes:1", "reviewed": True, "judge": "t"}),
    ]) + "\n", encoding="utf-8")
    (d / "b-recheck.jsonl").write_text(
        line(A_TEXT, "fa-kes:1", "loaded_language", "satisfied", "false") + "\n",
        encoding="utf-8")
    (d / "notes.txt").write_text("not a judgment file", encoding="utf-8")
    return d


def test_precision_and_counts(tmp_path: Path) -> None:
    book = read_judgments(judgments_dir(tmp_path))
    results, r = score(REPORTS, PAGES, book, sample={"fa-kes:1", "ptc:9"})
    o = r["overall"]
    assert (o["warnings"], o["problems"], o["judged"]) == (5, 1, 4)
    assert (o["true"], o["debatable"], o["false"], o["unjudged"], o["info"]) == (2, 1, 1, 2, 1)
    assert o["precision"] == 0.5
    c = r["checks"]
    assert (c["unsourced_claim"]["judged"], c["unsourced_claim"]["unjudged"]) == (1, 1)
    assert c["unsourced_claim"]["precision"] == 1.0
    assert c["loaded_language"]["false"] == 1 and c["loaded_language"]["precision"] == 0.0
    assert c["numeric_contradiction"]["problems"] == 1
    assert c["numeric_contradiction"]["precision"] == 0.0  # debatable is judged, not true
    assert c["toxic_comment"]["precision"] is None  # a check with nothing to judge
    assert r["datasets"]["ptc"]["precision"] == 1.0
    assert r["info_per_page"] == 0.5 and r["info_by_page"] == {"fa-kes:1": 1, "ptc:9": 0}
    assert o["gone"] == {"true": 0, "debatable": 0, "false": 1}
    assert r["missed"]["found"] == 1 and r["missed"]["still_missed"] == 1
    assert r["missed"]["not_located"] == 1
    assert r["missed"]["by_check"]["figures_do_not_add_up"]["still_missed"] == 1
    assert r["reviewed_pages"] == 1 and [x.reviewed for x in results] == [True, False]
    assert r["overridden"] == ["a-editor.jsonl:2"]
    assert r["judgments"]["pages_outside_the_sample"] == ["fa-kes:999"]
    assert r["judgments"]["files"] == ["a-editor.jsonl", "b-recheck.jsonl"]
    assert sorted((u["page"], u["check"], u["anchor"]) for u in r["unjudged"]) == [
        ("fa-kes:1", "unsourced_claim", "Ships queued for days."),
        ("ptc:9", "numeric_contradiction", "flooded 300 homes"),
    ]
    table = format_table({**r, "judgments": {**r["judgments"], "dir": "judgments"}})
    assert "overall" in table and "0.50" in table and "Ships queued for days." in table


def test_judgments_of_several_directories_are_pooled(tmp_path: Path) -> None:
    """The two files of :func:`judgments_dir` split across two directories score as one."""
    from newsaudit.evaluation.findings.judgments import read_books

    whole = judgments_dir(tmp_path)
    other = tmp_path / "later"
    other.mkdir()
    (whole / "b-recheck.jsonl").rename(other / "b-recheck.jsonl")
    _, r = score(REPORTS, PAGES, read_books([whole, other]), sample={"fa-kes:1", "ptc:9"})
    o = r["overall"]
    assert (o["judged"], o["true"], o["debatable"], o["false"]) == (4, 2, 1, 1)
    assert r["overridden"] == ["a-editor.jsonl:2"]
    _, alone = score(REPORTS, PAGES, read_books(whole), sample={"fa-kes:1", "ptc:9"})
    assert alone["checks"]["loaded_language"]["true"] == 1  # the override is in "later"


def test_findings_of_a_declared_kind_are_counted_per_kind(tmp_path: Path) -> None:
    from dataclasses import replace

    a = REPORTS[0]
    kinds = ("figure", None, None, "sweeping", None)  # the two unsourced_claim warnings
    a = replace(a, findings=tuple(replace(f, kind=k) for f, k in zip(a.findings, kinds,
                                                                      strict=True)))
    _, r = score([a, REPORTS[1]], PAGES, read_judgments(judgments_dir(tmp_path)),
                 sample={"fa-kes:1", "ptc:9"})
    assert set(r["kinds"]) == {"unsourced_claim:figure", "unsourced_claim:sweeping"}
    fig, sweep = r["kinds"]["unsourced_claim:figure"], r["kinds"]["unsourced_claim:sweeping"]
    assert (fig["judged"], fig["true"], fig["precision"]) == (1, 1, 1.0)
    assert (sweep["judged"], sweep["unjudged"], sweep["precision"]) == (0, 1, None)
    table = format_table({**r, "judgments": {**r["judgments"], "dir": "judgments"}})
    assert "unsourced_claim:figure" in table and "kind of finding" in table


def test_an_info_finding_judged_when_it_was_a_warning_is_counted_apart(tmp_path: Path) -> None:
    """The shipped audit shows some findings as info that judges saw as warnings (with the
    calibrator off): their verdicts say how good the shown info is, and they stay out of
    the precision of warnings and problems and stay counted as gone from them."""
    d = tmp_path / "j"
    d.mkdir()
    (d / "x.jsonl").write_text("\n".join([
        line(B_TEXT, "ptc:9", "scare_quotes", "greedy", "true"),
        line(B_TEXT, "ptc:9", "unsourced_claim", "Heavy rain flooded 300 homes.", "false"),
    ]) + "\n", encoding="utf-8")
    shown = [report("ptc:9", B_TEXT, [("scare_quotes", "info", "greedy"),
                                      ("loaded_language", "info", "greedy")])]
    _, r = score(shown, [PageRef("ptc:9", "test")], read_judgments(d))
    assert r["info_judged"] == {"true": 1, "debatable": 0, "false": 0}
    assert r["overall"]["judged"] == 0 and r["overall"]["info"] == 2
    assert r["overall"]["gone"] == {"true": 1, "debatable": 0, "false": 1}
    table = format_table({**r, "judgments": {**r["judgments"], "dir": "j"}})
    assert "info findings judged when they were warnings: 1 (1 true, 0 debatable, 0 false)" in table


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ('{"page": "p:1", "check": "c", "severity": "warning", "evidence": [[1, 2]], '
         '"anchor": "a", "verdict": "maybe", "reason": "r", "judge": "t"}',
         "line 2: verdict is 'maybe'"),
        ('{"page": "p:1", "missed": true, "check": "c", "evidence": [], "anchor": "a", '
         '"reason": "r", "judge": "t"}', "line 2: 'evidence' must be a list"),
        ('{"page": "p:1", "check": "c", "severity": "warning", "evidence": [[5, 2]], '
         '"anchor": "a", "verdict": "true", "reason": "r", "judge": "t"}',
         "line 2: 'evidence' must be a list"),
        ('{"page": "p:1", "reviewed": true}', "line 2: 'judge' must be a non-empty string"),
        ("{not json", "line 2: not JSON"),
    ],
)
def test_a_bad_judgment_line_is_named(tmp_path: Path, record: str, reason: str) -> None:
    ok = json.dumps({"page": "p:1", "reviewed": True, "judge": "t"})
    (tmp_path / "j.jsonl").write_text(ok + "\n" + record + "\n", encoding="utf-8")
    with pytest.raises(MalformedInput, match=reason) as err:
        read_judgments(tmp_path)
    assert err.value.source == str(tmp_path / "j.jsonl")


def test_a_missing_judgments_directory_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        read_judgments(tmp_path / "absent")
