"""Reference data the API validates against: countries, NACE sections, currencies.

Each is an enumeration, so the OpenAPI document (and the SDK) lists the accepted values.
"""

from __future__ import annotations

import enum

import pycountry

Country = enum.StrEnum(  # type: ignore[misc]
    "Country", {c.alpha_2: c.alpha_2 for c in sorted(pycountry.countries, key=lambda c: c.alpha_2)}
)
"""ISO 3166-1 alpha-2 country codes."""

NACE_SECTIONS = {
    "A": "Agriculture, forestry and fishing",
    "B": "Mining and quarrying",
    "C": "Manufacturing",
    "D": "Electricity, gas, steam and air conditioning supply",
    "E": "Water supply; sewerage, waste management and remediation",
    "F": "Construction",
    "G": "Wholesale and retail trade; repair of motor vehicles and motorcycles",
    "H": "Transportation and storage",
    "I": "Accommodation and food service activities",
    "J": "Information and communication",
    "K": "Financial and insurance activities",
    "L": "Real estate activities",
    "M": "Professional, scientific and technical activities",
    "N": "Administrative and support service activities",
    "O": "Public administration and defence; compulsory social security",
    "P": "Education",
    "Q": "Human health and social work activities",
    "R": "Arts, entertainment and recreation",
    "S": "Other service activities",
    "T": "Activities of households as employers",
    "U": "Activities of extraterritorial organisations and bodies",
}

Sector = enum.StrEnum("Sector", {letter: letter for letter in NACE_SECTIONS})  # type: ignore[misc]
"""NACE Rev. 2 section letters (A-U)."""

Currency = enum.StrEnum(  # type: ignore[misc]
    "Currency",
    {code: code for code in ("EUR", "GBP", "USD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "RON")},
)
"""The ISO 4217 currencies the marketplace settles in; all have two minor digits."""

SMALLEST_CHARGE_MINOR = {
    "EUR": 50,
    "GBP": 30,
    "USD": 50,
    "CHF": 50,
    "SEK": 300,
    "NOK": 300,
    "DKK": 250,
    "PLN": 200,
    "CZK": 1500,
    "RON": 200,
}
"""The smallest amount a card payment may take in each currency, in minor units (Stripe's
documented minimum charge amounts, https://docs.stripe.com/currencies#minimum-and-maximum-
charge-amounts, as of 2026-11): a premium is never priced below it, or it could not be paid."""

LARGEST_CHARGE_MINOR = 99_999_999
"""The largest amount one card payment may take, in minor units of any of these currencies
(Stripe's limit: eight digits)."""
