"""What the delivery tests share: endpoints inserted directly, a clock the test moves, a worker
on the test's database, and the reference Standard Webhooks verifier."""

from __future__ import annotations

import base64
import contextlib
import json
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import standardwebhooks
from sqlalchemy import select

from marketplace.events.delivery import ATTEMPT_TIMEOUT_S, Sender, new_client
from marketplace.events.emit import Audience, emit
from marketplace.events.retries import RetryPolicy
from marketplace.events.worker import Worker, WorkerOptions
from marketplace.kit.ids import new_id
from marketplace.models import Event, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from tests.events.receiver import Received

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
NO_JITTER = RetryPolicy(jitter_ratio=0)


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


@dataclass
class Clock:
    """The worker's clock, moved by the test."""

    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


async def add_endpoint(
    database, account_id: str, url: str, events: list[str] | None = None, **fields: Any
) -> WebhookEndpoint:
    """An endpoint as the API would register it (enabled, a fresh secret)."""
    now = fields.pop("created_at", START)
    endpoint = WebhookEndpoint(
        id=new_id("webhook_endpoint"),
        livemode=fields.pop("livemode", False),
        account_id=account_id,
        url=url,
        enabled_events=events or ["*"],
        description=None,
        status=fields.pop("status", "enabled"),
        secret=fields.pop("secret", None) or new_secret(),
        created_at=now,
        updated_at=now,
        **fields,
    )
    async with database.writer_session() as session:
        session.add(endpoint)
        await session.commit()
    return endpoint


@contextlib.asynccontextmanager
async def worker_on(
    database,
    clock: Clock | None = None,
    *,
    timeout_s: float = ATTEMPT_TIMEOUT_S,
    policy: RetryPolicy = NO_JITTER,
    **options: Any,
) -> AsyncIterator[Worker]:
    """A delivery worker on the test's database, on ``clock``, without jitter; attempts time
    out after ``timeout_s``."""
    chosen = WorkerOptions(**options)
    async with new_client(chosen.concurrency) as client:
        sender = Sender(client, timeout_s=timeout_s)
        yield Worker(database, sender, options=chosen, policy=policy, clock=clock or Clock())


def verified(received: Received, secret: str) -> dict[str, Any]:
    """The delivered event, as the reference library verifies it (raises if it does not)."""
    return dict(standardwebhooks.Webhook(secret).verify(received.body, received.headers))


async def rows(database, model, *where) -> list[Any]:
    async with database.reader_session() as session:
        return list((await session.execute(select(model).where(*where))).scalars())


async def deliveries(database, *where) -> list[WebhookDelivery]:
    return await rows(database, WebhookDelivery, *where)


async def attempts(database, *where) -> list[WebhookAttempt]:
    found = await rows(database, WebhookAttempt, *where)
    return sorted(found, key=lambda attempt: attempt.id)


async def events_of_type(database, event_type: str) -> list[Event]:
    return await rows(database, Event, Event.type == event_type)


def body_of(received: Received) -> dict[str, Any]:
    return dict(json.loads(received.body))


async def record_event(
    database,
    account_id: str,
    event_type: str = "cover.activated",
    *,
    livemode: bool = False,
    seller_id: str | None = None,
    insurer_id: str | None = None,
    at: datetime = START,
) -> Event:
    """An event about a made-up cover, emitted as a domain emits it."""
    after = {"id": new_id("cover"), "object": "cover", "livemode": livemode, "status": "active"}
    async with database.writer_session() as session:
        event = await emit(
            session, event_type, after, Audience(account_id, seller_id, insurer_id), now=at
        )
        await session.commit()
    return event
