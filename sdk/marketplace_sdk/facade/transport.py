"""Sending a prepared request, sync or async, with the retries of ``retries.RetryPolicy``."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from typing import Any, TypeVar

import httpx

from marketplace_sdk.facade.exceptions import APIConnectionError, MarketplaceError
from marketplace_sdk.facade.requests import Operation, Prepared, Settings, prepare, read_answer
from marketplace_sdk.facade.retries import RetryPolicy

T = TypeVar("T")

# Errors after which the request may not have arrived, or its answer was lost: worth a retry.
RETRYABLE_TRANSPORT_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def connection_error(error: httpx.TransportError, prepared: Prepared) -> APIConnectionError:
    kind = type(error).__name__
    return APIConnectionError(
        f"no answer to {prepared.method} {prepared.url}: {kind}: {error}",
        retryable=isinstance(error, RETRYABLE_TRANSPORT_ERRORS),
        idempotency_key=prepared.idempotency_key,
    )


class Requestor:
    """Sends calls with an ``httpx.Client``, retrying what may succeed when sent again."""

    def __init__(
        self, settings: Settings, retry: RetryPolicy, http_client: httpx.Client | None
    ) -> None:
        self.settings = settings
        self.retry = retry
        self._http = http_client or httpx.Client()
        self._owns_http = http_client is None

    def request(
        self,
        operation: Operation[T],
        path: tuple[str | int, ...],
        fields: Mapping[str, Any],
        idempotency_key: str | None,
    ) -> T:
        prepared = prepare(operation, path, fields, idempotency_key, self.settings)
        retries_done = 0
        while True:
            try:
                return self._attempt(operation, prepared)
            except MarketplaceError as error:
                delay_s = self.retry.delay_s(retries_done, error)
                if delay_s is None:
                    raise
            time.sleep(delay_s)
            retries_done += 1

    def _attempt(self, operation: Operation[T], prepared: Prepared) -> T:
        try:
            response = self._http.request(**prepared.arguments())
        except httpx.TransportError as error:
            raise connection_error(error, prepared) from error
        return read_answer(operation, response, prepared)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()


class AsyncRequestor:
    """Sends calls with an ``httpx.AsyncClient``, retrying what may succeed when sent again."""

    def __init__(
        self, settings: Settings, retry: RetryPolicy, http_client: httpx.AsyncClient | None
    ) -> None:
        self.settings = settings
        self.retry = retry
        self._http = http_client or httpx.AsyncClient()
        self._owns_http = http_client is None

    async def request(
        self,
        operation: Operation[T],
        path: tuple[str | int, ...],
        fields: Mapping[str, Any],
        idempotency_key: str | None,
    ) -> T:
        prepared = prepare(operation, path, fields, idempotency_key, self.settings)
        retries_done = 0
        while True:
            try:
                return await self._attempt(operation, prepared)
            except MarketplaceError as error:
                delay_s = self.retry.delay_s(retries_done, error)
                if delay_s is None:
                    raise
            await asyncio.sleep(delay_s)
            retries_done += 1

    async def _attempt(self, operation: Operation[T], prepared: Prepared) -> T:
        try:
            response = await self._http.request(**prepared.arguments())
        except httpx.TransportError as error:
            raise connection_error(error, prepared) from error
        return read_answer(operation, response, prepared)

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()
