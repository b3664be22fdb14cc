"""Generated news pages of any length, for benchmarks that need pages longer than real ones.

    >>> page = generate(100_000, seed=1)

A page is a headline, a byline and paragraphs of two to four sentences, as a live blog,
transcript round-up or long report reads: tolls and head counts with approximators, money
and percentages, direct quotes, reported speech, "according to" and "quoted as saying"
chains, dates, and scene-setting sentences with no figure at all. Sentences are built from
templates and word pools with a seeded generator, so no sentence repeats on a page of a
million characters but the same seed always gives the same page. Nothing here is copied
from a dataset: the names and places are invented or common.
"""

from __future__ import annotations

import random
from collections.abc import Callable

FIRST = (
    "Maria", "Daniel", "Amina", "Pavel", "Leila", "Tomas", "Grace", "Yusuf", "Elena", "Samuel",
    "Nadia", "Victor", "Irene", "Omar", "Clara", "Hassan", "Ruth", "Ivan", "Sofia", "Karim",
    "Helen", "Marek", "Joyce", "Rafael", "Lina", "George", "Anna", "Farid", "Monica", "Peter",
)
LAST = (
    "Okafor", "Weiss", "Haddad", "Droz", "Moreno", "Novak", "Mensah", "Karimi", "Lindqvist",
    "Brennan", "Sato", "Petrov", "Duarte", "Abboud", "Fischer", "Kowalski", "Nwosu", "Varga",
    "Castillo", "Jensen", "Rahimi", "Ortega", "Muller", "Adeyemi", "Costa", "Hale", "Baran",
)
ROLES = (
    "the interior minister", "a police spokesman", "the regional health director",
    "the mayor", "a senior army officer", "the head of the local hospital",
    "a spokeswoman for the ministry", "the provincial governor", "a union leader",
    "the fire chief", "an aid worker", "the harbour master", "a government adviser",
)
ORGS = (
    "the Health Ministry", "the Red Crescent", "the UN refugee agency", "the civil defence",
    "the national statistics office", "the Interior Ministry", "the World Food Programme",
    "the coast guard", "the central bank", "the electoral commission", "the army",
    "the Observatory for Human Rights", "the teachers' union", "the port authority",
)
OUTLETS = ("Reuters", "the state broadcaster", "AFP", "the Associated Press", "the Daily Courier",
           "local radio", "the official news agency")
PLACES = (
    "Velna", "Marsk", "Port Amberly", "Kestrel Bay", "Tarvin", "Ostrava", "Lagos", "Mosul",
    "Aleppo", "Kharkiv", "Valparaiso", "Cebu", "Tripoli", "Halden", "Noreth", "Sallow Point",
    "Benghazi", "Homs", "Mariupol", "Tacloban", "Dunmore", "Erbil", "Kismayo", "Antalya",
)
REGIONS = ("the north", "the eastern province", "the coastal region", "the capital",
           "the border area", "the southern districts", "the river valley", "the old city")
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "on Sunday", "last week", "overnight", "earlier this month", "on 12 March",
        "on 3 June", "late on Friday", "this morning", "since January")
COUNTED = ("people", "civilians", "soldiers", "protesters", "workers", "children", "migrants",
           "passengers", "patients", "fighters", "students", "residents", "police officers")
THINGS = ("homes", "schools", "shops", "vehicles", "buildings", "clinics", "boats", "wells",
          "bridges", "tents")
HARM = ("killed", "wounded", "injured", "displaced", "arrested", "evacuated", "rescued",
        "detained", "missing")
EVENTS = ("the flooding", "the strike", "the fire", "the clashes", "the storm", "the blast",
          "the protests", "the earthquake", "the shelling", "the outbreak", "the collapse")
APPROX = ("at least", "more than", "about", "nearly", "almost", "some", "up to", "over", "")
SAY = ("said", "told reporters", "said in a statement", "told local radio", "added",
       "warned", "confirmed", "said on Twitter", "told a news conference", "insisted")
QUOTES = (
    "We have never seen anything like this", "The situation is under control",
    "Help is on the way, but the roads are cut", "Nobody warned us",
    "We are doing everything we can", "This was a deliberate attack on civilians",
    "The numbers will rise", "We need more doctors, not more promises",
    "The water came in the middle of the night", "Our people will not be intimidated",
    "It is too early to say who is responsible", "The investigation will take months",
    "Every family here has lost someone", "We were told to leave with nothing",
    "The budget simply does not cover it", "These figures are a lie",
)
SCENES = (
    "Smoke still rose over {place} as darkness fell.",
    "Rain made the work of the rescue teams harder {day}.",
    "Queues formed outside the few bakeries that remained open in {place}.",
    "The streets of {region} were largely empty {day}.",
    "Volunteers handed out blankets and bottled water near the main square.",
    "Schools in {place} stayed closed while engineers inspected the buildings.",
    "Many residents spent the night in their cars, afraid to return home.",
    "The mood in {place} was tense but calm.",
    "Shops reopened slowly as power returned to parts of {region}.",
    "Long lines of trucks waited at the checkpoint outside {place}.",
    "Church bells rang across {place} in memory of the victims.",
    "The road to {place} was reopened after crews cleared the debris.",
)


def _person(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _figure(r: random.Random) -> str:
    n = r.choice((r.randint(2, 40), r.randint(10, 400), r.randint(100, 9000)))
    text = f"{n:,}"
    approx = r.choice(APPROX)
    return f"{approx} {text}".strip()


def _money(r: random.Random) -> str:
    return r.choice((
        f"${r.randint(2, 900)} million", f"{r.randint(2, 90)} billion euros",
        f"£{r.randint(10, 950):,},000", f"${r.randint(1, 40)}.{r.randint(1, 9)} billion",
    ))


_Builder = Callable[[random.Random], str]


def _toll(r: random.Random) -> str:
    return (f"{_figure(r).capitalize()} {r.choice(COUNTED)} were {r.choice(HARM)} in "
            f"{r.choice(EVENTS)} in {r.choice(PLACES)} {r.choice(DAYS)}.")


def _sourced_toll(r: random.Random) -> str:
    return (f"{r.choice(ORGS).capitalize()} {r.choice(SAY)} that {_figure(r)} "
            f"{r.choice(COUNTED)} had been {r.choice(HARM)} in {r.choice(REGIONS)}.")


def _according(r: random.Random) -> str:
    return (f"According to {r.choice(ORGS)}, {_figure(r)} {r.choice(THINGS)} were damaged "
            f"and {_figure(r)} {r.choice(COUNTED)} were left without shelter.")


def _quoted_as_saying(r: random.Random) -> str:
    return (f"{r.choice(OUTLETS).capitalize()} {r.choice(DAYS)} quoted {r.choice(ROLES)} as "
            f"saying that {_figure(r)} {r.choice(COUNTED)} had been {r.choice(HARM)}.")


def _direct(r: random.Random) -> str:
    q = r.choice(QUOTES)
    who = r.choice((_person(r), r.choice(ROLES)))
    if r.random() < 0.5:
        return f"“{q},” {who} {r.choice(SAY)}."
    return f"{_person(r)}, {r.choice(ROLES)}, {r.choice(SAY)}: “{q}.”"


def _reported(r: random.Random) -> str:
    return (f"{_person(r)}, {r.choice(ROLES)}, {r.choice(SAY)} {r.choice(DAYS)} that "
            f"{r.choice(EVENTS)} had cost {_money(r)} and that repairs would take "
            f"{r.randint(2, 30)} weeks.")


def _percent(r: random.Random) -> str:
    return (f"Turnout in {r.choice(PLACES)} reached {r.randint(20, 90)}.{r.randint(0, 9)} "
            f"percent, up from {r.randint(10, 60)} percent four years ago, "
            f"{r.choice(ORGS)} {r.choice(SAY)}.")


def _money_sentence(r: random.Random) -> str:
    return (f"The government has promised {_money(r)} in aid for {r.choice(REGIONS)}, "
            f"where {_figure(r)} {r.choice(COUNTED)} live.")


def _total(r: random.Random) -> str:
    return (f"In total, {_figure(r)} {r.choice(COUNTED)} have been {r.choice(HARM)} since "
            f"{r.choice(EVENTS)} began, {r.choice(OUTLETS)} reported.")


def _denial(r: random.Random) -> str:
    return (f"{r.choice(ORGS).capitalize()} denied reports that its forces had fired on "
            f"{r.choice(COUNTED)} in {r.choice(PLACES)}.")


def _scene(r: random.Random) -> str:
    return r.choice(SCENES).format(place=r.choice(PLACES), region=r.choice(REGIONS),
                                   day=r.choice(DAYS))


def _background(r: random.Random) -> str:
    return (f"{r.choice(PLACES)}, a town of {r.randint(8, 400) * 1000:,} people, lies "
            f"{r.randint(5, 300)} kilometres from the capital.")


def _distance(r: random.Random) -> str:
    return (f"The convoy travelled {r.randint(20, 600)} kilometres in {r.randint(3, 40)} hours "
            f"to reach {r.choice(PLACES)}, {_person(r)} {r.choice(SAY)}.")


BUILDERS: tuple[tuple[_Builder, int], ...] = (
    (_toll, 4), (_sourced_toll, 3), (_according, 2), (_quoted_as_saying, 2), (_direct, 4),
    (_reported, 2), (_percent, 1), (_money_sentence, 1), (_total, 1), (_denial, 1),
    (_scene, 4), (_background, 1), (_distance, 1),
)
_WEIGHTED = [b for b, w in BUILDERS for _ in range(w)]


def generate(chars: int, *, seed: int = 0) -> str:
    """A news page of about ``chars`` characters (never under it by more than a paragraph)."""
    r = random.Random(seed)
    place = r.choice(PLACES)
    parts = [
        f"{r.choice(EVENTS).capitalize()[4:].capitalize()} in {place}: "
        f"{_figure(r).capitalize()} {r.choice(COUNTED)} {r.choice(HARM)}, officials say",
        f"By {_person(r)}",
    ]
    size = sum(len(p) + 2 for p in parts)
    seen: set[str] = set()
    while size < chars:
        sentences: list[str] = []
        while len(sentences) < r.randint(2, 4):
            s = r.choice(_WEIGHTED)(r)
            if s not in seen:  # never the same sentence twice
                seen.add(s)
                sentences.append(s)
        para = " ".join(sentences)
        parts.append(para)
        size += len(para) + 2
    return "\n\n".join(parts) + "\n"
