"""Wire types of insurer products: appetite, cover terms and pricing parameters.

Money is in integer minor units of the currency it sits beside; ratios are decimals in (0, 1].
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from marketplace.kit.reference import Country, Currency, Sector
from marketplace.models.products import Product

MAX_MINOR_UNITS = 10**13
"""The largest amount the API accepts anywhere (100 billion in a two-digit currency)."""

Ratio = Annotated[float, msgspec.Meta(gt=0, le=1)]
MinorUnits = Annotated[int, msgspec.Meta(ge=0, le=MAX_MINOR_UNITS)]
PositiveMinorUnits = Annotated[int, msgspec.Meta(ge=1, le=MAX_MINOR_UNITS)]


class CurrencyTerms(msgspec.Struct, forbid_unknown_fields=True):
    """What the product insures in one currency (every amount in its minor units)."""

    currency: Currency
    amount_min: PositiveMinorUnits
    amount_max: PositiveMinorUnits
    buyer_capacity: PositiveMinorUnits
    """The most this product insures on one buyer at a time (sum of insured amounts)."""
    minimum_premium: MinorUnits = 0
    fixed_fee: MinorUnits = 0


class PricingTerms(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Premium = expected loss / target loss ratio, plus loadings and the fixed fee.

    Expected loss = insured amount x probability of default x loss given default; the expense
    loading is a share of that risk premium; the time loading a yearly rate on the insured
    amount for the invoice's tenor. The premium is rounded up and never below the minimum.
    """

    loss_given_default: Ratio
    """Share of the insured amount lost when the buyer defaults, after expected recoveries."""
    target_loss_ratio: Annotated[float, msgspec.Meta(ge=0.05, le=1)]
    """Share of the risk premium meant to pay claims (from 5 %: below, the premium would be
    more than twenty times the expected loss)."""
    expense_loading: Annotated[float, msgspec.Meta(ge=0, lt=1)]
    time_loading_bps_per_year: Annotated[int, msgspec.Meta(ge=0, le=10_000)] = 0


class ProductTerms(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A complete set of product terms; every update writes a new version of them."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    currencies: Annotated[list[CurrencyTerms], msgspec.Meta(min_length=1, max_length=10)]
    countries: list[Country] | None = None
    """Buyer countries accepted; absent or null accepts every country."""
    excluded_countries: list[Country] = []
    sectors: list[Sector] | None = None
    """Buyer NACE sections accepted; absent or null accepts every section."""
    excluded_sectors: list[Sector] = []
    max_tenor_days: Annotated[int, msgspec.Meta(ge=1, le=366)]
    """Longest time from invoice issue to due date."""
    max_probability_of_default: Ratio
    cover_ratios: Annotated[list[Ratio], msgspec.Meta(min_length=1, max_length=10)]
    """The ratios offered; the first is the default when a quote asks for none."""
    waiting_period_days: Annotated[int, msgspec.Meta(ge=0, le=730)]
    claim_threshold_days: Annotated[int, msgspec.Meta(ge=0, le=365)]
    """Days past due before a claim may open."""
    overdue_declaration_days: Annotated[int, msgspec.Meta(ge=1, le=180)] = 30
    """Days after the due date within which the seller must declare an unpaid invoice
    overdue; a cover never declared within them ends ``time_barred``."""
    amicable_collection_days: Annotated[int, msgspec.Meta(ge=0, le=365)] = 60
    """Days of amicable collection on a claim before legal collection starts."""
    pricing: PricingTerms
    quote_validity_minutes: Annotated[int, msgspec.Meta(ge=5, le=10080)] = 1440

    def limits_in(self, currency: str) -> CurrencyTerms | None:
        """What the product insures in ``currency`` (None: it does not insure that currency)."""
        return next((c for c in self.currencies if c.currency.value == currency), None)


class ProductOut(ProductTerms, kw_only=True):
    id: str
    insurer: str
    status: Literal["active", "paused"]
    version: int
    livemode: bool
    created_at: datetime
    updated_at: datetime
    object: Literal["product"] = "product"

    @classmethod
    def of(cls, product: Product, terms: ProductTerms) -> ProductOut:
        return cls(
            **msgspec.structs.asdict(terms),
            id=product.id,
            insurer=product.insurer_id,
            status=product.status,  # type: ignore[arg-type]
            version=product.version,
            livemode=product.livemode,
            created_at=product.created_at,
            updated_at=product.updated_at,
        )


class ProductVersionOut(ProductTerms, kw_only=True):
    """The terms of one past or present version, as quotes priced with it saw them."""

    product: str
    version: int
    created_at: datetime
    object: Literal["product_version"] = "product_version"


def terms_document(terms: ProductTerms) -> dict[str, Any]:
    """The terms as stored (JSON)."""
    document: dict[str, Any] = msgspec.to_builtins(terms)
    return document


def terms_from_document(document: dict[str, Any]) -> ProductTerms:
    return msgspec.convert(document, ProductTerms)
