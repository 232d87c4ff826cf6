"""Wire types of buyers: identity, the caller's own facts and score, capacity."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from marketplace.kit.reference import Country, Currency, Sector
from marketplace.models.buyers import Buyer, BuyerFactSet
from marketplace.products.schemas import MAX_MINOR_UNITS

RegistrationNumber = Annotated[
    str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9 ./-]*$")
]


class BuyerFacts(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """What is known of a buyer; any field may be missing (the model copes)."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)] | None = None
    sector: Sector | None = None
    years_in_business: Annotated[float, msgspec.Meta(ge=0, le=500)] | None = None
    employees: Annotated[int, msgspec.Meta(ge=0, le=10_000_000)] | None = None
    annual_revenue: Annotated[int, msgspec.Meta(ge=0, le=MAX_MINOR_UNITS)] | None = None
    """In minor units of the invoice currency."""
    payment_incidents_12m: Annotated[int, msgspec.Meta(ge=0, le=1000)] | None = None
    avg_days_beyond_terms: Annotated[float, msgspec.Meta(ge=-365, le=3650)] | None = None
    bureau_score: Annotated[int, msgspec.Meta(ge=0, le=100)] | None = None


class BuyerIn(BuyerFacts, kw_only=True):
    """The buyer of an invoice: its identity, and whatever the caller knows of it."""

    country: Country
    registration_number: RegistrationNumber


class BuyerRisk(msgspec.Struct):
    """A score the model gave, on the facts of the account that quoted."""

    probability_of_default: float | None
    grade: str | None
    model_version: str | None
    scored_at: datetime | None


class Capacity(msgspec.Struct):
    """One product's room on this buyer, in one currency.

    ``exposure`` counts only the covers the caller may see (its own and, for a platform, its
    sellers'; an insurer's on its product; the operator all). ``limit`` is the product's
    per-buyer capacity and ``available`` what is still insurable marketplace-wide, whoever
    holds the rest: every quote's capacity check shows that anyway.
    """

    product: str
    insurer: str
    currency: Currency
    limit: Annotated[int, msgspec.Meta(description="The product's capacity on one buyer")]
    exposure: Annotated[
        int,
        msgspec.Meta(
            description=(
                "Insured amount of the covers holding exposure that the caller may see (its own,"
                " its sellers'; an insurer's on this product; all for the operator)"
            )
        ),
    ]
    available: Annotated[
        int,
        msgspec.Meta(
            description="What the product can still insure on this buyer, marketplace-wide"
        ),
    ]


class BuyerFactSetOut(msgspec.Struct, kw_only=True):
    """What one account said of the buyer, and the score its latest quote got (operator only)."""

    account: str
    facts: BuyerFacts
    risk: BuyerRisk
    updated_at: datetime


class BuyerOut(msgspec.Struct, kw_only=True):
    """A buyer as the caller sees it.

    ``name``, ``sector``, ``facts`` and ``risk`` are the caller's own (what its quotes said and
    the latest score they got; null when it never sent any): another tenant's never show.
    ``fact_sets`` lists every account's, for the operator only (null for everyone else).
    """

    id: str
    country: str
    registration_number: str
    name: str | None
    sector: str | None
    facts: Annotated[
        BuyerFacts, msgspec.Meta(description="What the caller's own quotes said of the buyer")
    ]
    risk: Annotated[
        BuyerRisk, msgspec.Meta(description="The latest score of the caller's own quotes")
    ]
    fact_sets: Annotated[
        list[BuyerFactSetOut] | None,
        msgspec.Meta(description="Every account's facts and score: for the operator only"),
    ]
    capacity: list[Capacity]
    livemode: bool
    created_at: datetime
    updated_at: datetime
    object: Literal["buyer"] = "buyer"

    @classmethod
    def of(
        cls,
        buyer: Buyer,
        own: BuyerFactSet | None,
        every_account: list[BuyerFactSet] | None,
        capacity: list[Capacity],
    ) -> BuyerOut:
        shown = [own] if own else every_account or []
        return cls(
            id=buyer.id,
            country=buyer.country,
            registration_number=buyer.registration_number,
            name=own.name if own else None,
            sector=own.sector if own else None,
            facts=facts_of(own),
            risk=risk_of(own),
            fact_sets=None if every_account is None else [fact_set_of(f) for f in every_account],
            capacity=capacity,
            livemode=buyer.livemode,
            created_at=buyer.created_at,
            updated_at=max([buyer.updated_at, *(f.updated_at for f in shown)]),
        )


def facts_of(given: BuyerFactSet | None) -> BuyerFacts:
    if given is None:
        return BuyerFacts()
    return BuyerFacts(
        name=given.name,
        sector=Sector(given.sector) if given.sector else None,
        years_in_business=given.years_in_business,
        employees=given.employees,
        annual_revenue=given.annual_revenue_minor,
        payment_incidents_12m=given.payment_incidents_12m,
        avg_days_beyond_terms=given.avg_days_beyond_terms,
        bureau_score=given.bureau_score,
    )


def risk_of(given: BuyerFactSet | None) -> BuyerRisk:
    if given is None:
        return BuyerRisk(None, None, None, None)
    return BuyerRisk(
        given.probability_of_default, given.grade, given.model_version, given.scored_at
    )


def fact_set_of(given: BuyerFactSet) -> BuyerFactSetOut:
    return BuyerFactSetOut(
        account=given.account_id,
        facts=facts_of(given),
        risk=risk_of(given),
        updated_at=given.updated_at,
    )
