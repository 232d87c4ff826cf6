"""Each product's answer to a quote: one priced offer, or a decline with reasons.

Pure functions over the product terms, the quote facts and the model's risk. A product offers
at most one cover ratio: the first of the ratios asked for (or of its own menu, when none is
asked for) that its appetite accepts; every requested ratio it lacks is a reason to decline.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from marketplace.kit.reference import LARGEST_CHARGE_MINOR, SMALLEST_CHARGE_MINOR
from marketplace.products.in_force import ProductInForce
from marketplace.products.schemas import CurrencyTerms, ProductTerms
from marketplace.underwriting.appetite import (
    AppetiteDecision,
    AppetiteRules,
    CounterOffer,
    DeclineReason,
    InsurerLimit,
    assess,
)
from marketplace.underwriting.features import QuoteFacts
from marketplace.underwriting.pricing import Price, PricingTerms, exact_ratio, price


@dataclass(frozen=True, slots=True)
class PricedOffer:
    product: ProductInForce
    cover_ratio: Decimal
    price: Price


@dataclass(frozen=True, slots=True)
class OnBuyer:
    """Where one product stands on the quote's buyer, in the invoice currency: the exposure it
    holds, the insurer's own limit (None: only the product's capacity), whether the buyer's
    monitoring status stops new cover."""

    exposure_minor: int = 0
    insurer_limit_minor: int | None = None
    buyer_stopped: bool = False

    def insurer_limit(self) -> InsurerLimit | None:
        if self.insurer_limit_minor is None:
            return None
        left = max(0, self.insurer_limit_minor - self.exposure_minor)
        return InsurerLimit(self.insurer_limit_minor, left)


@dataclass(frozen=True, slots=True)
class Declined:
    product: ProductInForce
    decision: AppetiteDecision
    cover_ratio: Decimal


def appetite_rules(terms: ProductTerms, limits: CurrencyTerms | None) -> AppetiteRules:
    return AppetiteRules(
        currencies=frozenset(c.currency.value for c in terms.currencies),
        max_probability_of_default=terms.max_probability_of_default,
        countries_accepted=None
        if terms.countries is None
        else frozenset(c.value for c in terms.countries),
        countries_excluded=frozenset(c.value for c in terms.excluded_countries),
        sectors_accepted=None
        if terms.sectors is None
        else frozenset(s.value for s in terms.sectors),
        sectors_excluded=frozenset(s.value for s in terms.excluded_sectors),
        amount_min_minor=limits.amount_min if limits else 1,
        amount_max_minor=limits.amount_max if limits else None,
        max_tenor_days=terms.max_tenor_days,
    )


def pricing_terms(terms: ProductTerms, limits: CurrencyTerms) -> PricingTerms:
    return PricingTerms(
        loss_given_default=exact_ratio(terms.pricing.loss_given_default),
        target_loss_ratio=exact_ratio(terms.pricing.target_loss_ratio),
        expense_loading=exact_ratio(terms.pricing.expense_loading),
        time_loading_bps_per_year=terms.pricing.time_loading_bps_per_year,
        fixed_fee_minor=limits.fixed_fee,
        minimum_premium_minor=max(
            limits.minimum_premium, SMALLEST_CHARGE_MINOR[limits.currency.value]
        ),
    )


def _ratios_to_try(
    terms: ProductTerms, requested: list[float] | None
) -> tuple[list[Decimal], list[Decimal]]:
    """(the ratios to try in order, the requested ratios the product does not offer)."""
    menu = [exact_ratio(r) for r in terms.cover_ratios]
    if requested is None:
        return menu, []
    wanted = list(dict.fromkeys(exact_ratio(r) for r in requested))
    return [r for r in wanted if r in menu], [r for r in wanted if r not in menu]


def _not_offered(
    terms: ProductTerms, missing: list[Decimal], at_default: AppetiteDecision
) -> AppetiteDecision:
    """No requested ratio is on the menu: say so, with the reasons the default ratio would meet.

    When the default ratio would be accepted, the counter-offer names the ratios offered.
    """
    offered = tuple(str(exact_ratio(r)) for r in terms.cover_ratios)
    asked = ", ".join(str(r) for r in missing)
    reason = DeclineReason(
        "cover_ratio_not_offered",
        f"Cover ratio {asked} is not offered; offered: {', '.join(offered)}",
        offered,
    )
    counter = at_default.counter_offer
    if at_default.accepted:
        counter = CounterOffer(None, None, f"Insurable at cover ratio {' or '.join(offered)}")
    return AppetiteDecision((reason, *at_default.reasons), counter)


def _payable(priced: Price, currency: str) -> AppetiteDecision:
    """A premium is worth paying only below the cover it buys, and can be paid only up to the
    largest card payment; above either, the offer is declined (``premium_exceeds_cover``)."""
    ceiling = min(priced.insured_amount_minor, LARGEST_CHARGE_MINOR)
    if priced.premium_minor <= ceiling:
        return AppetiteDecision((), None)
    reason = DeclineReason(
        "premium_exceeds_cover",
        f"The premium would be {priced.premium_minor} {currency} minor units, above the"
        f" {ceiling} it may be (the insured amount, and at most the largest card payment)",
        ceiling,
    )
    return AppetiteDecision((reason,), None)


def evaluate(
    product: ProductInForce,
    facts: QuoteFacts,
    probability_of_default: float,
    requested_ratios: list[float] | None,
    on_buyer: OnBuyer,
) -> PricedOffer | Declined:
    """The product's one offer, or why it declines (with a counter-offer where one exists)."""
    terms = product.terms
    limits = terms.limits_in(facts.currency)
    rules = appetite_rules(terms, limits)
    used = on_buyer.exposure_minor
    available = None if limits is None else max(0, limits.buyer_capacity - used)

    def decide(cover_ratio: Decimal) -> AppetiteDecision:
        return assess(
            rules,
            facts,
            probability_of_default=probability_of_default,
            cover_ratio=cover_ratio,
            available_capacity_minor=available,
            insurer_limit=on_buyer.insurer_limit(),
            buyer_stopped=on_buyer.buyer_stopped,
        )

    candidates, missing = _ratios_to_try(terms, requested_ratios)
    first: Declined | None = None
    for cover_ratio in candidates:
        decision = decide(cover_ratio)
        if decision.accepted and limits is not None:
            priced = price(
                probability_of_default=probability_of_default,
                cover_ratio=cover_ratio,
                amount_minor=facts.amount_minor,
                tenor_days=facts.tenor_days,
                terms=pricing_terms(terms, limits),
            )
            decision = _payable(priced, facts.currency)
            if decision.accepted:
                return PricedOffer(product, cover_ratio, priced)
        first = first or Declined(product, decision, cover_ratio)
    if first is None:
        default_ratio = exact_ratio(terms.cover_ratios[0])
        return Declined(product, _not_offered(terms, missing, decide(default_ratio)), default_ratio)
    return first
