"""Quantities: figures, their bounds, what they count, and what is not a figure."""

from __future__ import annotations

import pytest

from newsaudit.model import Document, Page, Quantity, Segment
from newsaudit.quantities import extract_quantities
from paths import SEED

# (text, value, low, high, approx, counted, category)
Row = tuple[str, object, object, object, str, "str | None", str]


def _page(text: str) -> Page:
    return Page(Document(text), (Segment("body", 0, len(text), text),))


def _extract(nlp, text: str, page: Page | None = None) -> tuple[Quantity, ...]:
    page = page or _page(text)
    quantities = extract_quantities(nlp(text), page)
    for q in quantities:
        assert text[q.start : q.end] == q.text
        assert q.number is not None and text[q.number.start : q.number.end] == q.number.text
        assert q.start <= q.number.start and q.number.end <= q.end
    assert [q.id for q in quantities] == [f"q{k}" for k in range(1, len(quantities) + 1)]
    assert [q.start for q in quantities] == sorted(q.start for q in quantities)
    return quantities


def _row(q: Quantity) -> Row:
    return (q.text, q.value, q.low, q.high, q.approx, q.counted, q.category)


CASES: list[tuple[str, list[Row]]] = [
    # --- conflict
    ("Rebels said 13 fighters had been killed and 21 wounded in the clashes.",
     [("13 fighters", 13, 13, 13, "exact", "fighters", "killed"),
      ("21 wounded", 21, 21, 21, "exact", "fighters", "wounded")]),
    ("The blast killed 12 soldiers and wounded 30 others.",
     [("12 soldiers", 12, 12, 12, "exact", "soldiers", "killed"),
      ("30 others", 30, 30, 30, "exact", "others", "wounded")]),
    ("About 2,000 troops remain in the region.",
     [("About 2,000 troops", 2000, 1800, 2200, "about", "troops", "personnel")]),
    ("Almost 700 soldiers and militia fighters have been killed.",
     [("Almost 700 soldiers", 700, 630, 700, "almost", "soldiers", "killed")]),
    ("At least 3,000 personnel are based in the country.",
     [("At least 3,000 personnel", 3000, 3000, None, "at_least", "personnel", "personnel")]),
    ("Thirteen civilians died in the air strike.",
     [("Thirteen civilians", 13, 13, 13, "exact", "civilians", "killed")]),
    ("Gunmen killed three soldiers at a checkpoint.",
     [("three soldiers", 3, 3, 3, "exact", "soldiers", "killed")]),
    ("The 13 deaths in the latest attack bring the number of dead to 693.",
     [("13 deaths", 13, 13, 13, "exact", "deaths", "killed"),
      ("693", 693, 693, 693, "exact", "dead", "killed")]),
    ("The deaths of 27 pilgrims shocked the country.",
     [("27 pilgrims", 27, 27, 27, "exact", "pilgrims", "killed")]),
    ("The attack claimed the lives of 14 worshippers.",
     [("14 worshippers", 14, 14, 14, "exact", "worshippers", "killed")]),
    ("The strikes would bring the total number of sailors killed to 117.",
     [("117", 117, 117, 117, "exact", "sailors", "killed")]),
    ("The navy reported losses of at least 120 sailors.",
     [("at least 120 sailors", 120, 120, None, "at_least", "sailors", "killed")]),
    ("Syria: 13 Iranian Advisers Killed Near Aleppo",
     [("13 Iranian Advisers", 13, 13, 13, "exact", "advisers", "killed")]),
    ("Fifty people lost their lives when the bus plunged into a ravine.",
     [("Fifty people", 50, 50, 50, "exact", "people", "killed")]),
    ("The quake claimed 50 lives, while rescuers saved 30 lives.",
     [("50 lives", 50, 50, 50, "exact", "lives", "killed"),
      ("30 lives", 30, 30, 30, "exact", "lives", "count")]),
    # a number word times a plural scale word is a multiplier, not a count of "hundreds"
    ("The shelling led to the death of three hundreds of them, officials said.",
     [("three hundreds", 300, 300, 300, "exact", None, "killed")]),
    ("Two thousands of protesters marched on the capital.",
     [("Two thousands of protesters", 2000, 2000, 2000, "exact", "protesters", "people")]),
    ("Hundreds of people fled the floods.",
     [("Hundreds of people", None, 200, 999, "vague", "people", "people")]),
    ("Two of the victims were children.",
     [("Two of the victims", 2, 2, 2, "exact", "victims", "people")]),
    ("At least 13 armed groups have joined the offensive.",
     [("At least 13 armed groups", 13, 13, None, "at_least", "groups", "count")]),
    # --- disaster
    ("At least 45 people died when the ferry capsized off the coast.",
     [("At least 45 people", 45, 45, None, "at_least", "people", "killed")]),
    ("More than 100 passengers were injured in the crash.",
     [("More than 100 passengers", 100, 100, None, "more_than", "passengers", "wounded")]),
    ("Nearly 300 houses were destroyed by the fire.",
     [("Nearly 300 houses", 300, 270, 300, "almost", "houses", "count")]),
    ("Up to 50 people may have died in the landslide.",
     [("Up to 50 people", 50, None, 50, "at_most", "people", "killed")]),
    ("The earthquake killed 2,300 people and left 15,000 homeless.",
     [("2,300 people", 2300, 2300, 2300, "exact", "people", "killed"),
      ("15,000 homeless", 15000, 15000, 15000, "exact", "homeless", "people")]),
    ("The death toll has risen to 120, officials said.",
     [("120", 120, 120, 120, "exact", "toll", "killed")]),
    ("The storm left 4 dead and 12 injured.",
     [("4 dead", 4, 4, 4, "exact", "dead", "killed"),
      ("12 injured", 12, 12, 12, "exact", "injured", "wounded")]),
    ("Scores of homes were destroyed by the cyclone.",
     [("Scores of homes", None, 40, 199, "vague", "homes", "count")]),
    ("Over 200 firefighters battled the blaze.",
     [("Over 200 firefighters", 200, 200, None, "more_than", "firefighters", "personnel")]),
    ("Some 20 or so villagers were missing after the flood.",
     [("Some 20 or so villagers", 20, 18, 22, "about", "villagers", "people")]),
    ("The quake destroyed 20-30 buildings in the old town.",
     [("20-30 buildings", None, 20, 30, "range", "buildings", "count")]),
    ("A hundred residents were evacuated from the area.",
     [("A hundred residents", 100, 100, 100, "exact", "residents", "people")]),
    ("Half a million people have fled since the war began.",
     [("Half a million people", 500_000, 500_000, 500_000, "exact", "people", "people")]),
    # --- protest
    ("Dozens of protesters were arrested outside parliament.",
     [("Dozens of protesters", None, 24, 99, "vague", "protesters", "people")]),
    ("Hundreds of thousands of people marched through the capital.",
     [("Hundreds of thousands of people", None, 200000, 999999, "vague", "people", "people")]),
    ("Twenty-one police officers were hurt during the riots.",
     [("Twenty-one police officers", 21, 21, 21, "exact", "officers", "wounded")]),
    ("Between 20 and 30 people were hurt in the stampede.",
     [("Between 20 and 30 people", None, 20, 30, "range", "people", "wounded")]),
    ("No more than 40 people attended the rally.",
     [("No more than 40 people", 40, None, 40, "at_most", "people", "people")]),
    ("Several hundred protesters gathered in the square.",
     [("Several hundred protesters", None, 300, 999, "vague", "protesters", "people")]),
    ("A few thousand police were deployed.",
     [("A few thousand police", None, 2000, 6999, "vague", "police", "personnel")]),
    ("Two dozen journalists have been detained since March.",
     [("Two dozen journalists", 24, 24, 24, "exact", "journalists", "people")]),
    ("Police said 87 protesters were arrested.",
     [("87 protesters", 87, 87, 87, "exact", "protesters", "people")]),
    ("Several of the miners were rescued on Monday.",
     [("Several of the miners", None, 3, 9, "vague", "miners", "people")]),
    # --- economy
    ("The government will spend £4.5bn on 40 new hospitals.",
     [("£4.5bn", 4_500_000_000, 4_500_000_000, 4_500_000_000, "exact", None, "money"),
      ("40 new hospitals", 40, 40, 40, "exact", "hospitals", "count")]),
    ("The company lost $1.2 billion last year.",
     [("$1.2 billion", 1_200_000_000, 1_200_000_000, 1_200_000_000, "exact", None, "money")]),
    ("The fund is worth €5m, officials said.",
     [("€5m", 5_000_000, 5_000_000, 5_000_000, "exact", None, "money")]),
    ("Exports fell to 500 million euros.",
     [("500 million euros", 500_000_000, 500_000_000, 500_000_000, "exact", None, "money")]),
    ("Prices rose 12% in the year to March.",
     [("12%", 12, 12, 12, "exact", None, "percent")]),
    ("Unemployment stood at 7.9 per cent, and 64 percent of voters backed the plan.",
     [("7.9 per cent", 7.9, 7.9, 7.9, "exact", None, "percent"),
      ("64 percent of voters", 64, 64, 64, "exact", "voters", "percent")]),
    ("The central bank raised rates by 0.25 percentage points.",
     [("0.25 percentage points", 0.25, 0.25, 0.25, "exact", None, "percent")]),
    ("More than a dozen villages were flooded.",
     [("More than a dozen villages", 12, 12, None, "more_than", "villages", "count")]),
    # --- health
    ("Fewer than 10 patients remain in intensive care.",
     [("Fewer than 10 patients", 10, None, 10, "fewer_than", "patients", "people")]),
    ("The virus has infected 1,500 people and killed 60.",
     [("1,500 people", 1500, 1500, 1500, "exact", "people", "people"),
      ("60", 60, 60, 60, "exact", "people", "killed")]),
    ("The hospital treated 1.2 million patients last year.",
     [("1.2 million patients", 1_200_000, 1_200_000, 1_200_000, "exact", "patients", "people")]),
    ("An estimated 300,000 people fled the fighting.",
     [("An estimated 300,000 people", 300000, 270000, 330000, "about", "people", "people")]),
    ("Tens of thousands of refugees have crossed the border.",
     [("Tens of thousands of refugees", None, 20000, 99999, "vague", "refugees", "people")]),
    # --- distance and duration
    ("The convoy travelled 12 km before it was stopped some eight miles from the border.",
     [("12 km", 12, 12, 12, "exact", None, "distance"),
      ("some eight miles", 8, 7.2, 8.8, "about", None, "distance")]),
    ("The strike lasted 48 hours and the talks dragged on for three years.",
     [("48 hours", 48, 48, 48, "exact", None, "duration"),
      ("three years", 3, 3, 3, "exact", None, "duration")]),
    ("Workers began a 48-hour strike on Tuesday.",
     [("48-hour", 48, 48, 48, "exact", None, "duration")]),
    # --- currency words after the figure
    ("The governor said the state would need roughly 19 billion reais to rebuild.",
     [("roughly 19 billion reais", 19_000_000_000, 17_100_000_000, 20_900_000_000, "about",
       None, "money")]),
    # --- percent bands: a share stops at 100; a change or a ratio to GDP may go past it
    ("The vaccine is about 97 percent effective at preventing measles.",
     [("about 97 percent", 97, 87.3, 100, "about", None, "percent")]),
    ("Turnout was about 95 per cent, up about 98 percent on last year.",
     [("about 95 per cent", 95, 85.5, 100, "about", None, "percent"),
      ("about 98 percent", 98, 88.2, 107.8, "about", None, "percent")]),
    ("Food prices rose about 97 percent, a rise of about 90 percent in fuel.",
     [("about 97 percent", 97, 87.3, 106.7, "about", None, "percent"),
      ("about 90 percent", 90, 81, 99, "about", None, "percent")]),
    ("Public debt stood at about 97 percent of GDP.",
     [("about 97 percent of GDP", 97, 87.3, 106.7, "about", "gdp", "percent")]),
    ("Hospitals ran at about 120 percent and bed use rose 150 percent.",
     [("about 120 percent", 120, 108, 132, "about", None, "percent"),
      ("150 percent", 150, 150, 150, "exact", None, "percent")]),
    ("The plan was backed by about 97 percent of members.",
     [("about 97 percent of members", 97, 87.3, 100, "about", "members", "percent")]),
    # --- title-case headlines: the subject of "climb to N", a count that marches or dies
    ("Measles Cases Climb to 87 in Northern Region",
     [("87", 87, 87, 87, "exact", "cases", "people")]),
    ("Flood Death Toll Rises to 312",
     [("312", 312, 312, 312, "exact", "toll", "killed")]),
    ("Deaths Rise to 40 After Storm",
     [("40", 40, 40, 40, "exact", "deaths", "killed")]),
    ("Thousands March in Capital Against Pension Reform",
     [("Thousands", None, 2000, 9999, "vague", None, "people")]),
    ("Hundreds Flee Fighting in North",
     [("Hundreds", None, 200, 999, "vague", None, "people")]),
    ("Dozens Die as Floods Sweep Region",
     [("Dozens", None, 24, 99, "vague", None, "killed")]),
    ("Measles cases rose to 87 and deaths reached 12, officials said.",
     [("87", 87, 87, 87, "exact", "cases", "people"),
      ("12", 12, 12, 12, "exact", "deaths", "killed")]),
    ("Infections Top 10,000 as Wave Spreads",
     [("10,000", 10000, 10000, 10000, "exact", "infections", "people")]),
    ("Rebels hit 3 on Monday.",
     [("3", 3, 3, 3, "exact", None, "other")]),
    # --- running totals: "the total (number of) X" is X; "the total saved" follows the verb
    ("The Tamandaré rescued 29 people and the Oiapoque rescued 5, bringing the total saved "
     "by the navy to 34.",
     [("29 people", 29, 29, 29, "exact", "people", "people"),
      ("5", 5, 5, 5, "exact", "people", "people"),
      ("34", 34, 34, 34, "exact", "saved", "people")]),
    ("The total number of people evacuated rose to 1,200, and the number killed rose to 40.",
     [("1,200", 1200, 1200, 1200, "exact", "people", "people"),
      ("40", 40, 40, 40, "exact", "killed", "killed")]),
    # --- a bare count as the subject of what people do
    ("Organisers said 20,000 had joined.",
     [("20,000", 20000, 20000, 20000, "exact", None, "people")]),
    ("Police said 5,000 took part and 300 were arrested.",
     [("5,000", 5000, 5000, 5000, "exact", None, "people"),
      ("300", 300, 300, 300, "exact", None, "people")]),
    ("Thousands marched through the capital, and 60 died in the crush.",
     [("Thousands", None, 2000, 9999, "vague", None, "people"),
      ("60", 60, 60, 60, "exact", None, "killed")]),
    ("Police Arrest 40 After Clashes",
     [("40", 40, 40, 40, "exact", None, "people")]),
    ("Rescue workers said 40 were still trapped under the rubble.",
     [("40", 40, 40, 40, "exact", None, "people")]),
    ("Two navy ships joined the effort.",
     [("Two navy ships", 2, 2, 2, "exact", "ships", "count")]),
    # --- ages are not counted, the figures beside them are
    ("A mother, 34, and 12 other passengers were hurt.",
     [("12 other passengers", 12, 12, 12, "exact", "passengers", "wounded")]),
    # a count set off by commas after a plural is no one's age
    ("The blast killed eight soldiers, 12, police said.",
     [("eight soldiers", 8, 8, 8, "exact", "soldiers", "killed"),
      ("12", 12, 12, 12, "exact", "soldiers", "killed")]),
    ("He was jailed at the age of 18 along with 30 others.",
     [("30 others", 30, 30, 30, "exact", "others", "people")]),
    ("Parliament raised the pension age to 67 and cut benefits to 200,000 people.",
     [("200,000 people", 200000, 200000, 200000, "exact", "people", "people")]),
    ("The retirement age rose to 67, affecting 2 million workers.",
     [("2 million workers", 2_000_000, 2_000_000, 2_000_000, "exact", "workers", "people")]),
    # --- losses: people a side lost are its dead; things and jobs are not
    ("The fleet suffered losses of at least 120 sailors.",
     [("at least 120 sailors", 120, 120, None, "at_least", "sailors", "killed")]),
    ("The brigade took heavy losses of 40 men in the assault.",
     [("40 men", 40, 40, 40, "exact", "men", "killed")]),
    ("The navy put its losses at 120 sailors.",
     [("120 sailors", 120, 120, 120, "exact", "sailors", "killed")]),
    ("The army lost 250 fighters in the offensive.",
     [("250 fighters", 250, 250, 250, "exact", "fighters", "killed")]),
    ("Rebels lost 30 men in the battle.",
     [("30 men", 30, 30, 30, "exact", "men", "killed")]),
    ("Officials said Russia lost 300 men in the assault.",
     [("300 men", 300, 300, 300, "exact", "men", "killed")]),
    ("The company lost 250 workers to rivals.",
     [("250 workers", 250, 250, 250, "exact", "workers", "people")]),
    ("The army reported losses of 40 tanks in the battle.",
     [("40 tanks", 40, 40, 40, "exact", "tanks", "count")]),
    ("The plant closure means losses of 400 jobs.",
     [("400 jobs", 400, 400, 400, "exact", "jobs", "count")]),
    ("Job losses of 400 workers hit the town.",
     [("400 workers", 400, 400, 400, "exact", "workers", "people")]),
    ("The party lost 12 seats in the election.",
     [("12 seats", 12, 12, 12, "exact", "seats", "count")]),
    # --- "put the toll at N earlier": the figure parsed as the adverb's ("two days earlier")
    ("Kurdish police put the death toll at 16 earlier.",
     [("16", 16, 16, 16, "exact", "toll", "killed")]),
    ("The ministry put the toll at 312.",
     [("312", 312, 312, 312, "exact", "toll", "killed")]),
    # --- the participle of "the total number of X killed", wherever the parser hangs it
    ("The strike brought the total number of government soldiers killed to 480.",
     [("480", 480, 480, 480, "exact", "soldiers", "killed")]),
    ("The attacks raised the number of civilians injured to 75.",
     [("75", 75, 75, 75, "exact", "civilians", "wounded")]),
    # --- comparisons: a figure with no noun counts what the figure it is compared with counts
    ("The death toll rose to 312 by Tuesday, up from 281 on Sunday.",
     [("312", 312, 312, 312, "exact", "toll", "killed"),
      ("281", 281, 281, 281, "exact", "toll", "killed")]),
    ("Deaths rose to 312 by Tuesday, up from 281 on Sunday.",
     [("312", 312, 312, 312, "exact", "deaths", "killed"),
      ("281", 281, 281, 281, "exact", "deaths", "killed")]),
    ("The death toll rose from 281 to 312.",
     [("281", 281, 281, 281, "exact", "toll", "killed"),
      ("312", 312, 312, 312, "exact", "toll", "killed")]),
    ("The death toll was 312, compared with 281 a week earlier.",
     [("312", 312, 312, 312, "exact", "toll", "killed"),
      ("281", 281, 281, 281, "exact", "toll", "killed")]),
    ("Compared with 281 a week ago, 312 people have now died.",
     [("281", 281, 281, 281, "exact", "people", "killed"),
      ("312 people", 312, 312, 312, "exact", "people", "killed")]),
    ("The army deployed 3,000 troops, up from 2,000 last year.",
     [("3,000 troops", 3000, 3000, 3000, "exact", "troops", "personnel"),
      ("2,000", 2000, 2000, 2000, "exact", "troops", "personnel")]),
    ("Unemployment fell to 5.1%, down from 5.4%.",
     [("5.1%", 5.1, 5.1, 5.1, "exact", None, "percent"),
      ("5.4%", 5.4, 5.4, 5.4, "exact", None, "percent")]),
    ("He was sentenced to 12 years, down from 15.",
     [("12 years", 12, 12, 12, "exact", None, "duration"),
      ("15", 15, 15, 15, "exact", None, "other")]),
    ("Turnout was 40,000, compared with 35,000 in 2019.",
     [("40,000", 40000, 40000, 40000, "exact", None, "other"),
      ("35,000", 35000, 35000, 35000, "exact", None, "other")]),
    # --- a bare total takes what the earlier figures of its sentence count, if they agree
    ("The Tamandaré rescued 29 people and the Oiapoque rescued 5, bringing the total to 34.",
     [("29 people", 29, 29, 29, "exact", "people", "people"),
      ("5", 5, 5, 5, "exact", "people", "people"),
      ("34", 34, 34, 34, "exact", "people", "people")]),
    ("The attack killed 12 and wounded 30, bringing the total to 42.",
     [("12", 12, 12, 12, "exact", None, "killed"),
      ("30", 30, 30, 30, "exact", None, "wounded"),
      ("42", 42, 42, 42, "exact", "total", "count")]),
    ("The state received $5m and $3m, bringing the total to $8m.",
     [("$5m", 5_000_000, 5_000_000, 5_000_000, "exact", None, "money"),
      ("$3m", 3_000_000, 3_000_000, 3_000_000, "exact", None, "money"),
      ("$8m", 8_000_000, 8_000_000, 8_000_000, "exact", None, "money")]),
    # --- title case in the body reads like a headline
    ("Car Bomb Kills 12 in Market",
     [("12", 12, 12, 12, "exact", None, "killed")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_quantities(nlp, text: str, expected: list[Row]) -> None:
    assert [_row(q) for q in _extract(nlp, text)] == expected


def _headline_page(text: str) -> Page:
    return Page(Document(text), (Segment("headline", 0, len(text), text),))


HEADLINES: list[tuple[str, list[Row]]] = [
    ("Mountain Ambush Kills 40 Soldiers",
     [("40 Soldiers", 40, 40, 40, "exact", "soldiers", "killed")]),
    ("Car Bomb Kills 12 in Market",
     [("12", 12, 12, 12, "exact", None, "killed")]),
    ("Car bomb kills 12 in market",
     [("12", 12, 12, 12, "exact", None, "killed")]),
    ("Floods Kill 25 in Village",
     [("25", 25, 25, 25, "exact", None, "killed")]),
    ("Quake Leaves 300 Dead",
     [("300 Dead", 300, 300, 300, "exact", "dead", "killed")]),
    ("Attack Leaves 12 Soldiers Dead",
     [("12 Soldiers", 12, 12, 12, "exact", "soldiers", "killed")]),
    ("Bomb Kills 12, Injures 30",
     [("12", 12, 12, 12, "exact", None, "killed"),
      ("30", 30, 30, 30, "exact", None, "wounded")]),
    ("Blast Wounds 30 in Capital",
     [("30", 30, 30, 30, "exact", None, "wounded")]),
    ("40 Feared Dead as Boat Capsizes",
     [("40", 40, 40, 40, "exact", None, "killed")]),
    ("Army Loses 250 Fighters in Offensive",
     [("250 Fighters", 250, 250, 250, "exact", "fighters", "killed")]),
    ("Death toll climbs to 57, up from 40",
     [("57", 57, 57, 57, "exact", "toll", "killed"),
      ("40", 40, 40, 40, "exact", "toll", "killed")]),
    ("Storm Leaves 20,000 Without Power",
     [("20,000", 20000, 20000, 20000, "exact", None, "other")]),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINES, ids=[c[0] for c in HEADLINES])
def test_headlines(nlp, text: str, expected: list[Row]) -> None:
    """In a headline segment the word forms beside a figure decide what the poor
    title-case parse cannot ("Kills 12" with "Kills" read as a proper noun)."""
    quantities = _extract(nlp, text, _headline_page(text))
    assert [_row(q) for q in quantities] == expected
    assert {q.segment for q in quantities} == {"headline"}


def test_sentence_final_scale_letter(nlp) -> None:
    """spaCy keeps "m." as one token at the end of a sentence; the full stop is not part
    of the figure."""
    (q,) = _extract(nlp, "The deal was worth £300m.")
    assert (q.text, q.value, q.unit) == ("£300m", 300_000_000, "GBP")
    assert q.number is not None and q.number.text == "300m"


UNITS = [
    ("The company lost $1.2 billion last year.", "USD"),
    ("The government will spend £4.5bn on hospitals.", "GBP"),
    ("Exports fell to 500 million euros.", "EUR"),
    ("The state will invest Rs 40 crore in the project.", "INR"),
    ("Prices rose 12% in the year to March.", "%"),
    ("The convoy travelled 12 km.", "km"),
    ("The strike lasted 48 hours.", "hour"),
]


@pytest.mark.parametrize(("text", "unit"), UNITS)
def test_units(nlp, text: str, unit: str) -> None:
    quantities = _extract(nlp, text)
    assert quantities[0].unit == unit


CURRENCIES = [
    # (text, quantity text, value, unit)
    ("Officials pledged 500 crore rupees.", "500 crore rupees", 5_000_000_000, "INR"),
    ("Beijing pledged 2 billion yuan.", "2 billion yuan", 2_000_000_000, "CNY"),
    ("Moscow set aside 300 million roubles.", "300 million roubles", 300_000_000, "RUB"),
    ("Moscow set aside 40 million rubles.", "40 million rubles", 40_000_000, "RUB"),
    ("Lagos raised 5 billion naira.", "5 billion naira", 5_000_000_000, "NGN"),
    ("Israel paid 10 million shekels.", "10 million shekels", 10_000_000, "ILS"),
    ("Dubai paid 3 million dirhams.", "3 million dirhams", 3_000_000, "AED"),
    ("Mexico spent 80 million pesos.", "80 million pesos", 80_000_000, "MXN"),
    ("Buenos Aires spent 80 million Argentine pesos.", "80 million Argentine pesos",
     80_000_000, "ARS"),
    ("Ankara spent 2 billion lira.", "2 billion lira", 2_000_000_000, "TRY"),
    ("Zurich gave 50 million francs.", "50 million francs", 50_000_000, "CHF"),
    ("Seoul gave 900 billion won.", "900 billion won", 900_000_000_000, "KRW"),
    ("Tokyo gave 3 trillion yen.", "3 trillion yen", 3_000_000_000_000, "JPY"),
    ("Baghdad gave 6 billion dinars.", "6 billion dinars", 6_000_000_000, "IQD"),
    ("The fine was 40,000 Kuwaiti dinars.", "40,000 Kuwaiti dinars", 40_000, "KWD"),
    ("Pretoria gave 12 billion rand.", "12 billion rand", 12_000_000_000, "ZAR"),
    ("It cost ₹500 crore.", "₹500 crore", 5_000_000_000, "INR"),
    ("It cost ₦2bn.", "₦2bn", 2_000_000_000, "NGN"),
    ("It cost ₽300 million.", "₽300 million", 300_000_000, "RUB"),
    ("It cost ¥1.5 trillion.", "¥1.5 trillion", 1_500_000_000_000, "JPY"),
    ("It cost R$19 billion.", "R$19 billion", 19_000_000_000, "BRL"),
    ("It cost HK$10 million and more.", "HK$10 million", 10_000_000, "HKD"),
    ("It paid S$5m in fines.", "S$5m", 5_000_000, "SGD"),
    ("Tickets cost 500€ each.", "500€", 500, "EUR"),
    ("The fund has 300 million won in reserve.", "300 million won", 300_000_000, "KRW"),
]


@pytest.mark.parametrize(("text", "expected", "value", "unit"), CURRENCIES)
def test_currencies(nlp, text: str, expected: str, value: float, unit: str) -> None:
    (q,) = _extract(nlp, text)
    assert (q.text, q.value, q.unit, q.category) == (expected, value, unit, "money")


def test_glued_currency_sign_is_not_part_of_the_figure(nlp) -> None:
    (q,) = _extract(nlp, "The state needs R$19 billion.")
    assert q.number is not None and q.number.text == "19 billion"


def test_won_as_a_verb_is_no_currency(nlp) -> None:
    (q,) = _extract(nlp, "Of the candidates, 30 won their races.")
    assert (q.text, q.unit, q.category) == ("30", None, "other")


def test_crore(nlp) -> None:
    (q,) = _extract(nlp, "The state will invest Rs 40 crore in the project.")
    assert (q.text, q.value, q.category) == ("Rs 40 crore", 400_000_000, "money")


NOT_QUANTITIES = [
    "The Fars news agency reported the clashes on May 7.",
    "The fighting began on 6 May and ended on July 17, 2014.",
    "The first advisers arrived in 2012.",
    "Talks began in 2016 and resumed in the 1990s style.",
    "A 34-year-old man was arrested at 3 pm.",
    "John Smith, 34, said the meeting ended at 10:30.",
    "Officers arrested a man aged 61 on Friday.",
    "A Harlow woman, 26, spent a week in a fast-food restaurant.",
    "A soldier, 19, was questioned by the military police.",
    "The singer dies at 57 after a long illness.",
    "Mary Jones (45) was among those questioned.",
    "The 21st man came first, the third came later.",
    "It could be one of the biggest losses since the war began.",
    "One day he would return, he said.",
    "They vowed support in the country's five-year-old war.",
    "Covid-19 hit the G7 economies, and F-16 jets invoked Article 5.",
    "Resolution 2254 was passed under Chapter 7.",
    "Call 555-123-4567 or +44 20 7946 0000 for details.",
    "The team won 3-1 in the 89th minute.",
    "The report was published on 08/05/2016.",
    "He was in his 60s when he died three years ago.",
    "Many losses have gone unreported, and numerous homes were hit.",
    "Exam scores rose sharply this term.",
    "The 2014-2016 drought is over.",
    "Since the 9/11 attacks, 5G networks and the M25 have changed.",
    "Downing Street said No. 10 would respond.",
    # ages
    "The reform would raise the retirement age from 62 to 64 by 2030.",
    "The voting age is 16, and parliament lowered the age of consent to 15.",
    "The minimum age was raised to 18 last year.",
    "The app lowered the age limit to 13.",
    "Most of the cases are in children under five who had not been vaccinated.",
    "People over 65 and the under-18s are most at risk.",
    "The over-65s and 65-year-olds were vaccinated first.",
    "Pensioners aged over 65 were first in line.",
    "Children aged between 5 and 11 will be offered the vaccine.",
    "The law covers those under 16 and adults over 70.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(nlp, text: str) -> None:
    assert _extract(nlp, text) == ()


def test_list_numbers_are_not_quantities(nlp) -> None:
    text = "Comments\n\n  1. The west must act now.\n\n  2. Nothing to do with us.\n"
    assert _extract(nlp, text) == ()


def test_segment_kind_is_recorded(nlp) -> None:
    head = "Ferry sinks\n\n"
    body = "At least 45 people died.\n\n"
    comment = "I heard 50 people were killed."
    text = head + body + comment
    a, b = len(head), len(head) + len(body)
    page = Page(
        Document(text),
        (
            Segment("headline", 0, a, text[:a]),
            Segment("body", a, b, text[a:b]),
            Segment("comment", b, len(text), text[b:]),
        ),
    )
    quantities = _extract(nlp, text, page)
    assert [(q.text, q.segment) for q in quantities] == [
        ("At least 45 people", "body"),
        ("50 people", "comment"),
    ]


def test_number_span_is_the_figure_alone(nlp) -> None:
    (q,) = _extract(nlp, "Between 20 and 30 million people were affected.")
    assert (q.low, q.high, q.approx) == (20_000_000, 30_000_000, "range")
    assert q.number is not None and q.number.text == "20 and 30 million"


def test_seed_page(nlp) -> None:
    if not SEED.exists():
        pytest.skip(f"seed page not found at {SEED}: it lives in ../shared/seed/")
    text = SEED.read_text(encoding="utf-8")
    quantities = _extract(nlp, text)
    by_text = {q.text: q for q in quantities}

    q = by_text["at least 700 dead"]
    assert (q.low, q.high, q.approx) == (700, None, "at_least")
    assert (q.category, q.counted) == ("killed", "dead")
    q = by_text["several of its soldiers"]
    assert (q.approx, q.category, q.counted) == ("vague", "killed", "soldiers")
    assert q.low is not None and q.high is not None and q.low < q.high
    q = by_text["13 military advisers"]
    assert (q.value, q.category, q.counted) == (13, "killed", "advisers")
    q = by_text["21 wounded"]
    assert (q.value, q.category, q.counted) == (21, "wounded", "advisers")
    q = by_text["dozens of people"]
    assert (q.approx, q.category, q.counted, q.value) == ("vague", "killed", "people", None)
    assert q.low is not None and q.high is not None and q.low < q.high
    q = by_text["almost 700 Iranian soldiers"]
    assert (q.high, q.approx, q.category) == (700, "almost", "killed")
    assert q.low is not None and q.low < 700
    q = by_text["About 2,000 troops"]
    assert (q.value, q.approx, q.category) == (2000, "about", "personnel")
    assert q.low is not None and q.high is not None and q.low < 2000 < q.high
    q = by_text["at least 13 Shia militias"]
    assert (q.low, q.high, q.approx, q.counted) == (13, None, "at_least", "militias")
    q = by_text["at least 3,000 Iranian military personnel"]
    assert (q.low, q.high, q.category) == (3000, None, "personnel")
    q = by_text["693"]
    assert (q.value, q.category, q.counted) == (693, "killed", "dead")
    assert by_text["13 deaths"].category == "killed"

    figures = {q.number.text for q in quantities if q.number is not None}
    assert not figures & {"7", "6", "2012", "1", "2", "five", "one"}
    for name in ("May 7", "May 6", "2012", "five-year-old"):
        at = text.index(name)
        assert not any(q.start <= at < q.end for q in quantities), name
