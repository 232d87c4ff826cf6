"""Quality measures of predicted probabilities against 0/1 outcomes (pure numpy)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]

EPSILON = 1e-15


@dataclass(frozen=True)
class CalibrationBin:
    """One decile of predicted probability: its size, mean prediction and observed rate."""

    decile: int
    rows: int
    mean_predicted: float
    observed_rate: float


def auc(scores: Floats, outcomes: Floats) -> float:
    """Area under the ROC curve (Mann-Whitney, ties counted half); needs both outcomes."""
    positives = int(outcomes.sum())
    negatives = outcomes.size - positives
    if positives == 0 or negatives == 0:
        raise ValueError("AUC needs both outcomes")
    ranks = _average_ranks(scores)
    rank_sum = float(ranks[outcomes == 1].sum())
    return (rank_sum - positives * (positives + 1) / 2.0) / (positives * negatives)


def _average_ranks(values: Floats) -> Floats:
    order = np.argsort(values, kind="mergesort")
    ordered = values[order]
    # Runs of equal values share the mean of the ranks they span.
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    ends = np.r_[starts[1:], ordered.size]
    mean_rank = (starts + ends + 1) / 2.0
    ranks = np.empty(values.size)
    ranks[order] = np.repeat(mean_rank, ends - starts)
    return ranks


def brier(probabilities: Floats, outcomes: Floats) -> float:
    """Mean squared error of the probabilities."""
    return float(np.mean((probabilities - outcomes) ** 2))


def log_loss(probabilities: Floats, outcomes: Floats) -> float:
    """Mean negative log-likelihood."""
    clipped = np.clip(probabilities, EPSILON, 1.0 - EPSILON)
    return float(-np.mean(outcomes * np.log(clipped) + (1 - outcomes) * np.log(1 - clipped)))


def calibration_by_decile(probabilities: Floats, outcomes: Floats) -> list[CalibrationBin]:
    """Rows sorted by prediction, cut in ten equal groups (ties may straddle a cut)."""
    order = np.argsort(probabilities, kind="mergesort")
    bins = []
    for decile, rows in enumerate(np.array_split(order, 10), start=1):
        if rows.size:
            bins.append(
                CalibrationBin(
                    decile=decile,
                    rows=int(rows.size),
                    mean_predicted=float(probabilities[rows].mean()),
                    observed_rate=float(outcomes[rows].mean()),
                )
            )
    return bins


@dataclass(frozen=True)
class Evaluation:
    """How well probabilities fit outcomes on one set of rows."""

    rows: int
    claims: int
    auc: float
    brier: float
    log_loss: float
    mean_predicted: float
    observed_rate: float
    calibration: list[CalibrationBin]

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (metadata.json, the evaluate command)."""
        return {
            "rows": self.rows,
            "claims": self.claims,
            "auc": self.auc,
            "brier": self.brier,
            "log_loss": self.log_loss,
            "mean_predicted": self.mean_predicted,
            "observed_rate": self.observed_rate,
            "calibration": [vars(row) for row in self.calibration],
        }


def evaluate(probabilities: Floats, outcomes: Floats) -> Evaluation:
    """Every measure at once; needs both outcomes among the rows."""
    return Evaluation(
        rows=int(outcomes.size),
        claims=int(outcomes.sum()),
        auc=auc(probabilities, outcomes),
        brier=brier(probabilities, outcomes),
        log_loss=log_loss(probabilities, outcomes),
        mean_predicted=float(probabilities.mean()),
        observed_rate=float(outcomes.mean()),
        calibration=calibration_by_decile(probabilities, outcomes),
    )
