"""Liveness and readiness, unauthenticated, for load balancers and orchestrators.

Readiness needs the database to answer, its schema at the code's migration head, and writes
to work: a full disk or a read-only database still answers ``SELECT 1``. So each check commits
a one-row write, and a storage fault seen by any request in the last
``STORAGE_FAULT_MEMORY_SECONDS`` keeps the server not ready even when that tiny write fits.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
import structlog
from litestar import Controller, get
from litestar.datastructures import State
from litestar.openapi.datastructures import ResponseSpec
from litestar.response import Response

from marketplace.db import Database
from marketplace.kit.clock import utc_now
from marketplace.kit.sql import dialect_insert
from marketplace.kit.storage_faults import storage_fault_reason
from marketplace.migrations import current_revision
from marketplace.models.health import PROBE_ROW_ID, ReadinessProbe

STORAGE_FAULT_MEMORY_SECONDS = 10.0
log = structlog.get_logger("marketplace.health")

WritesState = Literal["ok", "failing", "unknown"]


class Health(msgspec.Struct):
    status: Annotated[
        Literal["ok"], msgspec.Meta(description="Always `ok`: the process answers")
    ] = "ok"


class Readiness(msgspec.Struct):
    status: Annotated[
        Literal["ready", "not_ready"],
        msgspec.Meta(description="`ready` when every check below passes"),
    ]
    database: Annotated[
        Literal["ok", "unreachable"], msgspec.Meta(description="Whether the database answers")
    ]
    writes: Annotated[
        WritesState,
        msgspec.Meta(
            description="`ok`: a write was committed; `failing`: the write probe failed, or a"
            " request met a storage fault just now; `unknown`: not tried"
        ),
    ]
    migrations: Annotated[
        Literal["at_head", "behind", "unknown"],
        msgspec.Meta(description="Whether the database schema is at the code's migration"),
    ]
    revision: Annotated[str | None, msgspec.Meta(description="The database's migration revision")]
    head_revision: Annotated[
        str | None, msgspec.Meta(description="The code's latest migration revision")
    ]


async def _probe_writes(database: Database) -> WritesState:
    """Commit a one-row write, unless a storage fault was met a moment ago."""
    if database.storage_faults.seen_within(STORAGE_FAULT_MEMORY_SECONDS):
        return "failing"
    now = utc_now()
    try:
        async with database.writer_session() as session:
            stamp = dialect_insert(session, ReadinessProbe).values(id=PROBE_ROW_ID, checked_at=now)
            await session.execute(
                stamp.on_conflict_do_update(index_elements=["id"], set_={"checked_at": now})
            )
            await session.commit()
    except Exception as error:
        log.warning("ready.write_failed", reason=storage_fault_reason(error))
        return "failing"
    return "ok"


class HealthController(Controller):
    tags = ["health"]

    @get(
        "/health",
        operation_id="health",
        summary="Check liveness",
        description=(
            "Answers 200 while the process runs, without touching the database: for load"
            " balancers and orchestrators. No API key; changes nothing."
        ),
        response_description="The process answers",
        cache_control=None,
    )
    async def health(self) -> Health:
        """Liveness: the process answers."""
        return Health()

    @get(
        "/ready",
        operation_id="ready",
        summary="Check readiness",
        description=(
            "200 when the server can take traffic: the database answers, its schema is at the"
            " code's migration head, and it takes writes (a one-row write is committed; a"
            " storage fault met by any request in the last 10 s also counts). No API key."
        ),
        response_description="Ready: every check passed",
        responses={
            503: ResponseSpec(
                data_container=Readiness,
                description=(
                    "Not ready: the database is unreachable, its schema is behind,"
                    " or it does not take writes (disk full, read-only)"
                ),
                generate_examples=False,
            )
        },
    )
    async def ready(self, state: State) -> Response[Readiness]:
        """Readiness: the database answers, its schema is at the code's head, and it takes
        writes."""
        database: Database = state.database
        head: str | None = state.head_revision
        try:
            revision = await current_revision(database.engine)
        except Exception as error:
            log.warning("ready.unreachable", reason=storage_fault_reason(error))
            body = Readiness("not_ready", "unreachable", "unknown", "unknown", None, head)
            return Response(body, status_code=503)
        at_head = revision == head
        writes = await _probe_writes(database) if at_head else "unknown"
        ready = at_head and writes == "ok"
        body = Readiness(
            status="ready" if ready else "not_ready",
            database="ok",
            writes=writes,
            migrations="at_head" if at_head else "behind",
            revision=revision,
            head_revision=head,
        )
        return Response(body, status_code=200 if ready else 503)
