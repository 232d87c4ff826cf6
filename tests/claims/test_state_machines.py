"""Every (state, input) pair of the cover and claim state machines, through the API: an input
that applies does what it says, once (the same input again is refused or, for amounts, adds
up); any other is a 409 with its stable code and changes nothing."""

from __future__ import annotations

import pytest

from tests.claims.helpers import claim_action, claim_of, cover_of, key, parties, report
from tests.claims.states import CLAIM_STATES, COVER_STATES, claim_in_state

REPORTS = (
    "invoice.paid",
    "invoice.overdue",
    "invoice.disputed",
    "invoice.dispute_resolved",
    "invoice.credit_note",
)
CLAIM = "claim"
COVER_INPUTS = (*REPORTS, CLAIM)
OK = 201
NOT_ACTIVE = dict.fromkeys(COVER_INPUTS, "cover_not_active")
COVER_TABLE: dict[str, dict[str, int | str]] = {
    "pending_payment": NOT_ACTIVE,
    "cancelling": NOT_ACTIVE,
    "payment_failed": NOT_ACTIVE,
    "expired": NOT_ACTIVE,
    "cancelled": NOT_ACTIVE,
    "settled": dict.fromkeys(COVER_INPUTS, "already_settled"),
    "time_barred": dict.fromkeys(COVER_INPUTS, "cover_time_barred"),
    "active": {
        "invoice.paid": OK,
        "invoice.overdue": "invoice_not_due",
        "invoice.disputed": OK,
        "invoice.dispute_resolved": "not_disputed",
        "invoice.credit_note": OK,
        CLAIM: "not_declared_overdue",
    },
    "overdue": {
        "invoice.paid": OK,
        "invoice.overdue": OK,
        "invoice.disputed": OK,
        "invoice.dispute_resolved": "not_disputed",
        "invoice.credit_note": OK,
        CLAIM: "not_declared_overdue",
    },
    "overdue_declared": {
        "invoice.paid": OK,
        "invoice.overdue": "already_declared",
        "invoice.disputed": OK,
        "invoice.dispute_resolved": "not_disputed",
        "invoice.credit_note": OK,
        CLAIM: "claim_threshold_not_reached",
    },
    "claimed": {
        "invoice.paid": OK,
        "invoice.overdue": "already_claimed",
        "invoice.disputed": OK,
        "invoice.dispute_resolved": "not_disputed",
        "invoice.credit_note": OK,
        CLAIM: "already_claimed",
    },
}
ONCE = {"invoice.overdue": "already_declared", "invoice.disputed": "already_disputed"}
"""The second time an applied report comes (with a new Idempotency-Key)."""


async def _send(client, tenant, cover, cover_input):
    if cover_input == CLAIM:
        body = {"cover": cover["id"], "cause": "protracted_default"}
        return await client.post("/v1/claims", headers=tenant.headers | key(), json=body)
    amount = {"amount": 1_000} if cover_input in ("invoice.paid", "invoice.credit_note") else {}
    return await report(client, tenant, cover, cover_input, **amount)


def _stable(cover):
    return {k: v for k, v in cover.items() if k not in ("payment",)}


@pytest.mark.parametrize("cover_input", COVER_INPUTS)
@pytest.mark.parametrize("state", list(COVER_TABLE))
async def test_cover_state_machine(client, new_tenant, database, state, cover_input):
    who = await parties(client, new_tenant)
    cover = await COVER_STATES[state](client, who, database)
    before = await cover_of(client, who.platform, cover)
    expected = COVER_TABLE[state][cover_input]

    response = await _send(client, who.platform, cover, cover_input)

    if expected == OK:
        assert response.status_code == 201, response.text
        after = await cover_of(client, who.platform, cover)
        again = await _send(client, who.platform, cover, cover_input)
        if cover_input in ONCE:
            assert again.json()["code"] == ONCE[cover_input]
        if cover_input == "invoice.paid":
            assert after["invoice"]["paid"] == before["invoice"]["paid"] + 1_000
        if cover_input == "invoice.credit_note":
            assert after["invoice"]["credited"] == before["invoice"]["credited"] + 1_000
        return
    assert (response.status_code, response.json()["code"]) == (409, expected), response.text
    assert _stable(await cover_of(client, who.platform, cover)) == _stable(before)


APPROVE, REJECT, HOLD, RESUME, WITHDRAW, PAYOUT = (
    "approve",
    "reject",
    "hold",
    "resume",
    "withdraw",
    "payouts",
)
CLAIM_INPUTS = (APPROVE, REJECT, HOLD, RESUME, WITHDRAW, PAYOUT)
CLOSED = dict.fromkeys(CLAIM_INPUTS, "claim_closed") | {RESUME: "claim_not_on_hold"}
COLLECTING = {
    APPROVE: "approved",
    REJECT: "rejected",
    HOLD: "on_hold",
    RESUME: "claim_not_on_hold",
    WITHDRAW: "withdrawn",
    PAYOUT: "claim_not_approved",
}
CLAIM_TABLE: dict[str, dict[str, str]] = {
    "open": COLLECTING,
    "collection_amicable": COLLECTING,
    "collection_legal": COLLECTING,
    "on_hold:dispute": {
        APPROVE: "claim_on_hold",
        REJECT: "rejected",
        HOLD: "claim_on_hold",
        RESUME: "invoice_disputed",
        WITHDRAW: "withdrawn",
        PAYOUT: "claim_on_hold",
    },
    "on_hold:insurer": {
        APPROVE: "claim_on_hold",
        REJECT: "rejected",
        HOLD: "claim_on_hold",
        RESUME: "collection_amicable",
        WITHDRAW: "withdrawn",
        PAYOUT: "claim_on_hold",
    },
    "approved": {
        APPROVE: "claim_already_approved",
        REJECT: "rejected",
        HOLD: "on_hold",
        RESUME: "claim_not_on_hold",
        WITHDRAW: "claim_already_approved",
        PAYOUT: "paid",
    },
    "paid": CLOSED,
    "recovered": CLOSED,
    "rejected": CLOSED,
    "withdrawn": CLOSED,
}
STATUSES = {"approved", "rejected", "on_hold", "withdrawn", "paid", "collection_amicable"}
"""Expected outcomes that are the claim's new status (the others are error codes)."""


def _body(claim_input, claim):
    if claim_input == REJECT:
        return {"code": "exclusion", "reason": "Buyer in an excluded group"}
    if claim_input == PAYOUT:
        return {"amount": claim["indemnity"] or 1, "reference": "TR-1"}
    return None


@pytest.mark.parametrize("claim_input", CLAIM_INPUTS)
@pytest.mark.parametrize("state", CLAIM_STATES)
async def test_claim_state_machine(client, new_tenant, state, claim_input):
    who = await parties(client, new_tenant)
    _cover, claim = await claim_in_state(client, who, state)
    actor = who.platform if claim_input == WITHDRAW else who.insurer
    expected = CLAIM_TABLE[state][claim_input]

    response = await claim_action(
        client, actor, claim["id"], claim_input, _body(claim_input, claim)
    )
    after = await claim_of(client, who.platform, claim["id"])

    if expected in STATUSES:
        assert response.status_code in (200, 201), response.text
        assert after["status"] == expected
        again = await claim_action(
            client, actor, claim["id"], claim_input, _body(claim_input, after)
        )
        assert again.status_code == 409, again.text  # applied once
        return
    assert (response.status_code, response.json()["code"]) == (409, expected), response.text
    assert after == claim
