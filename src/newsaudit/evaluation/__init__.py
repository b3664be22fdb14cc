"""Benchmarks of the stages that are not trained models: ``polnear`` (attribution against
PolNeAR) and ``extraction`` (the HTML article body against the Scrapinghub benchmark);
and ``findings``, the precision of the checks' warnings on judged real pages.

A trained model's benchmark lives with the model, in ``newsaudit.models.<name>.evaluate``;
the datasets are read by :mod:`newsaudit.datasets` and scored with :mod:`newsaudit.metrics`.
"""
