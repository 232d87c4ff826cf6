"""NACE Rev. 2 sections: the one-letter sector codes a book and a quote use for the buyer."""

from __future__ import annotations

NACE_SECTIONS: dict[str, str] = {
    "A": "agriculture, forestry and fishing",
    "B": "mining and quarrying",
    "C": "manufacturing",
    "D": "electricity and gas supply",
    "E": "water supply and waste management",
    "F": "construction",
    "G": "wholesale and retail trade",
    "H": "transportation and storage",
    "I": "accommodation and food services",
    "J": "information and communication",
    "K": "financial and insurance activities",
    "L": "real estate activities",
    "M": "professional, scientific and technical activities",
    "N": "administrative and support services",
    "O": "public administration and defence",
    "P": "education",
    "Q": "human health and social work",
    "R": "arts, entertainment and recreation",
    "S": "other service activities",
    "T": "activities of households as employers",
    "U": "activities of extraterritorial organisations",
}
"""Section letter -> short English name (used in reason messages)."""
