"""Webhook endpoints through the API: register, read, change, delete, rotate the secret; the
secret is shown once; each account and mode sees only its own endpoints."""

from __future__ import annotations

import asyncio
import base64
from datetime import timedelta

import pytest
from sqlalchemy import update

from marketplace.events import service
from marketplace.kit.clock import utc_now
from marketplace.models import IdempotencyRecord, WebhookEndpoint
from tests.events.api_helpers import (
    PUBLIC_ADDRESS,
    PUBLIC_URL,
    add_delivery,
    add_event,
    create_endpoint,
    deliveries_to,
    endpoint_row,
    live_key,
    resolves_to,
    rows,
)
from tests.helpers import assert_problem

PATH = "/v1/webhook_endpoints"


async def test_concurrent_registrations_never_pass_the_limit(client, new_tenant, monkeypatch):
    """Each registration counts the account's endpoints with the account row locked, so two at
    once cannot both see room for one more."""
    monkeypatch.setattr(service, "MAX_ENABLED_ENDPOINTS", 2)
    seller = await new_tenant("seller")
    body = {"url": PUBLIC_URL, "enabled_events": ["*"]}
    answers = await asyncio.gather(
        *(client.post(PATH, headers=seller.headers, json=body) for _ in range(6))
    )
    assert sorted(a.status_code for a in answers) == [201, 201, 422, 422, 422, 422]
    listed = (await client.get(PATH, headers=seller.headers)).json()["data"]
    assert len(listed) == 2


def _is_standard_secret(secret: str) -> bool:
    prefix, _, encoded = secret.partition("_")
    return prefix == "whsec" and len(base64.b64decode(encoded, validate=True)) == 24


@pytest.mark.parametrize("role", ["platform", "seller", "insurer", "operator"])
async def test_every_role_registers_an_endpoint_and_sees_its_secret_once(
    client, new_tenant, database, role
):
    tenant = await new_tenant(role)
    body = {"url": PUBLIC_URL, "enabled_events": ["cover.activated", "cover.*"]}
    created = await client.post(PATH, headers=tenant.headers, json={**body, "description": "ERP"})

    assert created.status_code == 201, created.text
    endpoint = created.json()
    assert _is_standard_secret(endpoint["secret"])
    assert endpoint["secret_redacted"] is False
    assert (endpoint["object"], endpoint["livemode"], endpoint["account"]) == (
        "webhook_endpoint",
        False,
        tenant.account_id,
    )
    assert (endpoint["status"], endpoint["enabled_events"], endpoint["description"]) == (
        "enabled",
        ["cover.activated", "cover.*"],
        "ERP",
    )
    # stored as is: the worker signs with it
    assert (await endpoint_row(database, endpoint["id"])).secret == endpoint["secret"]
    read = await client.get(f"{PATH}/{endpoint['id']}", headers=tenant.headers)
    listed = await client.get(PATH, headers=tenant.headers)
    assert read.json()["secret"] is None
    assert [e["id"] for e in listed.json()["data"]] == [endpoint["id"]]
    assert endpoint["secret"] not in read.text + listed.text


async def test_a_replayed_creation_has_no_secret_and_none_is_kept_with_the_key(
    client, new_tenant, database
):
    platform = await new_tenant("platform")
    headers = {**platform.headers, "Idempotency-Key": "endpoint-once"}
    body = {"url": PUBLIC_URL, "enabled_events": ["*"]}
    first = await client.post(PATH, headers=headers, json=body)
    again = await client.post(PATH, headers=headers, json=body)

    secret = first.json()["secret"]
    assert (again.status_code, again.headers["idempotent-replayed"]) == (201, "true")
    assert (again.json()["secret"], again.json()["secret_redacted"]) == (None, True)
    assert again.json()["id"] == first.json()["id"]
    (record,) = await rows(database, IdempotencyRecord, IdempotencyRecord.key == "endpoint-once")
    assert secret.encode() not in record.response_body
    assert [e.id for e in await rows(database, WebhookEndpoint)] == [again.json()["id"]]


@pytest.mark.parametrize(
    ("enabled_events", "param"),
    [
        (["cover.activate"], "enabled_events[0]"),
        (["cover.activated", "payout.*"], "enabled_events[1]"),
        (["cover"], "enabled_events[0]"),
        (["cover.*.*"], "enabled_events[0]"),
        ([], "enabled_events"),
    ],
)
async def test_unknown_event_types_are_refused_naming_the_field(
    client, new_tenant, count_rows, enabled_events, param
):
    seller = await new_tenant("seller")
    response = await client.post(
        PATH, headers=seller.headers, json={"url": PUBLIC_URL, "enabled_events": enabled_events}
    )
    assert_problem(response, 422, "validation_error", param=param)
    assert await count_rows(WebhookEndpoint) == 0


async def test_unknown_fields_and_a_missing_url_are_refused(client, new_tenant):
    seller = await new_tenant("seller")
    unknown = {"url": PUBLIC_URL, "enabled_events": ["*"], "secret": "whsec_mine"}
    missing = {"enabled_events": ["*"]}
    assert_problem(
        await client.post(PATH, headers=seller.headers, json=unknown), 422, "validation_error"
    )
    assert_problem(
        await client.post(PATH, headers=seller.headers, json=missing),
        422,
        "validation_error",
        param="url",
    )


async def test_repeated_event_types_are_kept_once(client, new_tenant):
    seller = await new_tenant("seller")
    endpoint = await create_endpoint(
        client, seller, enabled_events=["cover.*", "cover.*", "webhook_endpoint.disabled"]
    )
    assert endpoint["enabled_events"] == ["cover.*", "webhook_endpoint.disabled"]


async def test_an_account_has_at_most_16_enabled_endpoints_per_mode(
    client, new_tenant, database, monkeypatch
):
    monkeypatch.setattr(service, "MAX_ENABLED_ENDPOINTS", 3)
    platform = await new_tenant("platform")
    made = [await create_endpoint(client, platform) for _ in range(3)]
    body = {"url": PUBLIC_URL, "enabled_events": ["*"]}

    refused = await client.post(PATH, headers=platform.headers, json=body)
    assert_problem(refused, 422, "too_many_webhook_endpoints")
    monkeypatch.setattr(service.ssrf, "resolve", resolves_to(PUBLIC_ADDRESS))
    live = await live_key(database, platform)
    assert (await client.post(PATH, headers=live.headers, json=body)).status_code == 201
    assert (await create_endpoint(client, await new_tenant("platform")))["status"] == "enabled"

    disable = {"status": "disabled"}
    await client.patch(f"{PATH}/{made[0]['id']}", headers=platform.headers, json=disable)
    fourth = await create_endpoint(client, platform)
    enable = await client.patch(
        f"{PATH}/{made[0]['id']}", headers=platform.headers, json={"status": "enabled"}
    )
    assert_problem(enable, 422, "too_many_webhook_endpoints")
    await client.delete(f"{PATH}/{fourth['id']}", headers=platform.headers)
    enable = await client.patch(
        f"{PATH}/{made[0]['id']}", headers=platform.headers, json={"status": "enabled"}
    )
    assert enable.json()["status"] == "enabled"


async def test_an_update_changes_only_the_fields_given(client, new_tenant):
    seller = await new_tenant("seller")
    endpoint = await create_endpoint(client, seller, description="first")
    path = f"{PATH}/{endpoint['id']}"

    moved = await client.patch(
        path,
        headers=seller.headers,
        json={"url": "https://other.example.com/in", "enabled_events": ["cover.cancelled"]},
    )
    assert moved.status_code == 200, moved.text
    assert (moved.json()["url"], moved.json()["enabled_events"]) == (
        "https://other.example.com/in",
        ["cover.cancelled"],
    )
    assert moved.json()["description"] == "first"
    assert moved.json()["updated_at"] > endpoint["updated_at"]
    assert moved.json()["secret"] is None
    cleared = await client.patch(path, headers=seller.headers, json={"description": None})
    assert (cleared.json()["description"], cleared.json()["url"]) == (
        None,
        "https://other.example.com/in",
    )
    refused = await client.patch(path, headers=seller.headers, json={"url": "http://10.0.0.1/"})
    assert_problem(refused, 422, "webhook_url_not_allowed", param="url")
    assert (await client.get(path, headers=seller.headers)).json()["url"] == (
        "https://other.example.com/in"
    )


async def test_disabling_says_why_and_enabling_again_clears_the_failure_record(
    client, new_tenant, database
):
    seller = await new_tenant("seller")
    endpoint = await create_endpoint(client, seller)
    path = f"{PATH}/{endpoint['id']}"
    disabled = await client.patch(path, headers=seller.headers, json={"status": "disabled"})
    assert (disabled.json()["status"], disabled.json()["disabled_reason"]) == (
        "disabled",
        "by_request",
    )
    async with database.writer_session() as session:  # as the worker leaves a failing one
        await session.execute(
            update(WebhookEndpoint)
            .where(WebhookEndpoint.id == endpoint["id"])
            .values(disabled_reason="failing", failing_since=utc_now() - timedelta(days=5))
        )
        await session.commit()

    enabled = await client.patch(path, headers=seller.headers, json={"status": "enabled"})

    assert (enabled.json()["status"], enabled.json()["disabled_reason"]) == ("enabled", None)
    row = await endpoint_row(database, endpoint["id"])
    assert (row.status, row.disabled_reason, row.failing_since) == ("enabled", None, None)


async def test_a_deleted_endpoint_is_gone_and_its_waiting_deliveries_fail(
    client, new_tenant, database
):
    seller = await new_tenant("seller")
    endpoint, kept = await create_endpoint(client, seller), await create_endpoint(client, seller)
    event = await add_event(database, seller.account_id)
    waiting = await add_delivery(database, event.id, endpoint["id"], "pending", attempts=1)
    await add_delivery(database, event.id, kept["id"], "pending")
    path = f"{PATH}/{endpoint['id']}"

    deleted = await client.delete(path, headers=seller.headers)

    assert deleted.status_code == 200, deleted.text
    assert (deleted.json()["id"], deleted.json()["deleted"], deleted.json()["status"]) == (
        endpoint["id"],
        True,
        "disabled",
    )
    assert_problem(await client.get(path, headers=seller.headers), 404, "resource_not_found")
    assert_problem(await client.delete(path, headers=seller.headers), 404, "resource_not_found")
    listed = (await client.get(PATH, headers=seller.headers)).json()["data"]
    assert [e["id"] for e in listed] == [kept["id"]]
    (failed,) = await deliveries_to(database, endpoint["id"])
    assert (failed.id, failed.status, failed.next_attempt_at) == (waiting.id, "failed", None)
    assert [d.status for d in await deliveries_to(database, kept["id"])] == ["pending"]
    row = await endpoint_row(database, endpoint["id"])
    assert (row.status, row.deleted_at is not None) == ("disabled", True)


async def test_a_rotation_shows_the_new_secret_once_and_keeps_the_old_one_a_day(
    client, new_tenant, database
):
    insurer = await new_tenant("insurer")
    endpoint = await create_endpoint(client, insurer)
    path = f"{PATH}/{endpoint['id']}/rotate_secret"
    headers = {**insurer.headers, "Idempotency-Key": "rotate-once"}

    before = utc_now()
    rotated = await client.post(path, headers=headers)

    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["secret"]
    assert _is_standard_secret(new_secret)
    assert new_secret != endpoint["secret"]
    row = await endpoint_row(database, endpoint["id"])
    assert (row.secret, row.previous_secret) == (new_secret, endpoint["secret"])
    assert before + timedelta(hours=24) <= row.previous_secret_expires_at
    assert row.previous_secret_expires_at <= utc_now() + timedelta(hours=24)
    replay = await client.post(path, headers=headers)
    assert (replay.headers["idempotent-replayed"], replay.json()["secret"]) == ("true", None)
    assert replay.json()["secret_redacted"] is True
    read = await client.get(f"{PATH}/{endpoint['id']}", headers=insurer.headers)
    assert new_secret not in read.text


async def test_a_rotation_may_retire_the_old_secret_sooner_or_at_once(client, new_tenant, database):
    seller = await new_tenant("seller")
    endpoint = await create_endpoint(client, seller)
    path = f"{PATH}/{endpoint['id']}/rotate_secret"

    soon = await client.post(path, headers=seller.headers, json={"expire_previous_in_seconds": 60})
    row = await endpoint_row(database, endpoint["id"])
    assert row.previous_secret == endpoint["secret"]
    assert row.previous_secret_expires_at <= utc_now() + timedelta(seconds=60)
    now = await client.post(path, headers=seller.headers, json={"expire_previous_in_seconds": 0})
    row = await endpoint_row(database, endpoint["id"])
    assert (row.secret, row.previous_secret, row.previous_secret_expires_at) == (
        now.json()["secret"],
        None,
        None,
    )
    assert soon.json()["secret"] != now.json()["secret"]
    too_long = {"expire_previous_in_seconds": 86401}
    refused = await client.post(path, headers=seller.headers, json=too_long)
    assert_problem(refused, 422, "validation_error", param="expire_previous_in_seconds")
    as_json = {**seller.headers, "Content-Type": "application/json"}
    null = await client.post(path, headers=as_json, content=b"null")
    assert_problem(null, 422, "validation_error")


async def test_another_tenants_endpoint_is_not_found(client, new_tenant, database):
    owner, rival = await new_tenant("platform"), await new_tenant("platform")
    endpoint = await create_endpoint(client, owner)
    path = f"{PATH}/{endpoint['id']}"
    since = {"since": (utc_now() - timedelta(days=1)).isoformat()}

    answers = [
        await client.get(path, headers=rival.headers),
        await client.patch(path, headers=rival.headers, json={"status": "disabled"}),
        await client.post(f"{path}/rotate_secret", headers=rival.headers),
        await client.post(f"{path}/replay", headers=rival.headers, json=since),
        await client.delete(path, headers=rival.headers),
    ]

    for answer in answers:
        assert_problem(answer, 404, "resource_not_found", param="webhook_endpoint")
    assert (await client.get(PATH, headers=rival.headers)).json()["data"] == []
    row = await endpoint_row(database, endpoint["id"])
    assert (row.status, row.secret, row.deleted_at) == ("enabled", endpoint["secret"], None)


async def test_a_live_key_sees_only_live_endpoints(client, new_tenant, database, monkeypatch):
    monkeypatch.setattr(service.ssrf, "resolve", resolves_to(PUBLIC_ADDRESS))
    seller = await new_tenant("seller")
    live = await live_key(database, seller)
    in_test = await create_endpoint(client, seller)
    in_live = await create_endpoint(client, live)

    assert (in_test["livemode"], in_live["livemode"]) == (False, True)
    live_list = (await client.get(PATH, headers=live.headers)).json()["data"]
    test_list = (await client.get(PATH, headers=seller.headers)).json()["data"]
    assert ([e["id"] for e in live_list], [e["id"] for e in test_list]) == (
        [in_live["id"]],
        [in_test["id"]],
    )
    other_mode = await client.get(f"{PATH}/{in_test['id']}", headers=live.headers)
    assert_problem(other_mode, 404, "resource_not_found")


async def test_endpoints_are_listed_newest_first_a_page_at_a_time(client, new_tenant):
    seller = await new_tenant("seller")
    made = [(await create_endpoint(client, seller))["id"] for _ in range(3)]
    first = (await client.get(PATH, headers=seller.headers, params={"limit": 2})).json()
    after = {"limit": 2, "starting_after": first["data"][-1]["id"]}
    second = (await client.get(PATH, headers=seller.headers, params=after)).json()
    assert [e["id"] for e in first["data"] + second["data"]] == made[::-1]
    assert (first["has_more"], second["has_more"]) == (True, False)
