"""Quantities: the checkable figures of a page, their bounds, and what they count.

The stage is :func:`extract_quantities` (in :mod:`.extract`, which finds each figure and
sets its bounds). How a number is written is :mod:`.numbers`' job, what it counts and so
its category :mod:`.counted`'s, and what a figure takes from the figures beside it
(“up from 281”, “bringing the total to 34”) :mod:`.neighbours`'.
"""

from newsaudit.quantities.extract import extract_quantities

__all__ = ["extract_quantities"]
