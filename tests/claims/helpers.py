"""Driving a cover's life after bind the way an integrator does: report invoice events,
advance the test clock, decide claims."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from tests.conftest import Tenant
from tests.covers.helpers import bound
from tests.factories import product_terms, quote_request
from tests.fixtures.market import make_product, platform_with_seller

TERMS = {
    "cover_ratios": [0.9],
    "waiting_period_days": 150,
    "claim_threshold_days": 60,
    "overdue_declaration_days": 30,
    "amicable_collection_days": 60,
}
"""Due date D: declare by D+30, a claim opens on D+60, legal collection 60 days after the
claim's collection starts, approval 150 days after the declaration."""


@dataclass
class Parties:
    insurer: Tenant
    platform: Tenant
    product: dict[str, Any]


async def parties(client, new_tenant, **terms: Any) -> Parties:
    insurer = await new_tenant("insurer")
    product = await make_product(client, insurer, product_terms(**(TERMS | terms)))
    return Parties(insurer, await platform_with_seller(new_tenant), product)


async def active_cover(
    client, who: Parties, *, tenant: Tenant | None = None, **quote: Any
) -> dict[str, Any]:
    """A cover bound and paid with a test card: active."""
    cover = await bound(
        client, tenant or who.platform, quote_request(**quote), payment_method="pm_card_visa"
    )
    assert cover["status"] == "active", cover
    return cover


def key() -> dict[str, str]:
    return {"Idempotency-Key": secrets.token_hex(12)}


async def report(
    client, tenant: Tenant, cover: dict[str, Any], event_type: str, **fields: Any
) -> Any:
    return await client.post(
        f"/v1/covers/{cover['id']}/invoice_events",
        headers=tenant.headers | key(),
        json={"type": event_type, **fields},
    )


async def reported(
    client, tenant: Tenant, cover: dict[str, Any], event_type: str, **fields: Any
) -> dict[str, Any]:
    response = await report(client, tenant, cover, event_type, **fields)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def advance(client, tenant: Tenant, cover: dict[str, Any], days: int) -> dict[str, Any]:
    response = await client.post(
        f"/v1/test_helpers/covers/{cover['id']}/advance",
        headers=tenant.headers,
        json={"days": days},
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def cover_of(client, tenant: Tenant, cover: dict[str, Any]) -> dict[str, Any]:
    return dict((await client.get(f"/v1/covers/{cover['id']}", headers=tenant.headers)).json())


async def claim_of(client, tenant: Tenant, claim_id: str) -> dict[str, Any]:
    response = await client.get(f"/v1/claims/{claim_id}", headers=tenant.headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def claim_action(client, tenant: Tenant, claim_id: str, action: str, body: Any = None) -> Any:
    return await client.post(
        f"/v1/claims/{claim_id}/{action}", headers=tenant.headers | key(), json=body
    )


def days_to_due(cover: dict[str, Any]) -> int:
    """Days from today (on the cover's clock) to the invoice's due date."""
    import datetime as dt

    due = dt.date.fromisoformat(cover["invoice_due_date"])
    today = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=cover["clock_advanced_days"])
    return (due - today).days
