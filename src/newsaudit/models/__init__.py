"""Trained models, one package each: runtime in ``__init__``, features, trainer, evaluation
and the shipped weights with their card side by side."""
