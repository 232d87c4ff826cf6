"""A seeded synthetic book of invoices, with a documented data-generating process.

The shipped model is trained on this book, so this docstring is where the model comes from.

Public figures it is calibrated to (read from the reports cited, quoted approximately):

- About half of B2B invoices are paid late in France: Altares found 45.2 % of French firms
  paying their suppliers on time in the first half of 2025. Target: 55 % of invoices late.
- Average lateness about 19 days beyond terms: Ellisphere measured an average payment delay
  of 19.07 days across French companies at the end of June 2025 (17.99 days in Q4 2025).
  Target: 19 days beyond terms on average over all invoices (on-time invoices count 0).
- Country lateness, relative to France's 14.1 days (Altares, H1 2025): Portugal 24.5,
  Italy 17, Spain 14.9, United Kingdom about 13; Belgium 11.4, Germany 6.2, Netherlands 4.1
  (Altares, H1 2023). These ratios scale a buyer's lateness by country.
- Insolvency: about 66,000 French business failures over the twelve months to March 2025
  (Banque de France, 66,379), of which construction (F) 14,766 and trade (G) 13,639 are the
  two largest sectors; construction was about 28 % of failures in Q1 2025 and IT services
  failures rose 18.8 % (Ellisphere). Target: an average annual insolvency hazard of about 1.5 %
  a buyer, highest in construction (F), wholesale and retail trade (G) and IT services (J).

The process, for ``rows`` invoices and ``rows / 8`` buyers:

1. Each buyer draws a latent financial distress ``z ~ N(0, 1)`` (never in the book), a country
   and a NACE sector (weights in ``synthetic_buyers``), then observable traits that ``z``
   shifts: years in business (lognormal, distress makes younger), employees (lognormal),
   annual revenue (employees times a lognormal revenue per employee, in the country's
   currency), payment incidents in 12 months (Poisson with mean ``0.25 exp(0.9 z)``), a
   bureau score (``60 - 15 z`` plus noise, clipped to 1..100).
2. Lateness: a buyer pays late with probability ``sigmoid(a + 1.1 z + 0.6 log(country ratio))``
   and, when late, by a Gamma(shape 3) number of days with mean
   ``m exp(0.5 z + sector) x country ratio``.
   The book shows the buyer's average days beyond terms (that mean over all its invoices, with
   lognormal noise of 30 %).
3. Insolvency: an annual hazard ``h exp(0.9 z + sector + country - 0.15 log(1 + employees))``,
   raised 65 % for businesses younger than 3 years.
4. Invoices go to buyers in proportion to a lognormal activity weight (buyers recur, which
   is why training holds out whole buyers), to one of three sellers per buyer; the amount is
   lognormal around 0.3 % of the buyer's revenue; the tenor is 15 to 120 days (mostly 30 to 60,
   the French statutory cap being 60); the issue date is uniform over 2023-01-01 .. 2025-06-30.
   The relationship with the seller has its own age and invoicing rhythm, and the prior late
   ratio is drawn from the buyer's late probability over the prior invoices.
5. Claim, the book's outcome: the buyer becomes insolvent before paying (the hazard over the
   tenor plus the buyer's expected lateness), or the invoice stays unpaid 90 days past due
   (late, and a Gamma lateness beyond 90 days; times ``(share / 0.3 %) ** 0.25``, bounded,
   for the invoice's share of the buyer's revenue, and times 1.4 on a relationship younger
   than 6 months). The true probability is ``1 - (1 - p_insolvent)(1 - p_unpaid_90)``; the
   claim is a Bernoulli draw from it.

Missing values follow what sellers know: no bureau score for 40 % of buyers, revenue unknown
for 20 %, employees for 15 %, days beyond terms for 15 %, incidents for 5 %, age for 3 %,
sector for 2 %; no prior late ratio when there were no prior invoices.

The constants ``a``, ``m`` and ``h`` are solved so the book meets the targets above;
``generate_book`` reports the figures it reached (``late_share``, ``mean_days_beyond_terms``,
``mean_annual_insolvency_hazard``) and each row's true probability of claim (the ceiling any
model's AUC can reach on the book). The same ``rows`` and ``seed`` always give the same book.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from marketplace.underwriting.book import BOOK_SCHEMA
from marketplace.underwriting.synthetic_buyers import Buyers, draw_buyers

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

INVOICES_PER_BUYER = 8
SELLERS_PER_BUYER = 3
BOOK_START = dt.date(2023, 1, 1)
ISSUE_WINDOW_DAYS = 911  # 2023-01-01 .. 2025-06-30: every outcome known by the end of 2025
TENOR_DAYS = np.array([15, 30, 45, 60, 90, 120])
TENOR_WEIGHTS = np.array([0.05, 0.40, 0.22, 0.23, 0.08, 0.02])
CLAIM_DAYS_PAST_DUE = 90.0
LATENESS_SHAPE = 3
TYPICAL_INVOICE_SHARE_OF_REVENUE = 0.003
NEW_RELATIONSHIP_MONTHS = 6
TRUE_PROBABILITY_COLUMN = "true_probability"


@dataclass(frozen=True)
class SyntheticBook:
    """A book in the canonical schema, each row's true probability of claim, and the latent
    figures the process is calibrated on (expected over the book's invoices and buyers)."""

    table: pa.Table
    true_probability: Floats
    late_share: float
    mean_days_beyond_terms: float
    mean_annual_insolvency_hazard: float

    def with_truth(self) -> pa.Table:
        """The table with the true probability as an extra last column."""
        return self.table.append_column(TRUE_PROBABILITY_COLUMN, pa.array(self.true_probability))


@dataclass(frozen=True)
class Invoices:
    buyer: Ints
    seller: Ints
    issue_day: Ints
    tenor_days: Ints
    amount_eur: Floats
    relationship_months: Floats
    prior_invoices: Ints
    prior_late_ratio: Floats


def generate_book(rows: int, seed: int) -> SyntheticBook:
    """``rows`` invoices from the documented process; the same arguments give the same book."""
    if rows < 1:
        raise ValueError("rows must be at least 1")
    rng = np.random.default_rng(seed)
    buyers = draw_buyers(rng, max(1, rows // INVOICES_PER_BUYER))
    invoices = _draw_invoices(rng, buyers, rows)
    truth = _claim_probability(buyers, invoices)
    claim = (rng.random(rows) < truth).astype(np.int64)
    p_late = buyers.p_late[invoices.buyer]
    return SyntheticBook(
        table=_to_table(buyers, invoices, claim),
        true_probability=truth,
        late_share=float(p_late.mean()),
        mean_days_beyond_terms=float((p_late * buyers.mean_days_late[invoices.buyer]).mean()),
        mean_annual_insolvency_hazard=float(buyers.hazard.mean()),
    )


def _draw_invoices(rng: np.random.Generator, buyers: Buyers, rows: int) -> Invoices:
    n_buyers = buyers.z.size
    activity = rng.lognormal(0.0, 0.7, n_buyers)
    buyer = rng.choice(n_buyers, size=rows, p=activity / activity.sum())
    n_sellers = max(1, rows // 40)
    first_seller = rng.integers(0, n_sellers, n_buyers)
    pair_slot = rng.integers(0, SELLERS_PER_BUYER, rows)
    seller = (first_seller[buyer] + pair_slot * 7919) % n_sellers
    pair = buyer * SELLERS_PER_BUYER + pair_slot
    pair_age_months = rng.exponential(24.0, n_buyers * SELLERS_PER_BUYER)
    pair_invoices_per_month = rng.lognormal(np.log(0.8), 0.7, n_buyers * SELLERS_PER_BUYER)
    issue_day = rng.integers(0, ISSUE_WINDOW_DAYS, rows)
    months = np.floor(pair_age_months[pair] + issue_day / 30.44)
    prior = np.floor(pair_invoices_per_month[pair] * months).astype(np.int64)
    late = rng.binomial(prior, buyers.p_late[buyer])
    share = rng.lognormal(np.log(TYPICAL_INVOICE_SHARE_OF_REVENUE), 1.1, rows)
    amount_eur = np.maximum(50.0, share * buyers.revenue_eur[buyer])
    with np.errstate(invalid="ignore", divide="ignore"):
        late_ratio = np.where(prior > 0, late / np.maximum(prior, 1), np.nan)
    return Invoices(
        buyer=buyer,
        seller=seller,
        issue_day=issue_day,
        tenor_days=rng.choice(TENOR_DAYS, size=rows, p=TENOR_WEIGHTS),
        amount_eur=np.round(amount_eur, 2).astype(np.float64),
        relationship_months=months,
        prior_invoices=prior,
        prior_late_ratio=np.round(late_ratio, 3).astype(np.float64),
    )


def _lateness_survival(days: float, mean_days: Floats) -> Floats:
    """P(X > days) for X ~ Gamma(integer shape ``LATENESS_SHAPE``) with the given mean."""
    scaled = days / (mean_days / LATENESS_SHAPE)
    terms = [scaled**k / math.factorial(k) for k in range(LATENESS_SHAPE)]
    result: Floats = np.exp(-scaled) * np.sum(terms, axis=0)
    return result


def _claim_probability(buyers: Buyers, invoices: Invoices) -> Floats:
    b = invoices.buyer
    p_late, mean_late = buyers.p_late[b], buyers.mean_days_late[b]
    window_days = invoices.tenor_days + p_late * mean_late
    p_insolvent = 1.0 - np.exp(-buyers.hazard[b] * window_days / 365.0)
    share = invoices.amount_eur / buyers.revenue_eur[b] / TYPICAL_INVOICE_SHARE_OF_REVENUE
    concentration = np.exp(0.25 * np.clip(np.log(share), -3.0, 4.0))
    newness = np.where(invoices.relationship_months < NEW_RELATIONSHIP_MONTHS, 1.4, 1.0)
    tail = _lateness_survival(CLAIM_DAYS_PAST_DUE, mean_late)
    p_unpaid = np.minimum(0.95, p_late * tail * concentration * newness)
    result: Floats = 1.0 - (1.0 - p_insolvent) * (1.0 - p_unpaid)
    return result


def _ids(prefix: str, numbers: Ints, width: int) -> pa.Array:
    return pa.array(np.char.add(prefix, np.char.zfill(numbers.astype(str), width)))


def _optional(
    values: Floats | Ints, missing: npt.NDArray[np.bool_], kind: type[np.generic]
) -> pa.Array:
    return pa.array(np.where(missing, 0, values).astype(kind), mask=missing)


def _to_table(buyers: Buyers, invoices: Invoices, claim: Ints) -> pa.Table:
    b = invoices.buyer
    fx = buyers.fx_minor_per_eur[b]
    issue = np.datetime64(BOOK_START) + invoices.issue_day.astype("timedelta64[D]")
    rows = b.size
    columns = {
        "invoice_id": _ids("inv_", np.arange(1, rows + 1), 7),
        "seller_id": _ids("sel_", invoices.seller + 1, 5),
        "buyer_id": _ids("buy_", b + 1, 6),
        "amount": pa.array(np.round(invoices.amount_eur * fx).astype(np.int64)),
        "currency": pa.array(buyers.currency[b]),
        "issue_date": pa.array(issue, pa.date32()),
        "due_date": pa.array(issue + invoices.tenor_days.astype("timedelta64[D]"), pa.date32()),
        "buyer_country": pa.array(buyers.country[b]),
        "buyer_sector": pa.array(buyers.sector[b], mask=buyers.sector_missing[b]),
        "buyer_years_in_business": _optional(buyers.years[b], buyers.years_missing[b], np.float64),
        "buyer_employees": _optional(buyers.employees[b], buyers.employees_missing[b], np.int64),
        "buyer_annual_revenue": _optional(
            np.round(buyers.revenue_eur[b] * fx), buyers.revenue_missing[b], np.int64
        ),
        "buyer_payment_incidents_12m": _optional(
            buyers.incidents[b], buyers.incidents_missing[b], np.int64
        ),
        "buyer_avg_days_beyond_terms": _optional(
            buyers.avg_days_beyond_terms[b], buyers.days_missing[b], np.float64
        ),
        "buyer_bureau_score": _optional(buyers.bureau[b], buyers.bureau_missing[b], np.float64),
        "relationship_months": pa.array(invoices.relationship_months),
        "prior_invoices_count": pa.array(invoices.prior_invoices),
        "prior_late_ratio": _optional(
            invoices.prior_late_ratio, np.isnan(invoices.prior_late_ratio), np.float64
        ),
        "claim": pa.array(claim),
    }
    return pa.table(columns, schema=BOOK_SCHEMA)
