"""newsaudit's trained models, one package each: ``stance``, ``checkworthy``, ``loaded``,
``propaganda``, ``toxicity``, ``layout``.

A model's package holds everything about it, and its modules import one way only:

    features.py   what the model sees (shared by training and run time)
    runtime.py    the model: reading its artifact, predicting; what the stages and checks call
    scoring.py    the benchmark's metric for its predictions (pure functions)
    train.py      the training recipe: ``main(argv)`` is ``newsaudit train <name>``
    evaluate.py   the shipped model (or its recipe) on a benchmark: ``newsaudit eval``
    <name>.npz + <name>.card.json   the weights and their card (data, split, scores)

``train`` never imports ``evaluate``; ``evaluate`` may import ``train`` to retrain the
recipe on a hold-out. The parts every model shares live here once: ``_artifact``
(reading weights and card, refusing a format the code does not know) and
``_text_features`` (the hashed n-gram featuriser). Public datasets are read by
:mod:`newsaudit.datasets`, shared scores computed by :mod:`newsaudit.metrics`.

This package imports none of its models: using one never loads the others.
"""
