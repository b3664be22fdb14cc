"""Readers for the public datasets newsaudit is trained and scored on: one module per
dataset, named after it, reading the dataset's own published file format.

    fnc1         FNC-1 stance pairs (``*_stances.csv`` + ``*_bodies.csv``)
    ptc          SemEval-2020 Task 11 propaganda corpus (``article*.txt`` + ``*.labels``)
    polnear      PolNeAR attributions (brat ``.txt`` + ``.ann``)
    claimbuster  ClaimBuster check-worthy sentences (``kfold_25ncs.csv``)
    clef2019     CLEF-2019 CheckThat! Task 1 debate transcripts (``*.tsv``)
    babe         BABE biased sentences and words (``final_labels_SG*.csv``)
    basil        BASIL articles and their bias spans (``articles/`` + ``annotations/``)
    davidson     Davidson et al. 2017 hate and offensive tweets (``labeled_data.csv``)
    scrapinghub  the article-extraction benchmark (``ground-truth.json`` + ``html/``)
    fakes        FA-KES Syrian-war casualty reports (``FA-KES-Dataset.csv``)
    fakenewscorpus  FakeNewsCorpus article text (``news_sample.csv``)
    trafilatura_eval  trafilatura's evaluation pages (``evaldata.json`` + ``eval|cache/*.gz``)

A reader returns plain frozen records and nothing model-specific: how a model turns them
into training examples is the model's business (``newsaudit.models.<name>``). A file that
does not parse as its dataset raises :class:`~newsaudit.errors.MalformedInput` whose
``source`` is the file and whose ``reason`` names the line or field, so ``newsaudit eval``
reports it as an input error (exit 2) in one line, never as a crash. The datasets are
read in place and never copied into the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_data_dir"]


def default_data_dir() -> Path:
    """Where the public datasets are: ``$NEWSAUDIT_DATA``, else ``../shared/data`` beside a
    source checkout (the layout the project's machines and CI use)."""
    repo = Path(__file__).resolve().parents[3]
    return Path(os.environ.get("NEWSAUDIT_DATA", repo.parent / "shared" / "data"))
