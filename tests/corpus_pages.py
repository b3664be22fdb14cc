"""Reports and raw pages built by hand for the store tests (no spaCy needed).

A report here is what the analyser would produce for a short page: its document, body
segments, one quantity, one attribution, one claim and one finding, all with offsets that
slice back to their text, plus a ``figures`` list as the restructured report carries.
"""

from __future__ import annotations

from typing import Any

from newsaudit.corpus import dedup
from newsaudit.corpus.adapter import Outcome, body_text
from newsaudit.ingest.raw import RawPage
from newsaudit.model import (
    Attribution,
    Claim,
    Document,
    Finding,
    Quantity,
    Report,
    Segment,
    Source,
    Span,
)


def report_dict(text: str, *, source: str = "page.txt", outlet: str | None = None,
                published: str | None = None, url: str | None = None,
                check: str = "unsourced_claim") -> dict[str, Any]:
    """A contract-shaped report of ``text`` (first line headline, the rest body)."""
    head, _, rest = text.partition("\n\n")
    body_start = len(head) + 2
    segments = [Segment("headline", 0, len(head), head)]
    pos = body_start
    for para in rest.split("\n\n"):
        segments.append(Segment("body", pos, pos + len(para), para))
        pos += len(para) + 2
    first = segments[1]
    words = first.text.split()
    q_end = first.start + len(words[0])
    quantity = Quantity("q1", first.start, q_end, words[0], 3, 3, 3, "exact", "dead", "killed",
                        "body")
    attribution = Attribution(
        "a1", "reported_speech", Source("officials", "organisation", first.start, q_end), (),
        "said", Span.of(text, first.start, first.end), None, "body",
    )
    claim = Claim("c1", first.start, first.end, first.text, "body", 0.8, "outlet", None, ("q1",))
    finding = Finding("f1", check, "warning", "stated with no source",
                      (Span.of(text, first.start, first.end),), ("c1",))
    doc = Document(text=text, source=source, title=head, outlet=outlet, published=published,
                   url=url)
    report = Report(doc, tuple(segments), (quantity,), (attribution,), (claim,), (finding,))
    d = report.to_dict()
    d["figures"] = [{
        "id": "g1", "quantity": "q1", "category": "killed", "counted": "dead",
        "subject": "civilians", "places": ["Khan Tuman"], "dates": ["2016-05-06"],
        "changing": False, "scope": "event", "source": "a1", "voice": "attributed",
        "low": 3, "high": 3, "segment": "body", "start": quantity.start, "end": quantity.end,
        "text": quantity.text,
    }]
    return d


def outcome(report: dict[str, Any]) -> Outcome:
    body = body_text(report)
    return Outcome(report["document"]["source"], report=report, body=body,
                   signature=dedup.signature(body))


def raw(text: str, source: str, **meta: Any) -> RawPage:
    return RawPage(source, text, "text", meta.get("url"), meta.get("outlet"),
                   meta.get("published"), None)


STORY = (
    "Three killed as shells hit market\n\n"
    "Three people were killed on Tuesday when shells struck the crowded central market of "
    "the town, local officials said, adding that rescue teams were still searching the "
    "rubble for survivors late into the evening.\n\n"
    "The governor said the shelling came from positions east of the river and called on "
    "both sides to respect the ceasefire agreed last month in talks held in the capital.\n\n"
    "Residents described panic as stalls collapsed and smoke filled the narrow streets "
    "around the mosque, where families had gathered to buy food before the holiday."
)
OTHER = (
    "Harbour reopens after storm\n\n"
    "The port authority reopened the northern harbour on Friday after engineers checked "
    "the breakwater for damage caused by the storm that swept the coast earlier this week.\n\n"
    "Shipping companies said the closure had delayed more than forty vessels and that "
    "deliveries of grain and fuel would resume over the weekend as crews returned to work."
)


_PLACES = ["Harbourside", "Kelmor", "Ostrava Bay", "Tinwick", "Marlow Cross", "Eastgate",
           "Port Selby", "Radnor", "Vellan", "Aldmoor", "Brisk Hill", "Caddon"]
_OUTLETS = ["Harbour Times", "Valley Courier", "Coast Wire", "Northfield Notes"]
_SENTENCES = [
    "{n} people were hurt when a bus left the road near {p} on {d}, police said.",
    "The council of {p} voted to close {m} schools after inspectors found damp in the walls.",
    "Fishermen in {p} said catches had fallen by {n} per cent since the new quotas began.",
    "A fire at a warehouse in {p} destroyed {m} tonnes of grain, the owner told reporters.",
    "Officials in {p} said {n} families had been moved to shelters as the river rose.",
    "The hospital in {p} treated {m} patients for smoke inhalation overnight, a nurse said.",
    "Traders at the {p} market complained that rents had doubled in {n} months.",
    "Rail services between {p} and the capital were cut for {m} hours by a signal fault.",
    "Police in {p} arrested {n} men after a brawl outside a stadium, a spokesman said.",
    "Teachers in {p} will strike for {m} days next month over pay, their union announced.",
    "The mayor of {p} promised {n} new buses by the end of the year.",
    "Farmers near {p} lost {m} sheep to the storm, according to the farmers' union.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def synthetic_records(n: int, seed: int = 5) -> list[dict[str, Any]]:
    """``n`` short local-news records (JSONL-shaped) written for the tests."""
    import random

    rng = random.Random(seed)
    out = []
    for i in range(n):
        place = _PLACES[i % len(_PLACES)]
        picks = rng.sample(_SENTENCES, 6)
        sentences = [
            s.format(n=rng.randint(2, 400), m=rng.randint(2, 90), p=rng.choice(_PLACES),
                     d=rng.choice(_DAYS))
            for s in picks
        ]
        paras = [" ".join(sentences[k : k + 2]) for k in range(0, 6, 2)]
        out.append({
            "id": f"story-{i:03d}",
            "title": f"{place}: {sentences[0].split(',')[0]}",
            "text": "\n\n".join(paras),
            "outlet": _OUTLETS[i % len(_OUTLETS)],
            "published": f"2024-0{1 + i % 9}-{10 + i % 18:02d}",
        })
    return out
