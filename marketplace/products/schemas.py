"""Wire types of insurer products: appetite, cover terms and pricing parameters.

Money is in integer minor units of the currency it sits beside; ratios are decimals in (0, 1].
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from marketplace.kit.described import CreatedAt, Livemode, UpdatedAt
from marketplace.kit.reference import Country, Currency, Sector
from marketplace.models.products import Product

MAX_MINOR_UNITS = 10**13
"""The largest amount the API accepts anywhere (100 billion in a two-digit currency)."""

Ratio = Annotated[float, msgspec.Meta(gt=0, le=1)]
MinorUnits = Annotated[int, msgspec.Meta(ge=0, le=MAX_MINOR_UNITS)]
PositiveMinorUnits = Annotated[int, msgspec.Meta(ge=1, le=MAX_MINOR_UNITS)]


class CurrencyTerms(msgspec.Struct, forbid_unknown_fields=True):
    """What the product insures in one currency (every amount in its minor units)."""

    currency: Annotated[
        Currency, msgspec.Meta(description="ISO 4217 code of the currency these terms are for")
    ]
    amount_min: Annotated[
        PositiveMinorUnits,
        msgspec.Meta(description="The smallest invoice amount insured, in minor units"),
    ]
    amount_max: Annotated[
        PositiveMinorUnits,
        msgspec.Meta(description="The largest invoice amount insured, in minor units"),
    ]
    buyer_capacity: Annotated[
        PositiveMinorUnits,
        msgspec.Meta(
            description="The most this product insures on one buyer at a time (the sum of the"
            " insured amounts of its covers holding exposure), in minor units"
        ),
    ]
    minimum_premium: Annotated[
        MinorUnits,
        msgspec.Meta(
            description="The smallest premium charged, in minor units (never below the"
            " smallest card payment in the currency)"
        ),
    ] = 0
    fixed_fee: Annotated[
        MinorUnits,
        msgspec.Meta(description="Added to every premium, in minor units"),
    ] = 0


class PricingTerms(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Premium = expected loss / target loss ratio, plus loadings and the fixed fee.

    Expected loss = insured amount x probability of default x loss given default; the expense
    loading is a share of that risk premium; the time loading a yearly rate on the insured
    amount for the invoice's tenor. The premium is rounded up and never below the minimum.
    """

    loss_given_default: Annotated[
        Ratio,
        msgspec.Meta(
            description="Share of the insured amount lost when the buyer defaults, after"
            " expected recoveries: a ratio in (0, 1]"
        ),
    ]
    target_loss_ratio: Annotated[
        float,
        msgspec.Meta(
            ge=0.05,
            le=1,
            description="Share of the risk premium meant to pay claims: a ratio from 0.05"
            " (below, the premium would be more than twenty times the expected loss) to 1",
        ),
    ]
    expense_loading: Annotated[
        float,
        msgspec.Meta(
            ge=0,
            lt=1,
            description="The insurer's costs, as a share of the risk premium added to it: a"
            " ratio in [0, 1)",
        ),
    ]
    time_loading_bps_per_year: Annotated[
        int,
        msgspec.Meta(
            ge=0,
            le=10_000,
            description="A yearly rate on the insured amount, in basis points (100 = 1 %),"
            " charged for the invoice's tenor",
        ),
    ] = 0


class ProductTerms(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A complete set of product terms; every update writes a new version of them."""

    name: Annotated[
        str,
        msgspec.Meta(
            min_length=1, max_length=200, description="The product's name, shown on its offers"
        ),
    ]
    currencies: Annotated[
        list[CurrencyTerms],
        msgspec.Meta(
            min_length=1,
            max_length=10,
            description="What the product insures in each currency it takes (each once)",
        ),
    ]
    countries: Annotated[
        list[Country] | None,
        msgspec.Meta(
            description="Buyer countries accepted (ISO 3166 alpha-2); absent or null accepts"
            " every country"
        ),
    ] = None
    excluded_countries: Annotated[
        list[Country], msgspec.Meta(description="Buyer countries refused (ISO 3166 alpha-2)")
    ] = []
    sectors: Annotated[
        list[Sector] | None,
        msgspec.Meta(
            description="Buyer NACE sections accepted (a letter, A-U); absent or null accepts"
            " every section"
        ),
    ] = None
    excluded_sectors: Annotated[
        list[Sector], msgspec.Meta(description="Buyer NACE sections refused (a letter, A-U)")
    ] = []
    max_tenor_days: Annotated[
        int,
        msgspec.Meta(
            ge=1, le=366, description="The longest time from invoice issue to due date, in days"
        ),
    ]
    max_probability_of_default: Annotated[
        Ratio,
        msgspec.Meta(
            description="The highest probability of default accepted: a ratio in (0, 1]"
            " (0.06 is 6 %)"
        ),
    ]
    cover_ratios: Annotated[
        list[Ratio],
        msgspec.Meta(
            min_length=1,
            max_length=10,
            description="The shares of the invoice amount offered as insured amount, each a"
            " ratio in (0, 1]; the first is the default when a quote asks for none",
        ),
    ]
    waiting_period_days: Annotated[
        int,
        msgspec.Meta(
            ge=0,
            le=730,
            description="Days from the declaration of an unpaid invoice to the claim's approval",
        ),
    ]
    claim_threshold_days: Annotated[
        int,
        msgspec.Meta(
            ge=0,
            le=365,
            description="Days past the due date before a claim may open (the cover period ends"
            " then)",
        ),
    ]
    overdue_declaration_days: Annotated[
        int,
        msgspec.Meta(
            ge=1,
            le=180,
            description="Days after the due date within which the seller must declare an"
            " unpaid invoice overdue; a cover never declared within them ends `time_barred`",
        ),
    ] = 30
    amicable_collection_days: Annotated[
        int,
        msgspec.Meta(
            ge=0,
            le=365,
            description="Days of amicable collection on a claim before legal collection starts",
        ),
    ] = 60
    pricing: Annotated[
        PricingTerms, msgspec.Meta(description="The parameters the premium is computed from")
    ]
    quote_validity_minutes: Annotated[
        int,
        msgspec.Meta(
            ge=5,
            le=10080,
            description="How long an offer of this product may be bound, in minutes (5 to"
            " 10080, a week)",
        ),
    ] = 1440

    def limits_in(self, currency: str) -> CurrencyTerms | None:
        """What the product insures in ``currency`` (None: it does not insure that currency)."""
        return next((c for c in self.currencies if c.currency.value == currency), None)


class ProductOut(ProductTerms, kw_only=True):
    id: Annotated[str, msgspec.Meta(description="The product's id (prod_…)")]
    insurer: Annotated[str, msgspec.Meta(description="The insurer offering it (acct_…)")]
    status: Annotated[
        Literal["active", "paused"],
        msgspec.Meta(
            description="`active`: quoted and bindable; `paused`: in no new quote or bind"
        ),
    ]
    version: Annotated[
        int,
        msgspec.Meta(description="The version of the terms in force (1, then one per update)"),
    ]
    livemode: Livemode
    created_at: CreatedAt
    updated_at: UpdatedAt
    object: Annotated[
        Literal["product"], msgspec.Meta(description="The kind of object: always `product`")
    ] = "product"

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

    product: Annotated[str, msgspec.Meta(description="The product's id (prod_…)")]
    version: Annotated[int, msgspec.Meta(description="The version number (1, 2, …)")]
    created_at: Annotated[
        datetime,
        msgspec.Meta(description="When this version was written and came in force (UTC)"),
    ]
    object: Annotated[
        Literal["product_version"],
        msgspec.Meta(description="The kind of object: always `product_version`"),
    ] = "product_version"


def terms_document(terms: ProductTerms) -> dict[str, Any]:
    """The terms as stored (JSON)."""
    document: dict[str, Any] = msgspec.to_builtins(terms)
    return document


def terms_from_document(document: dict[str, Any]) -> ProductTerms:
    return msgspec.convert(document, ProductTerms)
