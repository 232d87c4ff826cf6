"""The model artifact: a directory with ``model.txt``, ``metadata.json``, the card and the plot.

This module reads artifacts (what serving needs); ``artifact_writer`` writes them.

``model.txt`` is LightGBM's own text format (never a pickle). ``metadata.json`` holds what
serving needs besides the trees (model version, feature order, categorical vocabularies,
calibration, grade scale) and what a reader needs to trust them (training data SHA-256 and
summary, LightGBM version, parameters, hold-out metrics, feature importance).
The default artifact ships in the package under ``artifacts/default``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from marketplace.underwriting.calibration import PlattScaling
from marketplace.underwriting.features import FEATURE_NAMES, Vocabularies
from marketplace.underwriting.grades import grade_scale_json

MODEL_FILE = "model.txt"
METADATA_FILE = "metadata.json"
CARD_FILE = "MODEL_CARD.md"
PLOT_FILE = "calibration.png"
FORMAT_VERSION = 1


class ArtifactError(ValueError):
    """An artifact directory that cannot be served (missing file, foreign feature order...)."""


@dataclass(frozen=True)
class Artifact:
    """A loaded artifact: the trees as text plus the parsed metadata."""

    model_text: str
    metadata: dict[str, Any]
    model_version: str
    vocabularies: Vocabularies
    calibration: PlattScaling


def default_directory() -> Traversable:
    """The artifact shipped inside the package."""
    return files("marketplace.underwriting").joinpath("artifacts", "default")


def model_version(model_text: str, vocabularies: Vocabularies, calibration: PlattScaling) -> str:
    """A version that changes whenever anything that changes a score changes."""
    digest = hashlib.sha256(model_text.encode())
    digest.update(json.dumps(vocabularies.to_json(), sort_keys=True).encode())
    digest.update(json.dumps(calibration.to_json(), sort_keys=True).encode())
    return f"uw-{digest.hexdigest()[:12]}"


def read_artifact(directory: Traversable | None = None) -> Artifact:
    """Load and check an artifact directory (the shipped one when ``directory`` is None)."""
    where = directory if directory is not None else default_directory()
    try:
        model_text = where.joinpath(MODEL_FILE).read_text(encoding="utf-8")
        metadata = json.loads(where.joinpath(METADATA_FILE).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ArtifactError(f"cannot read model artifact in {where}: {error}") from None
    if metadata.get("feature_names") != list(FEATURE_NAMES):
        raise ArtifactError("artifact feature order differs from this code's feature spec")
    if metadata.get("grade_scale") != grade_scale_json():
        raise ArtifactError("artifact grade scale differs from the documented scale")
    calibration = metadata["calibration"]
    return Artifact(
        model_text=model_text,
        metadata=metadata,
        model_version=str(metadata["model_version"]),
        vocabularies=Vocabularies.from_json(metadata["vocabularies"]),
        calibration=PlattScaling(calibration["slope"], calibration["intercept"]),
    )
