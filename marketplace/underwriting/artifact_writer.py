"""Writing a model artifact after training: model.txt, metadata.json, the card and the plot."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lightgbm as lgb

from marketplace.underwriting.artifact import (
    CARD_FILE,
    FORMAT_VERSION,
    METADATA_FILE,
    MODEL_FILE,
    PLOT_FILE,
    Artifact,
    model_version,
    read_artifact,
)
from marketplace.underwriting.features import FEATURE_NAMES
from marketplace.underwriting.grades import grade_scale_json
from marketplace.underwriting.model_card import render_card, render_reliability_plot
from marketplace.underwriting.training import CATEGORICAL, MONOTONE_INCREASING, TrainedModel


@dataclass(frozen=True)
class TrainingData:
    """What the model was trained on, as written in metadata.json and the card."""

    name: str
    sha256: str
    rows: int
    claim_rate: float
    first_issue_date: str
    last_issue_date: str


def build_metadata(trained: TrainedModel, data: TrainingData) -> dict[str, Any]:
    """The metadata.json document of a training run."""
    return {
        "format_version": FORMAT_VERSION,
        "model_version": model_version(
            trained.model_text, trained.vocabularies, trained.calibration.applied
        ),
        "feature_names": list(FEATURE_NAMES),
        "categorical_features": list(CATEGORICAL),
        "monotone_increasing": list(MONOTONE_INCREASING),
        "vocabularies": trained.vocabularies.to_json(),
        "calibration": trained.calibration.to_json(),
        "grade_scale": grade_scale_json(),
        "training_data": vars(data) | {"buyers": trained.buyers, "split_rows": trained.split_rows},
        "lightgbm_version": lgb.__version__,
        "params": trained.params,
        "best_iteration": trained.best_iteration,
        "metrics": {
            "holdout": trained.holdout.to_json(),
            "holdout_uncalibrated_brier": trained.holdout_raw_brier,
        },
        "feature_importance_gain_share": trained.importance,
    }


def write_artifact(directory: Path, trained: TrainedModel, data: TrainingData) -> Artifact:
    """Write the four files into ``directory`` (created if needed) and return the artifact."""
    directory.mkdir(parents=True, exist_ok=True)
    metadata = build_metadata(trained, data)
    (directory / MODEL_FILE).write_text(trained.model_text, encoding="utf-8")
    (directory / METADATA_FILE).write_text(
        json.dumps(metadata, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    (directory / CARD_FILE).write_text(render_card(metadata, PLOT_FILE), encoding="utf-8")
    render_reliability_plot(trained.holdout, directory / PLOT_FILE)
    return read_artifact(directory)
