"""What a figure counts: the word lists of ``counted``, read without a model."""

from __future__ import annotations

from newsaudit.quantities.counted import count_lexicon


def test_cases_count_people() -> None:
    lex = count_lexicon()
    assert lex.class_of("cases", "case") == "people"
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
