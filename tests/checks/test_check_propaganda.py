"""propaganda_technique: findings on pages written for the check, on the seed, and their
absence on clean pages and in reader comments.

Reports are built stage by stage (as ``pipeline.analyse`` does) and only this check is
run, so every finding here is this check's.
"""

from __future__ import annotations

import random

import pytest

from newsaudit import anatomy, ingest
from newsaudit.checks.propaganda_technique import (
    CHECK,
    _labels,
    article_text,
    check,
    dedupe,
    select,
)
from newsaudit.datafiles import load_json
from newsaudit.model import Finding, Report
from newsaudit.models.propaganda import TechniqueSpan
from newsaudit.settings import Settings
from paths import CHECKS, CLEAN, PAGES, REPO, seed_text
from stages import assert_well_formed, build


@pytest.fixture(scope="module")
def run(nlp):
    def run(text: str) -> tuple[Report, list[Finding]]:
        report, doc = build(nlp, text)
        found = list(check(report, doc))
        assert_well_formed(report, found, CHECK)
        for f in found:
            assert f.severity in ("info", "warning")
            assert f.refs == ()
            assert f.technique and f.technique != "Loaded language"
            assert f.message.startswith(f"Possible {f.technique.lower()}: ")
            for e in f.evidence:
                assert report.document.text[e.start : e.end] == e.text
        return report, found

    return run


def _summary(found: list[Finding]) -> list[tuple[str, str | None, str]]:
    return [(f.severity, f.technique, f.evidence[0].text) for f in found]


def test_editorial_page_fires(run) -> None:
    _, found = run((CHECKS / "propaganda_technique_editorial.txt").read_text(encoding="utf-8"))
    assert _summary(found) == [
        ("warning", "Name calling / labeling", "The Traitors"),
        ("warning", "Name calling / labeling", "the corrupt elites"),
        ("info", "Thought-terminating cliché", "There is no middle ground"),
        (
            "warning",
            "Doubt",
            "But can anyone really trust a man who has lied to voters again and again",
        ),
        # the causal oversimplification (info, 0.2) is left out: one info finding a page
    ]
    assert found[0].message == (
        "Possible name calling / labeling: \u201cThe Traitors\u201d. This matters because it "
        "attaches a label to a person, group or account so the reader dismisses or fears them "
        "without evidence."
    )


def test_comments_never_count_against_the_article(run) -> None:
    text = (CHECKS / "propaganda_technique_comments_only.txt").read_text(encoding="utf-8")
    _, found = run(text)
    assert found == []
    # The same words as a body paragraph are found: the page is a real must-not-fire case.
    comment = text[
        text.index("These corrupt") : text.index("Enough is enough!") + len("Enough is enough!")
    ]
    last = (
        "Residents' associations in the eastern districts had asked for better connections "
        "for several years."
    )
    _, found = run(text.replace(last, comment))
    assert _summary(found) == [
        ("warning", "Name calling / labeling", "These corrupt traitors"),
        ("warning", "Slogan", "Enough is enough"),
    ]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_pages_get_nothing(run, name: str) -> None:
    _, found = run((PAGES / f"{name}.txt").read_text(encoding="utf-8"))
    assert found == []


def test_seed_page(run) -> None:
    """The span detector's own spans on the seed all score under the 0.15 info floor
    (Doubt over "Contrary to Western propaganda, only ..." 0.098; name calling over
    "western support for the 'rebels" 0.083), and the phrase model gives "Western
    propaganda" p < 0.1. The findings come from charged phrases: "propaganda" is flagged by
    the loaded-language tagger and "rebels" is in scare quotes; the technique classifier
    calls both name calling (0.78)."""
    _, found = run(seed_text())
    assert _summary(found) == [
        ("warning", "Name calling / labeling", "Western propaganda"),
        ("warning", "Name calling / labeling", "rebels"),
    ]


def test_harbour_strike_example(run) -> None:
    _, found = run((REPO / "examples" / "harbour-strike.txt").read_text(encoding="utf-8"))
    assert [f for f in found if f.severity != "info"] == []


def test_article_text_blanks_everything_but_the_article(nlp) -> None:
    text = "Storm Hits Coast\n\nWinds tore roofs off homes.\n\nComments\n\n  1. Awful traitors!\n"
    page = anatomy.refine(ingest.load_page(text), nlp(text))
    report = Report(document=page.document, segments=page.segments)
    masked = article_text(report)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]
    assert masked.startswith("Storm Hits Coast\n\nWinds tore roofs off homes.")
    assert "traitors" not in masked


def _sp(start: int, end: int, technique: str, score: float) -> TechniqueSpan:
    return TechniqueSpan(start, end, technique, score)


@pytest.mark.parametrize(
    ("spans", "kept"),
    [
        # a phrase nested in a longer span of another technique: both stay
        (
            [_sp(0, 50, "Doubt", 0.4), _sp(10, 20, "Name_Calling,Labeling", 0.3)],
            [_sp(0, 50, "Doubt", 0.4), _sp(10, 20, "Name_Calling,Labeling", 0.3)],
        ),
        # same technique overlapping: the more confident wins
        ([_sp(0, 10, "Doubt", 0.2), _sp(5, 30, "Doubt", 0.5)], [_sp(5, 30, "Doubt", 0.5)]),
        # different techniques crossing each other: the more confident wins
        ([_sp(0, 10, "Slogans", 0.6), _sp(5, 30, "Doubt", 0.5)], [_sp(0, 10, "Slogans", 0.6)]),
        (
            [_sp(0, 10, "Slogans", 0.6), _sp(10, 30, "Doubt", 0.5)],
            [_sp(0, 10, "Slogans", 0.6), _sp(10, 30, "Doubt", 0.5)],
        ),
    ],
)
def test_dedupe(spans: list[TechniqueSpan], kept: list[TechniqueSpan]) -> None:
    assert sorted(dedupe(spans)) == kept


def test_dedupe_on_a_long_page_keeps_what_a_scan_keeps() -> None:
    """Kept spans are looked up by offset; the result is the one comparing every span
    with every kept one gives, spans crossing the lookup's buckets included."""

    def scan(spans: list[TechniqueSpan]) -> list[TechniqueSpan]:
        kept: list[TechniqueSpan] = []
        for sp in sorted(spans, key=lambda s: (-s.score, s.start, s.end)):
            if not any(
                sp.start < k.end and k.start < sp.end
                and (k.technique == sp.technique
                     or not ((k.start <= sp.start and sp.end <= k.end)
                             or (sp.start <= k.start and k.end <= sp.end)))
                for k in kept
            ):
                kept.append(sp)
        return kept

    gen = random.Random(11)
    techniques = ["Doubt", "Slogans", "Name_Calling,Labeling"]
    spans = []
    for _ in range(600):
        start = gen.randrange(20_000)
        spans.append(_sp(start, start + gen.choice([0, 3, 40, 300, 1500]),
                         gen.choice(techniques), round(gen.random(), 2)))
    assert dedupe(spans) == scan(spans)


def test_select_caps_and_skips_loaded_language() -> None:
    cfg = load_json("propaganda.techniques.json")
    spans = [_sp(100 * i, 100 * i + 10, "Name_Calling,Labeling", 0.5 + i / 100) for i in range(6)]
    spans += [_sp(1000 + 100 * i, 1000 + 100 * i + 10, "Doubt", 0.4) for i in range(6)]
    spans += [_sp(5000, 5010, "Loaded_Language", 0.9), _sp(6000, 6010, "Slogans", 0.1)]
    limits = Settings.defaults().propaganda_technique
    got = select(spans, cfg, limits)
    assert len(got) == 6 <= limits.max_per_page
    assert [s.start for s in got if s.technique == "Name_Calling,Labeling"] == [300, 400, 500]
    assert sum(s.technique == "Doubt" for s in got) == 3
    assert all(s.technique not in ("Loaded_Language", "Slogans") for s in got)
    assert got == sorted(got)


VOICE = [
    # a speaker's doubt in a quotation is theirs, not the page's technique
    ("“Can anyone really trust a man who has lied to voters again and again?” the rival "
     "candidate asked the crowd on Monday.", []),
    # name calling labels someone: a phrase about a thing is description
    ("The museum lost priceless artifacts and a gruelling tour of the ruins was cancelled.", []),
]


@pytest.mark.parametrize(("body", "expected"), VOICE)
def test_own_voice_only(run, body: str, expected: list[tuple[str, str | None, str]]) -> None:
    _, found = run(f"Border News\n\n{body}\n")
    assert [x for x in _summary(found) if x[0] == "warning"] == expected


def test_a_speakers_technique_is_theirs(run) -> None:
    """The editorial page's doubt fires in the page's voice and not inside a quotation."""
    text = (CHECKS / "propaganda_technique_editorial.txt").read_text(encoding="utf-8")
    doubt = "But can anyone really trust a man who has lied to voters again and again"
    assert f"{doubt}?" in text
    quoted = text.replace(f"{doubt}?", f"“Can{doubt[7:]}?” the rival candidate asked.")
    _, found = run(quoted)
    assert "Doubt" not in [t for sev, t, _ in _summary(found) if sev == "warning"]


def test_chunks_of_hot_sentences_are_the_docs_noun_chunks_there(nlp) -> None:
    """The phrase candidates come from the noun-chunk iterator run on the sentences with
    a hot token only (issue 10): they must be the whole doc's noun chunks in those
    sentences, no more and no fewer, and none when nothing is hot."""
    from newsaudit.checks.propaganda_technique import _chunker

    text = (
        "Ministers blamed the corrupt elite for the crisis. The weather stayed mild all "
        "week. Opposition leaders and their loyal supporters rejected the new budget plan."
    )
    page = ingest.load_page(text)
    doc = nlp(text)
    chunks = _chunker(doc, Report(page.document, page.segments))
    assert chunks is not None
    sents = list(doc.sents)
    assert len(sents) == 3
    every = [(nc.start_char, nc.end_char) for nc in doc.noun_chunks]
    assert chunks([(t.idx, t.idx + len(t)) for t in doc]) == every
    hot = [(sents[0][1].idx, sents[0][1].idx + 7), (sents[2][0].idx, sents[2][0].idx + 10)]
    expected = [c for c in every if c[0] < sents[1].start_char or c[0] >= sents[2].start_char]
    assert chunks(hot) == expected
    assert [text[a:b] for a, b in expected] == [
        "Ministers", "the corrupt elite", "the crisis", "Opposition leaders",
        "their loyal supporters", "the new budget plan",
    ]
    assert chunks([]) == []


RADIO = (
    "Market Vote Delayed\n\nThe mayor took questions on the radio on Monday.\n"
    "HOST: Are the markets safe?\nJANE ROE, MAYOR OF SPRINGFIELD: Not yet.\n"
    "HOST: What will you do?\nJANE ROE, MAYOR OF SPRINGFIELD: We will hire more police.\n"
    "HOST: You are so good at this.\n{line}\n\nThe council will vote on Friday.\n"
)


def test_transcript_answers_are_the_speakers(run) -> None:
    """A speaker label may carry a title after a comma, and a last answer runs on in
    lines that address someone ("You are ...", capitalised or not): the host's words,
    not the page's name calling."""
    _, found = run(RADIO.format(line="You are a shameless optimist."))
    assert _summary(found) == []


def test_the_page_s_own_line_after_a_transcript_still_fires(run) -> None:
    _, found = run(RADIO.format(line="") + "The mayor is a shameless optimist.\n")
    assert _summary(found) == [("warning", "Name calling / labeling", "a shameless optimist")]


LABELS = [
    # a plain noun for a person with words that only describe them
    ("Police are hunting for a homeless man who fled the depot.", "a homeless man", False),
    ("The devastated woman spoke to reporters outside.", "The devastated woman", False),
    # ... unless one of its words is itself a label
    ("Police are hunting for a corrupt man who fled the depot.", "a corrupt man", True),
    # a phrase that calls a story or a site false labels no one
    ("Readers soon saw that the story was a hoax.", "a hoax", False),
    ("The report on the fake website spread within hours.", "the fake website", False),
    ("The liars on the council met again on Monday.", "The liars", True),
    # ... unless it says whose account it is
    ("Voters were misled by Northern propaganda for years.", "Northern propaganda", True),
    ("Voters were misled by state propaganda for years.", "state propaganda", False),
    # a list whose commas were lost is no phrase
    ("The war pits the army militias extremists and farmers against each other.",
     "the army militias extremists", False),
    ("The thugs on the council met again on Monday.", "The thugs", True),
]


@pytest.mark.parametrize(("sentence", "phrase", "labels"), LABELS)
def test_name_calling_labels_someone(nlp, sentence: str, phrase: str, labels: bool) -> None:
    doc = nlp(sentence)
    start = sentence.index(phrase)
    sp = TechniqueSpan(start, start + len(phrase), "Name_Calling,Labeling", 0.9)
    assert _labels(sp, doc) is labels
    assert _labels(TechniqueSpan(sp.start, sp.end, "Doubt", 0.9), doc) is True
