"""Every change to a claim, with its event in the same transaction (as ``covers/changes.py``
does for covers): ``opened`` after the insert, ``move`` for a conditional change. A move into a
status emits that status's event (``claim.opened``, ``claim.collection_started``,
``claim.legal_collection_started``, ``claim.on_hold``, ``claim.approved``, ``claim.paid``,
``claim.recovered``, ``claim.rejected``, ``claim.withdrawn``), a move out of ``on_hold`` emits
``claim.resumed``, a recovery ``claim.recovery_recorded``, anything else a reader sees
``claim.updated``."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from marketplace.claims import repository
from marketplace.claims.schemas import ClaimOut
from marketplace.events.emit import Audience, changes, emit, public
from marketplace.kit.clock import utc_now
from marketplace.models.claims import Claim

EVENT_BY_STATUS = {
    "open": "claim.opened",
    "collection_amicable": "claim.collection_started",
    "collection_legal": "claim.legal_collection_started",
    "on_hold": "claim.on_hold",
    "approved": "claim.approved",
    "paid": "claim.paid",
    "recovered": "claim.recovered",
    "rejected": "claim.rejected",
    "withdrawn": "claim.withdrawn",
}
RESUMED = "claim.resumed"
RECOVERY_RECORDED = "claim.recovery_recorded"
UPDATED = "claim.updated"
DEADLINE_APPROACHING = "claim.deadline_approaching"
CLAIM_EVENT_TYPES = (
    *EVENT_BY_STATUS.values(),
    RESUMED,
    RECOVERY_RECORDED,
    UPDATED,
    DEADLINE_APPROACHING,
)


def snapshot(claim: Claim) -> dict[str, Any]:
    return public(ClaimOut.of(claim))


def audience(claim: Claim) -> Audience:
    return Audience(claim.account_id, claim.seller_id, claim.insurer_id)


async def opened(session: AsyncSession, claim: Claim) -> None:
    """The claim was just inserted: ``claim.opened``."""
    await emit(session, "claim.opened", snapshot(claim), audience(claim), now=claim.created_at)


def _event_type(before: dict[str, Any], after: dict[str, Any], event_type: str | None) -> str:
    if event_type is not None:
        return event_type
    if before["status"] == after["status"]:
        return UPDATED
    return RESUMED if before["status"] == "on_hold" else EVENT_BY_STATUS[after["status"]]


async def move(
    session: AsyncSession,
    claim: Claim,
    from_statuses: tuple[str, ...],
    *where: ColumnElement[bool],
    event_type: str | None = None,
    **values: Any,
) -> bool:
    """Change the claim only if it is still in one of ``from_statuses``; its event when what
    a reader sees changed (``event_type`` names it instead of the status's own)."""
    before = snapshot(claim)
    moved = await repository.move(session, claim, from_statuses, *where, **values)
    if not moved:
        return False
    after = snapshot(claim)
    previous = changes(before, after)
    if previous:
        kind = _event_type(before, after, event_type)
        await emit(session, kind, after, audience(claim), previous=previous, now=utc_now())
    return True


async def deadline_approaching(
    session: AsyncSession, claim: Claim, name: str, due_on: date
) -> None:
    await emit(
        session,
        DEADLINE_APPROACHING,
        snapshot(claim),
        audience(claim),
        deadline={"name": name, "date": due_on.isoformat()},
    )
