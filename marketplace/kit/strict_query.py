"""Unknown query parameters are refused (422), as unknown body fields are: a typo such as
``?statsu=quoted`` must not quietly return an unfiltered list."""

from __future__ import annotations

from typing import Any

from litestar import Litestar, Request
from litestar.routes import HTTPRoute

from marketplace.errors import InvalidRequest

_ALLOWED = "marketplace.allowed_query_parameters"


def _allowed_by_handler(app: Litestar) -> dict[int, frozenset[str]]:
    allowed: dict[int, frozenset[str]] = {}
    for route in app.routes:
        if isinstance(route, HTTPRoute):
            for handler, kwargs_model in route.route_handler_map.values():
                allowed[id(handler)] = frozenset(
                    p.field_alias for p in kwargs_model.expected_query_params
                )
    return allowed


async def reject_unknown_query_parameters(request: Request[Any, Any, Any]) -> None:
    """A ``before_request`` hook: 422 naming the first query parameter the route does not take.
    A coroutine: Litestar runs a plain function hook in a worker thread, at a cost."""
    if not request.scope.get("query_string"):
        return
    app = request.app
    allowed_by_handler = app.state.get(_ALLOWED)
    if allowed_by_handler is None:
        allowed_by_handler = app.state[_ALLOWED] = _allowed_by_handler(app)
    allowed = allowed_by_handler.get(id(request.route_handler), frozenset())
    for name in request.query_params:
        if name not in allowed:
            expected = ", ".join(sorted(allowed)) or "none"
            raise InvalidRequest(
                f"Unknown query parameter {name!r}; this endpoint takes: {expected}", param=name
            )
