"""Idempotency-Key: one object per key, replays, reuse refused, concurrency answered with 409."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from marketplace.accounts import service
from marketplace.kit import idempotency
from marketplace.kit.clock import utc_now
from marketplace.kit.tenancy import Principal
from marketplace.models import Account
from tests.helpers import assert_problem


def _post(client, tenant, key, body):
    return client.post(
        "/v1/accounts", headers={**tenant.headers, "Idempotency-Key": key}, json=body
    )


async def test_the_same_key_and_body_twice_make_one_object_and_replay_it(
    client, new_tenant, count_rows
):
    operator = await new_tenant("operator")
    body = {"role": "platform", "name": "Once Only"}
    first = await _post(client, operator, "create-once", body)
    second = await _post(client, operator, "create-once", {"name": "Once Only", "role": "platform"})
    assert first.status_code == second.status_code == 201
    assert second.content == first.content
    assert second.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert await count_rows(Account, Account.name == "Once Only") == 1


async def test_the_same_key_with_another_body_is_422_and_writes_nothing(
    client, new_tenant, count_rows
):
    operator = await new_tenant("operator")
    await _post(client, operator, "reused", {"role": "platform", "name": "First"})
    response = await _post(client, operator, "reused", {"role": "platform", "name": "Second"})
    assert_problem(response, 422, "idempotency_key_reused", param="Idempotency-Key")
    assert await count_rows(Account, Account.name == "Second") == 0


async def test_keys_belong_to_one_account(client, new_tenant, count_rows):
    first, second = await new_tenant("operator"), await new_tenant("operator")
    body = {"role": "platform", "name": "Per Account"}
    assert (await _post(client, first, "shared-key", body)).status_code == 201
    other = await _post(client, second, "shared-key", body)
    assert other.status_code == 201
    assert "idempotent-replayed" not in other.headers
    assert await count_rows(Account, Account.name == "Per Account") == 2


async def test_a_failed_request_releases_its_key(client, new_tenant):
    operator = await new_tenant("operator")
    failed = await _post(client, operator, "fix-and-retry", {"role": "platform", "name": ""})
    assert_problem(failed, 422, "validation_error", param="name")
    fixed = await _post(client, operator, "fix-and-retry", {"role": "platform", "name": "Fixed"})
    assert fixed.status_code == 201


async def test_an_overlong_key_is_refused(client, new_tenant):
    operator = await new_tenant("operator")
    response = await _post(client, operator, "k" * 256, {"role": "platform", "name": "P"})
    assert_problem(response, 422, "validation_error", param="Idempotency-Key")


async def test_a_duplicate_while_the_first_is_in_flight_is_409(
    client, new_tenant, count_rows, monkeypatch
):
    operator = await new_tenant("operator")
    inside, release = asyncio.Event(), asyncio.Event()
    original = service.create_account

    async def held_create(*args, **kwargs):
        inside.set()
        await release.wait()
        return await original(*args, **kwargs)

    monkeypatch.setattr(service, "create_account", held_create)
    body = {"role": "platform", "name": "In Flight"}
    first = asyncio.create_task(_post(client, operator, "in-flight", body))
    await asyncio.wait_for(inside.wait(), timeout=10)
    duplicate = await _post(client, operator, "in-flight", body)
    release.set()
    assert_problem(duplicate, 409, "idempotency_key_in_use")
    assert (await first).status_code == 201
    assert await count_rows(Account, Account.name == "In Flight") == 1


async def test_many_concurrent_requests_with_one_key_make_one_object(
    client, new_tenant, count_rows
):
    operator = await new_tenant("operator")
    body = {"role": "platform", "name": "Stampede"}
    responses = await asyncio.gather(
        *(_post(client, operator, "stampede", body) for _ in range(12))
    )
    created = [r for r in responses if r.status_code == 201]
    assert {r.status_code for r in responses} <= {201, 409}
    assert len({r.content for r in created}) == 1
    assert sum("idempotent-replayed" not in r.headers for r in created) == 1
    assert await count_rows(Account, Account.name == "Stampede") == 1


async def test_a_key_is_free_again_after_its_retention(database, new_tenant):
    operator = await new_tenant("operator")
    principal = Principal(operator.account_id, "operator", False, "")
    now, day = utc_now(), timedelta(hours=24)
    async with database.writer_session() as session:
        held = await idempotency.claim(
            session, principal, key="old", request_fingerprint="fp-1", now=now, retention=day
        )
        await idempotency.complete(session, held, 201, "application/json", b"{}")
        await session.commit()
    async with database.writer_session() as session:
        assert isinstance(
            await idempotency.claim(
                session, principal, key="old", request_fingerprint="fp-1", now=now, retention=day
            ),
            idempotency.Replay,
        )
        later = now + day + timedelta(seconds=1)
        assert (
            await idempotency.check(
                session, principal, key="old", request_fingerprint="fp-2", now=later
            )
            is None
        )
        assert isinstance(
            await idempotency.claim(
                session, principal, key="old", request_fingerprint="fp-2", now=later, retention=day
            ),
            idempotency.Claim,
        )
        await session.rollback()


async def test_a_key_abandoned_in_flight_can_be_taken_over(database, new_tenant):
    operator = await new_tenant("operator")
    principal = Principal(operator.account_id, "operator", False, "")
    now, day = utc_now(), timedelta(hours=24)
    async with database.writer_session() as session:
        await idempotency.claim(
            session, principal, key="crashed", request_fingerprint="fp", now=now, retention=day
        )
        await session.commit()
    async with database.writer_session() as session:
        stale = now + timedelta(seconds=idempotency.IN_FLIGHT_LOCK_SECONDS + 1)
        assert isinstance(
            await idempotency.claim(
                session,
                principal,
                key="crashed",
                request_fingerprint="fp",
                now=stale,
                retention=day,
            ),
            idempotency.Claim,
        )
        await session.commit()


async def test_expired_records_are_purged(database, new_tenant, count_rows):
    operator = await new_tenant("operator")
    principal = Principal(operator.account_id, "operator", False, "")
    now = utc_now()
    async with database.writer_session() as session:
        await idempotency.claim(
            session,
            principal,
            key="short-lived",
            request_fingerprint="fp",
            now=now,
            retention=timedelta(seconds=1),
        )
        await session.commit()
    async with database.writer_session() as session:
        assert await idempotency.purge_expired(session, now + timedelta(seconds=2)) >= 1
        await session.commit()
    from marketplace.models import IdempotencyRecord

    assert await count_rows(IdempotencyRecord, IdempotencyRecord.key == "short-lived") == 0


async def _stored_bytes(database) -> bytes:
    """Every idempotency record and API key row, every column, as bytes; on SQLite, the
    database and write-ahead log files too."""
    from pathlib import Path

    from sqlalchemy import select

    from marketplace.models import ApiKey, IdempotencyRecord

    stored = b""
    async with database.reader_session() as session:
        for model in (IdempotencyRecord, ApiKey):
            for row in (await session.execute(select(model))).scalars():
                for column in model.__table__.columns:
                    value = getattr(row, column.key)
                    stored += value if isinstance(value, bytes) else str(value).encode()
    if database.engine.dialect.name == "sqlite":
        path = Path(database.engine.url.database)
        for file in (path, Path(f"{path}-wal")):
            stored += file.read_bytes() if file.exists() else b""
    return stored


async def test_a_replayed_key_creation_has_no_secret_and_none_is_stored(
    client, new_tenant, database
):
    operator = await new_tenant("operator")
    path = f"/v1/accounts/{operator.account_id}/keys"
    headers = {**operator.headers, "Idempotency-Key": "new-key-once"}
    first = await client.post(path, headers=headers, json={"name": "ci"})
    assert first.status_code == 201, first.text
    secret = first.json()["secret"]
    assert (secret[:8], first.json()["secret_redacted"]) == ("mk_test_", False)

    assert secret.encode() not in await _stored_bytes(database)
    replay = await client.post(path, headers=headers, json={"name": "ci"})
    assert (replay.status_code, replay.headers["idempotent-replayed"]) == (201, "true")
    assert secret not in replay.text
    replayed = replay.json()
    assert (replayed["secret"], replayed["secret_redacted"]) == (None, True)
    assert {k: v for k, v in replayed.items() if not k.startswith("secret")} == {
        k: v for k, v in first.json().items() if not k.startswith("secret")
    }


async def test_unreadable_bodies_with_a_key_get_their_own_error_not_a_500(client, new_tenant):
    """Too deeply nested or not UTF-8: the body is compared by its bytes, and the request gets
    the same answer it would without a key."""
    operator = await new_tenant("operator")
    for n, body in enumerate((b"[" * 100_000 + b"]" * 100_000, b'{"name": "\xff"}')):
        response = await client.post(
            "/v1/accounts",
            headers={
                **operator.headers,
                "Idempotency-Key": f"unreadable-{n}",
                "content-type": "application/json",
            },
            content=body,
        )
        assert response.status_code in (400, 422), response.text
        assert "Traceback" not in response.text
        assert "recursion" not in response.text.lower()
