"""spaCy components newsaudit adds to the chosen pipeline."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsaudit_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every token that contains a line break."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc
