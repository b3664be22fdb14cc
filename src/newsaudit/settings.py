"""Settings: the judgements and limits a user may change, layered like trafilatura's.

    packaged defaults (data/settings.toml)
      < a user file (``config=PATH`` / ``--config``, else ``$NEWSAUDIT_CONFIG``, else
        ``$XDG_CONFIG_HOME/newsaudit/config.toml``, i.e. ``~/.config/newsaudit/config.toml``)
      < environment variables ``NEWSAUDIT_<SECTION>_<KEY>``
      < arguments (the CLI's options, ``Auditor(...)``, each call's keywords)

Each section is a small frozen dataclass, so code reads ``settings.loaded_language
.warning_score`` with its type; the packaged TOML file holds every value and the note on
how it was calibrated, so a value lives in one place. A key that no section has is an
error naming it (a misspelt threshold must not be silently ignored), and so is a value of
the wrong type or outside its range. Every key is documented in ``docs/settings.md``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from newsaudit.errors import SettingsError

ENV_PREFIX = "NEWSAUDIT_"
CONFIG_ENV = "NEWSAUDIT_CONFIG"
InputFormat = Literal["auto", "text", "html"]
Matmul = Literal["numpy", "blis"]


def _range(low: float | None = None, high: float | None = None) -> Any:
    return field(metadata={"low": low, "high": high})


_SCORE = (0.0, 1.0)


@dataclass(frozen=True, slots=True)
class SpacySettings:
    """The spaCy pipeline and how a batch goes through it."""

    model: str
    batch_size: int = _range(1)
    matmul: Matmul = "numpy"


@dataclass(frozen=True, slots=True)
class InputSettings:
    """How pages are read."""

    format: InputFormat
    max_bytes: int = _range(1)


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """Which checks run."""

    run: tuple[str, ...]

    @property
    def selected(self) -> tuple[str, ...] | None:
        """The names to run, or ``None`` for every registered check."""
        return None if "all" in self.run else self.run


@dataclass(frozen=True, slots=True)
class ClaimsSettings:
    min_checkworthy: float = _range(*_SCORE)


@dataclass(frozen=True, slots=True)
class HeadlineSettings:
    stance_confirm: float = _range(*_SCORE)
    stance_disagree_alone: float = _range(*_SCORE)
    stance_unrelated_alone: float = _range(*_SCORE)


@dataclass(frozen=True, slots=True)
class LoadedLanguageSettings:
    report_score: float = _range(*_SCORE)
    warning_score: float = _range(*_SCORE)


@dataclass(frozen=True, slots=True)
class UnsourcedSettings:
    sweeping_warning_score: float = _range(*_SCORE)


@dataclass(frozen=True, slots=True)
class PropagandaSettings:
    info_score: float = _range(*_SCORE)
    warning_score: float = _range(*_SCORE)
    charged_min: float = _range(*_SCORE)
    max_per_technique: int = _range(0)
    max_per_page: int = _range(0)


Switch = Literal["on", "off"]


@dataclass(frozen=True, slots=True)
class SeveritySettings:
    """Whether the severity calibrator withholds low-confidence warnings."""

    calibrate: Switch


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting, by section; build with :meth:`load` (all layers) or :meth:`defaults`."""

    spacy: SpacySettings
    input: InputSettings
    checks: CheckSettings
    claims: ClaimsSettings
    headline_unsupported: HeadlineSettings
    loaded_language: LoadedLanguageSettings
    unsourced_claim: UnsourcedSettings
    propaganda_technique: PropagandaSettings
    severity: SeveritySettings

    @classmethod
    def defaults(cls) -> Settings:
        """The packaged defaults alone: what tests and a bare check call see."""
        return _defaults()

    @classmethod
    def load(
        cls,
        config: str | Path | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        overrides: Mapping[str, Any] | None = None,
    ) -> Settings:
        """Every layer: defaults, the user file, the environment, then ``overrides``.

        ``config`` names the user file (it must exist); without it the user file is
        ``$NEWSAUDIT_CONFIG`` or the XDG one, read when it exists. ``environ`` defaults to
        ``os.environ``; ``overrides`` maps dotted keys (``"input.max_bytes"``) to values,
        ``None`` meaning "not given".
        """
        env = os.environ if environ is None else environ
        settings = _defaults()
        path = user_file(config, env)
        if path is not None:
            settings = settings.merged(_read_file(path), origin=str(path))
        settings = settings.merged(_from_env(env), origin="environment")
        return settings.merged(overrides or {}, origin="arguments")

    @staticmethod
    def keys() -> tuple[str, ...]:
        """Every setting's dotted name, section by section."""
        return tuple(key for key, _, _ in _schema())

    def get(self, key: str) -> Any:
        section, name = _split(key, "arguments")
        return getattr(getattr(self, section), name)

    def merged(self, values: Mapping[str, Any], *, origin: str = "arguments") -> Settings:
        """These settings with ``values`` (dotted keys, or ``{section: {key: value}}``)
        laid over them; ``None`` values are skipped. ``origin`` names the layer in errors."""
        sections = _sections(dict(_flatten(values, origin)), origin)
        if not sections:
            return self
        return replace(
            self,
            **{s: replace(getattr(self, s), **vals) for s, vals in sections.items()},
        )

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """``{section: {key: value}}``, as a user file would hold them."""
        out: dict[str, dict[str, Any]] = {}
        for key in self.keys():
            section, name = key.split(".")
            value = self.get(key)
            out.setdefault(section, {})[name] = list(value) if isinstance(value, tuple) else value
        return out


def env_var(key: str) -> str:
    """The environment variable of a setting: ``spacy.model`` -> ``NEWSAUDIT_SPACY_MODEL``."""
    return ENV_PREFIX + key.replace(".", "_").upper()


def user_file(config: str | Path | None, environ: Mapping[str, str]) -> Path | None:
    """The user settings file to read, if any. One that was named must exist."""
    named = config or environ.get(CONFIG_ENV)
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise SettingsError("settings file not found", source=str(path))
        return path
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    path = Path(base) / "newsaudit" / "config.toml"
    return path if path.is_file() else None


# ----------------------------------------------------------------------- machinery


@cache
def _schema() -> tuple[tuple[str, Any, Mapping[str, Any]], ...]:
    """``(dotted key, type, range metadata)`` of every setting."""
    out = []
    for section in fields(Settings):
        cls = get_type_hints(Settings)[section.name]
        hints = get_type_hints(cls)
        for f in fields(cls):
            out.append((f"{section.name}.{f.name}", hints[f.name], f.metadata))
    return tuple(out)


def _field(key: str) -> tuple[Any, Mapping[str, Any]]:
    for k, tp, meta in _schema():
        if k == key:
            return tp, meta
    raise AssertionError(key)  # _flatten has already refused unknown keys


def _sections(flat: Mapping[str, Any], origin: str) -> dict[str, dict[str, Any]]:
    """``{"a.b": raw}`` -> ``{"a": {"b": value}}``, each value checked and converted."""
    sections: dict[str, dict[str, Any]] = {}
    for key, value in flat.items():
        section, name = key.split(".")
        tp, meta = _field(key)
        sections.setdefault(section, {})[name] = _coerce(value, tp, meta, key, origin)
    return sections


def _split(key: str, origin: str) -> tuple[str, str]:
    if key not in Settings.keys():
        raise SettingsError(f"unknown setting {key!r} (see docs/settings.md)", source=origin)
    section, name = key.split(".")
    return section, name


def _flatten(values: Mapping[str, Any], origin: str) -> Iterator[tuple[str, Any]]:
    for key, value in values.items():
        if isinstance(value, Mapping):
            if not any(k.startswith(f"{key}.") for k in Settings.keys()):
                raise SettingsError(f"unknown settings section [{key}]", source=origin)
            for name, inner in value.items():
                if isinstance(inner, Mapping):
                    raise SettingsError(f"unknown settings section [{key}.{name}]", source=origin)
                if inner is not None:
                    yield ".".join(_split(f"{key}.{name}", origin)), inner
        elif value is not None:
            yield ".".join(_split(key, origin)), value


def _coerce(value: Any, tp: Any, meta: Mapping[str, Any], key: str, origin: str) -> Any:
    """``value`` as the setting's type, from TOML, Python or an environment string."""
    out = _convert(value, tp)
    if out is None:
        raise SettingsError(f"{key} must be {_describe(tp)}, not {value!r}", source=origin)
    low, high = meta.get("low"), meta.get("high")
    if (low is not None and out < low) or (high is not None and out > high):
        bounds = f"at least {low}" if high is None else f"between {low} and {high}"
        raise SettingsError(f"{key} must be {bounds}, not {value!r}", source=origin)
    return out


def _convert(value: Any, tp: Any) -> Any:
    """``value`` as ``tp``, or ``None`` when it is not one (strings come from the
    environment: numbers are parsed, lists are comma-separated)."""
    text = isinstance(value, str)
    if get_origin(tp) is Literal:
        return value if value in get_args(tp) else None
    if tp is str:
        return value if text else None
    if get_origin(tp) is tuple:
        items = value.split(",") if text else value
        if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
            return None
        return tuple(i.strip() for i in items if i.strip())
    if isinstance(value, bool):
        return None
    try:
        if tp is int:
            if text:
                return int(value.replace("_", ""))
            return value if isinstance(value, int) else None
        if tp is float:
            return float(value) if isinstance(value, int | float | str) else None
    except ValueError:
        return None
    raise TypeError(f"settings of type {tp!r} are not supported")


def _describe(tp: Any) -> str:
    if get_origin(tp) is Literal:
        return "one of " + ", ".join(map(repr, get_args(tp)))
    return {str: "a string", int: "a whole number", float: "a number"}.get(tp, "a list of names")


def _from_env(environ: Mapping[str, str]) -> dict[str, str]:
    return {key: environ[env_var(key)] for key in Settings.keys() if env_var(key) in environ}


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as err:
        raise SettingsError(f"cannot read settings file: {err.strerror}", source=str(path)) from err
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"settings file is not valid TOML: {err}", source=str(path)) from err


@cache
def _defaults() -> Settings:
    origin = "newsaudit/data/settings.toml"
    with resources.files("newsaudit.data").joinpath("settings.toml").open("rb") as fh:
        flat = dict(_flatten(tomllib.load(fh), origin))
    missing = [key for key in Settings.keys() if key not in flat]
    if missing:
        raise SettingsError(f"the packaged defaults lack {', '.join(missing)}", source=origin)
    hints = get_type_hints(Settings)
    return Settings(**{s: hints[s](**vals) for s, vals in _sections(flat, origin).items()})
