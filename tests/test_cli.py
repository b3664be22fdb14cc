"""The command line: outputs, exit codes, and one-line errors on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from contract import assert_contract
from newsaudit.cli import main
from paths import EXAMPLE

REPO = Path(__file__).resolve().parents[1]


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsaudit", *args], input=stdin, capture_output=True, timeout=120
    )


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, list[str], str]]:
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp / "blank.txt"
    blank.write_bytes(b"  \n\n\t \r\n")
    png = tmp / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    nul = tmp / "nul.txt"
    nul.write_bytes(b"Casualties\x00\x00\x00 rose\x00\x00 to\x00 40" * 20)
    big = tmp / "big.txt"
    big.write_text("Thirty people were hurt in the blast. " * 20, encoding="utf-8")
    long = tmp / "long.txt"
    long.write_text("Thirty people were hurt in the blast on Monday.\n\n" * 22_000, encoding="utf-8")
    return {
        "long-text": (long, [], "characters"),
        "empty": (empty, [], "empty"),
        "whitespace": (blank, [], "empty"),
        "binary-png": (png, [], "binary"),
        "nul-bytes": (nul, [], "binary"),
        "too-large": (big, ["--max-bytes", "100"], "limit"),
        "missing": (tmp / "nope.txt", [], "no such file"),
        "directory": (tmp, [], "directory"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "empty", "whitespace", "binary-png", "nul-bytes", "too-large", "long-text", "missing",
        "directory",
    ],
)
def test_bad_input_gives_one_line_and_exit_2(case, tmp_path, capsys):
    path, extra, reason_word = _bad_inputs(tmp_path)[case]
    code = main(["audit", str(path), *extra])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("newsaudit: ")
    assert str(path) in lines[0]
    assert reason_word in lines[0].lower()
    assert "Traceback" not in err


def test_bad_stdin_exits_2_without_traceback():
    proc = run_cli("audit", "-", stdin=b"")
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.startswith("newsaudit: -: ") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_json_from_stdin_follows_contract():
    page = EXAMPLE.read_bytes().replace(b"\n", b"\r\n")
    proc = run_cli("audit", "-", "--format", "json", stdin=page)
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads(proc.stdout)
    assert_contract(report)
    assert report["document"]["source"] == "-"
    assert "\r" not in report["document"]["text"]
    assert report["document"]["text"] == EXAMPLE.read_text(encoding="utf-8")


def test_text_report_shows_parts_figures_and_sources(capsys):
    assert main(["audit", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "Kordavia Confirms" in out
    for heading in ("Page parts", "Figures", "Who said what", "Claims in the page's own voice"):
        assert heading in out
    assert "at least 120 sailors" in out
    assert "a navy official [official_anonymous] ← The state broadcaster KTV" in out


def test_output_file(tmp_path):
    out = tmp_path / "r.json"
    assert main(["audit", str(EXAMPLE), "--format", "json", "-o", str(out)]) == 0
    assert_contract(json.loads(out.read_text(encoding="utf-8")))


def test_unknown_model_exits_3(capsys):
    assert main(["audit", str(EXAMPLE), "--model", "no_such_pipeline_xyz"]) == 3
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "no_such_pipeline_xyz" in err


CLEAN = REPO / "tests" / "fixtures" / "pages" / "health.txt"


@pytest.mark.parametrize(
    "page, fail_on, code, flags",
    [
        # the example page has problems (figures that cannot all hold) at the checks' own
        # severity; the default audit holds those two checks to info (held_to_info.json)
        (EXAMPLE, "problem", 1, ["--all-findings"]),
        (EXAMPLE, "problem", 0, []),
        (EXAMPLE, "warning", 1, []),
        (CLEAN, "warning", 0, []),  # a clean, well-sourced page: nothing at warning or above
        (CLEAN, "problem", 0, []),
    ],
)
def test_fail_on(page, fail_on, code, flags, capsys):
    assert main(["audit", str(page), "--format", "json", "--fail-on", fail_on, *flags]) == code
    report = json.loads(capsys.readouterr().out)
    severities = {f["severity"] for f in report["findings"]}
    assert ("problem" in severities or (fail_on == "warning" and "warning" in severities)) == (
        code == 1
    )


def test_html_and_markdown_outputs(tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["audit", str(EXAMPLE), "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>") and "Kordavia Confirms" in page
    assert main(["audit", str(EXAMPLE), "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# newsaudit: Kordavia") and "numeric\\_contradiction" in md


def test_config_file_sets_the_checks_and_thresholds(tmp_path, capsys):
    config = tmp_path / "newsaudit.toml"
    config.write_text("[checks]\nrun = ['numeric_contradiction']\n", encoding="utf-8")
    assert main(["audit", str(EXAMPLE), "--format", "json", "--config", str(config)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["findings"] and {f["check"] for f in report["findings"]} == {
        "numeric_contradiction"
    }


def test_environment_sets_a_limit_and_arguments_beat_it(monkeypatch, capsys):
    monkeypatch.setenv("NEWSAUDIT_INPUT_MAX_BYTES", "100")
    assert main(["audit", str(EXAMPLE)]) == 2
    assert "limit is 100 bytes" in capsys.readouterr().err
    monkeypatch.setenv("NEWSAUDIT_CHECKS_RUN", "")
    assert main(["audit", str(EXAMPLE), "--format", "json", "--max-bytes", "100000"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[loaded_language]\nwarning = 0.8\n", "unknown setting 'loaded_language.warning'"),
        ("[checks]\nrun = ['no_such_check']\n", "unknown check 'no_such_check'"),
    ],
)
def test_a_bad_config_file_exits_2_naming_the_key(tmp_path, capsys, text, words):
    config = tmp_path / "newsaudit.toml"
    config.write_text(text, encoding="utf-8")
    assert main(["audit", str(EXAMPLE), "--config", str(config)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith("newsaudit: ") and words in err


def test_a_missing_config_file_exits_2(tmp_path, capsys):
    assert main(["audit", str(EXAMPLE), "--config", str(tmp_path / "none.toml")]) == 2
    assert "settings file not found" in capsys.readouterr().err
