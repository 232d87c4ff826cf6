"""The shipped model on a fresh book from the generator: discrimination and calibration."""

from __future__ import annotations

import numpy as np
import pytest

from marketplace.underwriting.metrics import auc, brier
from marketplace.underwriting.model import RiskModel
from marketplace.underwriting.synthetic import SyntheticBook


@pytest.fixture(scope="module")
def predictions(shipped_model: RiskModel, fresh_book: SyntheticBook) -> np.ndarray:
    return shipped_model.predict_table(fresh_book.table)


def _claims(book: SyntheticBook) -> np.ndarray:
    return book.table.column("claim").to_numpy().astype(np.float64)


def test_auc_is_within_3_percent_of_the_true_probabilities_auc(
    predictions: np.ndarray, fresh_book: SyntheticBook
) -> None:
    claims = _claims(fresh_book)
    ceiling = auc(fresh_book.true_probability, claims)
    assert auc(predictions, claims) >= 0.97 * ceiling


def test_mean_prediction_is_within_10_percent_of_the_claim_rate(
    predictions: np.ndarray, fresh_book: SyntheticBook
) -> None:
    observed = _claims(fresh_book).mean()
    assert abs(predictions.mean() - observed) <= 0.10 * observed


def test_brier_score_is_close_to_the_true_probabilities_brier(
    predictions: np.ndarray, fresh_book: SyntheticBook
) -> None:
    claims = _claims(fresh_book)
    assert brier(predictions, claims) <= 1.1 * brier(fresh_book.true_probability, claims)


def test_riskier_deciles_have_more_claims(
    predictions: np.ndarray, fresh_book: SyntheticBook
) -> None:
    claims = _claims(fresh_book)
    deciles = np.array_split(np.argsort(predictions, kind="mergesort"), 10)
    rates = [claims[rows].mean() for rows in deciles]
    assert rates[-1] > rates[-2] > rates[-3] > rates[-4] > rates[0]


def test_the_shipped_metadata_records_what_the_card_promises(shipped_model: RiskModel) -> None:
    metadata = shipped_model.metadata
    assert metadata["training_data"]["rows"] == 200_000
    assert len(metadata["training_data"]["sha256"]) == 64
    assert metadata["lightgbm_version"] == "4.7.0"
    holdout = metadata["metrics"]["holdout"]
    assert holdout["auc"] > 0.85
    assert len(holdout["calibration"]) == 10
    assert shipped_model.model_version == metadata["model_version"]
