"""Webhook endpoints: register, change, delete, rotate the secret, replay a time window.

An endpoint belongs to one account and one mode (its key's), receives that mode's events its
account may see (``matching.seen_by``) and that its ``enabled_events`` ask for, and is found
by that account only (another tenant's endpoint is not found). Its URL is checked when it is
set (``ssrf``): in live mode the host must resolve, to public addresses only.

The signing secret is stored as is, not hashed: the worker needs it to sign every delivery
(HMAC), so unlike an API key it cannot be kept as a one-way hash. It is shown in the answer
that makes it (creation, rotation) and never again, not even in an idempotent replay.
"""

from __future__ import annotations

import asyncio
import base64
import secrets
from datetime import datetime, timedelta

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.errors import Conflict, ResourceNotFound, RuleViolation
from marketplace.events import repository, signing, ssrf
from marketplace.events.schemas import WebhookEndpointCreate, WebhookEndpointUpdate
from marketplace.kit.ids import new_id
from marketplace.kit.pagination import Page, PageRequest, paginate
from marketplace.kit.tenancy import Principal
from marketplace.models.events import WebhookEndpoint

MAX_ENABLED_ENDPOINTS = 16
"""Per account and mode."""
SECRET_BYTES = 24
DNS_TIMEOUT_SECONDS = 5.0


class WebhookEndpointNotFound(ResourceNotFound):
    pass


class WebhookUrlNotAllowed(RuleViolation):
    code = "webhook_url_not_allowed"
    title = "This URL may not receive webhooks"


class TooManyWebhookEndpoints(RuleViolation):
    code = "too_many_webhook_endpoints"
    title = "Too many enabled webhook endpoints"


class WebhookEndpointDisabled(Conflict):
    code = "webhook_endpoint_disabled"
    title = "The webhook endpoint is disabled"


def new_secret() -> str:
    """A signing secret in the Standard Webhooks format: ``whsec_`` and base64 of 24 bytes."""
    return signing.SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def _refused(url: str, reason: str, why: str) -> WebhookUrlNotAllowed:
    return WebhookUrlNotAllowed(
        f"{url!r} may not receive webhooks: {why} (reason: {reason})", param="url"
    )


async def check_url(url: str, livemode: bool) -> None:
    """Refuse a URL that may not receive webhooks; in live mode, resolve its host (call this
    before the transaction's first statement: a slow name server then holds no lock)."""
    try:
        if not livemode:
            ssrf.check_url(url, livemode)
            return
        async with asyncio.timeout(DNS_TIMEOUT_SECONDS):
            await ssrf.resolve_target(url, livemode)
    except ssrf.BlockedUrl as blocked:
        raise _refused(url, blocked.reason, str(blocked)) from blocked
    except ValueError as error:  # not a readable URL (an unclosed "[", say)
        raise _refused(url, "url_invalid", f"it cannot be read ({error})") from error
    except TimeoutError as error:
        raise _refused(url, "host_unresolvable", "its host did not resolve in time") from error


async def visible_endpoint(
    session: AsyncSession, principal: Principal, endpoint_id: str, param: str = "webhook_endpoint"
) -> WebhookEndpoint:
    """The caller's endpoint of its mode (404 for anyone else's, or a deleted one)."""
    endpoint = await repository.get_endpoint(
        session, principal.account_id, principal.livemode, endpoint_id
    )
    if endpoint is None:
        raise WebhookEndpointNotFound(f"No such webhook endpoint: {endpoint_id}", param=param)
    return endpoint


async def _make_room(session: AsyncSession, principal: Principal) -> None:
    await repository.lock_endpoints_of(session, principal.account_id)
    enabled = await repository.count_enabled_endpoints(
        session, principal.account_id, principal.livemode
    )
    if enabled >= MAX_ENABLED_ENDPOINTS:
        raise TooManyWebhookEndpoints(
            f"An account has at most {MAX_ENABLED_ENDPOINTS} enabled webhook endpoints per"
            " mode; delete or disable one first"
        )


def _distinct(enabled_events: list[str]) -> list[str]:
    return list(dict.fromkeys(enabled_events))


async def create_endpoint(
    session: AsyncSession, principal: Principal, request: WebhookEndpointCreate, now: datetime
) -> WebhookEndpoint:
    """A new enabled endpoint of the caller's mode, with a new secret."""
    await check_url(request.url, principal.livemode)
    await _make_room(session, principal)
    endpoint = WebhookEndpoint(
        id=new_id("webhook_endpoint"),
        livemode=principal.livemode,
        account_id=principal.account_id,
        url=request.url,
        enabled_events=_distinct(request.enabled_events),
        description=request.description,
        status="enabled",
        secret=new_secret(),
        created_at=now,
        updated_at=now,
    )
    await repository.add_endpoint(session, endpoint)
    return endpoint


async def list_endpoints(
    session: AsyncSession, principal: Principal, page: PageRequest
) -> Page[WebhookEndpoint]:
    query = repository.endpoints_query(principal.account_id, principal.livemode)
    return await paginate(session, query, WebhookEndpoint.id, page)


async def _set_status(
    session: AsyncSession, principal: Principal, endpoint: WebhookEndpoint, status: str
) -> None:
    if status == endpoint.status:
        return
    if status == "enabled":
        await _make_room(session, principal)
        endpoint.disabled_reason = None
        endpoint.failing_since = None
    else:
        endpoint.disabled_reason = "by_request"
    endpoint.status = status


async def update_endpoint(
    session: AsyncSession,
    principal: Principal,
    endpoint_id: str,
    change: WebhookEndpointUpdate,
    now: datetime,
) -> WebhookEndpoint:
    """Change the fields given; re-enabling clears the failure record (and needs room)."""
    if isinstance(change.url, str):
        await check_url(change.url, principal.livemode)
    endpoint = await visible_endpoint(session, principal, endpoint_id)
    if isinstance(change.url, str):
        endpoint.url = change.url
    if isinstance(change.enabled_events, list):
        endpoint.enabled_events = _distinct(change.enabled_events)
    if not isinstance(change.description, msgspec.UnsetType):
        endpoint.description = change.description
    if isinstance(change.status, str):
        await _set_status(session, principal, endpoint, change.status)
    endpoint.updated_at = now
    await session.flush()
    return endpoint


async def delete_endpoint(
    session: AsyncSession, principal: Principal, endpoint_id: str, now: datetime
) -> WebhookEndpoint:
    """Delete for good: nothing more is sent to it (what was waiting fails), and it is no
    longer found. Its past deliveries stay in the records."""
    endpoint = await visible_endpoint(session, principal, endpoint_id)
    endpoint.deleted_at = now
    endpoint.status = "disabled"
    endpoint.updated_at = now
    await session.flush()
    await repository.fail_pending_deliveries(session, endpoint.id, now)
    return endpoint


async def rotate_secret(
    session: AsyncSession,
    principal: Principal,
    endpoint_id: str,
    overlap: timedelta,
    now: datetime,
) -> WebhookEndpoint:
    """A new secret; the current one keeps signing beside it for ``overlap`` (none: retired
    at once). A secret that was still overlapping from an earlier rotation is retired."""
    endpoint = await visible_endpoint(session, principal, endpoint_id)
    keep = overlap > timedelta(0)
    endpoint.previous_secret = endpoint.secret if keep else None
    endpoint.previous_secret_expires_at = now + overlap if keep else None
    endpoint.secret = new_secret()
    endpoint.updated_at = now
    await session.flush()
    return endpoint
