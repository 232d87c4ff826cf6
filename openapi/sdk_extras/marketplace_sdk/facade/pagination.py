"""Lists that page by themselves: iterating asks for the next page (``starting_after`` the last
object) while the API says ``has_more``.

With ``ending_before`` alone the list walks the other way, towards newer objects (each page's
first object is the next cursor), and yields them oldest first, as Stripe's lists do.
A page is asked for only when the iteration reaches it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import Any, Generic, TypeVar

from marketplace_sdk.facade.requests import Page

T = TypeVar("T")


class _Cursor:
    """Where the next page starts, from the filters given and the page just read."""

    def __init__(self, filters: Mapping[str, Any]) -> None:
        self.params = dict(filters)
        self.backwards = "ending_before" in self.params and "starting_after" not in self.params

    def items(self, page: Page[T]) -> list[T]:
        data = list(page.data)
        return data[::-1] if self.backwards else data

    def advance(self, page: Page[Any]) -> bool:
        """Point at the page after ``page``; False when there is none."""
        if not page.has_more or not page.data:
            return False
        if self.backwards:
            self.params["ending_before"] = str(page.data[0].id)
        else:
            self.params["starting_after"] = str(page.data[-1].id)
        return True


class Pager(Generic[T]):
    """Every object of a list, page after page: ``for cover in mk.covers.list(): ...``."""

    def __init__(self, fetch: Callable[[Mapping[str, Any]], Page[T]], filters: Mapping[str, Any]):
        self._fetch = fetch
        self._filters = dict(filters)

    def __iter__(self) -> Iterator[T]:
        cursor = _Cursor(self._filters)
        while True:
            page = self._fetch(cursor.params)
            yield from cursor.items(page)
            if not cursor.advance(page):
                return

    def first_page(self) -> Page[T]:
        """Only the first page (``data``, ``has_more``), as the API answers it."""
        return self._fetch(self._filters)


class AsyncPager(Generic[T]):
    """Every object of a list, page after page: ``async for cover in mk.covers.list(): ...``."""

    def __init__(
        self, fetch: Callable[[Mapping[str, Any]], Awaitable[Page[T]]], filters: Mapping[str, Any]
    ):
        self._fetch = fetch
        self._filters = dict(filters)

    async def __aiter__(self) -> AsyncIterator[T]:
        cursor = _Cursor(self._filters)
        while True:
            page = await self._fetch(cursor.params)
            for item in cursor.items(page):
                yield item
            if not cursor.advance(page):
                return

    async def first_page(self) -> Page[T]:
        """Only the first page (``data``, ``has_more``), as the API answers it."""
        return await self._fetch(self._filters)
