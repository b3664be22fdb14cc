"""What a figure counts: the word lists of ``counted``, read without a model."""

from __future__ import annotations

from newsaudit.quantities.counted import count_lexicon


def test_cases_count_people() -> None:
    lex = count_lexicon()
    assert lex.class_of("cases", "case") == "people"
    assert lex.class_of("schoolgirls", "schoolgirl") == "people"
    assert lex.subject_forms["march"] == "people"
    assert lex.subject_forms["died"] == "killed"
    assert "climb" in lex.movement_forms and "hit" not in lex.arrival_forms


def test_loss_and_headline_lexicon() -> None:
    lex = count_lexicon()
    assert "losses" not in lex.killed_governors  # losses of people only: see casualty_of_loss
    assert "losses" in lex.loss_nouns and "lose" in lex.loss_verbs
    assert lex.headline_before["kills"] == "killed" and lex.headline_before["injures"] == "wounded"
    assert lex.headline_after["dead"] == "killed"
    assert lex.comparison_cues[0] in {("up", "from"), ("down", "from"), ("compared", "with"),
                                      ("compared", "to"), ("as", "against")}


def test_a_share_of_the_casualties_and_a_hyphenated_modifier(nlp) -> None:
    """"Nine of the injured" counts the injured, "four of those killed" the dead (the parse
    hangs the participle elsewhere); "14 heat-related deaths" counts deaths across the
    hyphenated word."""
    from newsaudit.auditor import Auditor

    report = Auditor().audit(
        "Heat bulletin: 14 heat-related deaths confirmed\n\nNine of the injured remain in "
        "hospital. Four of those killed were over 75. Police reported 12 storm-related "
        "injuries. Eleven of the 40 injured were children.\n")
    got = [(q.text, q.category) for q in report.quantities]
    assert ("14 heat-related deaths", "killed") in got
    assert ("Nine of the injured", "wounded") in got
    assert ("Four of those killed", "killed") in got
    assert ("12 storm-related injuries", "wounded") in got
    assert ("Eleven", "other") in got  # "of the 40 injured": a share of a count, read apart


def test_a_number_the_parse_hangs_on_an_adjective_counts_the_noun_after_it(nlp) -> None:
    """"Six Kordanian soldiers": the parser attaches "Six" to the adjective."""
    from newsaudit.auditor import Auditor

    report = Auditor().audit("Border clash\n\nSix Kordanian soldiers and two civilians were "
                             "killed on Sunday. Three British tourists were hurt.\n")
    got = [(q.text, q.category) for q in report.quantities]
    assert got == [("Six Kordanian soldiers", "killed"), ("two civilians", "killed"),
                   ("Three British tourists", "wounded")]


def test_a_participle_between_a_figure_and_its_noun(nlp) -> None:
    """"9,870 confirmed cases", "40 displaced families", "12 wounded soldiers": the
    participle describes the noun the figure counts; it is no verb of the clause."""
    from newsaudit.auditor import Auditor

    report = Auditor().audit(
        "The ministry has recorded 9,870 confirmed cases since January. The agency said 40 "
        "displaced families had returned, and 12 wounded soldiers were flown out.\n")
    got = [(q.text, q.category, q.counted) for q in report.quantities]
    assert got == [("9,870 confirmed cases", "people", "cases"),
                   ("40 displaced families", "people", "families"),
                   ("12 wounded soldiers", "wounded", "soldiers")]
