from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.buyer_out import BuyerOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    buyer_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/buyers/{buyer_id}".format(
            buyer_id=quote(str(buyer_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BuyerOut | Problem | None:
    if response.status_code == 200:
        response_200 = BuyerOut.from_dict(response.json())

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
) -> Response[BuyerOut | Problem]:
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
) -> Response[BuyerOut | Problem]:
    """Retrieve a buyer

     A buyer as the caller sees it: its identity and monitoring status (shared by the marketplace), the
    facts and latest score of the caller's own quotes, and per product and currency its capacity, the
    exposure the caller may see and what can still be insured. For the platforms and sellers that quoted
    it, the insurers with a cover on it (their own products only) and the operator (every account's
    facts in `fact_sets`); anyone else gets a 404. Changes nothing.

    Args:
        buyer_id (str): A buyer id (buy_…)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuyerOut | Problem]
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
) -> BuyerOut | Problem | None:
    """Retrieve a buyer

     A buyer as the caller sees it: its identity and monitoring status (shared by the marketplace), the
    facts and latest score of the caller's own quotes, and per product and currency its capacity, the
    exposure the caller may see and what can still be insured. For the platforms and sellers that quoted
    it, the insurers with a cover on it (their own products only) and the operator (every account's
    facts in `fact_sets`); anyone else gets a 404. Changes nothing.

    Args:
        buyer_id (str): A buyer id (buy_…)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuyerOut | Problem
    """

    return sync_detailed(
        buyer_id=buyer_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    buyer_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BuyerOut | Problem]:
    """Retrieve a buyer

     A buyer as the caller sees it: its identity and monitoring status (shared by the marketplace), the
    facts and latest score of the caller's own quotes, and per product and currency its capacity, the
    exposure the caller may see and what can still be insured. For the platforms and sellers that quoted
    it, the insurers with a cover on it (their own products only) and the operator (every account's
    facts in `fact_sets`); anyone else gets a 404. Changes nothing.

    Args:
        buyer_id (str): A buyer id (buy_…)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuyerOut | Problem]
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
) -> BuyerOut | Problem | None:
    """Retrieve a buyer

     A buyer as the caller sees it: its identity and monitoring status (shared by the marketplace), the
    facts and latest score of the caller's own quotes, and per product and currency its capacity, the
    exposure the caller may see and what can still be insured. For the platforms and sellers that quoted
    it, the insurers with a cover on it (their own products only) and the operator (every account's
    facts in `fact_sets`); anyone else gets a 404. Changes nothing.

    Args:
        buyer_id (str): A buyer id (buy_…)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuyerOut | Problem
    """

    return (
        await asyncio_detailed(
            buyer_id=buyer_id,
            client=client,
        )
    ).parsed
