"""The ingest's progress: a rich bar on a terminal, nothing when piped.

The bar measures bytes of the local inputs (known before reading), so it can give an ETA
for a directory or one large JSONL alike; a page counts as done when it is written, at
the position in the input where it was read. URLs add pages but no bytes.
"""

from __future__ import annotations

import sys
from typing import IO, Any


class Progress:
    """No output: for pipes, tests and library use."""

    def start(self, total_bytes: int) -> None:
        pass

    def done(self, position: int, status: str) -> None:
        pass

    def stop(self) -> None:
        pass


class RichProgress(Progress):
    """Pages written, pages/s and ETA, on the terminal's stderr."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        from rich.console import Console

        self._console = Console(file=stream or sys.stderr)
        self._bar: Any = None
        self._task: Any = None
        self._counts = {"stored": 0, "duplicate": 0, "skipped": 0, "failed": 0}
        self._pages = 0
        self._position = 0

    def start(self, total_bytes: int) -> None:
        from rich.progress import (
            BarColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self._bar = Bar(
            TextColumn("[bold]ingest"), BarColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[pages]} pages, {task.fields[rate]} pages/s"),
            TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=self._console, transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task("ingest", total=total_bytes or None, pages=0,
                                        rate="0.0", detail="")

    def done(self, position: int, status: str) -> None:
        if self._bar is None:
            return
        self._counts[status] = self._counts.get(status, 0) + 1
        self._pages += 1
        self._position = max(self._position, position)
        elapsed = self._bar.tasks[0].elapsed or 0.0
        rate = self._pages / elapsed if elapsed > 0 else 0.0
        c = self._counts
        detail = (f"{c['stored']} stored, {c['duplicate']} copies, {c['skipped']} skipped, "
                  f"{c['failed']} failed")
        self._bar.update(self._task, completed=self._position, pages=self._pages,
                         rate=f"{rate:.1f}", detail=detail)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def for_stream(stream: IO[str] | None = None, *, enabled: bool | None = None) -> Progress:
    """A bar when ``stream`` (stderr) is a terminal, else nothing."""
    stream = stream or sys.stderr
    if enabled is None:
        enabled = bool(getattr(stream, "isatty", lambda: False)())
    return RichProgress(stream) if enabled else Progress()
