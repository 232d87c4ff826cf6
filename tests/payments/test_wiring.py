"""The app-level gateway: opened by a lifespan, handed to handlers as a dependency."""

from __future__ import annotations

import httpx
from litestar import Litestar, get
from litestar.datastructures import State
from litestar.params import FromPath

from marketplace.config import Settings, load_settings
from marketplace.errors import EXCEPTION_HANDLERS
from marketplace.payments.localstripe import LOCALSTRIPE_SECRET_KEY
from marketplace.payments.wiring import (
    STRIPE_GATEWAY_DEPENDENCY,
    PaymentGateway,
    stripe_gateway_lifespan,
)
from tests.helpers import started


@get("/intents/{intent_id:str}", dependencies={"stripe_gateway": STRIPE_GATEWAY_DEPENDENCY})
async def intent_status(intent_id: FromPath[str], stripe_gateway: PaymentGateway) -> dict[str, str]:
    return {"status": (await stripe_gateway.retrieve_payment_intent(intent_id)).status}


async def call(settings: Settings, path: str) -> httpx.Response:
    app = Litestar(
        route_handlers=[intent_status],
        lifespan=[stripe_gateway_lifespan],
        exception_handlers=EXCEPTION_HANDLERS,
        state=State({"settings": settings}),
    )
    transport = httpx.ASGITransport(app=app)
    async with (
        started(app),
        httpx.AsyncClient(transport=transport, base_url="http://test") as client,
    ):
        return await client.get(path)


async def test_handlers_get_the_apps_gateway(localstripe, gateway):
    created = await gateway.create_payment_intent(
        amount_minor=100,
        currency="EUR",
        metadata={},
        idempotency_key="wiring",
        payment_method="pm_card_visa",
    )
    paid = await gateway.confirm_payment_intent(created.id, idempotency_key="wiring-confirm")
    settings = load_settings(
        {}, stripe_secret_key=LOCALSTRIPE_SECRET_KEY, stripe_api_base=localstripe.api_base
    )

    response = await call(settings, f"/intents/{paid.id}")

    assert response.json() == {"status": "succeeded"}


async def test_without_a_key_asking_for_the_gateway_is_a_503():
    response = await call(load_settings({}), "/intents/pi_1")

    assert response.status_code == 503
    assert response.json()["code"] == "payments_not_configured"
