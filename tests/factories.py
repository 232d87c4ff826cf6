"""Request bodies the tests build on: valid by default, changed by keyword."""

from __future__ import annotations

import copy
import datetime as dt
import secrets
from typing import Any


def product_terms(**changes: Any) -> dict[str, Any]:
    terms: dict[str, Any] = {
        "name": "SME Single Invoice Cover",
        "currencies": [
            {
                "currency": "EUR",
                "amount_min": 100_000,
                "amount_max": 50_000_000,
                "buyer_capacity": 100_000_000,
                "minimum_premium": 2_500,
                "fixed_fee": 500,
            }
        ],
        "excluded_sectors": ["K"],
        "max_tenor_days": 120,
        "max_probability_of_default": 0.08,
        "cover_ratios": [0.9, 0.75],
        "waiting_period_days": 150,
        "claim_threshold_days": 60,
        "pricing": {"loss_given_default": 0.6, "target_loss_ratio": 0.65, "expense_loading": 0.15},
        "quote_validity_minutes": 1440,
    }
    terms = copy.deepcopy(terms)
    terms.update(changes)
    return terms


def registration_number() -> str:
    """A buyer nobody else in the test run has quoted."""
    return f"RCS{secrets.token_hex(5).upper()}"


def quote_request(
    *,
    days: int = 60,
    amount: int = 1_250_000,
    currency: str = "EUR",
    seller: str | None = None,
    **buyer: Any,
) -> dict[str, Any]:
    """A quote for a healthy French manufacturer, due ``days`` after today; a platform's names
    the ``seller`` it is for."""
    today = dt.datetime.now(dt.UTC).date()
    facts: dict[str, Any] = {
        "country": "FR",
        "registration_number": registration_number(),
        "name": "Acme SAS",
        "sector": "C",
        "years_in_business": 12.5,
        "employees": 48,
        "annual_revenue": 820_000_000,
        "payment_incidents_12m": 0,
        "avg_days_beyond_terms": 4.0,
        "bureau_score": 71,
    }
    facts.update(buyer)
    return ({} if seller is None else {"seller": seller}) | {
        "invoice": {
            "number": f"F-{secrets.token_hex(3)}",
            "amount": amount,
            "currency": currency,
            "issue_date": today.isoformat(),
            "due_date": (today + dt.timedelta(days=days)).isoformat(),
        },
        "buyer": facts,
        "relationship": {"months": 30, "prior_invoices_count": 14, "prior_late_ratio": 0.07},
    }


RISKY_BUYER: dict[str, Any] = {
    "sector": "F",
    "years_in_business": 1.0,
    "employees": 3,
    "payment_incidents_12m": 9,
    "avg_days_beyond_terms": 80.0,
    "bureau_score": 12,
}
