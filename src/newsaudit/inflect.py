"""Regular English verb forms from a lemma, for cue lists written as lemmas that must
also match text a tagger leaves unlemmatised (title-case headlines, short caption lines).
Irregular forms ("said") are the caller's to add."""

from __future__ import annotations

__all__ = ["inflections"]


def inflections(lemma: str) -> set[str]:
    """A verb's headline forms: admit -> admits, admitted, admitting; slash -> slashes."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ied")
    else:
        forms.add(stem + "ed")
    forms.add(stem + "ing")
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" \
            and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # slam -> slammed
    return forms
