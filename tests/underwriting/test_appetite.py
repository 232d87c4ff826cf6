"""Appetite: every decline code with its limit, and the counter-offers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marketplace.underwriting.appetite import (
    AmountLimit,
    AppetiteDecision,
    AppetiteRules,
    CounterOffer,
    DaysLimit,
    RatioLimit,
    ValuesLimit,
    assess,
    largest_amount_within,
)
from marketplace.underwriting.features import QuoteFacts
from marketplace.underwriting.pricing import insured_amount_minor
from tests.underwriting.factories import typical_facts

RULES = AppetiteRules(
    currencies=frozenset({"EUR", "GBP"}),
    max_probability_of_default=0.05,
    countries_excluded=frozenset({"RU"}),
    sectors_excluded=frozenset({"K"}),
    amount_min_minor=50_000,
    amount_max_minor=2_000_000,
    max_tenor_days=90,
)
RATIO = Decimal("0.9")


def _assess(
    facts: QuoteFacts,
    rules: AppetiteRules = RULES,
    pd: float = 0.01,
    capacity: int | None = 10_000_000,
) -> AppetiteDecision:
    return assess(
        rules,
        facts,
        probability_of_default=pd,
        cover_ratio=RATIO,
        available_capacity_minor=capacity,
    )


def _codes(decision: AppetiteDecision) -> list[str]:
    return [reason.code for reason in decision.reasons]


def _tenor(days: int) -> dict[str, dt.date]:
    issue = dt.date(2026, 1, 1)
    return {"issue_date": issue, "due_date": issue + dt.timedelta(days=days)}


def test_a_risk_inside_appetite_is_accepted() -> None:
    decision = _assess(typical_facts())
    assert decision.accepted
    assert decision.reasons == ()
    assert decision.counter_offer is None


@pytest.mark.parametrize(
    ("facts", "rules", "pd", "code", "limit"),
    [
        (
            typical_facts(currency="USD"),
            RULES,
            0.01,
            "currency_not_supported",
            ValuesLimit(("EUR", "GBP")),
        ),
        (typical_facts(country="RU"), RULES, 0.01, "country_excluded", ValuesLimit(("RU",), True)),
        (typical_facts(sector="K"), RULES, 0.01, "sector_excluded", ValuesLimit(("K",), True)),
        (
            typical_facts(amount_minor=49_999),
            RULES,
            0.01,
            "amount_below_minimum",
            AmountLimit(50_000, "EUR"),
        ),
        (
            typical_facts(amount_minor=2_000_001),
            RULES,
            0.01,
            "amount_above_maximum",
            AmountLimit(2_000_000, "EUR"),
        ),
        (typical_facts(**_tenor(91)), RULES, 0.01, "tenor_too_long", DaysLimit(90)),
        (typical_facts(), RULES, 0.0501, "risk_too_high", RatioLimit(0.05)),
    ],
)
def test_each_rule_declines_with_its_code_and_limit(
    facts: QuoteFacts, rules: AppetiteRules, pd: float, code: str, limit: object
) -> None:
    decision = _assess(facts, rules, pd)
    assert not decision.accepted
    assert _codes(decision) == [code]
    assert decision.reasons[0].limit == limit
    assert decision.reasons[0].message


def test_capacity_is_checked_on_the_insured_amount() -> None:
    facts = typical_facts(amount_minor=1_000_000)  # insured 900,000
    assert _assess(facts, capacity=900_000).accepted
    decision = _assess(facts, capacity=899_999)
    assert _codes(decision) == ["capacity_exceeded"]
    assert decision.reasons[0].limit == AmountLimit(899_999, "EUR")
    assert _assess(facts, capacity=None).accepted


def test_accepted_lists_decline_other_and_unknown_values() -> None:
    rules = AppetiteRules(
        currencies=frozenset({"EUR"}),
        max_probability_of_default=0.1,
        countries_accepted=frozenset({"FR", "BE"}),
        sectors_accepted=frozenset({"C"}),
    )
    assert assess(rules, typical_facts(), probability_of_default=0.01, cover_ratio=RATIO).accepted
    other = _assess(typical_facts(country="DE", sector="F"), rules)
    assert _codes(other) == ["country_excluded", "sector_excluded"]
    assert other.reasons[0].limit == ValuesLimit(("BE", "FR"))
    unknown = _assess(typical_facts(country=None, sector=None), rules)
    assert _codes(unknown) == ["country_excluded", "sector_excluded"]
    assert "not given" in unknown.reasons[0].message


def test_every_crossed_rule_is_reported_and_no_counter_offer_cures_a_sector() -> None:
    facts = typical_facts(currency="USD", sector="K", amount_minor=3_000_000, **_tenor(120))
    decision = _assess(facts, pd=0.2)
    assert _codes(decision) == [
        "currency_not_supported",
        "sector_excluded",
        "amount_above_maximum",
        "tenor_too_long",
        "risk_too_high",
    ]
    assert decision.counter_offer is None


def test_too_large_an_invoice_is_countered_with_the_maximum() -> None:
    decision = _assess(typical_facts(amount_minor=3_000_000))
    assert decision.counter_offer == CounterOffer(
        max_amount_minor=2_000_000,
        max_tenor_days=None,
        message="Insurable with an invoice of at most EUR 20,000.00",
    )


def test_short_capacity_is_countered_with_the_largest_amount_that_fits() -> None:
    decision = _assess(typical_facts(amount_minor=1_000_000), capacity=500_000)
    counter = decision.counter_offer
    assert counter is not None
    assert counter.max_amount_minor == 555_556  # floor(555,556 x 0.9) = 500,000
    assert insured_amount_minor(555_556, RATIO) == 500_000
    assert insured_amount_minor(555_557, RATIO) == 500_001


def test_too_long_a_tenor_is_countered_with_the_maximum_tenor() -> None:
    decision = _assess(typical_facts(**_tenor(120)))
    assert decision.counter_offer == CounterOffer(
        max_amount_minor=None,
        max_tenor_days=90,
        message="Insurable with a tenor of at most 90 days",
    )


def test_amount_and_tenor_together_are_countered_together() -> None:
    decision = _assess(typical_facts(amount_minor=3_000_000, **_tenor(120)), capacity=1_000_000)
    assert _codes(decision) == ["amount_above_maximum", "tenor_too_long", "capacity_exceeded"]
    counter = decision.counter_offer
    assert counter is not None
    assert (counter.max_amount_minor, counter.max_tenor_days) == (1_111_112, 90)


def test_no_counter_offer_below_the_minimum_or_with_too_much_risk() -> None:
    assert _assess(typical_facts(amount_minor=1_000_000), capacity=40_000).counter_offer is None
    assert _assess(typical_facts(**_tenor(120)), pd=0.2).counter_offer is None


@given(
    st.integers(min_value=0, max_value=10**12),
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1"), places=4),
)
def test_the_counter_offer_amount_is_the_largest_that_fits(capacity: int, ratio: Decimal) -> None:
    amount = largest_amount_within(capacity, ratio)
    assert insured_amount_minor(amount, ratio) <= capacity
    assert insured_amount_minor(amount + 1, ratio) > capacity
