from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.buyer_limit_list import BuyerLimitList
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    buyer_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/buyers/{buyer_id}/limits".format(
            buyer_id=quote(str(buyer_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BuyerLimitList | Problem | None:
    if response.status_code == 200:
        response_200 = BuyerLimitList.from_dict(response.json())

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
) -> Response[BuyerLimitList | Problem]:
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
) -> Response[BuyerLimitList | Problem]:
    """List the limits on a buyer

     An insurer's own limits on a buyer, or every insurer's for the operator; all of them in one answer
    (never paged). Changes nothing.

    Args:
        buyer_id (str): A buyer id (buy_…)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuyerLimitList | Problem]
    """

    kwargs = _get_kwargs(
        buyer_id=buyer_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    buyer_id: str,
    *,
    client: AuthenticatedClient,
) -> BuyerLimitList | Problem | None:
    """List the limits on a buyer

     An insurer's own limits on a buyer, or every insurer's for the operator; all of them in one answer
    (never paged). Changes nothing.

    Args:
        buyer_id (str): A buyer id (buy_…)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuyerLimitList | Problem
    """

    return sync_detailed(
        buyer_id=buyer_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    buyer_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BuyerLimitList | Problem]:
    """List the limits on a buyer

     An insurer's own limits on a buyer, or every insurer's for the operator; all of them in one answer
    (never paged). Changes nothing.

    Args:
        buyer_id (str): A buyer id (buy_…)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuyerLimitList | Problem]
    """

    kwargs = _get_kwargs(
        buyer_id=buyer_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    buyer_id: str,
    *,
    client: AuthenticatedClient,
) -> BuyerLimitList | Problem | None:
    """List the limits on a buyer

     An insurer's own limits on a buyer, or every insurer's for the operator; all of them in one answer
    (never paged). Changes nothing.

    Args:
        buyer_id (str): A buyer id (buy_…)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuyerLimitList | Problem
    """

    return (
        await asyncio_detailed(
            buyer_id=buyer_id,
            client=client,
        )
    ).parsed
