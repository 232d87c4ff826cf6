"""The forms in which identifiers people type are compared: two spellings of one invoice number
or one company registration number must meet, however they were typed or pasted."""

from __future__ import annotations

import hashlib
import re
import unicodedata

INVOICE_KEY_LENGTH = 100
"""The longest key stored; a longer one (NFKC expands some characters: ``㍿`` is four) keeps
its start and a digest of the whole."""

_SPACES = re.compile(r"\s+")
_REGISTRATION_SEPARATORS = re.compile(r"[\s./-]+")


def invoice_number_key(invoice_number: str) -> str:
    """The invoice number as compared for "the same invoice": compatibility-normalised (NFKC:
    full-width digits, ligatures), without invisible format characters (zero-width spaces,
    direction marks), every kind of dash as ``-``, case-folded, runs of space as one."""
    text = unicodedata.normalize("NFKC", invoice_number)
    kept = "".join(_key_char(char) for char in text if unicodedata.category(char) != "Cf")
    key = _SPACES.sub(" ", kept.casefold()).strip()
    if len(key) <= INVOICE_KEY_LENGTH:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"{key[: INVOICE_KEY_LENGTH - 33]}~{digest}"


def _key_char(char: str) -> str:
    return "-" if unicodedata.category(char) == "Pd" else char


def registration_key(country: str, registration_number: str) -> str:
    """A company registration number as compared for "the same company" in ``country``:
    upper-case, without spaces, dots, hyphens or slashes, and without a leading country code
    when digits follow it (``FR 552 100 554``, ``552.100.554`` and ``FR552100554`` meet)."""
    compact = _REGISTRATION_SEPARATORS.sub("", registration_number.upper())
    prefix = country.upper()
    rest = compact[len(prefix) :]
    if compact.startswith(prefix) and rest[:1].isdigit():
        return rest
    return compact
