"""Figures: the article's tolls and head counts, read as statements about something.

The stage is :func:`extract_figures` (:mod:`.read`, with the time frame read by
:mod:`.scope`): it runs after claims and puts :class:`~newsaudit.model.Figure` records on
the report. :mod:`.compare` sets two records against each other without the parse, for
the figure checks on one page and for comparing figures across pages. :mod:`.words`
holds the word lists of ``data/figures.json``.
"""

from newsaudit.figures.read import extract_figures

__all__ = ["extract_figures"]
