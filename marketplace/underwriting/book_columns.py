"""Turn one raw book column (text from a CSV, or any Parquet type) into its canonical type.

Every failure is a ``BookError`` naming the column and the first bad row (1-based, counting data
rows only: row 1 is the first line after a CSV header).
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

INTEGER_PATTERN = r"^[+-]?\d+$"
DECIMAL_PATTERN = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


class BookError(ValueError):
    """A book that cannot be used: names the column and, when one row is at fault, the row."""

    def __init__(self, column: str, row: int | None, problem: str) -> None:
        where = f"column '{column}'" + (f", row {row}" if row is not None else "")
        super().__init__(f"{where}: {problem}")
        self.column = column
        self.row = row
        self.problem = problem


def first_row(mask: npt.NDArray[np.bool_]) -> int | None:
    """The 1-based row number of the first True in ``mask``, or None."""
    hits = np.flatnonzero(mask)
    return int(hits[0]) + 1 if hits.size else None


def _as_array(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    if isinstance(column, pa.ChunkedArray):
        return column.combine_chunks() if column.num_chunks else pa.array([], column.type)
    return column


def _value(array: pa.Array, row: int) -> str:
    return repr(array[row - 1].as_py())


def _refuse_unmatched(name: str, text: pa.Array, pattern: str, expected: str) -> None:
    matched = pc.fill_null(pc.match_substring_regex(text, pattern), True)
    row = first_row(~np.asarray(matched.to_numpy(zero_copy_only=False), dtype=bool))
    if row is not None:
        raise BookError(name, row, f"expected {expected}, got {_value(text, row)}")


def to_text(name: str, column: pa.ChunkedArray | pa.Array, *, upper: bool = False) -> pa.Array:
    """A string column, whitespace trimmed (and upper-cased for codes); empty text is missing."""
    array = _as_array(column)
    if not pa.types.is_string(array.type):
        array = pc.cast(array, pa.string())  # also an all-empty (null-typed) column
    array = pc.utf8_trim_whitespace(array)
    if upper:
        array = pc.utf8_upper(array)
    empty = pc.equal(pc.utf8_length(array), 0)
    return pc.if_else(empty, pa.scalar(None, pa.string()), array)


def to_integer(name: str, column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """An int64 column from integer text, an integer type, booleans, or integral floats."""
    array = _as_array(column)
    if pa.types.is_null(array.type):
        return pa.nulls(len(array), pa.int64())
    if pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
        text = to_text(name, array)
        _refuse_unmatched(name, text, INTEGER_PATTERN, "a whole number")
        return pc.cast(text, pa.int64())
    if pa.types.is_integer(array.type) or pa.types.is_boolean(array.type):
        return pc.cast(array, pa.int64())
    if pa.types.is_floating(array.type):
        values = array.to_numpy(zero_copy_only=False).astype(np.float64)
        present = ~np.isnan(values)
        integral = np.zeros_like(present)
        np.equal(values, np.floor(values), out=integral, where=present & np.isfinite(values))
        row = first_row(present & ~integral)
        if row is not None:
            raise BookError(name, row, f"expected a whole number, got {values[row - 1]!r}")
        return pa.array(np.where(present, values, 0).astype(np.int64), mask=~present)
    raise BookError(name, None, f"expected whole numbers, got column type {array.type}")


def to_decimal(name: str, column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """A float64 column from number text or any numeric type; NaN counts as missing."""
    array = _as_array(column)
    if pa.types.is_null(array.type):
        return pa.nulls(len(array), pa.float64())
    if pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
        text = to_text(name, array)
        _refuse_unmatched(name, text, DECIMAL_PATTERN, "a number")
        array = pc.cast(text, pa.float64())
    elif pa.types.is_integer(array.type) or pa.types.is_floating(array.type):
        array = pc.cast(array, pa.float64())
    else:
        raise BookError(name, None, f"expected numbers, got column type {array.type}")
    values = array.to_numpy(zero_copy_only=False).astype(np.float64)
    row = first_row(np.isinf(values))
    if row is not None:
        raise BookError(name, row, f"expected a finite number, got {values[row - 1]!r}")
    missing = np.isnan(values)
    return pa.array(np.where(missing, 0.0, values), mask=missing)


def to_date(name: str, column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """A date32 column from ISO dates (YYYY-MM-DD), a date type, or a timestamp type."""
    array = _as_array(column)
    if pa.types.is_null(array.type):
        return pa.nulls(len(array), pa.date32())
    if pa.types.is_date(array.type) or pa.types.is_timestamp(array.type):
        return pc.cast(array, pa.date32())
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        raise BookError(name, None, f"expected ISO dates, got column type {array.type}")
    text = to_text(name, array)
    _refuse_unmatched(name, text, DATE_PATTERN, "an ISO date YYYY-MM-DD")
    try:
        return pc.cast(text, pa.date32())
    except pa.ArrowInvalid:
        # Only on the error path: find which well-formed string is not a real calendar date.
        for row, value in enumerate(text.to_pylist(), start=1):
            try:
                if value is not None:
                    dt.date.fromisoformat(value)
            except ValueError:
                raise BookError(name, row, f"not a calendar date: {value!r}") from None
        raise


def float_values(array: pa.Array) -> npt.NDArray[np.float64]:
    """The column as float64 with NaN for missing values (for vectorised checks)."""
    values: npt.NDArray[np.float64] = np.asarray(
        array.to_numpy(zero_copy_only=False), dtype=np.float64
    )
    return values


def is_missing(array: pa.Array) -> npt.NDArray[np.bool_]:
    """True where the value is missing."""
    return np.asarray(array.is_null().to_numpy(zero_copy_only=False), dtype=bool)


def describe(value: float) -> str:
    """A number as a user typed it: 12 rather than 12.0."""
    return str(int(value)) if math.isfinite(value) and value == int(value) else repr(value)
