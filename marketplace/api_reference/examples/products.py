"""Examples of insurer products: the terms an insurer sends, the product as stored."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

import msgspec

from marketplace.api_reference.examples import ids
from marketplace.api_reference.examples.example import Example
from marketplace.kit.pagination import ListOf
from marketplace.kit.reference import Currency, Sector
from marketplace.products.schemas import (
    CurrencyTerms,
    PricingTerms,
    ProductOut,
    ProductTerms,
    ProductVersionOut,
)

CREATED_AT = datetime(2026, 6, 3, 8, 0, 0, tzinfo=UTC)
UPDATED_AT = datetime(2026, 10, 14, 15, 22, 9, tzinfo=UTC)


def terms() -> ProductTerms:
    """Atlas's broad SME cover in EUR (amounts in minor units: 1,000.00 to 250,000.00)."""
    return ProductTerms(
        name="Atlas SME Invoice Cover",
        currencies=[
            CurrencyTerms(
                currency=Currency("EUR"),
                amount_min=100_000,
                amount_max=25_000_000,
                buyer_capacity=50_000_000,
                minimum_premium=2_500,
                fixed_fee=500,
            )
        ],
        excluded_sectors=[Sector("K"), Sector("O"), Sector("T"), Sector("U")],
        max_tenor_days=120,
        max_probability_of_default=0.06,
        cover_ratios=[0.9, 0.75],
        waiting_period_days=150,
        claim_threshold_days=60,
        pricing=PricingTerms(
            loss_given_default=0.55,
            target_loss_ratio=0.65,
            expense_loading=0.12,
            time_loading_bps_per_year=40,
        ),
    )


def product(status: Literal["active", "paused"] = "active") -> ProductOut:
    return ProductOut(
        **msgspec.structs.asdict(terms()),
        id=ids.ATLAS_PRODUCT,
        insurer=ids.ATLAS,
        status=status,
        version=3,
        livemode=False,
        created_at=CREATED_AT,
        updated_at=UPDATED_AT,
    )


def _version() -> ProductVersionOut:
    return ProductVersionOut(
        **msgspec.structs.asdict(terms()),
        product=ids.ATLAS_PRODUCT,
        version=3,
        created_at=UPDATED_AT,
    )


def examples() -> list[Example]:
    return [
        Example("terms", "An SME cover in EUR, four sectors excluded", terms()),
        Example("paused", "The product, paused", product("paused"), ("pause_product",)),
        Example("product", "A product with its terms in force", product()),
        Example("version", "The terms of version 3", _version()),
        Example("page", "One page of products", ListOf(data=[product()], has_more=False)),
    ]
