"""A bounded load run against a newsaudit server: what the load test and ``bench/web.py``
share.

``clients`` threads each hold one HTTP connection and post audits of ``page`` until
``total`` audits have been sent between them (or ``max_seconds`` have passed); every
answer's status and latency is recorded. Nothing here decides what is fast enough: the
test asserts there was no server error, the bench prints the numbers.
"""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class LoadResult:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def count(self) -> int:
        return sum(self.statuses.values())

    def percentile(self, p: float) -> float:
        """The ``p``-th percentile latency (nearest rank), in seconds."""
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        rank = max(1, -(-len(ordered) * p // 100))
        return ordered[int(rank) - 1]

    def to_dict(self) -> dict[str, Any]:
        lat = self.latencies
        return {
            "audits": self.count, "statuses": dict(sorted(self.statuses.items())),
            "errors": len(self.errors), "seconds": round(self.seconds, 2),
            "audits_per_second": round(self.count / self.seconds, 2) if self.seconds else 0.0,
            "p50": round(statistics.median(lat), 3) if lat else None,
            "p95": round(self.percentile(95), 3) if lat else None,
            "max": round(max(lat), 3) if lat else None,
        }


def run_load(base_url: str, body: dict[str, Any], *, total: int = 200, clients: int = 8,
             max_seconds: float = 600.0, timeout: float = 300.0) -> LoadResult:
    import httpx

    result = LoadResult()
    lock = threading.Lock()
    sent = 0
    started = time.perf_counter()

    def next_ticket() -> bool:
        nonlocal sent
        with lock:
            if sent >= total or time.perf_counter() - started > max_seconds:
                return False
            sent += 1
            return True

    def client() -> None:
        with httpx.Client(base_url=base_url, timeout=timeout) as http:
            while next_ticket():
                t0 = time.perf_counter()
                try:
                    status = http.post("/api/audit", json=body).status_code
                except httpx.HTTPError as err:
                    with lock:
                        result.errors.append(f"{type(err).__name__}: {err}")
                    continue
                took = time.perf_counter() - t0
                with lock:
                    result.latencies.append(took)
                    result.statuses[status] = result.statuses.get(status, 0) + 1

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max_seconds + timeout)
    result.seconds = time.perf_counter() - started
    return result
