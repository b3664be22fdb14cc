"""`newsaudit eval findings` end to end on a data directory written here: pages are
rebuilt from each dataset by reference, an unreadable page is reported and the run goes
on, and findings judged through the packets stop being listed as unjudged."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from newsaudit.cli import main
from newsaudit.errors import InputNotFound
from newsaudit.evaluation.findings.pages import PageLoader

FAKES = (
    "unit_id,article_title,article_content,source,date,location,labels\n"
    '501,Shelling kills 9 in market,"Mon 06 Mar 2017 Shelling killed 9 people in a crowded '
    "market on Monday the civil defence said. Only the army has artillery in the area. "
    'Witnesses said 14 were hurt.",outlet-a,3/6/2017,idlib,1\n'
)
PTC_ARTICLE = (
    "Mayor vows to fix every pothole\n\n"
    "The mayor promised on Tuesday to fix every pothole in the city by June.\n\n"
    "\"This is a disgrace,\" said Tom Reyes, a taxi driver. Critics call the plan a "
    "\"fantasy\".\n"
)
BODIES = ("Body ID,articleBody\n"
          "8,\"Floodwater closed the main road on Sunday, police said.\"\n"
          "9,\"A sculpture was unveiled in the square.\"\n")
STANCES = ("Headline,Body ID,Stance\n"
           "Stock markets rally,8,unrelated\n"
           "Police: road shut by flood,8,discuss\n"
           "Flood closes main road,8,agree\n"
           "Flood closes main road again,8,agree\n"
           "Sculpture unveiled,9,disagree\n")
CORPUS = (",id,domain,type,url,content,scraped_at,title\n"
          '0,31,example.org,fake,http://example.org/x,"Body line one.\n\nBody line two.",s,'
          "The headline\n"
          '1,32,example.org,fake,http://example.org/y,"Untitled body.",s,\n')
INDEX = {"https://news.example.com/a": {"file": "news.example.com.a.html", "with": [],
                                        "without": []}}
HTML = "<html><body><article><h1>Harbour reopens</h1><p>The harbour reopened.</p></article></body></html>"


def write_data(root: Path) -> Path:
    (root / "fa-kes").mkdir(parents=True)
    (root / "fa-kes" / "FA-KES-Dataset.csv").write_text(FAKES, encoding="utf-8")
    (root / "semeval2020-task11-ptc" / "train-articles").mkdir(parents=True)
    (root / "semeval2020-task11-ptc" / "train-articles" / "article7001.txt").write_text(
        PTC_ARTICLE, encoding="utf-8")
    (root / "fnc1").mkdir()
    (root / "fnc1" / "train_bodies.csv").write_text(BODIES, encoding="utf-8")
    (root / "fnc1" / "train_stances.csv").write_text(STANCES, encoding="utf-8")
    (root / "fakenewscorpus-sample").mkdir()
    (root / "fakenewscorpus-sample" / "news_sample.csv").write_text(CORPUS, encoding="utf-8")
    (root / "trafilatura-eval" / "eval").mkdir(parents=True)
    (root / "trafilatura-eval" / "evaldata.json").write_text(json.dumps(INDEX), encoding="utf-8")
    (root / "trafilatura-eval" / "eval" / "news.example.com.a.html.gz").write_bytes(
        gzip.compress(HTML.encode()))
    return root


def test_references_are_read_into_pages(tmp_path: Path) -> None:
    loader = PageLoader(write_data(tmp_path))
    fakes = loader.load("fa-kes:501")
    assert fakes.fmt == "text" and fakes.data.startswith("Shelling kills 9 in market\n\nMon 06")
    assert loader.load("ptc:7001").data == PTC_ARTICLE
    # the first "agree" headline, before any "discuss" one
    assert loader.load("fnc1:8").data == \
        "Flood closes main road\n\nFloodwater closed the main road on Sunday, police said."
    # the same body under each of its agree or discuss headlines, in file order; the
    # headline "fnc1:8" stands under is not drawn again as one of its others
    assert loader.load("fnc1:8/1").data == \
        "Police: road shut by flood\n\nFloodwater closed the main road on Sunday, police said."
    assert loader.load("fnc1:8/3").data.startswith("Flood closes main road again\n\n")
    assert loader.fnc_headline_refs(8) == ["fnc1:8/1", "fnc1:8/3"]
    for missing in ("fnc1:8/4", "fnc1:8/0", "fnc1:8/x", "fnc1:9/1"):
        with pytest.raises(InputNotFound):
            loader.load(missing)
    assert loader.load("fakenewscorpus:31").data == "The headline\n\nBody line one.\n\nBody line two."
    assert loader.load("fakenewscorpus:32").data == "Untitled body."
    page = loader.load("trafilatura-eval:news.example.com.a.html")
    assert (page.fmt, page.data) == ("html", HTML)
    for missing in ("fnc1:9", "fa-kes:999", "ptc:1", "trafilatura-eval:absent.html"):
        with pytest.raises(InputNotFound):
            loader.load(missing)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["eval", "findings", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_on_a_two_page_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_data(tmp_path / "data")
    sample = tmp_path / "pages.json"
    sample.write_text(json.dumps({"pages": [
        {"page": "fa-kes:501", "split": "dev"},
        {"page": "ptc:7001", "split": "dev"},
        {"page": "fnc1:9", "split": "dev"},  # no headline to stand over it: unreadable
        {"page": "fakenewscorpus:31", "split": "test"},
    ]}), encoding="utf-8")
    judgments = tmp_path / "judgments"
    judgments.mkdir()
    packets = tmp_path / "packets"
    common = ["--data-dir", str(data), "--sample", str(sample), "--judgments", str(judgments)]

    first = run(capsys, *common, "--split", "dev", "--packets", str(packets))
    assert first["pages"] == 2
    assert [u["page"] for u in first["unreadable"]] == ["fnc1:9"]
    o = first["overall"]
    assert o["judged"] == 0 and o["unjudged"] == o["warnings"] + o["problems"]
    assert len(first["unjudged"]) == o["unjudged"]
    # every page is still to be reviewed, so each has a packet
    assert sorted(p.name for p in packets.iterdir()) == \
        ["JUDGING.md", "fa-kes_501.md", "ptc_7001.md"]

    lines = []
    for name in ("fa-kes_501.md", "ptc_7001.md"):
        for raw in re.findall(r"^(\{.*\})$", (packets / name).read_text(encoding="utf-8"), re.M):
            t = json.loads(raw)
            if "verdict" in t:
                lines.append({**t, "verdict": "true", "reason": "r", "judge": "cli-test"})
            elif t.get("reviewed"):
                lines.append({**t, "judge": "cli-test"})
    s = PTC_ARTICLE.index("fix every pothole in the city")
    lines.append({"page": "ptc:7001", "missed": True, "check": "a_kind_no_check_reports",
                  "evidence": [[s, s + 29]], "anchor": "fix every pothole in the city",
                  "reason": "r", "judge": "cli-test"})
    (judgments / "cli-test.jsonl").write_text("\n".join(map(json.dumps, lines)) + "\n",
                                              encoding="utf-8")

    second = run(capsys, *common, "--split", "dev")
    o2 = second["overall"]
    assert (o2["judged"], o2["true"], o2["unjudged"]) == (o["unjudged"], o["unjudged"], 0)
    assert o2["precision"] == (1.0 if o["unjudged"] else None)
    assert second["unjudged"] == [] and second["reviewed_pages"] == 2
    assert second["missed"]["still_missed"] == 1

    assert main(["eval", "findings", *common, "--split", "test"]) == 0
    table = capsys.readouterr().out
    assert "(test split): 1 pages audited, 0 unreadable" in table
    assert "precision" in table and "unjudged warnings and problems" in table


def test_cli_names_a_missing_data_directory(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "findings", "--data-dir", str(tmp_path / "absent")]) == 2
    assert str(tmp_path / "absent") in capsys.readouterr().err
