"""Assertions shared by the tests."""

from __future__ import annotations

from typing import Any

import httpx


def assert_problem(
    response: httpx.Response, status: int, code: str, param: str | None = None
) -> dict[str, Any]:
    """The response is problem+json with this status and code (and ``param``, when given)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"urn:marketplace:error:{code}"
    assert body["title"]
    assert body["detail"]
    assert body["request_id"] == response.headers["request-id"]
    if param is not None:
        assert body.get("param") == param, body
    return body
