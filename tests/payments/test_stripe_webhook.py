"""POST /v1/webhooks/stripe: signature checks, the object read back from Stripe, the
allowlist, the inbox, dispatch once; malformed, unknown and other-mode events acknowledged and
recorded without acting."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.app import create_app
from marketplace.config import load_settings
from marketplace.models.payments import StripeEvent
from marketplace.payments.views import StripeEventView
from tests.fixtures.stripe_payloads import (
    body_of,
    event,
    payment_intent,
    refunded_charge,
    signature,
)
from tests.helpers import started

URL = "/v1/webhooks/stripe"


class Recorder:
    """A handler that remembers the events it was given."""

    def __init__(self, fail: bool = False) -> None:
        self.events: list[StripeEventView] = []
        self.fail = fail

    async def __call__(self, session: AsyncSession, stripe_event: StripeEventView) -> None:
        self.events.append(stripe_event)
        if self.fail:
            raise RuntimeError("the handler broke")


async def deliver(client: httpx.AsyncClient, body: bytes, header: str | None) -> httpx.Response:
    headers = {"Content-Type": "application/json; charset=utf-8"}
    if header is not None:
        headers["Stripe-Signature"] = header
    return await client.post(URL, content=body, headers=headers)


def stored(event_id: str) -> Any:
    return StripeEvent.id == event_id


async def test_a_signed_event_is_stored_and_handled_once(
    stripe_client, handlers, count_rows, paid_intent
):
    recorder = handlers["payment_intent.succeeded"] = Recorder()
    intent = paid_intent | {"amount": 1, "currency": "usd"}  # what the body says is not used
    succeeded = event("payment_intent.succeeded", intent)
    body = body_of(succeeded)

    response = await deliver(stripe_client, body, signature(body))

    assert response.status_code == 200
    assert response.json() == {
        "event": succeeded["id"],
        "type": "payment_intent.succeeded",
        "outcome": "processed",
        "received": True,
    }
    assert await count_rows(StripeEvent, stored(succeeded["id"])) == 1
    [seen] = recorder.events
    assert (seen.id, seen.type, seen.livemode) == (succeeded["id"], succeeded["type"], False)
    assert seen.created.timestamp() == succeeded["created"]
    view = seen.payment_intent()
    assert (view.id, view.status, view.amount_minor, view.currency) == (
        intent["id"],
        "succeeded",
        4219,
        "EUR",
    )
    assert view.metadata == {"cover_id": "cov_1"}


async def test_a_duplicate_or_replayed_delivery_changes_nothing(
    stripe_client, handlers, count_rows, paid_intent
):
    recorder = handlers["payment_intent.succeeded"] = Recorder()
    body = body_of(event("payment_intent.succeeded", paid_intent))

    first = await deliver(stripe_client, body, signature(body))
    again = await deliver(stripe_client, body, signature(body, timestamp=int(time.time()) - 5))

    assert first.json()["outcome"] == "processed"
    assert again.status_code == 200
    assert again.json()["outcome"] == "duplicate"
    assert len(recorder.events) == 1
    assert await count_rows(StripeEvent, stored(first.json()["event"])) == 1


async def test_simultaneous_deliveries_of_one_event_run_the_handler_once(
    stripe_client, handlers, count_rows, paid_intent
):
    recorder = handlers["payment_intent.payment_failed"] = Recorder()
    body = body_of(event("payment_intent.payment_failed", paid_intent))
    header = signature(body)

    answers = await asyncio.gather(*(deliver(stripe_client, body, header) for _ in range(8)))

    assert all(answer.status_code == 200 for answer in answers)
    outcomes = sorted(answer.json()["outcome"] for answer in answers)
    assert outcomes == ["duplicate"] * 7 + ["processed"]
    assert len(recorder.events) == 1
    assert await count_rows(StripeEvent, stored(answers[0].json()["event"])) == 1


async def test_a_failing_handler_answers_500_keeps_nothing_and_the_retry_is_processed(
    stripe_client, handlers, count_rows, paid_intent
):
    handlers["payment_intent.canceled"] = Recorder(fail=True)
    canceled = event("payment_intent.canceled", paid_intent)
    body = body_of(canceled)

    failed = await deliver(stripe_client, body, signature(body))

    assert failed.status_code == 500
    assert failed.headers["content-type"].startswith("application/problem+json")
    assert failed.json()["code"] == "internal_error"
    assert await count_rows(StripeEvent, stored(canceled["id"])) == 0

    recorder = handlers["payment_intent.canceled"] = Recorder()
    retried = await deliver(stripe_client, body, signature(body))

    assert retried.json()["outcome"] == "processed"
    assert [seen.id for seen in recorder.events] == [canceled["id"]]
    assert await count_rows(StripeEvent, stored(canceled["id"])) == 1


async def test_an_event_type_outside_the_allowlist_is_acknowledged_and_ignored(
    stripe_client, handlers, count_rows
):
    recorder = handlers["payment_intent.succeeded"] = Recorder()
    created = event("payment_intent.created", payment_intent("requires_payment_method"))
    body = body_of(created)

    response = await deliver(stripe_client, body, signature(body))

    assert response.status_code == 200
    assert response.json()["outcome"] == "ignored"
    assert recorder.events == []
    assert await count_rows(StripeEvent, stored(created["id"])) == 0


async def test_an_allowlisted_type_without_handler_is_stored_and_acknowledged(
    stripe_client, handlers, count_rows, paid_intent, gateway
):
    charge_id = (await gateway.retrieve_payment_intent(paid_intent["id"])).latest_charge_id
    refunded = event("charge.refunded", refunded_charge(id=charge_id))
    body = body_of(refunded)

    first = await deliver(stripe_client, body, signature(body))
    again = await deliver(stripe_client, body, signature(body))

    assert first.status_code == 200
    assert first.json()["outcome"] == "recorded"
    assert again.json()["outcome"] == "duplicate"
    assert await count_rows(StripeEvent, stored(refunded["id"])) == 1


def _tampered(body: bytes) -> tuple[bytes, str | None]:
    tampered = body.replace(b'"amount": 4219', b'"amount": 1')
    assert tampered != body
    return tampered, signature(body)


REFUSALS = {
    "tampered body": _tampered,
    "wrong secret": lambda body: (body, signature(body, secret="whsec_someone_else")),
    "stale timestamp": lambda body: (body, signature(body, timestamp=int(time.time()) - 301)),
    "missing header": lambda body: (body, None),
    "malformed header": lambda body: (body, "t=soon,v1=abc"),
    "other scheme only": lambda body: (body, signature(body).replace("v1=", "v0=")),
}


@pytest.mark.parametrize("forge", REFUSALS.values(), ids=REFUSALS.keys())
async def test_a_delivery_that_does_not_verify_is_refused_and_changes_nothing(
    stripe_client, handlers, count_rows, forge
):
    recorder = handlers["payment_intent.succeeded"] = Recorder()
    succeeded = event("payment_intent.succeeded", payment_intent())
    body, header = forge(body_of(succeeded))
    assert b'"type": "payment_intent.succeeded"' in body

    response = await deliver(stripe_client, body, header)

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["code"] == "invalid_signature"
    assert "whsec_" not in response.text
    assert recorder.events == []
    assert await count_rows(StripeEvent, stored(succeeded["id"])) == 0


async def test_a_signature_made_within_the_tolerance_is_accepted(stripe_client, handlers):
    body = body_of(event("payment_intent.succeeded", payment_intent()))

    for seconds in (-280, 280):
        header = signature(body, timestamp=int(time.time()) + seconds)
        assert (await deliver(stripe_client, body, header)).status_code == 200


async def test_a_signature_dated_beyond_the_tolerance_in_the_future_is_refused(
    stripe_client, handlers, count_rows
):
    succeeded = event("payment_intent.succeeded", payment_intent())
    body = body_of(succeeded)

    response = await deliver(stripe_client, body, signature(body, timestamp=int(time.time()) + 301))

    assert (response.status_code, response.json()["code"]) == (400, "invalid_signature")
    assert await count_rows(StripeEvent, stored(succeeded["id"])) == 0


MALFORMED = {
    "no object": {"data": {}},
    "no data": {"data": None},
    "object without id": {"data": {"object": {"object": "payment_intent", "amount": "x"}}},
    "id of the wrong type": {"data": {"object": {"object": "payment_intent", "id": 42}}},
    "object of another kind": {"data": {"object": {"object": "charge", "id": "ch_1"}}},
    "object not a mapping": {"data": {"object": ["pi_1"]}},
}


@pytest.mark.parametrize("fields", MALFORMED.values(), ids=MALFORMED.keys())
async def test_a_signed_but_malformed_event_is_recorded_and_acknowledged_once(
    stripe_client, handlers, count_rows, fields
):
    recorder = handlers["payment_intent.succeeded"] = Recorder()
    malformed = event("payment_intent.succeeded", payment_intent()) | fields
    body = body_of(malformed)

    first = await deliver(stripe_client, body, signature(body))
    again = await deliver(stripe_client, body, signature(body))

    assert (first.status_code, first.json()["outcome"]) == (200, "malformed")
    assert again.json()["outcome"] == "duplicate"
    assert recorder.events == []
    assert (
        await count_rows(StripeEvent, stored(malformed["id"]), StripeEvent.outcome == "malformed")
        == 1
    )


async def test_when_stripe_cannot_be_asked_nothing_is_stored_and_stripe_retries(
    stripe_client, handlers, count_rows, paid_intent, lose_stripe_answers
):
    recorder = handlers["payment_intent.succeeded"] = Recorder()
    lose_stripe_answers(lambda request: request.method == "GET", 3)  # a read and its 2 retries
    succeeded = event("payment_intent.succeeded", paid_intent)
    body = body_of(succeeded)

    failed = await deliver(stripe_client, body, signature(body))
    retried = await deliver(stripe_client, body, signature(body))

    assert (failed.status_code, failed.json()["code"]) == (502, "payment_provider_error")
    assert retried.json()["outcome"] == "processed"
    assert len(recorder.events) == 1
    assert await count_rows(StripeEvent, stored(succeeded["id"])) == 1


NOT_EVENTS = {
    "no id": {"id": None},
    "id of the wrong type": {"id": 7},
    "created not a number": {"created": "yesterday"},
    "livemode not a boolean": {"livemode": "no"},
    "type missing": {"type": None},
}


@pytest.mark.parametrize("fields", NOT_EVENTS.values(), ids=NOT_EVENTS.keys())
async def test_a_signed_body_that_is_not_an_event_is_refused(stripe_client, count_rows, fields):
    values = event("payment_intent.succeeded", payment_intent()) | fields
    body = body_of({k: v for k, v in values.items() if v is not None})

    response = await deliver(stripe_client, body, signature(body))

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "invalid_event"
    assert await count_rows(StripeEvent) == 0


async def test_without_a_webhook_secret_deliveries_are_refused_for_a_later_retry(settings):
    body = body_of(event("payment_intent.succeeded", payment_intent()))
    app = create_app(
        load_settings(
            {},
            database_url=settings.database_url,
            stripe_secret_key=settings.stripe_secret_key,
            stripe_api_base=settings.stripe_api_base,
        )
    )

    async with (
        started(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver.local"
        ) as client,
    ):
        response = await deliver(client, body, signature(body))

    assert response.status_code == 503
    assert response.json()["code"] == "webhook_not_configured"


async def test_the_endpoint_needs_no_api_key_and_is_not_in_the_public_schema(
    stripe_client, handlers, paid_intent
):
    body = body_of(event("payment_intent.succeeded", paid_intent))
    response = await deliver(stripe_client, body, signature(body))
    schema = (await stripe_client.get("/schema/openapi.json")).json()

    assert response.status_code == 200
    assert not any(path.startswith("/v1/webhooks") for path in schema["paths"])
