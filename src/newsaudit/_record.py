"""How a record reads back from its contract dict, once for every record.

:class:`Record` gives a frozen dataclass a ``from_dict`` driven by its fields and their
types: Literals are checked, nested records and tuples built, ``float | int`` values kept
as the JSON gave them (700 stays 700). A field whose JSON key differs from its name says
so in ``field(metadata={"key": ...})``; keys no field reads are skipped, since the report
contract lets a newer version add fields. A record of another module plugs in by being a
``Record`` or by defining its own ``from_dict(d)``; a ``Record`` that checks more than
its fields overrides ``from_dict(d, *, where)``. Anything else is a
:class:`~newsaudit.errors.MalformedInput` naming the path of the first bad value
(``report.quantities[3].approx``).
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import MISSING, fields
from typing import Any, Literal, Self, TypeVar, Union, get_args, get_origin, get_type_hints

from newsaudit.errors import MalformedInput


class Record:
    """A record that reads back from its contract dict: ``from_dict`` is driven by the
    dataclass fields and their types, so a new field needs no reader of its own. A field
    whose JSON key differs from its name says so in ``field(metadata={"key": ...})``."""

    __slots__ = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], *, where: str | None = None) -> Self:
        """The record ``d`` describes; ``where`` is its path in error messages."""
        return record_from_dict(cls, d, where or cls.__name__.lower())


R = TypeVar("R", bound=Record)


def record_from_dict(cls: type[R], d: Any, where: str, *, skip: frozenset[str] = frozenset()) -> R:
    """Build the dataclass ``cls`` from ``d``; a :class:`MalformedInput` names the first
    field that is missing or not of its type (``where`` is the path shown, "report.claims[2]")."""
    if not isinstance(d, Mapping):
        raise _malformed(where, "an object", d)
    hints = _hints(cls)
    values: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        key = f.metadata.get("key", f.name)
        if f.name in skip:
            continue
        if key not in d:
            if f.default is MISSING and f.default_factory is MISSING:
                raise MalformedInput(f"{where}.{key} is missing", source="<report>")
            continue
        values[f.name] = _read(hints[f.name], d[key], f"{where}.{key}")
    return cls(**values)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """The resolved field types of a record class, worked out once per class."""
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


#: What JSON values each plain type accepts (an int is a float; a bool is neither).
_ACCEPTS: dict[type, type | tuple[type, ...]] = {
    bool: bool, int: int, float: (int, float), str: str,
}
_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "a string",
          type(None): "null"}


def _describe(tp: Any) -> str:
    if get_origin(tp) in (Union, types.UnionType):
        return " or ".join(dict.fromkeys(_describe(o) for o in get_args(tp)))
    return _NAMES.get(tp, getattr(tp, "__name__", str(tp)))


def _malformed(where: str, expected: str, value: Any) -> MalformedInput:
    shown = repr(value) if len(repr(value)) < 60 else repr(value)[:57] + "..."
    return MalformedInput(f"{where} should be {expected}, not {shown}", source="<report>")


def _read(tp: Any, value: Any, where: str) -> Any:
    """``value`` checked (and, for records and tuples, built) as the type ``tp``."""
    origin = get_origin(tp)
    if tp is Any:
        return value
    if origin is Literal:
        if value not in get_args(tp):
            raise _malformed(where, "one of " + ", ".join(map(repr, get_args(tp))), value)
        return value
    if origin in (Union, types.UnionType):
        if value is None and type(None) in get_args(tp):
            return None
        options = [o for o in get_args(tp) if o is not type(None)]
        if len(options) == 1:  # X | None: X's own message names what is wrong inside it
            return _read(options[0], value, where)
        # An int stays an int where the union allows one: 700 must not read back as 700.0.
        if type(value) in options:
            return value
        for option in options:
            try:
                return _read(option, value, where)
            except MalformedInput:
                continue
        raise _malformed(where, _describe(tp), value)
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise _malformed(where, "a list", value)
        (item,) = [a for a in get_args(tp) if a is not Ellipsis]
        return tuple(_read(item, v, f"{where}[{i}]") for i, v in enumerate(value))
    if origin is dict:
        if not isinstance(value, Mapping):
            raise _malformed(where, "an object", value)
        return dict(value)
    if tp in (bool, int, float, str):
        if isinstance(value, bool) != (tp is bool) or not isinstance(value, _ACCEPTS[tp]):
            raise _malformed(where, _describe(tp), value)
        return float(value) if tp is float else value  # type: ignore[arg-type]
    if isinstance(tp, type) and issubclass(tp, Record):
        return tp.from_dict(value, where=where)
    reader = getattr(tp, "from_dict", None)  # a record of another module, with its own reader
    if reader is not None:
        if not isinstance(value, Mapping):
            raise _malformed(where, "an object", value)
        return reader(value)
    raise TypeError(f"{where}: no reader for {tp!r}")  # a field type this module cannot read
