"""Fixtures: the shipped model, a fresh hold-out book from the generator, a small book file."""

from __future__ import annotations

from pathlib import Path

import pytest

from marketplace.underwriting.book import write_book
from marketplace.underwriting.model import RiskModel
from marketplace.underwriting.synthetic import SyntheticBook, generate_book

SHIPPED_MODEL_SEED = 7
FRESH_BOOK_SEED = 2024  # any seed but the shipped model's: new buyers, new outcomes


@pytest.fixture(scope="session")
def shipped_model() -> RiskModel:
    return RiskModel.load()


@pytest.fixture(scope="session")
def fresh_book() -> SyntheticBook:
    return generate_book(100_000, FRESH_BOOK_SEED)


@pytest.fixture(scope="session")
def small_book() -> SyntheticBook:
    return generate_book(4_000, 11)


@pytest.fixture(scope="session")
def small_book_path(tmp_path_factory: pytest.TempPathFactory, small_book: SyntheticBook) -> Path:
    path = tmp_path_factory.mktemp("books") / "small.parquet"
    write_book(small_book.table, path)
    return path
