"""50 binds at once on a buyer whose capacity fits 10: exactly 10 reserve, the rest are refused,
and the exposure equals what was reserved (on SQLite and on PostgreSQL); and the reservation
itself, raced from separate connections, never overbooks where a read-then-write would."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select
from sqlalchemy import update as sa_update

from marketplace.buyers import exposure
from marketplace.buyers.exposure import ExposureKey
from marketplace.db import Database, create_engine
from marketplace.kit.sql import insert_ignore
from marketplace.models import BuyerExposure, Cover
from tests.covers.helpers import bind, quoted
from tests.factories import product_terms, quote_request, registration_number
from tests.fixtures.market import make_product, platform_with_seller

BINDS = 50
FITS = 10
AMOUNT = 1_000_000
RATIO = 0.9


async def test_concurrent_binds_never_exceed_the_buyer_capacity(client, new_tenant, database):
    insurer, platform = await new_tenant("insurer"), await platform_with_seller(new_tenant)
    insured = int(AMOUNT * RATIO)
    terms = product_terms(cover_ratios=[RATIO])
    terms["currencies"][0].update(amount_max=AMOUNT, buyer_capacity=insured * FITS)
    product = await make_product(client, insurer, terms)
    buyer = registration_number()
    quotes = [
        await quoted(client, platform, quote_request(amount=AMOUNT, registration_number=buyer))
        for _ in range(BINDS)
    ]

    responses = await asyncio.gather(*(bind(client, platform, quote) for quote in quotes))

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] * FITS + [409] * (BINDS - FITS)
    refused = [r.json() for r in responses if r.status_code == 409]
    assert {body["code"] for body in refused} == {"insufficient_capacity"}
    async with database.reader_session() as session:
        exposure = (
            await session.execute(
                select(BuyerExposure.exposure_minor).where(
                    BuyerExposure.product_id == product["id"]
                )
            )
        ).scalar_one()
        reserved = (
            await session.execute(
                select(func.sum(Cover.insured_amount_minor)).where(
                    Cover.product_id == product["id"], Cover.status == "pending_payment"
                )
            )
        ).scalar_one()
    assert exposure == reserved == insured * FITS


WRITERS = 4
ATTEMPTS = 20
SLOTS = 5


async def _reserve_as_the_code_does(database, key, amount, limit) -> bool:
    async with database.writer_session() as session:
        reserved = await exposure.reserve(session, key, amount, limit)
        await session.commit()
    return reserved


async def _reserve_read_then_write(database, key, amount, limit) -> bool:
    """What a reservation must never be: read the exposure, decide, then write the sum."""
    async with database.reader_session() as session:
        used = await session.execute(select(BuyerExposure.exposure_minor).where(*key.where()))
        current = used.scalar_one_or_none() or 0
    await asyncio.sleep(0)
    if current + amount > limit:
        return False
    async with database.writer_session() as session:
        await insert_ignore(session, BuyerExposure, {**key_values(key), "exposure_minor": 0})
        await session.execute(
            sa_update(BuyerExposure).where(*key.where()).values(exposure_minor=current + amount)
        )
        await session.commit()
    return True


def key_values(key) -> dict:
    return {"buyer_id": key.buyer_id, "product_id": key.product_id, "currency": key.currency}


async def _race(settings, reserve, key, amount, limit) -> tuple[int, int]:
    """``ATTEMPTS`` reservations at once from ``WRITERS`` separate engines (separate
    connections, as separate server processes would have); (granted, stored exposure)."""
    databases = [Database(create_engine(settings)) for _ in range(WRITERS)]
    try:
        granted = await asyncio.gather(
            *(reserve(databases[i % WRITERS], key, amount, limit) for i in range(ATTEMPTS))
        )
        async with databases[0].reader_session() as session:
            stored = await session.execute(select(BuyerExposure.exposure_minor).where(*key.where()))
            return sum(granted), int(stored.scalar_one())
    finally:
        for database in databases:
            await database.dispose()


@pytest.mark.parametrize(
    ("reserve", "holds"),
    [(_reserve_as_the_code_does, True), (_reserve_read_then_write, False)],
    ids=["conditional-update", "read-then-write"],
)
async def test_reservations_from_separate_connections_never_overbook(
    client, new_tenant, settings, reserve, holds
):
    """The conditional update holds the limit under real concurrency on this database; the
    same race with a read-then-write overbooks, which shows the race is real."""
    insurer, platform = await new_tenant("insurer"), await platform_with_seller(new_tenant)
    product = await make_product(client, insurer, product_terms())
    quote = await quoted(client, platform, quote_request())
    key = ExposureKey(quote["buyer"], product["id"], "EUR")

    granted, stored = await _race(settings, reserve, key, AMOUNT, AMOUNT * SLOTS)

    if holds:
        assert (granted, stored) == (SLOTS, AMOUNT * SLOTS)
    else:
        assert granted > SLOTS or stored != AMOUNT * granted
