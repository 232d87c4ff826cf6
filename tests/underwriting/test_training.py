"""Training on a small book: the artifact, reproducibility, the buyer split, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from marketplace.underwriting.artifact import ArtifactError, read_artifact
from marketplace.underwriting.artifact_writer import TrainingData, write_artifact
from marketplace.underwriting.calibration import PlattScaling, choose_calibration
from marketplace.underwriting.features import FEATURE_NAMES, QuoteFacts
from marketplace.underwriting.model import RiskModel
from marketplace.underwriting.synthetic import SyntheticBook, generate_book
from marketplace.underwriting.training import (
    TrainingConfig,
    TrainingError,
    split_by_buyer,
    train_model,
)
from tests.underwriting.factories import typical_facts

ARTIFACT_FILES = {"model.txt", "metadata.json", "MODEL_CARD.md", "calibration.png"}


def _data(book: SyntheticBook) -> TrainingData:
    return TrainingData(
        "small.parquet", "0" * 64, book.table.num_rows, 0.03, "2023-01-01", "2025-06-30"
    )


@pytest.fixture(scope="module")
def artifact_dir(tmp_path_factory: pytest.TempPathFactory, small_book: SyntheticBook) -> Path:
    directory = tmp_path_factory.mktemp("model")
    write_artifact(
        directory, train_model(small_book.table, TrainingConfig(seed=3)), _data(small_book)
    )
    return directory


def test_training_writes_the_four_artifact_files(artifact_dir: Path) -> None:
    assert {path.name for path in artifact_dir.iterdir()} == ARTIFACT_FILES
    assert (artifact_dir / "model.txt").read_text().startswith("tree\n")
    assert (artifact_dir / "calibration.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    card = (artifact_dir / "MODEL_CARD.md").read_text()
    for section in ("AUC", "Brier score", "Calibration by decile", "Feature importance", "Limits"):
        assert section in card


def test_metadata_holds_what_serving_and_readers_need(artifact_dir: Path) -> None:
    metadata = json.loads((artifact_dir / "metadata.json").read_text())
    assert metadata["feature_names"] == list(FEATURE_NAMES)
    assert metadata["model_version"].startswith("uw-")
    assert metadata["lightgbm_version"] == "4.7.0"
    assert metadata["training_data"]["sha256"] == "0" * 64
    assert set(metadata["vocabularies"]) == {"country", "sector"}
    assert {"auc", "brier", "calibration"} <= set(metadata["metrics"]["holdout"])
    assert set(metadata["monotone_increasing"]) >= {
        "payment_incidents_12m", "avg_days_beyond_terms", "prior_late_ratio",
    }  # fmt: skip
    assert [band["grade"] for band in metadata["grade_scale"]] == list("ABCDE")


def test_a_trained_artifact_serves_quotes(artifact_dir: Path) -> None:
    model = RiskModel.load(artifact_dir)
    assessment = model.score(typical_facts())
    assert 0.0 < assessment.probability_of_default < 1.0
    assert assessment.model_version == model.model_version


def test_training_is_reproducible_for_a_seed(small_book: SyntheticBook, artifact_dir: Path) -> None:
    again = train_model(small_book.table, TrainingConfig(seed=3))
    assert again.model_text == (artifact_dir / "model.txt").read_text()
    other_seed = train_model(small_book.table, TrainingConfig(seed=4))
    assert other_seed.model_text != again.model_text  # the seed drives row/feature sampling


def test_no_buyer_is_in_two_parts_of_the_split(small_book: SyntheticBook) -> None:
    buyers = np.asarray(small_book.table.column("buyer_id").to_pylist(), dtype=object)
    split = split_by_buyer(list(buyers))
    train, validation = set(buyers[split.train]), set(buyers[split.validation])
    test = set(buyers[split.test])
    assert not train & validation
    assert not train & test
    assert not validation & test
    assert split.train.sum() > 2 * split.test.sum() > 0
    assert (split.train | split.validation | split.test).all()


def test_a_book_without_claims_is_refused(small_book: SyntheticBook) -> None:
    table = small_book.table
    no_claims = table.set_column(
        table.column_names.index("claim"), "claim", pa.array(np.zeros(table.num_rows, np.int64))
    )
    with pytest.raises(TrainingError, match="need both claims and non-claims"):
        train_model(no_claims)


def test_calibration_is_applied_only_when_the_raw_model_is_off() -> None:
    rng = np.random.default_rng(0)
    logit = rng.normal(-3.0, 1.5, 50_000)
    outcomes = (rng.random(logit.size) < 1 / (1 + np.exp(-logit))).astype(np.float64)
    calibrated = choose_calibration(logit, outcomes)
    assert calibrated.applied == PlattScaling()
    overconfident = choose_calibration(2.0 * logit + 3.0, outcomes)
    assert overconfident.applied.slope == pytest.approx(0.5, abs=0.05)
    assert overconfident.to_json()["applied"] is True


def test_a_foreign_artifact_is_refused(artifact_dir: Path, tmp_path: Path) -> None:
    metadata = json.loads((artifact_dir / "metadata.json").read_text())
    (tmp_path / "model.txt").write_text((artifact_dir / "model.txt").read_text())
    metadata["feature_names"] = list(reversed(metadata["feature_names"]))
    (tmp_path / "metadata.json").write_text(json.dumps(metadata))
    with pytest.raises(ArtifactError, match="feature order"):
        read_artifact(tmp_path)
    with pytest.raises(ArtifactError, match="cannot read model artifact"):
        read_artifact(tmp_path / "missing")


def test_a_model_trained_on_a_users_book_scores_unknown_values(tmp_path: Path) -> None:
    book = generate_book(3_000, 21).table
    countries = book.column("buyer_country").to_pylist()
    relabelled = book.set_column(
        book.column_names.index("buyer_country"),
        "buyer_country",
        pa.array(["XK" if c == "FR" else c for c in countries]),
    )
    trained = train_model(relabelled, TrainingConfig(seed=1))
    assert "XK" in trained.vocabularies.country
    write_artifact(tmp_path, trained, TrainingData("own.csv", "1" * 64, 3_000, 0.03, "", ""))
    facts = QuoteFacts(
        amount_minor=10_000, currency="EUR", issue_date=typical_facts().issue_date,
        due_date=typical_facts().due_date, country="FR", sector="Q",
    )  # fmt: skip
    assert 0.0 < RiskModel.load(tmp_path).score(facts).probability_of_default < 1.0
