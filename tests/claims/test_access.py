"""Who may do what after bind: only the cover's platform or seller reports invoice events and
withdraws; only the product's insurer decides claims and records payouts; everyone else,
another tenant and the other mode alike, gets a 404. The test clock does not exist in live
mode. Reports need an Idempotency-Key, and a retried one counts once."""

from __future__ import annotations

import pytest

from tests.claims.helpers import (
    active_cover,
    advance,
    claim_action,
    cover_of,
    days_to_due,
    parties,
    report,
    reported,
)
from tests.covers.helpers import bound
from tests.events.api_helpers import live_key
from tests.factories import quote_request


async def _claimed(client, who):
    cover = await active_cover(client, who)
    await advance(client, who.platform, cover, days_to_due(cover) + 1)
    await reported(client, who.platform, cover, "invoice.overdue")
    return await advance(client, who.platform, cover, 59)


async def test_the_insurer_and_other_tenants_cannot_report_invoice_events(
    client, new_tenant, database
):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    stranger = await new_tenant("platform")
    for tenant in (who.insurer, stranger, await live_key(database, who.platform)):
        response = await report(client, tenant, cover, "invoice.paid", amount=1_000)
        assert (response.status_code, response.json()["code"]) == (404, "resource_not_found")
    assert (await cover_of(client, who.platform, cover))["invoice"]["paid"] == 0


async def test_a_seller_reports_on_a_cover_bound_for_it_and_its_platform_sees_it(
    client, new_tenant
):
    who = await parties(client, new_tenant)
    seller = await new_tenant("seller", platform=who.platform.account_id)
    cover = await active_cover(client, who, tenant=seller)
    await reported(client, seller, cover, "invoice.paid", amount=1_000)
    listed = await client.get(
        f"/v1/covers/{cover['id']}/invoice_events", headers=who.platform.headers
    )
    assert [e["amount"] for e in listed.json()["data"]] == [1_000]
    insurer_view = await client.get(
        f"/v1/covers/{cover['id']}/invoice_events", headers=who.insurer.headers
    )
    assert insurer_view.status_code == 200


@pytest.mark.parametrize("action", ["approve", "hold", "payouts"])
async def test_only_the_products_insurer_decides_a_claim(client, new_tenant, action):
    who = await parties(client, new_tenant)
    cover = await _claimed(client, who)
    other_insurer = await new_tenant("insurer")
    body = {"amount": 1, "reference": "X"} if action == "payouts" else None
    for tenant in (who.platform, other_insurer):
        response = await claim_action(client, tenant, cover["claim"], action, body)
        assert (response.status_code, response.json()["code"]) == (404, "resource_not_found")
    reject = await claim_action(client, who.platform, cover["claim"], "reject", {"code": "fraud"})
    assert reject.status_code == 404


async def test_only_the_covers_platform_or_seller_withdraws(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await _claimed(client, who)
    for tenant in (who.insurer, await new_tenant("platform")):
        response = await claim_action(client, tenant, cover["claim"], "withdraw")
        assert response.status_code == 404
    assert (await claim_action(client, who.platform, cover["claim"], "withdraw")).status_code == 200


async def test_another_tenant_sees_no_claim(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await _claimed(client, who)
    stranger = await new_tenant("insurer")
    assert (
        await client.get(f"/v1/claims/{cover['claim']}", headers=stranger.headers)
    ).status_code == 404
    listed = await client.get("/v1/claims", headers=stranger.headers)
    assert listed.json()["data"] == []
    mine = await client.get(f"/v1/claims?cover={cover['id']}", headers=who.insurer.headers)
    assert [c["id"] for c in mine.json()["data"]] == [cover["claim"]]


async def test_the_test_clock_does_not_exist_in_live_mode(client, new_tenant, database):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    live = await live_key(database, who.platform)
    response = await client.post(
        f"/v1/test_helpers/covers/{cover['id']}/advance", headers=live.headers, json={"days": 1}
    )
    assert response.status_code == 404
    assert (await cover_of(client, who.platform, cover))["clock_advanced_days"] == 0


async def test_only_the_covers_platform_or_seller_moves_its_clock_once_paid(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    url = f"/v1/test_helpers/covers/{cover['id']}/advance"
    by_insurer = await client.post(url, headers=who.insurer.headers, json={"days": 1})
    assert by_insurer.status_code == 404
    pending = await bound(client, who.platform, quote_request())
    url = f"/v1/test_helpers/covers/{pending['id']}/advance"
    too_soon = await client.post(url, headers=who.platform.headers, json={"days": 1})
    assert (too_soon.status_code, too_soon.json()["code"]) == (409, "cover_not_active")


async def test_the_test_clock_goes_at_most_two_years_ahead(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    await advance(client, who.platform, cover, 700)
    response = await client.post(
        f"/v1/test_helpers/covers/{cover['id']}/advance",
        headers=who.platform.headers,
        json={"days": 31},
    )
    assert (response.status_code, response.json()["code"]) == (422, "clock_too_far")


async def test_a_report_needs_an_idempotency_key_and_a_retry_counts_once(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    url = f"/v1/covers/{cover['id']}/invoice_events"
    body = {"type": "invoice.paid", "amount": 5_000}
    missing = await client.post(url, headers=who.platform.headers, json=body)
    assert (missing.status_code, missing.json()["code"]) == (422, "validation_error")
    assert missing.json()["param"] == "Idempotency-Key"
    headers = who.platform.headers | {"Idempotency-Key": "pay-5000-once"}
    first = await client.post(url, headers=headers, json=body)
    again = await client.post(url, headers=headers, json=body)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["id"] == first.json()["id"]
    assert (await cover_of(client, who.platform, cover))["invoice"]["paid"] == 5_000


@pytest.mark.parametrize(
    ("body", "code", "param"),
    [
        ({"type": "invoice.paid"}, "amount_required", "amount"),
        ({"type": "invoice.overdue", "amount": 10}, "amount_not_allowed", "amount"),
        ({"type": "invoice.paid", "amount": 10**9}, "amount_exceeds_outstanding", "amount"),
        ({"type": "invoice.credit_note", "amount": 10**9}, "amount_exceeds_outstanding", "amount"),
        (
            {"type": "invoice.paid", "amount": 10, "occurred_at": "2099-01-01T00:00:00Z"},
            "occurred_in_future",
            "occurred_at",
        ),
        (
            {"type": "invoice.paid", "amount": 10, "occurred_at": "2020-01-01T00:00:00Z"},
            "occurred_before_cover",
            "occurred_at",
        ),
        (
            {"type": "invoice.paid", "amount": 10, "occurred_at": "0001-01-01T00:00:00+14:00"},
            "occurred_before_cover",
            "occurred_at",
        ),
    ],
)
async def test_a_report_that_cannot_be_right_is_a_422_and_changes_nothing(
    client, new_tenant, body, code, param
):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who, amount=1_000_000)
    response = await report(client, who.platform, cover, body.pop("type"), **body)
    assert (response.status_code, response.json()["code"]) == (422, code), response.text
    assert response.json()["param"] == param
    after = await cover_of(client, who.platform, cover)
    assert after["invoice"] == (await cover_of(client, who.platform, cover))["invoice"]
    assert (after["invoice"]["paid"], after["invoice"]["credited"]) == (0, 0)


async def test_a_naive_occurred_at_is_refused(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    response = await report(
        client, who.platform, cover, "invoice.paid", amount=10, occurred_at="2026-01-01T00:00:00"
    )
    assert response.status_code == 422
