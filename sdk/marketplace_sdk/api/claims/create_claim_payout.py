from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.payout_create import PayoutCreate
from ...models.payout_out import PayoutOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    claim_id: str,
    *,
    body: PayoutCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/claims/{claim_id}/payouts".format(
            claim_id=quote(str(claim_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PayoutOut | Problem | None:
    if response.status_code == 201:
        response_201 = PayoutOut.from_dict(response.json())

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
) -> Response[PayoutOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    claim_id: str,
    *,
    client: AuthenticatedClient,
    body: PayoutCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PayoutOut | Problem]:
    """Record an indemnity payout

     The insurer records a payment of the indemnity it made to the seller (the money moves outside the
    API), in minor units of the claim's currency, once per `reference`: never more than the indemnity
    left to pay. The claim is `paid`, and the cover's exposure released, when the payouts reach the
    indemnity. **Who**: the insurer of the cover's product (to anyone else the claim is a 404).

    Args:
        claim_id (str): A claim id (clm_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (PayoutCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PayoutOut | Problem]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    claim_id: str,
    *,
    client: AuthenticatedClient,
    body: PayoutCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> PayoutOut | Problem | None:
    """Record an indemnity payout

     The insurer records a payment of the indemnity it made to the seller (the money moves outside the
    API), in minor units of the claim's currency, once per `reference`: never more than the indemnity
    left to pay. The claim is `paid`, and the cover's exposure released, when the payouts reach the
    indemnity. **Who**: the insurer of the cover's product (to anyone else the claim is a 404).

    Args:
        claim_id (str): A claim id (clm_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (PayoutCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PayoutOut | Problem
    """

    return sync_detailed(
        claim_id=claim_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    claim_id: str,
    *,
    client: AuthenticatedClient,
    body: PayoutCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PayoutOut | Problem]:
    """Record an indemnity payout

     The insurer records a payment of the indemnity it made to the seller (the money moves outside the
    API), in minor units of the claim's currency, once per `reference`: never more than the indemnity
    left to pay. The claim is `paid`, and the cover's exposure released, when the payouts reach the
    indemnity. **Who**: the insurer of the cover's product (to anyone else the claim is a 404).

    Args:
        claim_id (str): A claim id (clm_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (PayoutCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PayoutOut | Problem]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    claim_id: str,
    *,
    client: AuthenticatedClient,
    body: PayoutCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> PayoutOut | Problem | None:
    """Record an indemnity payout

     The insurer records a payment of the indemnity it made to the seller (the money moves outside the
    API), in minor units of the claim's currency, once per `reference`: never more than the indemnity
    left to pay. The claim is `paid`, and the cover's exposure released, when the payouts reach the
    indemnity. **Who**: the insurer of the cover's product (to anyone else the claim is a 404).

    Args:
        claim_id (str): A claim id (clm_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (PayoutCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PayoutOut | Problem
    """

    return (
        await asyncio_detailed(
            claim_id=claim_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
