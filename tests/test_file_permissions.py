"""Files that hold secrets or data are this user's alone: the SQLite database with its ``-wal``
and ``-shm`` files (0600) and their folder (no world access), and the embedded Stripe's data."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from marketplace.config import load_settings
from marketplace.db import Database, create_engine
from marketplace.payments.localstripe import LocalStripe

PERMISSIVE_UMASK = 0o022  # the usual default, under which files come out 0644


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    previous = os.umask(PERMISSIVE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


@contextlib.asynccontextmanager
async def _writing(path: Path):  # type: ignore[no-untyped-def]
    """A database at ``path`` with a committed write and its connection still open."""
    database = Database(
        create_engine(load_settings({}, database_url=f"sqlite+aiosqlite:///{path}"))
    )
    try:
        async with database.writer_session() as session:
            await session.execute(text("CREATE TABLE IF NOT EXISTS t (x INTEGER)"))
            await session.execute(text("INSERT INTO t VALUES (1)"))
            await session.commit()
        async with database.reader_session() as reader:
            await reader.execute(text("SELECT x FROM t"))
            yield
    finally:
        await database.dispose()


async def test_a_new_database_and_its_wal_files_are_private(tmp_path, permissive_umask):
    path = tmp_path / "var" / "marketplace.db"
    async with _writing(path):
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        assert {file.name: oct(_mode(file)) for file in files} == {
            file.name: "0o600" for file in files
        }
        assert _mode(path.parent) & stat.S_IRWXO == 0


async def test_an_existing_world_readable_database_is_made_private(tmp_path, permissive_umask):
    folder = tmp_path / "var"
    folder.mkdir(mode=0o755)
    path = folder / "marketplace.db"
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        file.touch(mode=0o644)
    async with _writing(path):
        assert oct(_mode(path)) == "0o600"
        assert oct(_mode(Path(f"{path}-wal"))) == "0o600"
        assert oct(_mode(Path(f"{path}-shm"))) == "0o600"
        assert oct(_mode(folder)) == "0o750"


def test_a_shared_folder_keeps_its_mode(tmp_path, permissive_umask):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp: everyone's, so not ours to close
    create_engine(load_settings({}, database_url=f"sqlite+aiosqlite:///{shared}/m.db"))
    assert oct(_mode(shared)) == "0o1777"
    assert oct(_mode(shared / "m.db")) == "0o600"


def test_the_embedded_stripe_keeps_its_data_private(tmp_path, permissive_umask):
    data = tmp_path / "localstripe.pickle"
    with LocalStripe.start(port=0, data_path=data):
        pass  # localstripe saves its data when it stops
    assert oct(_mode(data)) == "0o600"
