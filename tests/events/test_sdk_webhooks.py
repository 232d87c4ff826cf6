"""``marketplace_sdk.webhooks.verify`` accepts what the reference Standard Webhooks library
signs (one secret, or two during a rotation) and refuses anything changed, late or malformed;
and it verifies what the worker really sends."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime

import pytest
import standardwebhooks
from marketplace_sdk.webhooks import Event, WebhookVerificationError, verify

from tests.events.delivery_helpers import add_endpoint, new_secret, record_event, worker_on
from tests.events.receiver import receiving

EVENT = {
    "id": "evt_01jd0000000000000000000000",
    "object": "event",
    "type": "cover.activated",
    "created": "2026-12-01T09:00:00Z",
    "livemode": False,
    "account": "acct_01jd0000000000000000000000",
    "sequence": 3,
    "data": {"object": {"id": "cov_1", "status": "active"}, "previous_attributes": None},
}
BODY = json.dumps(EVENT).encode()


def _signed(body: bytes, *secrets: str, at: float | None = None) -> dict[str, str]:
    """Headers as the reference library signs them, one signature per secret."""
    moment = datetime.fromtimestamp(time.time() if at is None else at, tz=UTC)
    signatures = [
        standardwebhooks.Webhook(secret).sign(EVENT["id"], moment, body.decode())
        for secret in secrets
    ]
    return {
        "Webhook-Id": EVENT["id"],
        "Webhook-Timestamp": str(int(moment.timestamp())),
        "Webhook-Signature": " ".join(signatures),
    }


def test_a_signed_event_is_verified_and_typed():
    secret = new_secret()
    event = verify(BODY, _signed(BODY, secret), secret)
    assert isinstance(event, Event)
    assert (event.id, event.type, event.sequence) == (EVENT["id"], "cover.activated", 3)
    assert event.created == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert event.data.object == {"id": "cov_1", "status": "active"}
    assert event.data.previous_attributes is None
    assert verify(BODY.decode(), _signed(BODY, secret), secret) == event  # str body too


def test_during_a_rotation_either_secret_verifies():
    old, new = new_secret(), new_secret()
    headers = _signed(BODY, new, old)
    assert verify(BODY, headers, old) == verify(BODY, headers, new)
    with pytest.raises(WebhookVerificationError):
        verify(BODY, headers, new_secret())


def test_a_changed_body_is_refused():
    secret = new_secret()
    headers = _signed(BODY, secret)
    with pytest.raises(WebhookVerificationError, match="no signature matches"):
        verify(BODY.replace(b'"sequence": 3', b'"sequence": 4'), headers, secret)


@pytest.mark.parametrize("age_s", [-400, 400])
def test_a_timestamp_outside_the_tolerance_is_refused(age_s):
    secret = new_secret()
    headers = _signed(BODY, secret, at=time.time() - age_s)
    with pytest.raises(WebhookVerificationError, match="tolerance"):
        verify(BODY, headers, secret)
    assert verify(BODY, headers, secret, tolerance_s=600).id == EVENT["id"]


@pytest.mark.parametrize(
    ("header", "value", "message"),
    [
        ("Webhook-Signature", None, "missing"),
        ("Webhook-Id", None, "missing"),
        ("Webhook-Timestamp", None, "missing"),
        ("Webhook-Timestamp", "yesterday", "unix seconds"),
        ("Webhook-Signature", "v1", "malformed"),
        ("Webhook-Signature", "v1,not*base64", "base64"),
        ("Webhook-Signature", "v2,c2lnbmF0dXJl", "no v1 signature"),
    ],
)
def test_a_missing_or_malformed_header_is_refused(header, value, message):
    secret = new_secret()
    headers = _signed(BODY, secret)
    if value is None:
        del headers[header]
    else:
        headers[header] = value
    with pytest.raises(WebhookVerificationError, match=message):
        verify(BODY, headers, secret)


def test_an_unknown_signature_version_beside_a_good_one_is_ignored():
    secret = new_secret()
    headers = _signed(BODY, secret)
    headers["Webhook-Signature"] = "v2,c2lnbmF0dXJl " + headers["Webhook-Signature"]
    assert verify(BODY, headers, secret).id == EVENT["id"]


async def test_it_verifies_what_the_worker_sends(database, new_tenant):
    platform = await new_tenant("platform")
    async with receiving() as receiver:
        endpoint = await add_endpoint(database, platform.account_id, receiver.url())
        sent = await record_event(database, platform.account_id)
        async with worker_on(database) as worker:
            await worker.run_once()
    (received,) = receiver.received
    event = verify(received.body, received.headers, endpoint.secret)
    assert (event.id, event.type, event.sequence) == (sent.id, sent.type, sent.sequence)
    assert event.data.object == sent.data["object"]
