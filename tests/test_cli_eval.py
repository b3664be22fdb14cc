"""`newsaudit eval` and `newsaudit train`: a benchmark file that does not parse is an input
error (exit 2, one line naming the file and why), a well-formed one is scored, and every
trainer writes into its model's own directory by default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit.cli import main
from newsaudit.cli_eval import TRAINERS

BODIES = "Body ID,articleBody\n3,\"Heavy rain flooded the old town of Dresden overnight.\"\n"


def fnc1_files(tmp: Path, stances: str) -> list[str]:
    (tmp / "stances.csv").write_text(stances, encoding="utf-8")
    (tmp / "bodies.csv").write_text(BODIES, encoding="utf-8")
    return ["--stances", str(tmp / "stances.csv"), "--bodies", str(tmp / "bodies.csv")]


@pytest.mark.parametrize(
    ("stances", "reason"),
    [
        ("Headline,Body ID,Stance\nRiver floods Dresden,3,agree\nFlood warning,three,agree\n",
         "line 3: Body ID is 'three', expected a whole number"),
        ("Headline,Body ID,Stance\nRiver floods Dresden,8,agree\n",
         "line 2: Body ID 8 is not in bodies.csv"),
        ("Headline,Stance\nRiver floods Dresden,agree\n", "no column 'Body ID'"),
        ("Headline,Body ID\nRiver floods Dresden,3\n", "no Stance column"),
    ],
    ids=["not-a-number", "unknown-body", "missing-column", "unlabelled"],
)
def test_eval_fnc1_on_a_malformed_csv_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stances: str, reason: str
) -> None:
    code = main(["eval", "fnc1", *fnc1_files(tmp_path, stances)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"newsaudit: {tmp_path / 'stances.csv'}: ")
    assert reason in err


def test_eval_fnc1_scores_a_small_labelled_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stances = ("Headline,Body ID,Stance\nDresden old town flooded after heavy rain,3,agree\n"
               "Central bank raises interest rates,3,unrelated\n")
    assert main(["eval", "fnc1", *fnc1_files(tmp_path, stances), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["n_pairs"] == 2
    assert result["confusion"]["labels"] == ["agree", "disagree", "discuss", "unrelated"]
    assert sum(map(sum, result["confusion"]["rows_gold_cols_pred"])) == 2
    # the unrelated headline is called unrelated, so at least its 0.25 of the 1.25 is earned
    assert result["fnc_max"] == 1.25 and result["fnc_score"] >= 0.25


@pytest.mark.parametrize("model", sorted(TRAINERS))
def test_trainers_write_into_their_model_directory(
    model: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["train", model, "--help"])
    assert done.value.code == 0
    # help text is wrapped at spaces and hyphens: compare without white space
    squeezed = "".join(capsys.readouterr().out.split())
    assert f"src/newsaudit/models/{model})" in squeezed


def _redteam_set(tmp: Path) -> Path:
    """Two pages of our own and their key: a clean wire story, and one whose headline toll
    is above every count its body gives."""
    body = ("By Ana Reyes\n\nAt least 21 people died when a ferry capsized off Marsa Point on "
            "Sunday, the coastguard said. Forty people were rescued.\n\nThe ferry was "
            "sailing to the island of Tell.\n")
    pages = {"clean.txt": "Ferry capsizes off Marsa Point, at least 21 dead\n\n" + body,
             "planted.txt": "Ferry capsizes off Marsa Point, 31 dead\n\n" + body}
    (tmp / "pages").mkdir()
    for name, text in pages.items():
        (tmp / "pages" / name).write_text(text, encoding="utf-8")
    key = [{"file": "clean.txt", "clean": True, "problems": [], "traps": [],
            "layout": {"headline": "Ferry capsizes off Marsa Point, at least 21 dead",
                       "comments": [], "captions": []}},
           {"file": "planted.txt", "clean": False,
            "problems": [{"kind": "headline_toll", "evidence": "31 dead", "why": "21 in body"}],
            "traps": [], "layout": {"headline": "Ferry capsizes off Marsa Point, 31 dead",
                                    "comments": [], "captions": []}}]
    (tmp / "answers.jsonl").write_text("".join(json.dumps(k) + "\n" for k in key),
                                       encoding="utf-8")
    return tmp


def test_eval_redteam_counts_alarms_finds_and_layout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "redteam", "--dir", str(_redteam_set(tmp_path)), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["loud_on_clean_pages"], result["planted_found"],
            result["planted_problems"]) == (0, 1, 1)
    assert result["loud_on_planted_evidence"] == result["loud_on_planted_pages"] == 1
    assert result["findings"]["planted"][0]["check"] == "numeric_contradiction"
    assert result["layout"] == {"headline": "2/2"}
    assert result["planted_by_kind"] == {"headline_toll": "1/1/1"}


def test_eval_redteam_without_a_key_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "redteam", "--dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no answers.jsonl" in err and str(tmp_path) in err
