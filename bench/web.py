"""The web server under load: single-audit time, then 200 audits from 8 clients.

    .venv/bin/python bench/web.py [--page examples/harbour-strike.txt] [--workers N]
                                  [--total 200] [--clients 8]

Starts the real ``newsaudit serve`` (a subprocess, on a free port, over a throwaway
SQLite store), waits until its workers are up, then measures: one audit at a time (the
median of 20, after 3 to warm up), and ``--total`` audits posted by ``--clients``
concurrent clients (p50, p95, max latency, audits/s). The machine's load average before
the run is printed with the results, since other work on the machine moves the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--page", type=Path, default=REPO / "examples" / "harbour-strike.txt")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--total", type=int, default=200)
    ap.add_argument("--clients", type=int, default=8)
    args = ap.parse_args(argv)

    import httpx

    from newsaudit.web.load import run_load

    body = {"text": args.page.read_text(encoding="utf-8")}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "newsaudit", "serve", "--port", str(port),
               "--db", str(Path(tmp) / "bench.db"), "--queue", str(max(16, args.clients))]
        if args.workers:
            cmd += ["--workers", str(args.workers)]
        server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 300
            health = None
            while time.monotonic() < deadline:
                try:
                    health = httpx.get(base + "/api/health", timeout=2).json()
                    break
                except httpx.HTTPError:
                    if server.poll() is not None:
                        print("bench: the server exited", file=sys.stderr)
                        return 1
                    time.sleep(0.5)
            if health is None:
                print("bench: the server did not come up", file=sys.stderr)
                return 1
            load_before = os.getloadavg()
            with httpx.Client(base_url=base, timeout=300) as http:
                times = []
                for n in range(23):
                    t0 = time.perf_counter()
                    assert http.post("/api/audit", json=body).status_code == 200
                    if n >= 3:
                        times.append(time.perf_counter() - t0)
            result = run_load(base, body, total=args.total, clients=args.clients)
            out = {
                "page": str(args.page.relative_to(REPO) if args.page.is_relative_to(REPO)
                            else args.page),
                "chars": len(body["text"]), "workers": health["workers"],
                "single_audit_median": round(statistics.median(times), 3),
                "load": result.to_dict(),
                "loadavg_before": [round(x, 2) for x in load_before],
            }
            print(json.dumps(out, indent=2))
            return 0 if not result.errors and set(result.statuses) == {200} else 1
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    sys.exit(main())
