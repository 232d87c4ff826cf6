"""Pricing: the premium for insuring one invoice, as a pure function of risk, terms and invoice.

Money is integer minor units of the invoice currency; ratios are ``Decimal``; the probability
of default (a float from the model) is converted to ``Decimal`` exactly, and no float ever
touches money. The formula::

    insured_amount   = floor(amount x cover_ratio)
    expected_loss    = insured_amount x probability_of_default x loss_given_default
    risk_premium     = expected_loss / target_loss_ratio
    expense          = risk_premium x expense_loading
    time_loading     = insured_amount x time_loading_bps_per_year / 10,000 x tenor_days / 365
    premium          = max(minimum_premium, ceil(risk_premium + expense + time_loading) + fixed_fee)
    premium_rate_bps = premium x 10,000 / amount, rounded half up

The probability of default already covers the whole life of the invoice (the model is
monotone in tenor); the time loading prices the capital held for that time. Every step is
non-decreasing in the probability, the cover ratio and the tenor, and rounding (floor,
ceiling, max) preserves that, so the premium never goes down when any of them goes up, and it
is never below the product's minimum.

The breakdown splits the premium exactly: each part is the increase of the rounded-up
running total, so the parts are whole minor units and add up to the premium.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext

BASIS_POINTS = Decimal(10_000)
DAYS_PER_YEAR = Decimal(365)
PRECISION_DIGITS = 120  # products stay exact (a float probability has up to 55 digits)


@dataclass(frozen=True)
class PricingTerms:
    """A product's pricing parameters.

    ``loss_given_default`` is the share of the insured amount lost when the buyer defaults
    (1 minus the expected recovery); ``target_loss_ratio`` the share of the premium meant to
    pay claims; ``expense_loading`` the share of the risk premium added for expenses;
    ``time_loading_bps_per_year`` a yearly charge on the insured amount for the time at risk.
    """

    loss_given_default: Decimal
    target_loss_ratio: Decimal
    expense_loading: Decimal = Decimal(0)
    time_loading_bps_per_year: int = 0
    fixed_fee_minor: int = 0
    minimum_premium_minor: int = 0

    def __post_init__(self) -> None:
        if not Decimal(0) < self.loss_given_default <= Decimal(1):
            raise ValueError("loss_given_default must be in (0, 1]")
        if not Decimal(0) < self.target_loss_ratio <= Decimal(1):
            raise ValueError("target_loss_ratio must be in (0, 1]")
        if self.expense_loading < 0 or self.time_loading_bps_per_year < 0:
            raise ValueError("loadings must not be negative")
        if self.fixed_fee_minor < 0 or self.minimum_premium_minor < 0:
            raise ValueError("fees must not be negative")


@dataclass(frozen=True)
class PriceBreakdown:
    """The premium's parts, in minor units; they add up to the premium exactly."""

    expected_loss_minor: int
    loss_ratio_loading_minor: int
    expense_loading_minor: int
    time_loading_minor: int
    fixed_fee_minor: int
    minimum_premium_topup_minor: int


@dataclass(frozen=True)
class Price:
    """The priced terms of one offer."""

    insured_amount_minor: int
    premium_minor: int
    premium_rate_bps: int
    breakdown: PriceBreakdown


def exact_ratio(value: float) -> Decimal:
    """A ratio from JSON as the exact decimal a person wrote (0.9, not 0.9000000000000000222)."""
    return Decimal(repr(value))


def insured_amount_minor(amount_minor: int, cover_ratio: Decimal) -> int:
    """floor(amount x cover_ratio): the most the insurer can pay on the invoice."""
    if not Decimal(0) < cover_ratio <= Decimal(1):
        raise ValueError("cover_ratio must be in (0, 1]")
    with localcontext(prec=PRECISION_DIGITS):
        return int((Decimal(amount_minor) * cover_ratio).to_integral_value(ROUND_FLOOR))


def _ceiling(value: Decimal) -> int:
    return int(value.to_integral_value(ROUND_CEILING))


def price(
    *,
    probability_of_default: float,
    cover_ratio: Decimal,
    amount_minor: int,
    tenor_days: int,
    terms: PricingTerms,
) -> Price:
    """The premium for insuring ``cover_ratio`` of an invoice (see the module formula)."""
    if not (math.isfinite(probability_of_default) and 0.0 <= probability_of_default <= 1.0):
        raise ValueError("probability_of_default must be in [0, 1]")
    if amount_minor <= 0 or tenor_days < 0:
        raise ValueError("amount_minor must be positive and tenor_days not negative")
    insured = insured_amount_minor(amount_minor, cover_ratio)
    with localcontext(prec=PRECISION_DIGITS):
        expected_loss = insured * Decimal(probability_of_default) * terms.loss_given_default
        risk_premium = expected_loss / terms.target_loss_ratio
        expense = risk_premium * terms.expense_loading
        time_loading = (
            insured * terms.time_loading_bps_per_year / BASIS_POINTS * tenor_days / DAYS_PER_YEAR
        )
        running = [expected_loss, risk_premium, risk_premium + expense]
        running.append(running[-1] + time_loading)
        rounded = [_ceiling(total) for total in running]
    before_minimum = rounded[-1] + terms.fixed_fee_minor
    premium = max(terms.minimum_premium_minor, before_minimum)
    breakdown = PriceBreakdown(
        expected_loss_minor=rounded[0],
        loss_ratio_loading_minor=rounded[1] - rounded[0],
        expense_loading_minor=rounded[2] - rounded[1],
        time_loading_minor=rounded[3] - rounded[2],
        fixed_fee_minor=terms.fixed_fee_minor,
        minimum_premium_topup_minor=premium - before_minimum,
    )
    return Price(insured, premium, _rate_bps(premium, amount_minor), breakdown)


def _rate_bps(premium_minor: int, amount_minor: int) -> int:
    with localcontext(prec=PRECISION_DIGITS):
        rate = Decimal(premium_minor) * BASIS_POINTS / Decimal(amount_minor)
        return int(rate.to_integral_value(ROUND_HALF_UP))
