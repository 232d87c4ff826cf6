"""aiosqlite with one trip to its thread per statement.

aiosqlite runs each SQLite connection in a thread of its own; every call from the event loop
is a trip there and back (about 120-250 µs on this kind of machine, most of it waiting for the
thread and the loop to wake). SQLAlchemy's adapter makes four trips per query (open a cursor,
execute, fetch, close) and one per ``COMMIT`` or ``ROLLBACK`` even when no transaction is open.

Here a statement is one trip: the cursor is opened, executed, read and closed in aiosqlite's
thread in one go; and a commit or rollback with no transaction open (a reader's end, a pool's
reset) makes none. Same driver, same SQL, same results: ``create_engine(..., module=DBAPI)``.
"""

from __future__ import annotations

import collections
import sqlite3
from typing import Any

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT

_Outcome = tuple[Any, list[Any], int, int | None, bool]


def _run(connection: sqlite3.Connection, operation: str, parameters: Any, many: bool) -> _Outcome:
    """In aiosqlite's thread: the statement's description, rows, row count, last row id, and
    whether a transaction is open after it."""
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        else:
            cursor.execute(operation, () if parameters is None else parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, rows, cursor.rowcount, cursor.lastrowid, connection.in_transaction
    finally:
        cursor.close()


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """A cursor whose every statement is one trip to aiosqlite's thread."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: OneTripConnection) -> None:  # no trip to open it
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> Any:
        return self._lastrowid

    async def _trip(self, operation: Any, parameters: Any, many: bool) -> None:
        adapt_connection: OneTripConnection = self._adapt_connection  # type: ignore[assignment]
        async with adapt_connection._execute_mutex:
            connection = self._connection
            outcome: _Outcome = await connection._execute(
                _run, connection._conn, operation, parameters, many
            )
        self._description, rows, self._rowcount, self._lastrowid, open_ = outcome
        self._rows = collections.deque(rows)
        adapt_connection.transaction_open = open_

    async def _execute_async(self, operation: Any, parameters: Any) -> None:
        await self._trip(operation, parameters, many=False)

    async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> None:
        await self._trip(operation, seq_of_parameters, many=True)

    async def _async_soft_close(self) -> None:
        return None

    def close(self) -> None:
        self._rows.clear()


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    """Statements in one trip each; no trip to end a transaction that was never begun."""

    __slots__ = ("transaction_open",)
    _cursor_cls = OneTripCursor  # type: ignore[assignment]

    def __init__(self, dbapi: Any, connection: Any) -> None:
        super().__init__(dbapi, connection)
        self.transaction_open = True  # unknown until the first statement: assume one is

    def rollback(self) -> None:
        if self.transaction_open:
            super().rollback()
            self.transaction_open = False

    def commit(self) -> None:
        if self.transaction_open:
            super().commit()
            self.transaction_open = False


class OneTripDbapi(AsyncAdapt_aiosqlite_dbapi):
    """The DBAPI module to give ``create_async_engine(..., module=…)``."""

    def connect(self, *arg: Any, **kw: Any) -> OneTripConnection:
        adapted = super().connect(*arg, **kw)
        return OneTripConnection(self, adapted._connection)


DBAPI = OneTripDbapi(aiosqlite, sqlite3)
