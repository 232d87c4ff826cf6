"""Builders shared by the underwriting tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa

from marketplace.underwriting.features import QuoteFacts


def facts_from_row(row: dict[str, Any]) -> QuoteFacts:
    """What the quote endpoint would build for the invoice in one book row."""
    return QuoteFacts(
        amount_minor=row["amount"],
        currency=row["currency"],
        issue_date=row["issue_date"],
        due_date=row["due_date"],
        country=row["buyer_country"],
        sector=row["buyer_sector"],
        years_in_business=row["buyer_years_in_business"],
        employees=row["buyer_employees"],
        annual_revenue_minor=row["buyer_annual_revenue"],
        payment_incidents_12m=row["buyer_payment_incidents_12m"],
        avg_days_beyond_terms=row["buyer_avg_days_beyond_terms"],
        bureau_score=row["buyer_bureau_score"],
        relationship_months=row["relationship_months"],
        prior_invoices_count=row["prior_invoices_count"],
        prior_late_ratio=row["prior_late_ratio"],
    )


def rows_of(table: pa.Table, count: int) -> list[dict[str, Any]]:
    """The first ``count`` rows as dicts."""
    return table.slice(0, count).to_pylist()


def typical_facts(**changes: Any) -> QuoteFacts:
    """A plausible French buyer and a 60-day invoice; keyword arguments override fields."""
    fields: dict[str, Any] = {
        "amount_minor": 1_250_000,
        "currency": "EUR",
        "issue_date": dt.date(2026, 11, 25),
        "due_date": dt.date(2027, 1, 24),
        "country": "FR",
        "sector": "C",
        "years_in_business": 12.5,
        "employees": 48,
        "annual_revenue_minor": 820_000_000,
        "payment_incidents_12m": 0,
        "avg_days_beyond_terms": 4.0,
        "bureau_score": 71.0,
        "relationship_months": 30.0,
        "prior_invoices_count": 14,
        "prior_late_ratio": 0.07,
    }
    return QuoteFacts(**(fields | changes))
