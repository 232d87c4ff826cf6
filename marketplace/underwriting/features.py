"""The one feature spec: a book row (training) and a quote (serving) become the same vector.

``FEATURE_NAMES`` is the model's input order. ``encode_facts`` turns one ``QuoteFacts`` into 14
floats; ``table_features.encode_table`` turns a validated book into the same ``(n, 14)`` matrix.
Missing values are NaN (LightGBM routes them itself). The two categoricals use vocabularies
fitted on the training book (``Vocabularies``), stored in the model artifact:

- ``country``: a LightGBM categorical; code 0 is ``unknown``, which the model learns from the
  countries too rare in training to have their own code, so an unseen country never crashes.
- ``sector``: the NACE letter's rank by (smoothed) training claim rate, with ``unknown`` ranked
  among them. Encoding the sector as a risk rank lets training constrain the model to be
  monotone in it: a more insolvency-prone sector never lowers the probability.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

UNKNOWN = "unknown"
"""The reserved vocabulary entry for a category the model has no code of its own for."""

FEATURE_NAMES: tuple[str, ...] = (
    "amount_minor",
    "tenor_days",
    "amount_to_revenue",
    "country",
    "sector",
    "years_in_business",
    "employees",
    "annual_revenue_minor",
    "payment_incidents_12m",
    "avg_days_beyond_terms",
    "bureau_score",
    "relationship_months",
    "prior_invoices_count",
    "prior_late_ratio",
)
COUNTRY_INDEX = FEATURE_NAMES.index("country")
SECTOR_INDEX = FEATURE_NAMES.index("sector")

# Book column feeding each pass-through feature (the others are derived or categorical).
BOOK_COLUMN_OF: dict[str, str] = {
    "amount_minor": "amount",
    "years_in_business": "buyer_years_in_business",
    "employees": "buyer_employees",
    "annual_revenue_minor": "buyer_annual_revenue",
    "payment_incidents_12m": "buyer_payment_incidents_12m",
    "avg_days_beyond_terms": "buyer_avg_days_beyond_terms",
    "bureau_score": "buyer_bureau_score",
    "relationship_months": "relationship_months",
    "prior_invoices_count": "prior_invoices_count",
    "prior_late_ratio": "prior_late_ratio",
}


@dataclass(frozen=True, slots=True)
class QuoteFacts:
    """What a quote knows of the invoice, the buyer and the seller-buyer relationship.

    Invoice fields are required; every buyer and relationship field may be None (unknown).
    Money is in minor units of ``currency``; ``annual_revenue_minor`` too. ``sector`` is a
    NACE section letter, ``country`` an ISO 3166 alpha-2 code.
    """

    amount_minor: int
    currency: str
    issue_date: dt.date
    due_date: dt.date
    country: str | None = None
    sector: str | None = None
    years_in_business: float | None = None
    employees: int | None = None
    annual_revenue_minor: int | None = None
    payment_incidents_12m: int | None = None
    avg_days_beyond_terms: float | None = None
    bureau_score: float | None = None
    relationship_months: float | None = None
    prior_invoices_count: int | None = None
    prior_late_ratio: float | None = None

    def __post_init__(self) -> None:
        if self.amount_minor <= 0:
            raise ValueError("amount_minor must be positive")
        if self.due_date < self.issue_date:
            raise ValueError("due_date must not be before issue_date")

    @property
    def tenor_days(self) -> int:
        """Days from issue to due date."""
        return (self.due_date - self.issue_date).days


@dataclass(frozen=True)
class Vocabularies:
    """Category -> code for ``country`` and ``sector``; both hold the ``unknown`` entry."""

    country: Mapping[str, int]
    sector: Mapping[str, int]

    def __post_init__(self) -> None:
        if UNKNOWN not in self.country or UNKNOWN not in self.sector:
            raise ValueError("vocabularies must hold the 'unknown' entry")

    def to_json(self) -> dict[str, dict[str, int]]:
        """A JSON-ready copy (stored in metadata.json)."""
        return {"country": dict(self.country), "sector": dict(self.sector)}

    @classmethod
    def from_json(cls, data: Mapping[str, Mapping[str, int]]) -> Vocabularies:
        """The inverse of ``to_json``."""
        return cls(country=dict(data["country"]), sector=dict(data["sector"]))


def _code(vocabulary: Mapping[str, int], value: str | None) -> float:
    if value is None:
        return math.nan
    code = vocabulary.get(value.strip().upper())
    return float(vocabulary[UNKNOWN] if code is None else code)


def _number(value: float | None) -> float:
    return math.nan if value is None else float(value)


def encode_facts(facts: QuoteFacts, vocabularies: Vocabularies) -> list[float]:
    """The model vector for one quote, in ``FEATURE_NAMES`` order (NaN where missing)."""
    revenue = facts.annual_revenue_minor
    return [
        float(facts.amount_minor),
        float(facts.tenor_days),
        float(facts.amount_minor) / float(revenue) if revenue and revenue > 0 else math.nan,
        _code(vocabularies.country, facts.country),
        _code(vocabularies.sector, facts.sector),
        _number(facts.years_in_business),
        _number(facts.employees),
        _number(revenue),
        _number(facts.payment_incidents_12m),
        _number(facts.avg_days_beyond_terms),
        _number(facts.bureau_score),
        _number(facts.relationship_months),
        _number(facts.prior_invoices_count),
        _number(facts.prior_late_ratio),
    ]
