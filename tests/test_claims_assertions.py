"""claims: the sentence test read from the parse's arrays is the plain one, sentence by
sentence (issue 10's throughput round: the plain one built a Token per token)."""

from __future__ import annotations

import pytest

from newsaudit.claims import _Assertions, _is_assertion
from paths import PAGES

TEXTS = [
    "Shelling killed 43 people on Tuesday.\nWas it true?\nThree more dead\n\n"
    "Officials said 12 were wounded. Why would they lie ?  \nA B C D.",
    "Troops moved in\n“They will come,” he said.\nGunfire heard near the border",
    "",
    "Yes.",
]


@pytest.mark.parametrize("kind", ["headline", "body"])
def test_assertions_from_arrays_match_the_plain_test(nlp, kind):
    texts = [*TEXTS, *(p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt")))]
    seen = 0
    for text in texts:
        doc = nlp(text)
        fast = _Assertions(doc, text)
        for sent in doc.sents:
            assert fast(sent, kind) == _is_assertion(sent, kind), sent.text
            seen += 1
    assert seen > 20
