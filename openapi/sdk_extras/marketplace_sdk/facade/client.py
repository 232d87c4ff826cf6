"""``Marketplace`` and ``AsyncMarketplace``: the API's resources, typed answers, exceptions,
retries and idempotency keys.

    mk = Marketplace(api_key="mk_test_…", base_url="http://127.0.0.1:8000")
    quote = mk.quotes.create(seller="acct_…", invoice={...}, buyer={...})
    cover = mk.covers.create(quote=quote.id, offer=quote.offers[0].id)
    for cover in mk.covers.list(status="active"):
        ...
"""

from __future__ import annotations

import platform
from importlib import metadata
from types import TracebackType
from typing import Generic, Self

import httpx

from marketplace_sdk import webhooks
from marketplace_sdk.facade.endpoints import R
from marketplace_sdk.facade.requests import Settings
from marketplace_sdk.facade.resources import (
    Accounts,
    Buyers,
    Claims,
    Covers,
    Events,
    Products,
    Quotes,
    TestHelpers,
    WebhookEndpoints,
)
from marketplace_sdk.facade.retries import DEFAULT_MAX_RETRIES, RetryPolicy
from marketplace_sdk.facade.transport import AsyncRequestor, Requestor

DEFAULT_TIMEOUT_S = 30.0


def _user_agent() -> str:
    try:
        version = metadata.version("marketplace-sdk")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"marketplace-sdk/{version} python/{platform.python_version()}"


def _settings(api_key: str, base_url: str, max_retries: int, timeout_s: float) -> Settings:
    if not api_key:
        raise ValueError("api_key is empty: pass the mk_test_… or mk_live_… secret")
    if not base_url.startswith(("http://", "https://")):
        raise ValueError(f"base_url must start with http:// or https://, not {base_url!r}")
    if max_retries < 0:
        raise ValueError("max_retries cannot be negative")
    if timeout_s <= 0:
        raise ValueError("timeout_s must be positive")
    return Settings(api_key, base_url, timeout_s, _user_agent())


class Webhooks:
    """Checks a webhook delivery before it is trusted (``marketplace_sdk.webhooks``)."""

    verify = staticmethod(webhooks.verify)
    VerificationError = webhooks.WebhookVerificationError


class _Resources(Generic[R]):
    webhooks = Webhooks()

    def __init__(self, requestor: R) -> None:
        self.quotes = Quotes(requestor)
        self.covers = Covers(requestor)
        self.claims = Claims(requestor)
        self.buyers = Buyers(requestor)
        self.events = Events(requestor)
        self.webhook_endpoints = WebhookEndpoints(requestor)
        self.accounts = Accounts(requestor)
        self.products = Products(requestor)
        self.test_helpers = TestHelpers(requestor)


class Marketplace(_Resources[Requestor]):
    """The API, one blocking call at a time.

    ``max_retries`` (default 2) is how many times a call is sent again after no answer, a 409
    ``idempotency_key_in_use``, a 429 or a 5xx, waiting longer each time (and at least the
    ``Retry-After`` asked for); ``timeout_s`` bounds each attempt. ``http_client`` is an
    ``httpx.Client`` of your own (proxies, certificates); the key, base URL and timeout are
    set on each request. Close the client (or use it in a ``with`` block) when done.
    """

    def __init__(
        self,
        *,
        api_key: str,
        base_url: str,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        http_client: httpx.Client | None = None,
    ) -> None:
        settings = _settings(api_key, base_url, max_retries, timeout_s)
        self._requestor = Requestor(settings, RetryPolicy(max_retries), http_client)
        super().__init__(self._requestor)

    def close(self) -> None:
        """Close the connections (not those of an ``http_client`` you passed)."""
        self._requestor.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncMarketplace(_Resources[AsyncRequestor]):
    """The API for asyncio: the same resources as ``Marketplace``, each call awaited and each
    list iterated with ``async for``; ``http_client`` is an ``httpx.AsyncClient``."""

    def __init__(
        self,
        *,
        api_key: str,
        base_url: str,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        settings = _settings(api_key, base_url, max_retries, timeout_s)
        self._requestor = AsyncRequestor(settings, RetryPolicy(max_retries), http_client)
        super().__init__(self._requestor)

    async def aclose(self) -> None:
        """Close the connections (not those of an ``http_client`` you passed)."""
        await self._requestor.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
