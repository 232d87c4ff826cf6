"""50 binds at once on a buyer whose capacity fits 10: exactly 10 reserve, the rest are refused,
and the exposure equals what was reserved (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from marketplace.models import BuyerExposure, Cover
from tests.covers.helpers import bind, quoted
from tests.factories import product_terms, quote_request, registration_number
from tests.fixtures.market import make_product

BINDS = 50
FITS = 10
AMOUNT = 1_000_000
RATIO = 0.9


async def test_concurrent_binds_never_exceed_the_buyer_capacity(client, new_tenant, database):
    insurer, platform = await new_tenant("insurer"), await new_tenant("platform")
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
