"""The test clock: in test mode, the cover's platform or seller moves one paid cover's clock
(and its claim's) forward and runs every step that fell due, in order, with their events, so a
whole life (due date, declaration, claim, collection, waiting period, indemnity) plays out in
seconds. It never exists in live mode."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.claims import clock
from marketplace.claims.rules import CoverNotActive
from marketplace.covers import changes, deadlines
from marketplace.covers import repository as covers
from marketplace.covers import service as cover_service
from marketplace.errors import RouteNotFound, RuleViolation
from marketplace.kit.tenancy import Principal
from marketplace.models.covers import COVER_STATUSES, Cover


class ClockTooFar(RuleViolation):
    code = "clock_too_far"
    title = "The test clock goes at most two years ahead"


async def advance(
    session: AsyncSession, principal: Principal, cover_id: str, days: int, real_now: datetime
) -> Cover:
    """Move the cover's clock ``days`` ahead and catch up; the cover after it."""
    if principal.livemode:
        raise RouteNotFound("Test helpers exist only in test mode (sk_test_ keys)")
    await cover_service.owned(session, principal, cover_id)
    cover = await covers.locked(session, cover_id)
    if cover.status in ("pending_payment", "cancelling"):
        raise CoverNotActive(
            f"Cover {cover_id} is {cover.status}: the test clock moves covers whose premium is"
            " settled (a pending cover lapses at its quote's expiry, in real time)",
            param="cover",
        )
    total_days = cover.clock_offset_days + days
    if total_days > deadlines.MAX_CLOCK_ADVANCE_DAYS:
        raise ClockTooFar(
            f"Cover {cover_id}'s clock is already {cover.clock_offset_days} days ahead: it can"
            f" move at most {deadlines.MAX_CLOCK_ADVANCE_DAYS - cover.clock_offset_days} more",
            param="days",
        )
    life = await clock.life_of(session, cover)
    await clock.catch_up(session, life, real_now)  # what was due before the jump, first
    await changes.move(session, cover, COVER_STATUSES, clock_offset_days=total_days)
    await clock.catch_up(session, life, real_now)
    return cover
