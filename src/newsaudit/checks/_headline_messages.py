"""Every message ``headline_unsupported`` writes, one function per template.

The pieces spliced into a template are quotations of the page (the headline, a body
sentence, a figure, a source's name) and always stand inside quotation marks or in a
position where any noun phrase reads right, so a fragment of a headline can never be
read as a speaker. ``tests/checks/test_check_headline_messages.py`` renders each template
with realistic and awkward inputs.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Longest body sentence quoted in full; longer ones are cut at a word with "…".
QUOTE_CHARS = 180


def cut(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    one = " ".join(text.split())
    if len(one) <= limit:
        return one
    head = one[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return head + "…"


def headline(text: str) -> str:
    return f"‘{cut(text, 140)}’"


def quoted(text: str) -> str:
    return f"“{cut(text)}”"


def possessive(name: str) -> str:
    """ "Iran" -> "Iran's"; "Teachers' Union" -> "Teachers' Union's"; "Reuters" -> "Reuters'"."""
    return name + ("'" if name.endswith(("s", "S")) and not name.endswith("ss") else "'s")


def listing(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------- what the headline's verb says


def no_statement(claim: str, source: str) -> str:
    return (
        f"The headline {headline(claim)} presents its claim as {possessive(source)} own word, "
        f"but the body reports no statement by {source} or anyone speaking for it."
    )


def second_hand(claim: str, source: str, sentence: str, who: str) -> str:
    return (
        f"The headline {headline(claim)} presents its claim as {possessive(source)} own word, "
        f"but the body has {source} saying it only second-hand, through {who}: "
        f"{quoted(sentence)}."
    )


def whole_body(claim: str, source: str, who: str, figure: str) -> str:
    return (
        f"The headline {headline(claim)} presents its claim as {possessive(source)} own word, "
        f"but the body gives it only as a statement by {who} as a whole, with no "
        f"spokesperson, statement or channel named: “{figure}”."
    )


def named_channel(source: str, shown: str) -> str:
    return (
        f" What {source} is reported to have said through a named channel is different: "
        f"{shown}."
    )


def own_voice_echoes(near: str, shown: str) -> str:
    return f" Figures near {near} appear otherwise only in the page's own voice ({shown})."


def criticism(claim: str, source: str) -> str:
    return (
        f"The headline {headline(claim)} reports criticism by “{source}”, but the body quotes "
        f"or reports nothing said by “{source}”."
    )


def omission_own_voice(claim: str, verb: str) -> str:
    return (
        f"The headline's “{verb}” ({headline(claim)}) rests only on the page's own "
        "characterisation; no one in the body is reported saying so."
    )


def omission_unsupported(claim: str, verb: str) -> str:
    return (
        f"The headline {headline(claim)} charges a failure to act (“{verb}”), but nothing in "
        "the body reports a refusal, silence or failure to act."
    )


def change_unmeasured(claim: str, verb: str) -> str:
    return (
        f"The headline {headline(claim)} describes a change of size (“{verb}”), but the body "
        "gives no figure to measure it."
    )


# ----------------------------------------------------------------------- the headline's figures


def figure_unfit(figure: str, body_figures: Sequence[str]) -> str:
    shown = ", ".join(f"“{b}”" for b in body_figures)
    return (
        f"The headline gives “{figure}”, but no figure in the body fits it, alone or added "
        f"up: the body gives {shown}."
    )


def figure_absent(figure: str) -> str:
    return f"The headline gives “{figure}”, but the body gives no figure for it."


# ------------------------------------------------------------ what the body says of the claim


def overstates(
    claim: str,
    sentence: str,
    *,
    hedge: str | None = None,
    accusation: str | None = None,
    who: str | None = None,
    figure: str | None = None,
    unverified: str | None = None,
    denied: str | None = None,
) -> str:
    """The headline states as fact what the body only reports: with a hedge, on the word
    of someone unnamed or of one side that another denies, or what the page says it could
    not verify."""
    what = f"“{figure}”" if figure else "it"
    if hedge is not None:
        how = f"the body gives {what} only with a hedge (“{hedge}”)"
    elif accusation is not None:
        how = f"the body gives {what} only as an accusation (“{accusation}”)"
    elif who is not None:
        how = f"the body gives {what} only on the word of {who}"
    else:
        how = f"the body gives {what} only as someone's account"
    msg = f"The headline states {headline(claim)} as fact, but {how}: {quoted(sentence)}."
    if denied is not None:
        msg += f" The body also reports a denial: {quoted(denied)}."
    if unverified is not None:
        msg += f" The page itself says it could not verify the account: {quoted(unverified)}."
    return msg


def cause_open(claim: str, sentence: str) -> str:
    """The headline gives a cause as fact that the body says is not established."""
    return (f"The headline states {headline(claim)} as fact, but the body says the cause "
            f"is not established: {quoted(sentence)}.")


def quote_absent(quote: str, nearest: str | None) -> str:
    msg = (
        f"The headline puts “{cut(quote, 120)}” in quotation marks, but no one in the body is "
        "reported saying these words"
    )
    if nearest is not None:
        return msg + f"; the nearest the body comes is {quoted(nearest)}."
    return msg + "."


def contradicted(claim: str, sentence: str, p: float) -> str:
    return (
        f"The body appears to contradict the headline {headline(claim)}: {quoted(sentence)} "
        f"(the stance model reads the body as disagreeing with it, p={p:.2f})."
    )


def stance_confirms(p: float) -> str:
    return (
        " The stance model also reads the body as contradicting the headline "
        f"(p={p:.2f})."
    )


def unrelated(claim: str, p: float) -> str:
    return (
        f"No sentence of the body repeats what the headline {headline(claim)} says, and the "
        f"stance model reads the body as not discussing it (p={p:.2f}); an editor should check "
        "that the headline reflects the story."
    )
