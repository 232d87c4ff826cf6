from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.secret_rotation import SecretRotation
from ...models.webhook_endpoint_with_secret import WebhookEndpointWithSecret
from ...types import UNSET, Response, Unset


def _get_kwargs(
    webhook_endpoint_id: str,
    *,
    body: SecretRotation | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhook_endpoints/{webhook_endpoint_id}/rotate_secret".format(
            webhook_endpoint_id=quote(str(webhook_endpoint_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookEndpointWithSecret | None:
    if response.status_code == 200:
        response_200 = WebhookEndpointWithSecret.from_dict(response.json())

        return response_200

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
    webhook_endpoint_id: str,
    *,
    client: AuthenticatedClient,
    body: SecretRotation | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | WebhookEndpointWithSecret]:
    """Rotate a webhook endpoint's secret

     Issues a new signing secret, shown in this answer only. The current one keeps signing beside it for
    24 hours, or `expire_previous_in_seconds` (deliveries carry one signature per secret meanwhile).
    Only one old secret is kept: a second rotation within the overlap retires the first at once. The
    body is optional. **Who**: any account, for its own endpoints (another's is a 404).

    Args:
        webhook_endpoint_id (str): A webhook endpoint id (we_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (SecretRotation | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpointWithSecret]
    """

    kwargs = _get_kwargs(
        webhook_endpoint_id=webhook_endpoint_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webhook_endpoint_id: str,
    *,
    client: AuthenticatedClient,
    body: SecretRotation | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | WebhookEndpointWithSecret | None:
    """Rotate a webhook endpoint's secret

     Issues a new signing secret, shown in this answer only. The current one keeps signing beside it for
    24 hours, or `expire_previous_in_seconds` (deliveries carry one signature per secret meanwhile).
    Only one old secret is kept: a second rotation within the overlap retires the first at once. The
    body is optional. **Who**: any account, for its own endpoints (another's is a 404).

    Args:
        webhook_endpoint_id (str): A webhook endpoint id (we_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (SecretRotation | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpointWithSecret
    """

    return sync_detailed(
        webhook_endpoint_id=webhook_endpoint_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    webhook_endpoint_id: str,
    *,
    client: AuthenticatedClient,
    body: SecretRotation | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | WebhookEndpointWithSecret]:
    """Rotate a webhook endpoint's secret

     Issues a new signing secret, shown in this answer only. The current one keeps signing beside it for
    24 hours, or `expire_previous_in_seconds` (deliveries carry one signature per secret meanwhile).
    Only one old secret is kept: a second rotation within the overlap retires the first at once. The
    body is optional. **Who**: any account, for its own endpoints (another's is a 404).

    Args:
        webhook_endpoint_id (str): A webhook endpoint id (we_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (SecretRotation | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpointWithSecret]
    """

    kwargs = _get_kwargs(
        webhook_endpoint_id=webhook_endpoint_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_endpoint_id: str,
    *,
    client: AuthenticatedClient,
    body: SecretRotation | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | WebhookEndpointWithSecret | None:
    """Rotate a webhook endpoint's secret

     Issues a new signing secret, shown in this answer only. The current one keeps signing beside it for
    24 hours, or `expire_previous_in_seconds` (deliveries carry one signature per secret meanwhile).
    Only one old secret is kept: a second rotation within the overlap retires the first at once. The
    body is optional. **Who**: any account, for its own endpoints (another's is a 404).

    Args:
        webhook_endpoint_id (str): A webhook endpoint id (we_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (SecretRotation | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpointWithSecret
    """

    return (
        await asyncio_detailed(
            webhook_endpoint_id=webhook_endpoint_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
