"""Attribution: whose word each statement of a page rests on.

The stage is :func:`extract_attributions` (in :mod:`.extract`, which orchestrates the
passes and says what each one finds). The passes each have a module:

- :mod:`.quotemarks`: where quoted words begin and end, read from the characters alone;
- :mod:`.direct`: who speaks a quotation, and the quotations nobody is credited with;
- :mod:`.colon`: "Ortega: “…”" and headline colons;
- :mod:`.according`: "according to X";
- :mod:`.verbs`: reporting and stance verbs, chains ("X quoted Y as saying");
- :mod:`.trailing`: tags that close a sentence without a comma ("… the military said");
- :mod:`.passives`: "it is believed", "was first reported by";
- :mod:`.nominal`: speech nouns and stance adjectives ("his claim that", "is critical of").

What they share: :mod:`.base` (the drafts a pass makes and the parse helpers) and
:mod:`.sources` (the extent and type of a source's noun phrase, pronoun speakers).
"""

from newsaudit.attribution.extract import extract_attributions

__all__ = ["extract_attributions"]
