"""Insurers' own limits: how much one of its products may insure on one buyer, per currency.

An insurer sets a limit on a buyer it can see, under one of its own products (another's is not
found) and in a currency that product insures. Quotes and binds then honour the smaller of the
product's buyer capacity and the limit (a limit of 0: no new cover); covers already bound keep
their cover. A limit that lowers what the product may insure alerts the holders of its covers
in force on the buyer (``buyer.alert`` with ``limit_change``). The insurer reads its own
limits; the operator every one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import alerts, monitoring_repository, service
from marketplace.buyers.schemas import BuyerStatusOut, LimitChange, LimitIn
from marketplace.errors import RuleViolation
from marketplace.kit.reference import Currency
from marketplace.kit.tenancy import Principal
from marketplace.models.buyers import Buyer, BuyerLimit
from marketplace.products import service as products


class CurrencyNotInsured(RuleViolation):
    code = "currency_not_insured"
    title = "The product does not insure this currency"


async def _capacity_of(session: AsyncSession, principal: Principal, data: LimitIn) -> int:
    """The product's buyer capacity in the limit's currency (an insurer finds only its own
    products: another's is not found)."""
    product = await products.retrieve(session, principal, data.product)
    terms = product.terms.limits_in(data.currency.value)
    if terms is None:
        insured = ", ".join(c.currency.value for c in product.terms.currencies)
        raise CurrencyNotInsured(
            f"Product {data.product} insures {insured}, not {data.currency.value}",
            param="currency",
        )
    return terms.buyer_capacity


async def _announce(
    session: AsyncSession, buyer: Buyer, change: LimitChange, now: datetime
) -> None:
    latest = await monitoring_repository.latest_signal(session, buyer.id)
    status = BuyerStatusOut.of(buyer, buyer.status, buyer.status_changed_at, latest)
    await alerts.limit_lowered(session, status, change, now)


async def set_limit(
    session: AsyncSession, principal: Principal, buyer_id: str, data: LimitIn, now: datetime
) -> BuyerLimit:
    """Set (or replace) the caller's limit on a buyer under one of its products."""
    buyer = await service.visible(session, principal, buyer_id)
    capacity = await _capacity_of(session, principal, data)
    currency = data.currency.value
    known = await monitoring_repository.limit_on(session, buyer.id, data.product, currency)
    limit = BuyerLimit(
        buyer_id=buyer.id,
        product_id=data.product,
        currency=currency,
        amount_minor=data.amount,
        account_id=principal.account_id,
        created_at=known.created_at if known else now,
        updated_at=now,
    )
    values = {column.name: getattr(limit, column.name) for column in BuyerLimit.__table__.columns}
    await monitoring_repository.set_limit(session, values)
    was = capacity if known is None else min(capacity, known.amount_minor)
    if min(capacity, data.amount) < was:
        change = LimitChange(
            product=data.product,
            insurer=principal.account_id,
            currency=Currency(currency),
            amount=min(capacity, data.amount),
            previous_amount=was,
        )
        await _announce(session, buyer, change, now)
    return limit


async def list_limits(
    session: AsyncSession, principal: Principal, buyer_id: str
) -> list[BuyerLimit]:
    """The limits on a buyer the caller can see: its own (the operator: every insurer's)."""
    await service.visible(session, principal, buyer_id)
    own = None if principal.role == "operator" else principal.account_id
    return await monitoring_repository.limits_on(session, [buyer_id], own)
