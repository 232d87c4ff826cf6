"""Building covers the way an integrator does: quote, then bind an offer."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import select

from marketplace.models import BuyerExposure
from tests.factories import quote_request
from tests.fixtures.market import for_seller
from tests.fixtures.stripe_payloads import payment_intent, post_event


async def quoted(client, tenant, body=None) -> dict[str, Any]:
    """A quote by ``tenant`` (a platform's names its seller, ``tenant.seller``)."""
    body = for_seller(tenant, body or quote_request())
    response = await client.post("/v1/quotes", headers=tenant.headers, json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def bind(client, tenant, quote, offer=None, **extra) -> Any:
    chosen = offer or quote["offers"][0]
    return await client.post(
        "/v1/covers",
        headers=tenant.headers,
        json={"quote": quote["id"], "offer": chosen["id"], **extra},
    )


async def bound(client, tenant, body=None, **extra) -> dict[str, Any]:
    response = await bind(client, tenant, await quoted(client, tenant, body), **extra)
    assert response.status_code == 201, response.text
    return dict(response.json())


def intent_of(cover: dict[str, Any], status: str = "succeeded", **fields: Any) -> dict[str, Any]:
    """The cover's PaymentIntent as a Stripe event carries it."""
    own = {
        "id": cover["payment"]["payment_intent"],
        "amount": cover["premium"],
        "currency": cover["currency"].lower(),
        "metadata": {"cover_id": cover["id"], "quote_id": cover["quote"]},
    }
    return payment_intent(status, **(own | fields))


async def pay_at_stripe(gateway, cover, card: str = "pm_card_visa") -> Any:
    """The payer's front end confirms the cover's PaymentIntent with a card (as Stripe.js
    does with the ``client_secret``): Stripe really charges it."""
    return await gateway.confirm_payment_intent(
        cover["payment"]["payment_intent"],
        idempotency_key=secrets.token_hex(8),
        payment_method=card,
    )


async def notify(
    client, event_type: str, cover, *, event_id: str | None = None, **fields: Any
) -> Any:
    """Stripe's signed webhook about the cover's PaymentIntent (its body may say anything:
    the API reads the PaymentIntent back from Stripe)."""
    envelope = {} if event_id is None else {"id": event_id}
    return await post_event(client, event_type, intent_of(cover, **fields), **envelope)


async def paid(client, gateway, cover) -> Any:
    """The premium paid at Stripe, and Stripe's webhook about it delivered."""
    await pay_at_stripe(gateway, cover)
    return await notify(client, "payment_intent.succeeded", cover)


async def read(client, tenant, cover) -> dict[str, Any]:
    return dict((await client.get(f"/v1/covers/{cover['id']}", headers=tenant.headers)).json())


async def exposure_of(database, cover) -> int:
    """The buyer's exposure under the cover's product, as stored."""
    async with database.reader_session() as session:
        query = select(BuyerExposure.exposure_minor).where(
            BuyerExposure.buyer_id == cover["buyer"], BuyerExposure.product_id == cover["product"]
        )
        return int((await session.execute(query)).scalar_one_or_none() or 0)
