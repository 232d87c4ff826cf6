"""A resource's methods, declared once for both clients: ``create = Endpoint(create_quote)``
is ``mk.quotes.create(...)`` on ``Marketplace`` and ``await mk.quotes.create(...)`` on
``AsyncMarketplace``.

A call takes the path ids positionally (``mk.covers.retrieve("cov_…")``) and the request's
fields as keyword arguments, named as in the API (nested objects as dicts or generated models);
a POST also takes ``idempotency_key``. It returns the generated typed object.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, TypeVar, overload

from marketplace_sdk.facade.pagination import AsyncPager, Pager
from marketplace_sdk.facade.requests import Operation, Page
from marketplace_sdk.facade.transport import AsyncRequestor, Requestor

T = TypeVar("T")
R = TypeVar("R", bound=Requestor | AsyncRequestor)


class Resource(Generic[R]):
    """A group of API operations (``mk.quotes``), bound to a client's requestor."""

    def __init__(self, requestor: R) -> None:
        self._requestor = requestor


class Call(Generic[T]):
    def __init__(self, requestor: Requestor, operation: Operation[T]) -> None:
        self._requestor, self._operation = requestor, operation

    def __call__(self, *ids: str | int, idempotency_key: str | None = None, **fields: Any) -> T:
        return self._requestor.request(self._operation, ids, fields, idempotency_key)


class AsyncCall(Generic[T]):
    def __init__(self, requestor: AsyncRequestor, operation: Operation[T]) -> None:
        self._requestor, self._operation = requestor, operation

    async def __call__(
        self, *ids: str | int, idempotency_key: str | None = None, **fields: Any
    ) -> T:
        return await self._requestor.request(self._operation, ids, fields, idempotency_key)


class ListCall(Generic[T]):
    def __init__(self, requestor: Requestor, operation: Operation[Page[T]]) -> None:
        self._requestor, self._operation = requestor, operation

    def __call__(self, *ids: str | int, **filters: Any) -> Pager[T]:
        def fetch(params: Mapping[str, Any]) -> Page[T]:
            return self._requestor.request(self._operation, ids, params, None)

        return Pager(fetch, filters)


class AsyncListCall(Generic[T]):
    def __init__(self, requestor: AsyncRequestor, operation: Operation[Page[T]]) -> None:
        self._requestor, self._operation = requestor, operation

    def __call__(self, *ids: str | int, **filters: Any) -> AsyncPager[T]:
        async def fetch(params: Mapping[str, Any]) -> Page[T]:
            return await self._requestor.request(self._operation, ids, params, None)

        return AsyncPager(fetch, filters)


class Endpoint(Generic[T]):
    """An operation that answers one object."""

    def __init__(self, operation: Operation[T]) -> None:
        self._operation = operation

    @overload
    def __get__(self, resource: None, owner: type[Any]) -> Endpoint[T]: ...
    @overload
    def __get__(self, resource: Resource[Requestor], owner: type[Any]) -> Call[T]: ...
    @overload
    def __get__(self, resource: Resource[AsyncRequestor], owner: type[Any]) -> AsyncCall[T]: ...
    def __get__(
        self, resource: Resource[Any] | None, owner: type[Any]
    ) -> Endpoint[T] | Call[T] | AsyncCall[T]:
        if resource is None:
            return self
        requestor = resource._requestor
        if isinstance(requestor, AsyncRequestor):
            return AsyncCall(requestor, self._operation)
        return Call(requestor, self._operation)


class Listing(Generic[T]):
    """An operation that answers a list: the call pages through all of it."""

    def __init__(self, operation: Operation[Page[T]]) -> None:
        self._operation = operation

    @overload
    def __get__(self, resource: None, owner: type[Any]) -> Listing[T]: ...
    @overload
    def __get__(self, resource: Resource[Requestor], owner: type[Any]) -> ListCall[T]: ...
    @overload
    def __get__(self, resource: Resource[AsyncRequestor], owner: type[Any]) -> AsyncListCall[T]: ...
    def __get__(
        self, resource: Resource[Any] | None, owner: type[Any]
    ) -> Listing[T] | ListCall[T] | AsyncListCall[T]:
        if resource is None:
            return self
        requestor = resource._requestor
        if isinstance(requestor, AsyncRequestor):
            return AsyncListCall(requestor, self._operation)
        return ListCall(requestor, self._operation)
