"""The one way a domain records a change: ``emit``, inside the transaction that made it.

The event holds the object exactly as its GET shows it after the change (``data.object``),
what changed (``data.previous_attributes``: the earlier value of each top-level field that
differs, and of each changed field inside a nested object), who may see it and a ``sequence``
that increases per object in commit order (taken from a per-object counter row that the
transaction locks until it commits). The worker delivers it afterwards (transactional outbox):
a change that is rolled back takes its event with it, and an event is never lost by a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.events import repository
from marketplace.kit.clock import utc_now
from marketplace.kit.ids import new_id
from marketplace.models.events import Event


@dataclass(frozen=True, slots=True)
class Audience:
    """Who may see an object's events: its account, the seller it was made for (and so that
    seller's platform), the insurer whose product it is."""

    account_id: str
    seller_id: str | None = None
    insurer_id: str | None = None


def public(representation: msgspec.Struct) -> dict[str, Any]:
    """An object's public representation as plain JSON values (what its GET answers)."""
    return dict(msgspec.to_builtins(representation))


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The earlier value of every field that changed (nested objects: their changed fields)."""
    previous: dict[str, Any] = {}
    for name, value in before.items():
        now = after.get(name)
        if value == now:
            continue
        if isinstance(value, dict) and isinstance(now, dict):
            previous[name] = changes(value, now)
        else:
            previous[name] = value
    return previous


async def emit(
    session: AsyncSession,
    event_type: str,
    after: dict[str, Any],
    audience: Audience,
    *,
    previous: dict[str, Any] | None = None,
    now: datetime | None = None,
    deadline: dict[str, str] | None = None,
) -> Event:
    """Record that the object ``after`` (``public(...)`` of it, with ``id``, ``object`` and
    ``livemode``) changed; ``previous``: ``changes(before, after)``, or None when it is new;
    ``deadline`` (``{"name", "date"}``) only for a ``*.deadline_approaching`` event."""
    data: dict[str, Any] = {"object": after, "previous_attributes": previous}
    if deadline is not None:
        data["deadline"] = deadline
    object_id = str(after["id"])
    event = Event(
        id=new_id("event"),
        livemode=bool(after["livemode"]),
        type=event_type,
        object_type=str(after["object"]),
        object_id=object_id,
        sequence=await repository.next_sequence(session, object_id),
        account_id=audience.account_id,
        seller_id=audience.seller_id,
        insurer_id=audience.insurer_id,
        data=data,
        created_at=now or utc_now(),
    )
    await repository.add_event(session, event)
    return event
