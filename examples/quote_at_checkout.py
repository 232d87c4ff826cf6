"""A quote inside a checkout: priced offers from every product that takes the risk, cheapest
first, or why each product declined; a refused request names its field.

    MK_API_KEY=mk_test_… python examples/quote_at_checkout.py

``MK_API_KEY`` is a platform's key (``make run`` prints one), ``MK_BASE_URL`` the API
(default http://127.0.0.1:8000), ``MK_SELLER`` the connected seller quoted for (default: the
platform's newest seller, or a new one). Not ``MARKETPLACE_*``: the server owns those names.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import sys
from typing import Any

from marketplace_sdk import InvalidRequestError, Marketplace


def connect() -> Marketplace:
    base_url = os.environ.get("MK_BASE_URL", "http://127.0.0.1:8000")
    return Marketplace(api_key=os.environ["MK_API_KEY"], base_url=base_url)


def connected_seller(mk: Marketplace) -> str:
    if seller := os.environ.get("MK_SELLER"):
        return seller
    for account in mk.accounts.list(role="seller", limit=1):
        return account.id
    return mk.accounts.create(role="seller", name="Checkout Shop SAS").id


def invoice_at_checkout(due_in_days: int = 60) -> dict[str, Any]:
    today = dt.datetime.now(dt.UTC).date()
    return {
        "number": f"F-{today:%Y}-{secrets.token_hex(3).upper()}",
        "amount": 1_250_000,  # €12,500.00, in cents
        "currency": "EUR",
        "issue_date": today.isoformat(),
        "due_date": (today + dt.timedelta(days=due_in_days)).isoformat(),
    }


BUYER = {
    "country": "FR",
    "registration_number": "552100554",
    "name": "Acme SAS",
    "sector": "C",
    "years_in_business": 12.5,
    "employees": 48,
    "annual_revenue": 820_000_000,
    "payment_incidents_12m": 0,
    "avg_days_beyond_terms": 4.0,
    "bureau_score": 71,
}
RELATIONSHIP = {"months": 30, "prior_invoices_count": 14, "prior_late_ratio": 0.07}


def main() -> int:
    with connect() as mk:
        seller = connected_seller(mk)
        quote = mk.quotes.create(
            seller=seller,
            invoice=invoice_at_checkout(),
            buyer=BUYER,
            relationship=RELATIONSHIP,
            cover_ratios=[0.9],
        )
        print(f"quote {quote.id}: {quote.status}, risk grade {quote.risk.grade}")
        for offer in quote.offers:
            print(  # amounts in minor units of the quote's currency (cents for EUR)
                f"  offer {offer.id}: {offer.insurer_name}, {offer.product_name}: premium"
                f" {offer.premium} for {offer.insured_amount} insured, minor units of"
                f" {quote.currency} ({offer.premium_rate_bps} bps)"
            )
        for decline in quote.declines:
            print(f"  declined by {decline.product}: {[r.code for r in decline.reasons]}")

        print(f"stored: {mk.quotes.retrieve(quote.id).status}, expires {quote.expires_at}")

        try:  # an invoice already due cannot be insured: the API names the field
            mk.quotes.create(seller=seller, invoice=invoice_at_checkout(-1), buyer=BUYER)
        except InvalidRequestError as error:
            print(f"refused: {error.status} {error.code} on {error.param} ({error.detail})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
