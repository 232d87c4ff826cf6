"""The shipped model's direction: more incidents, lateness or sector risk never lowers the risk."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json

import pytest

from marketplace.underwriting.features import UNKNOWN, QuoteFacts
from marketplace.underwriting.grades import GRADE_SCALE, grade_for
from marketplace.underwriting.model import RiskModel
from marketplace.underwriting.reasons import CATALOGUE
from marketplace.underwriting.synthetic import SyntheticBook
from tests.underwriting.factories import facts_from_row, rows_of, typical_facts

BASE_ROWS = 300


@pytest.fixture(scope="module")
def base_facts(fresh_book: SyntheticBook) -> list[QuoteFacts]:
    """Real-looking quotes, missing values included, to vary one field at a time."""
    return [facts_from_row(row) for row in rows_of(fresh_book.table, BASE_ROWS)]


def _never_decreases(model: RiskModel, facts: QuoteFacts, field: str, values: list[object]) -> bool:
    probabilities = [
        model.score(dataclasses.replace(facts, **{field: value})).probability_of_default
        for value in values
    ]
    return all(low <= high for low, high in itertools.pairwise(probabilities))


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("payment_incidents_12m", list(range(0, 11))),
        ("avg_days_beyond_terms", [0.0, 2.0, 5.0, 10.0, 19.0, 30.0, 45.0, 60.0, 90.0, 150.0]),
        ("prior_late_ratio", [0.0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0]),
    ],
)
def test_more_adverse_payment_behaviour_never_lowers_the_probability(
    shipped_model: RiskModel, base_facts: list[QuoteFacts], field: str, values: list[object]
) -> None:
    assert all(_never_decreases(shipped_model, facts, field, values) for facts in base_facts)


def test_a_more_insolvency_prone_sector_never_lowers_the_probability(
    shipped_model: RiskModel, base_facts: list[QuoteFacts]
) -> None:
    ranks = shipped_model.metadata["vocabularies"]["sector"]
    by_risk = [s for s in sorted(ranks, key=ranks.__getitem__) if s != UNKNOWN]
    assert all(_never_decreases(shipped_model, facts, "sector", by_risk) for facts in base_facts)
    # The model learned the generator's riskiest sectors: construction, trade and IT.
    assert set(by_risk[-3:]) == {"F", "G", "J"}
    assert _never_decreases(shipped_model, typical_facts(), "sector", ["M", "C", "F"])


def test_a_longer_tenor_never_lowers_the_probability(
    shipped_model: RiskModel, base_facts: list[QuoteFacts]
) -> None:
    for facts in base_facts[:100]:
        dues = [facts.issue_date + dt.timedelta(days=d) for d in (0, 15, 30, 45, 60, 90, 120)]
        assert _never_decreases(shipped_model, facts, "due_date", dues)


def test_an_assessment_is_stored_as_json_and_reproduced(shipped_model: RiskModel) -> None:
    assessment = shipped_model.score(typical_facts(bureau_score=None, payment_incidents_12m=3))
    stored = json.loads(json.dumps(list(assessment.features)))
    assert None in stored
    assert shipped_model.score_features(stored) == assessment
    assert assessment.model_version == shipped_model.model_version


def test_grades_follow_the_documented_bands(shipped_model: RiskModel) -> None:
    assert [grade_for(p) for p in (0.0, 0.0049, 0.005, 0.0199, 0.02, 0.049, 0.05, 0.15, 1.0)] == [
        "A", "A", "B", "B", "C", "C", "D", "E", "E",
    ]  # fmt: skip
    assert [band["grade"] for band in shipped_model.metadata["grade_scale"]] == [
        grade for grade, _ in GRADE_SCALE
    ]
    safe = shipped_model.score(typical_facts())
    risky = shipped_model.score(
        typical_facts(payment_incidents_12m=6, avg_days_beyond_terms=80.0, prior_late_ratio=0.9)
    )
    assert safe.grade == grade_for(safe.probability_of_default)
    assert safe.grade < risky.grade


def test_reasons_name_the_features_that_pushed_the_risk_up(shipped_model: RiskModel) -> None:
    risky = shipped_model.score(
        typical_facts(avg_days_beyond_terms=60.0, prior_late_ratio=0.8, sector="F")
    )
    codes = [reason.code for reason in risky.reasons]
    assert codes[:2] == ["days_beyond_terms", "prior_late_payments"]
    assert all(reason.impact > 0 for reason in risky.reasons)
    impacts = [reason.impact for reason in risky.reasons]
    assert impacts == sorted(impacts, reverse=True)
    assert risky.reasons[0].message == "Pays 60 days beyond terms on average"
    assert risky.reasons[1].message == "80% of earlier invoices to this buyer were paid late"


def test_every_feature_has_a_stable_snake_case_code() -> None:
    codes = [code for code, _ in CATALOGUE.values()]
    assert len(set(codes)) == len(codes) == 14
    assert all(code.replace("_", "").isalpha() and code.islower() for code in codes)


def test_missing_and_unknown_values_read_well_in_reasons(shipped_model: RiskModel) -> None:
    sparse = QuoteFacts(
        amount_minor=9_000_000,
        currency="EUR",
        issue_date=typical_facts().issue_date,
        due_date=typical_facts().due_date,
        country="ZZ",
    )
    assessment = shipped_model.score(sparse, max_reasons=14)
    messages = {reason.feature: reason.message for reason in assessment.reasons}
    assert messages, "an unknown buyer must come with reasons"
    for feature, message in messages.items():
        assert message, feature
        assert "nan" not in message.lower()
