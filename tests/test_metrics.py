"""The shared metrics against values computed by hand."""

from __future__ import annotations

import pytest

from newsaudit.metrics import (
    PRF,
    average_precision,
    confusion,
    f1_per_class,
    mean_average_precision,
    precision_recall_f1,
    prf,
)


@pytest.mark.parametrize(
    ("tp", "n_pred", "n_gold", "expected"),
    [
        (3, 4, 6, (0.75, 0.5, 0.6)),  # 2 * 0.75 * 0.5 / 1.25
        (0, 4, 6, (0.0, 0.0, 0.0)),
        (0, 0, 6, (0.0, 0.0, 0.0)),  # nothing predicted: precision undefined -> 0
        (0, 0, 0, (0.0, 0.0, 0.0)),
        (5, 5, 5, (1.0, 1.0, 1.0)),
    ],
)
def test_prf(tp: int, n_pred: int, n_gold: int, expected: tuple[float, float, float]) -> None:
    assert prf(tp, n_pred, n_gold) == pytest.approx(expected)


def test_prf_with_partial_credit() -> None:
    # two predicted spans earn 0.5 + 1.0 of precision; three gold spans 0.25 + 1.0 + 0 of recall
    got = prf(1.5, 2, 3, tp_gold=1.25)
    assert got == pytest.approx((0.75, 1.25 / 3, 2 * 0.75 * (1.25 / 3) / (0.75 + 1.25 / 3)))


def test_prf_to_dict_rounds_only_when_asked() -> None:
    got = prf(1, 3, 3)
    assert got.to_dict() == {"precision": 1 / 3, "recall": 1 / 3, "f1": 1 / 3}
    assert got.to_dict(4) == {"precision": 0.3333, "recall": 0.3333, "f1": 0.3333}
    assert isinstance(got, PRF) and got.f1 == got[2]


@pytest.mark.parametrize(
    ("labels", "predicted", "expected"),
    [
        ([1, 1, 0, 0], [1, 0, 1, 0], (0.5, 0.5, 0.5)),
        ([1, 1, 1, 0], [1, 1, 0, 0], (1.0, 2 / 3, 0.8)),
        ([1, 0, 0, 0], [1, 1, 1, 1], (0.25, 1.0, 0.4)),
        ([0, 0], [0, 0], (0.0, 0.0, 0.0)),
    ],
)
def test_precision_recall_f1(
    labels: list[int], predicted: list[int], expected: tuple[float, float, float]
) -> None:
    assert precision_recall_f1(labels, predicted) == pytest.approx(expected)


def test_precision_recall_f1_of_another_class() -> None:
    # class 2 is gold twice, predicted three times, right once: P 1/3, R 1/2, F1 0.4
    assert precision_recall_f1([2, 2, 0, 1], [2, 0, 2, 2], positive=2) == pytest.approx(
        (1 / 3, 0.5, 0.4))


@pytest.mark.parametrize(
    ("scores", "labels", "expected"),
    [
        ([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0], (1 / 1 + 2 / 3) / 2),
        ([0.9, 0.8, 0.7, 0.6], [0, 0, 0, 1], 1 / 4),
        ([0.1, 0.2, 0.3], [1, 1, 1], 1.0),
        ([0.5, 0.4], [0, 0], 0.0),  # no positives: the CheckThat! scorer gives 0
        ([0.5, 0.5, 0.5], [0, 1, 0], 1 / 2),  # ties keep input order
        ([0.2, 0.9, 0.4, 0.8, 0.1], [1, 0, 1, 0, 0], (1 / 3 + 2 / 4) / 2),
    ],
)
def test_average_precision(scores: list[float], labels: list[int], expected: float) -> None:
    assert average_precision(scores, labels) == pytest.approx(expected)


def test_mean_average_precision() -> None:
    assert mean_average_precision([1.0, 0.5, 0.0]) == pytest.approx(0.5)
    assert mean_average_precision([]) == 0.0


LABELS = ("agree", "disagree", "discuss", "unrelated")
GOLD = ["unrelated", "unrelated", "agree", "disagree", "discuss", "agree"]
PRED = ["unrelated", "discuss", "agree", "agree", "unrelated", "discuss"]


def test_confusion_and_f1_per_class() -> None:
    matrix = confusion(GOLD, PRED, LABELS)
    assert matrix == [[1, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 1]]
    # agree: tp 1, gold 2, predicted 2 -> 2/4; unrelated: tp 1, gold 2, predicted 2 -> 2/4
    assert f1_per_class(matrix, LABELS) == {"agree": 0.5, "disagree": 0.0, "discuss": 0.0,
                                            "unrelated": 0.5}
    assert f1_per_class([[0, 0], [0, 3]], ("a", "b")) == {"a": 0.0, "b": 1.0}


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        average_precision([0.1], [1, 0])
    with pytest.raises(ValueError):
        precision_recall_f1([1], [1, 0])
    with pytest.raises(ValueError):
        confusion(["agree"], [], LABELS)
