"""Every example, gathered from the domain modules, and the ones each body gets."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from marketplace.api_reference.examples import (
    accounts,
    buyers,
    claims,
    covers,
    events,
    health,
    products,
    quotes,
)
from marketplace.api_reference.examples.example import Example

SOURCES: tuple[Callable[[], list[Example]], ...] = (
    health.examples,
    accounts.examples,
    products.examples,
    quotes.examples,
    covers.examples,
    claims.examples,
    buyers.examples,
    events.examples,
)
"""Each domain's ``examples()``: add a module's here."""


@cache
def all_examples() -> tuple[Example, ...]:
    return tuple(example for source in SOURCES for example in source())


def examples_for(schema: str, operation_id: str, status: str) -> list[Example]:
    """The examples of a body of ``schema`` in ``operation_id`` (``status``: the response's, or
    ``request``): those made for that operation (or for that very body, ``"ready 503"``), else
    those made for no operation in particular."""
    of_schema = [example for example in all_examples() if example.schema == schema]
    keys = {operation_id, f"{operation_id} {status}"}
    own = [example for example in of_schema if keys & set(example.operations)]
    return own or [example for example in of_schema if not example.operations]
