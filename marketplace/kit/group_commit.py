"""Group commit: the writes of many requests in one short transaction, each request answered
only once its own writes are committed.

A request that has done its reads and its computing outside any transaction hands its writes
to ``GroupCommitter.write`` as a ``WriteJob`` and waits. While one batch is being written, the
jobs that arrive queue up; the next batch takes them all: one ``BEGIN``, each job's ``claim``
(the statements whose answer decides whether it goes on, like taking an idempotency key),
then every job's rows as one executemany per statement, one ``COMMIT``. Under load a commit
and the write lock are shared by tens of requests; alone, a request waits for nothing more
than its own transaction.

If a batch fails, each of its jobs is written again alone, so one bad job fails only its own
request. ``write`` returns the job's ``claim`` answer; it raises the job's error.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Executable

MAX_JOBS_PER_BATCH = 128

Row = tuple[Executable, dict[str, Any]]


class WriteJob(Protocol):
    async def claim(self, session: AsyncSession) -> bool:
        """Statements run one by one before the batch's rows; False leaves out this job's rows."""
        ...

    def rows(self, dialect_name: str) -> Iterable[Row]:
        """The job's inserts and upserts, in the order they must run, for the database's
        dialect (``sqlite`` or ``postgresql``)."""
        ...


_Pending = tuple[WriteJob, "asyncio.Future[bool]"]


class GroupCommitter:
    """Batches ``WriteJob``s into shared transactions opened by ``open_session`` (a writer)."""

    def __init__(self, open_session: Callable[[], AsyncSession]) -> None:
        self._open_session = open_session
        self._pending: list[_Pending] = []
        self._writer: asyncio.Task[None] | None = None

    async def write(self, job: WriteJob) -> bool:
        """Write ``job`` with whatever else is waiting; True once committed (False: its
        ``claim`` declined, and nothing of it was written)."""
        done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._pending.append((job, done))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._drain())
        return await done

    async def _drain(self) -> None:
        while self._pending:
            batch = self._pending[:MAX_JOBS_PER_BATCH]
            del self._pending[:MAX_JOBS_PER_BATCH]
            await self._write_batch(batch)

    async def _write_batch(self, batch: list[_Pending]) -> None:
        try:
            claimed = await self._commit([job for job, _ in batch])
        except Exception as error:
            if len(batch) > 1:
                for pending in batch:  # alone, so that only the faulty job fails
                    await self._write_batch([pending])
                return
            _settle(batch[0][1], error)
            return
        except BaseException as error:  # cancelled: nobody is left waiting unanswered
            for _, done in batch:
                _settle(done, error)
            raise
        for (_, done), outcome in zip(batch, claimed, strict=True):
            if not done.done():
                done.set_result(outcome)

    async def _commit(self, jobs: list[WriteJob]) -> list[bool]:
        async with self._open_session() as session:
            claimed = [await job.claim(session) for job in jobs]
            dialect_name = session.get_bind().dialect.name
            statements: dict[Executable, list[dict[str, Any]]] = {}
            for job, taken in zip(jobs, claimed, strict=True):
                if taken:
                    for statement, values in job.rows(dialect_name):
                        statements.setdefault(statement, []).append(values)
            for statement, rows in statements.items():
                await session.execute(statement, rows)
            await session.commit()
        return claimed


def _settle(done: asyncio.Future[bool], error: BaseException) -> None:
    if not done.done():
        done.set_exception(error)
