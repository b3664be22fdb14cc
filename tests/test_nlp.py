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


#: The attribute ruler's patterns of several tokens ("ai n't", "gon na", "got ta", "let
#: 's", "c'm on", "y' all", "there is") and its whitespace patterns, which set the tag and
#: the dependency label.
RULER_TEXT = (
    "I ain't gonna wait, y'all: we gotta go. Let's see. C'mon, there is   time and "
    "there's more.\n\n \t\nThere were 12 of them, weren't there?"
)


def test_cached_attribute_ruler_gives_the_models_annotations(nlp):
    """The cached attribute ruler leaves every token with the POS, morphology, lemma, tag
    and dependency label the model's own ruler gives, on the first Doc (cache empty) and
    on later ones, the patterns of several tokens and the whitespace ones included."""
    import spacy

    from newsaudit._spacy_components import CachedAttributeRuler
    from newsaudit.nlp import choose_model

    assert isinstance(nlp.get_pipe("attribute_ruler"), CachedAttributeRuler)
    plain = spacy.load(choose_model())
    plain.add_pipe("newsaudit_paragraphs", before="parser")
    texts = [RULER_TEXT, TEXT, RULER_TEXT,
             *(p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt")))]

    def annotations(doc):
        return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]

    for text in texts:
        assert annotations(nlp(text)) == annotations(plain(text))
    ours = nlp(RULER_TEXT)
    assert [t.lemma_ for t in ours if t.lower_ in ("gon", "na", "ai")] == ["be", "go", "to"]


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


def test_a_line_keeps_its_first_word_in_its_first_sentence(nlp):
    """The parser, told a line starts a sentence, made its first word a sentence of its own
    ("Local" | "sources said ..."), and the claim lost the word; the line's second token now
    stays in the first's sentence (a sentence start set by the parse later on is kept)."""
    for text, first in [
        ("Market Hit\n\nLocal sources said rockets hit two cranes on Monday.\n",
         "Local sources said rockets hit two cranes on Monday."),
        ("Market Hit\nAir strikes on the market killed 61 people on Tuesday.\n",
         "Air strikes on the market killed 61 people on Tuesday."),
        ('"We will fight," he said. They left.\n', '"We will fight," he said.'),
    ]:
        sents = [s.text.strip() for s in nlp(text).sents]
        assert first in sents, sents
    assert [s.text.strip() for s in nlp("Yes. We will go.\nNo.\n").sents] == [
        "Yes.", "We will go.", "No."]


def test_a_claim_after_the_headline_keeps_its_first_word(nlp):
    from newsaudit import audit

    text = "Market Hit\n\nLocal sources said rockets hit two cranes on Monday.\n"
    assert [c.text for c in audit(text, checks=[]).claims] == [
        "Local sources said rockets hit two cranes on Monday."]


def test_the_networks_run_on_numpy_ops_and_give_blis_own_annotations(nlp):
    """``spacy.matmul = "numpy"`` (the default) builds every network on thinc's numpy ops
    without blis, and the parse is the blis parse token for token: tags, heads,
    dependency labels, entities and sentence starts on every fixture page."""
    from newsaudit.nlp import load, one_blas_thread

    blis = load(None, "blis")
    assert blis is not nlp
    for name in ("tok2vec", "tagger", "parser", "ner"):
        assert nlp.get_pipe(name).model.ops.use_blis is False
        assert blis.get_pipe(name).model.ops.use_blis is True
    texts = [TEXT, RULER_TEXT, *(p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt")))]
    for text in texts:
        with one_blas_thread():
            got = nlp(text)
        want = blis(text)
        assert [(t.tag_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_, t.is_sent_start)
                for t in got] == [(t.tag_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_,
                                   t.is_sent_start) for t in want]


def test_one_blas_thread_gives_the_callers_limit_back():
    """The limit holds inside the block only, on numpy's BLAS (the libraries loaded when
    the pipeline first parses): a caller's numpy keeps its own threads."""
    from threadpoolctl import threadpool_limits

    from newsaudit.nlp import _blas_controller, one_blas_thread

    def blas_threads() -> list[int]:
        return [i["num_threads"] for i in _blas_controller().info()]

    assert _blas_controller().info(), "numpy's BLAS is found (spaCy imports numpy)"

    with threadpool_limits(limits=2, user_api="blas"):
        before = blas_threads()
        with one_blas_thread():
            assert blas_threads() and set(blas_threads()) == {1}
        assert blas_threads() == before


def test_an_unknown_matmul_setting_is_refused_by_name():
    import pytest

    from newsaudit.errors import SettingsError
    from newsaudit.settings import Settings

    with pytest.raises(SettingsError, match="matmul"):
        Settings.load(None, environ={"NEWSAUDIT_SPACY_MATMUL": "cuda"})
