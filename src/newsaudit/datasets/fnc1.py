"""FNC-1 (Fake News Challenge stage 1): headline-body pairs and their stance.

The official release is two CSV files per split: stances (``Headline,Body ID,Stance``;
the unlabelled test file has no ``Stance`` column) and bodies (``Body ID,articleBody``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsaudit.datasets._files import as_int, csv_rows
from newsaudit.errors import MalformedInput

__all__ = ["STANCES", "Pair", "read_fnc"]

#: The four FNC-1 labels.
STANCES: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")


@dataclass(frozen=True)
class Pair:
    """One row of the stances file with its body text resolved (``stance`` is ``""`` in a
    file without labels)."""

    headline: str
    body_id: int
    body: str
    stance: str


def read_fnc(stances: Path, bodies: Path) -> list[Pair]:
    """Every pair of ``stances``, in file order, with its body from ``bodies``."""
    stances, bodies = Path(stances), Path(bodies)
    texts: dict[int, str] = {}
    for line, row in csv_rows(bodies, ("Body ID", "articleBody"), dataset="FNC-1 bodies"):
        texts[as_int(row["Body ID"], field="Body ID", line=line, source=bodies)] = \
            row["articleBody"]
    out: list[Pair] = []
    for line, row in csv_rows(stances, ("Headline", "Body ID"), dataset="FNC-1 stances"):
        body_id = as_int(row["Body ID"], field="Body ID", line=line, source=stances)
        if body_id not in texts:
            raise MalformedInput(f"line {line}: Body ID {body_id} is not in {bodies.name}",
                                 source=str(stances))
        stance = row.get("Stance") or ""
        if "Stance" in row and stance not in STANCES:
            raise MalformedInput(
                f"line {line}: Stance is {stance!r}, expected one of {', '.join(STANCES)}",
                source=str(stances),
            )
        out.append(Pair(row["Headline"], body_id, texts[body_id], stance))
    return out
