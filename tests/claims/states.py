"""Covers and claims brought into each state of their machines, through the API where an
integrator can reach the state (the test clock, reports, decisions), else by the one stored
change that makes it (``cancelling`` and ``expired`` only last while Stripe is being asked)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import update

from marketplace.models import Cover
from tests.claims.helpers import (
    Parties,
    active_cover,
    advance,
    claim_action,
    claim_of,
    days_to_due,
    reported,
)
from tests.covers.helpers import bound
from tests.factories import quote_request

Built = dict[str, Any]
"""The cover (and ``claim`` id once one opened)."""


async def _stored_status(database, cover: Built, status: str) -> Built:
    async with database.writer_session() as session:
        await session.execute(update(Cover).where(Cover.id == cover["id"]).values(status=status))
        await session.commit()
    return cover | {"status": status}


async def _pending(client, who: Parties, database) -> Built:
    return await bound(client, who.platform, quote_request())


async def _active(client, who: Parties, database) -> Built:
    return await active_cover(client, who)


async def _overdue(client, who: Parties, database) -> Built:
    cover = await active_cover(client, who)
    return await advance(client, who.platform, cover, days_to_due(cover) + 1)


async def _declared(client, who: Parties, database) -> Built:
    cover = await _overdue(client, who, database)
    await reported(client, who.platform, cover, "invoice.overdue")
    return cover


async def _claimed(client, who: Parties, database) -> Built:
    cover = await _declared(client, who, database)
    return await advance(client, who.platform, cover, 59)


async def _settled(client, who: Parties, database) -> Built:
    cover = await active_cover(client, who)
    await reported(client, who.platform, cover, "invoice.paid", amount=cover["invoice_amount"])
    return cover


async def _time_barred(client, who: Parties, database) -> Built:
    cover = await active_cover(client, who)
    return await advance(client, who.platform, cover, days_to_due(cover) + 31)


async def _cancelled(client, who: Parties, database) -> Built:
    cover = await active_cover(client, who)
    response = await client.post(f"/v1/covers/{cover['id']}/cancel", headers=who.platform.headers)
    assert response.json()["status"] == "cancelled", response.text
    return cover


async def _payment_failed(client, who: Parties, database) -> Built:
    body = quote_request()
    return await bound(client, who.platform, body, payment_method="pm_card_chargeCustomerFail")


async def _expired(client, who: Parties, database) -> Built:
    return await _stored_status(database, await _pending(client, who, database), "expired")


async def _cancelling(client, who: Parties, database) -> Built:
    return await _stored_status(database, await active_cover(client, who), "cancelling")


COVER_STATES: dict[str, Callable[..., Awaitable[Built]]] = {
    "pending_payment": _pending,
    "active": _active,
    "overdue": _overdue,
    "overdue_declared": _declared,
    "claimed": _claimed,
    "settled": _settled,
    "time_barred": _time_barred,
    "cancelled": _cancelled,
    "payment_failed": _payment_failed,
    "expired": _expired,
    "cancelling": _cancelling,
}


async def _claim_open(client, who: Parties) -> tuple[Built, Built]:
    cover = await _claimed(client, who, None)
    return cover, await claim_of(client, who.platform, cover["claim"])


async def _claim_in(client, who: Parties, days: int) -> tuple[Built, Built]:
    cover, claim = await _claim_open(client, who)
    await advance(client, who.platform, cover, days)
    return cover, await claim_of(client, who.platform, claim["id"])


async def _acted(client, tenant, cover, claim, action, body=None) -> tuple[Built, Built]:
    response = await claim_action(client, tenant, claim["id"], action, body)
    assert response.status_code in (200, 201), response.text
    return cover, await claim_of(client, tenant, claim["id"])


async def claim_in_state(client, who: Parties, state: str) -> tuple[Built, Built]:
    """A claimed cover and its claim in ``state`` (``on_hold:dispute``, ``on_hold:insurer``
    for the two kinds of hold)."""
    if state == "open":
        return await _claim_open(client, who)
    if state == "collection_amicable":
        return await _claim_in(client, who, 1)
    if state == "collection_legal":
        return await _claim_in(client, who, 61)
    cover, claim = await _claim_in(client, who, 1)
    if state == "on_hold:dispute":
        await reported(client, who.platform, cover, "invoice.disputed")
        return cover, await claim_of(client, who.platform, claim["id"])
    if state == "on_hold:insurer":
        return await _acted(client, who.insurer, cover, claim, "hold")
    if state == "recovered":
        await reported(client, who.platform, cover, "invoice.paid", amount=cover["invoice_amount"])
        return cover, await claim_of(client, who.platform, claim["id"])
    if state == "rejected":
        return await _acted(client, who.insurer, cover, claim, "reject", {"code": "exclusion"})
    if state == "withdrawn":
        return await _acted(client, who.platform, cover, claim, "withdraw")
    cover, claim = await _acted(client, who.insurer, cover, claim, "approve")
    if state == "approved":
        return cover, claim
    assert state == "paid"
    payout = {"amount": claim["indemnity"], "reference": "TR-ALL"}
    return await _acted(client, who.insurer, cover, claim, "payouts", payout)


CLAIM_STATES = (
    "open",
    "collection_amicable",
    "collection_legal",
    "on_hold:dispute",
    "on_hold:insurer",
    "approved",
    "paid",
    "recovered",
    "rejected",
    "withdrawn",
)
