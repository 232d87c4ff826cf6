"""Idempotency keys: the first result of a POST is kept and replayed for the same key.

The rules (per account and mode, for the retention the settings give, 24 hours by default):

- the first request with a key takes it (a committed ``in_flight`` row) before its handler runs;
- a later request with the same key and the same request (method, path and JSON body, key
  order ignored) gets the stored status and body again, with ``Idempotent-Replayed: true``;
- the same key with a different request is refused: 422 ``idempotency_key_reused``;
- a request arriving while the first is still running is refused: 409 ``idempotency_key_in_use``;
- only successful results (status < 400) are kept, in the same transaction as the work they
  report; when a request fails, its key is released, so a corrected retry may use it again;
- a key whose holder died (in flight for longer than ``IN_FLIGHT_LOCK_SECONDS``) may be taken over;
- an answer that shows a secret once (a new API key) is kept without it: its handler hands
  the redacted body to ``store_instead``, so no secret is ever at rest and the replay says so.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any

import msgspec
from litestar.params import HeaderParameter
from litestar.types import Scope
from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from marketplace.errors import Conflict, InvalidRequest, MarketplaceError
from marketplace.kit.sql import insert_ignore
from marketplace.kit.tenancy import Principal
from marketplace.models.idempotency import IDEMPOTENCY_KEY_MAX_LENGTH, IdempotencyRecord

IN_FLIGHT_LOCK_SECONDS = 60
HEADER = "idempotency-key"
REPLAYED_HEADER = "Idempotent-Replayed"
_STORED_BODY = "marketplace.idempotency.stored_body"


class IdempotencyKeyReused(MarketplaceError):
    status_code = 422
    code = "idempotency_key_reused"
    title = "Idempotency key used with another request"


class IdempotencyKeyInUse(Conflict):
    code = "idempotency_key_in_use"
    title = "Idempotency key in use"


@dataclass(frozen=True, slots=True)
class Claim:
    """This request holds the key and will store its result under it."""

    account_id: str
    livemode: bool
    key: str


@dataclass(frozen=True, slots=True)
class Replay:
    """The stored result of the first request with this key."""

    status: int
    content_type: str
    body: bytes


KEY_PATTERN = rf"^[!-~]{{1,{IDEMPOTENCY_KEY_MAX_LENGTH}}}$"
"""1 to 255 visible ASCII characters (a UUID is a good choice)."""
_KEY = re.compile(KEY_PATTERN)


IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        pattern=KEY_PATTERN,
        description=(
            "Makes the POST safe to retry: the first successful result is kept for 24 hours"
            " and replayed for the same key (with `Idempotent-Replayed: true`)."
        ),
    ),
]
"""Every POST handler declares this header, so it is documented and reaches the SDK."""

RequiredIdempotencyKey = Annotated[
    str,
    HeaderParameter(
        name="Idempotency-Key",
        pattern=KEY_PATTERN,
        required=True,
        description=(
            "Required: the request changes money owed, and a retry must never count twice."
            " The first successful result is kept for 24 hours and replayed for the same key"
            " (with `Idempotent-Replayed: true`)."
        ),
    ),
]
"""For the POSTs that must never run twice: the header is required (documented so, and the
SDK makes it a required argument)."""


def store_instead(scope: Scope, body: bytes) -> None:
    """Keep ``body``, not the answer sent, under the request's Idempotency-Key (if it has one).

    For answers that carry a secret shown once: the replay gets ``body`` instead, so the
    secret is never written to the database.
    """
    scope["state"][_STORED_BODY] = body


def body_to_store(scope: Scope, sent: bytes) -> bytes:
    """What to keep under the key: the handler's ``store_instead`` body, else the answer sent."""
    stored: bytes = scope["state"].get(_STORED_BODY, sent)
    return stored


def validate_key(key: str) -> str:
    if not _KEY.match(key):
        raise InvalidRequest(
            f"Idempotency-Key must be 1 to {IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters",
            param="Idempotency-Key",
        )
    return key


def fingerprint(method: str, path: str, body: bytes) -> str:
    """A hash of what the request asks for; JSON bodies compare by content, not by bytes (a body
    that is not readable JSON — malformed, too deeply nested, not UTF-8 — by its bytes)."""
    try:
        canonical = msgspec.json.encode(msgspec.json.decode(body), order="sorted") if body else b""
    except (msgspec.DecodeError, RecursionError, UnicodeError, ValueError):
        canonical = body
    return hashlib.sha256(f"{method} {path}\n".encode() + canonical).hexdigest()


def _where(account_id: str, livemode: bool, key: str) -> list[ColumnElement[bool]]:
    return [
        IdempotencyRecord.account_id == account_id,
        IdempotencyRecord.livemode == livemode,
        IdempotencyRecord.key == key,
    ]


async def claim(
    session: AsyncSession,
    principal: Principal,
    *,
    key: str,
    request_fingerprint: str,
    now: datetime,
    retention: timedelta,
) -> Claim | Replay:
    """Take ``key`` for this request (the caller commits), or return the result to replay.

    Call ``check`` first in a read transaction: on SQLite that answers a concurrent duplicate
    without waiting for the write lock the first request holds.
    """
    fresh = {
        "request_fingerprint": request_fingerprint,
        "state": "in_flight",
        "locked_at": now,
        "expires_at": now + retention,
        "response_status": None,
        "response_content_type": None,
        "response_body": None,
    }
    if await _take(session, principal, key, fresh, now):
        return Claim(principal.account_id, principal.livemode, key)
    return await answer_of_holder(
        session, principal, key=key, request_fingerprint=request_fingerprint, now=now
    )


async def _take(
    session: AsyncSession, principal: Principal, key: str, values: dict[str, Any], now: datetime
) -> bool:
    """Write ``values`` under ``key`` if it is free (never used, expired or abandoned)."""
    identity = {"account_id": principal.account_id, "livemode": principal.livemode, "key": key}
    if await insert_ignore(session, IdempotencyRecord, {**identity, **values}):
        return True
    where = _where(principal.account_id, principal.livemode, key)
    takeover = update(IdempotencyRecord).where(*where, _abandoned(now)).values(**values)
    return bool((await session.execute(takeover)).rowcount == 1)  # type: ignore[attr-defined]


async def answer_of_holder(
    session: AsyncSession,
    principal: Principal,
    *,
    key: str,
    request_fingerprint: str,
    now: datetime,
) -> Replay:
    """Another request holds ``key``: its stored result, or 409/422 as the rules say."""
    outcome = await check(
        session, principal, key=key, request_fingerprint=request_fingerprint, now=now
    )
    if outcome is None:  # released between our write and our read: the caller may retry
        raise IdempotencyKeyInUse("A request with this Idempotency-Key just finished; retry")
    return outcome


def _abandoned(now: datetime) -> ColumnElement[bool]:
    stale = now - timedelta(seconds=IN_FLIGHT_LOCK_SECONDS)
    return or_(
        IdempotencyRecord.expires_at <= now,
        and_(IdempotencyRecord.state == "in_flight", IdempotencyRecord.locked_at < stale),
    )


async def check(
    session: AsyncSession,
    principal: Principal,
    *,
    key: str,
    request_fingerprint: str,
    now: datetime,
) -> Replay | None:
    """Read-only: the result to replay, None when the key is free, or 409/422 as the rules say."""
    where = _where(principal.account_id, principal.livemode, key)
    query = select(IdempotencyRecord).where(*where, ~_abandoned(now))
    record = (await session.execute(query)).scalar_one_or_none()
    if record is None:
        return None
    if record.request_fingerprint != request_fingerprint:
        raise IdempotencyKeyReused(
            "This Idempotency-Key was already used with a different request; use a new key",
            param="Idempotency-Key",
        )
    if record.state == "in_flight":
        raise IdempotencyKeyInUse(
            "A request with this Idempotency-Key is still being processed; retry shortly"
        )
    return Replay(
        status=record.response_status or 200,
        content_type=record.response_content_type or "application/json",
        body=record.response_body or b"",
    )


@dataclass(frozen=True, slots=True)
class Pending:
    """A request's key, not yet taken: for handlers that write their result with their work
    in one transaction (``record``) rather than take the key first."""

    key: str
    request_fingerprint: str
    retention: timedelta


_PENDING = "marketplace.idempotency.pending"


def hold_pending(scope: Scope, pending: Pending) -> None:
    scope["state"][_PENDING] = pending


def pending_of(scope: Scope) -> Pending | None:
    """The request's key when its handler is to record it (``record``), else None."""
    pending: Pending | None = scope["state"].get(_PENDING)
    return pending


async def record(
    session: AsyncSession,
    principal: Principal,
    pending: Pending,
    result: Replay,
    now: datetime,
) -> bool:
    """Take the key and store its result in one write, in the transaction of the work it
    reports; False when another request holds the key (write nothing else, then ``check``)."""
    completed = {
        "request_fingerprint": pending.request_fingerprint,
        "state": "completed",
        "locked_at": now,
        "expires_at": now + pending.retention,
        "response_status": result.status,
        "response_content_type": result.content_type,
        "response_body": result.body,
    }
    return await _take(session, principal, pending.key, completed, now)


async def replace_result(
    session: AsyncSession, principal: Principal, key: str, result: Replay
) -> None:
    """Store another result under a key this transaction took with ``record``."""
    await session.execute(
        update(IdempotencyRecord)
        .where(*_where(principal.account_id, principal.livemode, key))
        .values(
            response_status=result.status,
            response_content_type=result.content_type,
            response_body=result.body,
        )
    )


async def complete(
    session: AsyncSession, held: Claim, status: int, content_type: str, body: bytes
) -> None:
    """Store the result under the key, in the transaction of the work it reports."""
    await session.execute(
        update(IdempotencyRecord)
        .where(
            *_where(held.account_id, held.livemode, held.key),
            IdempotencyRecord.state == "in_flight",
        )
        .values(
            state="completed",
            response_status=status,
            response_content_type=content_type,
            response_body=body,
        )
    )


async def release(session: AsyncSession, held: Claim) -> None:
    """Give the key back after a failed request; the caller commits."""
    await session.execute(
        delete(IdempotencyRecord).where(
            *_where(held.account_id, held.livemode, held.key),
            IdempotencyRecord.state == "in_flight",
        )
    )


async def purge_expired(session: AsyncSession, now: datetime) -> int:
    """Delete records past their retention; returns how many went."""
    result = await session.execute(
        delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
