"""Severity calibration: how likely each warning is to be worth an editor's time.

A logistic regression over general features of a finding, its evidence's context and
the page (:mod:`.features`: no words of the pages it learned from), trained on the
warnings exacting editors judged on real **dev** pages (``newsaudit train severity``,
:mod:`.train`). Warnings it scores below its threshold, chosen by cross-validation
grouped by page for held-out precision 0.8, are withheld from the report (the
``calibrate`` stage of :mod:`newsaudit.pipeline`; ``--all-findings`` turns it off).
Only its weights ship (``severity.npz``) with a card (``severity.card.json``) naming the
data, the features, the threshold and the cross-validated precision and recall per check.
"""

from newsaudit.models.severity.runtime import Calibrated, SeverityModel, load_model, read_model

__all__ = ["Calibrated", "SeverityModel", "load_model", "read_model"]
