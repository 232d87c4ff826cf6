"""The quality measures the model card and ``evaluate`` report."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from marketplace.underwriting.metrics import auc, brier, calibration_by_decile, evaluate


def _pairwise_auc(scores: np.ndarray, outcomes: np.ndarray) -> float:
    positives, negatives = scores[outcomes == 1], scores[outcomes == 0]
    wins = [
        1.0 if p > n else 0.5 if p == n else 0.0 for p, n in itertools.product(positives, negatives)
    ]
    return float(np.mean(wins))


def test_auc_counts_every_pair_and_half_of_the_ties() -> None:
    rng = np.random.default_rng(1)
    scores = rng.integers(0, 5, 200).astype(np.float64)  # many ties
    outcomes = (rng.random(200) < 0.3).astype(np.float64)
    assert auc(scores, outcomes) == pytest.approx(_pairwise_auc(scores, outcomes), abs=1e-12)
    assert auc(np.array([0.1, 0.9]), np.array([0.0, 1.0])) == 1.0


def test_auc_needs_both_outcomes() -> None:
    with pytest.raises(ValueError, match="both outcomes"):
        auc(np.array([0.1, 0.2]), np.array([0.0, 0.0]))


def test_brier_and_deciles() -> None:
    probabilities = np.linspace(0.0, 0.99, 100)
    outcomes = (np.arange(100) >= 50).astype(np.float64)
    assert brier(np.array([0.0, 1.0]), np.array([0.0, 1.0])) == 0.0
    assert brier(np.array([0.5]), np.array([1.0])) == 0.25
    bins = calibration_by_decile(probabilities, outcomes)
    assert [b.rows for b in bins] == [10] * 10
    assert [b.observed_rate for b in bins] == [0.0] * 5 + [1.0] * 5
    assert bins[0].mean_predicted == pytest.approx(0.045)
    report = evaluate(probabilities, outcomes)
    assert (report.rows, report.claims, report.auc) == (100, 50, 1.0)
