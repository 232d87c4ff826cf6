"""A real webhook receiver on 127.0.0.1: a minimal HTTP/1.1 server (keep-alive, bodies with
``Content-Length``) whose answer to each request a test decides."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

REASONS = {200: "OK", 204: "No Content", 410: "Gone", 429: "Too Many Requests", 500: "Error"}


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    """Lower-case names."""
    body: bytes

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b"ok"
    headers: dict[str, str] = field(default_factory=dict)


Respond = Callable[[Received], Awaitable[Reply]]


async def answer_ok(_: Received) -> Reply:
    return Reply()


class Receiver:
    """Every request it got (``received``, in arrival order); ``respond`` makes each answer."""

    def __init__(self, respond: Respond = answer_ok) -> None:
        self.respond = respond
        self.received: list[Received] = []
        self.arrived = asyncio.Condition()
        self.port = 0
        self._writers: set[asyncio.StreamWriter] = set()
        self._handlers: set[asyncio.Task[object]] = set()

    def url(self, path: str = "/hooks") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def ids(self, path: str | None = None) -> list[str]:
        return [r.webhook_id for r in self.received if path is None or r.path == path]

    async def wait_for(self, count: int, path: str | None = None, timeout_s: float = 30) -> None:
        """Until ``count`` requests (to ``path``) have arrived: a deadline, not a timing."""
        async with asyncio.timeout(timeout_s), self.arrived:
            await self.arrived.wait_for(lambda: len(self.ids(path)) >= count)

    async def _request(self, reader: asyncio.StreamReader) -> Received | None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError):
            return None
        request_line, *lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        return Received(request_line.split(" ")[1], headers, body)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        handler = asyncio.current_task()
        if handler is not None:
            self._handlers.add(handler)
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            while (request := await self._request(reader)) is not None:
                async with self.arrived:
                    self.received.append(request)
                    self.arrived.notify_all()
                reply = await self.respond(request)
                extra = "".join(f"{k}: {v}\r\n" for k, v in reply.headers.items())
                reason = REASONS.get(reply.status, "Status")
                writer.write(
                    f"HTTP/1.1 {reply.status} {reason}\r\ncontent-length: {len(reply.body)}\r\n"
                    f"{extra}\r\n".encode()
                    + reply.body
                )
                await writer.drain()
        self._writers.discard(writer)
        writer.close()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        self._server.close()
        for writer in list(self._writers):
            writer.close()
        for handler in list(self._handlers):
            handler.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        await self._server.wait_closed()


@contextlib.asynccontextmanager
async def receiving(respond: Respond = answer_ok) -> AsyncIterator[Receiver]:
    receiver = Receiver(respond)
    await receiver.start()
    try:
        yield receiver
    finally:
        await receiver.stop()
