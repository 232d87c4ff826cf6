"""Wire types of buyers: identity, the caller's own facts and score, capacity, and the
monitoring (status, signals, insurers' limits)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal, cast

import msgspec

from marketplace.buyers.status import BuyerStatus, SignalType
from marketplace.kit.described import CreatedAt, Livemode, UpdatedAt
from marketplace.kit.ids import id_pattern
from marketplace.kit.reference import Country, Currency, Sector
from marketplace.models.buyers import Buyer, BuyerFactSet, BuyerLimit, BuyerSignal
from marketplace.products.schemas import MAX_MINOR_UNITS, MinorUnits

RegistrationNumber = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9 ./-]*$",
        description="The company's registration number in its country (SIREN in France,"
        " company number in the UK); compared without spaces, dots, hyphens, slashes or a"
        " leading country code",
    ),
]
BuyerId = Annotated[str, msgspec.Meta(description="The buyer's id (buy_…)")]
BuyerCountry = Annotated[str, msgspec.Meta(description="The buyer's country (ISO 3166 alpha-2)")]
StatusChangedAt = Annotated[
    datetime | None,
    msgspec.Meta(description="When `status` last changed (UTC); null while never changed"),
]
MonitoringStatus = Annotated[
    BuyerStatus,
    msgspec.Meta(
        description="The marketplace-wide monitoring status, set by signals: `normal`,"
        " `watch`, `stop` (no new cover) or `insolvent` (no new cover; insolvency claims open)"
    ),
]
ProductId = Annotated[str, msgspec.Meta(description="The product (prod_…)")]
InsurerId = Annotated[str, msgspec.Meta(description="The product's insurer (acct_…)")]
AmountCurrency = Annotated[
    Currency, msgspec.Meta(description="ISO 4217 code of the currency of the amounts")
]


class BuyerFacts(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """What is known of a buyer; any field may be missing (the model copes)."""

    name: (
        Annotated[
            str,
            msgspec.Meta(min_length=1, max_length=200, description="The company's name"),
        ]
        | None
    ) = None
    sector: Annotated[
        Sector | None,
        msgspec.Meta(description="Its NACE section: a letter, A-U (C is manufacturing)"),
    ] = None
    years_in_business: (
        Annotated[
            float,
            msgspec.Meta(ge=0, le=500, description="Years since the company was founded"),
        ]
        | None
    ) = None
    employees: (
        Annotated[int, msgspec.Meta(ge=0, le=10_000_000, description="How many people it employs")]
        | None
    ) = None
    annual_revenue: (
        Annotated[
            int,
            msgspec.Meta(
                ge=0,
                le=MAX_MINOR_UNITS,
                description="Its yearly revenue, in minor units of the invoice currency",
            ),
        ]
        | None
    ) = None
    payment_incidents_12m: (
        Annotated[
            int,
            msgspec.Meta(
                ge=0, le=1000, description="Payment incidents known in the last 12 months"
            ),
        ]
        | None
    ) = None
    avg_days_beyond_terms: (
        Annotated[
            float,
            msgspec.Meta(
                ge=-365,
                le=3650,
                description="How many days after the due date it pays on average (negative: early)",
            ),
        ]
        | None
    ) = None
    bureau_score: (
        Annotated[
            int,
            msgspec.Meta(
                ge=0, le=100, description="A credit bureau's score, 0 (worst) to 100 (best)"
            ),
        ]
        | None
    ) = None


class BuyerIn(BuyerFacts, kw_only=True):
    """The buyer of an invoice: its identity, and whatever the caller knows of it."""

    country: Annotated[Country, msgspec.Meta(description="The buyer's country (ISO 3166 alpha-2)")]
    registration_number: RegistrationNumber


class BuyerRisk(msgspec.Struct):
    """A score the model gave, on the facts of the account that quoted."""

    probability_of_default: Annotated[
        float | None,
        msgspec.Meta(
            description="The probability that the buyer does not pay: a ratio from 0 to 1"
            " (0.0345 is 3.45 %); null when never scored"
        ),
    ]
    grade: Annotated[
        str | None,
        msgspec.Meta(description="The probability as a grade, A (safest) to E"),
    ]
    model_version: Annotated[
        str | None, msgspec.Meta(description="The model that scored it (`uw-…`)")
    ]
    scored_at: Annotated[datetime | None, msgspec.Meta(description="When it was scored (UTC)")]


class Capacity(msgspec.Struct):
    """One product's room on this buyer, in one currency.

    ``exposure`` counts only the covers the caller may see (its own and, for a platform, its
    sellers'; an insurer's on its product; the operator all). ``limit`` is the product's
    per-buyer capacity, capped by the insurer's own limit on this buyer, and ``available``
    what is still insurable marketplace-wide, whoever holds the rest: every quote's capacity
    check shows that anyway (0 while the buyer's status is ``stop`` or ``insolvent``).
    """

    product: ProductId
    insurer: InsurerId
    currency: AmountCurrency
    limit: Annotated[
        int,
        msgspec.Meta(
            description="The product's capacity on one buyer, capped by the insurer's limit,"
            " in minor units of `currency`"
        ),
    ]
    insurer_limit: Annotated[
        int | None,
        msgspec.Meta(
            description="The insurer's own limit on this buyer, in minor units, if it set one"
        ),
    ]
    exposure: Annotated[
        int,
        msgspec.Meta(
            description=(
                "Insured amount of the covers holding exposure that the caller may see (its own,"
                " its sellers'; an insurer's on this product; all for the operator), in minor"
                " units"
            )
        ),
    ]
    available: Annotated[
        int,
        msgspec.Meta(
            description="What the product can still insure on this buyer, marketplace-wide,"
            " in minor units (0 while the buyer is `stop` or `insolvent`)"
        ),
    ]


class BuyerFactSetOut(msgspec.Struct, kw_only=True):
    """What one account said of the buyer, and the score its latest quote got (operator only)."""

    account: Annotated[str, msgspec.Meta(description="The account whose facts these are")]
    facts: Annotated[BuyerFacts, msgspec.Meta(description="What its quotes said of the buyer")]
    risk: Annotated[BuyerRisk, msgspec.Meta(description="The latest score of its quotes")]
    updated_at: Annotated[datetime, msgspec.Meta(description="When its facts last changed (UTC)")]


class BuyerOut(msgspec.Struct, kw_only=True):
    """A buyer as the caller sees it.

    ``name``, ``sector``, ``facts`` and ``risk`` are the caller's own (what its quotes said and
    the latest score they got; null when it never sent any): another tenant's never show.
    ``fact_sets`` lists every account's, for the operator only (null for everyone else).
    """

    id: BuyerId
    country: BuyerCountry
    registration_number: Annotated[
        str,
        msgspec.Meta(
            description="The registration number as compared: upper case, without spaces,"
            " dots, hyphens, slashes or a leading country code"
        ),
    ]
    name: Annotated[str | None, msgspec.Meta(description="The name your quotes gave (null: none)")]
    sector: Annotated[
        str | None,
        msgspec.Meta(description="The NACE section your quotes gave (null: none)"),
    ]
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
    capacity: Annotated[
        list[Capacity],
        msgspec.Meta(description="Per product and currency: its limit, exposure and room left"),
    ]
    status: MonitoringStatus
    status_changed_at: StatusChangedAt
    livemode: Livemode
    created_at: Annotated[
        datetime, msgspec.Meta(description="When the buyer was first quoted (UTC)")
    ]
    updated_at: Annotated[
        datetime,
        msgspec.Meta(description="When what you see of it last changed (UTC)"),
    ]
    object: Annotated[
        Literal["buyer"], msgspec.Meta(description="The kind of object: always `buyer`")
    ] = "buyer"

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
            status=_status(buyer.status),
            status_changed_at=buyer.status_changed_at,
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


def _status(status: str) -> BuyerStatus:
    # Only ``buyers.status`` writes the column, with one of these values.
    return cast("BuyerStatus", status)


def _signal_type(signal_type: str) -> SignalType:
    # Written only from a validated ``SignalIn.type``.
    return cast("SignalType", signal_type)


Source = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=r"\S")]


class SignalIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """What an insurer or the operator learnt about a buyer; ``bureau_score`` (0-100) goes
    with, and only with, type ``bureau_score``."""

    type: Annotated[
        SignalType,
        msgspec.Meta(
            description="What happened: `insolvency`, `payment_default`, `rating_downgrade`,"
            " `rating_upgrade` or a new `bureau_score`; each moves the buyer's status by the"
            " monitoring table"
        ),
    ]
    effective_on: Annotated[
        date, msgspec.Meta(description="When it happened or was published (not in the future)")
    ]
    source: Annotated[
        Source, msgspec.Meta(description="Where it comes from (a court, a bureau, a ledger)")
    ]
    bureau_score: (
        Annotated[
            int,
            msgspec.Meta(
                ge=0, le=100, description="The score (0-100): for, and only for, type bureau_score"
            ),
        ]
        | None
    ) = None


class LatestSignal(msgspec.Struct, kw_only=True):
    """The signal recorded last on a buyer (who sent it is not shown)."""

    id: Annotated[str, msgspec.Meta(description="The signal's id (sig_…)")]
    type: Annotated[SignalType, msgspec.Meta(description="What happened")]
    effective_on: Annotated[date, msgspec.Meta(description="When it happened or was published")]
    source: Annotated[str, msgspec.Meta(description="Where it comes from")]
    bureau_score: Annotated[
        int | None, msgspec.Meta(description="The bureau score (0-100), for type `bureau_score`")
    ]


class LimitChange(msgspec.Struct, kw_only=True):
    """An insurer's limit that went down: what the product may now insure on the buyer."""

    product: ProductId
    insurer: InsurerId
    currency: AmountCurrency
    amount: Annotated[
        int,
        msgspec.Meta(
            description="The limit now, in minor units (at most the product's buyer capacity)"
        ),
    ]
    previous_amount: Annotated[
        int,
        msgspec.Meta(
            description="The limit before, in minor units (the product's capacity if none was set)"
        ),
    ]


class BuyerStatusOut(msgspec.Struct, kw_only=True):
    """A buyer's public identity and monitoring status: the answer to a signal and the
    ``data.object`` of ``buyer.alert`` (no tenant's own facts ever show here)."""

    id: BuyerId
    country: BuyerCountry
    registration_number: Annotated[
        str, msgspec.Meta(description="The registration number as compared (see `BuyerOut`)")
    ]
    status: MonitoringStatus
    status_changed_at: StatusChangedAt
    latest_signal: Annotated[
        LatestSignal | None,
        msgspec.Meta(description="The signal recorded last (null: none yet)"),
    ]
    limit_change: Annotated[
        LimitChange | None,
        msgspec.Meta(description="In an alert about an insurer's lower limit: that limit"),
    ] = None
    livemode: Livemode
    object: Annotated[
        Literal["buyer"], msgspec.Meta(description="The kind of object: always `buyer`")
    ] = "buyer"

    @classmethod
    def of(
        cls,
        buyer: Buyer,
        status: str,
        status_changed_at: datetime | None,
        latest: BuyerSignal | None,
    ) -> BuyerStatusOut:
        return cls(
            id=buyer.id,
            country=buyer.country,
            registration_number=buyer.registration_number,
            status=_status(status),
            status_changed_at=status_changed_at,
            latest_signal=None if latest is None else latest_signal_of(latest),
            livemode=buyer.livemode,
        )


def latest_signal_of(signal: BuyerSignal) -> LatestSignal:
    return LatestSignal(
        id=signal.id,
        type=_signal_type(signal.type),
        effective_on=signal.effective_on,
        source=signal.source,
        bureau_score=signal.bureau_score,
    )


class BuyerSignalOut(msgspec.Struct, kw_only=True):
    """A signal as recorded, with the status it moved the buyer from and to."""

    id: Annotated[str, msgspec.Meta(description="The signal's id (sig_…)")]
    buyer: BuyerId
    type: Annotated[SignalType, msgspec.Meta(description="What happened")]
    effective_on: Annotated[date, msgspec.Meta(description="When it happened or was published")]
    source: Annotated[str, msgspec.Meta(description="Where it comes from")]
    bureau_score: Annotated[
        int | None, msgspec.Meta(description="The bureau score (0-100), for type `bureau_score`")
    ]
    status_before: Annotated[
        BuyerStatus, msgspec.Meta(description="The buyer's status before this signal")
    ]
    status_after: Annotated[
        BuyerStatus, msgspec.Meta(description="The buyer's status after this signal")
    ]
    livemode: Livemode
    created_at: Annotated[datetime, msgspec.Meta(description="When it was recorded (UTC)")]
    object: Annotated[
        Literal["buyer_signal"],
        msgspec.Meta(description="The kind of object: always `buyer_signal`"),
    ] = "buyer_signal"

    @classmethod
    def of(cls, signal: BuyerSignal) -> BuyerSignalOut:
        return cls(
            id=signal.id,
            buyer=signal.buyer_id,
            type=_signal_type(signal.type),
            effective_on=signal.effective_on,
            source=signal.source,
            bureau_score=signal.bureau_score,
            status_before=_status(signal.status_before),
            status_after=_status(signal.status_after),
            livemode=signal.livemode,
            created_at=signal.created_at,
        )


class LimitIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An insurer's own limit on a buyer under one of its products, in one currency."""

    product: Annotated[
        str,
        msgspec.Meta(
            pattern=id_pattern("product"), description="One of the insurer's products (prod_…)"
        ),
    ]
    currency: Annotated[
        Currency, msgspec.Meta(description="ISO 4217 code of a currency the product insures")
    ]
    amount: Annotated[
        MinorUnits,
        msgspec.Meta(
            description=(
                "The most the product may insure on the buyer, in minor units (0: no new"
                " cover); above the product's buyer capacity it changes nothing"
            )
        ),
    ]


class BuyerLimitOut(msgspec.Struct, kw_only=True):
    """An insurer's own limit on a buyer under one product, in one currency."""

    buyer: BuyerId
    product: ProductId
    insurer: Annotated[str, msgspec.Meta(description="The insurer that set it (acct_…)")]
    currency: AmountCurrency
    amount: Annotated[
        int,
        msgspec.Meta(description="The most the product may insure on the buyer, in minor units"),
    ]
    livemode: Livemode
    created_at: CreatedAt
    updated_at: UpdatedAt
    object: Annotated[
        Literal["buyer_limit"],
        msgspec.Meta(description="The kind of object: always `buyer_limit`"),
    ] = "buyer_limit"

    @classmethod
    def of(cls, limit: BuyerLimit, livemode: bool) -> BuyerLimitOut:
        return cls(
            buyer=limit.buyer_id,
            product=limit.product_id,
            insurer=limit.account_id,
            currency=Currency(limit.currency),
            amount=limit.amount_minor,
            livemode=livemode,
            created_at=limit.created_at,
            updated_at=limit.updated_at,
        )
