"""Test set-up: a fresh migrated database per test (SQLite by default, PostgreSQL when asked),
the app, tenants.

The schema is migrated once per session into a template; each test that asks for ``settings``,
``database``, ``client`` or a tenant gets its own copy of it (tests/fixtures/databases.py), and
the session's one running app is pointed at that copy for the test. A test that asks for none
of these starts no database, no app and no localstripe.

``MARKETPLACE_TEST_DATABASE_URL=postgresql+asyncpg://…/test`` runs the whole suite on
PostgreSQL: scratch databases are created next to the one named and dropped when done. Tests
marked ``postgres`` run only then (``.ci/run`` does both passes).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from litestar import Litestar
from sqlalchemy import func, select
from sqlalchemy.orm import DeclarativeBase

from marketplace.accounts import service
from marketplace.app import create_app
from marketplace.cli import WORKER_STOP_TIMEOUT_S
from marketplace.config import Settings, load_settings
from marketplace.db import Database, create_engine
from marketplace.kit.commands import SYSTEM
from marketplace.payments.gateway import StripeGateway
from marketplace.payments.localstripe import LOCALSTRIPE_SECRET_KEY, LocalStripe
from tests.fixtures.databases import DatabaseTemplate, PostgresTemplate, SqliteTemplate
from tests.fixtures.stripe_payloads import WEBHOOK_SECRET
from tests.helpers import close_when_idle, serving, started

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


@pytest.fixture(scope="session")
def database_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseTemplate]:
    """The schema, migrated once for the session; ``scratch()`` gives a fresh copy of it."""
    template: DatabaseTemplate = (
        PostgresTemplate(POSTGRES_URL)
        if POSTGRES_URL
        else SqliteTemplate(tmp_path_factory.mktemp("databases"))
    )
    yield template
    template.close()


@pytest.fixture(scope="session")
def localstripe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStripe]:
    """localstripe started as ``marketplace serve`` starts it, on a free loopback port."""
    data_path = tmp_path_factory.mktemp("localstripe") / "localstripe.pickle"
    with LocalStripe.start(port=0, data_path=data_path) as running:
        yield running


@pytest.fixture(scope="session")
def stripe_settings(localstripe: LocalStripe) -> dict[str, str]:
    """Stripe for the tests: localstripe, with the webhook secret tests sign deliveries with."""
    return {
        "stripe_secret_key": LOCALSTRIPE_SECRET_KEY,
        "stripe_api_base": localstripe.api_base,
        "stripe_webhook_secret": WEBHOOK_SECRET,
    }


@pytest.fixture
def settings(
    database_template: DatabaseTemplate, stripe_settings: dict[str, str]
) -> Iterator[Settings]:
    """Settings for this test's own freshly migrated database (dropped after it), and Stripe."""
    with database_template.scratch() as database_url:
        yield load_settings({}, database_url=database_url, **stripe_settings)


@pytest.fixture(scope="session")
async def gateway(stripe_settings: dict[str, str]) -> AsyncIterator[StripeGateway]:
    """A Stripe gateway on the suite's localstripe, for tests to check what Stripe saw."""
    stripe_gateway = StripeGateway.from_settings(load_settings({}, **stripe_settings))
    yield stripe_gateway
    await stripe_gateway.close()


@pytest.fixture
async def database(settings: Settings) -> AsyncIterator[Database]:
    """A handle on this test's database, for tests to set up and inspect rows directly."""
    handle = Database(create_engine(settings))
    yield handle
    await close_when_idle(handle)


@pytest.fixture(scope="session")
def app(database_template: DatabaseTemplate, stripe_settings: dict[str, str]) -> Iterator[Litestar]:
    """The session's app. It starts on a database of its own; ``running_app`` lends it each
    test's database."""
    with database_template.scratch() as database_url:
        yield create_app(load_settings({}, database_url=database_url, **stripe_settings))


@pytest.fixture(scope="session")
async def started_app(app: Litestar) -> AsyncIterator[Litestar]:
    """The app with its start-up done (and its shut-down after the session), on the test loop."""
    async with started(app):
        yield app


@pytest.fixture
async def running_app(started_app: Litestar, settings: Settings) -> AsyncIterator[Litestar]:
    """The started app, serving this test's database (through its own handle, as a server
    would) with an empty cache of products in force."""
    handle = Database(create_engine(settings))
    try:
        with serving(started_app, handle, settings):
            yield started_app
    finally:
        await close_when_idle(handle)


@pytest.fixture
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
    seller: str | None = None
    """A platform's connected seller, named by the quotes it makes (a platform quotes for one)."""

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


@contextlib.contextmanager
def serve_live(database_template: DatabaseTemplate, folder: Path) -> Iterator[LiveServer]:
    """``marketplace serve`` in a child process on a free loopback port, in embedded mode (it
    runs its own localstripe), on a database of its own that lives as long as it does; its
    working folder (``var/``) and log are in ``folder``."""
    port = _free_port()
    log_path = folder / "server.log"
    with database_template.scratch() as database_url, log_path.open("wb") as log:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("MARKETPLACE_")},
            "MARKETPLACE_DATABASE_URL": database_url,
            "MARKETPLACE_PORT": str(port),
            "MARKETPLACE_LOG_FORMAT": "json",
        }
        process = subprocess.Popen(
            [sys.executable, "-m", "marketplace", "serve"],
            env=env,
            cwd=folder,
            stdout=log,
            stderr=log,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(url, process, timeout_s=60)
            yield LiveServer(url=url, log_path=log_path, env=env)
        finally:
            process.terminate()  # a worker may take WORKER_STOP_TIMEOUT_S to finish its work
            process.wait(timeout=WORKER_STOP_TIMEOUT_S + 30)


@pytest.fixture(scope="session")
def live_server(
    database_template: DatabaseTemplate, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """The session's ``marketplace serve`` (see ``serve_live``)."""
    with serve_live(database_template, tmp_path_factory.mktemp("server")) as server:
        yield server


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
