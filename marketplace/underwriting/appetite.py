"""Appetite: does a product take this risk? Accept, or say why not and what it would take.

``assess`` checks a product's rules against the quote and the model's risk and returns every
rule crossed (not just the first), each as a ``DeclineReason`` with a stable code, a sentence
for people (amounts in it as ``EUR 250,000.00``: ``kit.money.format_money``) and the limit
crossed, typed by what it is (an ``AmountLimit`` in minor units of the invoice currency, a
``DaysLimit``, a ``RatioLimit``, or a ``ValuesLimit`` of the values accepted or excluded):

=======================  ===============================================  ===================
code                     when                                             limit
=======================  ===============================================  ===================
currency_not_supported   the invoice currency is not one of the product's values: accepted
country_excluded         the buyer country is excluded, not accepted,     values: accepted or
                         or unknown while the product lists countries     excluded countries
sector_excluded          the same for the buyer's NACE sector             values: the sectors
amount_below_minimum     amount < amount_min_minor                        amount
amount_above_maximum     amount > amount_max_minor                        amount
tenor_too_long           tenor > max_tenor_days                           days
risk_too_high            probability of default > the product's maximum   ratio: the maximum
capacity_exceeded        insured amount > the buyer capacity still free   amount: available
buyer_limit_reduced      insured amount > what the insurer's own limit    amount: the
                         on the buyer leaves (when that is less than the  insurer's limit
                         capacity still free)
buyer_stopped            the buyer's monitoring status stops new cover,   amount: 0
                         or the insurer's own limit on it is 0
=======================  ===============================================  ===================

A counter-offer exists when every reason is curable by a smaller invoice or a shorter tenor
(``amount_above_maximum``, ``capacity_exceeded``, ``buyer_limit_reduced``,
``tenor_too_long``): it names the largest invoice amount whose insured amount fits the
maximum, the capacity and the insurer's limit, and/or the longest tenor accepted. The risk
can change with the amount or tenor, so the caller quotes again on the counter-offer's terms.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, localcontext

from marketplace.kit.money import format_money
from marketplace.underwriting.features import QuoteFacts
from marketplace.underwriting.pricing import PRECISION_DIGITS, insured_amount_minor

CURABLE = frozenset(
    ("amount_above_maximum", "capacity_exceeded", "buyer_limit_reduced", "tenor_too_long")
)
AMOUNT_CAPS = frozenset(("amount_above_maximum", "capacity_exceeded", "buyer_limit_reduced"))


@dataclass(frozen=True, slots=True)
class AmountLimit:
    """An amount in minor units of ``currency``."""

    amount_minor: int
    currency: str


@dataclass(frozen=True, slots=True)
class DaysLimit:
    days: int


@dataclass(frozen=True, slots=True)
class RatioLimit:
    """A ratio between 0 and 1 (a probability of default)."""

    ratio: float


@dataclass(frozen=True, slots=True)
class RatiosLimit:
    """The ratios offered (cover ratios), as numbers."""

    ratios: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class ValuesLimit:
    """The values accepted or, when ``excluded``, the values excluded."""

    values: tuple[str, ...]
    excluded: bool = False


Limit = AmountLimit | DaysLimit | RatioLimit | RatiosLimit | ValuesLimit


@dataclass(frozen=True)
class AppetiteRules:
    """A product's appetite. ``None`` for an accepted list means "any not excluded"."""

    currencies: frozenset[str]
    max_probability_of_default: float
    countries_accepted: frozenset[str] | None = None
    countries_excluded: frozenset[str] = frozenset()
    sectors_accepted: frozenset[str] | None = None
    sectors_excluded: frozenset[str] = frozenset()
    amount_min_minor: int = 1
    amount_max_minor: int | None = None
    max_tenor_days: int | None = None


@dataclass(frozen=True)
class InsurerLimit:
    """An insurer's own limit on the buyer for this product, and what it still leaves."""

    amount_minor: int
    available_minor: int


@dataclass(frozen=True)
class DeclineReason:
    """One rule the quote crosses."""

    code: str
    message: str
    limit: Limit


@dataclass(frozen=True)
class CounterOffer:
    """Terms the product would consider: an invoice up to an amount and/or a tenor."""

    max_amount_minor: int | None
    max_tenor_days: int | None
    message: str


@dataclass(frozen=True)
class AppetiteDecision:
    """Accepted when there is no reason to decline."""

    reasons: tuple[DeclineReason, ...]
    counter_offer: CounterOffer | None

    @property
    def accepted(self) -> bool:
        """True when no rule is crossed."""
        return not self.reasons


def assess(
    rules: AppetiteRules,
    facts: QuoteFacts,
    *,
    probability_of_default: float,
    cover_ratio: Decimal,
    available_capacity_minor: int | None = None,
    insurer_limit: InsurerLimit | None = None,
    buyer_stopped: bool = False,
) -> AppetiteDecision:
    """Accept, or every reason to decline plus a counter-offer where one exists.

    ``available_capacity_minor`` is the buyer capacity this product still has free (its
    per-buyer limit minus current exposure), or None when capacity is not limited;
    ``insurer_limit`` the insurer's own limit on the buyer, if it set one; ``buyer_stopped``
    whether the buyer's monitoring status stops new cover.
    """
    insured = insured_amount_minor(facts.amount_minor, cover_ratio)
    room = _room(available_capacity_minor, insurer_limit)
    reasons = (
        *_market_reasons(rules, facts),
        *_size_reasons(rules, facts),
        *_room_reasons(
            insured, facts.currency, available_capacity_minor, insurer_limit, buyer_stopped
        ),
        *_risk_reasons(rules, probability_of_default),
    )
    counter = _counter_offer(rules, facts, reasons, cover_ratio, room)
    return AppetiteDecision(reasons=tuple(reasons), counter_offer=counter)


def _room(capacity: int | None, limit: InsurerLimit | None) -> int | None:
    """What may still be insured on the buyer: the capacity, capped by the insurer's limit."""
    if limit is None:
        return capacity
    return limit.available_minor if capacity is None else min(capacity, limit.available_minor)


def _listed(
    code: str,
    kind: str,
    value: str | None,
    accepted: frozenset[str] | None,
    excluded: frozenset[str],
) -> Iterator[DeclineReason]:
    if value is not None and value in excluded:
        limit = ValuesLimit(tuple(sorted(excluded)), excluded=True)
        yield DeclineReason(code, f"Buyer {kind} {value} is excluded", limit)
    elif accepted is not None and (value is None or value not in accepted):
        shown = "not given" if value is None else f"{value} is not accepted"
        allowed = ", ".join(sorted(accepted))
        message = f"Buyer {kind} {shown}; accepted: {allowed}"
        yield DeclineReason(code, message, ValuesLimit(tuple(sorted(accepted))))


def _market_reasons(rules: AppetiteRules, facts: QuoteFacts) -> Iterator[DeclineReason]:
    if facts.currency not in rules.currencies:
        supported = tuple(sorted(rules.currencies))
        message = f"Currency {facts.currency} is not supported; supported: {', '.join(supported)}"
        yield DeclineReason("currency_not_supported", message, ValuesLimit(supported))
    yield from _listed(
        "country_excluded",
        "country",
        facts.country,
        rules.countries_accepted,
        rules.countries_excluded,
    )
    yield from _listed(
        "sector_excluded", "sector", facts.sector, rules.sectors_accepted, rules.sectors_excluded
    )


def _size_reasons(rules: AppetiteRules, facts: QuoteFacts) -> Iterator[DeclineReason]:
    amount, tenor, currency = facts.amount_minor, facts.tenor_days, facts.currency
    invoice = format_money(amount, currency)
    if amount < rules.amount_min_minor:
        minimum = format_money(rules.amount_min_minor, currency)
        message = f"Invoice amount {invoice} is below the minimum of {minimum}"
        limit = AmountLimit(rules.amount_min_minor, currency)
        yield DeclineReason("amount_below_minimum", message, limit)
    if rules.amount_max_minor is not None and amount > rules.amount_max_minor:
        maximum = format_money(rules.amount_max_minor, currency)
        message = f"Invoice amount {invoice} is above the maximum of {maximum}"
        limit = AmountLimit(rules.amount_max_minor, currency)
        yield DeclineReason("amount_above_maximum", message, limit)
    if rules.max_tenor_days is not None and tenor > rules.max_tenor_days:
        message = f"Tenor of {tenor} days is longer than the maximum of {rules.max_tenor_days}"
        yield DeclineReason("tenor_too_long", message, DaysLimit(rules.max_tenor_days))


def _room_reasons(
    insured: int, currency: str, capacity: int | None, limit: InsurerLimit | None, stopped: bool
) -> Iterator[DeclineReason]:
    """At most one reason: the buyer is stopped, or the tighter of capacity and limit is hit."""
    if stopped or (limit is not None and limit.amount_minor == 0):
        why = "its monitoring status stops new cover" if stopped else "the insurer's limit is 0"
        message = f"No new cover on this buyer: {why}"
        yield DeclineReason("buyer_stopped", message, AmountLimit(0, currency))
        return
    room = _room(capacity, limit)
    if room is None or insured <= room:
        return
    insured_text = format_money(insured, currency)
    if limit is not None and (capacity is None or limit.available_minor < capacity):
        message = (
            f"Insured amount {insured_text} exceeds the"
            f" {format_money(limit.available_minor, currency)} that the insurer's limit of"
            f" {format_money(limit.amount_minor, currency)} on this buyer leaves"
        )
        limit_crossed = AmountLimit(limit.amount_minor, currency)
        yield DeclineReason("buyer_limit_reduced", message, limit_crossed)
        return
    message = (
        f"Insured amount {insured_text} exceeds the buyer capacity available,"
        f" {format_money(room, currency)}"
    )
    yield DeclineReason("capacity_exceeded", message, AmountLimit(room, currency))


def _risk_reasons(rules: AppetiteRules, probability: float) -> Iterator[DeclineReason]:
    if probability > rules.max_probability_of_default:
        message = (
            f"Probability of default {probability:.2%} is above the product's maximum "
            f"of {rules.max_probability_of_default:.2%}"
        )
        yield DeclineReason("risk_too_high", message, RatioLimit(rules.max_probability_of_default))


def largest_amount_within(capacity_minor: int, cover_ratio: Decimal) -> int:
    """The largest invoice amount whose insured amount, floor(amount x ratio), fits capacity."""
    with localcontext(prec=PRECISION_DIGITS):
        # floor(a * r) <= c  <=>  a * r < c + 1  <=>  a < (c + 1) / r
        bound = (Decimal(capacity_minor) + 1) / cover_ratio
        return int(bound.to_integral_value(ROUND_CEILING)) - 1


def _counter_offer(
    rules: AppetiteRules,
    facts: QuoteFacts,
    reasons: tuple[DeclineReason, ...],
    cover_ratio: Decimal,
    capacity: int | None,
) -> CounterOffer | None:
    codes = {reason.code for reason in reasons}
    if not codes or not codes <= CURABLE:
        return None
    max_amount = None
    if codes & AMOUNT_CAPS:
        ceilings = [facts.amount_minor]
        if rules.amount_max_minor is not None:
            ceilings.append(rules.amount_max_minor)
        if capacity is not None:
            ceilings.append(largest_amount_within(capacity, cover_ratio))
        max_amount = min(ceilings)
        if max_amount < max(rules.amount_min_minor, 1):
            return None
    max_tenor = rules.max_tenor_days if "tenor_too_long" in codes else None
    parts = []
    if max_amount is not None:
        parts.append(f"an invoice of at most {format_money(max_amount, facts.currency)}")
    parts += [f"a tenor of at most {max_tenor} days"] if max_tenor is not None else []
    return CounterOffer(max_amount, max_tenor, "Insurable with " + " and ".join(parts))
