"""Which of a page's figures are about its event, and on whose word (rule 1 of the contract).

A report's ``figures`` (the figures stage's records) are every toll and head count of the
article. An event's comparison keeps only those about the incident itself:

- not in a caption, related link or comment (only headline, standfirst and body count);
- a category an event is counted in (killed, wounded, missing, arrested, displaced,
  rescued, abducted), read from the quantity's category, the clause's verb, what is
  counted, or the words of the sentence next to the figure;
- not a running total of a war or a year ("since 2019", "this year"), nor an earlier
  incident ("In January, a bombing ... killed nine"), though a total since the event
  itself ("48 bodies recovered since Sunday's sinking") is the event's toll;
- not a share or an increment ("several of the wounded", "among the dead", "four more
  bodies"), nor a headline repeating a body figure (the body's, with its source, counts).

Whose word it is comes from the figure's attribution; when the attribution stage found
none, or took the figure itself for the speaker, a closing ", the Observatory said." of
the sentence is read. Everything here reads the stored report: no parse.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from newsaudit.corpus.events.words import EventWords, event_words, words_of
from newsaudit.figures.words import lexicon

__all__ = ["EventFigure", "Excluded", "event_category", "page_figures", "voice_keys"]

ARTICLE = frozenset({"headline", "standfirst", "body"})
#: Source types that name who is speaking (rank 0); anonymous and passive sources rank 1;
#: the page's own voice ranks 2.
NAMED_TYPES = frozenset({"person", "organisation", "outlet"})
#: Words that do not tell two bodies apart, beyond the figures lexicon's generic ones
#: ('the state news agency SANA' and 'the Fars news agency' are different voices).
VOICE_GENERIC = frozenset({
    "news", "media", "group", "groups", "monitoring", "monitor", "forces", "force", "security",
    "officers", "internal", "britain-based", "based", "said", "says", "told", "reporters",
    "volunteers", "teams", "team", "workers", "staff", "director", "president", "governor's",
    "minister", "secretary", "general", "spokesman", "spokeswoman", "inc", "ltd",
})
_TRAILING = re.compile(
    r",\s+((?:the\s+|a\s+|an\s+)?[A-Za-z][\w'’.\- ]{1,80}?)\s+"
    r"(?:said|says|reported|told\s+\w+|added|confirmed|announced|stated)"
    r"(?:\s+(?:on|late on|early on|in a statement)\b[\w ]*)?\s*[.”\"']*\s*$"
)
_ANON = re.compile(r"\b(official|officials|source|sources|spokesman|spokeswoman|who asked not|"
                   r"not authori[sz]ed|anonymity|witness|witnesses|residents?|activists?)\b", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class EventFigure:
    """One figure of a page that counts toward its event."""

    figure: str
    quantity: str
    category: str
    text: str
    segment: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    approx: str
    vague: bool
    changing: bool
    voice: str  # attributed | outlet
    source_text: str | None
    source_type: str | None
    via: tuple[dict[str, Any], ...]
    rank: int  # 0 named, 1 anonymous, 2 the page's own voice
    keys: tuple[str, ...]  # what tells this source apart from others ("syrian", "observatory")
    attribution: str | None
    order: int

    @property
    def bounds(self) -> tuple[float, float] | None:
        """Closed bounds: an open bound is the figure itself (rule 3)."""
        lo = self.low if self.low is not None else self.value
        hi = self.high if self.high is not None else self.value
        if lo is None or hi is None:
            return None
        return float(lo), float(hi)


@dataclass(frozen=True, slots=True)
class Excluded:
    """A figure of the page left out of the event, and why, in plain words."""

    figure: str
    text: str
    category: str | None
    reason: str
    extra: dict[str, Any] = field(default_factory=dict)


def voice_keys(text: str | None) -> tuple[str, ...]:
    """The distinctive words of a source's name ('the Syrian Observatory for Human Rights'
    -> observatory, human, rights, syrian)."""
    if not text:
        return ()
    generic = lexicon().source_generic | VOICE_GENERIC
    words = [w.strip("'’-") for w in words_of(text)]
    return tuple(sorted({w for w in words if len(w) > 1 and w not in generic
                         and not w.isdigit()}))


def event_category(fig: Mapping[str, Any], sentence: str, offset: int) -> str | None:
    """The event category a figure counts, or None when it is not a toll or head count
    (passengers carried, staff employed). ``offset``: where the figure starts in
    ``sentence``."""
    w = event_words()
    cat = w.from_quantity.get(fig.get("category") or "")
    if cat:
        return cat
    pred = ((fig.get("subject") or {}).get("predicate") or "").lower()
    if pred in w.predicates:
        return w.predicates[pred]
    counted = (fig.get("counted") or "").lower()
    if counted in w.counted:
        return w.counted[counted]
    if pred and pred not in w.light_predicates:
        return None
    return _nearest_cue(w, sentence, offset, len(fig.get("text") or ""))


def _nearest_cue(w: EventWords, sentence: str, offset: int, length: int) -> str | None:
    low = sentence.lower()
    best: tuple[int, str] | None = None
    for cat, cues in w.sentence_cues.items():
        for cue in cues:
            for m in re.finditer(r"\b" + re.escape(cue) + r"\b", low):
                if m.start() >= offset + length:
                    dist = m.start() - (offset + length)
                else:
                    dist = max(0, offset - m.end())
                if dist <= 60 and (best is None or dist < best[0]):
                    best = (dist, cat)
    return best[1] if best else None


def _share_or_increment(w: EventWords, text: str, after: str) -> str | None:
    words = words_of(text)
    joined = " ".join(words)
    if any(f" {p} " in f" {joined} " for p in w.partitive):
        return "a share of another count"
    if len(words) >= 2 and words[1] in w.increment or words[:1] and words[0] in ("another",):
        return "an increment, not a toll"
    tail = " ".join(words_of(after)[:6])
    for p in w.among:
        if f" {tail} ".find(f" were {p} ") >= 0 or tail.startswith(p) or f" {p} " in f" {tail} ":
            return "a share of another count"
    return None


def _time_reason(
    w: EventWords, fig: Mapping[str, Any], sentence: str, day: str | None
) -> str | None:
    """Why the figure's time is not the event's, or None."""
    dates = [str(d).lower() for d in fig.get("dates") or ()]
    swords = words_of(sentence)
    in_window = any(
        d.split()[0] in w.weekdays or d in ("today", "yesterday", "overnight", "tonight")
        or _same_day(d, day) for d in dates if d
    )
    if fig.get("scope") == "running_total" and not in_window:
        i = swords.index("since") if "since" in swords else -1
        nxt = swords[i + 1 : i + 5] if i >= 0 else []
        if not (nxt and set(nxt) & w.event_since and not any(_YEAR.match(x) for x in nxt)):
            return "a running total, not this event's toll"
    if in_window:
        return None
    for d in dates:
        parts = d.split()
        if any(_YEAR.match(p) and (day is None or p != day[:4]) for p in parts):
            return f"about another time ({d})"
        if parts and parts[0] in w.months and (day is None or not _same_month(parts, day)):
            return f"about another time ({d})"
        if any(d == p or d.startswith(p + " ") or d.endswith(" " + p) for p in w.periods):
            return f"about another time ({d})"
    return None


def _same_month(parts: list[str], day: str) -> bool:
    months = event_words().months
    try:
        return months.index(parts[0]) + 1 == int(day[5:7])
    except (ValueError, IndexError):
        return False


def _same_day(d: str, day: str | None) -> bool:
    if not day:
        return False
    parts = d.split()
    if len(parts) == 2 and parts[0] in event_words().months and parts[1].rstrip("stndrh").isdigit():
        return _same_month(parts, day) and abs(int(parts[1].rstrip("stndrh")) - int(day[8:10])) <= 3
    return False


def _trailing_source(sentence: str) -> tuple[str, str] | None:
    """', the Syrian Observatory for Human Rights said.' at the end of a sentence."""
    m = _TRAILING.search(sentence.strip())
    if not m:
        return None
    who = m.group(1).strip()
    if len(who.split()) > 9:
        return None
    kind = "official_anonymous" if _ANON.search(who) and not voice_keys(who) else (
        "person" if re.match(r"^[A-Z][a-z]+ [A-Z][a-z]+$", who) else "organisation")
    return who, kind


def page_figures(
    report: Mapping[str, Any], *, day: str | None
) -> tuple[list[EventFigure], list[Excluded]]:
    """The page's figures about its event, and those left out with the reason."""
    w = event_words()
    text: str = report["document"]["text"]
    atts = {a["id"]: a for a in report.get("attributions") or ()}
    kept: list[EventFigure] = []
    out: list[Excluded] = []
    figs = list(report.get("figures") or ())
    for n, f in enumerate(figs):
        fid, ftext = f.get("id", f"g{n + 1}"), f.get("text") or ""
        seg = f.get("segment") or "body"
        s0 = int(f.get("sentence_start", f.get("start", 0)) or 0)
        s1 = int(f.get("sentence_end", f.get("end", 0)) or 0)
        start, end = int(f.get("start", 0) or 0), int(f.get("end", 0) or 0)
        sentence = text[s0:s1] if 0 <= s0 < s1 <= len(text) else ftext
        if seg not in ARTICLE:
            out.append(Excluded(fid, ftext, None, f"in a {seg}, not the article"))
            continue
        cat = event_category(f, sentence, max(0, start - s0))
        if cat is None:
            out.append(Excluded(fid, ftext, None, "not a toll or head count of the event"))
            continue
        if f.get("part"):
            out.append(Excluded(fid, ftext, cat, "one part of a breakdown"))
            continue
        why = _share_or_increment(w, ftext, text[end : min(len(text), end + 60)])
        why = why or _time_reason(w, f, sentence, day)
        if why:
            out.append(Excluded(fid, ftext, cat, why))
            continue
        if f.get("value") is None and f.get("low") is None and f.get("high") is None:
            out.append(Excluded(fid, ftext, cat, "no number to compare"))
            continue
        kept.append(_event_figure(f, n, cat, sentence, atts))
    return _drop_headline_echoes(_resolve_definites(kept), out), out


def _resolve_definites(figs: list[EventFigure]) -> list[EventFigure]:
    """'the office', 'The security forces', 'the monitoring group': a definite source
    with no name of its own is the named body last cited before it on the page."""
    out: list[EventFigure] = []
    last: EventFigure | None = None
    for f in sorted(figs, key=lambda g: g.start):
        if f.rank == 0 and f.keys:
            last = f
        elif (f.source_text and not f.keys and last is not None
              and f.source_text.lower().startswith("the ")
              and f.source_type in ("organisation", "official_anonymous", "unspecified")):
            f = replace(f, source_text=last.source_text, source_type=last.source_type,
                        keys=last.keys, rank=last.rank,
                        via=f.via or last.via)
        out.append(f)
    return sorted(out, key=lambda g: g.order)


def _event_figure(
    f: Mapping[str, Any], n: int, cat: str, sentence: str, atts: Mapping[str, Any]
) -> EventFigure:
    att = atts.get(f.get("source") or "")
    src = (att or {}).get("source") or {}
    who, kind = src.get("text"), src.get("type")
    start, end = int(f.get("start", 0) or 0), int(f.get("end", 0) or 0)
    s_start, s_end = src.get("start"), src.get("end")
    bogus = who is not None and s_start is not None and s_end is not None and (
        s_start < end and start < s_end)
    via: tuple[dict[str, Any], ...] = tuple(
        {"text": v.get("text"), "type": v.get("type")} for v in (att or {}).get("via") or ())
    if att is None or bogus or who is None:
        found = _trailing_source(sentence)
        if found is not None:
            who, kind = found
            att, via = None, ()
        elif bogus or who is None:
            who, kind, att, via = None, None, None, ()
    keys = voice_keys(who)
    if who is None:
        rank = 2
    elif kind in NAMED_TYPES and keys:
        rank = 0
    elif kind == "unspecified" and keys and not _ANON.search(who):
        rank = 0
    else:
        rank = 1
    low, high, value = f.get("low"), f.get("high"), f.get("value")
    approx = f.get("approx") or "exact"
    return EventFigure(
        figure=f.get("id", f"g{n + 1}"), quantity=f.get("quantity", ""), category=cat,
        text=f.get("text") or "", segment=f.get("segment") or "body", start=start, end=end,
        value=float(value) if value is not None else None,
        low=float(low) if low is not None else None,
        high=float(high) if high is not None else None,
        approx=approx, vague=approx == "vague" or value is None,
        changing=bool(f.get("changing")),
        voice="attributed" if who is not None else "outlet",
        source_text=who, source_type=kind if who is not None else None, via=via, rank=rank,
        keys=keys, attribution=(att or {}).get("id"), order=n,
    )


def _drop_headline_echoes(kept: list[EventFigure], out: list[Excluded]) -> list[EventFigure]:
    """A headline or standfirst figure that the body gives too is the body's figure."""
    body = [f for f in kept if f.segment == "body"]
    result: list[EventFigure] = []
    for f in kept:
        if f.segment != "body" and any(
            b.category == f.category and b.value == f.value for b in body
        ):
            out.append(Excluded(f.figure, f.text, f.category,
                                "the headline repeats a figure the body gives"))
            continue
        result.append(f)
    return result


def tolls(figs: Sequence[EventFigure]) -> dict[str, tuple[float, float]]:
    """Per category, the widest closed bounds the page's figures give (for grouping)."""
    out: dict[str, tuple[float, float]] = {}
    for f in figs:
        b = f.bounds
        if b is None or f.vague:
            continue
        lo, hi = out.get(f.category, b)
        out[f.category] = (min(lo, b[0]), max(hi, b[1]))
    return out
