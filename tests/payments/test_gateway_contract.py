"""The gateway's requests and its reading of answers, against Stripe's documented shapes
(what localstripe does not do: real card errors, 3-D Secure, outages, the API version)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import stripe

from marketplace.config import load_settings
from marketplace.payments.gateway import (
    STRIPE_API_VERSION,
    PaymentMethodRejected,
    PaymentProviderError,
    PaymentsNotConfigured,
    StripeGateway,
)
from marketplace.payments.http import AsyncHttpxClient
from tests.fixtures.stripe_payloads import (
    card_declined_error,
    new_id,
    payment_intent,
    three_d_secure_required,
)
from tests.payments.faults import stripe_error

SECRET_KEY = "sk_test_contract"


class FakeStripe:
    """Answers each request with the next queued reply, and keeps the requests."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.replies: list[tuple[int, Any] | Exception] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        status, body = reply
        return httpx.Response(status, json=body, headers={"request-id": "req_fake"})


def form(request: httpx.Request) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(request.content.decode()).items()}


@pytest.fixture
def fake_stripe(monkeypatch: pytest.MonkeyPatch) -> FakeStripe:
    async def no_wait(_self: AsyncHttpxClient, _secs: float) -> None:
        return None

    monkeypatch.setattr(AsyncHttpxClient, "sleep_async", no_wait)  # retries without backoff
    return FakeStripe()


@pytest.fixture
async def gateway(fake_stripe: FakeStripe) -> AsyncIterator[StripeGateway]:
    settings = load_settings({}, stripe_secret_key=SECRET_KEY)
    stripe_gateway = StripeGateway.from_settings(
        settings, transport=httpx.MockTransport(fake_stripe.handle)
    )
    yield stripe_gateway
    await stripe_gateway.close()


async def test_a_premium_is_asked_for_unconfirmed_as_stripe_documents(gateway, fake_stripe):
    fake_stripe.replies.append((200, payment_intent("requires_confirmation", amount=4219)))

    intent = await gateway.create_payment_intent(
        amount_minor=4219,
        currency="EUR",
        metadata={"cover_id": "cov_1"},
        idempotency_key="cov_1:premium",
        payment_method="pm_card_visa",
    )

    [request] = fake_stripe.requests
    assert (request.method, str(request.url)) == (
        "POST",
        "https://api.stripe.com/v1/payment_intents",
    )
    assert request.headers["Authorization"] == f"Bearer {SECRET_KEY}"
    assert request.headers["Stripe-Version"] == STRIPE_API_VERSION
    assert request.headers["Idempotency-Key"] == "cov_1:premium"
    assert form(request) == {
        "amount": "4219",
        "currency": "eur",
        "metadata[cover_id]": "cov_1",
        "allowed_payment_method_types[0]": "card",
        "payment_method": "pm_card_visa",
    }
    assert (intent.status, intent.currency) == ("requires_confirmation", "EUR")


async def test_a_confirmation_charges_with_its_own_key(gateway, fake_stripe):
    paid = payment_intent("succeeded", amount=4219, amount_received=4219, livemode=False)
    fake_stripe.replies.append((200, paid))

    intent = await gateway.confirm_payment_intent(paid["id"], idempotency_key="cov_1:confirm")

    [request] = fake_stripe.requests
    assert str(request.url) == f"https://api.stripe.com/v1/payment_intents/{paid['id']}/confirm"
    assert request.headers["Idempotency-Key"] == "cov_1:confirm"
    assert (intent.status, intent.collected_minor, intent.livemode) == ("succeeded", 4219, False)


async def test_a_new_card_is_attached_before_the_confirmation(gateway, fake_stripe):
    waiting = payment_intent("requires_confirmation")
    fake_stripe.replies.extend([(200, waiting), (200, waiting | {"status": "succeeded"})])

    await gateway.confirm_payment_intent(
        waiting["id"], idempotency_key="k", payment_method="pm_card_mastercard"
    )

    update, confirm = fake_stripe.requests
    assert str(update.url) == f"https://api.stripe.com/v1/payment_intents/{waiting['id']}"
    assert form(update) == {"payment_method": "pm_card_mastercard"}
    assert str(confirm.url).endswith("/confirm")


async def test_without_a_payment_method_nothing_is_attached(gateway, fake_stripe):
    fake_stripe.replies.append((200, payment_intent("requires_payment_method")))

    await gateway.create_payment_intent(
        amount_minor=100, currency="eur", metadata={}, idempotency_key="k"
    )

    sent = form(fake_stripe.requests[0])
    assert "confirm" not in sent
    assert "payment_method" not in sent


async def test_a_card_decline_is_read_from_the_error_without_another_call(gateway, fake_stripe):
    declined = payment_intent(
        "requires_payment_method",
        last_payment_error={"type": "card_error", "code": "card_declined"},
    )
    fake_stripe.replies.append((402, card_declined_error(declined)))

    intent = await gateway.confirm_payment_intent(declined["id"], idempotency_key="cov_2:confirm")

    assert len(fake_stripe.requests) == 1
    assert intent.id == declined["id"]
    assert (intent.status, intent.last_error_code) == ("requires_payment_method", "card_declined")
    assert intent.metadata == {"cover_id": "cov_test"}


async def test_a_card_needing_3d_secure_waits_for_the_payer(gateway, fake_stripe):
    pending = three_d_secure_required()
    fake_stripe.replies.append((200, pending))

    intent = await gateway.confirm_payment_intent(pending["id"], idempotency_key="k")

    assert intent.status == "requires_action"
    assert intent.client_secret == pending["client_secret"]
    assert intent.last_error_code is None


async def test_a_write_is_never_sent_twice_its_lost_outcome_is_reported(gateway, fake_stripe):
    """Stripe's idempotency keys last 24 h and the embedded Stripe ignores them: a write that
    got no answer is reported as such, for the caller to settle from its own state."""
    outage = {"error": {"type": "api_error", "message": "Internal error at Stripe (rack 7)"}}
    fake_stripe.replies.extend([(500, outage)] * 3)

    with pytest.raises(PaymentProviderError) as failed:
        await gateway.confirm_payment_intent("pi_3", idempotency_key="cov_3:confirm")

    assert len(fake_stripe.requests) == 1
    assert (failed.value.status_code, failed.value.code) == (502, "payment_provider_error")
    assert (failed.value.stripe_status, failed.value.outcome_unknown) == (500, True)
    assert "rack 7" not in failed.value.detail


async def test_a_read_is_retried_through_an_outage(gateway, fake_stripe):
    outage = {"error": {"type": "api_error", "message": "Internal error"}}
    fake_stripe.replies.extend([(500, outage), (500, outage), (200, payment_intent())])

    intent = await gateway.retrieve_payment_intent("pi_4")

    assert (len(fake_stripe.requests), intent.status) == (3, "succeeded")


async def test_an_unknown_payment_method_is_the_callers_mistake(gateway, fake_stripe):
    missing = stripe_error(
        "resource_missing", "No such PaymentMethod: 'pm_nope'", param="payment_method"
    )
    fake_stripe.replies.append((400, missing))

    with pytest.raises(PaymentMethodRejected) as refused:
        await gateway.create_payment_intent(
            amount_minor=100,
            currency="EUR",
            metadata={},
            idempotency_key="k",
            payment_method="pm_nope",
        )

    assert (refused.value.status_code, refused.value.param) == (422, "payment_method")


async def test_refunds_of_a_payment_intent_are_listed_with_their_metadata(gateway, fake_stripe):
    intent_id = new_id("pi")
    refund = {
        "id": new_id("re"),
        "object": "refund",
        "amount": 700,
        "currency": "eur",
        "metadata": {"refund_id": "rfd_1"},
        "payment_intent": intent_id,
        "status": "succeeded",
    }
    fake_stripe.replies.append(
        (200, {"object": "list", "data": [refund], "has_more": False, "url": "/v1/refunds"})
    )

    [found] = await gateway.refunds_of(intent_id)

    request = fake_stripe.requests[0]
    assert (request.method, request.url.params["payment_intent"]) == ("GET", intent_id)
    assert (found.id, found.amount_minor, found.metadata) == (
        refund["id"],
        700,
        {"refund_id": "rfd_1"},
    )


async def test_an_unreachable_stripe_is_reported_as_such(gateway, fake_stripe):
    fake_stripe.replies.extend([httpx.ConnectError("connection refused")] * 3)

    with pytest.raises(PaymentProviderError) as failed:
        await gateway.retrieve_payment_intent("pi_123")

    assert len(fake_stripe.requests) == 3
    assert failed.value.stripe_status is None
    assert "could not be reached" in failed.value.detail


async def test_a_bad_key_is_a_provider_error_not_a_crash(gateway, fake_stripe):
    fake_stripe.replies.append(
        (401, {"error": {"type": "invalid_request_error", "message": "Invalid API Key"}})
    )

    with pytest.raises(PaymentProviderError) as failed:
        await gateway.retrieve_payment_intent("pi_123")

    assert failed.value.stripe_status == 401
    assert "API Key" not in failed.value.detail


async def test_a_refused_cancel_carries_stripes_code(gateway, fake_stripe):
    refusal = stripe_error(
        "payment_intent_unexpected_state",
        "You cannot cancel this PaymentIntent because it has a status of succeeded.",
    )
    fake_stripe.replies.append((400, refusal))

    with pytest.raises(PaymentProviderError) as failed:
        await gateway.cancel_payment_intent("pi_123", idempotency_key="cov_4:cancel")

    assert failed.value.stripe_code == "payment_intent_unexpected_state"
    assert not failed.value.outcome_unknown
    request = fake_stripe.requests[0]
    assert str(request.url) == "https://api.stripe.com/v1/payment_intents/pi_123/cancel"
    assert request.headers["Idempotency-Key"] == "cov_4:cancel"


async def test_a_refund_is_asked_for_and_read_as_documented(gateway, fake_stripe):
    intent_id = new_id("pi")
    refund = {
        "id": new_id("re"),
        "object": "refund",
        "amount": 1500,
        "charge": new_id("ch"),
        "created": 1_790_000_000,
        "currency": "eur",
        "metadata": {"cover_id": "cov_5"},
        "payment_intent": intent_id,
        "reason": None,
        "status": "pending",
    }
    fake_stripe.replies.append((200, refund))

    view = await gateway.refund(
        payment_intent_id=intent_id,
        amount_minor=1500,
        idempotency_key="cov_5:refund",
        metadata={"cover_id": "cov_5"},
    )

    assert form(fake_stripe.requests[0]) == {
        "payment_intent": intent_id,
        "amount": "1500",
        "metadata[cover_id]": "cov_5",
    }
    assert (view.id, view.status, view.amount_minor, view.currency) == (
        refund["id"],
        "pending",
        1500,
        "EUR",
    )
    assert view.payment_intent_id == intent_id


async def test_the_api_base_setting_points_the_client_elsewhere(fake_stripe):
    settings = load_settings(
        {}, stripe_secret_key=SECRET_KEY, stripe_api_base="http://127.0.0.1:8420"
    )
    stripe_gateway = StripeGateway.from_settings(
        settings, transport=httpx.MockTransport(fake_stripe.handle)
    )
    fake_stripe.replies.append((200, payment_intent()))
    try:
        await stripe_gateway.retrieve_payment_intent("pi_1")
    finally:
        await stripe_gateway.close()

    sent = fake_stripe.requests[0].url
    assert (sent.scheme, sent.host, sent.port) == ("http", "127.0.0.1", 8420)
    assert sent.path == "/v1/payment_intents/pi_1"
    assert sent.params["expand[0]"] == "latest_charge"


def test_without_a_secret_key_there_is_no_gateway():
    with pytest.raises(PaymentsNotConfigured):
        StripeGateway.from_settings(load_settings({}))


def test_the_pinned_api_version_is_the_one_the_stripe_library_is_typed_for():
    # Bumping the stripe package changes its types: revisit the pin (and the changelog) then.
    assert stripe.api_version == STRIPE_API_VERSION
