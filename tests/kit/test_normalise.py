"""Identifiers typed by people meet however they were typed or pasted."""

from __future__ import annotations

import pytest

from marketplace.kit.normalise import invoice_number_key, registration_key


@pytest.mark.parametrize(
    "spelling",
    [
        "INV-2026-001",
        "  inv-2026-001 ",
        "INV\u20132026\u2014001",  # en and em dashes from a word processor
        "INV-2026-\u200b001",  # a zero-width space pasted from a PDF
        "\ufeffINV-2026-001",  # a byte-order mark
        # full-width forms
        "\uff29\uff2e\uff36\uff0d\uff12\uff10\uff12\uff16\uff0d\uff10\uff10\uff11",
    ],
)
def test_spellings_of_one_invoice_number_meet(spelling):
    assert invoice_number_key(spelling) == "inv-2026-001"


def test_different_invoice_numbers_stay_apart():
    assert invoice_number_key("INV 1") == "inv 1" == invoice_number_key("inv   1")
    assert invoice_number_key("INV 1") != invoice_number_key("INV1")
    assert invoice_number_key("Straße-1") == invoice_number_key("STRASSE-1")


@pytest.mark.parametrize(
    ("country", "typed", "key"),
    [
        ("FR", "552 100 554", "552100554"),
        ("FR", "552.100.554", "552100554"),
        ("FR", "fr552100554", "552100554"),
        ("FR", "FR-552-100-554", "552100554"),
        ("DE", "HRB 12345", "HRB12345"),
        ("DE", "DEB 1", "DEB1"),  # letters after the country code: not a prefix
        ("GB", "SC123456", "SC123456"),
        ("NL", "12/34", "1234"),
    ],
)
def test_registration_numbers_meet_however_typed(country, typed, key):
    assert registration_key(country, typed) == key


def test_a_key_that_normalising_lengthens_still_fits_and_stays_distinct():
    long_one, other = "\ufdfa" * 100, "\ufdfa" * 99 + "1"
    keys = {invoice_number_key(long_one), invoice_number_key(other)}
    assert len(keys) == 2
    assert all(len(key) <= 100 for key in keys)
