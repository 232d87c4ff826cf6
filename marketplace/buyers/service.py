"""Reading the buyer registry: who sees which buyer, which facts and which exposure.

| caller | buyers | facts and score | exposure per product and currency |
|---|---|---|---|
| platform | those it or its sellers quoted | its own | its covers and its sellers' |
| seller | those it quoted or was quoted for | its own | covers bound by it or for it |
| insurer | those with a cover on its products | none | its products' covers only |
| operator | every one | every account's | every cover |

To anyone else a buyer does not exist (404). ``limit`` and ``available`` are the product's
(capped by its insurer's own limit on the buyer) and the marketplace's (see ``Capacity``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import monitoring_repository, repository
from marketplace.buyers.schemas import Capacity
from marketplace.buyers.status import STOPPED
from marketplace.covers import repository as covers
from marketplace.errors import ResourceNotFound
from marketplace.kit.pagination import Page, PageRequest, paginate
from marketplace.kit.reference import Currency
from marketplace.kit.tenancy import Principal
from marketplace.models.buyers import Buyer, BuyerFactSet
from marketplace.products.in_force import ProductInForce


class BuyerNotFound(ResourceNotFound):
    pass


@dataclass(frozen=True, slots=True)
class BuyerView:
    """A buyer as one caller sees it (see the module docstring)."""

    buyer: Buyer
    own: BuyerFactSet | None
    every_account: list[BuyerFactSet] | None
    """Every account's facts: for the operator only."""
    capacity: list[Capacity]


def _visible_query(principal: Principal) -> Select[Buyer]:
    return repository.visible_query(principal.livemode, principal.role, principal.account_id)


async def visible(session: AsyncSession, principal: Principal, buyer_id: str) -> Buyer:
    """The buyer, if the caller may see it (see the module docstring); else BuyerNotFound."""
    query = _visible_query(principal).where(Buyer.id == buyer_id)
    buyer = (await session.execute(query)).scalar_one_or_none()
    if buyer is None:
        raise BuyerNotFound(f"No such buyer: {buyer_id}", param="buyer")
    return buyer


async def retrieve(
    session: AsyncSession, principal: Principal, buyer_id: str, in_force: list[ProductInForce]
) -> BuyerView:
    buyer = await visible(session, principal, buyer_id)
    return (await _views(session, principal, [buyer], in_force))[0]


async def list_buyers(
    session: AsyncSession, principal: Principal, page: PageRequest, in_force: list[ProductInForce]
) -> Page[BuyerView]:
    found = await paginate(session, _visible_query(principal), Buyer.id, page)
    return Page(await _views(session, principal, found.items, in_force), found.has_more)


async def _facts_seen(
    session: AsyncSession, principal: Principal, buyer_ids: list[str]
) -> dict[str, list[BuyerFactSet]]:
    if principal.role == "insurer":
        return {buyer_id: [] for buyer_id in buyer_ids}
    account_id = None if principal.role == "operator" else principal.account_id
    return await repository.fact_sets(session, buyer_ids, account_id)


def _products_shown(principal: Principal, in_force: list[ProductInForce]) -> list[ProductInForce]:
    """Every product in force; to an insurer, its own only."""
    if principal.role != "insurer":
        return in_force
    return [p for p in in_force if p.insurer_id == principal.account_id]


async def _views(
    session: AsyncSession,
    principal: Principal,
    buyers: Sequence[Buyer],
    in_force: list[ProductInForce],
) -> list[BuyerView]:
    """The views of a page of buyers, in at most four queries whatever its size."""
    if not buyers:
        return []
    ids = [buyer.id for buyer in buyers]
    facts = await _facts_seen(session, principal, ids)
    seen = await covers.exposure_seen_by(
        session,
        ids,
        livemode=principal.livemode,
        role=principal.role,
        account_id=principal.account_id,
    )
    used = await repository.exposures(session, ids)
    limits = {
        (limit.buyer_id, limit.product_id, limit.currency): limit.amount_minor
        for limit in await monitoring_repository.limits_on(session, ids)
    }
    products = _products_shown(principal, in_force)
    operator = principal.role == "operator"
    return [
        BuyerView(
            buyer=buyer,
            own=None if operator or not facts[buyer.id] else facts[buyer.id][0],
            every_account=facts[buyer.id] if operator else None,
            capacity=capacity(buyer, products, seen, used, limits),
        )
        for buyer in buyers
    ]


def capacity(
    buyer: Buyer,
    in_force: list[ProductInForce],
    seen: dict[tuple[str, str, str], int],
    used: dict[tuple[str, str, str], int],
    insurer_limits: dict[tuple[str, str, str], int],
) -> list[Capacity]:
    """Per product and currency: the limit, the exposure the caller sees, what is left.

    ``seen``, ``used`` and ``insurer_limits`` are keyed by (buyer, product, currency): the
    caller's covers, the marketplace-wide exposure that capacity is reserved against, and the
    insurers' own limits on the buyer. Nothing is left on a stopped buyer.
    """
    rows = []
    stopped = buyer.status in STOPPED
    for product in in_force:
        for terms in product.terms.currencies:
            key = (buyer.id, product.product_id, terms.currency.value)
            insurer_limit = insurer_limits.get(key)
            limit = terms.buyer_capacity
            if insurer_limit is not None:
                limit = min(limit, insurer_limit)
            rows.append(
                Capacity(
                    product=product.product_id,
                    insurer=product.insurer_id,
                    currency=Currency(terms.currency),
                    limit=limit,
                    insurer_limit=insurer_limit,
                    exposure=seen.get(key, 0),
                    available=0 if stopped else max(0, limit - used.get(key, 0)),
                )
            )
    return rows
