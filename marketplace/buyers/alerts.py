"""``buyer.alert``: telling those who hold cover on a buyer that its monitoring changed.

A status change goes to every distinct (account, seller) holding a cover in force on the buyer
(the platform or seller that bound it, and so the seller's platform) and to every insurer of
those covers, each as an event of its own that only its audience sees. An insurer's lower
limit goes to the holders of covers under that product and currency only. Every alert carries
the buyer's public identity and status (``BuyerStatusOut``), never a tenant's own facts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers.schemas import BuyerStatusOut, LimitChange
from marketplace.covers import repository as covers
from marketplace.events.catalogue import BUYER_ALERT
from marketplace.events.emit import Audience, emit, public
from marketplace.models.covers import Cover


def _holders(in_force: list[Cover]) -> list[Audience]:
    pairs = dict.fromkeys((cover.account_id, cover.seller_id) for cover in in_force)
    return [Audience(account_id, seller_id) for account_id, seller_id in pairs]


def _insurers(in_force: list[Cover]) -> list[Audience]:
    insurer_ids = dict.fromkeys(cover.insurer_id for cover in in_force)
    return [Audience(insurer_id, None, insurer_id) for insurer_id in insurer_ids]


async def _send(
    session: AsyncSession,
    buyer: BuyerStatusOut,
    previous: dict[str, Any],
    audiences: list[Audience],
    now: datetime,
) -> None:
    after = public(buyer)
    for audience in audiences:
        await emit(session, BUYER_ALERT, after, audience, previous=previous, now=now)


async def status_changed(
    session: AsyncSession, buyer: BuyerStatusOut, previous: dict[str, Any], now: datetime
) -> None:
    """Alert the holders and insurers of the buyer's covers in force; ``previous``: what the
    status view said before (``events.emit.changes``)."""
    in_force = await covers.in_force_on_buyer(session, buyer.livemode, buyer.id)
    await _send(session, buyer, previous, [*_holders(in_force), *_insurers(in_force)], now)


async def limit_lowered(
    session: AsyncSession, buyer: BuyerStatusOut, change: LimitChange, now: datetime
) -> None:
    """Alert the holders of covers in force under the product and currency of ``change``."""
    in_force = [
        cover
        for cover in await covers.in_force_on_buyer(session, buyer.livemode, buyer.id)
        if (cover.product_id, cover.currency) == (change.product, change.currency.value)
    ]
    alert = msgspec.structs.replace(buyer, limit_change=change)
    await _send(session, alert, {"limit_change": None}, _holders(in_force), now)
