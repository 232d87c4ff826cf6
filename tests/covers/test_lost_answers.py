"""A lost answer from Stripe never charges twice.

The connection to Stripe is made to lose answers after Stripe acted (``DropAnswers``): the
premium may have been charged without the API knowing. The cover stays, says so, and the same
bind again — or the reconciling job — settles it from what Stripe did, charging at most once.
"""

from __future__ import annotations

import datetime as dt

from marketplace.covers import jobs
from tests.covers.helpers import bind, quoted, read
from tests.helpers import assert_problem
from tests.payments.faults import posts_to


async def test_a_lost_confirmation_answer_then_a_retry_charges_once(
    client, market, ledger, lose_stripe_answers
):
    lost = lose_stripe_answers(posts_to("/confirm"), 1)
    quote = await quoted(client, market.platform)

    first = await bind(client, market.platform, quote, payment_method="pm_card_visa")

    assert lost.dropped == [f"POST /v1/payment_intents/{lost_intent(lost)}/confirm"]
    problem = assert_problem(first, 502, "payment_outcome_unknown", param="quote")
    cover_id = problem["detail"].split("cover ")[1].split(" ")[0]
    covers = (await client.get("/v1/covers", headers=market.platform.headers)).json()["data"]
    kept = next(c for c in covers if c["id"] == cover_id)
    assert (kept["status"], kept["payment"]["status"]) == ("pending_payment", "unknown")
    assert len(await ledger.paid_intents_naming(cover_id)) == 1  # Stripe did charge

    retry = await bind(client, market.platform, quote, payment_method="pm_card_visa")

    assert retry.status_code == 201, retry.text
    assert (retry.json()["id"], retry.json()["status"]) == (cover_id, "active")
    assert len(await ledger.paid_intents_naming(cover_id)) == 1


async def test_a_lost_creation_answer_then_a_retry_charges_once(
    client, market, ledger, lose_stripe_answers
):
    lose_stripe_answers(posts_to("/v1/payment_intents"), 1)
    quote = await quoted(client, market.platform)

    first = await bind(client, market.platform, quote, payment_method="pm_card_visa")
    cover_id = assert_problem(first, 502, "payment_outcome_unknown")["detail"].split("cover ")[1]
    cover_id = cover_id.split(" ")[0]
    retry = await bind(client, market.platform, quote, payment_method="pm_card_visa")

    assert (retry.json()["id"], retry.json()["status"]) == (cover_id, "active")
    assert len(await ledger.paid_intents_naming(cover_id)) == 1


async def test_without_a_retry_the_job_settles_the_cover_from_stripe(
    client, market, database, gateway, ledger, lose_stripe_answers
):
    lose_stripe_answers(posts_to("/confirm"), 1)
    quote = await quoted(client, market.platform)
    first = await bind(client, market.platform, quote, payment_method="pm_card_visa")
    cover_id = assert_problem(first, 502, "payment_outcome_unknown")["detail"].split("cover ")[1]
    cover = {"id": cover_id.split(" ")[0]}

    later = dt.datetime.now(dt.UTC) + jobs.RECONCILE_AFTER + dt.timedelta(seconds=1)
    await jobs.reconcile_pending(database, gateway, later)

    settled = await read(client, market.platform, cover)
    assert (settled["status"], settled["payment"]["status"]) == ("active", "succeeded")
    assert len(await ledger.paid_intents_naming(cover["id"])) == 1


async def test_a_retry_while_the_first_bind_still_talks_to_stripe_is_refused(
    client, market, database
):
    """The first attempt holds the payment's lease: nobody else may charge meanwhile."""
    quote = await quoted(client, market.platform)
    waiting = (await bind(client, market.platform, quote)).json()
    await hold_payment_lease(database, waiting["id"])
    response = await bind(client, market.platform, quote, payment_method="pm_card_visa")
    assert_problem(response, 409, "payment_in_progress")
    assert (await read(client, market.platform, waiting))["status"] == "pending_payment"


def lost_intent(transport) -> str:
    return transport.dropped[0].split("/")[3]


async def hold_payment_lease(database, cover_id: str) -> None:
    from sqlalchemy import update

    from marketplace.models import Cover

    async with database.writer_session() as session:
        until = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
        await session.execute(
            update(Cover).where(Cover.id == cover_id).values(payment_lease_until=until)
        )
        await session.commit()
