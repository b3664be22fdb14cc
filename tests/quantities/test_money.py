"""Sums of money: how the sign, the scale and the currency word are read, with offsets.

Every row gives the figure's exact span in the sentence, so a sign or a scale that is
dropped or read twice shows as a changed offset, not only as a changed value.
"""

from __future__ import annotations

import pytest

from newsaudit.model import Document, Page, Quantity, Segment


def _extract(nlp, text: str) -> tuple[Quantity, ...]:
    from newsaudit.quantities import extract_quantities

    page = Page(Document(text), (Segment("body", 0, len(text), text),))
    quantities = extract_quantities(nlp(text), page)
    for q in quantities:
        assert text[q.start : q.end] == q.text
    return quantities


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


# (sentence, quantity text, value, unit)
GLUED_SCALES = [
    ("The club paid £1.5million for the striker.", "£1.5million", 1_500_000, "GBP"),
    ("He is said to have made $72million trading shares.", "$72million", 72_000_000, "USD"),
    ("The ransom was put at €2billion by the rebels.", "€2billion", 2_000_000_000, "EUR"),
    ("The firm raised $2.5bn last year.", "$2.5bn", 2_500_000_000, "USD"),
    ("The council spent €3m on roads.", "€3m", 3_000_000, "EUR"),
    ("Her earnings passed the $1.3-billion mark.", "$1.3-billion", 1_300_000_000, "USD"),
    ("The debt stands at 1.2 trillion dollars.", "1.2 trillion dollars", 1.2e12, "USD"),
    ("He earns £20k a year.", "£20k", 20_000, "GBP"),
    ("The deal was worth $5.3bn.", "$5.3bn", 5_300_000_000, "USD"),
    ("The minister said the war cost over $5Bln.", "over $5Bln", 5_000_000_000, "USD"),
    ("Moscow will spend 5 bln roubles.", "5 bln roubles", 5_000_000_000, "RUB"),
]


@pytest.mark.parametrize(("text", "expected", "value", "unit"), GLUED_SCALES)
def test_scale_glued_to_the_sum(nlp, text: str, expected: str, value: float, unit: str) -> None:
    (q,) = _extract(nlp, text)
    assert (q.text, q.value, q.unit, q.category) == (expected, value, unit, "money")
    assert (q.start, q.end) == _span(text, expected)


def test_glued_scale_word_without_a_currency(nlp) -> None:
    text = "The clip has had more than 26million views."
    (q,) = _extract(nlp, text)
    assert (q.text, q.value, q.approx, q.counted) == (
        "more than 26million views", 26_000_000, "more_than", "views")


def test_hyphened_scale_is_read_only_for_large_scales(nlp) -> None:
    """"$1.3-billion" is 1.3 billion; "a 12-dozen" is not how a figure is written, and a
    hyphened unit ("a 48-hour strike") keeps its own reading."""
    (q,) = _extract(nlp, "Workers began a 48-hour strike on Tuesday.")
    assert (q.text, q.value, q.unit) == ("48-hour", 48, "hour")


# (sentence, quantity text, value, unit)
SIGNS = [
    ("The firm paid US$5 per share.", "US$5", 5, "USD"),
    ("It cost A$10 to enter.", "A$10", 10, "AUD"),
    ("Tickets cost Rs 500 each.", "Rs 500", 500, "INR"),
    ("The price is roughly Rs. 21,700 in India.", "roughly Rs. 21,700", 21_700, "INR"),
    ("The fine was 5,000 euros.", "5,000 euros", 5_000, "EUR"),
    ("Tickets cost ¥100 each.", "¥100", 100, "JPY"),
    ("The phone costs $499.", "$499", 499, "USD"),
    # a price in brackets after a name is not an age ("Jones (45)")
    ("It costs more than the MacBook Air (£789) does.", "£789", 789, "GBP"),
    ("Glazed Mushrooms ($16 each) were served.", "$16", 16, "USD"),
    ("The Fire TV Stick $39.00 at Amazon is now shipping.", "$39.00", 39, "USD"),
    ("Murren said: “$300,000 for dinner at Prime.”", "$300,000", 300_000, "USD"),
]


@pytest.mark.parametrize(("text", "expected", "value", "unit"), SIGNS)
def test_currency_signs(nlp, text: str, expected: str, value: float, unit: str) -> None:
    (q,) = _extract(nlp, text)
    assert (q.text, q.value, q.unit, q.category) == (expected, value, unit, "money")
    assert (q.start, q.end) == _span(text, expected)


def test_age_in_brackets_after_a_name_is_still_no_figure(nlp) -> None:
    assert _extract(nlp, "Mary Jones (45) was among those questioned.") == ()


def test_between_two_sums_is_a_range(nlp) -> None:
    text = "Gold sells for between $1,200 and $1,300 per ounce."
    (q,) = _extract(nlp, text)
    assert (q.text, q.low, q.high, q.approx, q.unit) == (
        "between $1,200 and $1,300", 1200, 1300, "range", "USD")
    assert (q.start, q.end) == _span(text, "between $1,200 and $1,300")


def test_between_two_plain_figures_is_still_a_range(nlp) -> None:
    (q,) = _extract(nlp, "Between 20 and 30 million people were affected.")
    assert (q.text, q.low, q.high) == ("Between 20 and 30 million people", 20_000_000, 30_000_000)


def test_a_sum_and_its_conversion_are_two_sums(nlp) -> None:
    """A dash between a sum and the same sum in another currency is no range, nor a score
    ("3-1") that drops both."""
    text = "The group had been demanding $6.6 million - £4.3million - for her release."
    a, b = _extract(nlp, text)
    assert (a.text, a.value, a.unit) == ("$6.6 million", 6_600_000, "USD")
    assert (b.text, b.value, b.unit) == ("£4.3million", 4_300_000, "GBP")
    assert (b.start, b.end) == _span(text, "£4.3million")


def test_a_range_of_sums_in_one_currency_stays_a_range(nlp) -> None:
    (q,) = _extract(nlp, "Shares were priced in a $60-$66 range.")
    assert (q.low, q.high, q.approx, q.unit) == (60, 66, "range", "USD")


def test_a_score_is_still_no_figure(nlp) -> None:
    assert _extract(nlp, "The team won 3-1 in the 89th minute.") == ()


# (sentence, quantity text, value, unit, category)
SCALE_LETTERS = [
    # before a currency word or a plural noun, "m" and "k" multiply
    ("The council paid 5m euros for it.", "5m euros", 5_000_000, "EUR", "money"),
    ("A billboard offered a 1m peso reward.", "1m peso", 1_000_000, "MXN", "money"),
    ("The channel has more than 3.7m subscribers.", "more than 3.7m subscribers", 3_700_000,
     None, "count"),
    ("About 2m people live there.", "About 2m people", 2_000_000, None, "people"),
    ("About 2m people in Aleppo have no water.", "About 2m people", 2_000_000, None, "people"),
    ("The DC Toys channel has more than 3.7m subscribers with a new video.",
     "more than 3.7m subscribers", 3_700_000, None, "count"),
    ("Traders swapped 10k shares.", "10k shares", 10_000, None, "count"),
    # elsewhere "m" is metres
    ("The pool is 5m deep.", "5m", 5, "m", "distance"),
    ("He won the 100m sprint.", "100m", 100, "m", "distance"),
    ("She ran the 400m hurdles.", "400m", 400, "m", "distance"),
    ("He said the 2.67m wels catfish was a record.", "2.67m", 2.67, "m", "distance"),
]


@pytest.mark.parametrize(("text", "expected", "value", "unit", "category"), SCALE_LETTERS)
def test_scale_letters(nlp, text: str, expected: str, value: float, unit: str | None,
                       category: str) -> None:
    (q,) = _extract(nlp, text)
    assert (q.text, q.value, q.unit, q.category) == (expected, value, unit, category)
    assert (q.start, q.end) == _span(text, expected)


@pytest.mark.parametrize("text", ["He ran a 10k race.", "The ring is 18k gold."])
def test_k_away_from_a_currency_or_a_count_is_no_figure(nlp, text: str) -> None:
    assert _extract(nlp, text) == ()


def test_a_count_in_brackets_after_a_name_is_no_age(nlp) -> None:
    """No one is 2,870 or 578 years old: the provinces' counts of a list are figures."""
    text = "Cases by province: Lenta (2,870), Morovo (1,944) and Pahan (578)."
    assert [(q.text, q.value) for q in _extract(nlp, text)] == [
        ("2,870", 2870), ("1,944", 1944), ("578", 578)]
