from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.advance_clock import AdvanceClock
from ...models.cover_out import CoverOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    cover_id: str,
    *,
    body: AdvanceClock,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/test_helpers/covers/{cover_id}/advance".format(
            cover_id=quote(str(cover_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoverOut | Problem | None:
    if response.status_code == 200:
        response_200 = CoverOut.from_dict(response.json())

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
) -> Response[CoverOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    cover_id: str,
    *,
    client: AuthenticatedClient,
    body: AdvanceClock,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CoverOut | Problem]:
    """Move a cover's test clock ahead

     Test mode only (404 `route_not_found` with a live key): moves a paid cover's clock, and its claim's,
    `days` ahead (two years at most in all) and runs, in date order, every step that fell due, with its
    events, so a whole life plays out in seconds: overdue, time-barred, claim, collection, approval.
    **Who**: the cover's platform or seller.

    Args:
        cover_id (str): A cover id (cov_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (AdvanceClock):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverOut | Problem]
    """

    kwargs = _get_kwargs(
        cover_id=cover_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    cover_id: str,
    *,
    client: AuthenticatedClient,
    body: AdvanceClock,
    idempotency_key: None | str | Unset = UNSET,
) -> CoverOut | Problem | None:
    """Move a cover's test clock ahead

     Test mode only (404 `route_not_found` with a live key): moves a paid cover's clock, and its claim's,
    `days` ahead (two years at most in all) and runs, in date order, every step that fell due, with its
    events, so a whole life plays out in seconds: overdue, time-barred, claim, collection, approval.
    **Who**: the cover's platform or seller.

    Args:
        cover_id (str): A cover id (cov_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (AdvanceClock):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverOut | Problem
    """

    return sync_detailed(
        cover_id=cover_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    cover_id: str,
    *,
    client: AuthenticatedClient,
    body: AdvanceClock,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CoverOut | Problem]:
    """Move a cover's test clock ahead

     Test mode only (404 `route_not_found` with a live key): moves a paid cover's clock, and its claim's,
    `days` ahead (two years at most in all) and runs, in date order, every step that fell due, with its
    events, so a whole life plays out in seconds: overdue, time-barred, claim, collection, approval.
    **Who**: the cover's platform or seller.

    Args:
        cover_id (str): A cover id (cov_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (AdvanceClock):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverOut | Problem]
    """

    kwargs = _get_kwargs(
        cover_id=cover_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    cover_id: str,
    *,
    client: AuthenticatedClient,
    body: AdvanceClock,
    idempotency_key: None | str | Unset = UNSET,
) -> CoverOut | Problem | None:
    """Move a cover's test clock ahead

     Test mode only (404 `route_not_found` with a live key): moves a paid cover's clock, and its claim's,
    `days` ahead (two years at most in all) and runs, in date order, every step that fell due, with its
    events, so a whole life plays out in seconds: overdue, time-barred, claim, collection, approval.
    **Who**: the cover's platform or seller.

    Args:
        cover_id (str): A cover id (cov_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (AdvanceClock):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverOut | Problem
    """

    return (
        await asyncio_detailed(
            cover_id=cover_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
