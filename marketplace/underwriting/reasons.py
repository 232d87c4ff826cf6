"""Reason codes: the features that pushed a quote's risk up, with a stable code and a sentence.

=========================  ========================  =======================================
code                       feature                   typical sentence
=========================  ========================  =======================================
invoice_amount             amount_minor              the invoice amount raises the risk
payment_term               tenor_days                a long payment term
amount_to_revenue          amount_to_revenue         the invoice is large for the buyer
country_risk               country                   the buyer's country
sector_risk                sector                    the buyer's sector has more insolvencies
business_age               years_in_business         a young business
company_size               employees                 the buyer's workforce
company_revenue            annual_revenue_minor      the buyer's revenue
payment_incidents          payment_incidents_12m     recent payment incidents
days_beyond_terms          avg_days_beyond_terms     the buyer pays late on average
bureau_score               bureau_score              the bureau score (or its absence)
relationship_length        relationship_months       the length of the trading relationship
prior_invoices             prior_invoices_count      little invoicing history with the seller
prior_late_payments        prior_late_ratio          earlier invoices to the seller paid late
=========================  ========================  =======================================

``impact`` is the feature's contribution to the model's log-odds (positive: riskier).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from marketplace.underwriting.features import UNKNOWN
from marketplace.underwriting.nace import NACE_SECTIONS

MAX_REASONS = 3
IMPACT_DIGITS = 4


@dataclass(frozen=True, slots=True)
class Reason:
    """One feature that pushed the risk up."""

    code: str
    feature: str
    message: str
    impact: float


Describe = Callable[[float, str | None], str]


def _text(present: str, absent: str) -> Describe:
    """A sentence template with ``{value}``, and the sentence used when the value is missing."""
    return lambda value, label: absent if math.isnan(value) else present.format(value=value)


def _category(kind: str, absent: str) -> Describe:
    def describe(value: float, label: str | None) -> str:
        if math.isnan(value):
            return absent
        if label is None or label == UNKNOWN:
            return f"The buyer's {kind} is one the model has little experience of"
        if kind == "sector":
            return f"Sector {label} ({NACE_SECTIONS.get(label, label)}) has more insolvencies"
        return f"Buyers in {label} carry more risk"

    return describe


CATALOGUE: dict[str, tuple[str, Describe]] = {
    "amount_minor": ("invoice_amount", _text("Invoice amount of {value:,.0f} minor units", "")),
    "tenor_days": ("payment_term", _text("Payment term of {value:.0f} days", "")),
    "amount_to_revenue": (
        "amount_to_revenue",
        _text(
            "The invoice is {value:.2%} of the buyer's annual revenue",
            "Buyer revenue unknown, so the invoice's weight for the buyer is unknown",
        ),
    ),
    "country": ("country_risk", _category("country", "Buyer country not given")),
    "sector": ("sector_risk", _category("sector", "Buyer sector not given")),
    "years_in_business": (
        "business_age",
        _text("{value:.1f} years in business", "Years in business not given"),
    ),
    "employees": ("company_size", _text("{value:,.0f} employees", "Number of employees unknown")),
    "annual_revenue_minor": (
        "company_revenue",
        _text("Annual revenue of {value:,.0f} minor units", "Buyer revenue not given"),
    ),
    "payment_incidents_12m": (
        "payment_incidents",
        _text("{value:.0f} payment incident(s) in the last 12 months", "Payment incidents unknown"),
    ),
    "avg_days_beyond_terms": (
        "days_beyond_terms",
        _text("Pays {value:.0f} days beyond terms on average", "Payment behaviour unknown"),
    ),
    "bureau_score": ("bureau_score", _text("Bureau score of {value:g}", "No bureau score")),
    "relationship_months": (
        "relationship_length",
        _text("Trading relationship of {value:.0f} months", "Relationship length unknown"),
    ),
    "prior_invoices_count": (
        "prior_invoices",
        _text("{value:.0f} earlier invoice(s) to this buyer", "Invoicing history unknown"),
    ),
    "prior_late_ratio": (
        "prior_late_payments",
        _text(
            "{value:.0%} of earlier invoices to this buyer were paid late",
            "No payment history with this buyer",
        ),
    ),
}


def top_reasons(
    names: Sequence[str],
    values: Sequence[float],
    contributions: Sequence[float],
    labels: Mapping[int, str | None],
    limit: int = MAX_REASONS,
) -> tuple[Reason, ...]:
    """Up to ``limit`` features with the largest positive contributions, largest first.

    ``labels`` maps a feature index to the category name behind its code (countries, sectors).
    """
    ranked = sorted(range(len(names)), key=lambda index: -contributions[index])
    reasons = []
    for index in ranked[:limit]:
        impact = round(float(contributions[index]), IMPACT_DIGITS)
        if impact <= 0:
            break
        code, describe = CATALOGUE[names[index]]
        message = describe(values[index], labels.get(index))
        reasons.append(Reason(code, names[index], message, impact))
    return tuple(reasons)
