"""Loading a book: any history in the schema is accepted; a malformed one names column and row."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from marketplace.underwriting.book import BOOK_COLUMNS, BOOK_SCHEMA, load_book, write_book
from marketplace.underwriting.book_columns import BookError
from marketplace.underwriting.synthetic import SyntheticBook

HEADER = ",".join(BOOK_COLUMNS)
GOOD_ROWS = [
    "A-1,S1,B1,125000,EUR,2025-01-10,2025-03-10,FR,F,12.5,48,820000000,0,4.0,71,30,14,0.07,0",
    "A-2,S1,B2,99000,eur,2025-02-01,2025-02-01, de ,g,,,,,,,,0,,1",
    "A-3,S2,B1,5000,EUR,2025-02-03,2025-04-04,FR,,0.5,0,0,3,-2.5,,0,0,,0",
]


def _csv(tmp_path: Path, rows: list[str], header: str = HEADER) -> Path:
    path = tmp_path / "book.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _with(row: int, column: str, value: str) -> list[str]:
    """GOOD_ROWS with one cell replaced (row is 1-based, as in error messages)."""
    rows = [line.split(",") for line in GOOD_ROWS]
    rows[row - 1][BOOK_COLUMNS.index(column)] = value
    return [",".join(cells) for cells in rows]


def test_a_hand_written_history_is_accepted(tmp_path: Path) -> None:
    book = load_book(_csv(tmp_path, GOOD_ROWS))
    table = book.table
    assert table.schema == BOOK_SCHEMA
    assert table.column("currency").to_pylist() == ["EUR", "EUR", "EUR"]
    assert table.column("buyer_country").to_pylist() == ["FR", "DE", "FR"]
    assert table.column("buyer_sector").to_pylist() == ["F", "G", None]
    assert table.column("buyer_employees").to_pylist() == [48, None, 0]
    assert table.column("prior_late_ratio").to_pylist() == [0.07, None, None]
    assert len(book.sha256) == 64


def test_extra_columns_are_ignored_and_claim_is_optional_for_scoring(tmp_path: Path) -> None:
    header = HEADER.replace(",claim", ",notes")
    rows = [line.rsplit(",", 1)[0] + ",anything" for line in GOOD_ROWS]
    book = load_book(_csv(tmp_path, rows, header), require_claim=False)
    assert "notes" not in book.table.column_names
    assert "claim" not in book.table.column_names
    with pytest.raises(BookError, match="column 'claim': column is missing"):
        load_book(_csv(tmp_path, rows, header))


def test_parquet_with_loose_types_is_accepted(tmp_path: Path) -> None:
    # What a dataframe library writes: integer columns with gaps become floats, dates strings.
    table = load_book(_csv(tmp_path, GOOD_ROWS)).table
    loose = table.set_column(
        BOOK_COLUMNS.index("buyer_employees"),
        "buyer_employees",
        pa.array([48.0, np.nan, 0.0]),
    ).set_column(BOOK_COLUMNS.index("claim"), "claim", pa.array([False, True, False]))
    path = tmp_path / "book.parquet"
    pq.write_table(loose, path)
    loaded = load_book(path).table
    assert loaded.column("buyer_employees").to_pylist() == [48, None, 0]
    assert loaded.column("claim").to_pylist() == [0, 1, 0]


def test_a_synthetic_book_round_trips_through_csv_and_parquet(
    tmp_path: Path, small_book: SyntheticBook
) -> None:
    for name in ("book.csv", "book.parquet"):
        write_book(small_book.table, tmp_path / name)
        assert load_book(tmp_path / name).table.equals(small_book.table)


@pytest.mark.parametrize(
    ("rows", "column", "row", "problem"),
    [
        (_with(2, "amount", "12.5"), "amount", 2, "expected a whole number, got '12.5'"),
        (_with(3, "amount", "abc"), "amount", 3, "expected a whole number"),
        (_with(2, "amount", "-500"), "amount", 2, "amount must be positive"),
        (_with(1, "due_date", "2025-01-09"), "due_date", 1, "is before issue date"),
        (_with(3, "issue_date", "2025-02-30"), "issue_date", 3, "not a calendar date"),
        (_with(2, "issue_date", "03/02/2025"), "issue_date", 2, "expected an ISO date"),
        (_with(2, "buyer_sector", "Z"), "buyer_sector", 2, "NACE section letter"),
        (_with(1, "buyer_country", "FRA"), "buyer_country", 1, "ISO 3166 alpha-2"),
        (_with(3, "currency", "EURO"), "currency", 3, "ISO 4217"),
        (_with(3, "claim", "2"), "claim", 3, "must be 0 or 1, got 2"),
        (_with(2, "claim", ""), "claim", 2, "value is required"),
        (_with(2, "buyer_id", ""), "buyer_id", 2, "value is required"),
        (_with(1, "prior_late_ratio", "1.5"), "prior_late_ratio", 1, "between 0 and 1"),
        (_with(3, "buyer_employees", "-1"), "buyer_employees", 3, "must not be negative"),
        (_with(1, "buyer_bureau_score", "inf"), "buyer_bureau_score", 1, "expected a number"),
        (_with(3, "invoice_id", "A-1"), "invoice_id", 3, "duplicate invoice id 'A-1'"),
    ],
)
def test_a_malformed_book_names_the_column_and_row(
    tmp_path: Path, rows: list[str], column: str, row: int, problem: str
) -> None:
    with pytest.raises(BookError) as refused:
        load_book(_csv(tmp_path, rows))
    assert (refused.value.column, refused.value.row) == (column, row)
    assert f"column '{column}', row {row}: " in str(refused.value)
    assert problem in str(refused.value)


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    header = HEADER.replace("buyer_sector,", "")
    rows = [",".join(c for i, c in enumerate(r.split(",")) if i != 8) for r in GOOD_ROWS]
    with pytest.raises(BookError, match="column 'buyer_sector': column is missing"):
        load_book(_csv(tmp_path, rows, header))


def test_a_wrong_column_type_in_parquet_is_named(tmp_path: Path) -> None:
    table = load_book(_csv(tmp_path, GOOD_ROWS)).table
    broken = table.set_column(
        BOOK_COLUMNS.index("issue_date"), "issue_date", pa.array([1.0, 2.0, 3.0])
    )
    pq.write_table(broken, tmp_path / "book.parquet")
    with pytest.raises(BookError, match="column 'issue_date': expected ISO dates, got column type"):
        load_book(tmp_path / "book.parquet")


def test_an_empty_or_unreadable_book_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BookError, match="no rows"):
        load_book(_csv(tmp_path, []))
    ragged = _csv(tmp_path, [*GOOD_ROWS, "A-4,S1"])
    with pytest.raises(BookError, match=r"cannot read book\.csv"):
        load_book(ragged)
    with pytest.raises(BookError, match="unsupported book format"):
        load_book(tmp_path / "book.xlsx")
