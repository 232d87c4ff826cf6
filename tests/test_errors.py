"""Bad requests get problem+json with a stable code, and change nothing."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
import sqlalchemy.exc
import structlog.testing
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.accounts import service
from marketplace.models import Account
from tests.helpers import assert_problem


async def test_malformed_json_is_400_and_writes_nothing(client, new_tenant, count_rows):
    operator = await new_tenant("operator")
    before = await count_rows(Account)
    response = await client.post(
        "/v1/accounts",
        headers={**operator.headers, "content-type": "application/json"},
        content=b'{"role": "platform", "name": ',
    )
    assert_problem(response, 400, "malformed_json")
    assert await count_rows(Account) == before


async def test_a_body_over_the_limit_is_413_and_writes_nothing(
    client, new_tenant, count_rows, settings
):
    operator = await new_tenant("operator")
    before = await count_rows(Account)
    huge_name = "x" * (settings.max_body_bytes + 1)
    for extra in ({}, {"Idempotency-Key": "big-body"}):
        response = await client.post(
            "/v1/accounts",
            headers={**operator.headers, **extra},
            json={"role": "platform", "name": huge_name},
        )
        assert_problem(response, 413, "body_too_large")
    assert await count_rows(Account) == before


async def test_a_wrong_type_is_422_naming_the_field(client, new_tenant, count_rows):
    operator = await new_tenant("operator")
    before = await count_rows(Account)
    response = await client.post(
        "/v1/accounts", headers=operator.headers, json={"role": "platform", "name": 42}
    )
    body = assert_problem(response, 422, "validation_error", param="name")
    assert body["errors"] == [
        {"param": "name", "message": "Expected `str`, got `int`", "code": "wrong_type"}
    ]
    assert await count_rows(Account) == before


async def test_missing_unknown_and_out_of_range_fields_are_named(client, new_tenant):
    operator = await new_tenant("operator")
    headers = operator.headers
    missing = await client.post("/v1/accounts", headers=headers, json={"name": "P"})
    assert_problem(missing, 422, "validation_error", param="role")
    unknown = await client.post(
        "/v1/accounts", headers=headers, json={"role": "platform", "name": "P", "nmae": "typo"}
    )
    assert_problem(unknown, 422, "validation_error", param="nmae")
    bad_choice = await client.post(
        "/v1/accounts", headers=headers, json={"role": "king", "name": "P"}
    )
    assert_problem(bad_choice, 422, "validation_error", param="role")
    empty = await client.post(
        "/v1/accounts", headers=headers, json={"role": "platform", "name": ""}
    )
    assert_problem(empty, 422, "validation_error", param="name")
    not_an_object = await client.post("/v1/accounts", headers=headers, json=[1, 2])
    assert_problem(not_an_object, 422, "validation_error")


async def test_unknown_routes_and_wrong_methods_are_problems(client, new_tenant):
    operator = await new_tenant("operator")
    assert_problem(
        await client.get("/v1/nothing-here", headers=operator.headers), 404, "route_not_found"
    )
    wrong = await client.delete("/v1/accounts/me", headers=operator.headers)
    assert_problem(wrong, 405, "method_not_allowed")
    assert "GET" in wrong.headers["allow"]


async def test_an_unexpected_failure_is_500_leaks_nothing_and_rolls_back(
    client, new_tenant, count_rows, monkeypatch
):
    operator = await new_tenant("operator")
    original = service.create_account

    async def create_then_fail(session, *args, **kwargs):
        await original(session, *args, **kwargs)  # the row is written (flushed) first
        raise sqlalchemy.exc.OperationalError("SELECT secret FROM accounts", {}, Exception("boom"))

    monkeypatch.setattr(service, "create_account", create_then_fail)
    before = await count_rows(Account)
    response = await client.post(
        "/v1/accounts", headers=operator.headers, json={"role": "platform", "name": "Doomed"}
    )
    body = assert_problem(response, 500, "internal_error")
    for leak in ("SELECT", "secret", "Traceback", "OperationalError", "boom"):
        assert leak not in response.text
    assert "changed nothing" in body["detail"]
    assert await count_rows(Account) == before


async def test_an_unknown_query_parameter_is_422_naming_it(client, new_tenant):
    operator = await new_tenant("operator")
    response = await client.get("/v1/accounts?rol=platform", headers=operator.headers)
    body = assert_problem(response, 422, "validation_error", param="rol")
    assert "role" in body["detail"]
    assert (
        await client.get("/v1/accounts?role=platform", headers=operator.headers)
    ).status_code == 200


def _genuine_disk_full() -> sqlite3.OperationalError:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE t (x BLOB)")
        connection.execute("PRAGMA max_page_count=2")
        connection.execute("INSERT INTO t VALUES (zeroblob(99999))")
    except sqlite3.OperationalError as error:
        return error
    finally:
        connection.close()
    raise AssertionError("SQLite took a row larger than its page limit")


@pytest.mark.parametrize(
    ("cause", "status", "code"),
    [(Exception("deferred constraint"), 500, "internal_error"), (None, 503, "storage_unavailable")],
)
async def test_a_failed_commit_is_a_problem_and_writes_nothing(
    client, new_tenant, count_rows, monkeypatch, cause, status, code
):
    operator = await new_tenant("operator")
    before = await count_rows(Account)
    driver_error = cause or _genuine_disk_full()

    async def commit_fails(session):
        raise sqlalchemy.exc.OperationalError("COMMIT", {}, driver_error) from driver_error

    # The handler succeeds and its response is held back; the commit after it fails.
    monkeypatch.setattr(AsyncSession, "commit", commit_fails)
    response = await client.post(
        "/v1/accounts", headers=operator.headers, json={"role": "platform", "name": "Unsaved"}
    )
    assert_problem(response, status, code)
    assert "COMMIT" not in response.text
    monkeypatch.undo()
    assert await count_rows(Account) == before


def _post_accounts(
    operator, *, content_length: bytes, extra_headers: list[tuple[bytes, bytes]]
) -> dict:
    """The ASGI scope of ``POST /v1/accounts`` by ``operator``, announcing ``content_length``."""
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/accounts",
        "raw_path": b"/v1/accounts",
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"testserver.local"),
            (b"authorization", f"Bearer {operator.secret}".encode()),
            (b"content-type", b"application/json"),
            (b"content-length", content_length),
            *extra_headers,
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver.local", 80),
    }


@pytest.mark.parametrize(
    "sent_part",
    [b'{"role": "platform",', b'{"role": "seller", "name": "Cut"}'],
    ids=["half", "whole"],
)
@pytest.mark.parametrize("key", [None, b"cut-body"], ids=["no key", "idempotency key"])
async def test_a_client_leaving_mid_body_is_no_server_error(
    running_app, new_tenant, count_rows, sent_part, key
):
    """The connection closes before the body it announced is complete (even when what came is
    valid JSON): a 400 for the access log, no error logged as ours, nothing written; with an
    Idempotency-Key too (the middleware then reads the body itself)."""
    operator = await new_tenant("operator")
    before = await count_rows(Account)
    chunks = [
        {"type": "http.request", "body": sent_part, "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[dict] = []

    async def receive() -> dict:
        return chunks.pop(0) if chunks else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    headers = [(b"idempotency-key", key)] if key else []
    scope = _post_accounts(operator, content_length=b"400", extra_headers=headers)
    with structlog.testing.capture_logs() as logged:
        await running_app(scope, receive, send)

    assert sent[0]["status"] == 400
    assert b'"body_incomplete"' in b"".join(m.get("body", b"") for m in sent[1:])
    assert [e for e in logged if e["log_level"] in ("error", "critical")] == []
    assert await count_rows(Account) == before


async def test_a_body_announced_over_the_limit_is_413_at_once_with_a_key(running_app, new_tenant):
    """With an Idempotency-Key the middleware reads the body itself: an announced length over
    the limit is refused before a byte is awaited (a client cannot hold the request open)."""
    operator = await new_tenant("operator")
    sent: list[dict] = []

    async def receive() -> dict:
        await asyncio.Event().wait()  # the body never comes
        return {}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = _post_accounts(
        operator, content_length=b"999999999", extra_headers=[(b"idempotency-key", b"huge")]
    )
    await asyncio.wait_for(running_app(scope, receive, send), timeout=10)
    assert sent[0]["status"] == 413
    assert b'"body_too_large"' in b"".join(m.get("body", b"") for m in sent[1:])
