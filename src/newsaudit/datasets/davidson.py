"""Davidson et al. (2017), "Automated Hate Speech Detection and the Problem of Offensive
Language": 24,783 tweets with the majority label of their annotators.

``labeled_data.csv`` has the columns ``,count,hate_speech,offensive_language,neither,
class,tweet``; ``class`` is 0 hate speech, 1 offensive language, 2 neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsaudit.datasets._files import as_int, csv_rows

__all__ = ["FILE", "Tweet", "read_davidson"]

#: Where the file sits under the data directory.
FILE = Path("davidson-hate-offensive") / "labeled_data.csv"


@dataclass(frozen=True)
class Tweet:
    """One tweet and its class (0 hate, 1 offensive, 2 neither)."""

    text: str
    cls: int

    @property
    def abusive(self) -> int:
        """1 for hate speech or offensive language, 0 for neither."""
        return int(self.cls != 2)


def read_davidson(path: Path) -> list[Tweet]:
    """Every tweet of a Davidson-format CSV, in file order."""
    path = Path(path)
    return [
        Tweet(row["tweet"], as_int(row["class"], field="class", line=line, source=path,
                                   choices=(0, 1, 2)))
        for line, row in csv_rows(path, ("class", "tweet"), dataset="Davidson")
    ]
