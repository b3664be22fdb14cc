"""toxic_comment: exact findings on the seed, the example page and pages written for it
(the model and its patterns are tested in tests/models/test_toxicity.py)."""

from __future__ import annotations

import pytest

from newsaudit import audit
from paths import CHECKS, EXAMPLE, PAGES, seed_text


def toxic(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    report = audit(text, checks=["toxic_comment"])
    out = []
    for f in report.findings:
        if f.check != "toxic_comment":
            continue
        for e in f.evidence:
            assert text[e.start:e.end] == e.text
            seg = next(s for s in report.segments if s.start <= e.start < s.end)
            assert seg.kind == "comment" and e.end <= seg.end
        assert f.refs == ()
        out.append((f.severity, tuple(e.text for e in f.evidence), f.message))
    return out


def test_seed_comments(nlp) -> None:
    found = toxic(seed_text())
    assert [(sev, ev) for sev, ev, _ in found] == [
        ("warning", ("monsters", "not humans")),
        ("warning", ("\u2018refugees\u2019", "faker-frauds")),
    ]
    assert found[0][2].startswith(
        "The comment calls a group 'monsters' and says they are 'not humans' \u2014 "
        "dehumanising language (pattern: dehumanising, not_human; abuse model ")
    assert "scare quotes" in found[1][2] and "'faker-frauds'" in found[1][2]


def test_example_page(nlp) -> None:
    found = toxic(EXAMPLE.read_text(encoding="utf-8"))
    assert len(found) == 1
    sev, ev, message = found[0]
    assert (sev, ev) == ("warning", ("vermin",))
    assert message.startswith("The comment calls a group 'vermin' \u2014 dehumanising language")


def test_firing_page(nlp) -> None:
    found = toxic((CHECKS / "toxic_flood_comments.txt").read_text(encoding="utf-8"))
    assert [(sev, ev) for sev, ev, _ in found] == [
        ("warning", ("vermin",)),
        ("problem", ("should be lined up and shot", "should all be wiped out")),
        ("warning", ("idiot",)),
        ("warning", ("\u201cvictims\u201d", "Scroungers")),
    ]
    assert "calls for violence" in found[1][2]
    assert "abuse aimed at another reader" in found[2][2] and "pattern: personal" in found[2][2]


@pytest.mark.parametrize("name", ["toxic_polite_comments.txt"])
def test_quiet_page(nlp, name: str) -> None:
    assert toxic((CHECKS / name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("name", ["conflict", "disaster", "protest", "economy", "health"])
def test_clean_pages(nlp, name: str) -> None:
    assert toxic((PAGES / f"{name}.txt").read_text(encoding="utf-8")) == []


def test_blunt_comments_are_not_abuse(nlp) -> None:
    """Civil political talk the tweet-trained model once scored as abuse ("The White House
    should answer..."), scare-quoted trades ("experts"), a blunt put-down and an angry
    accusation draw nothing; a group's name in scare quotes alone is info, not a warning."""
    found = toxic((CHECKS / "toxic_blunt_comments.txt").read_text(encoding="utf-8"))
    assert [(sev, ev) for sev, ev, _ in found] == [("info", ('"refugees"',))]
    assert found[0][2].startswith('The comment puts "refugees" in scare quotes')
    assert "under its 0.82 threshold for comments" in found[0][2]


def test_profanity_on_the_model_alone_is_info_and_names_are_not_scored(nlp) -> None:
    """Profanity used for emphasis, flagged by the tweet-trained model alone, is info (its
    model-only flags have been right on no real page judged); a commenter's name and time
    line are not what they said, so a name the tweets weigh up flags nothing."""
    found = toxic((CHECKS / "toxic_profane_comments.txt").read_text(encoding="utf-8"))
    assert [(sev, ev) for sev, ev, _ in found] == [("info", ("fuck", "shit"))]


def test_saying_where_someone_lives_is_a_threat(nlp) -> None:
    """Intimidation need name no act: telling a reader that someone's home is known is a
    threat (``problem``); a reader asking where a service is, or saying where a family
    lived, is not."""
    page = ("Man charged after stabbing outside takeaway\n\nBy Jo Reed\n\nA man has been "
            "charged after a teenager was stabbed outside a takeaway on Friday night, police "
            "said. The 17-year-old is in a stable condition in hospital.\n\nDetectives asked "
            "anyone with footage to come forward.\n\nComments (3)\n\nkm_local\n{one}\n\n"
            "Dave1966\n{two}\n\nbrook_st_mum\nThoughts with the lad's family. Hope he pulls "
            "through.\n")
    found = toxic(page.format(
        one="Someone knows where his family live. Pay them a visit and sort it out.",
        two="Does anyone know where the victim support office is now? It moved last year."))
    assert [(sev, ev) for sev, ev, _ in found] == [("problem", ("knows where his family live",))]
    assert found[0][2].startswith(
        "The comment threatens a person ('knows where his family live') \u2014 a threat "
        "against a person (pattern: threat;")
    assert toxic(page.format(
        one="The family lived on our street for years. I know where they used to shop too.",
        two="Does anyone know where the victim support office is now? It moved last year.")) == []


@pytest.mark.parametrize(("comment", "evidence"), [
    ("If I see him in the pub on Friday I'll put him through the window myself.",
     ("I'll put him through the window",)),
    ("When they find you I hope someone drags you out of that car and beats you senseless.",
     ("I hope someone drags you",)),
    ("I'll put him forward for the volunteer award, he has earned it.", ()),
    ("I hope they beat them in the cup final on Saturday.", ()),
    # a visit or a sentence promised by others: vigilante threats name no act either
    ("Everyone knows whose lad it is. Someone should pay that family a visit tonight.",
     ("Someone should pay that family a visit",)),
    ("Plenty of lads round here will give him the sentence the judge didn't.",
     ("give him the sentence the judge didn't",)),
    ("He should keep away from the town. They know where he drinks.",
     ("know where he drinks",)),
    ("Someone should pay the old couple next door a visit, they must be lonely.", ()),
    ("I hope the judge gives him the sentence he deserves next month.", ()),
    ("I know where he works because I used to work there myself, decent firm.", ()),
    ("Hope somebody pays him a visit before the court does, and not to bring flowers.",
     ("somebody pays him a visit",)),
    ("We know where Mr Keller parks his car every evening. Let him keep it up.",
     ("We know where Mr Keller parks",)),
    ("Keep blocking the lane and see what happens when a few of us come down with a can of "
     "petrol.", ("see what happens when a few of us come down with a can of petrol",)),
    ("See what happens if the council raises parking fees again: nobody will shop here.", ()),
    ("We know where Mr Keller stands on the bypass, he said so at the meeting.", ()),
    ("Nice house on Alder Lane. Would be a real shame if something happened to it.",
     ("Would be a real shame if something happened to",)),
    ("Safe drive home tonight. We know which car is yours in the staff car park.",
     ("We know which car is yours",)),
    ("It would be a shame if the library closed before the summer.", ()),
    ("We know which car is his: the red one parked across two spaces every day.", ()),
])
def test_saying_one_will_hurt_someone_or_hoping_someone_does(nlp, comment, evidence) -> None:
    page = ("Driver sought after hit-and-run\n\nBy Jo Reed\n\nPolice are searching for the "
            "driver of a car that hit a man on a crossing on Monday night and drove off. The "
            "man is in a critical condition.\n\nOfficers asked witnesses to come forward.\n\n"
            "Comments (2)\n\nkm_local\n{c}\n\nDave1966\nThoughts with the family. Hope he "
            "pulls through.\n")
    found = toxic(page.format(c=comment))
    assert [(sev, ev) for sev, ev, _ in found] == ([("problem", evidence)] if evidence else [])


def test_a_comment_read_as_only_its_author_line_is_not_scored(nlp) -> None:
    """When the layout leaves a comment's author and time line as a comment of its own
    ("justin coleman September 22, 2015 at 5:58 am"), that line is no one's words: a name
    the tweet-trained model weighs up is no abuse."""
    from newsaudit.checks.toxic_comment import _said

    line = "justin coleman September 22, 2015 at 5:58 am"
    assert _said(line) == (len(line), "")
    assert _said(f"{line}\nNever mind, he is on there") == (len(line) + 1,
                                                            "Never mind, he is on there")


def test_vermin_like_her_is_dehumanising(nlp) -> None:
    """A dehumanising noun said of a person and her kind ("vermin like her") is a warning;
    the same noun of pests is not."""
    page = ("Nail bar owner jailed for benefit fraud\n\nBy Jo Reed\n\nA nail bar owner was "
            "jailed on Friday for claiming benefits while running a business, the court heard. "
            "She admitted the offences.\n\nComments (2)\n\nkm_local\n{c}\n\nDave1966\nA fair "
            "sentence, I think.\n")
    found = toxic(page.format(c="Scrounging vermin like her are why this town is a mess."))
    assert [(sev, ev) for sev, ev, _ in found] == [("warning", ("vermin like her",))]
    assert found[0][2].startswith("The comment calls people 'vermin like her'")
    assert toxic(page.format(c="Our shed had vermin like rats and mice all winter.")) == []


def test_a_dehumanising_noun_after_a_superlative_or_a_compound_adjective(nlp) -> None:
    """"are brain-dead animals", "are the worst vermin of the lot": the noun is said of the
    drivers whatever words stand before it; pests in a report are still no abuse."""
    page = ("Pileup closes Route 9 for six hours\n\nBy Jo Reed\n\nThirty cars collided in fog "
            "on Route 9 on Friday, the state police said.\n\nComments (2)\n\nkm_local\n{c}\n\n"
            "Dave1966\nSlow down in fog, everyone.\n")
    found = toxic(page.format(c="Half the drivers on Route 9 are brain-dead animals and the "
                                "truckers are the worst vermin of the lot."))
    assert [(sev, ev) for sev, ev, _ in found] == [
        ("warning", ("animals", "vermin"))]
    assert toxic(page.format(c="The barns on my road are the worst for rats in winter.")) == []


@pytest.mark.parametrize(("comment", "evidence"), [
    # a menacing frame and, in its sentence, the person's home, family, car or way home
    ("Funny how Dunmore lives out by the old mill, a few of us know the house.",
     ("Dunmore lives out by the old mill, a few of us know the house",)),
    ("Some of us know exactly where she leaves that van of hers at night.",
     ("us know exactly where she leaves that van of hers",)),
    ("Some of us know exactly where he leaves that shiny car of his at night.",
     ("us know exactly where he leaves that shiny car of his",)),
    ("He had better hope nobody here works out which lane he takes home from the depot.",
     ("nobody here works out which lane he takes home",)),
    ("Would be a pity if his van got a flat tyre outside the depot one morning.",
     ("pity if his van",)),
    ("She might not want to stay home this weekend, is all I'm saying.",
     ("might not want to stay home",)),
    ("Enjoy the drive home tonight, lads, because some of us will be waiting at the depot.",
     ()),
    ("Hope they enjoyed their last drive home, because some of us will be waiting at the depot.",
     ("their last drive home, because some of us will be waiting",)),
    # either half alone is ordinary talk
    ("Their families will be waiting for news at the depot. Thoughts with them.", ()),
    ("Does anyone know where the depot's lost property office is now?", ()),
    ("Nobody knows which of their children were on the bus, the drivers said.", ()),
    ("We need to find out where their family is staying so we can help them.", ()),
    ("We all know where the money went. Their home was repossessed last year.", ()),
    ("We know where he stands on the depot; his wife said so at the meeting.", ()),
    ("It would be a shame if their kids lost the school bus over this.", ()),
    ("Glad the drivers got home in one piece. Some of us will be waiting at the hall with soup.",
     ()),
    # a warning to a named person about his car, his way home
    ("Councillor Brack should be careful walking to his car at night.",
     ("Brack should be careful walking to his car",)),
    ("Brack had better be careful, his car was broken into last week too.", ()),
    ("Everyone should be careful on their way home tonight, the roads are icy.", ()),
    ("He should be careful with his money if the depot closes.", ()),
    # meeting the person, and what he will need after
    ("If I see him at the depot he'll need an ambulance himself.",
     ("If I see him at the depot he'll need an ambulance",)),
    ("If I see him in town I will buy him a pint for standing up to them.", ()),
    # a warning to keep out of the writer's way, and what he will be past doing after
    ("That driver had better hope he never runs into me at the depot.",
     ("had better hope he never runs into me",)),
    ("He won't be driving anything for a long while when I'm done with him.",
     ("won't be driving anything for a long while when I'm done with him",)),
    ("The drivers had better hope the council never runs into money trouble again.", ()),
    ("He won't be available for a while when I'm done with him at the clinic.", ()),
])
def test_menace_by_its_structure(nlp, comment, evidence) -> None:
    """Intimidation in words no pattern lists: a frame ("some of us know exactly where",
    "would be a pity if his van ...", "some of us will be waiting") is a threat only with a
    person's home, family, car or way home in its sentence; after "know where/which", inside
    the clause it opens."""
    page = ("Bus drivers strike over depot closure\n\nBy Jo Reed\n\nBus drivers walked out on "
            "Monday over the planned closure of the Eastgate depot, the union said.\n\n"
            "Comments (2)\n\nkm_local\n{c}\n\nDave1966\nHope it gets sorted soon.\n")
    found = toxic(page.format(c=comment))
    assert [(sev, ev) for sev, ev, _ in found] == ([("problem", evidence)] if evidence else [])


@pytest.mark.parametrize(("comment", "evidence"), [
    ("Councillor Brack is a spineless, lying lowlife and always was.", ("lowlife",)),
    ("She is a useless idiot who should never have been elected.", ("idiot",)),
    ("Brack is a complete waste of oxygen.", ("waste of oxygen",)),
    ("Brack is a pig farmer from the valley, he knows the land.", ()),
    ("Brack was a troll moderator on the old forum before he stood.", ()),
    ("Brack is wrong about this, and his plan is a shambles.", ()),
])
def test_an_insult_said_of_a_named_person(nlp, comment, evidence) -> None:
    """An insult said of a person in the story ("Brack is a lowlife") is abuse, as it is of
    another reader; the same noun as a trade, and plain criticism, are not."""
    page = ("Council approves depot sale\n\nBy Jo Reed\n\nThe council voted on Tuesday to sell "
            "the Eastgate depot, Councillor Ann Brack said.\n\nComments (2)\n\nkm_local\n{c}\n\n"
            "Dave1966\nHope it gets sorted soon.\n")
    found = toxic(page.format(c=comment))
    assert [(sev, ev) for sev, ev, _ in found] == ([("warning", evidence)] if evidence else [])
    if evidence:
        assert found[0][2].startswith(f"The comment calls a person '{evidence[0]}' \u2014 abuse "
                                      "aimed at a person (pattern: person;")


@pytest.mark.parametrize(("comment", "evidence"), [
    ("Somebody ought to drop by the depot manager's place. Plenty of us know which house is "
     "his.", ("us know which house is his",)),
    ("Some of us will be waiting at the hall for the manager's family with soup.", ()),
    ("Their kids arrive tonight; some of us will be waiting at the station with blankets.", ()),
    ("We all know which house is his, it's the one with the flag.",
     ("We all know which house is his",)),
])
def test_knowing_whose_house_is_a_threat_waiting_for_a_family_is_not(nlp, comment,
                                                                     evidence) -> None:
    """Knowing which house is a person's is a threat even on its own (a reader cannot tell
    a flag from a target); waiting for someone's family or kids is kindness, and only
    waiting on a person's way home is an ambush."""
    page = ("Bus drivers strike over depot closure\n\nBy Jo Reed\n\nBus drivers walked out on "
            "Monday over the planned closure of the Eastgate depot, the union said.\n\n"
            "Comments (2)\n\nkm_local\n{c}\n\nDave1966\nHope it gets sorted soon.\n")
    found = toxic(page.format(c=comment))
    assert [(sev, ev) for sev, ev, _ in found] == ([("problem", evidence)] if evidence else [])


def test_an_insult_of_a_group_on_the_board(nlp) -> None:
    """"every halfwit on the club board": a name-calling noun that insults whoever it is
    said of is a warning wherever it stands; "clown" alone is left to the model."""
    page = ("Stand closed after collapse\n\nBy Jo Reed\n\nA temporary stand at Eastgate Park "
            "was closed on Saturday after part of it gave way, the club said. Nobody was hurt."
            "\n\nEngineers will inspect the other stands this week.\n\nComments (2)\n\n"
            "km_local\n{c}\n\nDave1966\nHope it gets sorted soon.\n")
    found = toxic(page.format(c="Whoever signed off that stand is a clown, and so is every "
                                "halfwit on the club board."))
    assert [(sev, ev) for sev, ev, _ in found] == [("warning", ("halfwit",))]
    assert toxic(page.format(c="Whoever signed off that stand should be sacked.")) == []
