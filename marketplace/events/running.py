"""Where the delivery worker runs: in its own process (``marketplace worker``), or inside
``marketplace serve`` (the embedded default, ``MARKETPLACE_EMBEDDED_WORKER``).

Inside ``serve``, every server process offers to run it but only the one holding an exclusive
lock on a file named after the database (in the temporary folder) does, so
``MARKETPLACE_WORKERS=4`` still makes one worker. The others try again every few seconds: if
the holder dies, the lock goes with it and another process takes over. Running two would be
safe anyway (deliveries are leased); the lock only saves the work. ``marketplace worker``
processes take no lock: start as many as the load needs (on PostgreSQL).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import os
import signal
import tempfile
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import structlog

from marketplace.claims import jobs as claim_jobs
from marketplace.config import Settings
from marketplace.db import Database, create_engine
from marketplace.events.worker import WorkerOptions, delivery_worker

Result = TypeVar("Result")

LOCK_RETRY_S = 5.0
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
log = structlog.get_logger("marketplace.events.worker")


def lock_path(settings: Settings) -> Path:
    """The lock file of the embedded worker of ``settings``' database, for this user."""
    target = settings.database_url
    if settings.is_sqlite:
        scheme, _, path = target.partition(":///")
        target = f"{scheme}:///{Path(path.split('?', 1)[0]).resolve()}"
    digest = hashlib.sha256(target.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"marketplace-worker-{os.getuid()}-{digest}.lock"


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[bool]:
    """Hold an exclusive lock on ``path`` for the block, if no other process holds it;
    whether it is held (a lock that cannot be made at all counts as held)."""
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    except OSError as error:
        log.warning("webhook.worker.lock_unavailable", path=str(path), error=error.strerror)
        yield True
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        yield False
        return
    try:
        yield True
    finally:
        os.close(descriptor)  # closing it releases the lock


def run_loop(main: Coroutine[Any, Any, Result]) -> Result:
    """Run ``main`` to its end on uvloop when it is installed (as granian runs the server's
    processes: about a tenth faster here), else on asyncio's own loop."""
    try:
        import uvloop
    except ImportError:  # pragma: no cover - installed with litestar[standard]
        return asyncio.run(main)
    return uvloop.run(main)


def options_for(settings: Settings, concurrency: int | None = None) -> WorkerOptions:
    return WorkerOptions(concurrency=concurrency or settings.worker_concurrency)


async def _stopped_within(stop: asyncio.Event, seconds: float) -> bool:
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            await stop.wait()
    return stop.is_set()


async def run_embedded(database: Database, settings: Settings, stop: asyncio.Event) -> None:
    """Inside a server process: run the worker until ``stop`` once this process holds the
    database's worker lock."""
    path = lock_path(settings)
    while True:
        with exclusive(path) as held:
            if held:
                log.info("webhook.worker.started", embedded=True, pid=os.getpid())
                async with delivery_worker(database, options_for(settings)) as worker:
                    await worker.run(stop)
                log.info("webhook.worker.stopped", embedded=True, pid=os.getpid())
                return
        if await _stopped_within(stop, LOCK_RETRY_S):
            return


async def run_standalone(settings: Settings, concurrency: int | None = None) -> None:
    """``marketplace worker``: deliver webhooks, and run the claims' date-driven steps, until
    SIGTERM or SIGINT; then finish what is in flight, record it and return."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for stop_signal in STOP_SIGNALS:
        loop.add_signal_handler(stop_signal, stop.set)
    database = Database(create_engine(settings))
    try:
        options = options_for(settings, concurrency)
        log.info("webhook.worker.started", embedded=False, concurrency=options.concurrency)
        async with delivery_worker(database, options) as worker:
            await asyncio.gather(worker.run(stop), claim_jobs.run_until(database, stop))
        log.info("webhook.worker.stopped")
    finally:
        await database.dispose()
