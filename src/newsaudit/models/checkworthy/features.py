"""What the check-worthiness model sees: the shared hashed n-grams plus cue words.

The cue features (:func:`newsaudit.models._text_features.featurise` with ``cues=True``)
look for number words and words of comparison or change, written by hand: a figure in
words or a comparison is what makes a sentence checkable, and these lists let the model
see it in words it never met in training. Training writes them into the card, and
scoring reads them back from it, so a model is always scored with its own lists.
"""

from __future__ import annotations

from newsaudit.models._text_features import FeatureParams

__all__ = ["COMPARATIVES", "NUMBER_WORDS", "default_features"]

NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "trillion trillions dozen dozens half quarter twice double doubled tripled percent "
    "percentage per cent".split()
)
COMPARATIVES = frozenset(
    "more less fewer than most least highest lowest largest smallest biggest worst best "
    "record increase increased decrease decreased rose fell risen fallen grew dropped "
    "doubled tripled since compared average majority".split()
)


def default_features() -> FeatureParams:
    """The featuriser the shipped recipe uses: word 1-2-grams, number shapes and cues."""
    return FeatureParams(number_words=NUMBER_WORDS, comparatives=COMPARATIVES)
