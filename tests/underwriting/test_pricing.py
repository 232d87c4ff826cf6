"""Pricing: exact integer money, the documented formula, and its direction."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketplace.underwriting.pricing import Price, PricingTerms, insured_amount_minor, price

TERMS = PricingTerms(
    loss_given_default=Decimal("0.6"),
    target_loss_ratio=Decimal("0.65"),
    expense_loading=Decimal("0.15"),
    time_loading_bps_per_year=20,
    fixed_fee_minor=150,
    minimum_premium_minor=1_000,
)

probabilities = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
ratios = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1"), places=4)
amounts = st.integers(min_value=1, max_value=10**12)
tenors = st.integers(min_value=0, max_value=720)
terms = st.builds(
    PricingTerms,
    loss_given_default=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1"), places=3),
    target_loss_ratio=st.decimals(min_value=Decimal("0.05"), max_value=Decimal("1"), places=3),
    expense_loading=st.decimals(min_value=Decimal("0"), max_value=Decimal("2"), places=3),
    time_loading_bps_per_year=st.integers(min_value=0, max_value=500),
    fixed_fee_minor=st.integers(min_value=0, max_value=10_000),
    minimum_premium_minor=st.integers(min_value=0, max_value=100_000),
)


def _premium(pd: float, ratio: Decimal, amount: int, tenor: int, product: PricingTerms) -> int:
    return price(
        probability_of_default=pd,
        cover_ratio=ratio,
        amount_minor=amount,
        tenor_days=tenor,
        terms=product,
    ).premium_minor


def test_the_documented_formula_on_a_worked_example() -> None:
    quoted = price(
        probability_of_default=0.0123,
        cover_ratio=Decimal("0.9"),
        amount_minor=1_250_000,
        tenor_days=60,
        terms=TERMS,
    )
    # insured 1,125,000; expected loss 1,125,000 x 0.0123 x 0.6 = 8,302.5 -> 8,303
    # risk premium 8,302.5 / 0.65 = 12,773.08 -> 12,774; with expense x 1.15 = 14,689.04
    # -> 14,690; time 1,125,000 x 20 bps x 60 / 365 = 369.86 -> 15,058.90 -> 15,059; + fee 150
    # rate 15,209 / 1,250,000 = 121.67 bps -> 122
    assert quoted == Price(
        insured_amount_minor=1_125_000,
        premium_minor=15_209,
        premium_rate_bps=122,
        breakdown=quoted.breakdown,
    )
    parts = quoted.breakdown
    assert (parts.expected_loss_minor, parts.loss_ratio_loading_minor) == (8_303, 4_471)
    assert (parts.expense_loading_minor, parts.time_loading_minor) == (1_916, 369)
    assert (parts.fixed_fee_minor, parts.minimum_premium_topup_minor) == (150, 0)


@settings(max_examples=300)
@given(probabilities, probabilities, ratios, amounts, tenors, terms)
def test_a_higher_probability_never_costs_less(
    pd_a: float, pd_b: float, ratio: Decimal, amount: int, tenor: int, product: PricingTerms
) -> None:
    low, high = sorted((pd_a, pd_b))
    assert _premium(low, ratio, amount, tenor, product) <= _premium(
        high, ratio, amount, tenor, product
    )


@settings(max_examples=300)
@given(probabilities, ratios, ratios, amounts, tenors, terms)
def test_more_cover_never_costs_less(
    pd: float, ratio_a: Decimal, ratio_b: Decimal, amount: int, tenor: int, product: PricingTerms
) -> None:
    low, high = sorted((ratio_a, ratio_b))
    assert _premium(pd, low, amount, tenor, product) <= _premium(pd, high, amount, tenor, product)


@settings(max_examples=300)
@given(probabilities, ratios, amounts, tenors, tenors, terms)
def test_a_longer_tenor_never_costs_less(
    pd: float, ratio: Decimal, amount: int, tenor_a: int, tenor_b: int, product: PricingTerms
) -> None:
    low, high = sorted((tenor_a, tenor_b))
    assert _premium(pd, ratio, amount, low, product) <= _premium(pd, ratio, amount, high, product)


@settings(max_examples=300)
@given(probabilities, ratios, amounts, tenors, terms)
def test_money_is_exact_and_never_below_the_minimum(
    pd: float, ratio: Decimal, amount: int, tenor: int, product: PricingTerms
) -> None:
    quoted = price(
        probability_of_default=pd, cover_ratio=ratio, amount_minor=amount, tenor_days=tenor,
        terms=product,
    )  # fmt: skip
    parts = vars(quoted.breakdown).values()
    assert all(type(value) is int and value >= 0 for value in parts)
    assert type(quoted.premium_minor) is int
    assert type(quoted.insured_amount_minor) is int
    assert type(quoted.premium_rate_bps) is int
    assert sum(parts) == quoted.premium_minor
    assert quoted.premium_minor >= product.minimum_premium_minor
    assert quoted.insured_amount_minor == amount * ratio // 1
    assert abs(quoted.premium_rate_bps - quoted.premium_minor * 10_000 / amount) <= 0.5


def test_the_premium_is_rounded_up_to_the_minor_unit() -> None:
    flat = PricingTerms(loss_given_default=Decimal(1), target_loss_ratio=Decimal(1))
    # 1,001 x 0.5 = 500.5 insured -> 500; 500 x 0.001 = 0.5 -> 1
    quoted = price(
        probability_of_default=0.001, cover_ratio=Decimal("0.5"), amount_minor=1_001,
        tenor_days=30, terms=flat,
    )  # fmt: skip
    assert (quoted.insured_amount_minor, quoted.premium_minor) == (500, 1)


def test_a_small_invoice_pays_the_minimum_premium() -> None:
    quoted = price(
        probability_of_default=0.001, cover_ratio=Decimal("0.9"), amount_minor=10_000,
        tenor_days=30, terms=TERMS,
    )  # fmt: skip
    assert quoted.premium_minor == TERMS.minimum_premium_minor
    assert quoted.breakdown.minimum_premium_topup_minor > 0


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"loss_given_default": Decimal(0)}, "loss_given_default"),
        ({"target_loss_ratio": Decimal("1.2")}, "target_loss_ratio"),
        ({"expense_loading": Decimal("-0.1")}, "loadings"),
        ({"minimum_premium_minor": -1}, "fees"),
    ],
)
def test_impossible_terms_are_refused(changes: dict[str, object], problem: str) -> None:
    fields = vars(TERMS) | changes
    with pytest.raises(ValueError, match=problem):
        PricingTerms(**fields)


@pytest.mark.parametrize(
    ("pd", "ratio", "amount", "problem"),
    [
        (1.5, Decimal("0.9"), 100, "probability_of_default"),
        (float("nan"), Decimal("0.9"), 100, "probability_of_default"),
        (0.1, Decimal("1.1"), 100, "cover_ratio"),
        (0.1, Decimal("0.9"), 0, "amount_minor"),
    ],
)
def test_impossible_inputs_are_refused(
    pd: float, ratio: Decimal, amount: int, problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        price(
            probability_of_default=pd, cover_ratio=ratio, amount_minor=amount, tenor_days=30,
            terms=TERMS,
        )  # fmt: skip


def test_insured_amount_rounds_down() -> None:
    assert insured_amount_minor(999, Decimal("0.9")) == 899
    assert insured_amount_minor(1_000, Decimal("0.9")) == 900
