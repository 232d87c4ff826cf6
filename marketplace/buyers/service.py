"""The buyer registry: one record per company, fed by quotes; capacity left per product.

A buyer is readable by the operator, and by the accounts that quoted it: the platform or
seller that asked, and a platform for its sellers' quotes. To anyone else it does not exist.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import repository
from marketplace.buyers.schemas import BuyerIn, Capacity
from marketplace.errors import ResourceNotFound
from marketplace.kit.pagination import Page, PageRequest, paginate
from marketplace.kit.reference import Currency
from marketplace.kit.tenancy import Principal
from marketplace.models.buyers import Buyer
from marketplace.products.in_force import ProductInForce


class BuyerNotFound(ResourceNotFound):
    pass


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
    """(mode, country, registration number): what makes two quotes about the same buyer."""
    return principal.livemode, buyer.country.value, buyer.registration_number.strip().upper()


def merged_facts(known: Buyer | None, incoming: BuyerIn, currency: str) -> dict[str, Any]:
    """What the registry knows after this quote: what it says, else what was known before.

    A revenue is kept with the currency it was given in, so it is never compared across
    currencies.
    """
    given = {
        "name": incoming.name,
        "sector": incoming.sector.value if incoming.sector else None,
        "years_in_business": incoming.years_in_business,
        "employees": incoming.employees,
        "payment_incidents_12m": incoming.payment_incidents_12m,
        "avg_days_beyond_terms": incoming.avg_days_beyond_terms,
        "bureau_score": incoming.bureau_score,
    }
    facts = {
        name: value if value is not None or known is None else getattr(known, name)
        for name, value in given.items()
    }
    if incoming.annual_revenue is not None:
        facts["annual_revenue_minor"], facts["annual_revenue_currency"] = (
            incoming.annual_revenue,
            currency,
        )
    elif known is not None:
        facts["annual_revenue_minor"] = known.annual_revenue_minor
        facts["annual_revenue_currency"] = known.annual_revenue_currency
    else:
        facts["annual_revenue_minor"] = facts["annual_revenue_currency"] = None
    return facts


def _scope(principal: Principal) -> str | None:
    return None if principal.role == "operator" else principal.account_id


async def visible(session: AsyncSession, principal: Principal, buyer_id: str) -> Buyer:
    query = repository.visible_query(
        principal.livemode, _scope(principal), principal.role == "platform"
    )
    buyer = (await session.execute(query.where(Buyer.id == buyer_id))).scalar_one_or_none()
    if buyer is None:
        raise BuyerNotFound(f"No such buyer: {buyer_id}", param="buyer")
    return buyer


async def list_buyers(
    session: AsyncSession, principal: Principal, page: PageRequest
) -> Page[Buyer]:
    query = repository.visible_query(
        principal.livemode, _scope(principal), principal.role == "platform"
    )
    return await paginate(session, query, Buyer.id, page)


async def capacity(
    session: AsyncSession, buyer: Buyer, in_force: list[ProductInForce]
) -> list[Capacity]:
    """For each product in force and currency: the buyer limit, what is used, what is left."""
    used = await repository.exposures(session, buyer.id)
    rows = []
    for product in in_force:
        for limits in product.terms.currencies:
            exposure = used.get((product.product_id, limits.currency.value), 0)
            rows.append(
                Capacity(
                    product=product.product_id,
                    insurer=product.insurer_id,
                    currency=Currency(limits.currency),
                    limit=limits.buyer_capacity,
                    exposure=exposure,
                    available=max(0, limits.buyer_capacity - exposure),
                )
            )
    return rows
