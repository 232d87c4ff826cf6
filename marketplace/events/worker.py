"""The delivery worker: fan new events out, claim due deliveries, send them, record outcomes.

A round is one transaction (one commit, however many deliveries: what lets one worker deliver
thousands a second on SQLite): record the attempts that ended since the last round, fan out a
batch of new events (leasing the new deliveries it has room for), lease due deliveries within
the room its lanes leave (``lanes.py``); then each leased delivery is sent in a task of its
own. A round that found work is followed by another at once; otherwise the next one waits for an
attempt to end, or 200 ms, and then first looks (without a write lock) whether anything is
waiting.

Stopping (``stop`` set: SIGTERM or SIGINT for ``marketplace worker``, shut-down for the one
inside ``marketplace serve``) claims nothing more, lets the attempts in flight finish and
records them. A worker that is killed or cancelled records nothing more: its leases run out
and the deliveries go out again (at least once, never lost).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime

import structlog

from marketplace.db import Database
from marketplace.events import claims, delivery, fanout, outcomes, repository
from marketplace.events.lanes import Lanes
from marketplace.events.retries import RetryPolicy
from marketplace.kit.clock import utc_now
from marketplace.kit.storage_faults import is_storage_fault, storage_fault_reason

BACKOFF_S = 1.0
BACKOFF_MAX_S = 30.0
DRAIN_TRIES = 3
log = structlog.get_logger("marketplace.events.worker")

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class WorkerOptions:
    concurrency: int = 100
    """Requests in flight at once, in all."""
    per_endpoint: int = 32
    """Requests in flight at once to any one endpoint."""
    claim_batch: int = 64
    """Deliveries leased in one round, at most (a round that leases some is followed by
    another at once)."""
    fanout_batch: int = 64
    """Events fanned out in one round: about as many as it leases, so that new deliveries
    are mostly leased as they are made (no claim of their own) and a backlog waits as events,
    not as deliveries."""
    busy_pause_s: float = 0.005
    """Once an attempt has ended, how long to let more end before the round that records
    them: fewer, larger rounds."""
    idle_poll_s: float = 0.2
    """How often a worker with nothing to do looks for work."""
    lease_s: float = claims.LEASE_S


class Worker:
    """One worker's state; ``run`` it until stopped, or ``run_once`` (tests, tools).

    A round is one transaction: record the attempts that ended since the last round, fan
    out a batch of new events, lease due deliveries; then the leased ones are sent, each in
    a task of its own. An idle worker first looks (without a write lock) whether anything is
    waiting."""

    def __init__(
        self,
        database: Database,
        sender: delivery.Sender,
        *,
        options: WorkerOptions | None = None,
        policy: RetryPolicy | None = None,
        clock: Clock = utc_now,
        rng: random.Random | None = None,
    ) -> None:
        self.database = database
        self.sender = sender
        self.options = options or WorkerOptions()
        self.policy = policy or RetryPolicy()
        self.clock = clock
        self.rng = rng or random.Random()  # noqa: S311 - jitter, not secrets
        self.lanes = Lanes(self.options.concurrency, self.options.per_endpoint)
        self._tasks: set[asyncio.Task[None]] = set()
        self._finished: list[outcomes.Finished] = []
        self._busy = False
        self._scan = claims.DueScan(self.options.idle_poll_s)
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set, then finish and record what is in flight."""
        self._stop = stop
        watcher = asyncio.create_task(self._wake_on(stop))
        try:
            await self._loop(stop)
        except asyncio.CancelledError:
            self._abandon()
            raise
        finally:
            watcher.cancel()
        await self._drain()

    async def run_once(self) -> int:
        """Fan out every waiting event, then send every due delivery and record the outcomes;
        how many attempts were made."""
        while await fanout.fan_out(self.database, self.clock(), self.options.fanout_batch):
            pass
        made = 0
        while started := self._start(
            await claims.claim(self.database, self.clock(), self._room(), self.options.lease_s)
        ):
            made += started
            await self._drain()
        return made

    async def _wake_on(self, stop: asyncio.Event) -> None:
        await stop.wait()
        self._wake.set()

    async def _loop(self, stop: asyncio.Event) -> None:
        failures = 0
        while not stop.is_set():
            try:
                worked = await self._round()
            except Exception as error:
                failures += 1
                _log_failure(error)
                await self._sleep(min(BACKOFF_MAX_S, BACKOFF_S * 2 ** (failures - 1)))
                continue
            failures = 0
            await self._pause(worked)

    async def _round(self) -> bool:
        if not (self._busy or self._finished or await self._anything_waiting()):
            return False
        now, room, batch, self._finished = self.clock(), self._room(), self._finished, []
        lease_s = self.options.lease_s
        try:
            async with self.database.writer_session() as session:
                await outcomes.record_in(session, batch, self.policy, self.rng)
                fanned = await fanout.fan_out_batch(
                    session, now, self.options.fanout_batch, room, lease_s
                )
                if fanned.left_due:
                    self._scan.forget()
                leased = await claims.lease_due(session, now, room, lease_s, self._scan)
                await session.commit()
        except BaseException:
            self._finished[:0] = batch  # recorded next round
            raise
        ready = await claims.jobs(self.database, fanned.leased, leased)
        started = self._start(ready)
        self._busy = bool(fanned.events or started)
        return self._busy

    async def _anything_waiting(self) -> bool:
        async with self.database.reader_session() as reader:
            now = self.clock()
            return await repository.any_unfanned(reader) or await repository.any_due(reader, now)

    def _room(self) -> claims.Room:
        limit = min(self.lanes.room(), self.options.claim_batch)
        return claims.Room(limit, self.lanes.room_for, self.lanes.full())

    def _start(self, jobs: list[delivery.Job]) -> int:
        for job in jobs:
            self.lanes.hold(job.endpoint_id)
            task = asyncio.create_task(self._send(job))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return len(jobs)

    async def _send(self, job: delivery.Job) -> None:
        try:
            await self.lanes.enter(job.endpoint_id)
            try:
                started_at = self.clock()
                result = await self.sender.attempt(job)
            finally:
                self.lanes.leave(job.endpoint_id)
            self._finished.append(outcomes.Finished(job, result, started_at, self.clock()))
        except Exception:  # a bug: the lease runs out and the delivery goes out again
            log.exception("webhook.attempt_crashed", delivery_id=job.delivery_id)
        finally:
            self.lanes.release(job.endpoint_id)
            self._wake.set()

    async def _pause(self, worked: bool) -> None:
        if worked and self.lanes.room() > 0:
            await asyncio.sleep(0)  # more may be waiting: look again at once
            return
        if not self._finished:
            await self._sleep(self.options.idle_poll_s)  # until an attempt ends, or a while
        if self._finished and self._tasks:
            await asyncio.sleep(self.options.busy_pause_s)  # let a few more end with it

    async def _sleep(self, seconds: float) -> None:
        """Sleep until ``seconds`` pass, an attempt ends or the worker is told to stop."""
        self._wake.clear()
        if self._stop.is_set():
            return
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self._wake.wait()

    async def _drain(self, tries: int = DRAIN_TRIES) -> None:
        """Let the attempts in flight finish, and record everything not recorded yet."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
        for attempt in range(1, tries + 1):
            batch, self._finished = self._finished, []
            try:
                await outcomes.record(self.database, batch, self.policy, self.rng)
                return
            except Exception as error:
                self._finished[:0] = batch
                _log_failure(error)
                if attempt == tries:
                    raise
                await asyncio.sleep(BACKOFF_S * attempt)

    def _abandon(self) -> None:
        for task in list(self._tasks):
            task.cancel()


def _log_failure(error: Exception) -> None:
    if is_storage_fault(error):  # expected while the disk is full or read-only: one line
        log.warning("webhook.worker.storage_unavailable", reason=storage_fault_reason(error))
        return
    log.exception("webhook.worker.failed")


@contextlib.asynccontextmanager
async def delivery_worker(
    database: Database,
    options: WorkerOptions | None = None,
    *,
    policy: RetryPolicy | None = None,
    clock: Clock = utc_now,
) -> AsyncIterator[Worker]:
    """A worker with its own shared HTTP client, closed on the way out."""
    chosen = options or WorkerOptions()
    async with delivery.new_client(chosen.concurrency) as client:
        sender = delivery.Sender(client)
        yield Worker(database, sender, options=chosen, policy=policy, clock=clock)
