"""Book rows to the model's matrix: the batch side of the feature spec in ``features``.

Kept apart from ``features`` so that serving one quote never loads pyarrow.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from marketplace.underwriting.features import BOOK_COLUMN_OF, FEATURE_NAMES, UNKNOWN, Vocabularies


def _floats(table: pa.Table, column: str) -> npt.NDArray[np.float64]:
    return np.asarray(table.column(column).to_numpy(), dtype=np.float64)


def _codes(column: pa.ChunkedArray, vocabulary: Mapping[str, int]) -> npt.NDArray[np.float64]:
    known = [name for name in vocabulary if name != UNKNOWN]
    index = pc.index_in(column, value_set=pa.array(known, pa.string()))
    positions = np.asarray(index.to_numpy(zero_copy_only=False), dtype=np.float64)
    lookup = np.array([vocabulary[name] for name in known] + [vocabulary[UNKNOWN]], np.float64)
    # index_in gives null for values outside the vocabulary: those become the unknown code.
    codes = lookup[np.where(np.isnan(positions), len(known), positions).astype(np.int64)]
    missing = np.asarray(column.is_null().to_numpy(zero_copy_only=False), dtype=bool)
    return np.where(missing, np.nan, codes)


def encode_table(table: pa.Table, vocabularies: Vocabularies) -> npt.NDArray[np.float64]:
    """The model matrix for a validated book (``book.validate_table``), one row per invoice."""
    issue = np.asarray(table.column("issue_date").cast(pa.int32()).to_numpy(), np.float64)
    due = np.asarray(table.column("due_date").cast(pa.int32()).to_numpy(), np.float64)
    amount = _floats(table, "amount")
    revenue = _floats(table, "buyer_annual_revenue")
    ratio = np.full(amount.shape, np.nan)
    np.divide(amount, revenue, out=ratio, where=revenue > 0)
    derived = {
        "tenor_days": due - issue,
        "amount_to_revenue": ratio,
        "country": _codes(table.column("buyer_country"), vocabularies.country),
        "sector": _codes(table.column("buyer_sector"), vocabularies.sector),
    }
    columns = [
        derived[name] if name in derived else _floats(table, BOOK_COLUMN_OF[name])
        for name in FEATURE_NAMES
    ]
    return np.column_stack(columns)
