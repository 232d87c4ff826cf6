"""Platt scaling: maps the model's raw log-odds to calibrated probabilities.

Training fits it on the validation buyers (never the training ones) and keeps it only when
those buyers show the raw model is miscalibrated beyond noise: a likelihood-ratio test of the
fitted slope and intercept against the identity (slope 1, intercept 0) at the 1 % level.
A LightGBM model trained on log loss is usually calibrated already, and a correction fitted
on a few hundred claims would mostly add noise. The applied scaling (the identity when the
test does not reject) is stored in ``metadata.json`` and applied by serving. The slope is kept
positive so calibration never reverses the model's order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]

NEWTON_STEPS = 50
TOLERANCE = 1e-10
CHI2_2DF_1_PERCENT = 9.2103  # critical value of the likelihood-ratio test, 2 parameters


@dataclass(frozen=True)
class PlattScaling:
    """probability = 1 / (1 + exp(-(slope * raw + intercept)))."""

    slope: float = 1.0
    intercept: float = 0.0

    def __post_init__(self) -> None:
        if not self.slope > 0:
            raise ValueError("calibration slope must be positive")

    def probability(self, raw_score: float) -> float:
        """The calibrated probability of one raw score."""
        logit = self.slope * raw_score + self.intercept
        # Split on the sign so exp never overflows for extreme scores.
        if logit >= 0:
            return 1.0 / (1.0 + math.exp(-logit))
        odds = math.exp(logit)
        return odds / (1.0 + odds)

    def probabilities(self, raw_scores: Floats) -> Floats:
        """The calibrated probabilities of many raw scores."""
        logit = self.slope * raw_scores + self.intercept
        result: Floats = 0.5 * (1.0 + np.tanh(0.5 * logit))
        return result

    def to_json(self) -> dict[str, float | str]:
        """For metadata.json."""
        return {"method": "platt", "slope": self.slope, "intercept": self.intercept}


def fit_platt(raw_scores: Floats, outcomes: Floats) -> PlattScaling:
    """Maximum-likelihood slope and intercept (Newton's method); identity if degenerate."""
    design = np.column_stack([raw_scores, np.ones_like(raw_scores)])
    weights = np.array([1.0, 0.0])
    for _ in range(NEWTON_STEPS):
        probability = 0.5 * (1.0 + np.tanh(0.5 * (design @ weights)))
        gradient = design.T @ (probability - outcomes)
        curvature = design.T @ (design * (probability * (1 - probability))[:, None])
        try:
            step = np.linalg.solve(curvature + 1e-9 * np.eye(2), gradient)
        except np.linalg.LinAlgError:
            return PlattScaling()
        weights = weights - step
        if float(np.abs(step).max()) < TOLERANCE:
            break
    slope, intercept = float(weights[0]), float(weights[1])
    if not (slope > 0 and math.isfinite(slope) and math.isfinite(intercept)):
        return PlattScaling()
    return PlattScaling(slope=slope, intercept=intercept)


@dataclass(frozen=True)
class CalibrationChoice:
    """The fitted scaling, the test statistic, and the scaling serving will apply."""

    fitted: PlattScaling
    likelihood_ratio: float
    applied: PlattScaling

    def to_json(self) -> dict[str, object]:
        """For metadata.json: ``slope`` and ``intercept`` are what serving applies."""
        applied: dict[str, object] = dict(self.applied.to_json())
        return applied | {
            "fitted_slope": self.fitted.slope,
            "fitted_intercept": self.fitted.intercept,
            "likelihood_ratio": self.likelihood_ratio,
            "critical_value": CHI2_2DF_1_PERCENT,
            "applied": self.applied != PlattScaling(),
        }


def _log_likelihood(scaling: PlattScaling, raw_scores: Floats, outcomes: Floats) -> float:
    probability = np.clip(scaling.probabilities(raw_scores), 1e-15, 1 - 1e-15)
    return float(np.sum(outcomes * np.log(probability) + (1 - outcomes) * np.log1p(-probability)))


def choose_calibration(raw_scores: Floats, outcomes: Floats) -> CalibrationChoice:
    """Fit Platt scaling and keep it only if it beats the identity beyond noise."""
    fitted = fit_platt(raw_scores, outcomes)
    gain = _log_likelihood(fitted, raw_scores, outcomes)
    gain -= _log_likelihood(PlattScaling(), raw_scores, outcomes)
    ratio = max(0.0, 2.0 * gain)
    applied = fitted if ratio > CHI2_2DF_1_PERCENT else PlattScaling()
    return CalibrationChoice(fitted=fitted, likelihood_ratio=ratio, applied=applied)
