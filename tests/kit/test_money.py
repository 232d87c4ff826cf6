"""Amounts for people: major units, the currency's own number of decimals, the currency named."""

from __future__ import annotations

import pytest

from marketplace.kit.money import format_money, minor_unit_exponent
from marketplace.kit.reference import Currency


@pytest.mark.parametrize(
    ("amount_minor", "currency", "shown"),
    [
        (25_000_000, "EUR", "EUR 250,000.00"),
        (5, "EUR", "EUR 0.05"),
        (0, "GBP", "GBP 0.00"),
        (-1_250, "eur", "EUR -12.50"),
        (1_200, "JPY", "JPY 1,200"),
        (1_234_567, "KWD", "KWD 1,234.567"),
        (9_999_999_999_999, "USD", "USD 99,999,999,999.99"),
    ],
)
def test_an_amount_is_shown_in_major_units_with_its_currency(amount_minor, currency, shown):
    assert format_money(amount_minor, currency) == shown


def test_every_marketplace_currency_has_two_decimals():
    assert {minor_unit_exponent(currency.value) for currency in Currency} == {2}
