"""A buyer's insolvency, once established (an insolvency signal), opens an insolvency claim on
every paid cover on it: no waiting period, approved the day it opens. A protracted-default claim
still collecting becomes an insolvency claim (the rest of its waiting period is waived)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.claims import clock, opening
from marketplace.covers import repository as covers

CLAIMABLE = ("active", "overdue")


async def _on_cover(session: AsyncSession, cover_id: str, real_now: datetime) -> str | None:
    life = await clock.life_of(session, await covers.locked(session, cover_id))
    await clock.catch_up(session, life, real_now)
    opened = None
    if life.claim is None and life.cover.status in CLAIMABLE:
        life.claim = await opening.open_claim(session, life.cover, "insolvency", real_now)
        opened = None if life.claim is None else life.claim.id
    elif life.claim is not None:
        await opening.make_insolvency(session, life.claim, life.cover, real_now)
    await clock.catch_up(session, life, real_now)
    return opened


async def open_on_buyer(
    session: AsyncSession, *, livemode: bool, buyer_id: str, real_now: datetime
) -> list[str]:
    """Open the insolvency claims on the buyer's covers; the ids of the claims opened."""
    opened = []
    for cover in await covers.in_force_on_buyer(session, livemode, buyer_id):
        claim_id = await _on_cover(session, cover.id, real_now)
        if claim_id is not None:
            opened.append(claim_id)
    return opened
