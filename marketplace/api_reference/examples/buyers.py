"""Examples of buyers and their monitoring: signals, limits, the status an alert carries."""

from __future__ import annotations

from datetime import UTC, date, datetime

from marketplace.api_reference.examples import ids
from marketplace.api_reference.examples.example import Example
from marketplace.buyers.schemas import (
    BuyerFacts,
    BuyerLimitOut,
    BuyerOut,
    BuyerRisk,
    BuyerSignalOut,
    BuyerStatusOut,
    Capacity,
    LatestSignal,
    LimitChange,
    LimitIn,
    SignalIn,
)
from marketplace.kit.pagination import ListOf
from marketplace.kit.reference import Currency, Sector

FIRST_QUOTED_AT = datetime(2026, 9, 8, 11, 2, 40, tzinfo=UTC)
SIGNALLED_AT = datetime(2026, 11, 27, 8, 15, 0, tzinfo=UTC)
LIMIT_SET_AT = datetime(2026, 11, 27, 8, 20, 31, tzinfo=UTC)


def buyer() -> BuyerOut:
    """Acme SAS as the platform that quoted it sees it (capacity per product, in EUR cents)."""
    return BuyerOut(
        id=ids.BUYER,
        country="FR",
        registration_number="552100554",
        name="Acme SAS",
        sector="C",
        facts=BuyerFacts(
            name="Acme SAS",
            sector=Sector("C"),
            years_in_business=12.5,
            employees=48,
            annual_revenue=820_000_000,
            payment_incidents_12m=0,
            avg_days_beyond_terms=4.0,
            bureau_score=71,
        ),
        risk=BuyerRisk(
            probability_of_default=0.0345,
            grade="C",
            model_version=ids.MODEL_VERSION,
            scored_at=datetime(2026, 11, 25, 9, 30, 12, tzinfo=UTC),
        ),
        fact_sets=None,
        capacity=[
            Capacity(
                product=ids.ATLAS_PRODUCT,
                insurer=ids.ATLAS,
                currency=Currency("EUR"),
                limit=50_000_000,
                insurer_limit=None,
                exposure=1_125_000,
                available=48_875_000,
            ),
            Capacity(
                product=ids.HELIOS_PRODUCT,
                insurer=ids.HELIOS,
                currency=Currency("EUR"),
                limit=5_000_000,
                insurer_limit=5_000_000,
                exposure=0,
                available=5_000_000,
            ),
        ],
        status="normal",
        status_changed_at=None,
        livemode=False,
        created_at=FIRST_QUOTED_AT,
        updated_at=datetime(2026, 11, 25, 9, 30, 12, tzinfo=UTC),
    )


def _latest_signal() -> LatestSignal:
    return LatestSignal(
        id=ids.SIGNAL,
        type="payment_default",
        effective_on=date(2026, 11, 26),
        source="Tribunal de commerce de Paris",
        bureau_score=None,
    )


def status_out() -> BuyerStatusOut:
    """The buyer's public status after a payment default (no tenant's facts in it)."""
    return BuyerStatusOut(
        id=ids.BUYER,
        country="FR",
        registration_number="552100554",
        status="stop",
        status_changed_at=SIGNALLED_AT,
        latest_signal=_latest_signal(),
        livemode=False,
    )


def lower_limit_alert() -> BuyerStatusOut:
    """The ``data.object`` of a ``buyer.alert`` about an insurer's lower limit."""
    return BuyerStatusOut(
        id=ids.BUYER,
        country="FR",
        registration_number="552100554",
        status="normal",
        status_changed_at=None,
        latest_signal=None,
        limit_change=LimitChange(
            product=ids.HELIOS_PRODUCT,
            insurer=ids.HELIOS,
            currency=Currency("EUR"),
            amount=5_000_000,
            previous_amount=15_000_000,
        ),
        livemode=False,
    )


def _signal_out() -> BuyerSignalOut:
    return BuyerSignalOut(
        id=ids.SIGNAL,
        buyer=ids.BUYER,
        type="payment_default",
        effective_on=date(2026, 11, 26),
        source="Tribunal de commerce de Paris",
        bureau_score=None,
        status_before="normal",
        status_after="stop",
        livemode=False,
        created_at=SIGNALLED_AT,
    )


def _limit_out() -> BuyerLimitOut:
    return BuyerLimitOut(
        buyer=ids.BUYER,
        product=ids.HELIOS_PRODUCT,
        insurer=ids.HELIOS,
        currency=Currency("EUR"),
        amount=5_000_000,
        livemode=False,
        created_at=LIMIT_SET_AT,
        updated_at=LIMIT_SET_AT,
    )


def examples() -> list[Example]:
    return [
        Example("buyer", "A buyer, as a platform that quoted it sees it", buyer()),
        Example("page", "One page of buyers", ListOf(data=[buyer()], has_more=False)),
        Example(
            "payment_default",
            "A payment default, published by a court",
            SignalIn(
                type="payment_default",
                effective_on=date(2026, 11, 26),
                source="Tribunal de commerce de Paris",
            ),
        ),
        Example(
            "bureau_score",
            "A new bureau score (0-100)",
            SignalIn(
                type="bureau_score",
                effective_on=date(2026, 11, 20),
                source="Ellisphere",
                bureau_score=18,
            ),
        ),
        Example("stopped", "The buyer is now `stop`: no new cover", status_out()),
        Example("page", "One page of signals", ListOf(data=[_signal_out()], has_more=False)),
        Example(
            "limit",
            "At most EUR 50,000.00 insured on this buyer",
            LimitIn(product=ids.HELIOS_PRODUCT, currency=Currency("EUR"), amount=5_000_000),
        ),
        Example("limit", "The insurer's limit", _limit_out()),
        Example("limits", "The insurer's limits", ListOf(data=[_limit_out()], has_more=False)),
    ]
