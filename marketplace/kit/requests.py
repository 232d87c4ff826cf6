"""Per-request context kept in the ASGI scope: the request id and the start time."""

from __future__ import annotations

import time
from typing import Any

from marketplace.kit.ids import new_id

_REQUEST_ID = "marketplace.request_id"
_STARTED_NS = "marketplace.started_ns"


def _state(scope: Any) -> dict[str, Any]:
    state: dict[str, Any] = scope.setdefault("state", {})
    return state


def request_id_of(scope: Any) -> str:
    """The request's id (``req_…``), made on first use and stable for the request."""
    state = _state(scope)
    request_id = state.get(_REQUEST_ID)
    if request_id is None:
        request_id = state[_REQUEST_ID] = new_id("request")
        state.setdefault(_STARTED_NS, time.perf_counter_ns())
    return str(request_id)


def started_ns_of(scope: Any) -> int:
    """When the request started, on the ``perf_counter_ns`` clock."""
    return int(_state(scope).setdefault(_STARTED_NS, time.perf_counter_ns()))
