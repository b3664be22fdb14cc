"""What the toxicity model sees: the text without tweet furniture, hashed into word (and
character) n-grams by the shared featuriser (:mod:`newsaudit.models._text_features`)."""

from __future__ import annotations

import re

__all__ = ["normalise"]

# Tweet furniture that news comments do not have; removed at training and run time alike.
_FURNITURE = re.compile(r"(?:\bRT\b:?|@\w+:?|https?://\S+|&amp;|&lt;|&gt;|&#\d+;)")


def normalise(text: str) -> str:
    """The text as both training and scoring see it."""
    return " ".join(_FURNITURE.sub(" ", text).split())
