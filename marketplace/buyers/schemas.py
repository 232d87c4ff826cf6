"""Wire types of buyers: identity, the facts quotes carried, the latest score, capacity."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from marketplace.kit.reference import Country, Currency, Sector
from marketplace.models.buyers import Buyer
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
    probability_of_default: float | None
    grade: str | None
    model_version: str | None
    scored_at: datetime | None


class Capacity(msgspec.Struct):
    """How much more a product can insure on this buyer, in one currency."""

    product: str
    insurer: str
    currency: Currency
    limit: int
    exposure: int
    available: int


class BuyerOut(msgspec.Struct, kw_only=True):
    id: str
    country: str
    registration_number: str
    name: str | None
    sector: str | None
    facts: BuyerFacts
    risk: BuyerRisk
    capacity: list[Capacity]
    livemode: bool
    created_at: datetime
    updated_at: datetime
    object: Literal["buyer"] = "buyer"

    @classmethod
    def of(cls, buyer: Buyer, capacity: list[Capacity]) -> BuyerOut:
        return cls(
            id=buyer.id,
            country=buyer.country,
            registration_number=buyer.registration_number,
            name=buyer.name,
            sector=buyer.sector,
            facts=facts_of(buyer),
            risk=BuyerRisk(
                buyer.probability_of_default, buyer.grade, buyer.model_version, buyer.scored_at
            ),
            capacity=capacity,
            livemode=buyer.livemode,
            created_at=buyer.created_at,
            updated_at=buyer.updated_at,
        )


def facts_of(buyer: Buyer) -> BuyerFacts:
    return BuyerFacts(
        name=buyer.name,
        sector=Sector(buyer.sector) if buyer.sector else None,
        years_in_business=buyer.years_in_business,
        employees=buyer.employees,
        annual_revenue=buyer.annual_revenue_minor,
        payment_incidents_12m=buyer.payment_incidents_12m,
        avg_days_beyond_terms=buyer.avg_days_beyond_terms,
        bureau_score=buyer.bureau_score,
    )
