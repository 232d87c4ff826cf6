"""Which failures mean the database's storage is unavailable, and a memory of the last one.

A storage fault is the disk or the database refusing work that would succeed once an operator
frees space, makes the file writable again or brings the server back: SQLite's ``database or
disk is full``, ``attempt to write a readonly database``, ``disk I/O error`` and ``unable to
open database file``; PostgreSQL's disk full, read-only transaction, shutdown and connection
failures; the operating system's "no space" and "read-only file system". The API answers these
with 503 (retry later) instead of 500 (our bug), and ``/ready`` reports them.
"""

from __future__ import annotations

import errno
import socket
import sqlite3
import time
from collections.abc import Callable, Iterator

from sqlalchemy.exc import DBAPIError

SQLITE_STORAGE_CODES = frozenset(
    {
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_PERM,
    }
)
SQLITE_PRIMARY_CODE_MASK = 0xFF  # extended result codes keep the primary code in the low byte
POSTGRES_STORAGE_SQLSTATES = ("08", "53", "57P", "58", "25006")
"""Connection exception, insufficient resources (disk full), shutdown, system I/O error, and
read-only transaction (a replica, or ``default_transaction_read_only``)."""
DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO})


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _is_storage_error(error: BaseException) -> bool:
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return code is not None and code & SQLITE_PRIMARY_CODE_MASK in SQLITE_STORAGE_CODES
    sqlstate = getattr(error, "sqlstate", None)
    if isinstance(sqlstate, str):
        return sqlstate.startswith(POSTGRES_STORAGE_SQLSTATES)
    if isinstance(error, DBAPIError):
        return bool(error.connection_invalidated)
    if isinstance(error, (ConnectionError, socket.gaierror)):
        return True  # outside the database, the network is Stripe's, whose gateway wraps it
    return isinstance(error, OSError) and error.errno in DISK_ERRNOS


def is_storage_fault(error: BaseException) -> bool:
    """True when ``error``, or anything that caused it, is a storage fault."""
    return any(_is_storage_error(cause) for cause in _chain(error))


def storage_fault_reason(error: BaseException) -> str:
    """The driver's own words for the fault (no SQL, no parameters), for the log."""
    faults = [cause for cause in _chain(error) if _is_storage_error(cause)]
    if not faults:
        return type(error).__name__
    driver = faults[-1]  # the deepest: the driver's own exception, under SQLAlchemy's wrappers
    return f"{type(driver).__name__}: {driver}".splitlines()[0]


class FaultMemory:
    """When the last storage fault happened, so readiness can stay down for a while after it."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last: float | None = None

    def record(self) -> None:
        self._last = self._clock()

    def seen_within(self, seconds: float) -> bool:
        return self._last is not None and self._clock() - self._last < seconds
