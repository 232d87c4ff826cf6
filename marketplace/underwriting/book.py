"""The historical book: one row per past invoice and whether it became a claim.

Schema (CSV with a header row, or Parquet), in this order:

=============================  ========  ============================================  =========
column                         type      meaning                                       required
=============================  ========  ============================================  =========
invoice_id                     text      unique per row                                yes
seller_id                      text      the seller that issued the invoice            yes
buyer_id                       text      the debtor company (recurs across invoices)   yes
amount                         integer   invoice amount in minor units, > 0            yes
currency                       text      ISO 4217 code, e.g. EUR                       yes
issue_date                     date      YYYY-MM-DD                                    yes
due_date                       date      YYYY-MM-DD, not before issue_date             yes
buyer_country                  text      ISO 3166 alpha-2, e.g. FR                     no
buyer_sector                   text      NACE section letter A-U                       no
buyer_years_in_business        number    >= 0                                          no
buyer_employees                integer   >= 0                                          no
buyer_annual_revenue           integer   minor units of the invoice currency, >= 0     no
buyer_payment_incidents_12m    integer   >= 0                                          no
buyer_avg_days_beyond_terms    number    average days paid beyond terms                no
buyer_bureau_score             number    any bureau's scale                            no
relationship_months            number    months the seller has traded with the buyer   no
prior_invoices_count           integer   >= 0, earlier invoices seller -> buyer        no
prior_late_ratio               number    share of those paid late, 0..1                no
claim                          0 or 1    1 when unpaid 90 days past due or the buyer   for train
                                         became insolvent before paying                and evaluate
=============================  ========  ============================================  =========

Empty cells (or Parquet nulls, or NaN) are missing values. Codes are trimmed and upper-cased.
Extra columns are ignored. Any book in this schema is accepted, not only a synthetic one; a
malformed book raises ``BookError`` naming the column and the first bad row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
import pyarrow.parquet as pq

from marketplace.underwriting.book_columns import (
    BookError,
    describe,
    first_row,
    float_values,
    is_missing,
    to_date,
    to_decimal,
    to_integer,
    to_text,
)
from marketplace.underwriting.nace import NACE_SECTIONS

BOOK_SCHEMA = pa.schema(
    [
        ("invoice_id", pa.string()),
        ("seller_id", pa.string()),
        ("buyer_id", pa.string()),
        ("amount", pa.int64()),
        ("currency", pa.string()),
        ("issue_date", pa.date32()),
        ("due_date", pa.date32()),
        ("buyer_country", pa.string()),
        ("buyer_sector", pa.string()),
        ("buyer_years_in_business", pa.float64()),
        ("buyer_employees", pa.int64()),
        ("buyer_annual_revenue", pa.int64()),
        ("buyer_payment_incidents_12m", pa.int64()),
        ("buyer_avg_days_beyond_terms", pa.float64()),
        ("buyer_bureau_score", pa.float64()),
        ("relationship_months", pa.float64()),
        ("prior_invoices_count", pa.int64()),
        ("prior_late_ratio", pa.float64()),
        ("claim", pa.int64()),
    ]
)
"""The canonical column types every loaded book has (``claim`` may be absent for scoring)."""

BOOK_COLUMNS: tuple[str, ...] = tuple(BOOK_SCHEMA.names)
REQUIRED_COLUMNS = frozenset(
    ("invoice_id", "seller_id", "buyer_id", "amount", "currency", "issue_date", "due_date")
)
CODE_COLUMNS = frozenset(("currency", "buyer_country", "buyer_sector"))

Rule = tuple[str, Callable[[npt.NDArray[np.float64]], npt.NDArray[np.bool_]], str]
NUMERIC_RULES: tuple[Rule, ...] = (
    ("amount", lambda v: v <= 0, "amount must be positive (minor units)"),
    ("buyer_years_in_business", lambda v: v < 0, "must not be negative"),
    ("buyer_employees", lambda v: v < 0, "must not be negative"),
    ("buyer_annual_revenue", lambda v: v < 0, "must not be negative"),
    ("buyer_payment_incidents_12m", lambda v: v < 0, "must not be negative"),
    ("relationship_months", lambda v: v < 0, "must not be negative"),
    ("prior_invoices_count", lambda v: v < 0, "must not be negative"),
    ("prior_late_ratio", lambda v: (v < 0) | (v > 1), "must be between 0 and 1"),
    ("claim", lambda v: (v != 0) & (v != 1), "must be 0 or 1"),
)
CODE_RULES: tuple[tuple[str, str, str], ...] = (
    ("currency", r"^[A-Z]{3}$", "an ISO 4217 currency code such as EUR"),
    ("buyer_country", r"^[A-Z]{2}$", "an ISO 3166 alpha-2 country code such as FR"),
    ("buyer_sector", f"^[{''.join(NACE_SECTIONS)}]$", "a NACE section letter A-U"),
)


@dataclass(frozen=True)
class Book:
    """A validated book: the canonical table and the SHA-256 of the file it came from."""

    table: pa.Table
    sha256: str


def load_book(path: Path, *, require_claim: bool = True) -> Book:
    """Read a ``.csv`` or ``.parquet`` book and validate it; raises ``BookError`` if malformed."""
    raw = _read(path)
    table = validate_table(raw, require_claim=require_claim)
    return Book(table=table, sha256=hashlib.sha256(path.read_bytes()).hexdigest())


def write_book(table: pa.Table, path: Path) -> None:
    """Write a book as CSV or Parquet, chosen by the file suffix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".csv":
        pcsv.write_csv(table, path)
    elif path.suffix.lower() == ".parquet":
        pq.write_table(table, path)
    else:
        raise ValueError(f"unsupported book format {path.suffix!r}: use .csv or .parquet")


def validate_table(raw: pa.Table, *, require_claim: bool = True) -> pa.Table:
    """The book in canonical types, or ``BookError`` naming the first bad column and row."""
    wanted = [name for name in BOOK_COLUMNS if name != "claim" or require_claim]
    if "claim" in raw.column_names and "claim" not in wanted:
        wanted.append("claim")
    for name in wanted:
        if name not in raw.column_names:
            raise BookError(name, None, "column is missing from the book")
    if raw.num_rows == 0:
        raise BookError(wanted[0], None, "the book has no rows")
    columns = {name: _convert(name, raw.column(name)) for name in wanted}
    _check_required(columns, require_claim=require_claim)
    _check_codes(columns)
    _check_numbers(columns)
    _check_dates(columns)
    _check_unique_invoices(columns["invoice_id"])
    return pa.table(columns, schema=pa.schema([BOOK_SCHEMA.field(name) for name in columns]))


def _read(path: Path) -> pa.Table:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            as_text = {name: pa.string() for name in BOOK_COLUMNS}
            options = pcsv.ConvertOptions(column_types=as_text, strings_can_be_null=True)
            return pcsv.read_csv(path, convert_options=options)
        if suffix == ".parquet":
            return pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as error:
        raise BookError("(file)", None, f"cannot read {path.name}: {error}") from None
    raise BookError("(file)", None, f"unsupported book format {suffix!r}: use .csv or .parquet")


def _convert(name: str, column: pa.ChunkedArray) -> pa.Array:
    kind = BOOK_SCHEMA.field(name).type
    if kind == pa.string():
        return to_text(name, column, upper=name in CODE_COLUMNS)
    if kind == pa.int64():
        return to_integer(name, column)
    if kind == pa.float64():
        return to_decimal(name, column)
    return to_date(name, column)


def _check_required(columns: dict[str, pa.Array], *, require_claim: bool) -> None:
    required = REQUIRED_COLUMNS | ({"claim"} if require_claim else set())
    for name in BOOK_COLUMNS:
        row = first_row(is_missing(columns[name])) if name in required else None
        if row is not None:
            raise BookError(name, row, "value is required")


def _check_codes(columns: dict[str, pa.Array]) -> None:
    for name, pattern, expected in CODE_RULES:
        text = columns[name]
        matched = pc.fill_null(pc.match_substring_regex(text, pattern), True)
        row = first_row(~np.asarray(matched.to_numpy(zero_copy_only=False), dtype=bool))
        if row is not None:
            raise BookError(name, row, f"expected {expected}, got {text[row - 1].as_py()!r}")


def _check_numbers(columns: dict[str, pa.Array]) -> None:
    for name, is_bad, problem in NUMERIC_RULES:
        if name not in columns:
            continue
        values = float_values(columns[name])
        present = ~np.isnan(values)
        bad = np.zeros(values.shape, dtype=bool)
        bad[present] = is_bad(values[present])
        row = first_row(bad)
        if row is not None:
            raise BookError(name, row, f"{problem}, got {describe(values[row - 1])}")


def _check_dates(columns: dict[str, pa.Array]) -> None:
    issue = columns["issue_date"].cast(pa.int32()).to_numpy(zero_copy_only=False)
    due = columns["due_date"].cast(pa.int32()).to_numpy(zero_copy_only=False)
    row = first_row(due < issue)
    if row is not None:
        issued, due_on = columns["issue_date"][row - 1], columns["due_date"][row - 1]
        raise BookError("due_date", row, f"due date {due_on} is before issue date {issued}")


def _check_unique_invoices(invoice_ids: pa.Array) -> None:
    if pc.count_distinct(invoice_ids).as_py() == len(invoice_ids):
        return
    seen: set[str] = set()
    for row, invoice_id in enumerate(invoice_ids.to_pylist(), start=1):
        if invoice_id in seen:
            raise BookError("invoice_id", row, f"duplicate invoice id {invoice_id!r}")
        seen.add(invoice_id)
