"""Precomputed leaf attributions against LightGBM's own TreeSHAP (``pred_contrib``)."""

from __future__ import annotations

import numpy as np
import pytest

from marketplace.underwriting.features import FEATURE_NAMES, Vocabularies
from marketplace.underwriting.model import RiskModel
from marketplace.underwriting.synthetic import SyntheticBook
from marketplace.underwriting.table_features import encode_table

ROWS = 3_000


@pytest.fixture(scope="module")
def compared(shipped_model: RiskModel, fresh_book: SyntheticBook) -> dict[str, np.ndarray]:
    vocabularies = Vocabularies.from_json(shipped_model.metadata["vocabularies"])
    matrix = encode_table(fresh_book.table.slice(0, ROWS), vocabularies)
    vectors = [[None if np.isnan(v) else float(v) for v in row] for row in matrix]
    ours = [
        shipped_model.score_features(vector, max_reasons=len(FEATURE_NAMES)) for vector in vectors
    ]
    booster = shipped_model.booster
    return {
        "matrix": matrix,
        "raw": np.array([assessment.raw_score for assessment in ours]),
        "top_reason": np.array(
            [FEATURE_NAMES.index(a.reasons[0].feature) if a.reasons else -1 for a in ours]
        ),
        "shap": booster.predict(matrix, pred_contrib=True),
        "lightgbm_raw": booster.predict(matrix, raw_score=True),
        "probability": np.array([assessment.probability_of_default for assessment in ours]),
    }


def test_the_raw_score_matches_lightgbm_predict(compared: dict[str, np.ndarray]) -> None:
    np.testing.assert_allclose(compared["raw"], compared["lightgbm_raw"], rtol=0, atol=1e-9)


def test_single_scores_match_batch_scores(
    compared: dict[str, np.ndarray], shipped_model: RiskModel, fresh_book: SyntheticBook
) -> None:
    batch = shipped_model.predict_table(fresh_book.table.slice(0, ROWS))
    np.testing.assert_allclose(compared["probability"], batch, rtol=1e-12, atol=1e-15)


def test_attributions_share_treeshap_bias_and_total(
    compared: dict[str, np.ndarray], shipped_model: RiskModel
) -> None:
    shap = compared["shap"]
    expected_value = shipped_model.leaf_table.expected_value
    np.testing.assert_allclose(shap[:, -1], expected_value, rtol=0, atol=1e-9)
    np.testing.assert_allclose(shap.sum(axis=1), compared["raw"], rtol=0, atol=1e-9)


def test_the_top_reason_agrees_with_treeshap(compared: dict[str, np.ndarray]) -> None:
    shap = compared["shap"][:, :-1]
    has_reason = compared["top_reason"] >= 0
    agree = compared["top_reason"] == shap.argmax(axis=1)
    assert has_reason.mean() > 0.95
    # Saabas and TreeSHAP split credit differently along a path; measured here: about 79 %.
    assert agree[has_reason].mean() >= 0.75
    ranked = np.sort(shap, axis=1)
    clear_lead = has_reason & (ranked[:, -1] - ranked[:, -2] > 0.5)
    # When TreeSHAP has a clear leader, the reasons name it (measured: about 97 %).
    assert agree[clear_lead].mean() >= 0.92


def test_the_top_three_reasons_overlap_treeshap(
    compared: dict[str, np.ndarray], shipped_model: RiskModel
) -> None:
    shap = compared["shap"][:, :-1]
    table = shipped_model.leaf_table
    leaves = shipped_model.booster.predict(compared["matrix"], pred_leaf=True)
    ours = np.array([table.contributions(row)[:-1] for row in leaves])
    overlap = [
        len(set(np.argsort(-a)[:3]) & set(np.argsort(-b)[:3]))
        for a, b in zip(ours, shap, strict=True)
    ]
    assert np.mean(overlap) >= 2.3  # of 3 (measured: about 2.55)
    correlations = [np.corrcoef(a, b)[0, 1] for a, b in zip(ours, shap, strict=True)]
    assert np.median(correlations) >= 0.95  # measured: about 0.99
