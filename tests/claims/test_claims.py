"""What a seller and an insurer see of a claim: deadlines as dates, disputes that hold it,
credit notes and recoveries that lower the indemnity, insolvency that skips the waiting."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from marketplace.claims.insolvency import open_on_buyer
from marketplace.kit.clock import utc_now
from marketplace.models import Buyer, Event, Refund
from tests.claims.helpers import (
    active_cover,
    advance,
    claim_action,
    claim_of,
    cover_of,
    days_to_due,
    key,
    parties,
    report,
    reported,
)
from tests.covers.helpers import bind, paid, quoted
from tests.factories import quote_request, registration_number


def _day(value: str, plus: int = 0) -> str:
    return (dt.date.fromisoformat(value) + dt.timedelta(days=plus)).isoformat()


async def _declared(client, who, **quote):
    cover = await active_cover(client, who, **quote)
    await advance(client, who.platform, cover, days_to_due(cover) + 1)
    await reported(client, who.platform, cover, "invoice.overdue")
    return await cover_of(client, who.platform, cover)


async def test_deadlines_are_dates_on_the_cover_and_its_claim(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    due = cover["invoice_due_date"]
    assert cover["deadlines"] == {
        "overdue_declaration_by": _day(due, 30),
        "claimable_from": _day(due, 60),
        "waiting_period_ends_on": None,
        "indemnity_due_by": None,
    }
    declared = await _declared(client, who)
    declared_on = declared["invoice"]["declared_overdue_at"][:10]
    assert declared_on == _day(declared["invoice_due_date"], 1)
    assert declared["deadlines"]["waiting_period_ends_on"] == _day(declared_on, 150)
    assert declared["deadlines"]["indemnity_due_by"] == _day(declared_on, 180)
    claimed = await advance(client, who.platform, declared, 59)
    claim = await claim_of(client, who.insurer, claimed["claim"])
    assert claim["deadlines"] == claimed["deadlines"]
    assert claim["collection"] == {
        "amicable_from": _day(claim["opened_on"], 1),
        "legal_from": _day(claim["opened_on"], 61),
    }


async def test_a_notice_goes_out_seven_days_before_the_declaration_deadline(
    client, new_tenant, database
):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    await advance(client, who.platform, cover, days_to_due(cover) + 22)
    async with database.reader_session() as session:
        query = select(Event).where(Event.object_id == cover["id"])
        types = [e.type for e in (await session.execute(query)).scalars()]
    assert "cover.deadline_approaching" not in types
    await advance(client, who.platform, cover, 1)
    await advance(client, who.platform, cover, 1)  # again: no second notice
    async with database.reader_session() as session:
        query = select(Event).where(Event.type == "cover.deadline_approaching")
        (notice,) = (await session.execute(query)).scalars()
    assert notice.data["deadline"] == {
        "name": "overdue_declaration_by",
        "date": _day(cover["invoice_due_date"], 30),
    }


async def test_a_dispute_holds_the_claim_until_it_is_resolved(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await _declared(client, who)
    await reported(client, who.platform, cover, "invoice.disputed")
    waiting = await advance(client, who.platform, cover, 70)
    assert (waiting["status"], waiting["claim"]) == ("overdue", None)  # no claim while disputed

    await reported(client, who.platform, cover, "invoice.dispute_resolved")
    claimed = await cover_of(client, who.platform, cover)
    assert claimed["status"] == "claimed"  # the threshold passed: it opens at once
    await reported(client, who.platform, cover, "invoice.disputed")
    held = await claim_of(client, who.insurer, claimed["claim"])
    assert (held["status"], held["hold_reason"]) == ("on_hold", "dispute")
    await advance(client, who.platform, cover, 200)
    assert (await claim_of(client, who.insurer, held["id"]))["status"] == "on_hold"
    payout = await claim_action(client, who.insurer, held["id"], "approve")
    assert payout.json()["code"] == "claim_on_hold"

    await reported(client, who.platform, cover, "invoice.dispute_resolved")
    resumed = await claim_of(client, who.insurer, held["id"])
    assert resumed["status"] == "approved"  # the waiting period ended while it was held


async def test_recoveries_and_credit_notes_before_approval_lower_the_indemnity(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await _declared(client, who, amount=1_000_000)
    await reported(client, who.platform, cover, "invoice.paid", amount=150_000)  # before the claim
    claimed = await advance(client, who.platform, cover, 59)
    await reported(client, who.platform, cover, "invoice.credit_note", amount=100_000)
    recovery = await reported(client, who.platform, cover, "invoice.paid", amount=50_000)
    assert recovery["recovery"] is True
    await advance(client, who.platform, cover, 100)
    claim = await claim_of(client, who.insurer, claimed["claim"])
    assert claim["outstanding_at_declaration"] == 1_000_000
    assert claim["recoveries"] | {} == {
        "total": 200_000,
        "before_approval": 200_000,
        "credit_notes": 100_000,
        "insurer_share": 0,
        "seller_share": 0,
    }
    assert (claim["status"], claim["indemnity"]) == ("approved", 630_000)  # 0.9 x 700,000
    assert (await cover_of(client, who.platform, cover))["insured_outstanding"] == 630_000
    late_note = await report(client, who.platform, cover, "invoice.credit_note", amount=1)
    assert late_note.json()["code"] == "claim_already_approved"
    too_much = await claim_action(
        client, who.insurer, claim["id"], "payouts", {"amount": 630_001, "reference": "A"}
    )
    assert (too_much.status_code, too_much.json()["code"]) == (422, "payout_exceeds_indemnity")
    assert too_much.json()["detail"].startswith("EUR 6,300.01 is more than the EUR 6,300.00")
    part = {"amount": 300_000, "reference": "A"}
    assert (
        await claim_action(client, who.insurer, claim["id"], "payouts", part)
    ).status_code == 201
    same_ref = await claim_action(client, who.insurer, claim["id"], "payouts", part)
    assert same_ref.json()["code"] == "payout_already_recorded"
    assert (await claim_of(client, who.insurer, claim["id"]))["status"] == "approved"


async def test_a_credit_note_for_everything_owed_settles_the_cover(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who, amount=1_000_000)
    await reported(client, who.platform, cover, "invoice.paid", amount=600_000)
    await reported(client, who.platform, cover, "invoice.credit_note", amount=400_000)
    settled = await cover_of(client, who.platform, cover)
    assert (settled["status"], settled["insured_outstanding"]) == ("settled", 0)


async def _insolvent(database, buyer_id: str) -> None:
    async with database.writer_session() as session:
        insolvent = {"status": "insolvent", "status_changed_at": utc_now()}
        await session.execute(update(Buyer).where(Buyer.id == buyer_id).values(**insolvent))
        await session.commit()


async def test_an_insolvency_claim_needs_an_established_insolvency_and_skips_the_wait(
    client, new_tenant, database
):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who, amount=1_000_000)
    body = {"cover": cover["id"], "cause": "insolvency"}
    refused = await client.post("/v1/claims", headers=who.platform.headers | key(), json=body)
    assert (refused.status_code, refused.json()["code"]) == (409, "insolvency_not_established")

    await _insolvent(database, cover["buyer"])
    opened = await client.post("/v1/claims", headers=who.platform.headers | key(), json=body)
    assert opened.status_code == 201, opened.text
    claim = opened.json()
    assert (claim["cause"], claim["status"], claim["indemnity"]) == (
        "insolvency",
        "approved",
        900_000,
    )
    assert claim["deadlines"]["waiting_period_ends_on"] == claim["opened_on"]


async def test_an_insolvency_turns_a_collecting_claim_and_opens_the_others(
    client, new_tenant, database
):
    who = await parties(client, new_tenant)
    buyer = registration_number()
    first = await _declared(client, who, registration_number=buyer)
    collecting = await advance(client, who.platform, first, 60)
    second = await active_cover(client, who, registration_number=buyer)
    await _insolvent(database, first["buyer"])
    async with database.writer_session() as session:
        opened = await open_on_buyer(
            session, livemode=False, buyer_id=first["buyer"], real_now=utc_now()
        )
        await session.commit()

    assert len(opened) == 1
    turned = await claim_of(client, who.insurer, collecting["claim"])
    assert (turned["cause"], turned["status"]) == ("insolvency", "approved")
    new = await claim_of(client, who.insurer, opened[0])
    assert (new["cover"], new["status"]) == (second["id"], "approved")


async def test_a_premium_paid_after_the_insolvency_starts_no_cover_and_is_refunded(
    client, new_tenant, database, gateway
):
    who = await parties(client, new_tenant)
    quote = await quoted(client, who.platform, quote_request())
    pending = (await bind(client, who.platform, quote)).json()
    await _insolvent(database, pending["buyer"])

    resumed = await bind(client, who.platform, quote, payment_method="pm_card_visa")
    assert (resumed.status_code, resumed.json()["code"]) == (409, "buyer_stopped")
    await paid(client, gateway, pending)  # the payer's front end pays all the same

    after = await cover_of(client, who.platform, pending)
    assert (after["status"], after["payment"]["error_code"]) == ("payment_failed", "buyer_stopped")
    async with database.reader_session() as session:
        (refund,) = (await session.execute(select(Refund))).scalars()
    assert (refund.cover_id, refund.amount_minor) == (pending["id"], pending["premium"])


async def test_an_insolvency_claim_needs_the_cover_to_have_begun_before_it(
    client, new_tenant, database
):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    async with database.writer_session() as session:
        since = dt.datetime.fromisoformat(cover["cover_starts_at"]) - dt.timedelta(days=1)
        values = {"status": "insolvent", "status_changed_at": since}
        await session.execute(update(Buyer).where(Buyer.id == cover["buyer"]).values(**values))
        await session.commit()
    body = {"cover": cover["id"], "cause": "insolvency"}
    refused = await client.post("/v1/claims", headers=who.platform.headers | key(), json=body)
    assert (refused.status_code, refused.json()["code"]) == (409, "insolvency_before_cover")


async def test_an_insolvency_during_a_dispute_opens_a_claim_on_hold(client, new_tenant, database):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    await reported(client, who.platform, cover, "invoice.disputed")
    await _insolvent(database, cover["buyer"])
    async with database.writer_session() as session:
        (claim_id,) = await open_on_buyer(
            session, livemode=False, buyer_id=cover["buyer"], real_now=utc_now()
        )
        await session.commit()
    held = await claim_of(client, who.insurer, claim_id)
    assert (held["status"], held["hold_reason"], held["indemnity"]) == ("on_hold", "dispute", None)
    await reported(client, who.platform, cover, "invoice.dispute_resolved")
    assert (await claim_of(client, who.insurer, claim_id))["status"] == "approved"


async def test_the_insurers_hold_does_not_end_a_dispute(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await _declared(client, who)
    claimed = await advance(client, who.platform, cover, 60)
    claim_id = claimed["claim"]
    assert (await claim_action(client, who.insurer, claim_id, "hold")).status_code == 200
    await reported(client, who.platform, cover, "invoice.disputed")
    resumed = await claim_action(client, who.insurer, claim_id, "resume")
    assert (resumed.status_code, resumed.json()["code"]) == (409, "invoice_disputed")
    await reported(client, who.platform, cover, "invoice.dispute_resolved")
    assert (await claim_of(client, who.insurer, claim_id))["hold_reason"] == "insurer"
    assert (await claim_action(client, who.insurer, claim_id, "resume")).status_code == 200


async def test_a_claim_partly_paid_cannot_be_rejected(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await _declared(client, who)
    claim_id = (await advance(client, who.platform, cover, 210))["claim"]
    part = {"amount": 100_000, "reference": "PART-1"}
    assert (await claim_action(client, who.insurer, claim_id, "payouts", part)).status_code == 201
    refused = await claim_action(client, who.insurer, claim_id, "reject", {"code": "fraud"})
    assert (refused.status_code, refused.json()["code"]) == (409, "claim_partly_paid")
    listed = await client.get(
        f"/v1/claims/{claim_id}/payouts?limit=1", headers=who.platform.headers
    )
    assert [p["reference"] for p in listed.json()["data"]] == ["PART-1"]


async def test_an_invoice_is_not_overdue_on_or_before_its_due_date(client, new_tenant):
    who = await parties(client, new_tenant)
    cover = await active_cover(client, who)
    await advance(client, who.platform, cover, days_to_due(cover) + 3)
    on_due_date = f"{cover['invoice_due_date']}T23:00:00Z"
    refused = await report(client, who.platform, cover, "invoice.overdue", occurred_at=on_due_date)
    assert (refused.status_code, refused.json()["code"]) == (422, "occurred_before_due_date")
    day_after = f"{_day(cover['invoice_due_date'], 1)}T08:00:00Z"
    declared = await reported(client, who.platform, cover, "invoice.overdue", occurred_at=day_after)
    assert declared["occurred_at"] == day_after
