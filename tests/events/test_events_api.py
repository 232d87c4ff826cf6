"""The event log through the API: who sees which events, the filters, one event with its
deliveries, and sending events again (redeliver one, replay a window)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from marketplace_sdk.models import CoverEvent

from marketplace.claims.changes import CLAIM_EVENT_TYPES
from marketplace.covers.changes import COVER_EVENT_TYPES
from marketplace.events import redelivery, ssrf
from marketplace.kit.clock import utc_now
from tests.covers.helpers import bound
from tests.events.api_helpers import (
    PUBLIC_ADDRESS,
    add_delivery,
    add_event,
    create_endpoint,
    deliveries_to,
    live_key,
    resolves_to,
)
from tests.helpers import assert_problem

EVENTS = "/v1/events"
DAY = timedelta(days=1)
ENDPOINTS = "/v1/webhook_endpoints"


async def _listed(client, tenant, **params) -> list[dict]:
    response = await client.get(EVENTS, headers=tenant.headers, params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


async def _ids(client, tenant, **params) -> list[str]:
    return [event["id"] for event in await _listed(client, tenant, **params)]


def _about(events: list[dict], cover: dict) -> list[dict]:
    return [e for e in events if e["data"]["object"]["id"] == cover["id"]]


async def test_a_platform_sees_its_own_and_its_sellers_cover_events_and_a_rival_none(
    client, market, new_tenant
):
    other_seller = await new_tenant("seller", platform=market.platform.account_id)
    own = await bound(client, replace(market.platform, seller=other_seller.account_id))
    sellers = await bound(client, market.seller)
    rival = await new_tenant("platform")

    seen = await _listed(client, market.platform, limit=100)

    assert [e["type"] for e in _about(seen, own)] == ["cover.updated", "cover.created"]
    assert [e["type"] for e in _about(seen, sellers)] == ["cover.updated", "cover.created"]
    assert [e["id"] for e in seen] == sorted((e["id"] for e in seen), reverse=True)
    created = _about(seen, own)[-1]
    assert (created["object"], created["livemode"], created["account"]) == (
        "event",
        False,
        market.platform.account_id,
    )
    assert created["data"]["object"]["status"] == "pending_payment"
    assert await _ids(client, rival) == []
    seller_sees = await _listed(client, market.seller, limit=100)
    assert {e["data"]["object"]["id"] for e in seller_sees} == {sellers["id"]}


async def test_an_insurer_sees_the_events_of_covers_on_its_products_only(
    client, market, new_tenant
):
    cover = await bound(client, market.platform)
    insurer = next(t for t in market.insurers.values() if t.account_id == cover["insurer"])
    others = [t for t in market.insurers.values() if t.account_id != cover["insurer"]]

    assert {e["data"]["object"]["id"] for e in await _listed(client, insurer)} == {cover["id"]}
    for other in others:
        assert await _ids(client, other) == []
    operator = await new_tenant("operator")
    assert len(_about(await _listed(client, operator, limit=100), cover)) == 2


async def test_a_live_key_sees_no_test_events_and_a_test_key_no_live_ones(
    client, new_tenant, database
):
    seller = await new_tenant("seller")
    live = await live_key(database, seller)
    in_test = await add_event(database, seller.account_id)
    in_live = await add_event(database, seller.account_id, livemode=True)

    assert await _ids(client, seller) == [in_test.id]
    assert await _ids(client, live) == [in_live.id]
    other_mode = await client.get(f"{EVENTS}/{in_test.id}", headers=live.headers)
    assert_problem(other_mode, 404, "resource_not_found", param="event")


async def test_events_are_filtered_by_type_object_and_creation_time(client, new_tenant, database):
    seller = await new_tenant("seller")
    start = utc_now() - timedelta(hours=3)
    old = await add_event(database, seller.account_id, event_type="cover.created", created_at=start)
    middle = await add_event(
        database,
        seller.account_id,
        event_type="cover.activated",
        object_id=old.object_id,
        created_at=start + timedelta(hours=1),
    )
    new = await add_event(
        database, seller.account_id, event_type="webhook_endpoint.disabled", created_at=utc_now()
    )
    hour = (start + timedelta(hours=1)).isoformat()

    assert await _ids(client, seller, type="cover.activated") == [middle.id]
    assert await _ids(client, seller, type="cover.*") == [middle.id, old.id]
    assert await _ids(client, seller, type="*") == [new.id, middle.id, old.id]
    assert await _ids(client, seller, object=old.object_id) == [middle.id, old.id]
    assert await _ids(client, seller, **{"created[gte]": hour}) == [new.id, middle.id]
    assert await _ids(client, seller, **{"created[lt]": hour}) == [old.id]
    window = {"created[gte]": hour, "created[lt]": (utc_now() - timedelta(minutes=1)).isoformat()}
    assert await _ids(client, seller, **window) == [middle.id]


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"type": "cover.activate"}, "type"),
        ({"created[gte]": "2026-01-01T00:00:00"}, "created[gte]"),
        ({"created[lt]": "yesterday"}, "created[lt]"),
        ({"created[lt]": "1700000000"}, "created[lt]"),
        ({"created": "2026-01-01T00:00:00Z"}, "created"),
        ({"object": "cover"}, "object"),
    ],
)
async def test_bad_filters_are_refused_naming_them(client, new_tenant, params, param):
    seller = await new_tenant("seller")
    response = await client.get(EVENTS, headers=seller.headers, params=params)
    assert_problem(response, 422, "validation_error", param=param)


async def test_the_oldest_instants_any_offset_can_name_are_filters_like_any_other(
    client, new_tenant, database
):
    seller = await new_tenant("seller")
    event = await add_event(database, seller.account_id)
    edges = {
        "created[gte]": "0001-01-01T00:00:00+14:00",
        "created[lt]": "9999-12-31T23:00:00-14:00",
    }
    assert await _ids(client, seller, **edges) == [event.id]


async def test_events_are_listed_a_page_at_a_time(client, new_tenant, database):
    seller = await new_tenant("seller")
    made = [(await add_event(database, seller.account_id)).id for _ in range(3)]
    first = (await client.get(EVENTS, headers=seller.headers, params={"limit": 2})).json()
    after = {"limit": 2, "starting_after": first["data"][-1]["id"]}
    second = (await client.get(EVENTS, headers=seller.headers, params=after)).json()
    assert [e["id"] for e in first["data"] + second["data"]] == made[::-1]
    assert (first["has_more"], second["has_more"]) == (True, False)


async def test_an_event_shows_its_deliveries_to_the_callers_endpoints_only(
    client, new_tenant, database
):
    platform = await new_tenant("platform")
    seller = await new_tenant("seller", platform=platform.account_id)
    event = await add_event(database, seller.account_id, seller_id=seller.account_id)
    platforms, sellers = (
        await create_endpoint(client, platform),
        await create_endpoint(client, seller),
    )
    await add_delivery(database, event.id, platforms["id"], "succeeded", attempts=2)
    await add_delivery(database, event.id, sellers["id"], "failed", attempts=1)

    shown = (await client.get(f"{EVENTS}/{event.id}", headers=platform.headers)).json()

    assert (shown["id"], shown["type"], shown["sequence"]) == (event.id, event.type, 1)
    (delivery,) = shown["deliveries"]
    assert (delivery["endpoint"], delivery["status"], delivery["next_attempt_at"]) == (
        platforms["id"],
        "succeeded",
        None,
    )
    assert [(a["status_code"], a["response_body"]) for a in delivery["attempts"]] == [
        (500, "boom"),
        (200, "ok"),
    ]
    assert set(delivery["attempts"][0]) == {
        "id",
        "created_at",
        "status_code",
        "duration_ms",
        "response_body",
        "error",
    }
    sellers_view = (await client.get(f"{EVENTS}/{event.id}", headers=seller.headers)).json()
    assert [d["endpoint"] for d in sellers_view["deliveries"]] == [sellers["id"]]


async def test_another_tenants_event_is_not_found(client, new_tenant, database):
    owner, rival = await new_tenant("seller"), await new_tenant("platform")
    event = await add_event(database, owner.account_id)
    for answer in (
        await client.get(f"{EVENTS}/{event.id}", headers=rival.headers),
        await client.post(f"{EVENTS}/{event.id}/redeliver", headers=rival.headers),
    ):
        assert_problem(answer, 404, "resource_not_found", param="event")


async def test_undelivered_events_are_those_one_of_your_endpoints_has_not_taken(
    client, new_tenant, database
):
    seller = await new_tenant("seller")
    first, second = await create_endpoint(client, seller), await create_endpoint(client, seller)
    events = [await add_event(database, seller.account_id) for _ in range(5)]
    failed, retrying, waiting, taken, half = events
    await add_delivery(database, failed.id, first["id"], "failed", attempts=3)
    await add_delivery(database, retrying.id, first["id"], "pending", attempts=1)
    await add_delivery(database, waiting.id, first["id"], "pending")
    await add_delivery(database, taken.id, first["id"], "succeeded", attempts=1)
    await add_delivery(database, half.id, first["id"], "succeeded", attempts=1)
    await add_delivery(database, half.id, second["id"], "failed", attempts=1)

    undelivered = await _ids(client, seller, delivery_success="false")
    delivered = await _ids(client, seller, delivery_success="true")

    assert undelivered == [half.id, retrying.id, failed.id]
    assert delivered == [taken.id]


async def _pending(database, endpoint_id: str) -> dict[str, tuple]:
    return {
        d.event_id: (d.status, d.attempts, d.next_attempt_at is not None)
        for d in await deliveries_to(database, endpoint_id)
    }


async def test_a_redelivery_goes_to_each_enabled_endpoint_that_subscribes(
    client, new_tenant, database, monkeypatch
):
    monkeypatch.setattr(ssrf, "resolve", resolves_to(PUBLIC_ADDRESS))
    seller = await new_tenant("seller")
    rival = await new_tenant("seller")
    live = await live_key(database, seller)
    event = await add_event(database, seller.account_id, event_type="cover.activated")
    wants_it = await create_endpoint(client, seller, enabled_events=["cover.*"])
    exact = await create_endpoint(client, seller, enabled_events=["cover.activated"])
    other_type = await create_endpoint(client, seller, enabled_events=["cover.cancelled"])
    disabled = await create_endpoint(client, seller)
    await client.patch(
        f"{ENDPOINTS}/{disabled['id']}", headers=seller.headers, json={"status": "disabled"}
    )
    rivals = await create_endpoint(client, rival)
    await add_delivery(database, event.id, exact["id"], "succeeded", attempts=1)
    lives = await create_endpoint(client, live)

    answer = await client.post(f"{EVENTS}/{event.id}/redeliver", headers=seller.headers)

    assert answer.status_code == 200, answer.text
    assert {d["endpoint"]: d["status"] for d in answer.json()["deliveries"]} == {
        wants_it["id"]: "pending",
        exact["id"]: "pending",
    }
    for endpoint in (wants_it, exact):
        assert await _pending(database, endpoint["id"]) == {event.id: ("pending", 0, True)}
    for endpoint in (other_type, disabled, rivals, lives):
        assert await deliveries_to(database, endpoint["id"]) == []


async def test_a_redelivery_to_one_named_endpoint(client, new_tenant, database):
    seller, rival = await new_tenant("seller"), await new_tenant("seller")
    event = await add_event(database, seller.account_id, event_type="cover.expired")
    chosen = await create_endpoint(client, seller)
    skipped = await create_endpoint(client, seller)
    elsewhere = await create_endpoint(client, seller, enabled_events=["cover.activated"])
    rivals = await create_endpoint(client, rival)
    path = f"{EVENTS}/{event.id}/redeliver"

    answer = await client.post(path, headers=seller.headers, json={"endpoint": chosen["id"]})

    assert [d["endpoint"] for d in answer.json()["deliveries"]] == [chosen["id"]]
    assert await _pending(database, chosen["id"]) == {event.id: ("pending", 0, True)}
    assert await deliveries_to(database, skipped["id"]) == []
    not_yours = await client.post(path, headers=seller.headers, json={"endpoint": rivals["id"]})
    assert_problem(not_yours, 404, "resource_not_found", param="endpoint")
    unwanted = await client.post(path, headers=seller.headers, json={"endpoint": elsewhere["id"]})
    assert_problem(unwanted, 422, "event_type_not_enabled", param="endpoint")
    await client.patch(
        f"{ENDPOINTS}/{chosen['id']}", headers=seller.headers, json={"status": "disabled"}
    )
    off = await client.post(path, headers=seller.headers, json={"endpoint": chosen["id"]})
    assert_problem(off, 409, "webhook_endpoint_disabled", param="endpoint")


async def test_a_replay_schedules_the_window_the_endpoint_subscribes_to(
    client, new_tenant, database
):
    platform = await new_tenant("platform")
    seller = await new_tenant("seller", platform=platform.account_id)
    stranger = await new_tenant("seller")
    now = utc_now()
    in_window = [
        await add_event(
            database,
            platform.account_id,
            event_type="cover.activated",
            created_at=now - timedelta(days=2),
        ),
        await add_event(
            database,
            seller.account_id,
            seller_id=seller.account_id,
            event_type="cover.expired",
            created_at=now - timedelta(hours=1),
        ),
    ]
    await add_event(database, platform.account_id, event_type="webhook_endpoint.disabled")
    await add_event(database, platform.account_id, created_at=now - timedelta(days=4))
    await add_event(database, stranger.account_id, event_type="cover.activated")
    await add_event(database, platform.account_id, livemode=True, event_type="cover.activated")
    endpoint = await create_endpoint(client, platform, enabled_events=["cover.*"])
    await add_delivery(database, in_window[0].id, endpoint["id"], "failed", attempts=5)
    since = {"since": (now - timedelta(days=3)).isoformat()}

    answer = await client.post(
        f"{ENDPOINTS}/{endpoint['id']}/replay", headers=platform.headers, json=since
    )

    assert answer.status_code == 200, answer.text
    replay = answer.json()
    assert (replay["object"], replay["endpoint"], replay["events_scheduled"]) == (
        "replay",
        endpoint["id"],
        2,
    )
    assert await _pending(database, endpoint["id"]) == {
        e.id: ("pending", 0, True) for e in in_window
    }


async def test_a_replay_ends_where_asked(client, new_tenant, database):
    seller = await new_tenant("seller")
    now = utc_now()
    early = await add_event(database, seller.account_id, created_at=now - timedelta(days=2))
    await add_event(database, seller.account_id, created_at=now - timedelta(hours=2))
    endpoint = await create_endpoint(client, seller)
    window = {
        "since": (now - timedelta(days=3)).isoformat(),
        "until": (now - timedelta(days=1)).isoformat(),
    }
    answer = await client.post(
        f"{ENDPOINTS}/{endpoint['id']}/replay", headers=seller.headers, json=window
    )
    assert answer.json()["events_scheduled"] == 1
    assert list(await _pending(database, endpoint["id"])) == [early.id]


async def test_a_replay_refuses_windows_it_cannot_serve(client, new_tenant, database, monkeypatch):
    seller = await new_tenant("seller")
    endpoint = await create_endpoint(client, seller)
    now = utc_now()
    for _ in range(3):
        await add_event(database, seller.account_id)

    async def replay(since: timedelta | str, until: timedelta | None = None):
        body = {"since": since if isinstance(since, str) else (now - since).isoformat()}
        if until is not None:
            body["until"] = (now - until).isoformat()
        path = f"{ENDPOINTS}/{endpoint['id']}/replay"
        return await client.post(path, headers=seller.headers, json=body)

    too_old, backwards = await replay(timedelta(days=31)), await replay(DAY, until=2 * DAY)
    assert_problem(too_old, 422, "replay_window_invalid", param="since")
    assert_problem(backwards, 422, "replay_window_invalid", param="until")
    assert_problem(await replay("2026-01-01T00:00:00"), 422, "validation_error", param="since")
    monkeypatch.setattr(redelivery, "MAX_REPLAYED_EVENTS", 2)
    assert_problem(await replay(DAY), 422, "replay_window_too_large", param="since")
    assert await deliveries_to(database, endpoint["id"]) == []
    disable = {"status": "disabled"}
    await client.patch(f"{ENDPOINTS}/{endpoint['id']}", headers=seller.headers, json=disable)
    assert_problem(await replay(DAY), 409, "webhook_endpoint_disabled")


def test_the_openapi_document_describes_each_webhook_sent(app):
    document = app.openapi_schema.to_schema()
    schemas = document["components"]["schemas"]

    assert set(document["webhooks"]) == {
        *COVER_EVENT_TYPES,
        *CLAIM_EVENT_TYPES,
        "buyer.alert",
        "webhook_endpoint.disabled",
    }
    for event_type, item in document["webhooks"].items():
        operation = item["post"]
        headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
        assert headers == {"webhook-id", "webhook-timestamp", "webhook-signature"}, event_type
        reference = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        event_schema = schemas[reference.rpartition("/")[2]]
        assert event_type in event_schema["properties"]["type"]["enum"]
        assert operation["summary"]
    cover_object = schemas["CoverEvent"]["properties"]["data"]["properties"]["object"]
    endpoint_object = schemas["WebhookEndpointEvent"]["properties"]["data"]["properties"]["object"]
    assert cover_object["$ref"] == "#/components/schemas/CoverOut"
    assert endpoint_object["$ref"] == "#/components/schemas/WebhookEndpointOut"
    claim_object = schemas["ClaimEvent"]["properties"]["data"]["properties"]["object"]
    buyer_object = schemas["BuyerEvent"]["properties"]["data"]["properties"]["object"]
    assert claim_object["$ref"] == "#/components/schemas/ClaimOut"
    assert buyer_object["$ref"] == "#/components/schemas/BuyerStatusOut"


async def test_a_delivered_cover_event_parses_with_the_sdks_own_model(client, market):
    cover = await bound(client, market.platform)
    (created,) = await _listed(client, market.platform, type="cover.created")

    parsed = CoverEvent.from_dict(created)

    assert (parsed.id, parsed.type_.value, parsed.data.object_.id) == (
        created["id"],
        "cover.created",
        cover["id"],
    )
    assert parsed.data.object_.status.value == "pending_payment"
