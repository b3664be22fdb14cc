"""The severity calibrator: what it does to warnings on pages written for these tests, the
notice and the switch that turn it off, its artifact and card, and a deterministic trainer."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsaudit.auditor import Auditor
from newsaudit.calibration import WITHHELD, page_sentences
from newsaudit.errors import ModelError
from newsaudit.evaluation.findings.judgments import anchor_of
from newsaudit.evaluation.findings.pages import read_sample
from newsaudit.models.severity import read_model
from newsaudit.models.severity.corpus import Audited, examples
from newsaudit.models.severity.features import feature_names, featurise, finding_kind
from newsaudit.models.severity.runtime import SPEC
from newsaudit.models.severity.train import (
    JUDGMENTS,
    SAMPLES,
    build,
    check_threshold,
    choose_threshold,
)
from newsaudit.settings import Settings
from paths import REPO

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "severity"
PACKAGE_DATA = Path(str(SPEC.packaged()))


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def auditors() -> tuple[Auditor, Auditor]:
    """(calibrated, everything): the packaged defaults, and the same with it switched off."""
    on = Auditor(settings=Settings.defaults())
    off = Auditor(settings=Settings.defaults().merged({"severity.calibrate": "off"}))
    return on, off


def _loud(report, check: str | None = None) -> list[str]:
    return [f.evidence[0].text for f in report.findings
            if f.severity != "info" and (check is None or f.check == check)]


# ------------------------------------------------------------------ behaviour on pages


def test_a_sourced_wire_story_draws_no_unsourced_warning(auditors):
    on, off = auditors
    text = _read("wire_sourced.txt")
    # the check alone flags the toll in the sentence after the police chief's ...
    assert [t[:22] for t in _loud(off.audit(text), "unsourced_claim")] == ["Twelve people were kil"]
    # ... which the calibrator does not let through on a page sourced throughout
    report = on.audit(text)
    assert _loud(report, "unsourced_claim") == []
    assert [n.code for n in report.notices] == [WITHHELD]


def test_a_partisan_pages_own_voice_labels_stay_warnings(auditors):
    on, off = auditors
    text = _read("partisan_label.txt")
    everything = off.audit(text)
    calibrated = on.audit(text)
    labels = {"thugs", "so-called", "spin"}
    assert labels <= set(_loud(everything, "loaded_language"))
    assert labels <= set(_loud(calibrated, "loaded_language"))
    assert calibrated.notices == ()


def test_the_notice_counts_what_was_withheld(auditors):
    on, off = auditors
    text = _read("wire_sourced.txt")
    everything, calibrated = off.audit(text), on.audit(text)
    kept = {(f.check, f.evidence[0].start) for f in calibrated.findings}
    gone = [f for f in everything.findings if (f.check, f.evidence[0].start) not in kept]
    (notice,) = calibrated.notices
    assert notice.message.startswith(f"{len(gone)} possible finding")
    assert "--all-findings" in notice.message
    assert [f.id for f in calibrated.findings] == [f"f{i}" for i in
                                                  range(1, len(calibrated.findings) + 1)]


def test_a_run_of_some_checks_is_not_calibrated(auditors):
    """Its features count the other checks' findings: a run of one check is left alone."""
    on, off = auditors
    text = _read("wire_sourced.txt")
    one = on.audit(text, checks=["unsourced_claim"])
    assert _loud(one) == _loud(off.audit(text, checks=["unsourced_claim"]))
    assert one.notices == ()


def test_withheld_warnings_do_not_become_info_wholesale(auditors):
    on, off = auditors
    text = _read("wire_sourced.txt")
    info = [f for f in on.audit(text).findings if f.severity == "info"]
    assert not any(f.check == "unsourced_claim" for f in info)
    assert len(info) <= len([f for f in off.audit(text).findings if f.severity == "info"]) + 1


def test_the_cli_flag_shows_every_finding(tmp_path):
    page = tmp_path / "wire.txt"
    page.write_text(_read("wire_sourced.txt"), encoding="utf-8")

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "newsaudit", "audit", str(page),
                               "--format", "json", *extra],
                              capture_output=True, text=True, timeout=300)

    calibrated, everything = run(), run("--all-findings")
    assert calibrated.returncode == everything.returncode == 0
    assert "possible finding" in calibrated.stderr and "--all-findings" in calibrated.stderr
    assert everything.stderr == ""
    a, b = json.loads(calibrated.stdout), json.loads(everything.stdout)
    assert [n["code"] for n in a["notices"]] == [WITHHELD] and b["notices"] == []
    assert len(b["findings"]) > len(a["findings"])


# ------------------------------------------------------------------ artifact and card


def test_the_artifact_loads_and_its_card_matches():
    model = read_model()
    card = json.loads((PACKAGE_DATA / SPEC.card).read_text(encoding="utf-8"))
    assert card["features"]["names"] == list(feature_names(model.kinds))
    assert model.coef.shape == model.mean.shape == (len(card["features"]["names"]),)
    assert 0.0 < model.threshold < 1.0 and model.threshold == card["threshold"]["probability"]
    assert set(model.muted) | set(model.per_check) == set(card["threshold"]["checks"])
    # trained on dev pages only: the data it names, and none of the test split
    assert card["data"]["split"] == "dev only"
    assert card["data"]["samples"] == [str(p.relative_to(REPO / "src")) for p in SAMPLES]
    test_pages = {p.ref for p in read_sample(SAMPLES[0]) if p.split == "test"}
    assert all(p.split == "dev" for p in read_sample(SAMPLES[1]))
    assert test_pages and not test_pages & {p.ref for p in read_sample(SAMPLES[1])}
    per_check = card["cv"]["per_check"]
    assert {c for c, r in per_check.items() if r["calibrated"]} == set(card["threshold"]["checks"])


def test_a_card_for_other_features_is_refused(tmp_path):
    for name in (SPEC.arrays, SPEC.card):
        shutil.copy(PACKAGE_DATA / name, tmp_path / name)
    card = json.loads((tmp_path / SPEC.card).read_text(encoding="utf-8"))
    card["features"]["names"] = card["features"]["names"][:-1]
    (tmp_path / SPEC.card).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="other features"):
        read_model(tmp_path)


# ------------------------------------------------------------------ training


@pytest.mark.parametrize(
    ("p", "y", "target", "expected"),
    [
        # precision 0.8 reachable: the lowest threshold that keeps it
        ([0.9, 0.8, 0.7, 0.6, 0.5, 0.4], [1, 1, 1, 1, 0, 0], 0.8, 0.5),
        # out of reach at a useful recall: the best precision that keeps a quarter
        ([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2], [0, 1, 1, 0, 0, 1, 0, 0], 0.8, 0.7),
    ],
)
def test_choose_threshold(p, y, target, expected):
    t, _ = choose_threshold(np.array(p), np.array(y), target=target)
    assert t == expected


def test_a_check_without_a_useful_precision_is_muted():
    p = np.array([0.9, 0.8, 0.7, 0.6])
    assert check_threshold(p, np.array([0, 1, 0, 0]), 0.5) is None  # never 0.6
    assert check_threshold(p, np.array([1, 1, 0, 0]), 0.5) == 0.7  # 2 of 3 kept are true
    assert check_threshold(p, np.array([1, 1, 0, 0]), 0.85) == 0.9  # never under the overall


def _tiny_training_set(auditors) -> tuple[list[Audited], Path]:
    """Pages written for the tests with several warnings, audited with the calibrator
    off, and judgments made up for their warnings (every other one true), written as the
    judges write them."""
    _, off = auditors
    pages: list[Audited] = []
    lines: list[str] = []
    for n, name in enumerate(sorted(p.name for p in FIXTURES.glob("*.txt"))):
        report = off.audit(_read(name), source=f"fixture:{n}")
        if sum(f.severity == "warning" for f in report.findings) < 2:
            continue
        sentences = tuple(page_sentences(off.nlp(report.document.text)))
        pages.append(Audited(f"fixture:{n}", report, sentences))
        for k, f in enumerate(x for x in report.findings if x.severity == "warning"):
            lines.append(json.dumps({
                "page": f"fixture:{n}", "check": f.check, "severity": f.severity,
                "evidence": [[e.start, e.end] for e in f.evidence],
                "anchor": anchor_of(f.evidence[0].text), "message": f.message,
                "verdict": "true" if k % 2 == 0 else "false", "reason": "made up",
                "judge": "test"}))
    return pages, "\n".join(lines) + "\n"


def test_training_on_a_tiny_judged_set_is_deterministic(auditors, tmp_path):
    pages, lines = _tiny_training_set(auditors)
    (tmp_path / "judge.jsonl").write_text(lines, encoding="utf-8")
    judged = examples(pages, [tmp_path])
    assert len(judged) == lines.count("\n") and {e.label for e in judged} == {0, 1}
    first = build(pages, judged, folds=2, repeats=2, min_kind=1)
    second = build(pages, judged, folds=2, repeats=2, min_kind=1)
    for key in first[0]:
        assert np.array_equal(first[0][key], second[0][key]), key
    assert first[1] == second[1]
    kinds = first[1]["features"]["kinds"]
    assert all(k.partition(":")[2] for k in kinds)
    # every row of the page is the calibrator's view of one of its warnings
    index, rows = featurise(pages[0].report, pages[0].sentences, kinds)
    assert rows.shape == (len(index), len(feature_names(kinds)))
    assert all(pages[0].report.findings[i].severity == "warning" for i in index)


def test_finding_kind_reads_structure():
    from newsaudit.model import Finding, Span

    ev = (Span(0, 4, "text"), Span(5, 9, "more"))
    assert finding_kind(Finding("f1", "unsourced_claim", "warning", "m", ev, ("c1", "q2"))) == "cqm"
    assert finding_kind(Finding("f1", "propaganda_technique", "warning", "m", ev[:1],
                                technique="Doubt")) == "t"
    assert finding_kind(Finding("f1", "loaded_language", "warning", "m", ev[:1])) == "-"


def test_the_judgment_directories_are_the_repositorys():
    assert [p.name for p in JUDGMENTS] == ["judgments", "calibration-judgments"]
    assert all(p.is_dir() for p in JUDGMENTS)
