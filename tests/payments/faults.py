"""A network fault between the app and Stripe: the request reaches Stripe, the answer is lost.

``DropAnswers`` is an httpx transport that forwards every request to the real server (the
suite's localstripe) and, for the requests its rule picks, throws the answer away and raises a
connection error instead, exactly as a connection reset after Stripe acted would look.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx


class DropAnswers(httpx.AsyncBaseTransport):
    """Forward everything; lose the answer of the first ``times`` requests ``rule`` picks."""

    def __init__(self, rule: Callable[[httpx.Request], bool], times: int = 1) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._rule = rule
        self.left = times
        self.dropped: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        if self.left > 0 and self._rule(request):
            await response.aread()  # Stripe did the work and answered...
            await response.aclose()
            self.left -= 1
            self.dropped.append(f"{request.method} {request.url.path}")
            raise httpx.ReadError("connection reset by peer", request=request)  # ...lost
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


def stripe_error(code: str | None, message: str, **fields: Any) -> dict[str, Any]:
    """An error body as Stripe documents it (https://docs.stripe.com/api/errors)."""
    error = {"type": "invalid_request_error", "message": message, **fields}
    if code is not None:
        error["code"] = code
    return {"error": error}


def posts_to(path_suffix: str) -> Callable[[httpx.Request], bool]:
    """A rule: POST requests whose path ends with ``path_suffix``."""
    return lambda request: request.method == "POST" and request.url.path.endswith(path_suffix)


class RefuseRequests(httpx.AsyncBaseTransport):
    """Forward everything except what ``rule`` picks, which Stripe refuses (a 400 in Stripe's
    documented error shape, https://docs.stripe.com/api/errors) without acting."""

    def __init__(self, rule: Callable[[httpx.Request], bool], code: str) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._rule = rule
        self._code = code

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self._rule(request):
            return await self._inner.handle_async_request(request)
        body = stripe_error(self._code, "Refused.")
        return httpx.Response(400, json=body, headers={"request-id": "req_refused"})

    async def aclose(self) -> None:
        await self._inner.aclose()
