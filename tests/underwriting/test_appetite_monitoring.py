"""Appetite under monitoring: the insurer's own limit on the buyer and a stopped buyer."""

from __future__ import annotations

from decimal import Decimal

from marketplace.underwriting.appetite import (
    AmountLimit,
    AppetiteDecision,
    AppetiteRules,
    InsurerLimit,
    assess,
)
from marketplace.underwriting.pricing import insured_amount_minor
from tests.underwriting.factories import typical_facts

RULES = AppetiteRules(currencies=frozenset({"EUR"}), max_probability_of_default=0.05)
RATIO = Decimal("0.9")
FACTS = typical_facts(amount_minor=1_000_000)
INSURED = insured_amount_minor(FACTS.amount_minor, RATIO)


def _assess(
    capacity: int | None, limit: InsurerLimit | None, stopped: bool = False, pd: float = 0.01
) -> AppetiteDecision:
    return assess(
        RULES,
        FACTS,
        probability_of_default=pd,
        cover_ratio=RATIO,
        available_capacity_minor=capacity,
        insurer_limit=limit,
        buyer_stopped=stopped,
    )


def _codes(decision: AppetiteDecision) -> list[str]:
    return [reason.code for reason in decision.reasons]


def test_a_limit_that_leaves_room_for_the_insured_amount_accepts() -> None:
    assert _assess(10_000_000, InsurerLimit(2_000_000, INSURED)).accepted


def test_the_tighter_of_capacity_and_limit_names_the_decline() -> None:
    by_limit = _assess(10_000_000, InsurerLimit(2_000_000, INSURED - 1))
    assert _codes(by_limit) == ["buyer_limit_reduced"]
    assert by_limit.reasons[0].limit == AmountLimit(2_000_000, "EUR")
    by_capacity = _assess(INSURED - 1, InsurerLimit(2_000_000, INSURED - 1))
    assert _codes(by_capacity) == ["capacity_exceeded"]
    assert _codes(_assess(None, InsurerLimit(2_000_000, 0))) == ["buyer_limit_reduced"]


def test_a_limit_decline_is_cured_by_an_invoice_that_fits_what_the_limit_leaves() -> None:
    room = INSURED // 2
    counter = _assess(10_000_000, InsurerLimit(2_000_000, room)).counter_offer
    assert counter is not None
    assert counter.max_amount_minor is not None
    assert insured_amount_minor(counter.max_amount_minor, RATIO) <= room
    assert insured_amount_minor(counter.max_amount_minor + 1, RATIO) > room


def test_a_stopped_buyer_or_a_zero_limit_is_declined_without_a_counter_offer() -> None:
    for decision in (_assess(10_000_000, None, stopped=True), _assess(None, InsurerLimit(0, 0))):
        assert _codes(decision) == ["buyer_stopped"]
        assert decision.reasons[0].limit == AmountLimit(0, "EUR")
        assert decision.counter_offer is None
    also_risky = _assess(10_000_000, None, stopped=True, pd=0.2)
    assert _codes(also_risky) == ["buyer_stopped", "risk_too_high"]
