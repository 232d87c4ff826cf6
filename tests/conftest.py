"""Test set-up: a migrated database (SQLite by default, PostgreSQL when asked), the app, tenants.

``MARKETPLACE_TEST_DATABASE_URL=postgresql+asyncpg://…/test`` runs the whole suite on
PostgreSQL: a scratch database is created next to the one named, migrated, and dropped at the
end. Tests marked ``postgres`` run only then (``.ci/run`` does both passes).
"""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
import pytest
from litestar import Litestar
from sqlalchemy import func, select, update
from sqlalchemy.orm import DeclarativeBase

from marketplace.accounts import service
from marketplace.app import create_app
from marketplace.config import Settings, load_settings
from marketplace.db import Database, create_engine
from marketplace.kit.clock import utc_now
from marketplace.kit.commands import SYSTEM
from marketplace.migrations import upgrade
from marketplace.models import Product
from marketplace.payments.gateway import StripeGateway
from marketplace.payments.localstripe import LOCALSTRIPE_SECRET_KEY, LocalStripe
from tests.fixtures.stripe_payloads import WEBHOOK_SECRET
from tests.helpers import started

pytest_plugins = ["tests.fixtures.market"]

POSTGRES_URL = os.environ.get("MARKETPLACE_TEST_DATABASE_URL")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if POSTGRES_URL:
        return
    chosen = [item for item in items if "postgres" not in item.keywords]
    deselected = [item for item in items if "postgres" in item.keywords]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = chosen


def pytest_report_header() -> str:
    backend = "PostgreSQL" if POSTGRES_URL else "SQLite (postgres-marked tests deselected)"
    return f"database backend: {backend}"


def _asyncpg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def _postgres_admin(sql: str) -> None:
    assert POSTGRES_URL is not None
    connection = await asyncpg.connect(_asyncpg_dsn(POSTGRES_URL))
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def localstripe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStripe]:
    """localstripe started as ``marketplace serve`` starts it, on a free loopback port."""
    data_path = tmp_path_factory.mktemp("localstripe") / "localstripe.pickle"
    with LocalStripe.start(port=0, data_path=data_path) as running:
        yield running


@pytest.fixture(scope="session")
def settings(
    tmp_path_factory: pytest.TempPathFactory, localstripe: LocalStripe
) -> Iterator[Settings]:
    """Settings for a fresh, migrated database that lives as long as the test session, and for
    Stripe: localstripe, with the webhook secret the tests sign their deliveries with."""
    stripe = {
        "stripe_secret_key": LOCALSTRIPE_SECRET_KEY,
        "stripe_api_base": localstripe.api_base,
        "stripe_webhook_secret": WEBHOOK_SECRET,
    }
    if POSTGRES_URL is None:
        path = tmp_path_factory.mktemp("db") / "marketplace.db"
        test_settings = load_settings({}, database_url=f"sqlite+aiosqlite:///{path}", **stripe)
        upgrade(test_settings)
        yield test_settings
        return
    scratch = f"marketplace_test_{secrets.token_hex(4)}"
    asyncio.run(_postgres_admin(f'CREATE DATABASE "{scratch}"'))
    base, _, _ = POSTGRES_URL.rpartition("/")
    test_settings = load_settings({}, database_url=f"{base}/{scratch}", **stripe)
    try:
        upgrade(test_settings)
        yield test_settings
    finally:
        asyncio.run(_postgres_admin(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))


@pytest.fixture(scope="session")
async def gateway(settings: Settings) -> AsyncIterator[StripeGateway]:
    """A Stripe gateway on the suite's localstripe, for tests to check what Stripe saw."""
    stripe_gateway = StripeGateway.from_settings(settings)
    yield stripe_gateway
    await stripe_gateway.close()


@pytest.fixture(scope="session")
async def database(settings: Settings) -> AsyncIterator[Database]:
    """A database handle for tests to set up and inspect rows directly."""
    handle = Database(create_engine(settings))
    yield handle
    await handle.dispose()


@pytest.fixture(scope="session")
async def app(settings: Settings) -> Litestar:
    return create_app(settings)


@pytest.fixture(scope="session")
async def running_app(app: Litestar) -> AsyncIterator[Litestar]:
    """The app with its start-up done (and its shut-down after the session), on the test loop."""
    async with started(app):
        yield app


@pytest.fixture(scope="session")
async def client(running_app: Litestar) -> AsyncIterator[httpx.AsyncClient]:
    """An in-process HTTP client on the test's own event loop, so requests truly overlap."""
    transport = httpx.ASGITransport(app=running_app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://testserver.local"
    ) as test_client:
        yield test_client


@dataclass(frozen=True)
class Tenant:
    account_id: str
    role: str
    secret: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secret}"}


@pytest.fixture
def new_tenant(database: Database):  # type: ignore[no-untyped-def]
    """Make a tenant (account + test key) through the same service the API uses."""

    async def make(role: str, name: str | None = None, platform: str | None = None) -> Tenant:
        async with database.writer_session() as session:
            account = await service.create_account(
                session, SYSTEM, role, name or f"{role} {secrets.token_hex(3)}", platform
            )
            created = await service.create_api_key(session, SYSTEM, account.id, False, "test")
            await session.commit()
        return Tenant(account.id, role, created.secret)

    return make


@pytest.fixture(autouse=True)
async def only_this_tests_products(database: Database) -> AsyncIterator[None]:
    """Pause every product after each test: a quote sees only the products its test made."""
    yield
    async with database.writer_session() as session:
        now = utc_now()  # a changed stamp tells every process's cache of products in force
        await session.execute(update(Product).values(status="paused", updated_at=now))
        await session.commit()


@pytest.fixture
def count_rows(database: Database):  # type: ignore[no-untyped-def]
    """How many rows a table holds, optionally filtered."""

    async def count(model: type[DeclarativeBase], *where: object) -> int:
        async with database.reader_session() as session:
            query = select(func.count()).select_from(model).where(*where)  # type: ignore[arg-type]
            return int((await session.execute(query)).scalar_one())

    return count


@pytest.fixture
def asgi_transport(running_app: Litestar) -> httpx.ASGITransport:
    """A transport into the running app, for clients other than the test client (the SDK)."""
    return httpx.ASGITransport(app=running_app)


@dataclass(frozen=True)
class LiveServer:
    url: str
    log_path: Path
    env: dict[str, str]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("the server did not answer /health in time")


@pytest.fixture(scope="session")
def live_server(
    settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """``marketplace serve`` in a child process on a free loopback port, on the test database."""
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MARKETPLACE_")},
        "MARKETPLACE_DATABASE_URL": settings.database_url,
        "MARKETPLACE_PORT": str(port),
        "MARKETPLACE_LOG_FORMAT": "json",
    }
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "marketplace", "serve"], env=env, stdout=log, stderr=log
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(url, process, timeout_s=60)
            yield LiveServer(url=url, log_path=log_path, env=env)
        finally:
            process.terminate()
            process.wait(timeout=30)


def run_cli(env: dict[str, str], *args: str) -> str:
    """Run ``marketplace ARGS`` as a user would; its standard output."""
    done = subprocess.run(
        [sys.executable, "-m", "marketplace", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="session")
def repository_root() -> Path:
    return Path(__file__).resolve().parents[1]
