"""One batch of raw pages through a loaded analyser: what every engine runs, in this
process, in a worker process or in a Ray actor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsaudit.corpus import dedup
from newsaudit.corpus.adapter import LoadedAuditor, Outcome
from newsaudit.ingest.raw import RawPage


def audit_batch(auditor: LoadedAuditor, pages: Sequence[RawPage]) -> list[Outcome]:
    """Audit a batch and sign each report's body for near-duplicate search.

    The body is dropped once signed: it is the report's text again, and from a worker it
    would only be pickled back to the driver, whose CPU the workers share.
    """
    return [
        replace(o, signature=dedup.signature(o.body), body="") if o.ok else o
        for o in auditor.audit(pages)
    ]
