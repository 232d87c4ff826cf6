"""Liveness and readiness, unauthenticated, for load balancers and orchestrators."""

from __future__ import annotations

from typing import Literal

import msgspec
from litestar import Controller, get
from litestar.datastructures import State
from litestar.openapi.datastructures import ResponseSpec
from litestar.response import Response
from sqlalchemy import text

from marketplace.db import Database
from marketplace.migrations import current_revision


class Health(msgspec.Struct):
    status: Literal["ok"] = "ok"


class Readiness(msgspec.Struct):
    status: Literal["ready", "not_ready"]
    database: Literal["ok", "unreachable"]
    migrations: Literal["at_head", "behind", "unknown"]
    revision: str | None
    head_revision: str | None


class HealthController(Controller):
    tags = ["health"]

    @get("/health", operation_id="health", cache_control=None)
    async def health(self) -> Health:
        """Liveness: the process answers."""
        return Health()

    @get(
        "/ready",
        operation_id="ready",
        responses={
            503: ResponseSpec(
                data_container=Readiness,
                description="Not ready: the database is unreachable or its schema is behind",
                generate_examples=False,
            )
        },
    )
    async def ready(self, state: State) -> Response[Readiness]:
        """Readiness: the database answers and its schema is at the code's migration head."""
        database: Database = state.database
        head: str | None = state.head_revision
        try:
            async with database.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
            revision = await current_revision(database.engine)
        except Exception:
            body = Readiness("not_ready", "unreachable", "unknown", None, head)
            return Response(body, status_code=503)
        at_head = revision == head
        body = Readiness(
            status="ready" if at_head else "not_ready",
            database="ok",
            migrations="at_head" if at_head else "behind",
            revision=revision,
            head_revision=head,
        )
        return Response(body, status_code=200 if at_head else 503)
