from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.product_version_out import ProductVersionOut
from ...types import Response


def _get_kwargs(
    product_id: str,
    version: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/products/{product_id}/versions/{version}".format(
            product_id=quote(str(product_id), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProductVersionOut | None:
    if response.status_code == 200:
        response_200 = ProductVersionOut.from_dict(response.json())

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
) -> Response[Problem | ProductVersionOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    product_id: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ProductVersionOut]:
    """Retrieve one version of a product's terms

     The terms of one past or present version, as the quotes priced with it saw them (an offer's
    `product_version`). For the product's insurer or the operator. Changes nothing.

    Args:
        product_id (str): A product id (prod_…)
        version (int): A version number (1 to 2147483647)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProductVersionOut]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    product_id: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Problem | ProductVersionOut | None:
    """Retrieve one version of a product's terms

     The terms of one past or present version, as the quotes priced with it saw them (an offer's
    `product_version`). For the product's insurer or the operator. Changes nothing.

    Args:
        product_id (str): A product id (prod_…)
        version (int): A version number (1 to 2147483647)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProductVersionOut
    """

    return sync_detailed(
        product_id=product_id,
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    product_id: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ProductVersionOut]:
    """Retrieve one version of a product's terms

     The terms of one past or present version, as the quotes priced with it saw them (an offer's
    `product_version`). For the product's insurer or the operator. Changes nothing.

    Args:
        product_id (str): A product id (prod_…)
        version (int): A version number (1 to 2147483647)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProductVersionOut]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    product_id: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Problem | ProductVersionOut | None:
    """Retrieve one version of a product's terms

     The terms of one past or present version, as the quotes priced with it saw them (an offer's
    `product_version`). For the product's insurer or the operator. Changes nothing.

    Args:
        product_id (str): A product id (prod_…)
        version (int): A version number (1 to 2147483647)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProductVersionOut
    """

    return (
        await asyncio_detailed(
            product_id=product_id,
            version=version,
            client=client,
        )
    ).parsed
