"""The synthetic book: deterministic, in the schema, and calibrated to the cited figures."""

from __future__ import annotations

import numpy as np
import pyarrow.compute as pc
import pytest

from marketplace.underwriting.book import BOOK_SCHEMA, validate_table
from marketplace.underwriting.metrics import auc
from marketplace.underwriting.synthetic import SyntheticBook, generate_book


def test_the_same_seed_gives_the_same_book_and_another_seed_another() -> None:
    first, again, other = generate_book(3_000, 5), generate_book(3_000, 5), generate_book(3_000, 6)
    assert first.table.equals(again.table)
    np.testing.assert_array_equal(first.true_probability, again.true_probability)
    assert not first.table.equals(other.table)


def test_the_book_is_in_the_schema_and_passes_validation(small_book: SyntheticBook) -> None:
    assert small_book.table.schema == BOOK_SCHEMA
    assert validate_table(small_book.table).equals(small_book.table)
    with_truth = small_book.with_truth()
    np.testing.assert_array_equal(
        with_truth.column("true_probability").to_numpy(), small_book.true_probability
    )


def test_buyers_recur_and_fields_go_missing_like_real_data(fresh_book: SyntheticBook) -> None:
    table = fresh_book.table
    buyers = pc.count_distinct(table.column("buyer_id")).as_py()
    assert buyers < table.num_rows / 4
    bureau_missing = table.column("buyer_bureau_score").null_count / table.num_rows
    assert 0.3 < bureau_missing < 0.5
    assert table.column("buyer_payment_incidents_12m").null_count > 0
    assert table.column("prior_late_ratio").null_count > 0
    assert table.column("invoice_id").null_count == 0


def test_the_process_meets_its_documented_targets(fresh_book: SyntheticBook) -> None:
    # Targets from the module docstring: 55 % late, 19 days beyond terms, 1.5 % hazard.
    assert fresh_book.late_share == pytest.approx(0.55, abs=0.03)
    assert fresh_book.mean_days_beyond_terms == pytest.approx(19.0, abs=1.5)
    assert fresh_book.mean_annual_insolvency_hazard == pytest.approx(0.015, abs=0.002)
    claim_rate = pc.mean(fresh_book.table.column("claim")).as_py()
    assert claim_rate == pytest.approx(fresh_book.true_probability.mean(), rel=0.05)
    assert 0.02 < claim_rate < 0.05


def test_construction_trade_and_it_are_the_riskiest_sectors(fresh_book: SyntheticBook) -> None:
    sectors = np.asarray(fresh_book.table.column("buyer_sector").to_pylist(), dtype=object)
    truth = fresh_book.true_probability
    common = [s for s in "ACFGHIJMN" if (sectors == s).sum() > 2_000]
    mean_risk = {s: truth[sectors == s].mean() for s in common}
    riskiest = sorted(mean_risk, key=lambda s: -mean_risk[s])[:3]
    assert set(riskiest) == {"F", "G", "J"}


def test_the_true_probability_separates_claims(fresh_book: SyntheticBook) -> None:
    claims = fresh_book.table.column("claim").to_numpy().astype(np.float64)
    assert auc(fresh_book.true_probability, claims) > 0.85


def test_rows_must_be_positive() -> None:
    with pytest.raises(ValueError, match="rows"):
        generate_book(0, 1)
