"""toxic_comment: reader comments with abusive, hateful or dehumanising language.

Only segments of kind ``comment`` are read, one finding per comment at most, and the
evidence is the offending words inside that comment: a comment is the reader's, never the
article's, so nothing here counts against the page.

A comment is flagged when a pattern of ``data/toxicity.json`` fires (a group called
vermin, "not human", a group's name in scare quotes, an insult, a slur, a call to kill or
expel) or when the abuse model scores it over its threshold for comments; the message
says which did.

The model learnt from tweets, so on comments it is held to more: its threshold for
comments lets 1 % of benign validation tweets over, not the 3 % it is scored at (a comment
section is mostly civil, and a merely blunt "you clearly know nothing about trains" sits
in between), and on the model alone a comment is flagged only when words of it carry the
score. Those words are the evidence, and they are never function words ("him", "who"):
the tweets make them weigh up, but they show a reader nothing.

Severity is ``problem`` for a call to violence and ``warning`` for the other patterns and
for the model; a group's name in scare quotes with nothing else abusive is ``info``: it
disparages, but quotation marks are also how readers mock pundits' "experts". Criticism,
however sharp ("terrible reporting, the editor should be ashamed"), is not abuse: neither
the patterns nor the model's threshold treat it as such.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsaudit.checks import register
from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.model import Finding, Report, Severity, Span
from newsaudit.models.toxicity import Hit, find_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc

CHECK = "toxic_comment"

# Strongest first: the label of a finding is that of its strongest kind of hit.
_RANK = ("violence", "expulsion", "dehumanising", "not_human", "slur", "personal", "scare_quote",
         "insult")
_LABEL = {
    "violence": "a call for violence",
    "expulsion": "a call to expel a whole group",
    "dehumanising": "dehumanising language",
    "not_human": "dehumanising language",
    "slur": "a slur",
    "personal": "abuse aimed at another reader",
    "scare_quote": "abusive language aimed at a group",
    "insult": "abusive language aimed at a group",
}


def _phrase(kind: str, hits: list[Hit]) -> str:
    """One clause per kind of hit: "calls a group 'vermin'", "calls for violence (...)"."""
    words = ", ".join(f"'{h.word}'" for h in hits)
    texts = ", ".join(f"'{h.text}'" for h in hits)
    if kind == "dehumanising":
        return f"calls a group {words}"
    if kind == "not_human":
        return f"says they are {texts}"
    if kind == "violence":
        return f"calls for violence ({texts})"
    if kind == "expulsion":
        return f"calls for a whole group to be expelled ({texts})"
    if kind == "scare_quote":
        return f"puts {', '.join(h.text for h in hits)} in scare quotes to deny them their standing"
    if kind == "slur":
        return f"uses the slur {texts}"
    if kind == "personal":
        return f"calls the person it answers {words}"
    return f"calls people {texts}"


def _clauses(hits: list[Hit]) -> list[str]:
    order: list[str] = []
    for h in hits:
        if h.kind not in order:
            order.append(h.kind)
    return [_phrase(k, [h for h in hits if h.kind == k]) for k in order]


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@register(
    CHECK,
    summary=(
        "abusive, hateful or dehumanising reader comments (Davidson et al. model plus "
        "dehumanisation patterns)"
    ),
    severities=("info", "warning", "problem"),
)
def check(report: Report, doc: Doc, ctx: Context = DEFAULT_CONTEXT) -> Iterator[Finding]:
    comments = [seg for seg in report.segments if seg.kind == "comment"]
    if not comments:
        return
    model = ctx.models.toxicity
    scores = model.score([seg.text for seg in comments])
    severity: Severity
    for seg, score in zip(comments, scores, strict=True):
        hits = find_patterns(seg.text)
        by_model = score >= model.comment_threshold
        if not hits and not by_model:
            continue
        side = "over" if by_model else "under"
        model_note = (f"abuse model {score:.2f}, {side} its {model.comment_threshold:.2f} "
                      "threshold for comments")
        if hits:
            kinds = sorted({h.kind for h in hits}, key=_RANK.index)
            evidence = tuple(Span.of(report.document.text, seg.start + h.start, seg.start + h.end)
                             for h in hits)
            message = (f"The comment {_join(_clauses(hits))} \u2014 {_LABEL[kinds[0]]} "
                       f"(pattern: {', '.join(kinds)}; {model_note}).")
            if "violence" in kinds:
                severity = "problem"
            elif kinds == ["scare_quote"] and not by_model:
                severity = "info"
            else:
                severity = "warning"
        else:
            # on the model alone, a finding names the words that make it abusive; a score
            # no word carries is the tweets' style, not evidence
            words = model.top_words(seg.text)
            if not words:
                continue
            evidence = tuple(Span.of(report.document.text, seg.start + s, seg.start + e)
                             for s, e, _ in words)
            shown = ", ".join(f"'{w}'" for _, _, w in words)
            message = f"The comment uses abusive language ({shown}) ({model_note})."
            severity = "warning"
        yield Finding(id="", check=CHECK, severity=severity, message=message, evidence=evidence)
