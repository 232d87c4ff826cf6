"""Each product's answer to a quote: one priced offer, or a decline with reasons.

Pure functions over the product terms, the quote facts and the model's risk. When no ratio is
asked for, a product offers one cover: at the first ratio of its own menu that its appetite
accepts (or declines, with the reasons at its first ratio). When ratios are asked for, it
answers each of them: an offer at each requested ratio it accepts, a decline for each it does
not (a ratio it lacks is declined ``cover_ratio_not_offered``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from marketplace.kit.money import format_money
from marketplace.kit.reference import LARGEST_CHARGE_MINOR, SMALLEST_CHARGE_MINOR
from marketplace.products.in_force import ProductInForce
from marketplace.products.schemas import CurrencyTerms, ProductTerms
from marketplace.underwriting.appetite import (
    AmountLimit,
    AppetiteDecision,
    AppetiteRules,
    CounterOffer,
    DeclineReason,
    InsurerLimit,
    RatiosLimit,
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
    """The ratio the decision was assessed at (a counter-offer's insured amount is at it)."""
    requested_ratio: Decimal | None = None
    """The requested ratio declined, when the product does not offer it at all."""

    @property
    def declined_ratio(self) -> Decimal:
        """The ratio this decline answers."""
        return self.cover_ratio if self.requested_ratio is None else self.requested_ratio


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


def _not_offered(
    terms: ProductTerms, missing: list[Decimal], at_default: AppetiteDecision
) -> AppetiteDecision:
    """A requested ratio is not on the menu: say so, with the reasons the default ratio would meet.

    When the default ratio would be accepted, the counter-offer names the ratios offered.
    """
    offered = tuple(str(exact_ratio(r)) for r in terms.cover_ratios)
    asked = ", ".join(str(r) for r in missing)
    reason = DeclineReason(
        "cover_ratio_not_offered",
        f"Cover ratio {asked} is not offered; offered: {', '.join(offered)}",
        RatiosLimit(tuple(float(ratio) for ratio in offered)),
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
        f"The premium would be {format_money(priced.premium_minor, currency)}, above the"
        f" {format_money(ceiling, currency)} it may be (the insured amount, and at most the"
        " largest card payment)",
        AmountLimit(ceiling, currency),
    )
    return AppetiteDecision((reason,), None)


def evaluate(
    product: ProductInForce,
    facts: QuoteFacts,
    probability_of_default: float,
    requested_ratios: list[float] | None,
    on_buyer: OnBuyer,
) -> list[PricedOffer | Declined]:
    """The product's answer (see the module docstring): its one offer or decline when no ratio
    is asked for, else one offer or decline per requested ratio, in the order asked."""
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

    def at(cover_ratio: Decimal) -> PricedOffer | Declined:
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
        return Declined(product, decision, cover_ratio)

    if requested_ratios is None:
        return [_first_offer(at, terms)]
    return _each_requested(product, at, decide, requested_ratios)


def _first_offer(
    at: Callable[[Decimal], PricedOffer | Declined], terms: ProductTerms
) -> PricedOffer | Declined:
    """The offer at the first ratio of the menu accepted, else the decline at the first."""
    first: Declined | None = None
    for cover_ratio in (exact_ratio(r) for r in terms.cover_ratios):
        outcome = at(cover_ratio)
        if isinstance(outcome, PricedOffer):
            return outcome
        first = first or outcome
    assert first is not None  # a product has at least one cover ratio
    return first


def _each_requested(
    product: ProductInForce,
    at: Callable[[Decimal], PricedOffer | Declined],
    decide: Callable[[Decimal], AppetiteDecision],
    requested: list[float],
) -> list[PricedOffer | Declined]:
    """An offer or a decline per requested ratio (a ratio asked twice is answered once); a
    ratio the product lacks is declined with the reasons its first ratio would meet."""
    terms = product.terms
    menu = {exact_ratio(r) for r in terms.cover_ratios}
    default_ratio = exact_ratio(terms.cover_ratios[0])
    at_default: AppetiteDecision | None = None
    outcomes: list[PricedOffer | Declined] = []
    for cover_ratio in dict.fromkeys(exact_ratio(r) for r in requested):
        if cover_ratio in menu:
            outcomes.append(at(cover_ratio))
            continue
        if at_default is None:
            at_default = decide(default_ratio)
        decision = _not_offered(terms, [cover_ratio], at_default)
        outcomes.append(Declined(product, decision, default_ratio, cover_ratio))
    return outcomes
