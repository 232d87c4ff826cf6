from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.buyer_status_out import BuyerStatusOut
from ...models.problem import Problem
from ...models.signal_in import SignalIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    buyer_id: str,
    *,
    body: SignalIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/buyers/{buyer_id}/signals".format(
            buyer_id=quote(str(buyer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BuyerStatusOut | Problem | None:
    if response.status_code == 201:
        response_201 = BuyerStatusOut.from_dict(response.json())

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
) -> Response[BuyerStatusOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    buyer_id: str,
    *,
    client: AuthenticatedClient,
    body: SignalIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BuyerStatusOut | Problem]:
    """Report a signal on a buyer

     An insurer or the operator reports what it learnt (`insolvency`, `payment_default`, a rating change,
    a `bureau_score`); the buyer's marketplace-wide status moves by the monitoring table and feeds every
    tenant's next score. A status change sends `buyer.alert` to each platform or seller with a cover in
    force on the buyer and to their insurers; `stop` and `insolvent` refuse new cover; an insolvency
    opens an insolvency claim on every paid cover on the buyer. **Who**: an insurer or the operator.

    Args:
        buyer_id (str): A buyer id (buy_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (SignalIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuyerStatusOut | Problem]
    """

    kwargs = _get_kwargs(
        buyer_id=buyer_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    buyer_id: str,
    *,
    client: AuthenticatedClient,
    body: SignalIn,
    idempotency_key: None | str | Unset = UNSET,
) -> BuyerStatusOut | Problem | None:
    """Report a signal on a buyer

     An insurer or the operator reports what it learnt (`insolvency`, `payment_default`, a rating change,
    a `bureau_score`); the buyer's marketplace-wide status moves by the monitoring table and feeds every
    tenant's next score. A status change sends `buyer.alert` to each platform or seller with a cover in
    force on the buyer and to their insurers; `stop` and `insolvent` refuse new cover; an insolvency
    opens an insolvency claim on every paid cover on the buyer. **Who**: an insurer or the operator.

    Args:
        buyer_id (str): A buyer id (buy_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (SignalIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuyerStatusOut | Problem
    """

    return sync_detailed(
        buyer_id=buyer_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    buyer_id: str,
    *,
    client: AuthenticatedClient,
    body: SignalIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BuyerStatusOut | Problem]:
    """Report a signal on a buyer

     An insurer or the operator reports what it learnt (`insolvency`, `payment_default`, a rating change,
    a `bureau_score`); the buyer's marketplace-wide status moves by the monitoring table and feeds every
    tenant's next score. A status change sends `buyer.alert` to each platform or seller with a cover in
    force on the buyer and to their insurers; `stop` and `insolvent` refuse new cover; an insolvency
    opens an insolvency claim on every paid cover on the buyer. **Who**: an insurer or the operator.

    Args:
        buyer_id (str): A buyer id (buy_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (SignalIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuyerStatusOut | Problem]
    """

    kwargs = _get_kwargs(
        buyer_id=buyer_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    buyer_id: str,
    *,
    client: AuthenticatedClient,
    body: SignalIn,
    idempotency_key: None | str | Unset = UNSET,
) -> BuyerStatusOut | Problem | None:
    """Report a signal on a buyer

     An insurer or the operator reports what it learnt (`insolvency`, `payment_default`, a rating change,
    a `bureau_score`); the buyer's marketplace-wide status moves by the monitoring table and feeds every
    tenant's next score. A status change sends `buyer.alert` to each platform or seller with a cover in
    force on the buyer and to their insurers; `stop` and `insolvent` refuse new cover; an insolvency
    opens an insolvency claim on every paid cover on the buyer. **Who**: an insurer or the operator.

    Args:
        buyer_id (str): A buyer id (buy_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (SignalIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuyerStatusOut | Problem
    """

    return (
        await asyncio_detailed(
            buyer_id=buyer_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
