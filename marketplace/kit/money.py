"""Amounts for people: ``format_money(25_000_000, "EUR") == "EUR 250,000.00"``.

The API's amounts are integers in minor units; a sentence meant for people (a decline reason,
a counter-offer, an error's ``detail``) shows the amount in major units with its currency, so
that nobody reads 25,000,000 where EUR 250,000.00 is meant. Each currency's minor-unit exponent
comes from ISO 4217: two decimals unless listed in ``MINOR_UNIT_EXPONENTS`` (JPY has none,
KWD three).
"""

from __future__ import annotations

DEFAULT_EXPONENT = 2
MINOR_UNIT_EXPONENTS = {
    **dict.fromkeys(
        (
            "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
            "VND", "VUV", "XAF", "XOF", "XPF",
        ),
        0,
    ),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
    **dict.fromkeys(("CLF", "UYW"), 4),
}  # fmt: skip
"""ISO 4217 currencies whose minor unit is not a hundredth (the list's 2024 edition)."""


def minor_unit_exponent(currency: str) -> int:
    """How many decimals the currency's minor unit has (``JPY``: 0, ``EUR``: 2, ``KWD``: 3)."""
    return MINOR_UNIT_EXPONENTS.get(currency.upper(), DEFAULT_EXPONENT)


def format_money(amount_minor: int, currency: str) -> str:
    """``amount_minor`` of ``currency`` for people: ``EUR 250,000.00``, ``JPY 1,200``,
    ``EUR -5.00``."""
    exponent = minor_unit_exponent(currency)
    sign = "-" if amount_minor < 0 else ""
    major, minor = divmod(abs(amount_minor), 10**exponent)
    decimals = f".{minor:0{exponent}d}" if exponent else ""
    return f"{currency.upper()} {sign}{major:,}{decimals}"
