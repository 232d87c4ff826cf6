"""The feature spec: one vector for a book row and for a quote, whatever is missing or unknown."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pyarrow as pa
import pytest

from marketplace.underwriting.book import validate_table
from marketplace.underwriting.features import (
    COUNTRY_INDEX,
    FEATURE_NAMES,
    SECTOR_INDEX,
    UNKNOWN,
    QuoteFacts,
    Vocabularies,
    encode_facts,
)
from marketplace.underwriting.model import RiskModel
from marketplace.underwriting.synthetic import SyntheticBook
from marketplace.underwriting.table_features import encode_table
from tests.underwriting.factories import facts_from_row, rows_of, typical_facts


def _one_row_book(**changes: object) -> pa.Table:
    row: dict[str, object] = {
        "invoice_id": "inv_1",
        "seller_id": "sel_1",
        "buyer_id": "buy_1",
        "amount": "1250000",
        "currency": "EUR",
        "issue_date": "2026-11-25",
        "due_date": "2027-01-24",
        "buyer_country": "FR",
        "buyer_sector": "C",
        "buyer_years_in_business": "12.5",
        "buyer_employees": "48",
        "buyer_annual_revenue": "820000000",
        "buyer_payment_incidents_12m": "0",
        "buyer_avg_days_beyond_terms": "4",
        "buyer_bureau_score": "71",
        "relationship_months": "30",
        "prior_invoices_count": "14",
        "prior_late_ratio": "0.07",
        "claim": "0",
    }
    return validate_table(pa.Table.from_pylist([row | changes]))


def test_training_and_serving_paths_give_identical_vectors(
    small_book: SyntheticBook, shipped_model: RiskModel
) -> None:
    vocabularies = Vocabularies.from_json(shipped_model.metadata["vocabularies"])
    table = small_book.table.slice(0, 2_000)
    matrix = encode_table(table, vocabularies)
    serving = np.array(
        [encode_facts(facts_from_row(r), vocabularies) for r in rows_of(table, 2_000)]
    )
    np.testing.assert_array_equal(serving, matrix)  # NaN == NaN here: missing stays missing
    assert np.isnan(matrix).any(axis=0).sum() >= 5, "the book should exercise missing values"


def test_the_scored_vector_is_the_training_vector(shipped_model: RiskModel) -> None:
    table = _one_row_book(buyer_bureau_score=None, buyer_annual_revenue=None)
    vocabularies = Vocabularies.from_json(shipped_model.metadata["vocabularies"])
    expected = encode_table(table, vocabularies)[0]
    assessed = shipped_model.score(facts_from_row(table.to_pylist()[0]))
    scored = np.array([math.nan if v is None else v for v in assessed.features])
    np.testing.assert_array_equal(scored, expected)
    assert assessed.features[FEATURE_NAMES.index("bureau_score")] is None
    assert assessed.features[FEATURE_NAMES.index("amount_to_revenue")] is None


def test_unknown_categories_get_the_reserved_code_on_both_paths(shipped_model: RiskModel) -> None:
    vocabularies = Vocabularies.from_json(shipped_model.metadata["vocabularies"])
    table = _one_row_book(buyer_country="ZZ")
    matrix = encode_table(table, vocabularies)
    facts = typical_facts(country="ZZ")
    vector = encode_facts(facts, vocabularies)
    assert matrix[0, COUNTRY_INDEX] == vector[COUNTRY_INDEX] == vocabularies.country[UNKNOWN]
    assessment = shipped_model.score(facts)
    assert 0.0 < assessment.probability_of_default < 1.0


def test_rare_training_categories_share_the_unknown_code(shipped_model: RiskModel) -> None:
    vocabularies = Vocabularies.from_json(shipped_model.metadata["vocabularies"])
    # The synthetic book's rarest countries and sectors are below the vocabulary threshold.
    assert "CZ" not in vocabularies.country
    assert "U" not in vocabularies.sector
    vector = encode_facts(typical_facts(country="CZ", sector="U"), vocabularies)
    assert vector[COUNTRY_INDEX] == vocabularies.country[UNKNOWN]
    assert vector[SECTOR_INDEX] == vocabularies.sector[UNKNOWN]


def test_missing_stays_missing_and_codes_ignore_case(shipped_model: RiskModel) -> None:
    vocabularies = Vocabularies.from_json(shipped_model.metadata["vocabularies"])
    bare = QuoteFacts(
        amount_minor=500_00,
        currency="EUR",
        issue_date=dt.date(2026, 1, 1),
        due_date=dt.date(2026, 1, 31),
    )
    vector = encode_facts(bare, vocabularies)
    assert vector[:2] == [50_000.0, 30.0]
    assert all(math.isnan(value) for value in vector[2:])
    lower = encode_facts(typical_facts(country="fr", sector="f"), vocabularies)
    upper = encode_facts(typical_facts(country="FR", sector="F"), vocabularies)
    assert lower == upper


def test_zero_revenue_gives_no_ratio_on_both_paths(shipped_model: RiskModel) -> None:
    vocabularies = Vocabularies.from_json(shipped_model.metadata["vocabularies"])
    ratio = FEATURE_NAMES.index("amount_to_revenue")
    matrix = encode_table(_one_row_book(buyer_annual_revenue="0"), vocabularies)
    vector = encode_facts(typical_facts(annual_revenue_minor=0), vocabularies)
    assert math.isnan(matrix[0, ratio])
    assert math.isnan(vector[ratio])


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"amount_minor": 0}, "amount_minor must be positive"),
        ({"due_date": dt.date(2026, 11, 24)}, "due_date must not be before issue_date"),
    ],
)
def test_impossible_quote_facts_are_refused(changes: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        typical_facts(**changes)


def test_vocabularies_must_hold_the_unknown_entry() -> None:
    with pytest.raises(ValueError, match="unknown"):
        Vocabularies(country={"FR": 1}, sector={UNKNOWN: 0})
