"""Buyer monitoring as insurers and the operator use it: a buyer covered under a product,
signals on it, limits on it, and the alerts tenants read back."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from tests.conftest import Tenant
from tests.factories import quote_request, registration_number
from tests.fixtures.market import for_seller

TODAY = dt.datetime.now(dt.UTC).date()
SOURCE = "Tribunal de commerce de Paris"


async def quoted(client, tenant: Tenant, **fields: Any) -> dict[str, Any]:
    body = for_seller(tenant, quote_request(**fields))
    response = await client.post("/v1/quotes", headers=tenant.headers, json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def covered(client, tenant: Tenant, product_id: str, **fields: Any) -> dict[str, Any]:
    """A cover bound (and paid with a test card: active) under ``product_id`` on the buyer of
    ``fields`` (a new buyer unless ``registration_number`` is given)."""
    fields.setdefault("registration_number", registration_number())
    quote = await quoted(client, tenant, **fields)
    offer = next(o for o in quote["offers"] if o["product"] == product_id)
    response = await client.post(
        "/v1/covers",
        headers=tenant.headers,
        json={"quote": quote["id"], "offer": offer["id"], "payment_method": "pm_card_visa"},
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def post_signal(
    client, tenant: Tenant, buyer_id: str, signal_type: str, **fields: Any
) -> Any:
    body = {"type": signal_type, "effective_on": TODAY.isoformat(), "source": SOURCE, **fields}
    return await client.post(
        f"/v1/buyers/{buyer_id}/signals",
        headers=tenant.headers | {"Idempotency-Key": secrets.token_hex(8)},
        json=body,
    )


async def signalled(
    client, tenant: Tenant, buyer_id: str, signal_type: str, **fields: Any
) -> dict[str, Any]:
    response = await post_signal(client, tenant, buyer_id, signal_type, **fields)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def post_limit(
    client, tenant: Tenant, buyer_id: str, product_id: str, amount: int, currency: str = "EUR"
) -> Any:
    return await client.post(
        f"/v1/buyers/{buyer_id}/limits",
        headers=tenant.headers,
        json={"product": product_id, "currency": currency, "amount": amount},
    )


async def limited(
    client, tenant: Tenant, buyer_id: str, product_id: str, amount: int
) -> dict[str, Any]:
    response = await post_limit(client, tenant, buyer_id, product_id, amount)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def buyer_of(client, tenant: Tenant, buyer_id: str) -> dict[str, Any]:
    response = await client.get(f"/v1/buyers/{buyer_id}", headers=tenant.headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def alerts_seen(client, tenant: Tenant, buyer_id: str) -> list[dict[str, Any]]:
    """The ``buyer.alert`` events about the buyer that ``tenant`` may read, oldest first."""
    response = await client.get(
        "/v1/events",
        headers=tenant.headers,
        params={"type": "buyer.alert", "object": buyer_id, "limit": 100},
    )
    assert response.status_code == 200, response.text
    return list(reversed(response.json()["data"]))
