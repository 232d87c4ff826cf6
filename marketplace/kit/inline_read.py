"""Hot reads of the embedded SQLite database, run on the event loop's own thread.

A statement sent to aiosqlite is a trip to the connection's thread and back; on a busy loop the
trip (waiting for the thread, then for the loop and the GIL) costs ten times the read itself.
A read in WAL mode never waits for a lock, so the one read a quote needs (about 25 µs in
SQLite) is cheaper run where it is asked for. ``PreparedRead`` is a SELECT compiled once, with
its parameters' and columns' conversions taken from the statement's own types, so a row reads
back exactly as SQLAlchemy would give it. ``InlineReader`` is one connection of the process,
opened read-only in effect (``PRAGMA query_only``), used only on the loop's thread and never
across an ``await``.

On any error the reader drops its connection and ``fetch`` answers None: the caller reads
through its session instead, so errors surface as they always did (a storage fault is a 503).
Databases other than a SQLite file have no inline reader (``reader_of`` answers None).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import structlog
from sqlalchemy import Select
from sqlalchemy.dialects import sqlite
from sqlalchemy.ext.asyncio import AsyncSession

INFO_KEY = "marketplace.inline_reader"
BUSY_TIMEOUT_MS = 100
"""A read waits for a lock only while SQLite recovers a WAL; then the session path reads."""
log = structlog.get_logger("marketplace.db")

_Convert = Callable[[Any], Any] | None


class PreparedRead:
    """A SELECT compiled once for SQLite: its SQL, its parameters in order with their
    conversions, and its columns' conversions. ``parameter_names``: the bound parameters given
    at each call (the others are the statement's constants)."""

    def __init__(self, statement: Select[Any], parameter_names: Iterable[str]) -> None:
        dialect = sqlite.dialect()
        compiled = statement.compile(dialect=dialect)
        expanded = compiled.construct_expanded_state(dict.fromkeys(parameter_names))
        self.sql = expanded.statement
        self._names: Sequence[str] = expanded.positiontup or ()
        self._constants = expanded.parameters
        processors = {
            name: bound.type.dialect_impl(dialect).bind_processor(dialect)
            for name, bound in compiled.binds.items()
        } | dict(expanded.processors)
        self._to_database: list[_Convert] = [processors.get(name) for name in self._names]
        self._from_database: list[_Convert] = [
            column.type.dialect_impl(dialect).result_processor(dialect, None)
            for column in statement.selected_columns
        ]

    def parameters(self, values: Mapping[str, Any]) -> list[Any]:
        given = {**self._constants, **values}
        return [
            given[name] if convert is None else convert(given[name])
            for name, convert in zip(self._names, self._to_database, strict=True)
        ]

    def rows(self, found: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        converts = self._from_database
        return [
            tuple(
                value if convert is None or value is None else convert(value)
                for value, convert in zip(row, converts, strict=True)
            )
            for row in found
        ]


class InlineReader:
    """The process's connection for reads on the loop's thread (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._connection: sqlite3.Connection | None = None

    def fetch(self, read: PreparedRead, values: Mapping[str, Any]) -> list[tuple[Any, ...]] | None:
        """The rows of ``read``, or None when it could not be run here."""
        try:
            connection = self._connection or self._open()
            found = connection.execute(read.sql, read.parameters(values)).fetchall()
        except sqlite3.Error as error:
            log.warning("db.inline_read_failed", error=str(error))
            self.close()
            return None
        return read.rows(found)

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA query_only=ON")
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        self._connection = connection
        return connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def reader_of(session: AsyncSession) -> InlineReader | None:
    """The inline reader of the database ``session`` belongs to, if it has one."""
    reader: InlineReader | None = session.info.get(INFO_KEY)
    return reader
