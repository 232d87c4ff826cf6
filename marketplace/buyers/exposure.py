"""Reserving and releasing a buyer's exposure per product, atomically.

A reservation is one conditional update: it adds the insured amount only if the result stays
within the limit. Two binds at once can therefore never push exposure over the limit, on
PostgreSQL (the second update waits for the first row lock and re-checks the condition) or on
SQLite (writers take turns). Exposure = insured amounts of the pending and active covers.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from marketplace.kit.sql import insert_ignore
from marketplace.models.buyers import BuyerExposure


@dataclass(frozen=True, slots=True)
class ExposureKey:
    """Whose exposure: a buyer, under one product, in one currency."""

    buyer_id: str
    product_id: str
    currency: str

    def where(self) -> list[ColumnElement[bool]]:
        return [
            BuyerExposure.buyer_id == self.buyer_id,
            BuyerExposure.product_id == self.product_id,
            BuyerExposure.currency == self.currency,
        ]


async def reserve(
    session: AsyncSession, key: ExposureKey, amount_minor: int, limit_minor: int
) -> bool:
    """Add ``amount_minor`` to the exposure if it stays within ``limit_minor``; whether it did."""
    identity = {"buyer_id": key.buyer_id, "product_id": key.product_id, "currency": key.currency}
    await insert_ignore(session, BuyerExposure, {**identity, "exposure_minor": 0})
    result = await session.execute(
        update(BuyerExposure)
        .where(*key.where(), BuyerExposure.exposure_minor + amount_minor <= limit_minor)
        .values(exposure_minor=BuyerExposure.exposure_minor + amount_minor)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


async def release(session: AsyncSession, key: ExposureKey, amount_minor: int) -> None:
    """Give back a reservation (never below zero)."""
    await session.execute(
        update(BuyerExposure)
        .where(*key.where(), BuyerExposure.exposure_minor >= amount_minor)
        .values(exposure_minor=BuyerExposure.exposure_minor - amount_minor)
    )
