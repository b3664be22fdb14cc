"""Tables out of the store as CSV or Parquet (pyarrow), for spreadsheets and notebooks.

Rows stream from the database in batches, so an export never holds the corpus in memory.
JSON columns (``via``, ``refs``, ``evidence``, ``places``, ...) are written as JSON text
in both formats; dates and times as ISO 8601 text in CSV and as timestamps in Parquet.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

import sqlalchemy as sa

from newsaudit.store import Store
from newsaudit.store import schema as t
from newsaudit.store.queries import table_rows

FORMATS = ("csv", "parquet")
_BATCH = 2000


def _is_json(col: sa.Column[Any]) -> bool:
    return isinstance(col.type, sa.JSON) or "JSON" in type(col.type).__name__.upper()


def _cell(value: Any, json_col: bool) -> Any:
    if json_col:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bytes):
        return value.hex()
    return value


def _columns(table: str) -> list[sa.Column[Any]]:
    return [c for c in t.metadata.tables[table].columns]


def _rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    cols = _columns(table)
    json_cols = {c.name for c in cols if _is_json(c)}
    for row in table_rows(store, table):
        yield {k: _cell(v, k in json_cols) for k, v in row.items()}


def export_csv(store: Store, table: str, out: IO[str]) -> int:
    """Write ``table`` as CSV with a header row; returns the number of rows."""
    names = [c.name for c in _columns(table)]
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in _rows(store, table):
        writer.writerow({k: v.isoformat() if isinstance(v, datetime) else v
                         for k, v in row.items()})
        n += 1
    return n


def _arrow_type(col: sa.Column[Any]) -> Any:
    import pyarrow as pa

    if _is_json(col):
        return pa.string()
    kind = col.type
    if isinstance(kind, sa.Boolean):
        return pa.bool_()
    if isinstance(kind, sa.Integer):
        return pa.int64()
    if isinstance(kind, sa.Float):
        return pa.float64()
    if isinstance(kind, sa.DateTime):
        return pa.timestamp("us", tz="UTC")
    return pa.string()


def export_parquet(store: Store, table: str, path: str) -> int:
    """Write ``table`` as a Parquet file with typed columns; returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = _columns(table)
    schema = pa.schema([pa.field(c.name, _arrow_type(c)) for c in cols])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in _rows(store, table):
            batch.append(row)
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def export(store: Store, table: str, fmt: str, output: str | None) -> int:
    """Export ``table`` in ``fmt`` to ``output`` (CSV may go to stdout when it is None)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if table not in t.EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(t.EXPORT_TABLES)}")
    if fmt == "parquet":
        if not output:
            raise ValueError("Parquet is a binary file: name it with -o FILE")
        return export_parquet(store, table, output)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            return export_csv(store, table, fh)
    return export_csv(store, table, sys.stdout)
