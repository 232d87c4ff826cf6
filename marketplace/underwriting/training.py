"""Fit the underwriting model on a validated book.

Buyers are split by a hash of ``buyer_id`` into training (70 %), validation (15 %) and
hold-out (15 %) buyers, so no buyer is on both sides of any evaluation. LightGBM learns on
the training buyers, stops early on the validation buyers' log loss, and is monotone where the
direction is certain; Platt scaling is then fitted on the validation buyers (and kept only if
they show miscalibration beyond noise, see ``calibration``), and every metric is measured on
the hold-out buyers. The same book and config always give the same model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import lightgbm as lgb
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from marketplace.underwriting.calibration import CalibrationChoice, PlattScaling, choose_calibration
from marketplace.underwriting.features import FEATURE_NAMES, Vocabularies
from marketplace.underwriting.metrics import Evaluation, brier, evaluate
from marketplace.underwriting.table_features import encode_table
from marketplace.underwriting.vocabulary import fit_vocabularies

Floats = npt.NDArray[np.float64]
Progress = Callable[[int, int], None]
"""Called after each boosting round with (rounds done, maximum rounds)."""

MONOTONE_INCREASING: tuple[str, ...] = (
    "tenor_days",  # a longer time to the due date leaves more time to fail before paying
    "sector",  # the code is the sector's rank by claim rate (see features)
    "payment_incidents_12m",
    "avg_days_beyond_terms",
    "prior_late_ratio",
)
CATEGORICAL: tuple[str, ...] = ("country",)
TRAIN_SHARE_PERCENT = 70
VALIDATION_SHARE_PERCENT = 15
SPLIT_PARTS = ("train", "validation", "test")


class TrainingError(ValueError):
    """The book cannot train a model (for example, a split has no claims)."""


@dataclass(frozen=True)
class TrainingConfig:
    """Hyper-parameters; the defaults built the shipped model."""

    seed: int = 7
    learning_rate: float = 0.05
    num_leaves: int = 15
    min_data_in_leaf: int = 100
    lambda_l2: float = 1.0
    bagging_fraction: float = 0.8
    feature_fraction: float = 0.9
    max_rounds: int = 600
    early_stopping_rounds: int = 40
    num_threads: int = 2
    min_category_rows: int = 50
    min_category_share: float = 0.002

    def lightgbm_params(self) -> dict[str, Any]:
        """The LightGBM parameters (deterministic: fixed seed and thread count)."""
        return {
            "objective": "binary",
            "learning_rate": self.learning_rate,
            "num_leaves": self.num_leaves,
            "min_data_in_leaf": self.min_data_in_leaf,
            "lambda_l2": self.lambda_l2,
            # Row and feature sampling, drawn from ``seed``: another seed, another model.
            "bagging_fraction": self.bagging_fraction,
            "bagging_freq": 1,
            "feature_fraction": self.feature_fraction,
            "monotone_constraints": [int(n in MONOTONE_INCREASING) for n in FEATURE_NAMES],
            "seed": self.seed,
            "deterministic": True,
            "force_row_wise": True,
            "num_threads": self.num_threads,
            "verbosity": -1,
        }


@dataclass(frozen=True)
class BuyerSplit:
    """Row masks: every buyer's rows fall in exactly one of the three."""

    train: npt.NDArray[np.bool_]
    validation: npt.NDArray[np.bool_]
    test: npt.NDArray[np.bool_]
    buyers: int


@dataclass(frozen=True)
class TrainedModel:
    """Everything the artifact stores about one training run."""

    model_text: str
    vocabularies: Vocabularies
    calibration: CalibrationChoice
    params: dict[str, Any]
    best_iteration: int
    holdout: Evaluation
    holdout_raw_brier: float
    importance: dict[str, float]
    split_rows: dict[str, int] = field(default_factory=dict)
    buyers: int = 0


def split_by_buyer(buyer_ids: list[str]) -> BuyerSplit:
    """Assign each buyer to train/validation/test by the SHA-256 of its id (stable anywhere)."""
    unique, row_buyer = np.unique(np.asarray(buyer_ids, dtype=object), return_inverse=True)
    bucket = np.array(
        [int.from_bytes(hashlib.sha256(b.encode()).digest()[:4], "big") % 100 for b in unique]
    )[row_buyer]
    validation_start = TRAIN_SHARE_PERCENT
    test_start = TRAIN_SHARE_PERCENT + VALIDATION_SHARE_PERCENT
    return BuyerSplit(
        train=bucket < validation_start,
        validation=(bucket >= validation_start) & (bucket < test_start),
        test=bucket >= test_start,
        buyers=int(unique.size),
    )


def _claims(table: pa.Table) -> Floats:
    return np.asarray(table.column("claim").to_numpy(), dtype=np.float64)


def _require_both_outcomes(outcomes: Floats, part: str) -> None:
    if outcomes.size == 0 or outcomes.min() == outcomes.max():
        raise TrainingError(f"the {part} buyers need both claims and non-claims; use a larger book")


def train_model(
    table: pa.Table, config: TrainingConfig | None = None, on_round: Progress | None = None
) -> TrainedModel:
    """Fit, calibrate and evaluate on a validated book (``book.validate_table``)."""
    config = config or TrainingConfig()
    outcomes = _claims(table)
    split = split_by_buyer(table.column("buyer_id").to_pylist())
    for part in SPLIT_PARTS:
        _require_both_outcomes(outcomes[getattr(split, part)], part)
    vocabularies = _fit_vocabularies(table, outcomes, split, config)
    matrix = encode_table(table, vocabularies)
    booster = _boost(matrix, outcomes, split, config, on_round)
    best = booster.best_iteration or booster.current_iteration()
    raw = booster.predict(matrix, raw_score=True, num_iteration=best)
    calibration = choose_calibration(raw[split.validation], outcomes[split.validation])
    test_raw, test_outcomes = raw[split.test], outcomes[split.test]
    return TrainedModel(
        model_text=booster.model_to_string(num_iteration=best),
        vocabularies=vocabularies,
        calibration=calibration,
        params=config.lightgbm_params(),
        best_iteration=best,
        holdout=evaluate(calibration.applied.probabilities(test_raw), test_outcomes),
        holdout_raw_brier=brier(PlattScaling().probabilities(test_raw), test_outcomes),
        importance=_gain_shares(booster.feature_importance("gain", iteration=best)),
        split_rows={part: int(getattr(split, part).sum()) for part in SPLIT_PARTS},
        buyers=split.buyers,
    )


def _fit_vocabularies(
    table: pa.Table, outcomes: Floats, split: BuyerSplit, config: TrainingConfig
) -> Vocabularies:
    train_rows = int(split.train.sum())
    min_rows = max(config.min_category_rows, int(config.min_category_share * train_rows))
    train_table = table.filter(pa.array(split.train))
    return fit_vocabularies(train_table, outcomes[split.train], min_rows=min_rows)


def _gain_shares(gains: Floats) -> dict[str, float]:
    total = float(gains.sum()) or 1.0
    return {name: float(gain) / total for name, gain in zip(FEATURE_NAMES, gains, strict=True)}


def _boost(
    matrix: Floats,
    outcomes: Floats,
    split: BuyerSplit,
    config: TrainingConfig,
    on_round: Progress | None,
) -> Any:
    names = list(FEATURE_NAMES)
    training = lgb.Dataset(
        matrix[split.train],
        outcomes[split.train],
        feature_name=names,
        categorical_feature=list(CATEGORICAL),
    )
    validation = training.create_valid(matrix[split.validation], outcomes[split.validation])
    callbacks: list[Callable[..., None]] = [
        lgb.early_stopping(config.early_stopping_rounds, verbose=False)
    ]
    if on_round is not None:
        callbacks.append(lambda env: on_round(env.iteration + 1, env.end_iteration))
    return lgb.train(
        config.lightgbm_params(),
        training,
        num_boost_round=config.max_rounds,
        valid_sets=[validation],
        callbacks=callbacks,
    )
