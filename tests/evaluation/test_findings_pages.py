"""The shipped page sample: at least 150 real pages from the five datasets, split half
and half within each, and drawn again to the same list from the data by its own rules."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from newsaudit.errors import MalformedInput
from newsaudit.evaluation.findings.pages import DATASETS, SAMPLE, parse_ref, read_sample, select
from newsaudit.evaluation.findings.sample import (
    COUNTS,
    draw,
    draw_more,
    draw_other_headlines,
    english_share,
    split,
)
from paths import DATA


def test_the_sample_covers_every_dataset_half_dev_half_test() -> None:
    pages = read_sample()
    assert len(pages) >= 150
    per = Counter((p.dataset, p.split) for p in pages)
    assert set(COUNTS) <= set(DATASETS)
    for dataset in COUNTS:  # the five datasets the sample is drawn from
        dev, test = per[(dataset, "dev")], per[(dataset, "test")]
        assert dev >= 15 and abs(dev - test) <= 1, dataset
    assert len(select(pages, "dev")) + len(select(pages, "test")) == len(select(pages, "all"))


def test_the_sample_is_drawn_again_by_its_rules() -> None:
    if not (DATA / "fa-kes").is_dir():
        pytest.skip(f"public datasets not found at {DATA}: this test needs ../shared/data/")
    refs = draw(DATA)
    stored = read_sample()
    assert refs == [p.ref for p in stored]
    assert split(refs) == {p.ref: p.split for p in stored}


@pytest.mark.parametrize(("name", "before", "scale"), [
    ("calibration-sample.json", ("pages.json", "fresh-sample.json"), 2),
    ("calibration-sample-2.json",
     ("pages.json", "fresh-sample.json", "calibration-sample.json"), 3),
])
def test_a_calibration_sample_is_drawn_again_and_shares_no_page(name, before, scale) -> None:
    """The calibrator's training pages are the next pages by the same rule, and none of
    them is a page the findings are measured on (the judged sample or the fresh one)."""
    if not (DATA / "fa-kes").is_dir():
        pytest.skip(f"public datasets not found at {DATA}: this test needs ../shared/data/")
    here = SAMPLE.parent
    earlier = [p.ref for b in before for p in read_sample(here / b)]
    stored = read_sample(here / name)
    counts = Counter(p.dataset for p in stored)
    assert [p.ref for p in stored] == draw_more(DATA, earlier, dict(counts), scale)
    assert not {p.ref for p in stored} & set(earlier)
    assert {p.split for p in stored} == {"dev"} and len(stored) >= 90


def test_the_split_is_decided_by_hash_not_by_order() -> None:
    refs = [f"fnc1:{i}" for i in range(10)] + ["ptc:1", "ptc:2", "ptc:3"]
    splits = split(refs)
    assert split(list(reversed(refs))) == splits
    assert Counter(v for r, v in splits.items() if r.startswith("fnc1")) == {"dev": 5, "test": 5}
    assert Counter(v for r, v in splits.items() if r.startswith("ptc")) == {"dev": 2, "test": 1}


def test_english_share_needs_english_function_words() -> None:
    assert english_share("The council said that the bridge was closed for the winter.") > 0.3
    assert english_share("Der Rat sagte, dass die Brücke im Winter nicht offen ist.") == 0.0


@pytest.mark.parametrize(
    ("pages", "reason"),
    [
        ([{"page": "nowhere:1", "split": "dev"}], "page 1: 'nowhere:1' is not a page reference"),
        ([{"page": "ptc:1", "split": "train"}], "page 1 \\(ptc:1\\): split is 'train'"),
        ([{"page": "ptc:1", "split": "dev"}, {"page": "ptc:1", "split": "test"}],
         "page 2: ptc:1 repeats"),
    ],
)
def test_a_bad_sample_file_is_named(tmp_path: Path, pages: list, reason: str) -> None:
    path = tmp_path / "pages.json"
    path.write_text(json.dumps({"pages": pages}), encoding="utf-8")
    with pytest.raises(MalformedInput, match=reason):
        read_sample(path)


def test_references_name_a_dataset_and_an_id() -> None:
    assert parse_ref("trafilatura-eval:bbc.com.52241221.html") == \
        ("trafilatura-eval", "bbc.com.52241221.html")
    assert SAMPLE.name == "pages.json"
    with pytest.raises(ValueError):
        parse_ref("fa-kes:")


_EARLIER_6 = ("pages.json", "calibration-sample.json", "calibration-sample-2.json",
              "fresh-sample.json", "fresh-sample-2.json", "fresh-sample-3.json",
              "fresh-sample-4.json", "fresh-sample-5.json")


#: The fresh samples drawn after the per-kind gate, each with its counts per dataset and
#: draw scale: 6 measures the per-kind gate, 7 adds war and casualty news for the opened
#: headline kind, 8 is the final shipped audit of 2026-12-05 (no kind open), 9 that of
#: stop 22 (FakeNewsCorpus had only 18 pages left to draw), 10 that of stop 23 (FA-KES and
#: FakeNewsCorpus have no test page left to draw).
_LATER_FRESH = (
    ("fresh-sample-6.json", {"fa-kes": 60, "fnc1": 40, "ptc": 10, "fakenewscorpus": 10}, 8),
    ("fresh-sample-7.json", {"fa-kes": 300, "fnc1": 100}, 30),
    ("fresh-sample-8.json", {"fa-kes": 100, "fnc1": 200, "ptc": 30, "fakenewscorpus": 70}, 30),
    ("fresh-sample-9.json", {"fa-kes": 100, "fnc1": 200, "ptc": 30, "fakenewscorpus": 18}, 40),
    ("fresh-sample-10.json", {"fnc1": 250, "ptc": 60}, 40),
    # every test page left (FNC-1 had 4, PTC 227); from here on dev-pool-9 is excluded too
    ("fresh-sample-11.json", {"fnc1": 4, "ptc": 227}, 40),
    # the FNC-1 pages no list held at scale 60 (between 11's draw and dev-pool-9's far end)
    ("fresh-sample-12.json", {"fnc1": 98}, 60),
)
#: The fresh samples drawn after dev-pool-9.json, which they exclude as well.
_AFTER_DEV_POOL = frozenset({"fresh-sample-11.json", "fresh-sample-12.json"})


@pytest.mark.parametrize("n", range(len(_LATER_FRESH)), ids=lambda n: _LATER_FRESH[n][0])
def test_a_later_fresh_sample_is_drawn_again_and_shares_no_page(n: int) -> None:
    """Each later fresh sample is the next pages by the same rule, none of them a page of
    an earlier list (every dev page tuned on, every earlier fresh page)."""
    if not (DATA / "fa-kes").is_dir():
        pytest.skip(f"public datasets not found at {DATA}: this test needs ../shared/data/")
    here = SAMPLE.parent
    name, want, scale = _LATER_FRESH[n]
    lists = (*_EARLIER_6, *(f for f, _, _ in _LATER_FRESH[:n]))
    if name in _AFTER_DEV_POOL:
        lists = (*lists, "dev-pool-9.json")
    earlier = [p.ref for b in lists for p in read_sample(here / b)]
    stored = read_sample(here / name)
    counts = Counter(p.dataset for p in stored)
    assert counts == want
    assert [p.ref for p in stored] == draw_more(DATA, earlier, dict(counts), scale)
    assert not {p.ref for p in stored} & set(earlier)
    assert {p.split for p in stored} == {"test"}


def test_the_dev_pool_is_drawn_again_from_the_far_end_of_the_order() -> None:
    """dev-pool-9.json: the FA-KES and FNC-1 pages of no earlier list, the last 300 of each
    in the sampler's order (at scale 60), so that fresh test draws, which take the
    order from its start, reach them last; and none is a page of any other list."""
    if not (DATA / "fa-kes").is_dir():
        pytest.skip(f"public datasets not found at {DATA}: this test needs ../shared/data/")
    here = SAMPLE.parent
    others = (*_EARLIER_6, *(f for f, _, _ in _LATER_FRESH if f not in _AFTER_DEV_POOL))
    listed = {p.ref for f in others for p in read_sample(here / f)}
    left = [r for r in draw(DATA, scale=60) if r not in listed]
    want = [r for r in left if r.startswith("fa-kes:")][-300:] + \
        [r for r in left if r.startswith("fnc1:")][-300:]
    stored = read_sample(here / "dev-pool-9.json")
    assert [p.ref for p in stored] == want
    assert {p.split for p in stored} == {"dev"}


def test_the_rejudging_sample_is_the_pages_judged_checks_alone_in_samples_10_and_11() -> None:
    """rejudge-sample-12.json: exactly the test pages whose findings the judges of fresh
    samples 10 and 11 judged, in the order they were judged, so that stop 25's audit of
    them is measured against what was judged there and only the new findings are new."""
    from newsaudit.evaluation.findings.judgments import read_judgments

    here = SAMPLE.parent
    judged: list[str] = []
    for name in ("fresh-judgments-10", "fresh-judgments-11"):
        for j in read_judgments(here / name).judged:
            if j.page not in judged:
                judged.append(j.page)
    stored = read_sample(here / "rejudge-sample-12.json")
    assert {p.ref for p in stored} == set(judged) and len(stored) == len(judged) == 42
    assert {p.split for p in stored} == {"test"}
    fresh = {p.ref for f in ("fresh-sample-10.json", "fresh-sample-11.json")
             for p in read_sample(here / f)}
    assert {p.ref for p in stored} <= fresh


def test_dev_pool_13_is_every_text_page_no_other_list_holds() -> None:
    """dev-pool-13.json: the pages the sampler's filters never draw (FNC-1 bodies outside
    its length and content rules, FakeNewsCorpus rows beyond its per-domain caps, the last
    FA-KES rows), all dev, so that no fresh test draw can ever take one; its judges saw
    findings from rules none of its pages was looked at for."""
    if not (DATA / "fa-kes").is_dir():
        pytest.skip(f"public datasets not found at {DATA}: this test needs ../shared/data/")
    from newsaudit.evaluation.findings.pages import PageLoader

    here = SAMPLE.parent
    listed = {p.ref for f in here.glob("*.json") if f.name != "dev-pool-13.json"
              for p in read_sample(f)}
    want = [r for r in PageLoader(DATA).text_refs() if r not in listed]
    stored = read_sample(here / "dev-pool-13.json")
    assert [p.ref for p in stored] == want
    assert {p.split for p in stored} == {"dev"}
    assert Counter(p.dataset for p in stored) == {"fnc1": 361, "fakenewscorpus": 56,
                                                  "fa-kes": 16}


def test_test_pool_14_is_test_pages_of_other_lists_each_judged() -> None:
    """test-pool-14.json: the test pages of the other lists on which headline_unsupported
    warned (redrawing it audits 2,134 pages: ``python -m newsaudit.evaluation.findings.pool
    --check headline_unsupported --split test``); its judges judged the check's every
    finding there and nothing else."""
    from newsaudit.evaluation.findings.judgments import read_judgments

    here = SAMPLE.parent
    stored = read_sample(here / "test-pool-14.json")
    assert {p.split for p in stored} == {"test"} and len(stored) == 134
    tests = {p.ref for f in here.glob("*.json") if f.name != "test-pool-14.json"
             for p in read_sample(f) if p.split == "test"}
    assert {p.ref for p in stored} <= tests
    book = read_judgments(here / "pool-judgments-14")
    assert len(book.judged) == 133 and not book.missed and not book.reviewed
    assert {j.check for j in book.judged} == {"headline_unsupported"}
    assert {j.page for j in book.judged} <= {p.ref for p in stored}


def test_dev_pool_15_is_every_basil_article_and_polnear_train_text() -> None:
    """dev-pool-15.json: US political news from two corpora no other list reads (all 300
    BASIL articles, all 840 PolNeAR train texts), all dev: pages heavy with attributed
    statements, where the checks that warn as shipped can be judged on dev."""
    if not (DATA / "basil").is_dir() or not (DATA / "polnear").is_dir():
        pytest.skip(f"BASIL or PolNeAR not found under {DATA}: this test needs ../shared/data/")
    from newsaudit.evaluation.findings.pages import PageLoader

    here = SAMPLE.parent
    stored = read_sample(here / "dev-pool-15.json")
    assert [p.ref for p in stored] == PageLoader(DATA).political_refs()
    assert {p.split for p in stored} == {"dev"}
    assert Counter(p.dataset for p in stored) == {"basil": 300, "polnear": 840}
    others = {p.ref for f in here.glob("*.json") if f.name != "dev-pool-15.json"
              for p in read_sample(f)}
    assert not others & {p.ref for p in stored}


def test_basil_and_polnear_pages_are_their_title_then_their_paragraphs() -> None:
    if not (DATA / "basil").is_dir() or not (DATA / "polnear").is_dir():
        pytest.skip(f"BASIL or PolNeAR not found under {DATA}: this test needs ../shared/data/")
    from newsaudit.errors import InputNotFound
    from newsaudit.evaluation.findings.pages import PageLoader

    loader = PageLoader(DATA)
    basil = loader.load("basil:2010/2b95d2cf-e979-4f9c-ae27-9a5370934f23_1")
    assert basil.fmt == "text"
    assert basil.data.startswith("Michael Steele Criticized for Afghanistan Comments\n\n"
                                 "WASHINGTON — Michael Steele, chairman of the Republican")
    assert "\n\n“This is not something the United States" in basil.data
    name = "breitbart_2015-11-11_the-ninth-circle-the-hellish-vie"
    polnear = loader.load(f"polnear:{name}")
    assert polnear.data.startswith("The Ninth Circle: The Hellish View from Inside the Beltway")
    for bad in ("basil:2010/nothing_1", "basil:../x", f"polnear:../dev/text/{name}",
                "polnear:nothing"):
        with pytest.raises(InputNotFound):
            loader.load(bad)


def test_dev_pools_38_are_dev_bodies_under_their_other_headlines() -> None:
    """dev-pool-38.json and dev-pool-38b.json: FNC-1 bodies of the dev pages of every
    other list, each under another of its agree or discuss headlines, the first 1,200 and
    the next 2,400 of one draw by the same rule; no body of a test page is among them, so
    headlines no rule was written on are judged on dev."""
    if not (DATA / "fnc1").is_dir():
        pytest.skip(f"public datasets not found at {DATA}: this test needs ../shared/data/")
    here = SAMPLE.parent
    pools = ("dev-pool-38.json", "dev-pool-38b.json")
    lists = [p for f in sorted(here.glob("*.json")) if f.name not in pools
             for p in read_sample(f)]
    first, then = (read_sample(here / name) for name in pools)
    drawn = draw_other_headlines(DATA, lists, 3600)
    assert [p.ref for p in first] == drawn[:1200]
    assert [p.ref for p in then] == drawn[1200:]
    assert {p.split for p in (*first, *then)} == {"dev"}
    test_bodies = {p.ref for p in lists if p.split == "test" and p.dataset == "fnc1"}
    assert not {p.ref.partition("/")[0] for p in (*first, *then)} & test_bodies
