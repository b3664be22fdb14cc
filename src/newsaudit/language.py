"""Which language a page is written in, and whether newsaudit can read it.

Every stage after the ingest is English: the spaCy pipeline, the reporting verbs, the
vague quantifiers, the trained models. A page in Arabic or Russian run through them
yields digits read as English figures and checks over text they cannot read, so the
Auditor asks this module first and, for a language it has no pipeline for, keeps only
what is language-neutral (see :func:`newsaudit.pipeline.outline`).

The detector is py3langid (an offline character n-gram model for 97 languages, loaded
once per process). It guesses on the page's article text (headline, standfirst, body),
and it is trusted only where a wrong guess is unlikely, because calling an English page
foreign silently drops every check: a page whose letters are mostly Arabic, Cyrillic or
another non-Latin script is that script's language outright; a Latin-script page is
declared foreign only with a long enough text and a confident guess. Anything else,
including an English article that quotes a paragraph of Arabic, stays English.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from newsaudit.model import ARTICLE_KINDS, Segment

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

#: Languages newsaudit analyses in full (ISO 639-1). Everything else is outlined.
ANALYSED: frozenset[str] = frozenset({"en"})
DEFAULT = "en"

#: Names for the notice a reader sees; a code not listed here is shown as its code.
NAMES: dict[str, str] = {
    "ar": "Arabic",
    "fa": "Persian",
    "ur": "Urdu",
    "ps": "Pashto",
    "ku": "Kurdish",
    "he": "Hebrew",
    "tr": "Turkish",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "ru": "Russian",
    "uk": "Ukrainian",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "sr": "Serbian",
    "el": "Greek",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "hi": "Hindi",
    "id": "Indonesian",
    "sw": "Swahili",
    "sv": "Swedish",
    "ro": "Romanian",
    "cs": "Czech",
    "hu": "Hungarian",
    "am": "Amharic",
    "ka": "Georgian",
    "hy": "Armenian",
    "bn": "Bengali",
}

#: A Latin-script page is called foreign only when the detector gives its guess at least
#: this probability (over all 97 languages) on at least ``MIN_LETTERS`` letters. Set on
#: hand-written pages: one English sentence scores 0.73-0.999 for English, a French or
#: German paragraph 0.99+ for its language; short bylines and place names score anything.
MIN_CONFIDENCE = 0.95
MIN_LETTERS = 60
#: How much article text the detector reads: a paragraph or two settles the language, and
#: the guess costs time in proportion to what it reads (about 1 ms per 1,000 characters
#: on a quiet core; reading a whole 430-word page cost a tenth of its parse).
SAMPLE_CHARS = 2_000


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def load() -> None:
    """Load the detector now (a second or more), so the first page is as fast as the rest."""
    _identifier()


def name(code: str) -> str:
    """The language's English name, for messages ("Arabic"), else its code."""
    return NAMES.get(code, code)


def analysed(code: str) -> bool:
    """Whether newsaudit has a pipeline for the language: its stages and checks run."""
    return code in ANALYSED


def detect(text: str, segments: Iterable[Segment] = ()) -> str:
    """The language of the page (ISO 639-1), ``"en"`` unless the evidence is clear.

    ``segments`` narrow the reading to the article's own text, so a long English
    comment thread under a foreign article (or the reverse) does not decide it.
    """
    sample = _article_sample(text, segments)
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < 2:
        return DEFAULT
    script, share = _main_script(letters)
    guess, confidence = _identifier().classify(sample)
    if script != "LATIN" and share >= 0.5:
        # Foreign for certain; the detector only says which language of the script.
        return str(guess) if guess != DEFAULT else _script_default(script)
    if guess == DEFAULT or len(letters) < MIN_LETTERS or confidence < MIN_CONFIDENCE:
        return DEFAULT
    return str(guess)


def _article_sample(text: str, segments: Iterable[Segment]) -> str:
    parts: list[str] = []
    size = 0
    for seg in segments:
        if seg.kind in ARTICLE_KINDS:
            parts.append(text[seg.start : seg.end])
            size += seg.end - seg.start
            if size >= SAMPLE_CHARS:
                break
    sample = "\n".join(parts) if parts else text
    return sample[:SAMPLE_CHARS]


def _main_script(letters: list[str]) -> tuple[str, float]:
    """The script most letters are written in ("LATIN", "ARABIC", "CYRILLIC", ...) and
    its share of the letters."""
    counts = Counter(_script(c) for c in letters)
    script, n = counts.most_common(1)[0]
    return script, n / len(letters)


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    # Unicode names start with the script: "ARABIC LETTER ALEF", "CYRILLIC SMALL LETTER A".
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def _script_default(script: str) -> str:
    """A language code for a non-Latin page the detector still called English."""
    return {"ARABIC": "ar", "CYRILLIC": "ru", "HEBREW": "he", "GREEK": "el"}.get(script, "und")
