"""Fit the categorical vocabularies of the feature spec on a training book."""

from __future__ import annotations

from collections import Counter

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from marketplace.underwriting.features import UNKNOWN, Vocabularies

SMOOTHING_ROWS = 200
"""Pseudo-rows of the overall claim rate mixed into each sector's rate, so a small sector's
rank is not decided by a handful of claims."""


def fit_vocabularies(
    table: pa.Table, claim: npt.NDArray[np.float64], *, min_rows: int
) -> Vocabularies:
    """Codes for every country and sector seen on at least ``min_rows`` rows of ``table``.

    Rarer categories share the ``unknown`` code, so the model learns what to do with a
    category it has no code for. Countries get codes 1.. in alphabetical order (0 is unknown);
    sectors get their rank by smoothed claim rate, lowest risk first.
    """
    countries = _frequent(table.column("buyer_country").to_pylist(), min_rows)
    country = {UNKNOWN: 0} | {name: code for code, name in enumerate(sorted(countries), 1)}
    sectors = table.column("buyer_sector").to_pylist()
    frequent_sectors = _frequent(sectors, min_rows)
    buckets = [None if s is None else (s if s in frequent_sectors else UNKNOWN) for s in sectors]
    rates = _smoothed_rates(buckets, claim, [*sorted(frequent_sectors), UNKNOWN])
    ranked = sorted(rates, key=lambda name: (rates[name], name))
    return Vocabularies(country=country, sector={name: rank for rank, name in enumerate(ranked)})


def _frequent(values: list[str | None], min_rows: int) -> set[str]:
    counts = Counter(value for value in values if value is not None)
    return {value for value, count in counts.items() if count >= min_rows}


def _smoothed_rates(
    buckets: list[str | None], claim: npt.NDArray[np.float64], names: list[str]
) -> dict[str, float]:
    overall = float(claim.mean())
    labels = np.array(["" if b is None else b for b in buckets], dtype=object)
    rates = {}
    for name in names:
        chosen = labels == name
        rows, claims = int(chosen.sum()), float(claim[chosen].sum())
        rates[name] = (claims + SMOOTHING_ROWS * overall) / (rows + SMOOTHING_ROWS)
    return rates
