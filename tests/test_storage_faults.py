"""A database that cannot store answers 503 ``storage_unavailable``, never 500; nothing is
half-written; ``/ready`` says not ready; the app recovers by itself once the fault clears.

The faults here are produced by the databases' own mechanisms, in-process: SQLite's
``PRAGMA max_page_count`` (a genuine SQLITE_FULL, no root needed) and PostgreSQL's
``default_transaction_read_only`` (a genuine read-only error), and a PostgreSQL address where
nothing listens (a genuine refused connection). Real full, read-only and failing disks under
``marketplace serve`` are in ``test_storage_faults_live.py``.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import socket
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable

import asyncpg
import httpx
import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import IntegrityError

from marketplace import health
from marketplace.accounts import service
from marketplace.accounts.secrets import generate_secret
from marketplace.app import create_app
from marketplace.config import Settings, load_settings
from marketplace.db import Database
from marketplace.kit.commands import SYSTEM
from marketplace.kit.storage_faults import is_storage_fault
from marketplace.migrations import upgrade
from marketplace.models import Product, ProductVersion
from tests.conftest import POSTGRES_URL
from tests.factories import product_terms
from tests.helpers import assert_problem, started

MAX_WRITES = 200
RECOVERY_TIMEOUT_S = 20.0
FAULT_MEMORY_S = 0.2


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _sqlite_error(database: str, *pragmas_then_statement: str) -> sqlite3.Error:
    try:
        connection = sqlite3.connect(database, isolation_level=None)
    except sqlite3.Error as error:
        return error
    try:
        for sql in pragmas_then_statement:
            connection.execute(sql)
    except sqlite3.Error as error:
        return error
    finally:
        connection.close()
    raise AssertionError("the statement did not fail")


def test_real_driver_errors_are_classified(tmp_path):
    path = str(tmp_path / "c.db")
    sqlite3.connect(path).execute("CREATE TABLE t (x BLOB)").connection.close()
    full = _sqlite_error(path, "PRAGMA max_page_count=2", "INSERT INTO t VALUES (zeroblob(99999))")
    read_only = _sqlite_error(path, "PRAGMA query_only=ON", "INSERT INTO t VALUES (1)")
    cannot_open = _sqlite_error(str(tmp_path / "missing" / "x.db"), "SELECT 1")
    no_table = _sqlite_error(path, "SELECT * FROM nothing")
    assert [full.sqlite_errorname, read_only.sqlite_errorname] == ["SQLITE_FULL", "SQLITE_READONLY"]
    assert cannot_open.sqlite_errorname == "SQLITE_CANTOPEN"
    for fault in (full, read_only, cannot_open, ConnectionRefusedError(111, "refused")):
        assert is_storage_fault(fault), fault
    for other in (no_table, IntegrityError("INSERT", {}, Exception("UNIQUE")), ValueError("x")):
        assert not is_storage_fault(other), other


@pytest.mark.parametrize(
    "error",
    [
        asyncpg.exceptions.DiskFullError("could not extend file: No space left on device"),
        asyncpg.exceptions.ReadOnlySQLTransactionError("read-only transaction"),
        asyncpg.exceptions.CannotConnectNowError("the database system is starting up"),
        asyncpg.exceptions.AdminShutdownError("terminating connection"),
        asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed"),
    ],
)
def test_postgres_storage_errors_are_classified_by_sqlstate(error):
    # asyncpg's own exception classes, as the driver raises them (built here: a disk cannot be
    # filled under a shared PostgreSQL server); SQLAlchemy raises them as the cause of its own.
    wrapped = RuntimeError("wrapper")
    wrapped.__cause__ = error
    assert is_storage_fault(wrapped)
    assert not is_storage_fault(asyncpg.exceptions.UniqueViolationError("duplicate key"))


@contextlib.asynccontextmanager
async def _app_on(settings: Settings) -> AsyncIterator[tuple[httpx.AsyncClient, Database]]:
    app = create_app(settings)
    async with (
        started(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t.local") as c,
    ):
        yield c, app.state.database


async def _insurer_headers(database: Database) -> dict[str, str]:
    async with database.writer_session() as session:
        account = await service.create_account(session, SYSTEM, "insurer", "Insurer", None)
        key = await service.create_api_key(session, SYSTEM, account.id, False, "test")
        await session.commit()
    return {"Authorization": f"Bearer {key.secret}"}


async def _poll(
    check: Callable[[], Awaitable[bool]], timeout_s: float = RECOVERY_TIMEOUT_S
) -> None:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, "did not recover in time"
        await asyncio.sleep(0.1)


def _cap_pages(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA page_count")
    (pages,) = cursor.fetchone()
    cursor.execute(f"PRAGMA max_page_count={pages}")
    cursor.close()


async def _create_until_refused(client: httpx.AsyncClient, headers: dict[str, str]):  # type: ignore[no-untyped-def]
    """Create products until the database refuses one; every answer on the way."""
    answers = []
    for attempt in range(MAX_WRITES):
        terms = product_terms(name=f"Full {attempt} {secrets.token_hex(3)}")
        answers.append(
            (terms["name"], await client.post("/v1/products", headers=headers, json=terms))
        )
        if answers[-1][1].status_code != 201:
            break
    return answers


async def test_a_full_sqlite_database_answers_503_and_recovers(tmp_path, monkeypatch):
    monkeypatch.setattr(health, "STORAGE_FAULT_MEMORY_SECONDS", FAULT_MEMORY_S)
    settings = load_settings({}, database_url=f"sqlite+aiosqlite:///{tmp_path}/full.db")
    await asyncio.to_thread(upgrade, settings)
    async with _app_on(settings) as (client, database):
        headers = await _insurer_headers(database)
        assert (await client.get("/ready")).status_code == 200
        engine = database.engine.sync_engine
        event.listen(engine, "connect", _cap_pages)
        await database.engine.dispose()  # every connection from now on has a page limit
        answers = await _create_until_refused(client, headers)
        name, refused = answers[-1]
        assert [r.status_code for _, r in answers[:-1]] == [201] * (len(answers) - 1)
        body = assert_problem(refused, 503, "storage_unavailable")
        assert refused.headers["retry-after"]
        for leak in ("SQLITE", "INSERT", "Traceback", "disk is full"):
            assert leak not in refused.text
        assert "changed nothing" in body["detail"]
        ready = await client.get("/ready")
        assert (ready.status_code, ready.json()["writes"]) == (503, "failing")
        assert (await client.get("/v1/products", headers=headers)).status_code == 200

        # The operator frees space. The page limit belongs to each connection, not to the disk,
        # so lifting it means closing the capped ones; the app notices by itself.
        event.remove(engine, "connect", _cap_pages)
        await database.engine.dispose()

        async def recovered() -> bool:
            return (await client.get("/ready")).status_code == 200

        await _poll(recovered)
        again = await client.post("/v1/products", headers=headers, json=product_terms())
        assert again.status_code == 201, again.text
        async with database.reader_session() as session:
            names = set((await session.scalars(select(Product.name))).all())
            orphans = (
                select(func.count())
                .select_from(Product)
                .where(
                    ~select(ProductVersion.product_id)
                    .where(ProductVersion.product_id == Product.id)
                    .exists()
                )
            )
            assert name not in names
            assert (await session.execute(orphans)).scalar_one() == 0


async def _postgres_admin(sql: str) -> None:
    assert POSTGRES_URL is not None
    connection = await asyncpg.connect(POSTGRES_URL.replace("postgresql+asyncpg", "postgresql"))
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


async def _fail_over_to_read_only(database_name: str, read_only: bool) -> None:
    """As a failover to a read-only replica: new sessions are read-only, old ones are cut."""
    setting = "on" if read_only else "off"
    await _postgres_admin(
        f'ALTER DATABASE "{database_name}" SET default_transaction_read_only = {setting}'
    )
    await _postgres_admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        f" WHERE datname = '{database_name}' AND pid <> pg_backend_pid()"
    )


@pytest.mark.postgres
async def test_a_read_only_postgres_answers_503_and_recovers(settings, monkeypatch):
    monkeypatch.setattr(health, "STORAGE_FAULT_MEMORY_SECONDS", FAULT_MEMORY_S)
    database_name = settings.database_url.rsplit("/", 1)[-1]
    async with _app_on(settings) as (client, database):
        headers = await _insurer_headers(database)
        await _fail_over_to_read_only(database_name, read_only=True)
        try:
            for _ in range(2):  # the first may meet a cut connection, the next a read-only one
                refused = await client.post("/v1/products", headers=headers, json=product_terms())
                assert_problem(refused, 503, "storage_unavailable")
            ready = await client.get("/ready")
            assert (ready.status_code, ready.json()["writes"]) == (503, "failing")
            async with database.reader_session() as session:
                count = (await session.execute(text("SELECT count(*) FROM products"))).scalar()
            assert count == 0
        finally:
            await _fail_over_to_read_only(database_name, read_only=False)

        async def recovered() -> bool:
            return (await client.get("/ready")).status_code == 200

        await _poll(recovered)
        again = await client.post("/v1/products", headers=headers, json=product_terms())
        assert again.status_code == 201, again.text


async def test_an_unreachable_postgres_answers_503_and_is_not_ready():
    settings = load_settings(
        {}, database_url=f"postgresql+asyncpg://nobody@127.0.0.1:{_closed_port()}/x"
    )
    headers = {"Authorization": f"Bearer {generate_secret(livemode=False)}"}
    async with _app_on(settings) as (client, _):
        response = await client.get("/v1/accounts/me", headers=headers)
        assert_problem(response, 503, "storage_unavailable")
        ready = await client.get("/ready")
        assert (ready.status_code, ready.json()["database"]) == (503, "unreachable")
