"""The pipeline newsaudit loads: spaCy's model with newsaudit's components in it."""

from __future__ import annotations

from paths import PAGES

#: Words whose lemma turns on the part of speech or the morphology ("left" the verb and
#: the adjective, "better", "was", "'s"), capitals, numbers, quotes and line breaks.
TEXT = (
    "The ministers LEFT early; the left wing said it was better than claimed.\n"
    "Protesters’ “rebels” were being arrested as 1,200 troops moved in. It's the best.\n"
    "Shelling killed 43 people, officials said, and wounded dozens more on Tuesday."
)


def test_cached_lemmas_are_the_models_own(nlp):
    """The cached lemmatizer gives spaCy's rule lemmatizer's lemmas, token for token, on
    the first Doc (the wrapped one runs) and on later ones (the cache answers)."""
    import spacy

    from newsaudit._spacy_components import CachedLemmatizer
    from newsaudit.nlp import choose_model

    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    plain = spacy.load(choose_model())
    plain.add_pipe("newsaudit_paragraphs", before="parser")
    texts = [TEXT, TEXT, *(p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt")))]
    for text in texts:
        want = [(t.text, t.lemma_) for t in plain(text)]
        assert [(t.text, t.lemma_) for t in nlp(text)] == want


def test_paragraph_boundaries_start_a_sentence_after_each_line_break(nlp):
    """Written over arrays, the paragraph component starts a sentence after exactly the
    tokens holding a line break, as setting ``is_sent_start`` token by token did."""
    from newsaudit._spacy_components import paragraph_boundaries

    texts = [" \n Lead\n\nA b.\n", "\n", "x\n", "a \n\n b", TEXT + "\n\n\n",
             *(p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt")))]
    for text in texts:
        doc = nlp.make_doc(text)
        want = [0] * len(doc)
        for i, tok in enumerate(doc[:-1]):
            if "\n" in tok.text or "\n" in tok.whitespace_:
                want[i + 1] = 1
        got = paragraph_boundaries(doc).to_array("SENT_START").tolist()
        # the first token starts a sentence whatever its flag says
        assert [int(g == 1) for g in got][1:] == want[1:], text[:40]
