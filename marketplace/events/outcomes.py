"""Recording what attempts got, a batch per transaction: each attempt, each delivery's new
state (succeeded, due again, failed) and its lease given back, and the endpoints' health.

One commit per batch, not per delivery: on SQLite that is what lets one worker deliver
thousands of events a second. A delivery whose lease this worker lost meanwhile (it would
have to have stalled for longer than the lease) keeps the state its new holder gives it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.db import Database
from marketplace.events import endpoint_health, repository, retries
from marketplace.events.delivery import AttemptResult, Job


@dataclass(frozen=True, slots=True)
class Finished:
    """An attempt made: the job, what came back, when it started and ended."""

    job: Job
    result: AttemptResult
    started_at: datetime
    ended_at: datetime


def _attempt_row(item: Finished) -> dict[str, Any]:
    return {
        "delivery_id": item.job.delivery_id,
        "event_id": item.job.event_id,
        "endpoint_id": item.job.endpoint_id,
        "status_code": item.result.status_code,
        "duration_ms": item.result.duration_ms,
        "response_body": item.result.response_body,
        "error": item.result.error,
        "created_at": item.started_at,
    }


def _settle_row(item: Finished, decision: retries.Decision) -> dict[str, Any]:
    return {
        "b_id": item.job.delivery_id,
        "b_lease": item.job.lease_until,
        "b_version": item.job.version,
        "b_status": decision.status,
        "b_next": decision.next_attempt_at,
        "b_code": item.result.status_code,
        "b_now": item.ended_at,
    }


def decide(item: Finished, policy: retries.RetryPolicy, rng: random.Random) -> retries.Decision:
    return retries.decide(
        policy,
        ok=item.result.ok,
        status_code=item.result.status_code,
        retry_after=item.result.retry_after,
        attempts=item.job.attempts + 1,
        now=item.ended_at,
        rng=rng,
    )


async def record_in(
    session: AsyncSession,
    finished: Sequence[Finished],
    policy: retries.RetryPolicy,
    rng: random.Random,
) -> None:
    """In the session's transaction: store the attempts and their consequences."""
    if not finished:
        return
    decisions = [decide(item, policy, rng) for item in finished]
    runs = endpoint_health.runs(
        (item.job.endpoint_id, item.result.ok, item.started_at, item.ended_at) for item in finished
    )
    gone = {
        item.job.endpoint_id: item.ended_at
        for item, decision in zip(finished, decisions, strict=True)
        if decision.endpoint_gone
    }
    await repository.add_attempts(session, [_attempt_row(item) for item in finished])
    await repository.settle_deliveries(
        session, [_settle_row(i, d) for i, d in zip(finished, decisions, strict=True)]
    )
    await endpoint_health.note_runs(session, runs, gone, policy)


async def record(
    database: Database,
    finished: Sequence[Finished],
    policy: retries.RetryPolicy,
    rng: random.Random,
) -> None:
    """Store the attempts and their consequences, in a transaction of their own."""
    if not finished:
        return
    async with database.writer_session() as session:
        await record_in(session, finished, policy, rng)
        await session.commit()
