"""Building what the events API tests need: endpoints made through the API, live keys, events
and deliveries written the way the app and the worker write them."""

from __future__ import annotations

import ipaddress
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select

from marketplace.accounts import service as accounts
from marketplace.events.emit import Audience, emit
from marketplace.kit.clock import utc_now
from marketplace.kit.commands import SYSTEM
from marketplace.kit.ids import new_id
from marketplace.models import Event, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from tests.conftest import Tenant

PUBLIC_URL = "https://hooks.example.com/marketplace"
"""A URL test mode takes without resolving it (live mode resolves it: see ``resolves_to``)."""
PUBLIC_ADDRESS = "93.184.216.34"


def resolves_to(*addresses: str):
    """A stand-in for ``ssrf.resolve`` that answers ``addresses`` for any host (there is no
    name server here): ``monkeypatch.setattr(ssrf, "resolve", resolves_to(...))``."""

    async def resolve(host: str, port: int) -> list[Any]:
        return [ipaddress.ip_address(address) for address in addresses]

    return resolve


async def live_key(database, tenant: Tenant) -> Tenant:
    """The same account with a live key, made as the command line makes one."""
    async with database.writer_session() as session:
        created = await accounts.create_api_key(session, SYSTEM, tenant.account_id, True, None)
        await session.commit()
    return replace(tenant, secret=created.secret)


async def create_endpoint(client, tenant: Tenant, **fields: Any) -> dict[str, Any]:
    body = {"url": PUBLIC_URL, "enabled_events": ["*"], **fields}
    response = await client.post("/v1/webhook_endpoints", headers=tenant.headers, json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def add_event(
    database,
    account_id: str,
    *,
    livemode: bool = False,
    event_type: str = "cover.updated",
    seller_id: str | None = None,
    insurer_id: str | None = None,
    object_id: str | None = None,
    created_at: datetime | None = None,
) -> Event:
    """An event about a cover, recorded as ``emit`` records one."""
    after = {"id": object_id or new_id("cover"), "object": "cover", "livemode": livemode}
    async with database.writer_session() as session:
        audience = Audience(account_id, seller_id, insurer_id)
        event = await emit(session, event_type, after, audience, now=created_at or utc_now())
        await session.commit()
    return event


async def rows(database, model, *where) -> list[Any]:
    """The rows of ``model`` that match ``where``, in primary key order."""
    order = model.__table__.primary_key.columns
    async with database.reader_session() as session:
        found = await session.execute(select(model).where(*where).order_by(*order))
        return list(found.scalars())


async def deliveries_to(database, endpoint_id: str) -> list[WebhookDelivery]:
    return await rows(database, WebhookDelivery, WebhookDelivery.endpoint_id == endpoint_id)


async def add_delivery(
    database, event_id: str, endpoint_id: str, status: str, attempts: int = 0
) -> WebhookDelivery:
    """A delivery as the worker leaves it, with one attempt row per attempt made."""
    now = utc_now()
    delivery = WebhookDelivery(
        id=new_id("webhook_delivery"),
        event_id=event_id,
        endpoint_id=endpoint_id,
        status=status,
        attempts=attempts,
        next_attempt_at=now if status == "pending" else None,
        created_at=now,
        updated_at=now,
    )
    async with database.writer_session() as session:
        session.add(delivery)
        await session.flush()
        for n in range(attempts):
            ok = status == "succeeded" and n == attempts - 1
            session.add(
                WebhookAttempt(
                    id=new_id("webhook_attempt"),
                    delivery_id=delivery.id,
                    event_id=event_id,
                    endpoint_id=endpoint_id,
                    status_code=200 if ok else 500,
                    duration_ms=12,
                    response_body="ok" if ok else "boom",
                    created_at=now,
                )
            )
        await session.commit()
    return delivery


async def endpoint_row(database, endpoint_id: str) -> WebhookEndpoint:
    (endpoint,) = await rows(database, WebhookEndpoint, WebhookEndpoint.id == endpoint_id)
    return endpoint
