"""One transaction per API request, committed before the response leaves.

``UnitOfWorkMiddleware`` wraps every API route. It opens the request's session (a writer for
POST, PUT, PATCH and DELETE, a reader otherwise), authenticates the caller when the route
needs it, takes the request's ``Idempotency-Key``, runs the handler with the response held
back, and then:

- status < 400: stores the result under the idempotency key and commits, then sends;
- otherwise (or if anything raises): rolls back, releases the key, then sends the error.

So a client never sees a success that was not committed, and a failed request leaves nothing
half-written. Handlers get the session and the principal as the ``session`` and ``principal``
dependencies; services flush but never commit.

A route with the option ``COMMITS_ITS_OWN_WRITES`` (creating a quote, the hot path) is the
exception: it reads outside any transaction and hands its writes, its Idempotency-Key's result
among them, to the process's group commit (``kit.group_commit``), and answers only once they
are committed. The same guarantees hold: nothing is sent before it is stored, and a failure
stores nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, cast

import structlog
from litestar import Request
from litestar.di import NamedDependency, Provide
from litestar.enums import ScopeType
from litestar.types import ASGIApp, HTTPScope, Message, Receive, Scope, Send
from litestar.utils.scope.state import ScopeState
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.config import Settings
from marketplace.db import Database
from marketplace.errors import BodyIncomplete, BodyTooLarge, MalformedJson
from marketplace.kit import idempotency
from marketplace.kit.clock import utc_now
from marketplace.kit.tenancy import Principal

Authenticate = Callable[[AsyncSession, Any], Awaitable[Principal]]

_SESSION = "marketplace.session"
_WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
log = structlog.get_logger("marketplace.request")


class _HeldResponse:
    """Collects the response messages instead of sending them."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.status = 500
        self.content_type = "application/json"

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            for name, value in message.get("headers", []):
                if name.lower() == b"content-type":
                    self.content_type = value.decode("latin-1")
        self.messages.append(message)

    @property
    def body(self) -> bytes:
        return b"".join(
            m.get("body", b"") for m in self.messages if m["type"] == "http.response.body"
        )

    async def release(self, send: Send) -> None:
        for message in self.messages:
            await send(message)


async def send_raw(
    send: Send, status: int, content_type: str, body: bytes, extra: list[tuple[bytes, bytes]]
) -> None:
    headers = [(b"content-type", content_type.encode()), *extra]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


def _declared_length(scope: HTTPScope) -> int | None:
    declared = _header(scope, b"content-length")
    return int(declared) if declared is not None and declared.isdigit() else None


async def _read_body(scope: HTTPScope, receive: Receive, limit_bytes: int) -> bytes:
    """The whole body: 413 at once when it says it is too large, 400 ``body_incomplete`` when
    the client goes before sending all of it."""
    declared = _declared_length(scope)
    if declared is not None and declared > limit_bytes:
        raise BodyTooLarge("The request body is larger than this API accepts")
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise BodyIncomplete("The connection closed before the whole request body arrived")
        chunk = cast("bytes", message.get("body", b""))
        size += len(chunk)
        if size > limit_bytes:
            raise BodyTooLarge("The request body is larger than this API accepts")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    delivered = False

    async def replay() -> Any:
        nonlocal delivered
        if delivered:
            return await receive()
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def _send_replay(send: Send, replay: idempotency.Replay) -> None:
    replayed = [(idempotency.REPLAYED_HEADER.lower().encode(), b"true")]
    await send_raw(send, replay.status, replay.content_type, replay.body, replayed)


def _retention(scope: HTTPScope) -> timedelta:
    settings: Settings = scope["litestar_app"].state.settings
    return timedelta(hours=settings.idempotency_retention_hours)


def _held_back(scope: HTTPScope) -> None:
    """Nothing has reached the client yet: Litestar saw the held response start, and would
    refuse to answer an error raised now (a failed commit) with the app's error handlers."""
    ScopeState.from_scope(scope).response_started = False


COMMITS_ITS_OWN_WRITES = "commits_its_own_writes"
"""A route option: ``opt={COMMITS_ITS_OWN_WRITES: True}`` serves the route as
``_serve_self_committing`` says."""


def _commits_its_own_writes(scope: HTTPScope) -> bool:
    handler = scope.get("route_handler")
    return bool(handler is not None and handler.opt.get(COMMITS_ITS_OWN_WRITES))


def _header(scope: HTTPScope, name: bytes) -> str | None:
    value = next((v for k, v in scope["headers"] if k == name), None)
    return None if value is None else value.decode("latin-1")


class UnitOfWorkMiddleware:
    """See the module docstring. ``authenticate=None`` serves unauthenticated routes."""

    def __init__(self, app: ASGIApp, authenticate: Authenticate | None = None) -> None:
        self.app = app
        self.authenticate = authenticate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        await self._serve_http(scope, receive, send)

    async def _serve_http(self, scope: HTTPScope, receive: Receive, send: Send) -> None:
        database: Database = scope["litestar_app"].state.database
        if scope["method"] not in _WRITE_METHODS:
            async with database.reader_session() as session:
                await self._authenticate(session, scope)
                scope["state"][_SESSION] = session
                await self._run_held(scope, receive, send, session, None)
            return
        if _commits_its_own_writes(scope):
            await self._serve_self_committing(scope, receive, send)
            return
        # Authenticate and look the key up in a read transaction: on SQLite, reads never wait
        # for the write lock, so a duplicate of a request in flight is answered at once (409).
        async with database.reader_session() as reader:
            opened = await self._authenticated(scope, receive, send, reader)
        if opened is None:
            return
        receive, pending = opened
        async with database.writer_session() as session:
            scope["state"][_SESSION] = session
            held_key = None
            if pending is not None:
                outcome = await idempotency.claim(
                    session,
                    scope["user"],
                    key=pending[0],
                    request_fingerprint=pending[1],
                    now=utc_now(),
                    retention=_retention(scope),
                )
                await session.commit()
                if isinstance(outcome, idempotency.Replay):
                    await _send_replay(send, outcome)
                    return
                held_key = outcome
            await self._run_held(scope, receive, send, session, held_key)

    async def _serve_self_committing(self, scope: HTTPScope, receive: Receive, send: Send) -> None:
        """A handler that reads outside any transaction and commits its own writes (through
        ``kit.group_commit``), its Idempotency-Key among them: it gets a reader session and the
        key, not taken, as ``idempotency.pending_of``."""
        database: Database = scope["litestar_app"].state.database
        async with database.reader_session() as session:
            opened = await self._authenticated(scope, receive, send, session)
            if opened is None:
                return
            receive, pending = opened
            if pending is not None:
                key, request_fingerprint = pending
                idempotency.hold_pending(
                    scope, idempotency.Pending(key, request_fingerprint, _retention(scope))
                )
            scope["state"][_SESSION] = session
            await self._run_held(scope, receive, send, session, None)

    async def _authenticated(
        self, scope: HTTPScope, receive: Receive, send: Send, reader: AsyncSession
    ) -> tuple[Receive, tuple[str, str] | None] | None:
        """Authenticate, and look the request's key up: the ``receive`` to go on with and the
        key and fingerprint (None without a key); None when a stored answer was replayed."""
        await self._authenticate(reader, scope)
        receive, pending, replay = await self._look_up_key(scope, receive, reader)
        if replay is not None:
            await _send_replay(send, replay)
            return None
        return receive, pending

    async def _look_up_key(
        self, scope: HTTPScope, receive: Receive, reader: AsyncSession
    ) -> tuple[Receive, tuple[str, str] | None, idempotency.Replay | None]:
        """The request's key and fingerprint (None without a key), and the result to replay
        when the key already has one."""
        key = _header(scope, idempotency.HEADER.encode())
        if key is None or scope["method"] != "POST" or "user" not in scope:
            return receive, None, None
        receive, pending = await self._fingerprint(scope, receive, key)
        replay = await idempotency.check(
            reader, scope["user"], key=pending[0], request_fingerprint=pending[1], now=utc_now()
        )
        return receive, pending, replay

    async def _authenticate(self, session: AsyncSession, scope: HTTPScope) -> None:
        if self.authenticate is None:
            return
        principal = await self.authenticate(session, scope)
        scope["user"] = principal
        structlog.contextvars.bind_contextvars(account_id=principal.account_id)

    async def _fingerprint(
        self, scope: HTTPScope, receive: Receive, key: str
    ) -> tuple[Receive, tuple[str, str]]:
        """Read the body (to hash it), and a ``receive`` that hands it on to the handler."""
        settings: Settings = scope["litestar_app"].state.settings
        body = await _read_body(scope, receive, settings.max_body_bytes)
        try:
            request_fingerprint = idempotency.fingerprint(scope["method"], scope["path"], body)
        except (RecursionError, UnicodeDecodeError) as error:  # JSON too deep, or not UTF-8
            raise MalformedJson(f"The request body is not valid JSON ({error})") from error
        return _replaying(body, receive), (idempotency.validate_key(key), request_fingerprint)

    async def _run_held(
        self,
        scope: HTTPScope,
        receive: Receive,
        send: Send,
        session: AsyncSession,
        held_key: idempotency.Claim | None,
    ) -> None:
        response = _HeldResponse()
        try:
            await self.app(scope, receive, response)
            _held_back(scope)
            if response.status < 400:
                if held_key is not None:
                    stored = idempotency.body_to_store(scope, response.body)
                    await idempotency.complete(
                        session, held_key, response.status, response.content_type, stored
                    )
                await session.commit()
        except Exception:
            _held_back(scope)
            await self._undo(session, held_key)
            raise
        if response.status >= 400:
            await self._undo(session, held_key)
        await response.release(send)

    async def _undo(self, session: AsyncSession, held_key: idempotency.Claim | None) -> None:
        await session.rollback()
        if held_key is not None:
            await idempotency.release(session, held_key)
            await session.commit()


def _session(request: Request[Any, Any, Any]) -> AsyncSession:
    session: AsyncSession = request.scope["state"][_SESSION]
    return session


def _principal(
    request: Request[Any, Any, Any], session: NamedDependency[AsyncSession]
) -> Principal:
    """Who is calling. It takes ``session`` so that Litestar resolves the two one after the
    other: dependencies of one level are resolved in a task group, with a task each, per
    request."""
    del session
    principal: Principal = request.user
    return principal


UNIT_OF_WORK_DEPENDENCIES = {
    "session": Provide(_session, sync_to_thread=False),
    "principal": Provide(_principal, sync_to_thread=False),
}

DbSession = NamedDependency[AsyncSession]
"""A handler argument ``session: DbSession``: the request's session (never commit it)."""
Caller = NamedDependency[Principal]
"""A handler argument ``principal: Caller``: who is calling."""
