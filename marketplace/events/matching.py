"""Which events an account may see, and which of them an endpoint asked for.

An account sees the events of its own mode about objects that are its own: the operator every
one; a platform those of its account and of the sellers connected to it; a seller those of its
account or made for it; an insurer those about its products (``insurer_id``). An endpoint gets
what its account sees, filtered by ``enabled_events``: exact types, ``<prefix>.*`` (every type
under that prefix) or ``*``.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, true
from sqlalchemy.sql.elements import ColumnElement

from marketplace.accounts import repository as accounts
from marketplace.models.events import Event

WILDCARD = "*"


def seen_by(role: str, account_id: str) -> ColumnElement[bool]:
    """The condition on ``events`` rows that an account of ``role`` may see (mode aside)."""
    if role == "operator":
        return true()
    if role == "insurer":
        return Event.insurer_id == account_id
    owned = or_(Event.account_id == account_id, Event.seller_id == account_id)
    if role == "platform":
        return or_(owned, Event.seller_id.in_(accounts.sellers_of(account_id)))
    return owned


def wants(enabled_events: Iterable[str], event_type: str) -> bool:
    """Whether a subscription (``enabled_events``) covers ``event_type``."""
    for pattern in enabled_events:
        if pattern in (WILDCARD, event_type):
            return True
        if pattern.endswith(".*") and event_type.startswith(pattern[:-1]):
            return True
    return False
