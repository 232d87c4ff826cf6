"""Each step of a cover's life after bind reaches the platform's registered endpoint as a
signed event (verified with the reference Standard Webhooks library), in order per object."""

from __future__ import annotations

from tests.claims.helpers import (
    active_cover,
    advance,
    claim_action,
    days_to_due,
    parties,
    reported,
)
from tests.events.delivery_helpers import verified, worker_on
from tests.events.receiver import receiving


async def _endpoint(client, tenant, url: str) -> dict:
    body = {"url": url, "enabled_events": ["cover.*", "claim.*"]}
    response = await client.post("/v1/webhook_endpoints", headers=tenant.headers, json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _delivered(database, receiver, endpoint) -> list[dict]:
    async with worker_on(database) as worker:
        while await worker.run_once():
            pass
    return [verified(received, endpoint["secret"]) for received in receiver.received]


def _by_object(events: list[dict], object_id: str) -> list[str]:
    about = sorted(
        (e for e in events if e["data"]["object"]["id"] == object_id), key=lambda e: e["sequence"]
    )
    return [e["type"] for e in about]


async def test_the_whole_life_arrives_signed_at_the_endpoint(client, new_tenant, database):
    who = await parties(client, new_tenant)
    async with receiving() as receiver:
        endpoint = await _endpoint(client, who.platform, receiver.url())
        cover = await active_cover(client, who, amount=1_000_000)
        await advance(client, who.platform, cover, days_to_due(cover) + 1)
        await reported(client, who.platform, cover, "invoice.overdue")
        claimed = await advance(client, who.platform, cover, 210)
        claim_id = claimed["claim"]
        await claim_action(
            client, who.insurer, claim_id, "payouts", {"amount": 900_000, "reference": "T1"}
        )
        await reported(client, who.platform, cover, "invoice.paid", amount=50_000)
        events = await _delivered(database, receiver, endpoint)

    assert _by_object(events, cover["id"]) == [
        "cover.created",
        "cover.updated",  # the PaymentIntent attached
        "cover.activated",
        "cover.updated",  # the test clock moved
        "cover.overdue",
        "cover.updated",  # declared overdue
        "cover.updated",  # the test clock moved
        "cover.deadline_approaching",  # claimable_from in 7 days
        "cover.claimed",  # approved on time: nothing a reader sees of the cover changes
        "cover.updated",  # paid: the exposure is released
        "cover.updated",  # the recovery
    ]
    assert _by_object(events, claim_id) == [
        "claim.opened",
        "claim.collection_started",
        "claim.legal_collection_started",
        "claim.deadline_approaching",  # waiting_period_ends_on in 7 days
        "claim.approved",
        "claim.deadline_approaching",  # indemnity_due_by in 7 days
        "claim.paid",
        "claim.recovery_recorded",
    ]
    notice = next(e for e in events if e["type"] == "claim.deadline_approaching")
    assert notice["data"]["deadline"]["name"] == "waiting_period_ends_on"
    recovery = next(e for e in events if e["type"] == "claim.recovery_recorded")
    assert recovery["data"]["object"]["recoveries"]["insurer_share"] == 45_000
    assert recovery["data"]["previous_attributes"]["recoveries"] == {
        "total": 0,
        "insurer_share": 0,
        "seller_share": 0,
    }
