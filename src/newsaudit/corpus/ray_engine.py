"""The audit on Ray Data: an actor pool, each actor holding one loaded analyser.

Batches (cut by text volume, as for local workers) become the rows of a Ray dataset;
``map_batches`` sends each row to an actor of a pool of ``workers`` actors (default: one
per CPU of the cluster), and results come back in input order (``preserve_order``), to
the one writer in the driver. With ``address`` the driver joins a running cluster
(``"auto"`` for the local one ``ray start`` made); without it, Ray starts on this machine.

The driver feeds the cluster in windows of about ``WINDOW_CHARS`` of text, each its own
dataset, so a crawl larger than the object store streams through; the actor pool (and
its loaded models) is made once per window.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable, Iterator
from typing import Any

from newsaudit.corpus.adapter import LoadedAuditor, Outcome
from newsaudit.corpus.batch import audit_batch
from newsaudit.ingest.raw import RawPage

#: About 25,000 news pages a window: actors load their model once per window.
WINDOW_CHARS = 128_000_000


class _AuditActor:
    """One Ray actor: one loaded analyser, one batch of pages per call."""

    def __init__(self, model: str | None, max_bytes: int | None) -> None:
        self._auditor = LoadedAuditor(model=model, max_bytes=max_bytes)

    def __call__(self, rows: dict[str, Any]) -> dict[str, Any]:
        out = []
        for blob in rows["pages"]:
            pages = [RawPage(**d) for d in pickle.loads(blob)]
            out.append(pickle.dumps(audit_batch(self._auditor, pages)))
        return {"outcomes": out}


class RayEngine:
    name = "ray"

    def __init__(
        self,
        *,
        workers: int | None = None,
        address: str | None = None,
        model: str | None = None,
        max_bytes: int | None = None,
        window_chars: int = WINDOW_CHARS,
    ) -> None:
        import ray
        import ray.data

        self._owns = not ray.is_initialized()
        if self._owns:
            ray.init(address=address, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING)
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        self.workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        self._model, self._max_bytes = model, max_bytes
        self._window_chars = window_chars

    def map(self, batches: Iterable[list[RawPage]]) -> Iterator[list[Outcome]]:
        window: list[list[RawPage]] = []
        size = 0
        for batch in batches:
            window.append(batch)
            size += sum(p.size for p in batch)
            if size >= self._window_chars:
                yield from self._run(window)
                window, size = [], 0
        if window:
            yield from self._run(window)

    def _run(self, window: list[list[RawPage]]) -> Iterator[list[Outcome]]:
        import ray.data

        rows = [{"pages": pickle.dumps([p.to_dict() for p in batch])} for batch in window]
        ds = ray.data.from_items(rows, override_num_blocks=len(rows))
        out = ds.map_batches(
            _AuditActor,
            fn_constructor_args=(self._model, self._max_bytes),
            batch_size=1,
            compute=ray.data.ActorPoolStrategy(size=min(self.workers, len(rows))),
            num_cpus=1,
        )
        for row in out.iter_rows():
            yield pickle.loads(row["outcomes"])

    def close(self) -> None:
        if self._owns:
            import ray

            ray.shutdown()
