"""extract_attributions' first pass: the tokens worth a look, read over the parse's
arrays, are the ones the plain loop over tokens picked (issue 10's throughput round)."""

from __future__ import annotations

from newsaudit.attribution.base import Context
from newsaudit.attribution.extract import _candidates
from newsaudit.attribution.quotemarks import find_quotes
from newsaudit.attribution.sources import lexicon
from newsaudit.ingest import load_page
from paths import PAGES

TEXT = (
    "“The army shelled the town,” the mayor said, according to local sources.\n"
    "Witnesses told reporters that 12 people died; a spokesman denied it.\n"
    "“They said ‘no’, according to him,” she added. Officials claimed victory."
)


def _plain(doc, lex, in_quote):
    heads, verbs, nominals = set(), set(), set()
    for i, tok in enumerate(doc):
        if in_quote[i]:
            continue
        if tok.lower in lex.according_hashes:
            heads.add(i)
        elif tok.tag in lex.verb_tag_hashes:
            verbs.add(i)
        elif tok.tag in lex.nominal_tag_hashes and tok.lemma in lex.nominal_lemma_hashes:
            nominals.add(i)
    return heads, verbs, nominals


def test_candidates_from_arrays_are_the_plain_loops(nlp):
    lex = lexicon()
    texts = [TEXT, "said", *(p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt")))]
    found = 0
    for text in texts:
        page = load_page(text)
        doc = nlp(page.document.text)
        ctx = Context(doc, page.document.text, page, lex, find_quotes(page.document.text))
        want = _plain(doc, lex, ctx.in_quote)
        got = _candidates(doc, lex.according_hashes, lex.verb_tag_hashes,
                          lex.nominal_tag_hashes, lex.nominal_lemma_hashes, ctx.in_quote)
        assert got == want
        found += sum(map(len, got))
    assert found > 50
