"""loaded_language: exact findings on the seed, the example page and pages written for it,
and the own-voice rules (the tagger itself is tested in tests/models/test_loaded.py)."""

from __future__ import annotations

import pytest

from newsaudit import audit
from paths import CHECKS, EXAMPLE, PAGES, seed_text


def loaded(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    report = audit(text, checks=["loaded_language"])
    out = []
    for f in report.findings:
        if f.check != "loaded_language":
            continue
        for e in f.evidence:
            assert text[e.start:e.end] == e.text
            seg = next(s for s in report.segments if s.start <= e.start < s.end)
            assert seg.kind in {"headline", "standfirst", "body"}
        out.append((f.severity, tuple(e.text for e in f.evidence), f.message))
    return out


def test_seed_western_propaganda(nlp) -> None:
    found = loaded(seed_text())
    assert [(sev, ev) for sev, ev, _ in found] == [("warning", ("propaganda",))]
    assert found[0][2] == (
        "The page uses loaded wording in its own voice ('propaganda'): 'propaganda' labels "
        "the other side's account rather than describing it.")


def test_example_page(nlp) -> None:
    found = loaded(EXAMPLE.read_text(encoding="utf-8"))
    # 'lies' scores 0.69: reported, but under the 0.75 warning line
    assert [(sev, ev) for sev, ev, _ in found] == [("info", ("lies",))]
    assert "'lies' labels the other side's account" in found[0][2]


def test_own_voice_page(nlp) -> None:
    """Loaded words in the page's voice fire; the same kind of words in a quotation, in
    attributed speech or in a reader comment do not."""
    found = loaded((CHECKS / "loaded_own_voice.txt").read_text(encoding="utf-8"))
    assert [(sev, ev) for sev, ev, _ in found] == [
        ("info", ("Thugs",)),  # title case makes it PROPN; the lexicon says it is a label
        # "the regime's thugs": a label on people in the page's voice (issue 9)
        ("warning", ("thugs", "shameless", "brutality")),
    ]
    assert found[1][2] == (
        "The page uses loaded wording in its own voice ('thugs', 'shameless', 'brutality'): "
        "'thugs' lumps a varied group under a pejorative label instead of naming who said or "
        "did what; 'shameless' states a motive or feeling the page does not show; 'brutality' "
        "labels rather than describes.")


@pytest.mark.parametrize("name", ["loaded_neutral_newswire.txt"])
def test_neutral_newswire(nlp, name: str) -> None:
    assert loaded((CHECKS / name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("name", ["conflict", "disaster", "protest", "economy", "health"])
def test_clean_pages(nlp, name: str) -> None:
    found = loaded((PAGES / f"{name}.txt").read_text(encoding="utf-8"))
    assert [f for f in found if f[0] != "info"] == []
    assert len(found) <= 1


LABELS = [
    # a label on an unnamed side, in the page's own voice (issue 9: own-voice labels)
    ("The army clashed on Thursday with the terrorist groups in the hills.", ("terrorist groups",)),
    ("Troops drove the gangs out of the town on Thursday.", ("gangs",)),
    # the same word in a speaker's mouth is theirs
    ("“The terrorist groups have fled,” the governor said on Thursday.", ()),
    # a named organisation's designation, an institution, a compound that turns it round
    ("Troops killed ten ISIS terrorists near the border on Thursday.", ()),
    ("The treaty set up a strict inspection regime for the plants.", ()),
    ("Anti-globalists gathered in the square on Thursday.", ()),
]


@pytest.mark.parametrize(("sentence", "expected"), LABELS)
def test_own_voice_labels(nlp, sentence: str, expected: tuple[str, ...]) -> None:
    found = loaded(f"Border News\n\n{sentence}\n")
    warned = tuple(e for sev, ev, _ in found if sev == "warning" for e in ev)
    assert warned == expected
    for sev, _, msg in found:
        if sev == "warning":
            assert msg == (
                f"The page uses loaded wording in its own voice ('{expected[0]}'): "
                f"'{expected[0].split()[0]}' puts a label on people in the page's own voice "
                "instead of saying who they are and what they did."
            )


def test_a_word_a_speaker_is_quoted_saying_is_theirs(nlp) -> None:
    """The page repeating a quoted spokesman's word ("hoax") echoes him."""
    own = "The site's hoax was pushed by its shameless editors."
    alone = loaded(f"Border News\n\n{own}\n")
    assert [ev for _, ev, _ in alone] == [("hoax", "shameless")]
    quoted = (f"Border News\n\n“The whole story is a hoax,” a church spokesman said.\n\n"
              f"{own}\n")
    assert [ev for _, ev, _ in loaded(quoted)] == [("shameless",)]


def test_a_label_used_in_many_sentences_is_one_finding(nlp) -> None:
    """One finding per label, not one per use (judges of real pages saw one state-media
    page draw eleven warnings for the same word): the first use carries the message, the
    later uses are its further evidence, and the message says how many sentences."""
    text = ("Terrorists shell Aleppo district\n\n"
            "Terrorists shelled a residential district of Aleppo on Monday, killing a child. "
            "The terrorists fired mortar rounds from the east of the city. Residents said "
            "the attack also damaged a school. Later the terrorists fired again.\n")
    found = loaded(text)
    assert [(sev, ev) for sev, ev, _ in found] == [
        ("warning", ("Terrorists", "Terrorists", "terrorists", "terrorists"))]
    assert found[0][2].endswith("The page uses the same wording in 3 more sentences.")


@pytest.mark.parametrize(("text", "expected"), [
    # the explosion: a noun, after a determiner, a number, a place or "bomb"
    ("Car bomb kills six in northern town\n\nA car bomb blast near a busy market killed six "
     "people on Tuesday, the provincial governor said. The blast shattered windows along the "
     "street and set two shops on fire.\n", []),
    ("Blasts rock capital\n\nTwo blasts shook the capital's old quarter overnight. Residents "
     "said the explosions woke them shortly after midnight.\n", []),
    ("Bomb Blast Kills 12 In Kabul\n\nA suicide bomber struck a crowded street, police "
     "said.\n", []),
    # the verb that judges, including the headline's, which the parser tags as a noun
    ("Trump blasts critics over wall\n\nThe president attacked his critics on Monday.\n",
     [("blasts",)]),
    ("Senator attacks ruling\n\nThe senator blasted the court's ruling on Friday as a "
     "betrayal of voters.\n", [("blasted",)]),
])
def test_blast_is_an_explosion_as_a_noun_and_a_judgement_as_a_verb(
        nlp, text: str, expected: list[tuple[str, ...]]) -> None:
    """Issue 9: 'bomb blast' was called loaded wording on real pages; the noun is the plain
    word for an explosion, the verb ("blasts the ruling") still judges."""
    assert [ev for sev, ev, _ in loaded(text) if sev == "warning"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Town wakes to flooding\n\nResidents woke up on Sunday to find the river had burst its "
     "banks overnight. The council opened two shelters, a spokesman said.\n", []),
    ("Minister repeats charge\n\nThe minister doubled down on Monday, repeating that the "
     "contract had been awarded unfairly.\n", []),
    ("Coach criticises referee\n\nThe coach lashed out at the referee after the match, "
     "saying the penalty decision was wrong.\n", []),
    # a verb the lexicon knows as loaded stays loaded with its particle
    ("Senator attacks plan\n\nThe senator slammed down the proposal on Friday.\n",
     ["slammed"]),
])
def test_a_phrasal_verb_is_its_idiom(nlp, text: str, expected: list[str]) -> None:
    """Issue 9: 'woke up', 'doubled down', 'lashed out' were called loaded on real pages."""
    assert [w for sev, ev, _ in loaded(text) for w in ev] == expected


MARKET = "Market Vote Delayed\n\nThe mayor's letter to the council was read aloud on Monday.\n"


@pytest.mark.parametrize("body", [
    # a reprinted list whose paragraphs each open with a mark, run into one line: only the
    # last closes, and (2) is as much the letter's as (1)
    "Its demands were these: “(1) The town must hire more police. “(2) The council must "
    "stop the thugs who rule the market. “(3) The budget must grow.”",
    # a quotation in straight marks that closes lines after it opens
    "She told traders: \"The market is not safe.\nThe thugs who rule it must go.\n"
    "We will act this week.\"",
    # a speech verb's line left open by a comma hands the next paragraph to the speaker
    "The police chief said in a statement Tuesday,\nThe council must stop the thugs who "
    "rule the market.",
])
def test_reprinted_words_are_not_the_page_s(nlp, body: str) -> None:
    assert loaded(f"{MARKET}{body}\nThe council will vote on Friday.\n") == []


def test_same_words_in_own_voice_still_fire(nlp) -> None:
    found = loaded(f"{MARKET}The council must stop the thugs who rule the market.\n"
                   "The council will vote on Friday.\n")
    assert [(sev, ev) for sev, ev, _ in found] == [("warning", ("thugs",))]


def test_a_comma_line_wrapped_mid_sentence_hands_nothing_over(nlp) -> None:
    """A line a fixed-width wrap broke after a comma ("The mayor, who said …,") goes on in
    lower case: the page's own sentence, not what was said."""
    found = loaded(f"{MARKET}The mayor, who said the market was losing money,\n"
                   "wants to stop the thugs who rule it.\nThe council will vote on Friday.\n")
    assert [(sev, ev) for sev, ev, _ in found] == [("warning", ("thugs",))]


BISHOP = "Bishop Story Spreads\n\nA spokesman for the archdiocese {line} on Monday.\n" \
    "Their hoax spread quickly on social media over the weekend.\n"


def test_a_word_a_speaker_is_reported_saying_is_echoed(nlp) -> None:
    """The page puts "hoax" on the spokesman by reporting his statement; its own "Their
    hoax" later echoes him. Without his statement the same sentence is the page's label."""
    echoed = BISHOP.format(line="said the story about the bishop was a hoax")
    assert loaded(echoed) == []
    own = loaded(BISHOP.format(line="spoke about the story"))
    assert [(sev, ev) for sev, ev, _ in own] == [("warning", ("hoax",))]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a label the page hedges reports a suspicion; unhedged it is the page's label
    ("Drones struck suspected terrorists in the valley on Thursday.", ()),
    ("Drones struck terrorists in the valley on Thursday.", ("terrorists",)),
    # the start of a hyphenated compound is part of another word, not a noun for people
    ("A woman was gang-raped in the valley last month.", ()),
])
def test_hedged_and_compound_labels(nlp, sentence: str, expected: tuple[str, ...]) -> None:
    found = loaded(f"Valley News\n\n{sentence}\n")
    assert tuple(e for sev, ev, _ in found if sev == "warning" for e in ev) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # how something struck people, or what it did to them, is reported, not amplified
    ("The nurses were shocked to find a snake in the ward on Monday.", []),
    ("The boy was treated for shock after the snake bit him.", []),
    # the "-ing" adjective is the page's own verdict
    ("It is shocking that the ward had no antivenom on Monday.", [("shocking",)]),
])
def test_a_reaction_is_not_an_intensifier(nlp, body: str, expected: list[tuple[str, ...]]
                                          ) -> None:
    assert [ev for _, ev, _ in loaded(f"Ward News\n\n{body}\n")] == expected


def test_a_sentence_opening_on_a_speaker_and_a_colon_is_theirs(nlp) -> None:
    """"Russia: Terrorists breached the truce" gives the word to Russia; the page's own
    "Terrorists shelled" is its label."""
    text = ("Moscow: Terrorists breached the truce three times in a day\n\n"
            "Terrorists shelled the harbour district on Monday morning.\n")
    found = loaded(text)
    assert [(sev, ev) for sev, ev, _ in found] == [("warning", ("Terrorists",))]
    assert found[0][2].startswith("The page uses loaded wording in its own voice "
                                  "('Terrorists')")
    assert text.index("Terrorists shelled") == audit(
        text, checks=["loaded_language"]).findings[0].evidence[0].start


def test_a_paragraph_in_single_quotation_marks_is_the_speaker_s(nlp) -> None:
    """British pages print a speaker's further words as a paragraph in single marks,
    with no tag of its own."""
    quoted = ("Harbour News\n\n'We waited all night,' the fisherman told reporters.\n\n"
              "'The idiots who run this harbour did nothing. Nobody came.'\n")
    assert loaded(quoted) == []
    own = quoted.replace("'The idiots who run this harbour did nothing. Nobody came.'",
                         "The idiots who run this harbour did nothing. Nobody came.")
    assert [ev for _, ev, _ in loaded(own)] == [("idiots",)]


@pytest.mark.parametrize(("body", "expected"), [
    # an intensifier grading plain newswire for an event gives its size, not a verdict,
    # and the words the tagger scored beside it go with it
    ("The province has been torn by a devastating civil war since 2012.", []),
    ("Nerve agents are among the compounds used in devastating chemical attacks.", []),
    # the same adjective on something else is the writer's verdict
    ("The devastating report exposed the minister's failures on Monday.",
     [("devastating",)]),
    # an "-ing" word heading its own clause, and an intensifier verb of motion
    ("Survivors covered in dust were staggering through the rubble.", []),
    ("A rocket slammed into a crowded market in the old town.", []),
    ("The senator slammed the ruling on Friday.", [("slammed",)]),
])
def test_a_listed_word_in_a_plain_use(nlp, body: str, expected: list[tuple[str, ...]]) -> None:
    assert [ev for _, ev, _ in loaded(f"Valley News\n\n{body}\n")] == expected


def test_extremists_is_the_wire_descriptor(nlp) -> None:
    """'Extremists' for an armed group is how the wire services describe it, like
    'militants'; a pejorative label ('thugs') on the same group is still the page's."""
    body = ("Kurdish fighters have been battling the extremists in the north since "
            "the spring.")
    assert loaded(f"Valley News\n\n{body}\n") == []
    thugs = body.replace("extremists", "thugs")
    assert [ev for _, ev, _ in loaded(f"Valley News\n\n{thugs}\n")] == [("thugs",)]


@pytest.mark.parametrize(("body", "expected"), [
    # an account label tied to no one names a thing; the reason ("labels the other
    # side's account") would misdescribe it, and its neighbours go with it
    ("The fan site has not commented on the latest hoax claiming that the singer died.", []),
    ("The rumour prompted a number of hoax adverts on the forums.", []),
    ("The child's face was grey with dust except for specks and smears of blood.", []),
    # tied to someone, it labels their account; so does what someone tells or uses
    ("Western propaganda has poisoned the debate about the war.",
     [("propaganda", "poisoned")]),
    ("Blatantly using lies and threats, the mayor kept his grip on the council.",
     [("Blatantly using lies",)]),
    # a label that only judges is the page's verdict even with no owner named
    ("The inquiry into the shooting was a charade from the start.", [("charade",)]),
    ("The latest smears will not stop the nomination from going ahead.", [("smears",)]),
])
def test_an_account_label_needs_an_account(nlp, body: str, expected: list[tuple[str, ...]]
                                           ) -> None:
    assert [ev for sev, ev, _ in loaded(f"Valley News\n\n{body}\n") if sev == "warning"] \
        == expected
