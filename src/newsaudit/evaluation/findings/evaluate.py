"""The command's one entry point: score, and write judging packets when asked."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsaudit.evaluation.findings.judgments import JUDGMENTS
from newsaudit.evaluation.findings.packets import write_packets
from newsaudit.evaluation.findings.pages import SAMPLE
from newsaudit.evaluation.findings.score import run

__all__ = ["evaluate"]


def evaluate(
    *,
    split: str = "dev",
    data_dir: Path | None = None,
    judgments: Path | Sequence[Path] = JUDGMENTS,
    sample: Path = SAMPLE,
    packets: Path | None = None,
    all_findings: bool = False,
    model: str | None = None,
) -> dict[str, Any]:
    """Audit the split's pages, score the findings against the judgments and, with
    ``packets``, write a judging packet per page still to judge (see :mod:`.packets`)."""
    results, result = run(split=split, data_dir=data_dir, judgments=judgments,
                          sample=sample, model=model)
    if packets is not None:
        written = write_packets(Path(packets), results, all_findings=all_findings)
        result["packets"] = {"dir": str(packets), "written": len(written)}
    return result
