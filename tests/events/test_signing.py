"""Signatures are Standard Webhooks 1.0, checked here only with the reference library
(``standardwebhooks``): one signature normally, two while a rotated secret overlaps."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
import standardwebhooks

from marketplace.events import signing
from tests.events.delivery_helpers import (
    START,
    Clock,
    add_endpoint,
    new_secret,
    record_event,
    verified,
    worker_on,
)
from tests.events.receiver import Received, Reply, receiving

BODY = b'{"id":"evt_1","object":"event","type":"cover.activated"}'


def _check(secret: str, headers: dict[str, str], body: bytes = BODY) -> object:
    return standardwebhooks.Webhook(secret).verify(body, headers)


def test_one_secret_signs_and_the_reference_library_verifies_it():
    secret = new_secret()
    headers = signing.signature_headers([secret], "evt_1", int(time.time()), BODY)

    assert _check(secret, headers) == {"id": "evt_1", "object": "event", "type": "cover.activated"}
    assert headers["webhook-id"] == "evt_1"
    assert headers["webhook-signature"].startswith("v1,")
    assert " " not in headers["webhook-signature"]


def test_another_secret_a_changed_body_or_an_old_timestamp_do_not_verify():
    secret = new_secret()
    headers = signing.signature_headers([secret], "evt_1", int(time.time()), BODY)
    stale = signing.signature_headers([secret], "evt_1", int(time.time()) - 600, BODY)

    for wrong in (
        lambda: _check(new_secret(), headers),
        lambda: _check(secret, headers, BODY.replace(b"activated", b"cancelled")),
        lambda: _check(secret, stale),
    ):
        with pytest.raises(standardwebhooks.webhooks.WebhookVerificationError):
            wrong()


def test_during_a_rotation_both_secrets_sign_and_either_verifies():
    old, new = new_secret(), new_secret()
    chosen = signing.signing_secrets(new, old, START + timedelta(hours=1), START)
    headers = signing.signature_headers(chosen, "evt_1", int(time.time()), BODY)

    assert chosen == (new, old)
    assert len(headers["webhook-signature"].split(" ")) == 2
    assert _check(old, headers) == _check(new, headers)


def test_once_the_overlap_ends_only_the_new_secret_signs():
    old, new = new_secret(), new_secret()
    assert signing.signing_secrets(new, old, START, START) == (new,)
    assert signing.signing_secrets(new, old, None, START) == (new,)
    assert signing.signing_secrets(new, None, None, START) == (new,)


async def test_a_rotating_endpoint_gets_both_signatures_until_the_old_secret_expires(
    database, new_tenant
):
    old, new = new_secret(), new_secret()
    answers = iter([Reply(500), Reply(200)])

    async def respond(_: Received) -> Reply:
        return next(answers)

    platform = await new_tenant("platform")
    clock = Clock()
    async with receiving(respond) as receiver:
        await add_endpoint(
            database,
            platform.account_id,
            receiver.url(),
            secret=new,
            previous_secret=old,
            previous_secret_expires_at=START + timedelta(minutes=1),
        )
        await record_event(database, platform.account_id)
        async with worker_on(database, clock) as worker:
            await worker.run_once()  # fails: due again 5 s later, still in the overlap
            clock.advance(seconds=5)
            await worker.run_once()
            clock.advance(minutes=1)  # the overlap is over
            await record_event(database, platform.account_id)
            answers = iter([Reply(200)])
            await worker.run_once()

    first, retry, later = receiver.received
    assert first.webhook_id == retry.webhook_id  # the same id on every retry
    for received in (first, retry):
        assert verified(received, old) == verified(received, new)
    assert len(later.headers["webhook-signature"].split(" ")) == 1
    assert verified(later, new)["id"] == later.webhook_id
    with pytest.raises(standardwebhooks.webhooks.WebhookVerificationError):
        verified(later, old)
