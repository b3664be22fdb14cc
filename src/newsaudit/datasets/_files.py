"""Opening dataset files so that every way a file can fail to read becomes one input error.

Why one helper: the readers meet the same defects (a missing file, bytes that are not
UTF-8, a CSV that lost a column or a quote), and the CLI must report each as
``newsaudit: <file>: <reason>`` with exit 2. Each reader adds only what its format
requires of a row.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsaudit.errors import InputNotFound, MalformedInput


def read_text(path: Path, *, encoding: str = "utf-8", newline: str | None = None) -> str:
    """The whole file as text; a missing file or bytes that do not decode are input errors."""
    try:
        with path.open("r", encoding=encoding, newline=newline) as fh:
            return fh.read()
    except FileNotFoundError as exc:
        raise InputNotFound("no such file", source=str(path)) from exc
    except IsADirectoryError as exc:
        raise InputNotFound("is a directory, expected a file", source=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise MalformedInput(f"not {encoding} text (byte {exc.start})", source=str(path)) from exc


def csv_rows(
    path: Path,
    columns: Iterable[str],
    *,
    dataset: str,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line number, row)`` for each record of a CSV file with a header.

    Every name in ``columns`` must be in the header and filled in every row; the line
    number is the file line on which the record ends (a quoted field may span lines).
    """
    required = tuple(columns)
    source = str(path)
    reader = None
    try:
        with path.open("r", encoding=encoding, newline="") as fh:
            reader = csv.DictReader(fh, delimiter=delimiter)
            missing = [c for c in required if c not in (reader.fieldnames or ())]
            if missing:
                raise MalformedInput(
                    f"not a {dataset} file: no column {', '.join(map(repr, missing))} "
                    "in the header",
                    source=source,
                )
            for row in reader:
                for c in required:
                    if row[c] is None:
                        raise MalformedInput(
                            f"line {reader.line_num}: the row ends before its {c!r} field",
                            source=source,
                        )
                yield reader.line_num, row
    except FileNotFoundError as exc:
        raise InputNotFound("no such file", source=source) from exc
    except IsADirectoryError as exc:
        raise InputNotFound("is a directory, expected a file", source=source) from exc
    except UnicodeDecodeError as exc:
        raise MalformedInput(f"not {encoding} text (byte {exc.start})", source=source) from exc
    except csv.Error as exc:
        where = f"line {reader.line_num}: " if reader is not None else ""
        raise MalformedInput(f"{where}not CSV: {exc}", source=source) from exc


def as_int(value: str, *, field: str, line: int, source: Path, choices: Iterable[int] = ()) -> int:
    """``value`` as a whole number (one of ``choices`` when given), else an input error."""
    allowed = tuple(choices)
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or (allowed and number not in allowed):
        want = " or ".join(map(str, allowed)) if allowed else "a whole number"
        raise MalformedInput(f"line {line}: {field} is {value!r}, expected {want}",
                             source=str(source))
    return number
