"""Cursor pagination over time-ordered ids, newest first (Stripe's ``starting_after`` style).

``starting_after=X`` gives the page of objects created before X (the next page of a list);
``ending_before=X`` gives the page of objects created right after X (the previous page); both
together give the objects created strictly between them, newest first. The answer says
``has_more`` when objects remain beyond the page in the direction asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Generic, Literal, TypeVar

import msgspec
from litestar.di import NamedDependency, Provide
from litestar.params import QueryParameter
from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from marketplace.kit.ids import id_pattern

DEFAULT_LIMIT = 10
MAX_LIMIT = 100

Item = TypeVar("Item")
Row = TypeVar("Row")


class ListOf(msgspec.Struct, Generic[Item]):
    """One page of a list (its OpenAPI component is named by ``list_schema_name``)."""

    data: Annotated[
        list[Item],
        msgspec.Meta(description="The objects of this page, newest first (at most `limit`)"),
    ]
    has_more: Annotated[
        bool,
        msgspec.Meta(
            description=(
                "True when more objects lie beyond this page in the direction asked: pass the"
                " last id of `data` as `starting_after` for the next page"
            )
        ),
    ]
    object: Annotated[
        Literal["list"], msgspec.Meta(description="The kind of object: always `list`")
    ] = "list"


def list_schema_name(item_schema: str) -> str:
    """The OpenAPI component name of a page of ``item_schema``: ``QuoteOut`` -> ``QuoteList``."""
    return item_schema.removesuffix("Out") + "List"


@dataclass(frozen=True, slots=True)
class PageRequest:
    limit: int
    starting_after: str | None
    ending_before: str | None


@dataclass(frozen=True, slots=True)
class Page(Generic[Row]):
    items: list[Row]
    has_more: bool


Limit = Annotated[
    int, QueryParameter(ge=1, le=MAX_LIMIT, description="How many objects to return (1-100).")
]


def _cursor(kind: str, description: str) -> Any:
    return Annotated[str | None, QueryParameter(pattern=id_pattern(kind), description=description)]


def pagination(kind: str) -> dict[str, Provide]:
    """Handler dependencies giving ``page: Pagination`` for a list of ``kind`` objects.

    The cursors must be ids of that kind; the OpenAPI document says so with a pattern.
    """

    def page_request(
        limit: int = DEFAULT_LIMIT,
        starting_after: str | None = None,
        ending_before: str | None = None,
    ) -> PageRequest:
        return PageRequest(limit, starting_after, ending_before)

    page_request.__annotations__ = {
        "limit": Limit,
        "starting_after": _cursor(kind, "Return the objects created before this id (next page)."),
        "ending_before": _cursor(kind, "Return the objects created after this id (previous page)."),
        "return": PageRequest,
    }
    return {"page": Provide(page_request, sync_to_thread=False)}


Pagination = NamedDependency[PageRequest]
"""A handler argument ``page: Pagination``, given by the ``pagination(kind)`` dependencies."""


async def paginate(
    session: AsyncSession,
    query: Select[Row],
    id_column: InstrumentedAttribute[str],
    page: PageRequest,
) -> Page[Row]:
    """Run ``query`` (already filtered to what the caller may see) for one page, newest first."""
    if page.starting_after:
        query = query.where(id_column < page.starting_after)
    backwards = page.ending_before is not None and page.starting_after is None
    if page.ending_before:
        query = query.where(id_column > page.ending_before)
    query = query.order_by(id_column.asc() if backwards else id_column.desc())
    rows: list[Any] = list((await session.execute(query.limit(page.limit + 1))).scalars())
    has_more = len(rows) > page.limit
    rows = rows[: page.limit]
    if backwards:
        rows.reverse()
    return Page(items=rows, has_more=has_more)
