"""The HTTP transport under the Stripe client: httpx, async only.

stripe==16.1.0's own ``HTTPXClient`` sends the form body as ``data=<str>``, which httpx 0.28
deprecates (a ``DeprecationWarning`` on every call); this one sends it as ``content=``.
It plugs into ``stripe.StripeClient`` through the documented ``http_client`` option, so the
library keeps doing the retries, the headers and the error mapping.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Mapping

import httpx
import stripe


class AsyncHttpxClient(stripe.HTTPClient):
    """An async-only ``stripe.HTTPClient`` on one pooled ``httpx.AsyncClient``."""

    name = "httpx"

    def __init__(self, timeout_s: float, transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__()
        verify = ssl.create_default_context(cafile=stripe.ca_bundle_path)
        self._client = httpx.AsyncClient(timeout=timeout_s, verify=verify, transport=transport)

    async def request_async(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        post_data: str | bytes | None = None,
    ) -> tuple[bytes, int, Mapping[str, str]]:
        try:
            response = await self._client.request(
                method, url, headers=headers, content=post_data or None
            )
        except httpx.HTTPError as error:
            # Connection failures and timeouts: the library retries them (keyed writes).
            raise stripe.APIConnectionError(  # type: ignore[no-untyped-call]  # untyped upstream
                f"Could not reach Stripe ({type(error).__name__})", should_retry=True
            ) from error
        return response.content, response.status_code, response.headers

    async def close_async(self) -> None:
        await self._client.aclose()

    async def sleep_async(self, secs: float) -> None:
        await asyncio.sleep(secs)
