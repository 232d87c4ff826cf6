"""A payment method Stripe does not know is the caller's mistake: 422 ``payment_method_invalid``
naming ``payment_method`` (a retry can never work, so never a 502), and nothing is left half
done: the cover is not left pending, its capacity is given back, and the quote can be bound."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from marketplace.payments.gateway import StripeGateway
from tests.covers.helpers import bind, exposure_of, quoted
from tests.helpers import assert_problem
from tests.payments.faults import stripe_error


async def _covers_on(client, tenant, buyer: str) -> list[dict[str, Any]]:
    listed = await client.get("/v1/covers", headers=tenant.headers, params={"buyer": buyer})
    assert listed.status_code == 200, listed.text
    return list(listed.json()["data"])


async def _nothing_left_half_done(client, database, tenant, quote) -> None:
    covers = await _covers_on(client, tenant, quote["buyer"])
    assert [c["status"] for c in covers] == ["payment_failed"]
    assert await exposure_of(database, covers[0]) == 0
    reread = await client.get(f"/v1/quotes/{quote['id']}", headers=tenant.headers)
    assert reread.json()["status"] == "quoted"
    again = await bind(client, tenant, quote, payment_method="pm_card_visa")
    assert (again.status_code, again.json()["status"]) == (201, "active"), again.text


async def test_an_unknown_payment_method_at_bind_is_422_and_leaves_nothing_pending(
    client, market, database
):
    quote = await quoted(client, market.platform)

    response = await bind(client, market.platform, quote, payment_method="pm_nobody_knows")

    problem = assert_problem(response, 422, "payment_method_invalid", param="payment_method")
    assert "pm_nobody_knows" in problem["detail"]
    await _nothing_left_half_done(client, database, market.platform, quote)


async def test_an_unknown_payment_method_for_a_waiting_cover_fails_it_and_frees_capacity(
    client, market, database
):
    quote = await quoted(client, market.platform)
    waiting = await bind(client, market.platform, quote)
    assert waiting.json()["status"] == "pending_payment"

    response = await bind(client, market.platform, quote, payment_method="pm_nobody_knows")

    assert_problem(response, 422, "payment_method_invalid", param="payment_method")
    await _nothing_left_half_done(client, database, market.platform, quote)


class StripeAnswers(httpx.AsyncBaseTransport):
    """Forward everything to the embedded Stripe except the requests ``rule`` picks, which get
    ``status`` and ``body`` (Stripe's documented error shape) without Stripe acting."""

    def __init__(self, rule: Callable[[httpx.Request], bool], status: int, body: Any) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._rule, self._status, self._body = rule, status, body

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self._rule(request):
            return await self._inner.handle_async_request(request)
        return httpx.Response(self._status, json=self._body, headers={"request-id": "req_x"})

    async def aclose(self) -> None:
        await self._inner.aclose()


@pytest.fixture
async def stripe_answers(running_app, settings, monkeypatch) -> AsyncIterator[Any]:
    """``answer(rule, status, body)``: from now on Stripe answers what ``rule`` picks so."""
    opened: list[StripeGateway] = []

    def answer(rule: Callable[[httpx.Request], bool], status: int, body: Any) -> None:
        transport = StripeAnswers(rule, status, body)
        gateway = StripeGateway.from_settings(settings, transport=transport)
        opened.append(gateway)
        monkeypatch.setitem(running_app.state, "stripe_gateway", gateway)

    yield answer
    for gateway in opened:
        await gateway.close()


def _creates_payment_intents(request: httpx.Request) -> bool:
    return request.method == "POST" and request.url.path == "/v1/payment_intents"


@pytest.mark.parametrize("status", [400, 404])
async def test_stripes_documented_no_such_payment_method_is_422(
    client, market, database, stripe_answers, status
):
    """Stripe answers an unknown ``payment_method`` with ``resource_missing`` naming the
    parameter (https://docs.stripe.com/api/errors), which localstripe does not word so."""
    quote = await quoted(client, market.platform)
    missing = stripe_error(
        "resource_missing", "No such PaymentMethod: 'pm_1Gone'", param="payment_method"
    )
    stripe_answers(_creates_payment_intents, status, missing)

    response = await bind(client, market.platform, quote, payment_method="pm_1Gone")

    assert_problem(response, 422, "payment_method_invalid", param="payment_method")
    [cover] = await _covers_on(client, market.platform, quote["buyer"])
    assert cover["status"] == "payment_failed"
    assert await exposure_of(database, cover) == 0


async def test_another_missing_object_is_still_the_providers_error(
    client, market, database, stripe_answers
):
    """Only the payment method is the caller's to fix: Stripe missing another object is a 502,
    with the capacity given back all the same."""
    quote = await quoted(client, market.platform)
    missing = stripe_error("resource_missing", "No such customer: 'cus_1'", param="customer")
    stripe_answers(_creates_payment_intents, 400, missing)

    response = await bind(client, market.platform, quote, payment_method="pm_card_visa")

    assert_problem(response, 502, "payment_provider_error")
    [cover] = await _covers_on(client, market.platform, quote["buyer"])
    assert cover["status"] == "payment_failed"
    assert await exposure_of(database, cover) == 0
