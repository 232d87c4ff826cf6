"""Unknown query parameters are refused (422), as unknown body fields are: a typo such as
``?statsu=quoted`` must not quietly return an unfiltered list.

Besides its declared parameters, a handler may take families of parameters named
``<family>[<key>]`` (``metadata[order_id]=…``): it says so in its ``opt`` with
``takes_families("metadata")``, and reads them from the request itself."""

from __future__ import annotations

import re
from typing import Any

from litestar import Litestar, Request
from litestar.routes import HTTPRoute

from marketplace.errors import FieldError, InvalidRequest

_ALLOWED = "marketplace.allowed_query_parameters"
FAMILIES = "marketplace.query_parameter_families"
"""The ``opt`` key of a handler naming the families of parameters it takes."""
_NOTHING: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
_FAMILY_MEMBER = re.compile(r"^(?P<family>\w+)\[.*\]$", re.DOTALL)


def takes_families(*families: str) -> dict[str, frozenset[str]]:
    """A handler's ``opt``: it takes ``<family>[<key>]`` query parameters of these families."""
    return {FAMILIES: frozenset(families)}


def _allowed_by_handler(app: Litestar) -> dict[int, tuple[frozenset[str], frozenset[str]]]:
    """Per handler: its declared query parameters, and the families it takes."""
    allowed: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
    for route in app.routes:
        if isinstance(route, HTTPRoute):
            for handler, kwargs_model in route.route_handler_map.values():
                names = frozenset(p.field_alias for p in kwargs_model.expected_query_params)
                allowed[id(handler)] = (names, handler.opt.get(FAMILIES, frozenset()))
    return allowed


def _in_a_family(name: str, families: frozenset[str]) -> bool:
    member = _FAMILY_MEMBER.match(name) if families else None
    return member is not None and member.group("family") in families


async def reject_unknown_query_parameters(request: Request[Any, Any, Any]) -> None:
    """A ``before_request`` hook: 422 naming every query parameter the route does not take.
    A coroutine: Litestar runs a plain function hook in a worker thread, at a cost."""
    if not request.scope.get("query_string"):
        return
    app = request.app
    allowed_by_handler = app.state.get(_ALLOWED)
    if allowed_by_handler is None:
        allowed_by_handler = app.state[_ALLOWED] = _allowed_by_handler(app)
    allowed, families = allowed_by_handler.get(id(request.route_handler), _NOTHING)
    unknown = [
        n for n in request.query_params if n not in allowed and not _in_a_family(n, families)
    ]
    if unknown:
        expected = ", ".join([*sorted(allowed), *(f"{f}[…]" for f in sorted(families))])
        takes = f"this endpoint takes: {expected or 'none'}"
        errors = [
            FieldError(name, f"Unknown query parameter {name!r}; {takes}", "unknown_parameter")
            for name in unknown
        ]
        raise InvalidRequest(errors[0].message, param=unknown[0], errors=errors)
