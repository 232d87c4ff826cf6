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
