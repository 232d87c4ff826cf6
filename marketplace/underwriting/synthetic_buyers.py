"""The buyers of the synthetic book: latent distress and the traits it shows through.

See ``synthetic`` for the documented process and the public figures behind the constants.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]
Strings = npt.NDArray[np.str_]

# country: (weight, currency, currency units per euro, lateness vs France, hazard log-offset).
# Lateness ratios are Altares' average days late over France's 14.1 days; 1.0 where no figure
# is cited. The ten rarest countries stand for scattered export markets (+0.3, an assumption).
COUNTRIES: dict[str, tuple[float, str, float, float, float]] = {
    "FR": (0.620, "EUR", 1.0, 1.00, 0.00),
    "DE": (0.070, "EUR", 1.0, 0.44, -0.15),
    "ES": (0.050, "EUR", 1.0, 1.06, 0.05),
    "IT": (0.050, "EUR", 1.0, 1.21, 0.15),
    "BE": (0.050, "EUR", 1.0, 0.81, 0.00),
    "NL": (0.030, "EUR", 1.0, 0.29, -0.15),
    "GB": (0.030, "GBP", 0.85, 0.92, 0.05),
    "PT": (0.020, "EUR", 1.0, 1.74, 0.15),
    "CH": (0.020, "CHF", 0.95, 1.00, 0.00),
    "LU": (0.010, "EUR", 1.0, 1.00, 0.00),
    "US": (0.010, "USD", 1.10, 1.00, 0.00),
    "PL": (0.010, "PLN", 4.30, 1.00, 0.00),
    **{
        code: (0.001, currency, rate, 1.00, 0.30)
        for code, currency, rate in (
            ("IE", "EUR", 1.0),
            ("AT", "EUR", 1.0),
            ("FI", "EUR", 1.0),
            ("GR", "EUR", 1.0),
            ("SK", "EUR", 1.0),
            ("DK", "DKK", 7.46),
            ("SE", "SEK", 11.2),
            ("CZ", "CZK", 25.0),
            ("CA", "CAD", 1.50),
            ("MA", "MAD", 10.8),
        )
    },
}

# NACE section: (share of buyers, insolvency hazard log-offset, lateness log-offset).
# Construction (F), trade (G) and IT services (J) carry the highest insolvency offsets.
SECTORS: dict[str, tuple[float, float, float]] = {
    "A": (0.020, 0.00, 0.00),
    "B": (0.005, 0.00, 0.00),
    "C": (0.130, 0.00, 0.00),
    "D": (0.005, -0.50, -0.20),
    "E": (0.010, -0.20, 0.00),
    "F": (0.150, 0.55, 0.25),
    "G": (0.200, 0.45, 0.20),
    "H": (0.060, 0.20, 0.10),
    "I": (0.050, 0.30, 0.10),
    "J": (0.070, 0.45, 0.20),
    "K": (0.030, -0.40, -0.20),
    "L": (0.030, 0.10, 0.15),
    "M": (0.100, -0.20, -0.10),
    "N": (0.060, 0.10, 0.00),
    "O": (0.010, -1.00, 0.10),
    "P": (0.010, -0.50, -0.20),
    "Q": (0.040, -0.40, 0.10),
    "R": (0.010, 0.10, 0.00),
    "S": (0.020, 0.00, 0.00),
    "T": (0.001, 0.00, 0.00),
    "U": (0.001, -0.50, 0.00),
}

# Solved so that the book meets the targets in ``synthetic``'s docstring (55 % of invoices
# late, 19 days beyond terms on average, 1.5 % average annual insolvency hazard).
LATE_LOGIT_BASE = 0.3
LATE_DAYS_BASE = 24.5
HAZARD_BASE = 0.010
YOUNG_BUSINESS_YEARS = 3.0
YOUNG_BUSINESS_HAZARD_FACTOR = 1.65

MISSING_SHARE = {
    "bureau": 0.40,
    "revenue": 0.20,
    "employees": 0.15,
    "days": 0.15,
    "incidents": 0.05,
    "years": 0.03,
    "sector": 0.02,
}


@dataclass(frozen=True)
class Buyers:
    """One entry per buyer; ``z``, ``p_late``, ``mean_days_late`` and ``hazard`` are latent."""

    z: Floats
    country: Strings
    currency: Strings
    fx_minor_per_eur: Floats
    sector: Strings
    years: Floats
    employees: Floats
    revenue_eur: Floats
    incidents: Floats
    bureau: Floats
    p_late: Floats
    mean_days_late: Floats
    avg_days_beyond_terms: Floats
    hazard: Floats
    years_missing: Bools
    employees_missing: Bools
    revenue_missing: Bools
    incidents_missing: Bools
    days_missing: Bools
    bureau_missing: Bools
    sector_missing: Bools


def _pick(rng: np.random.Generator, weights: list[float], size: int) -> npt.NDArray[np.int64]:
    shares = np.array(weights) / sum(weights)
    return rng.choice(len(weights), size=size, p=shares)


def draw_buyers(rng: np.random.Generator, size: int) -> Buyers:
    """``size`` buyers drawn from the documented process."""
    z = rng.standard_normal(size)
    country_rows = list(COUNTRIES.values())
    country_index = _pick(rng, [row[0] for row in country_rows], size)
    sector_rows = list(SECTORS.values())
    sector_index = _pick(rng, [row[0] for row in sector_rows], size)
    late_ratio = np.array([row[3] for row in country_rows])[country_index]
    years = np.clip(rng.lognormal(np.log(12.0) - 0.35 * z, 0.9), 0.1, 150.0).round(1)
    employees = np.floor(rng.lognormal(np.log(12.0) - 0.3 * z, 1.5))
    revenue_eur = np.round(np.maximum(employees, 0.5) * rng.lognormal(np.log(150e3), 0.5))
    log_size = np.log1p(employees)
    p_late = 1.0 / (1.0 + np.exp(-(LATE_LOGIT_BASE + 1.1 * z + 0.6 * np.log(late_ratio))))
    sector_late = np.array([row[2] for row in sector_rows])[sector_index]
    mean_days_late = LATE_DAYS_BASE * np.exp(0.5 * z + sector_late) * late_ratio
    hazard_offset = (
        np.array([row[1] for row in sector_rows])[sector_index]
        + np.array([row[4] for row in country_rows])[country_index]
    )
    young = np.where(years < YOUNG_BUSINESS_YEARS, YOUNG_BUSINESS_HAZARD_FACTOR, 1.0)
    missing = {key: rng.random(size) < share for key, share in MISSING_SHARE.items()}
    return Buyers(
        z=z,
        country=np.array(list(COUNTRIES))[country_index],
        currency=np.array([row[1] for row in country_rows])[country_index],
        fx_minor_per_eur=100.0 * np.array([row[2] for row in country_rows])[country_index],
        sector=np.array(list(SECTORS))[sector_index],
        years=years,
        employees=employees,
        revenue_eur=revenue_eur,
        incidents=rng.poisson(0.25 * np.exp(0.9 * z)).astype(np.float64),
        bureau=np.clip(np.round(60.0 - 15.0 * z + rng.normal(0.0, 8.0, size)), 1.0, 100.0),
        p_late=p_late,
        mean_days_late=mean_days_late,
        avg_days_beyond_terms=np.round(p_late * mean_days_late * rng.lognormal(0.0, 0.3, size), 1),
        hazard=HAZARD_BASE * np.exp(0.9 * z + hazard_offset - 0.15 * log_size) * young,
        years_missing=missing["years"],
        employees_missing=missing["employees"],
        revenue_missing=missing["revenue"],
        incidents_missing=missing["incidents"],
        days_missing=missing["days"],
        bureau_missing=missing["bureau"],
        sector_missing=missing["sector"],
    )
