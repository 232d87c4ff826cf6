"""Database engine, sessions, the shared metadata and SQLite tuning.

One code path serves SQLite (aiosqlite, the embedded default, one trip to its thread per
statement: ``kit.aiosqlite_trips``) and PostgreSQL (asyncpg).
SQLite runs in WAL mode with foreign keys on and a busy timeout. Transactions that will write
start with ``BEGIN IMMEDIATE`` on SQLite (``writer_session``), so two writers queue on the
database lock instead of failing when one upgrades a read snapshot; readers stay deferred and
never block writers.
"""

from __future__ import annotations

import asyncio
import os
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import structlog
from sqlalchemy import JSON, DateTime, MetaData, TypeDecorator, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect, ExceptionContext
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from marketplace.config import Settings
from marketplace.kit import aiosqlite_trips
from marketplace.kit.cache import SESSION_INFO_KEY, ProcessCaches
from marketplace.kit.group_commit import GroupCommitter
from marketplace.kit.inline_read import INFO_KEY as INLINE_READER_KEY
from marketplace.kit.inline_read import InlineReader
from marketplace.kit.storage_faults import FaultMemory, is_storage_fault

SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_BEGIN_OPTION = "sqlite_begin"
SQLITE_POOL_SIZE = 16
"""Connections kept open (each is an aiosqlite thread): enough for the reads of a busy
process, so that none is opened and closed per request (opening costs a thread and PRAGMAs)."""
SQLITE_POOL_OVERFLOW = 16
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700
WORLD_ACCESS = stat.S_IRWXO
log = structlog.get_logger("marketplace.db")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING_CONVENTION)


JsonDocument = JSON().with_variant(JSONB(), "postgresql")
"""A JSON column: JSONB on PostgreSQL, JSON text on SQLite."""


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp stored as UTC and always read back timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


def _tune_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(SQLITE_BEGIN_OPTION, "DEFERRED")
        if mode != "NONE":  # a reader: each statement is its own read (no BEGIN round trip)
            connection.exec_driver_sql(f"BEGIN {mode}")


def _sqlite_path(database_url: str) -> Path | None:
    database = database_url.split(":///", 1)[-1].split("?", 1)[0]
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _keep_private(path: Path) -> None:
    """Create the database file, and its folder, for this user alone. SQLite gives the ``-wal``
    and ``-shm`` files the mode of the database file, so they are private too. The folder loses
    world access unless it is shared (sticky, like /tmp) or someone else's."""
    folder = path.parent
    folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    found = folder.stat()
    shared = found.st_mode & stat.S_ISVTX or found.st_uid != os.getuid()
    if found.st_mode & WORLD_ACCESS and not shared:
        folder.chmod(stat.S_IMODE(found.st_mode) & ~WORLD_ACCESS)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, PRIVATE_FILE_MODE))
    for file in (path, *(path.with_name(path.name + suffix) for suffix in SQLITE_SIDE_FILES)):
        if file.exists() and stat.S_IMODE(file.stat().st_mode) != PRIVATE_FILE_MODE:
            file.chmod(PRIVATE_FILE_MODE)


def _prepare_sqlite_file(database_url: str) -> None:
    path = _sqlite_path(database_url)
    if path is None:
        return
    try:
        _keep_private(path)
    except OSError as error:  # a read-only or full disk: SQLite reports it on first use (503)
        log.warning("db.sqlite_file_not_prepared", path=str(path), error=error.strerror)


def create_engine(settings: Settings) -> AsyncEngine:
    """The engine for ``settings.database_url``, tuned for its backend."""
    if settings.is_sqlite:
        _prepare_sqlite_file(settings.database_url)
        engine = create_async_engine(
            settings.database_url,
            echo=settings.debug_sql,
            module=aiosqlite_trips.DBAPI,
            pool_size=SQLITE_POOL_SIZE,
            max_overflow=SQLITE_POOL_OVERFLOW,
        )
        _tune_sqlite(engine)
        return engine
    return create_async_engine(
        settings.database_url,
        echo=settings.debug_sql,
        pool_size=10,
        max_overflow=20,
        pool_pre_ping=True,
    )


def _watch_storage_faults(engine: AsyncEngine, memory: FaultMemory) -> None:
    """Remember each storage fault, and treat it as a lost connection so the pool drops its
    connections: one opened while the file was read-only stays read-only for ever, so the
    server recovers by itself only if it opens new ones once the fault clears."""

    @event.listens_for(engine.sync_engine, "handle_error")
    def on_error(context: ExceptionContext) -> None:
        if is_storage_fault(context.original_exception):
            memory.record()
            context.is_disconnect = True


class GatedSession(AsyncSession):
    """A writer session that waits for the process's write gate before its first statement and
    gives it back when its transaction ends (commit, rollback or close).

    Holding the gate per transaction, not per request, lets a request commit and then call
    out (to Stripe, say) without making every other writer wait for the call.
    """

    def __init__(self, *args: Any, gate: asyncio.Lock | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._gate = gate
        self._holding = False

    async def _enter(self) -> None:
        if self._gate is not None and not self._holding:
            await self._gate.acquire()
            self._holding = True

    def _leave(self) -> None:
        if self._holding and self._gate is not None:
            self._holding = False
            self._gate.release()

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        await self._enter()
        return await super().execute(*args, **kwargs)

    async def scalar(self, *args: Any, **kwargs: Any) -> Any:
        await self._enter()
        return await super().scalar(*args, **kwargs)

    async def scalars(self, *args: Any, **kwargs: Any) -> Any:
        await self._enter()
        return await super().scalars(*args, **kwargs)

    async def get(self, *args: Any, **kwargs: Any) -> Any:
        await self._enter()
        return await super().get(*args, **kwargs)

    async def flush(self, *args: Any, **kwargs: Any) -> None:
        await self._enter()
        await super().flush(*args, **kwargs)

    async def refresh(self, *args: Any, **kwargs: Any) -> None:
        await self._enter()
        await super().refresh(*args, **kwargs)

    async def delete(self, *args: Any, **kwargs: Any) -> None:
        await self._enter()
        await super().delete(*args, **kwargs)

    async def commit(self) -> None:
        try:
            await super().commit()
        finally:
            self._leave()

    async def rollback(self) -> None:
        try:
            await super().rollback()
        finally:
            self._leave()

    async def close(self) -> None:
        try:
            await super().close()
        finally:
            self._leave()


class Database:
    """The engine plus the two session factories every request and job uses."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.storage_faults = FaultMemory()
        self.caches = ProcessCaches()
        shared: dict[str, Any] = {SESSION_INFO_KEY: self.caches}
        _watch_storage_faults(engine, self.storage_faults)
        # SQLite has one writer at a time. Queueing writers here, in order, beats letting them
        # poll the database lock (its busy handler sleeps up to 100 ms between tries).
        sqlite = engine.dialect.name == "sqlite"
        path = _sqlite_path(engine.url.render_as_string()) if sqlite else None
        self.inline_reader = None if path is None else InlineReader(path)
        """Hot reads on the loop's thread (``kit.inline_read``): a SQLite file only."""
        self._write_gate = asyncio.Lock() if sqlite else None
        writer_bind = engine.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"})
        # Readers run without a transaction: on each backend that saves a BEGIN and a ROLLBACK
        # round trip per request; a read never needs to see two statements in one snapshot.
        reader_bind = (
            engine.execution_options(**{SQLITE_BEGIN_OPTION: "NONE"})
            if sqlite
            else engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        self._reader = async_sessionmaker(
            reader_bind,
            expire_on_commit=False,
            autoflush=False,
            info={**shared, INLINE_READER_KEY: self.inline_reader},  # readers only
        )
        self._writer = async_sessionmaker(
            writer_bind,
            class_=GatedSession,
            expire_on_commit=False,
            autoflush=False,
            gate=self._write_gate,
            info=shared,
        )
        self.group_commit = GroupCommitter(self.writer_session)
        """Writes of many requests in one transaction (``kit.group_commit``)."""

    def reader_session(self) -> AsyncSession:
        """A session for reads only: no transaction, never a lock; never write with it."""
        return self._reader()

    def writer_session(self) -> AsyncSession:
        """A session that writes. On SQLite, writers take turns: each transaction waits for the
        process's gate at its first statement (then BEGIN IMMEDIATE) and frees it at its end."""
        return self._writer()

    async def dispose(self) -> None:
        if self.inline_reader is not None:
            self.inline_reader.close()
        await self.engine.dispose()
