"""What a stage or a check may use beyond the page: the settings and the trained models.

An :class:`~newsaudit.auditor.Auditor` builds one :class:`Context` and hands it to every
stage and check it runs, so thresholds come from the layered settings and each trained
model is loaded once and held, not fetched from a process-wide cache inside a check. A
check called on its own (as the tests do) gets :data:`DEFAULT_CONTEXT`: the packaged
default settings and the shipped models.

:class:`Models` is the one place that knows where each trained model comes from (the
``_load_*`` functions below); everything else asks it by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsaudit.errors import ModelError
from newsaudit.settings import Settings

if TYPE_CHECKING:
    from newsaudit.models.checkworthy import CheckworthyModel
    from newsaudit.models.loaded import LoadedModel, LoadedSpan
    from newsaudit.models.propaganda import PropagandaModel
    from newsaudit.models.severity import SeverityModel
    from newsaudit.models.stance import StanceModel
    from newsaudit.models.toxicity import ToxicityModel


# Where each shipped model is read from (each lives in newsaudit.models.<name>).
def _load_checkworthy() -> CheckworthyModel:
    from newsaudit.models.checkworthy import load_model

    return load_model()


def _load_loaded() -> LoadedModel:
    from newsaudit.models.loaded import load_model

    return load_model()


def _load_propaganda() -> PropagandaModel:
    from newsaudit.models.propaganda import load_model

    return load_model()


def _load_severity() -> SeverityModel:
    from newsaudit.models.severity import load_model

    return load_model()


def _load_stance() -> StanceModel:
    from newsaudit.models.stance import load_model

    return load_model()


def _load_toxicity() -> ToxicityModel:
    from newsaudit.models.toxicity import load_model

    return load_model()


_LOADERS: dict[str, Callable[[], Any]] = {
    "checkworthy": _load_checkworthy,
    "loaded": _load_loaded,
    "propaganda": _load_propaganda,
    "severity": _load_severity,
    "stance": _load_stance,
    "toxicity": _load_toxicity,
}
MODEL_NAMES: tuple[str, ...] = tuple(_LOADERS)


class Models:
    """The trained models a run uses, each loaded on first use and then held.

    ``Models(stance=my_model)`` uses a model of one's own; ``Models(stance=None)`` runs
    without it (the headline check then works on structure alone, as when the artifact is
    missing). The shipped artifacts are read once per process however many ``Models``
    hold them.
    """

    def __init__(self, **given: Any) -> None:
        unknown = sorted(set(given) - set(_LOADERS))
        if unknown:
            raise TypeError(f"unknown model {unknown[0]!r}; the models are {MODEL_NAMES}")
        self._held: dict[str, Any] = dict(given)
        # Two checks read every sentence of a page in turn: the cache must hold a long
        # page's sentences (a transcript of 1M characters has ~6,000), or the second
        # check finds none of the first one's (a few MB at most).
        self.loaded_spans = lru_cache(maxsize=8192)(self._loaded_spans)

    def get(self, name: str) -> Any:
        """The model called ``name``; a :class:`ModelError` when it cannot be had."""
        if name not in self._held:
            self._held[name] = _LOADERS[name]()
        model = self._held[name]
        if model is None:
            raise ModelError(f"the {name} model is switched off in this run", source=name)
        return model

    def load(self, names: Iterable[str] = MODEL_NAMES) -> Models:
        """Load the models now (a server does this before its first request)."""
        for name in names:
            if self._held.get(name, ...) is not None:
                self.get(name)
        return self

    @property
    def checkworthy(self) -> CheckworthyModel:
        return self.get("checkworthy")

    @property
    def loaded(self) -> LoadedModel:
        return self.get("loaded")

    @property
    def propaganda(self) -> PropagandaModel:
        return self.get("propaganda")

    def off(self, name: str) -> bool:
        """Whether this run was given ``name=None``: the model is switched off."""
        return name in self._held and self._held[name] is None

    @property
    def severity(self) -> SeverityModel:
        return self.get("severity")

    @property
    def stance(self) -> StanceModel:
        return self.get("stance")

    @property
    def toxicity(self) -> ToxicityModel:
        return self.get("toxicity")

    def _loaded_spans(self, text: str, threshold: float) -> tuple[LoadedSpan, ...]:
        """The loaded-language tagger's spans for one sentence, memoised (as
        ``loaded_spans(text, threshold)``): the loaded-language and propaganda checks both
        read the same sentences of a page."""
        return tuple(self.loaded.tag(text, threshold=threshold))


@dataclass(frozen=True, slots=True)
class Context:
    """The settings and models one run of the stages and checks reads."""

    settings: Settings
    models: Models

    def with_checks(self, names: Iterable[str] | None) -> Context:
        """This context running only the checks ``names`` (``None``: the settings' choice)."""
        if names is None:
            return self
        settings = self.settings.merged({"checks.run": tuple(names)})
        return replace(self, settings=settings)


#: The packaged defaults and the shipped models: what a stage or check called without an
#: Auditor uses. It never reads a user file or the environment.
DEFAULT_CONTEXT = Context(Settings.defaults(), Models())
