"""toxic_comment: reader comments with abusive, hateful or dehumanising language.

Only segments of kind ``comment`` are read, one finding per comment at most, and the
evidence is the offending words inside that comment: a comment is the reader's, never the
article's, so nothing here counts against the page.

A comment is flagged when a pattern of ``data/toxicity.json`` fires (a group called
vermin, "not human", a group's name in scare quotes, an insult, a slur, a call to kill or
expel, a threat: worded, or read by its structure, a menacing frame with a person's home,
family, car or way home in its sentence) or when the abuse model scores it over its
threshold for comments; the message says which did.

The model learnt from tweets, so on comments it is held to more: its threshold for
comments lets 1 % of benign validation tweets over, not the 3 % it is scored at (a comment
section is mostly civil, and a merely blunt "you clearly know nothing about trains" sits
in between), and on the model alone a comment is flagged only when words of it carry the
score. Those words are the evidence, and they are never function words ("him", "who"):
the tweets make them weigh up, but they show a reader nothing.

Severity is ``problem`` for a call to violence or a threat and ``warning`` for the other
patterns; a group's name in scare quotes with nothing else abusive is ``info`` (quotation
marks are also how readers mock pundits' "experts"), and so is a comment the model alone
flags: on real pages it has flagged profanity used for emphasis and a commenter's own name,
and no judge has yet found it right. The comment's author and time lines are never scored,
nor a comment the layout left as only those lines. Criticism, however sharp ("terrible
reporting, the editor should be ashamed"), is not abuse: neither the patterns nor the
model's threshold treat it as such.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsaudit.checks import register
from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.line_cues import line_kind, looks_like_dateline
from newsaudit.model import Finding, Report, Severity, Span
from newsaudit.models.toxicity import Hit, find_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc

CHECK = "toxic_comment"

# Strongest first: the label of a finding is that of its strongest kind of hit.
_RANK = ("violence", "threat", "expulsion", "dehumanising", "not_human", "slur", "personal",
         "person", "scare_quote", "insult")
_LABEL = {
    "violence": "a call for violence",
    "threat": "a threat against a person",
    "expulsion": "a call to expel a whole group",
    "dehumanising": "dehumanising language",
    "not_human": "dehumanising language",
    "slur": "a slur",
    "personal": "abuse aimed at another reader",
    "person": "abuse aimed at a person",
    "scare_quote": "abusive language aimed at a group",
    "insult": "abusive language",
}


def _phrase(kind: str, hits: list[Hit]) -> str:
    """One clause per kind of hit: "calls a group 'vermin'", "calls for violence (...)"."""
    words = ", ".join(f"'{h.word}'" for h in hits)
    texts = ", ".join(f"'{h.text}'" for h in hits)
    if kind == "dehumanising":
        if any(" like " in h.word for h in hits):
            return f"calls people {words}"  # "vermin like her": a person and her kind
        return f"calls a group {words}"
    if kind == "not_human":
        return f"says they are {texts}"
    if kind == "violence":
        return f"calls for violence ({texts})"
    if kind == "threat":
        return f"threatens a person ({texts})"
    if kind == "expulsion":
        return f"calls for a whole group to be expelled ({texts})"
    if kind == "scare_quote":
        return f"puts {', '.join(h.text for h in hits)} in scare quotes to deny them their standing"
    if kind == "slur":
        return f"uses the slur {texts}"
    if kind == "personal":
        return f"calls the person it answers {words}"
    if kind == "person":
        return f"calls a person {words}"
    return f"uses the insult {texts}"  # "scum" of one man or of a whole group


def _clauses(hits: list[Hit]) -> list[str]:
    order: list[str] = []
    for h in hits:
        if h.kind not in order:
            order.append(h.kind)
    return [_phrase(k, [h for h in hits if h.kind == k]) for k in order]


#: The most words of a comment's header line ("Rebel Raime July 25, 2015 at 7:01 pm").
_HEADER_WORDS = 10


def _header(line: str) -> bool:
    """A comment's author, handle or time line, not its words."""
    s = line.strip()
    if not s:
        return True
    if line_kind(s) in ("comment_start", "dateline", "byline", "comment_end"):
        return True
    words = s.split()
    if len(words) == 1 and len(s) <= 32 and s[-1] not in ".!?":
        return True  # a handle: "true_patriot_77"
    return len(words) <= _HEADER_WORDS and any(
        looks_like_dateline(" ".join(words[k:])) for k in range(1, min(5, len(words))))


def _said(text: str) -> tuple[int, str]:
    """The comment's own words and where they start in it: its author and time lines (and
    the next comment's, when the layout left them at its end) are not what the commenter
    said, and a name the tweets weigh up is no abuse."""
    lines = text.splitlines(keepends=True)
    while len(lines) > 1 and _header(lines[-1]):
        lines.pop()  # the next comment's author line, when the layout left it here
    skip = 0
    while len(lines) > 1 and _header(lines[0]):
        skip += len(lines.pop(0))
    if len(lines) == 1 and _header(lines[0]):
        return skip + len(lines[0]), ""  # a comment read as only its author line says nothing
    return skip, "".join(lines)


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@register(
    CHECK,
    summary=(
        "abusive, hateful, dehumanising or threatening reader comments (Davidson et al. "
        "model plus patterns of dehumanisation and of menace)"
    ),
    severities=("info", "warning", "problem"),
)
def check(report: Report, doc: Doc, ctx: Context = DEFAULT_CONTEXT) -> Iterator[Finding]:
    comments = [seg for seg in report.segments if seg.kind == "comment"]
    if not comments:
        return
    model = ctx.models.toxicity
    said = [_said(seg.text) for seg in comments]
    scores = model.score([text for _, text in said])
    severity: Severity
    for seg, (skip, text), score in zip(comments, said, scores, strict=True):
        at = seg.start + skip  # where the comment's own words begin on the page
        hits = find_patterns(text)
        by_model = score >= model.comment_threshold
        if not hits and not by_model:
            continue
        side = "over" if by_model else "under"
        model_note = (f"abuse model {score:.2f}, {side} its {model.comment_threshold:.2f} "
                      "threshold for comments")
        if hits:
            kinds = sorted({h.kind for h in hits}, key=_RANK.index)
            evidence = tuple(Span.of(report.document.text, at + h.start, at + h.end)
                             for h in hits)
            message = (f"The comment {_join(_clauses(hits))} \u2014 {_LABEL[kinds[0]]} "
                       f"(pattern: {', '.join(kinds)}; {model_note}).")
            if "violence" in kinds or "threat" in kinds:
                severity = "problem"
            elif kinds == ["scare_quote"] and not by_model:
                severity = "info"
            else:
                severity = "warning"
        else:
            # on the model alone, a finding names the words that make it abusive; a score
            # no word carries is the tweets' style, not evidence
            words = model.top_words(text)
            if not words:
                continue
            evidence = tuple(Span.of(report.document.text, at + s, at + e)
                             for s, e, _ in words)
            shown = ", ".join(f"'{w}'" for _, _, w in words)
            message = f"The comment uses abusive language ({shown}) ({model_note})."
            # the tweets' model alone has been right on no real page judged (profanity as
            # emphasis, a commenter's name): it points a moderator at a comment, no more
            severity = "info"
        yield Finding(id="", check=CHECK, severity=severity, message=message, evidence=evidence)
