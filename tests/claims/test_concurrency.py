"""Races on one cover end in one consistent state, on SQLite and on PostgreSQL: a payment
report against the claim opening, and the date-driven job run twice at once (as two worker
processes would) applies each step once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import func, select, update

from marketplace.claims import jobs
from marketplace.config import load_settings
from marketplace.db import Database, create_engine
from marketplace.kit.clock import utc_now
from marketplace.models import BuyerExposure, Claim, Cover, Event
from tests.claims.helpers import (
    active_cover,
    advance,
    claim_of,
    cover_of,
    days_to_due,
    key,
    parties,
    reported,
)

ROUNDS = 4


async def _exposure_matches_covers(database, buyer_id: str) -> None:
    async with database.reader_session() as session:
        held = await session.scalar(
            select(func.coalesce(func.sum(BuyerExposure.exposure_minor), 0)).where(
                BuyerExposure.buyer_id == buyer_id
            )
        )
        owed = await session.scalar(
            select(func.coalesce(func.sum(Cover.insured_outstanding_minor), 0)).where(
                Cover.buyer_id == buyer_id
            )
        )
    assert held == owed


async def _on_the_eve_of_the_claim(client, who):
    cover = await active_cover(client, who, amount=1_000_000)
    await advance(client, who.platform, cover, days_to_due(cover) + 1)
    await reported(client, who.platform, cover, "invoice.overdue")
    return await advance(client, who.platform, cover, 58)  # the claim opens tomorrow


async def _race(client, who, cover, amount: int):
    opening = client.post(
        f"/v1/test_helpers/covers/{cover['id']}/advance",
        headers=who.platform.headers,
        json={"days": 1},
    )
    payment = client.post(
        f"/v1/covers/{cover['id']}/invoice_events",
        headers=who.platform.headers | key(),
        json={"type": "invoice.paid", "amount": amount},
    )
    return await asyncio.gather(opening, payment)


async def test_a_full_payment_racing_the_claim_opening_settles_the_cover(
    client, new_tenant, database
):
    who = await parties(client, new_tenant)
    for _ in range(ROUNDS):
        cover = await _on_the_eve_of_the_claim(client, who)
        opened, paid = await _race(client, who, cover, 1_000_000)
        assert (opened.status_code, paid.status_code) == (200, 201), (opened.text, paid.text)

        after = await cover_of(client, who.platform, cover)
        assert (after["status"], after["insured_outstanding"]) == ("settled", 0)
        if after["claim"] is not None:  # the claim opened first: the payment recovered it all
            claim = await claim_of(client, who.platform, after["claim"])
            assert claim["status"] == "recovered"
            assert claim["recoveries"]["before_approval"] == 1_000_000
        await _exposure_matches_covers(database, cover["buyer"])


async def test_a_partial_payment_racing_the_claim_opening_counts_once(client, new_tenant, database):
    who = await parties(client, new_tenant)
    for _ in range(ROUNDS):
        cover = await _on_the_eve_of_the_claim(client, who)
        await _race(client, who, cover, 400_000)

        after = await cover_of(client, who.platform, cover)
        assert after["status"] == "claimed"
        assert after["invoice"]["outstanding"] == 600_000
        assert after["insured_outstanding"] == 540_000
        claim = await claim_of(client, who.platform, after["claim"])
        owed = claim["outstanding_at_declaration"] - claim["recoveries"]["before_approval"]
        assert (claim["outstanding_at_declaration"], owed) == (1_000_000, 600_000)
        await _exposure_matches_covers(database, cover["buyer"])


async def _jump_without_catching_up(database, cover_id: str, days: int) -> None:
    """The cover's clock moved and nobody caught up yet (as after the server was down)."""
    async with database.writer_session() as session:
        await session.execute(
            update(Cover)
            .where(Cover.id == cover_id)
            .values(clock_offset_days=days, next_check_at=utc_now() - timedelta(seconds=1))
        )
        await session.commit()


async def _types_of(database, object_id: str) -> list[str]:
    async with database.reader_session() as session:
        query = select(Event.type).where(Event.object_id == object_id).order_by(Event.sequence)
        return list((await session.execute(query)).scalars())


async def test_the_job_run_twice_at_once_applies_each_step_once(
    client, new_tenant, database, settings
):
    who = await parties(client, new_tenant)
    declared = []
    for _ in range(3):
        cover = await active_cover(client, who)
        await advance(client, who.platform, cover, days_to_due(cover) + 1)
        await reported(client, who.platform, cover, "invoice.overdue")
        declared.append(cover)
        await _jump_without_catching_up(database, cover["id"], days_to_due(cover) + 400)
    other = Database(create_engine(load_settings({}, database_url=settings.database_url)))
    try:
        now = utc_now()
        await asyncio.gather(jobs.run_due(database, now), jobs.run_due(other, now))
        assert await jobs.run_due(database, utc_now()) == 0
    finally:
        await other.dispose()

    for cover in declared:
        after = await cover_of(client, who.platform, cover)
        claim = await claim_of(client, who.platform, after["claim"])
        assert claim["status"] == "approved"
        assert (await _types_of(database, claim["id"])) == [
            "claim.opened",
            "claim.collection_started",
            "claim.legal_collection_started",
            "claim.deadline_approaching",
            "claim.approved",
            "claim.deadline_approaching",
        ]
    async with database.reader_session() as session:
        assert await session.scalar(select(func.count()).select_from(Claim)) == len(declared)
