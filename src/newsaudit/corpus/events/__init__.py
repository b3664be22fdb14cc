"""Events: the reports of one incident put together, and their figures reconciled.

    >>> from newsaudit.store import open_store
    >>> from newsaudit.corpus import events
    >>> store = open_store("newsroom.db")
    >>> events.update(store)                       # place new pages (ingest does this)
    >>> events.events(store, since="2016-05-01", place="Aleppo")   # newsaudit.events/1
    >>> events.compare(store, "e12")                                # newsaudit.compare/1
    >>> events.outlets(store)

Modules, in the order a page goes through them: :mod:`.features` (what grouping reads
of a page, with :mod:`.gazetteer` for place names), :mod:`.grouping` (candidates, score,
number veto), :mod:`.figures` (which figures are about the event, on whose word),
:mod:`.reconcile` (low / best / high, disputed, rising, why), :mod:`.summary` and
:mod:`.build` (the store tables, kept up to date incrementally), :mod:`.read` (the
contract's JSON), :mod:`.fit` (fitting the grouping parameters on labelled events).
Nothing here loads spaCy: everything is read from the stored reports.
"""

from newsaudit.corpus.events.build import UpdateSummary, rebuild, update
from newsaudit.corpus.events.read import (
    COMPARE_SCHEMA,
    EVENTS_SCHEMA,
    compare,
    event_id,
    events,
    outlets,
    page_event,
)

__all__ = ["COMPARE_SCHEMA", "EVENTS_SCHEMA", "UpdateSummary", "compare", "event_id", "events",
           "outlets", "page_event", "rebuild", "update"]
