from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_endpoint_create import WebhookEndpointCreate
from ...models.webhook_endpoint_with_secret import WebhookEndpointWithSecret
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WebhookEndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhook_endpoints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookEndpointWithSecret | None:
    if response.status_code == 201:
        response_201 = WebhookEndpointWithSecret.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WebhookEndpointWithSecret]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | WebhookEndpointWithSecret]:
    """Register a webhook endpoint

     A URL to POST events of the key's mode to, and which events (exact types, `<object>.*` or `*`). Its
    signing secret (`whsec_…`) is in this answer only; a replay of the request shows `secret_redacted:
    true` instead. Live mode needs `https` and a host resolving to public addresses only; private and
    cloud-metadata addresses are refused in both modes, in any spelling. At most 16 enabled endpoints
    per account and mode. **Who**: any account, for its own endpoints (another's is a 404).

    Args:
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (WebhookEndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpointWithSecret]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | WebhookEndpointWithSecret | None:
    """Register a webhook endpoint

     A URL to POST events of the key's mode to, and which events (exact types, `<object>.*` or `*`). Its
    signing secret (`whsec_…`) is in this answer only; a replay of the request shows `secret_redacted:
    true` instead. Live mode needs `https` and a host resolving to public addresses only; private and
    cloud-metadata addresses are refused in both modes, in any spelling. At most 16 enabled endpoints
    per account and mode. **Who**: any account, for its own endpoints (another's is a 404).

    Args:
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (WebhookEndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpointWithSecret
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | WebhookEndpointWithSecret]:
    """Register a webhook endpoint

     A URL to POST events of the key's mode to, and which events (exact types, `<object>.*` or `*`). Its
    signing secret (`whsec_…`) is in this answer only; a replay of the request shows `secret_redacted:
    true` instead. Live mode needs `https` and a host resolving to public addresses only; private and
    cloud-metadata addresses are refused in both modes, in any spelling. At most 16 enabled endpoints
    per account and mode. **Who**: any account, for its own endpoints (another's is a 404).

    Args:
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (WebhookEndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpointWithSecret]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | WebhookEndpointWithSecret | None:
    """Register a webhook endpoint

     A URL to POST events of the key's mode to, and which events (exact types, `<object>.*` or `*`). Its
    signing secret (`whsec_…`) is in this answer only; a replay of the request shows `secret_redacted:
    true` instead. Live mode needs `https` and a host resolving to public addresses only; private and
    cloud-metadata addresses are refused in both modes, in any spelling. At most 16 enabled endpoints
    per account and mode. **Who**: any account, for its own endpoints (another's is a 404).

    Args:
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (WebhookEndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpointWithSecret
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
