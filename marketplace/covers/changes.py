"""Every change to a cover, with its event in the same transaction.

Covers change only through this module (a test checks that nothing else calls the
repository's writes): ``created`` after the insert, ``move`` for a conditional change and
``raise_refunded`` for the refunded total. Each emits one event when what a reader sees of the
cover changed — ``cover.<new status>`` when the status moved (``cover.activated``,
``cover.payment_failed``, ``cover.expired``, ``cover.cancelling``, ``cover.cancelled``), else
``cover.updated`` — and none when it did not (a lease taken, a PaymentIntent checked).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from marketplace.covers import repository
from marketplace.covers.schemas import CoverOut
from marketplace.events.emit import Audience, changes, emit, public
from marketplace.kit.clock import utc_now
from marketplace.models.covers import Cover

EVENT_BY_STATUS = {
    "pending_payment": "cover.created",
    "active": "cover.activated",
    "payment_failed": "cover.payment_failed",
    "expired": "cover.expired",
    "cancelling": "cover.cancelling",
    "cancelled": "cover.cancelled",
    "overdue": "cover.overdue",
    "settled": "cover.settled",
    "claimed": "cover.claimed",
    "time_barred": "cover.time_barred",
}
"""The event of a move into each status (``pending_payment``: the cover was bound)."""
DEADLINE_APPROACHING = "cover.deadline_approaching"

COVER_EVENT_TYPES = (
    *dict.fromkeys(EVENT_BY_STATUS.values()),
    "cover.updated",
    DEADLINE_APPROACHING,
)


def snapshot(cover: Cover) -> dict[str, Any]:
    """The cover as its GET shows it to a reader other than its payer (so without the
    PaymentIntent's ``client_secret``)."""
    return public(CoverOut.of(cover, viewer_id=""))


def _audience(cover: Cover) -> Audience:
    return Audience(cover.account_id, cover.seller_id, cover.insurer_id)


async def created(session: AsyncSession, cover: Cover) -> None:
    """The cover was just inserted: ``cover.created``."""
    after = snapshot(cover)
    await emit(session, "cover.created", after, _audience(cover), now=cover.created_at)


async def _announce(session: AsyncSession, cover: Cover, before: dict[str, Any]) -> None:
    after = snapshot(cover)
    previous = changes(before, after)
    if not previous:
        return
    moved = "status" in previous
    event_type = EVENT_BY_STATUS[after["status"]] if moved else "cover.updated"
    await emit(session, event_type, after, _audience(cover), previous=previous, now=utc_now())


async def move(
    session: AsyncSession,
    cover: Cover,
    from_statuses: tuple[str, ...],
    *where: ColumnElement[bool],
    **values: Any,
) -> bool:
    """``repository.move`` (change the cover only if it is still in one of ``from_statuses``),
    and its event when it changed what a reader sees."""
    before = snapshot(cover)
    moved = await repository.move(session, cover, from_statuses, *where, **values)
    if moved:
        await _announce(session, cover, before)
    return moved


async def raise_refunded(session: AsyncSession, cover: Cover, total_minor: int) -> None:
    """``repository.raise_refunded``, and ``cover.updated`` when the total went up."""
    before = snapshot(cover)
    await repository.raise_refunded(session, cover, total_minor)
    await _announce(session, cover, before)


async def deadline_approaching(
    session: AsyncSession, cover: Cover, name: str, due_on: date
) -> None:
    """``cover.deadline_approaching``: ``name`` falls on ``due_on``, 7 days or less ahead."""
    await emit(
        session,
        DEADLINE_APPROACHING,
        snapshot(cover),
        _audience(cover),
        deadline={"name": name, "date": due_on.isoformat()},
    )
