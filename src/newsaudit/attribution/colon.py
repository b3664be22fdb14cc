"""A speaker's name and a colon: "Ortega: “We will not leave”", and the headline style
"McCain: Populist Anger Appeals to ‘Bad Angels’" with no quotation marks at all.

Headlines are the hard part: the tagger reads a title-case line badly ("Trump" as a
common noun, "Says" as a plural), so the name is judged on its words rather than its
parse: it must be the whole of its sentence up to the colon, hold no verb or pronoun, and
either be a plausible source (a person, an institution, an outlet, a document) or look
like a name (every word capitalised). Section labels ("Update:", "Watch:", "Editor's
note:") are listed in ``attribution.json`` and never speak.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsaudit.attribution.base import Context, Draft, Speaker, Who, child, trim
from newsaudit.attribution.sources import lemma, plausible_source, source_type

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Longest name a colon tag may carry ("Senate Majority Leader Mitch McConnell: “…”").
_COLON_NAME_MAX = 8
#: Shortest statement after a bare colon, in words: "Source: AP" is a credit line.
_STATEMENT_MIN_WORDS = 3
_NAME_POS = frozenset({"PROPN", "NOUN"})
_NAME_FILLER_POS = frozenset({"DET", "ADJ", "PUNCT", "PART", "ADP", "CCONJ", "NUM"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "on", "near", "outside", "off", "after"})


def colon_speaker(ctx: Context, colon: int) -> Speaker | None:
    """The speaker named before the colon token ``colon``, or ``None``."""
    doc = ctx.doc
    if colon < 1 or ctx.in_quote[colon]:
        return None
    first = doc[colon].sent.start
    name = doc[first:colon]
    if not 0 < len(name) <= _COLON_NAME_MAX:
        return None
    head: Token | None = None
    for t in name:
        if ctx.in_quote[t.i] or t.pos_ in ("AUX", "PRON") or t.is_space:
            return None
        if t.pos_ in _NAME_POS or t.tag_.startswith("VB"):
            if t.tag_.startswith("VB") and not t.text[:1].isupper():
                return None  # "Wait, it gets better:"
            head = t
        elif t.pos_ not in _NAME_FILLER_POS:
            return None
    labels = ctx.lex.colon_labels
    if head is None or name[0].lower_ in labels or lemma(head) in labels:
        return None
    # the phrase's own head comes before a place or time it is given ("Landslide in Sorrel
    # Heights"; "Ministry of Health" keeps its "of")
    # (a capitals line is tagged badly: "CRUSH HORROR AT CUP FINAL" has "AT" as a name)
    cut = next((t.i for t in name if (t.pos_ == "ADP" or t.lower_ in _PLACE_PREPOSITIONS)
                and t.lower_ != "of"), colon)
    lead = [t for t in doc[first:cut] if t.pos_ in _NAME_POS or t.tag_.startswith("VB")]
    if any(lemma(t) in ctx.lex.events or t.lower_ in ctx.lex.events
           for t in (head, *lead[-1:])):
        return None  # "Dervan Valley earthquake: toll rises to 112": the topic, not a speaker
    typ = source_type(doc, first, colon, head, ctx.lex)
    if typ == "unspecified" and head.pos_ == "PROPN" and any(
        lemma(t) in ctx.lex.roles for t in name
    ):
        typ = "person"  # "Mayor Ruiz:", which the recogniser misses in a title-case line
    if typ == "unspecified" and not plausible_source(doc, head, ctx.lex):
        capitalised = all(t.text[:1].isupper() or not t.is_alpha for t in name)
        if not capitalised or len(name) > 5:
            return None
    tok = doc[colon]
    return Speaker(Who(first, colon, typ), (), "direct_quote", ":", (tok.idx, tok.idx + 1))


def _place(ctx: Context, who: Who) -> bool:
    """"Syria: …", "Aleppo: …" before a statement are datelines and topics, not speakers.
    A name the recogniser does not know ("Velmora: ferry capsizes ...") is a place when the
    page uses it as one elsewhere: after "in", "at" or "near", or set after another place
    and a comma, as datelines and captions do ("ARKELLE, Velmora, March 4"; "at Arkelle
    jetty, Velmora"; "the capital, Castra")."""
    words = ctx.doc[who.first or 0 : who.stop or 0]
    if all(t.ent_type_ in _PLACE_ENTS or t.pos_ == "DET" for t in words):
        return True
    name = words.text.strip()
    if not name or len(words) > 3 or not all(t.text[:1].isupper() for t in words if t.is_alpha):
        return False
    used_as_place = re.compile(
        r"(?:\b(?:in|at|near|outside|across)\s+|(?:\b[A-Z][\w.-]*|\bcapital|\bcity|"
        r"\bprovince)\s*,\s+)" + re.escape(name) + r"(?=\s*[,.;:)]|\s+(?:on|in|at)\b)")
    return any(m.start() != words.start_char for m in used_as_place.finditer(ctx.text)) or any(
        t.text == words[0].text and t.i != words[0].i and t.ent_type_ in _PLACE_ENTS
        and t.ent_iob_ == "B" for t in ctx.doc)


def colon_statements(ctx: Context, drafts: list[Draft]) -> None:
    """Pass: "Graham: Trump's Rhetoric Destroying GOP's Chance" (no quotation marks).

    The statement runs from the colon to the end of its line; a colon the quotation pass
    has used (its quotation follows) is skipped.
    """
    text = ctx.text
    doc = ctx.doc
    pos = text.find(":")
    while pos != -1:
        k = ctx.tok_at(pos)
        pos = text.find(":", pos + 1)
        if k in ctx.used or doc[k].text != ":":
            continue
        line_end = text.find("\n", doc[k].idx)
        if line_end == -1:
            line_end = len(text)
        stop = ctx.tok_at(line_end - 1) + 1 if line_end > doc[k].idx + 1 else k + 1
        words = [t for t in doc[k + 1 : stop] if t.is_alpha]
        if len(words) < _STATEMENT_MIN_WORDS or any(ctx.in_quote[t.i] for t in words[:1]):
            continue
        if any(t.i in ctx.cue_verbs and child(t, "nsubj") is not None for t in doc[k + 1 : stop]):
            continue  # "Syria: Iran Admits Heavy Losses": the line names its own speaker
        speaker = colon_speaker(ctx, k)
        if speaker is None or _place(ctx, speaker.source):
            continue
        content = trim(ctx, k + 1, stop)
        if content is None:
            continue
        ctx.used.add(k)
        speaker = speaker._replace(kind="reported_speech")
        drafts.append(Draft("reported_speech", speaker, content))
