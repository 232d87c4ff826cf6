"""What a quote does to the buyer registry: one shared identity, the caller's own facts.

A buyer's identity (mode, country, registration number) is shared, so that exposure and
capacity hold across every seller. What a platform or seller says of the buyer (name, sector,
revenue, incidents, …) is stored for that account only, merged with what it said before, and
its quotes are scored on it alone: another tenant can neither read it nor move its score.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import repository
from marketplace.buyers.repository import BuyerOnRecord
from marketplace.buyers.schemas import BuyerIn
from marketplace.kit.ids import new_id
from marketplace.kit.normalise import registration_key
from marketplace.kit.tenancy import Principal
from marketplace.models.buyers import BuyerFactSet
from marketplace.underwriting.model import RiskAssessment

FACT_COLUMNS = (
    "name",
    "sector",
    "years_in_business",
    "employees",
    "payment_incidents_12m",
    "avg_days_beyond_terms",
    "bureau_score",
)


def identity_of(principal: Principal, buyer: BuyerIn) -> tuple[bool, str, str]:
    """(mode, country, registration number): what makes two quotes about the same buyer, the
    number compared however it was typed (``kit.normalise.registration_key``)."""
    country = buyer.country.value
    return principal.livemode, country, registration_key(country, buyer.registration_number)


async def on_record(session: AsyncSession, principal: Principal, buyer: BuyerIn) -> BuyerOnRecord:
    """The buyer as the caller's quote sees it: identity, the caller's own facts, exposure."""
    return await repository.on_record(session, identity_of(principal, buyer), principal.account_id)


def merged_facts(known: BuyerFactSet | None, incoming: BuyerIn, currency: str) -> dict[str, Any]:
    """The caller's facts after this quote: what it says now, else what it said before.

    A revenue is kept with the currency it was given in, so it is never compared across
    currencies.
    """
    given = {name: getattr(incoming, name) for name in FACT_COLUMNS}
    given["sector"] = incoming.sector.value if incoming.sector else None
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
    return facts


def scoring_facts(own_facts: dict[str, Any]) -> dict[str, Any]:
    """What a quote is scored on: the caller's own facts, never another tenant's.

    The seam for marketplace-wide signals: when insurers or the operator report on a buyer
    (payment incidents, rating changes, insolvency), they are read with the identity and
    combined here, for every tenant alike.
    """
    return own_facts


async def register(
    session: AsyncSession, principal: Principal, buyer: BuyerIn, now: datetime
) -> str:
    """Register a buyer nobody has quoted yet; its id (another's, if a quote just made it)."""
    livemode, country, registration_number = identity_of(principal, buyer)
    return await repository.register(
        session,
        {
            "id": new_id("buyer"),
            "livemode": livemode,
            "country": country,
            "registration_number": registration_number,
            "created_at": now,
            "updated_at": now,
        },
    )


async def record_facts(
    session: AsyncSession,
    *,
    buyer_id: str,
    account_id: str,
    facts: dict[str, Any],
    risk: RiskAssessment,
    now: datetime,
) -> None:
    """Store the account's facts on the buyer with the score they gave."""
    await repository.write_facts(
        session,
        {
            "buyer_id": buyer_id,
            "account_id": account_id,
            **facts,
            "probability_of_default": risk.probability_of_default,
            "grade": risk.grade,
            "model_version": risk.model_version,
            "scored_at": now,
            "created_at": now,
            "updated_at": now,
        },
    )
