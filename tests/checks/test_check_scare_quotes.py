"""scare_quotes: quotation marks that quote no one and signal the writer's distance.

One finding per quoted word or phrase, with every occurrence as evidence.
"""

from __future__ import annotations

import pytest

from newsaudit.checks import scare_quotes as sq
from newsaudit.model import Finding
from paths import CHECKS, CLEAN, PAGES, REPO, seed_text
from stages import runner


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp, sq.check, "scare_quotes")


def _summary(found: list[Finding]) -> list[tuple[str, list[tuple[int, int, str]], tuple[str, ...]]]:
    return [(f.severity, [(e.start, e.end, e.text) for e in f.evidence], f.refs) for f in found]


# ------------------------------------------------------------------ the seed and example


def test_seed(run):
    _, found = run(seed_text())
    # “insurgents” sits in what a Revolutionary Guards official is reported to have said:
    # likely the official's word, so no finding (issue 9: quoted speech is not the page's)
    assert _summary(found) == [
        ("warning", [(1586, 1592, "rebels"), (2168, 2174, "rebels")], ("a9", "a11")),
    ]
    assert found[0].message == (
        "“rebels” is put in quotation marks twice, yet no one on the page is quoted using it; the "
        "marks are the page's own, which signals distance from the label without saying whose word "
        "it is."
    )


def test_seed_comments_never_count(run):
    """The seed's comments put “refugees” and a slogan in marks; they are not the article."""
    report, found = run(seed_text())
    in_comments = [
        a for a in report.attributions if a.segment == "comment" and a.kind == "unattributed_quote"
    ]
    assert in_comments
    assert not {a.id for a in in_comments} & {r for f in found for r in f.refs}


def test_harbour_strike(run):
    _, found = run((REPO / "examples" / "harbour-strike.txt").read_text(encoding="utf-8"))
    assert _summary(found) == [("warning", [(647, 657, "liberation")], ("a6",))]
    assert found[0].message == (
        "“liberation” is put in quotation marks, yet no one on the page is quoted using it; the "
        "marks are the page's own, after “so-called”, which makes the distance explicit."
    )


# ------------------------------------------------------------------ pages of our own


def test_own_page_fires(run):
    _, found = run((CHECKS / "scare_fire.txt").read_text(encoding="utf-8"))
    assert [(f.severity, [e.text for e in f.evidence]) for f in found] == [
        ("warning", ["separatists", "separatists"]),
        ("warning", ["people's defence"]),
    ]
    assert "after “self-styled”" in found[1].message


@pytest.mark.parametrize("name", ["scare_clean", "quote_clean", "quote_headline_untraced"])
def test_quiet_own_pages(run, name):
    """Naming verbs, words as words, titles, evaluations in reported speech, headline quotes."""
    assert run((CHECKS / f"{name}.txt").read_text(encoding="utf-8"))[1] == []


@pytest.mark.parametrize("name", CLEAN)
def test_clean_pages(run, name):
    assert run((PAGES / f"{name}.txt").read_text(encoding="utf-8"))[1] == []


SENTENCES = [
    ("Troops fought the “rebels” near the border on Monday.", [("warning", "rebels")]),
    ("Police said the “activists” blocked the main road.", []),
    ("The minister called the plan “reckless” on Monday.", []),
    ("Critics described the protesters as “hooligans” after the match.", []),
    ("Activists objected to the word “genocide” in the draft resolution.", []),
    ("Colonel Ana Reyes said the attack was “cowardly”.", []),
    ("The group published a report, “Dying for Work”, on Friday.", []),
    ("The operation, known as “Iron Gate”, began on Monday.", []),
    # a gloss of a foreign word is the translator's rendering, not a label held at a distance
    ("The militia's name, which translates as “the free sons”, appears on every flag.", []),
    ("Protesters waved banners reading “bread and work” outside parliament.", []),
    # a quoted clause with its own subject is an utterance, not a label
    ("“We need water,” one of the farmers shouted at the convoy.", []),
    ("The mayor asked whether the dam was safe, then answered with a “We think so”.", []),
    # issue 9: whose word the sentence says it is, with the commas stripped
    ("The chemical attacks were “inhuman” President Ali Reyes said on Monday.", []),
    # a term of art or an official name modifying a noun
    ("The council approved the “sunset” clause on Monday.", []),
    ("Both armies agreed on four “de-escalation” zones in the north.", []),
    # ... unless the page says so-called: the distance is explicit
    ("Reports said the missiles came from the so-called “liberation” militia.",
     [("warning", "liberation")]),
    # text a colon gives: a sign's words
    ("The sign on the gate read: “Closed”.", []),
    # a word mentioned as a word, glossed after it
    ("Officials used “right-wing extremists,” a term from the 1990s, in the report.", []),
    # not label-shaped: a verb phrase, a function word
    ("The villagers were “savagely massacred” according to the leaflet.", []),
    ("Note that the report said “many” and not all.", []),
    # the page echoes a word a speaker is quoted saying elsewhere on the page
    ("“These heroes saved our town,” the mayor said. The “heroes” were cheered on Monday.",
     []),
    # a transcript's questions and answers are the speakers' words
    ("The mayor spoke on Monday.\n\nQ: Are the “rebels” near?\nA: They are near, I think."
     "\nQ: What next?\nA: We wait.", []),
    # a verb of saying that shares its subject with the verb it hangs on gives the words
    # to that subject; a verb of another kind does not
    ("The pub will close this week, and has said it is “highly unlikely” to reopen.", []),
    ("His colleague Ana Diaz opened a fund for him on Monday, explaining that he’d been "
     "hurt while on “routine duty” and it could have been any of us.", []),
    ("The pub will close this week, keeping its “loyal” staff at home to see what happens.",
     [("warning", "loyal")]),
    # a verb in another relative clause of the sentence gives the words to no one
    ("It was the firm's “experienced” guide who led the group into the gorge on a day "
     "when rain was forecast.", [("warning", "experienced")]),
    ("It was the firm's “experienced” guide, the owner said, who led the group.", []),
    # a verb that names something as something gives the name to its subject
    ("Ali Reyes regularly refers to the traders as “parasites” in his posts.", []),
    # a fragment in a passage that quotes a named speaker word for word is likely theirs
    ("The mayor continues, “We will rebuild the port this year,” although the plan is "
     "“unaffordable” for the town.", []),
    ("Ali Reyes sent the council the “final plan” in the autumn. “I sent them a copy of "
     "it,” Reyes said.", []),
    # ... not across a blank line, nor without the speaker's quotation
    ("Ali Reyes sent the council the “final plan” in the autumn.\n\n“I sent them a copy "
     "of it,” Reyes said.", [("warning", "final plan")]),
    ("The mayor continues to defend the “unaffordable” plan for the town.",
     [("warning", "unaffordable")]),
    # marks nested in a longer quotation are the quoted writer's («… «progressive» …»)
    ("The historian wrote of the town: «The old order is exhausted... All the habits of "
     "the most «advanced», «progressive», even «enlightened» families are outdated».", []),
    # the same word in marks of the page's own still is one
    ("The historian wrote of the town. The most «progressive» families left it.",
     [("warning", "progressive")]),
    # a verb that names only with "as" names nothing without it
    ("The group held a “peaceful” rally on Monday before police dismissed the crowd.",
     [("warning", "peaceful")]),
    # a quoting sentence after a blank line does not reach back over it
    ("“I sent them a copy of it,” Reyes said.\n\nThe mayor's “experts” met on Monday.",
     [("warning", "experts")]),
    # a term the page then uses plainly: the marks introduced it ...
    ("Sales of so-called kit rifles, or “ghost guns”, rose in March. Police seized 40 ghost "
     "guns in the raids.", []),
    # ... while a page that keeps its distance keeps the marks, and "so-called" is distance
    ("Troops fought the “rebels” on Monday. The “rebels” fled north.", [("warning", "rebels")]),
    ("Troops fought the so-called “rebels” on Monday. The rebels fled north.",
     [("warning", "rebels")]),
    # one word in another sense later is no adoption: "the “right” views" vs "right now"
    ("She had the “right” views on the border. She is right now the envoy.",
     [("warning", "right")]),
    # a speaker later quoted using the word: the marks echo them
    ("Troops fought the “rebels” on Monday. “The rebels fled north,” a captain said.", []),
    # a class the passive gives to someone, or a verb with its own "by" agent
    ("The two militias, deemed “bandits” by the river council, hold the ferry.", []),
    ("The charity is blacklisted as a “hostile body” by the ministry.", []),
    ("Ms Okafor was identified as a “deputy envoy” of the harbour board.", []),
    ("The bank now acts as a “shadow ministry” in the valley.",
     [("warning", "shadow ministry")]),
    # what a word or a name is said to be, and a gloss joined by "or"
    ("The local noun for a flock of gulls is a “clatter” or a “squall”.", []),
    ("The herbs were sold by village healers or “wise women” of the hills.", []),
    ("The herbs were sold by the “wise women” of the hills.", [("warning", "wise women")]),
    # a quotation that is all of its sentence: a cited title in a list of sources
    ("Gulls took the harbour again this spring. Okafor, Ada. “Quayside gull horror.” Quay "
     "Times. 3 May 2019.", []),
    # an infinitive hung on a noun is no aside of the writer's: a speaker's verb in the
    # sentence still gives the words
    ("The chief called the report “false” Monday while admitting he had changed strategy to "
     "target only “significant” arms sales.", []),
    # "self-proclaimed" gives the name to whoever took it; "so-called" keeps its distance
    ("The self-proclaimed “admiral” of the river gang was seized on Monday.", []),
    ("The so-called “admiral” of the river gang was seized on Monday.",
     [("warning", "admiral")]),
    # a script without case cannot tell a name from a label
    ("The pilot, “عبدالله”, flew the first sortie on Monday.", []),
    # a participle used as an adjective is a label too; straight single marks are marks
    ("But on Wednesday the 'grieving' star was pictured laughing with friends.",
     [("warning", "grieving")]),
    ("The “elected” council has not met since the vote.", [("warning", "elected")]),
    ("Police said the 'grieving' family had asked for privacy.", []),
    ("The drivers' union said it was the workers' decision.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_sentences(run, sentence, expected):
    _, found = run(f"Border News\n\n{sentence}\n")
    assert [(f.severity, f.evidence[0].text) for f in found] == expected
