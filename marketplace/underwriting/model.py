"""The serving scorer: one quote in, a calibrated probability, a grade and reasons out.

Load once at start (``RiskModel.load()`` reads the shipped artifact) and share the instance:
scoring never changes it. ``score`` costs one LightGBM
``pred_leaf`` call plus a gather-and-sum over per-leaf attributions precomputed at load (see
``attributions``), so reason codes come with every quote at about the price of a plain
``predict``; ``bench/bench_scoring.py`` measures it.

Grades follow the fixed scale in ``grades``: A below 0.5 %, B below 2 %, C below 5 %,
D below 15 %, E from 15 %.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, Any

import lightgbm as lgb
import numpy as np
import numpy.typing as npt

from marketplace.underwriting.artifact import Artifact, ArtifactError, read_artifact
from marketplace.underwriting.attributions import LeafTable, build_leaf_table
from marketplace.underwriting.features import (
    COUNTRY_INDEX,
    FEATURE_NAMES,
    SECTOR_INDEX,
    QuoteFacts,
    encode_facts,
)
from marketplace.underwriting.grades import grade_for
from marketplace.underwriting.reasons import MAX_REASONS, Reason, top_reasons

if TYPE_CHECKING:
    import pyarrow as pa

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class RiskAssessment:
    """The model's view of one quote.

    ``features`` is the exact vector scored, in ``FEATURE_NAMES`` order, with None for a
    missing value: store it (a JSON array) with the quote, and ``RiskModel.score_features``
    reproduces this assessment from it. ``raw_score`` is the model's log-odds before
    calibration.
    """

    probability_of_default: float
    grade: str
    reasons: tuple[Reason, ...]
    model_version: str
    features: tuple[float | None, ...]
    raw_score: float


class RiskModel:
    """A loaded artifact, ready to score quotes (single) and books (batch)."""

    def __init__(self, artifact: Artifact) -> None:
        self._artifact = artifact
        self._booster: Any = lgb.Booster(model_str=artifact.model_text)
        if list(self._booster.feature_name()) != list(FEATURE_NAMES):
            raise ArtifactError("model.txt feature names differ from the feature spec")
        self._leaves: LeafTable = build_leaf_table(self._booster.dump_model())
        vocabularies = artifact.vocabularies
        self._labels = {
            COUNTRY_INDEX: {float(c): name for name, c in vocabularies.country.items()},
            SECTOR_INDEX: {float(c): name for name, c in vocabularies.sector.items()},
        }

    @classmethod
    def load(cls, directory: Traversable | None = None) -> RiskModel:
        """The artifact in ``directory`` (a Path works), or the shipped default model."""
        return cls(read_artifact(directory))

    @property
    def model_version(self) -> str:
        """The artifact's version string, stored with every quote."""
        return self._artifact.model_version

    @property
    def metadata(self) -> dict[str, Any]:
        """The artifact's metadata.json document."""
        return self._artifact.metadata

    @property
    def leaf_table(self) -> LeafTable:
        """The per-leaf attributions used for reason codes (for checks and benchmarks)."""
        return self._leaves

    @property
    def booster(self) -> Any:
        """The underlying ``lightgbm.Booster`` (for checks and benchmarks)."""
        return self._booster

    def score(self, facts: QuoteFacts, max_reasons: int = MAX_REASONS) -> RiskAssessment:
        """Probability of default, grade and up to ``max_reasons`` reasons for one quote."""
        return self._score(encode_facts(facts, self._artifact.vocabularies), max_reasons)

    def score_features(
        self, features: Sequence[float | None], max_reasons: int = MAX_REASONS
    ) -> RiskAssessment:
        """Score a stored feature vector again (None for missing), e.g. to audit a quote."""
        if len(features) != len(FEATURE_NAMES):
            raise ValueError(f"expected {len(FEATURE_NAMES)} features, got {len(features)}")
        return self._score([math.nan if v is None else float(v) for v in features], max_reasons)

    def _score(self, vector: list[float], max_reasons: int) -> RiskAssessment:
        # One thread: a single row gains nothing from OpenMP, whose idle workers would otherwise
        # spin on the other core after every call (measured: ~5 ms of CPU burnt per quote).
        leaves = self._booster.predict(np.array([vector]), pred_leaf=True, num_threads=1)[0]
        summed = self._leaves.contributions(leaves)
        raw_score = float(summed[-1])
        probability = self._artifact.calibration.probability(raw_score)
        labels = {index: self._labels[index].get(vector[index]) for index in self._labels}
        return RiskAssessment(
            probability_of_default=probability,
            grade=grade_for(probability),
            reasons=top_reasons(FEATURE_NAMES, vector, summed[:-1].tolist(), labels, max_reasons),
            model_version=self._artifact.model_version,
            features=tuple(None if math.isnan(v) else v for v in vector),
            raw_score=raw_score,
        )

    def raw_scores(self, table: pa.Table) -> Floats:
        """LightGBM's raw log-odds for every row of a validated book."""
        from marketplace.underwriting.table_features import encode_table  # batch only: pyarrow

        matrix = encode_table(table, self._artifact.vocabularies)
        scores: Floats = np.asarray(self._booster.predict(matrix, raw_score=True), np.float64)
        return scores

    def predict_table(self, table: pa.Table) -> Floats:
        """Calibrated probabilities of default for every row of a validated book."""
        return self._artifact.calibration.probabilities(self.raw_scores(table))
