"""Weights and coins: "pound(s)" as money or as a weight, units of weight, pence and cents.

Each row gives the figure's exact span, its value and unit; the look-alikes beside them
must keep their reading.
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


def _one(nlp, text: str, figure: str) -> Quantity:
    found = [q for q in _extract(nlp, text) if q.text == figure]
    assert len(found) == 1, [q.text for q in _extract(nlp, text)]
    (q,) = found
    start = text.index(figure)
    assert (q.start, q.end) == (start, start + len(figure))
    return q


# (sentence, quantity text, value, unit, category)
POUNDS = [
    # a measure before the noun it measures weighs, unless the noun is money
    ("Anglers landed a 280-pound catfish on Sunday.", "280-pound", 280, "lb", "other"),
    ("Pictures of the 280 pound catfish spread online.", "280 pound", 280, "lb", "other"),
    ("She bought a 5-pound bag of flour.", "5-pound", 5, "lb", "other"),
    ("One 500-pound guided bomb was used in the strike.", "500-pound", 500, "lb", "other"),
    ("She found a 5-pound note in the street.", "5-pound", 5, "GBP", "money"),
    ("The council offered a 500-pound reward.", "500-pound", 500, "GBP", "money"),
    ("The 10-pound fine was waived.", "10-pound", 10, "GBP", "money"),
    # "pounds" standing alone: the verb that governs it, then the words of its sentence
    ("The fish was hoisted in a sling and weighed 280 pounds.", "280 pounds", 280, "lb", "other"),
    ("The robot is five feet tall and 300 pounds.", "300 pounds", 300, "lb", "other"),
    ("He is said to have ballooned to more than 280 pounds.", "more than 280 pounds", 280, "lb",
     "other"),
    ("He lost five pounds of weight.", "five pounds", 5, "lb", "other"),
    ("He was fined 280 pounds.", "280 pounds", 280, "GBP", "money"),
    ("He paid 280 pounds in fines.", "280 pounds", 280, "GBP", "money"),
    ("He was fined 280 pounds sterling.", "280 pounds sterling", 280, "GBP", "money"),
    ("He paid £280 for the ticket.", "£280", 280, "GBP", "money"),
    ("A loaf rose to 500 Syrian pounds.", "500 Syrian pounds", 500, "SYP", "money"),
    ("The graffiti cut half a million pounds off its value.", "half a million pounds", 500_000,
     "GBP", "money"),
]


@pytest.mark.parametrize(("text", "figure", "value", "unit", "category"), POUNDS)
def test_pounds(nlp, text: str, figure: str, value: float, unit: str, category: str) -> None:
    q = _one(nlp, text, figure)
    assert (q.value, q.unit, q.category) == (value, unit, category)


def test_pounds_follow_the_page(nlp) -> None:
    """On a page that weighs in pounds and gives no sum in sterling, a bare "3,463 pounds"
    is a weight too; beside one sum in sterling, or on a page that pays in pounds, it
    stays money."""
    text = "The catfish weighed 280 pounds. The record is 3,463 pounds."
    q = _one(nlp, text, "3,463 pounds")
    assert (q.unit, q.category) == ("lb", "other")
    text = "The catfish weighed 280 pounds. The record is 3,463 pounds, and a permit is £5."
    q = _one(nlp, text, "3,463 pounds")
    assert (q.unit, q.category) == ("GBP", "money")
    text = "He paid 40 pounds. The ticket was 30 pounds."
    q = _one(nlp, text, "30 pounds")
    assert (q.unit, q.category) == ("GBP", "money")


# (sentence, quantity text, value, unit)
WEIGHTS = [
    ("He weighed 19 stone at his heaviest.", "19 stone", 19, "st"),
    ("The 20-stone leader soared on the scales.", "20-stone", 20, "st"),
    ("He reeled in a monster 19 stone catfish.", "19 stone", 19, "st"),
    ("The limit is 170 lbs for women.", "170 lbs", 170, "lb"),
    ("It weighs 173.5 grams in all.", "173.5 grams", 173.5, "g"),
    ("The baby weighed 17.2 kilos at birth.", "17.2 kilos", 17.2, "kg"),
    ("The 28oz rib eye is the dearest dish.", "28oz", 28, "oz"),
    ("Buyers may take 1 ounce at a time.", "1 ounce", 1, "oz"),
    ("Police seized 2 tonnes of cocaine.", "2 tonnes", 2, "t"),
]


@pytest.mark.parametrize(("text", "figure", "value", "unit"), WEIGHTS)
def test_weights(nlp, text: str, figure: str, value: float, unit: str) -> None:
    q = _one(nlp, text, figure)
    assert (q.value, q.unit, q.category) == (value, unit, "other")


def test_stone_as_a_material_is_no_weight(nlp) -> None:
    q = _one(nlp, "They built three stone houses near the river.", "three stone houses")
    assert (q.unit, q.category, q.counted) == (None, "count", "houses")


def test_vague_counts_of_a_currency_or_a_weight(nlp) -> None:
    q = _one(nlp, "They spent thousands of dollars on the party.", "thousands of dollars")
    assert (q.low, q.high, q.unit, q.category) == (2000, 9999, "USD", "money")
    q = _one(nlp, "He paid hundreds of pounds in fees.", "hundreds of pounds")
    assert (q.low, q.high, q.unit, q.category) == (200, 999, "GBP", "money")
    q = _one(nlp, "A couple pounds of caviar seems enough.", "A couple pounds")
    assert (q.unit, q.category) == ("lb", "other")
    q = _one(nlp, "Hundreds of people fled the floods.", "Hundreds of people")
    assert (q.unit, q.category, q.counted) == (None, "people", "people")


# (sentence, quantity text, value, unit)
COINS = [
    ("A stamp costs 30p now.", "30p", 0.3, "GBP"),
    ("A stamp costs 50 cents now.", "50 cents", 0.5, "USD"),
    ("Apple sold the 99 cent single.", "99 cent", 0.99, "USD"),
    ("The fare went up by 20 pence.", "20 pence", 0.2, "GBP"),
]


@pytest.mark.parametrize(("text", "figure", "value", "unit"), COINS)
def test_coins(nlp, text: str, figure: str, value: float, unit: str) -> None:
    q = _one(nlp, text, figure)
    assert (q.value, q.unit, q.category) == (value, unit, "money")


@pytest.mark.parametrize("text", [
    "The clip streams in 1080p and 720p.",
    "The 21st man came first.",
])
def test_letters_that_are_no_coin(nlp, text: str) -> None:
    assert _extract(nlp, text) == ()


# (sentence, quantity text, its number, value in feet, figures in the sentence)
HEIGHTS = [
    ("Kim, who is about 5-foot-9, was not seen.", "about 5-foot-9", "5", 5.75, 1),
    ("A tall 6-foot-4, Vickers runs at lunch.", "6-foot-4", "6", 6 + 4 / 12, 1),
    ("The suspect is standing 5-foot-10-inches, police said.", "5-foot-10-inches", "5",
     5 + 10 / 12, 1),
    ("He stands 6 feet 2 inches tall.", "6 feet 2 inches", "6", 6 + 2 / 12, 1),
    ("A 50-foot wall surrounds the compound.", "50-foot", "50", 50, 1),
    ("The wall is 20 feet high and 3 feet thick.", "3 feet", "3", 3, 2),
]


@pytest.mark.parametrize(("text", "figure", "number", "feet", "count"), HEIGHTS)
def test_feet_and_inches(nlp, text: str, figure: str, number: str, feet: float,
                         count: int) -> None:
    """A height in feet and inches is one figure in feet; its inches are no figure of
    their own."""
    q = _one(nlp, text, figure)
    assert (q.unit, q.category) == ("ft", "distance")
    assert q.value == pytest.approx(feet, abs=1e-6)
    assert q.number is not None and q.number.text == number
    assert len(_extract(nlp, text)) == count
