"""The severity calibrator at run time: its weights, read from the artifact, the
probability it gives each warning, and which warnings it withholds."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.errors import ModelError
from newsaudit.model import Finding, Report
from newsaudit.models._artifact import ArtifactSpec, all_finite, building, read_artifact
from newsaudit.models.severity.features import (
    CALIBRATED,
    FEATURES_VERSION,
    feature_names,
    featurise,
)

__all__ = ["INFO_PER_PAGE", "SPEC", "Calibrated", "SeverityModel", "load_model", "read_model"]

SPEC = ArtifactSpec(
    name="severity",
    what="severity calibrator",
    arrays="severity.npz",
    card="severity.card.json",
    formats={"features.version": FEATURES_VERSION},
)


#: Info findings of the weighed checks (their own, and demoted warnings) shown per page.
INFO_PER_PAGE = 1
#: What the calibrate stage scores: warnings, and info findings, which compete with the
#: warnings it demotes for the info budget.
_WEIGHED = frozenset({"warning", "info"})


@dataclass(frozen=True)
class Calibrated:
    """A report's findings after calibration: those kept (the page's one finding the
    calibrator rates most worth a look among those it doubts is kept as ``info``), and
    those withheld: doubted warnings and the weighed checks' other info findings."""

    kept: tuple[Finding, ...]
    withheld: tuple[Finding, ...]


@dataclass(frozen=True)
class SeverityModel:
    """A logistic regression over standardised :mod:`.features`, its threshold, and the
    checks whose warnings it withholds whatever their score (no threshold gave them a
    held-out precision an editor can rely on)."""

    kinds: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    muted: frozenset[str]
    card: dict[str, Any]
    #: the checks it weighs (the others' warnings pass through) and their own thresholds
    checks: frozenset[str] = frozenset()
    per_check: dict[str, float] = field(default_factory=dict)
    #: a warning it does not keep stays as info from this probability (else it is withheld)
    info_floor: float = 1.0
    #: kinds of finding (``"check:kind"``, :attr:`Finding.kind`) whose own judged precision
    #: reached the gate's floor: they pass through at the check's severity whatever the
    #: check's gate says, while the check's other kinds are weighed and gated as before
    open_kinds: frozenset[str] = frozenset()

    def opens(self, f: Finding) -> bool:
        """Whether ``f`` is of a kind the gate opened (it passes through untouched)."""
        return f.kind is not None and f"{f.check}:{f.kind}" in self.open_kinds

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(an exacting editor calls the warning true), per feature row."""
        if rows.shape[0] == 0:
            return np.zeros(0)
        z = (rows - self.mean) / self.scale
        return 1.0 / (1.0 + np.exp(-(z @ self.coef + self.intercept)))

    def score(self, report: Report, sentences: Sequence[tuple[int, int]], *,
              severities: frozenset[str] = CALIBRATED) -> dict[int, float]:
        """``{index into report.findings: probability}`` for each warning (or each finding
        of ``severities``)."""
        index, rows = featurise(report, sentences, self.kinds, severities=severities)
        return dict(zip(index, self.probabilities(rows).tolist(), strict=True))

    def keeps(self, check: str, p: float) -> bool:
        """Whether a warning of ``check`` scored ``p`` stays a warning."""
        if check not in self.checks:
            return True
        return check not in self.muted and p >= self.per_check.get(check, self.threshold)

    def calibrate(self, report: Report, sentences: Sequence[tuple[int, int]], *,
                  demotable: Collection[str] = ()) -> Calibrated:
        """The report's findings with the warnings below their threshold taken out; those
        of a check in ``demotable`` (checks that may emit info) scoring at least the info
        floor are kept as info. The info findings of the checks it weighs compete for the
        same room: of all these, only the :data:`INFO_PER_PAGE` the calibrator rates most
        worth a look are shown as info, and only from the info floor; the others are
        withheld, whichever severity the check gave them (issue 9: at most one info
        finding per page, and only what a reader would thank the tool for)."""
        scores = {i: p for i, p in self.score(report, sentences, severities=_WEIGHED).items()
                  if not self.opens(report.findings[i])}
        # the info findings of weighed checks and the demoted warnings: the best of them
        # (at most INFO_PER_PAGE) is shown as info if it reaches the floor
        candidates = [i for i, f in enumerate(report.findings)
                      if i in scores and f.check in self.checks and (
                          f.severity == "info"
                          or (not self.keeps(f.check, scores[i]) and f.check in demotable))]
        best = sorted(candidates, key=lambda i: (-scores[i], i))[:INFO_PER_PAGE]
        shown = {i for i in best if scores[i] >= self.info_floor}
        kept: list[Finding] = []
        withheld: list[Finding] = []
        for i, f in enumerate(report.findings):
            if i in shown:
                kept.append(f if f.severity == "info" else replace(f, severity="info"))
            elif i in scores and f.check in self.checks and (
                    f.severity == "info" or not self.keeps(f.check, scores[i])):
                withheld.append(f)
            else:
                kept.append(f)
        return Calibrated(tuple(kept), tuple(withheld))


def model_from_arrays(arrays: Any, card: dict[str, Any], *, source: str) -> SeverityModel:
    """Check an artifact's arrays against its card; raise ModelError naming what is wrong."""
    with building(SPEC, source):
        kinds = tuple(str(k) for k in card["features"]["kinds"])
        names = tuple(card["features"]["names"])
        mean = np.asarray(arrays["mean"], dtype=np.float64).ravel()
        scale = np.asarray(arrays["scale"], dtype=np.float64).ravel()
        coef = np.asarray(arrays["coef"], dtype=np.float64).ravel()
        intercept = float(np.asarray(arrays["intercept"]).ravel()[0])
        threshold = float(card["threshold"]["probability"])
        muted = frozenset(str(c) for c in card["threshold"]["muted"])
        checks = frozenset(str(c) for c in card["threshold"]["checks"])
        per_check = {str(c): float(v) for c, v in card["threshold"]["per_check"].items()}
        info_floor = float(card["threshold"]["info_floor"])
        open_kinds = frozenset(str(k) for k in card.get("gate", {}).get("open_kinds", ()))
    if names != feature_names(kinds):
        raise ModelError("severity calibrator was trained on other features; rebuild it with "
                         f"{SPEC.rebuild}", source=source)
    width = len(names)
    if not (mean.shape[0] == scale.shape[0] == coef.shape[0] == width):
        raise ModelError(f"severity calibrator has {coef.shape[0]} weights, card says {width}",
                         source=source)
    if not all_finite(mean, scale, coef, intercept, threshold, info_floor) or np.any(scale <= 0):
        raise ModelError("severity calibrator has non-finite weights", source=source)
    return SeverityModel(kinds, mean, scale, coef, intercept, threshold, muted, card,
                         checks, per_check, info_floor, open_kinds)


def read_model(directory: Traversable | Path | None = None) -> SeverityModel:
    """The calibrator in ``directory`` (a fresh build), or the shipped one."""
    artifact = read_artifact(SPEC, directory)
    return model_from_arrays(artifact.arrays, artifact.card, source=artifact.source)


@lru_cache(maxsize=1)
def load_model() -> SeverityModel:
    """The shipped calibrator, read once per process."""
    return read_model()
