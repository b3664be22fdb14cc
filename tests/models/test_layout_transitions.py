"""The layout model's Viterbi pass reads its transitions by gap: between lines that touch
and across a blank line (newsaudit.models.layout.runtime, 2026-12-05)."""

from __future__ import annotations

import numpy as np

from newsaudit.line_cues import rows_of
from newsaudit.models.layout.runtime import TAGS, LayoutModel, gap_state
from newsaudit.models.layout.train import transitions

K = len(TAGS)
BODY, CAPTION = TAGS.index("body"), TAGS.index("caption")


def _model(T: np.ndarray) -> LayoutModel:
    card = {"n_bits": 1, "tags": list(TAGS), "transition_weight": 1.0, "head_min": 1.0}
    return LayoutModel(card, {"W": np.zeros((2, K), np.float32),
                              "b": np.zeros(K, np.float32), "T": T})


def _uniform() -> np.ndarray:
    return np.full((K + 1, K), -np.log(K), dtype=np.float32)


def test_gap_state_is_touching_or_after_a_blank_line():
    assert [gap_state(g) for g in (0, 1, 2, 5)] == [0, 1, 1, 1]
    assert gap_state(3, states=1) == 0


def test_the_same_scores_decode_by_the_gap_before_the_line():
    T = np.stack([_uniform(), _uniform()])
    T[0, BODY, CAPTION], T[0, BODY, BODY] = -0.1, -5.0  # touching: body then caption
    T[1, BODY, CAPTION], T[1, BODY, BODY] = -5.0, -0.1  # after a blank line: body again
    logp = np.full((2, K), -20.0, dtype=np.float32)
    logp[0, BODY] = 0.0
    logp[1, BODY] = logp[1, CAPTION] = -1.0
    model = _model(T)
    assert model.decode(logp, [0, 0]) == ["body", "caption"]
    assert model.decode(logp, [0, 1]) == ["body", "body"]


def test_a_model_with_one_transition_table_uses_it_for_every_gap():
    T = _uniform()
    T[BODY, CAPTION], T[BODY, BODY] = -0.1, -5.0
    logp = np.full((2, K), -20.0, dtype=np.float32)
    logp[0, BODY] = 0.0
    logp[1, BODY] = logp[1, CAPTION] = -1.0
    model = _model(T)
    assert model.T.shape == (1, K + 1, K)
    assert model.decode(logp, [0, 2]) == model.decode(logp) == ["body", "caption"]


def test_transitions_are_counted_per_gap_state():
    rows, _ = rows_of("a\nb\n\nc")
    y = np.array([BODY, CAPTION, BODY])
    gaps = np.array([r.gap_before for r in rows])
    T = np.exp(transitions([y], [gaps]))
    assert T.shape == (2, K + 1, K)
    assert np.allclose(T.sum(axis=2), 1.0)
    assert T[0, BODY, CAPTION] > T[1, BODY, CAPTION]
    assert T[1, CAPTION, BODY] > T[0, CAPTION, BODY]
