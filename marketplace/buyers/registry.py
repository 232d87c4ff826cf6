"""What a quote does to the buyer registry: one shared identity, the caller's own facts.

A buyer's identity (mode, country, registration number) is shared, so that exposure and
capacity hold across every seller. What a platform or seller says of the buyer (name, sector,
revenue, incidents, …) is stored for that account only, merged with what it said before, and
its quotes are scored on it alone: another tenant can neither read it nor move its score.

What insurers and the operator report (signals) is marketplace-wide and feeds every tenant's
score alike (``scoring_facts``): it is read in the same query as the buyer.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import repository
from marketplace.buyers.repository import BuyerOnRecord, MarketSignals
from marketplace.buyers.schemas import BuyerIn
from marketplace.kit.ids import new_id
from marketplace.kit.normalise import registration_key
from marketplace.kit.tenancy import Principal
from marketplace.models.buyers import BuyerFactSet
from marketplace.underwriting.model import RiskAssessment

FACT_COLUMNS = repository.GIVEN_FACTS


def identity_of(principal: Principal, buyer: BuyerIn) -> tuple[bool, str, str]:
    """(mode, country, registration number): what makes two quotes about the same buyer, the
    number compared however it was typed (``kit.normalise.registration_key``)."""
    country = buyer.country.value
    return principal.livemode, country, registration_key(country, buyer.registration_number)


INCIDENT_WINDOW_DAYS = 365
"""Payment default signals dated within this many days count as payment incidents (the
model's ``payment_incidents_12m``)."""


async def on_record(
    session: AsyncSession,
    principal: Principal,
    buyer: BuyerIn,
    now: datetime,
    invoice: tuple[str, str] = ("", ""),
) -> BuyerOnRecord:
    """The buyer as the caller's quote sees it: identity and status, the caller's own facts,
    exposure and insurers' limits, the signals that feed its score, and the cover in force on
    ``invoice`` (owner, invoice number key)."""
    return await repository.on_record(
        session,
        identity_of(principal, buyer),
        principal.account_id,
        now.date() - timedelta(days=INCIDENT_WINDOW_DAYS),
        invoice,
    )


def _bureau_score_given_at(
    known: BuyerFactSet | None, incoming: BuyerIn, now: datetime
) -> datetime | None:
    """When the caller gave the bureau score it holds after this quote: restating the score it
    gave before keeps that date (a platform resending a cached score says nothing new)."""
    if incoming.bureau_score is None:
        return known.bureau_score_given_at if known else None
    restated = known is not None and known.bureau_score == incoming.bureau_score
    if restated and known is not None and known.bureau_score_given_at is not None:
        return known.bureau_score_given_at
    return now


def _given(incoming: BuyerIn) -> dict[str, Any]:
    """The facts a quote gives one by one, None where it says nothing."""
    given = {name: getattr(incoming, name) for name in FACT_COLUMNS}
    given["sector"] = incoming.sector.value if incoming.sector else None
    return given


def merged_facts(
    known: BuyerFactSet | None, incoming: BuyerIn, currency: str, now: datetime
) -> dict[str, Any]:
    """The caller's facts after this quote: what it says now, else what it said before.

    A revenue is kept with the currency it was given in, so it is never compared across
    currencies.
    """
    given = _given(incoming)
    facts = {
        name: value if value is not None or known is None else getattr(known, name)
        for name, value in given.items()
    }
    if incoming.annual_revenue is not None:
        facts["annual_revenue_minor"] = incoming.annual_revenue
        facts["annual_revenue_currency"] = currency
    else:
        facts["annual_revenue_minor"] = known.annual_revenue_minor if known else None
        facts["annual_revenue_currency"] = known.annual_revenue_currency if known else None
    facts["bureau_score_given_at"] = _bureau_score_given_at(known, incoming, now)
    return facts


def _signal_score_is_newer(given_at: datetime | None, signals: MarketSignals) -> bool:
    if signals.bureau_score is None or signals.bureau_score_on is None:
        return False
    return given_at is None or signals.bureau_score_on >= given_at.date()


def scoring_facts(own_facts: dict[str, Any], signals: MarketSignals) -> dict[str, Any]:
    """What a quote is scored on: the caller's own facts (never another tenant's) overlaid
    with the marketplace's signals, the same for every tenant.

    - The latest-dated bureau_score signal replaces the caller's bureau score when it is dated
      on or after the day the caller gave its own (or the caller gave none).
    - Each payment_default signal of the last ``INCIDENT_WINDOW_DAYS`` adds one payment
      incident to what the caller reported (a default the caller already counted may count
      twice: the model then errs on the side of risk).
    """
    facts = dict(own_facts)
    if _signal_score_is_newer(own_facts.get("bureau_score_given_at"), signals):
        facts["bureau_score"] = signals.bureau_score
    if signals.payment_defaults:
        reported = own_facts["payment_incidents_12m"] or 0
        facts["payment_incidents_12m"] = reported + signals.payment_defaults
    return facts


async def register(
    session: AsyncSession,
    principal: Principal,
    buyer: BuyerIn,
    now: datetime,
    buyer_id: str | None = None,
) -> str:
    """Register a buyer nobody has quoted yet (as ``buyer_id``, or a new id); its id: another's,
    if a quote just made it."""
    livemode, country, registration_number = identity_of(principal, buyer)
    return await repository.register(
        session,
        {
            "id": buyer_id or new_id("buyer"),
            "livemode": livemode,
            "country": country,
            "registration_number": registration_number,
            "created_at": now,
            "updated_at": now,
        },
    )


def facts_row(
    *,
    buyer_id: str,
    account_id: str,
    incoming: BuyerIn,
    currency: str,
    risk: RiskAssessment,
    now: datetime,
) -> dict[str, Any]:
    """What this quote gives on the buyer (None where it says nothing) with the score it got, as
    ``repository.facts_upsert`` merges it into the account's stored facts."""
    given = _given(incoming)
    revenue_given = incoming.annual_revenue is not None
    return {
        "buyer_id": buyer_id,
        "account_id": account_id,
        **given,
        "annual_revenue_minor": incoming.annual_revenue,
        "annual_revenue_currency": currency if revenue_given else None,
        "bureau_score_given_at": now if incoming.bureau_score is not None else None,
        "probability_of_default": risk.probability_of_default,
        "grade": risk.grade,
        "model_version": risk.model_version,
        "scored_at": now,
        "created_at": now,
        "updated_at": now,
    }
