"""Whether an endpoint is kept: a run of failures, and disabling an endpoint that is gone or
has failed without a break for too long.

``failing_since`` is the first failed attempt of an unbroken run of failures; any success
clears it. An endpoint that answers 410 Gone, or whose run of failures has lasted 5 days, is
disabled (``endpoint_gone``, ``failing``), its pending deliveries are given up, and a
``webhook_endpoint.disabled`` event tells its account, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.events import repository, retries
from marketplace.events.catalogue import WEBHOOK_ENDPOINT_DISABLED
from marketplace.events.emit import Audience, changes, emit, public
from marketplace.events.schemas import WebhookEndpointOut

GONE = "endpoint_gone"
FAILING = "failing"
log = structlog.get_logger("marketplace.events.endpoints")


@dataclass(slots=True)
class Run:
    """An endpoint's attempts in one batch, in the order they ended."""

    failing_from: datetime | None = None
    """The first failure after the batch's last success (None: the last attempt succeeded)."""
    after_success: bool = False
    """A success came before that failure in the batch: the run of failures began anew."""
    last_at: datetime | None = None

    def note(self, ok: bool, started_at: datetime, ended_at: datetime) -> None:
        if ok:
            self.failing_from, self.after_success = None, True
        elif self.failing_from is None:
            self.failing_from = started_at
        self.last_at = ended_at


def runs(outcomes: Iterable[tuple[str, bool, datetime, datetime]]) -> dict[str, Run]:
    """Each endpoint's run, from (endpoint id, ok, started at, ended at), in the order the
    attempts ended."""
    found: dict[str, Run] = {}
    for endpoint_id, ok, started_at, ended_at in sorted(outcomes, key=lambda o: o[3]):
        found.setdefault(endpoint_id, Run()).note(ok, started_at, ended_at)
    return found


async def disable(session: AsyncSession, endpoint_id: str, reason: str, now: datetime) -> bool:
    """Disable the endpoint if it is enabled, give up its pending deliveries and emit
    ``webhook_endpoint.disabled``; whether it was disabled now."""
    endpoint = await repository.endpoint_by_id(session, endpoint_id)
    if endpoint is None or endpoint.status != "enabled":
        return False
    before = public(WebhookEndpointOut.of(endpoint))
    disabled = await repository.disable_endpoint(session, endpoint_id, reason, now)
    if disabled is None:
        return False
    await repository.fail_pending_deliveries(session, endpoint_id, now)
    after = public(WebhookEndpointOut.of(disabled))
    await emit(
        session,
        WEBHOOK_ENDPOINT_DISABLED,
        after,
        Audience(disabled.account_id),
        previous=changes(before, after),
        now=now,
    )
    log.warning("webhook_endpoint.disabled", endpoint_id=endpoint_id, reason=reason)
    return True


async def note_runs(
    session: AsyncSession,
    found: dict[str, Run],
    gone: dict[str, datetime],
    policy: retries.RetryPolicy,
) -> None:
    """Disable the endpoints ``gone`` (answered 410, at the time given), clear the runs a
    success ended, extend the others, disable those failing too long. Endpoints are updated
    in the order of their ids, so that two workers recording at once lock them in the same
    order (no deadlock on PostgreSQL)."""
    for endpoint_id in sorted(found):
        run = found[endpoint_id]
        if endpoint_id in gone:
            await disable(session, endpoint_id, GONE, gone[endpoint_id])
        elif run.failing_from is None or run.last_at is None:
            await repository.endpoint_recovered(session, endpoint_id)
        else:
            since = await repository.endpoint_failing(
                session, endpoint_id, run.failing_from, run_restarted=run.after_success
            )
            if retries.failing_too_long(policy, since, run.last_at):
                await disable(session, endpoint_id, FAILING, run.last_at)
