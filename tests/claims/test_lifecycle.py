"""A cover's life after bind, through HTTP only, in test mode: settled by two payments; late,
declared, claimed, collected, approved, paid and recovered; and never declared."""

from __future__ import annotations

from tests.claims.helpers import (
    active_cover,
    advance,
    claim_action,
    claim_of,
    cover_of,
    days_to_due,
    parties,
    reported,
)


async def test_two_partial_payments_settle_the_cover_and_free_the_exposure(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who, amount=1_000_000)

    first = await reported(client, who.platform, cover, "invoice.paid", amount=400_000)
    halfway = await cover_of(client, who.platform, cover)
    await reported(client, who.platform, cover, "invoice.paid", amount=600_000)
    settled = await cover_of(client, who.platform, cover)

    assert (first["type"], first["amount"], first["recovery"]) == ("invoice.paid", 400_000, False)
    assert halfway["status"] == "active"
    assert halfway["invoice"] | {} == {
        "paid": 400_000,
        "credited": 0,
        "outstanding": 600_000,
        "declared_overdue_at": None,
        "disputed_since": None,
    }
    assert halfway["insured_outstanding"] == 540_000  # 90 % of what is still owed
    assert settled["status"] == "settled"
    assert settled["insured_outstanding"] == 0
    buyer = (await client.get(f"/v1/buyers/{cover['buyer']}", headers=who.platform.headers)).json()
    assert [c["exposure"] for c in buyer["capacity"] if c["product"] == cover["product"]] == [0]


async def test_a_declared_unpaid_invoice_goes_through_the_claim_to_indemnity_and_recovery(
    client, new_tenant
):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who, amount=1_000_000)
    overdue = await advance(client, who.platform, cover, days_to_due(cover) + 1)
    assert overdue["status"] == "overdue"

    await reported(client, who.platform, cover, "invoice.overdue")
    claimed = await advance(client, who.platform, cover, 59)
    assert claimed["status"] == "claimed"
    claim = await claim_of(client, who.platform, claimed["claim"])
    assert (claim["status"], claim["cause"]) == ("open", "protracted_default")
    assert claim["outstanding_at_declaration"] == 1_000_000

    await advance(client, who.platform, cover, 150)
    approved = await claim_of(client, who.insurer, claim["id"])
    assert approved["status"] == "approved"
    assert approved["indemnity"] == cover["insured_amount"] == 900_000

    payout = await claim_action(
        client, who.insurer, claim["id"], "payouts", {"amount": 900_000, "reference": "TR-1"}
    )
    assert payout.status_code == 201, payout.text
    assert (await claim_of(client, who.platform, claim["id"]))["status"] == "paid"

    recovery = await reported(client, who.platform, cover, "invoice.paid", amount=100_001)
    assert recovery["recovery"] is True
    assert (recovery["insurer_share"], recovery["seller_share"]) == (90_001, 10_000)


async def test_a_cover_never_declared_ends_time_barred(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    barred = await advance(client, who.platform, cover, days_to_due(cover) + 31)
    assert barred["status"] == "time_barred"
    assert barred["insured_outstanding"] == 0
