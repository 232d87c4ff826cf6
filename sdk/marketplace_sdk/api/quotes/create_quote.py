from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.quote_create import QuoteCreate
from ...models.quote_out import QuoteOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: QuoteCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/quotes",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | QuoteOut | None:
    if response.status_code == 201:
        response_201 = QuoteOut.from_dict(response.json())

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
) -> Response[Problem | QuoteOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: QuoteCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | QuoteOut]:
    """Quote an invoice

     Prices one invoice with every insurer product on the marketplace, in milliseconds, inside your
    checkout. The buyer is scored by the risk model on the facts you send (kept for your quotes only);
    each product whose appetite takes the risk makes an offer (insured amount, premium, terms), sorted
    by premium, and each other product a decline with its reasons and, where it can, a counter-offer. A
    quote where no product takes the risk is `declined`: a result, not an error.

    **Who**: a platform (naming the connected `seller` the quote is for) or a seller. No money moves and
    no event is sent: the quote is stored, with the feature vector scored and the product versions used,
    until `expires_at`. Bind an offer with `POST /v1/covers`.

    Args:
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (QuoteCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuoteOut]
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
    body: QuoteCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | QuoteOut | None:
    """Quote an invoice

     Prices one invoice with every insurer product on the marketplace, in milliseconds, inside your
    checkout. The buyer is scored by the risk model on the facts you send (kept for your quotes only);
    each product whose appetite takes the risk makes an offer (insured amount, premium, terms), sorted
    by premium, and each other product a decline with its reasons and, where it can, a counter-offer. A
    quote where no product takes the risk is `declined`: a result, not an error.

    **Who**: a platform (naming the connected `seller` the quote is for) or a seller. No money moves and
    no event is sent: the quote is stored, with the feature vector scored and the product versions used,
    until `expires_at`. Bind an offer with `POST /v1/covers`.

    Args:
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (QuoteCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuoteOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: QuoteCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | QuoteOut]:
    """Quote an invoice

     Prices one invoice with every insurer product on the marketplace, in milliseconds, inside your
    checkout. The buyer is scored by the risk model on the facts you send (kept for your quotes only);
    each product whose appetite takes the risk makes an offer (insured amount, premium, terms), sorted
    by premium, and each other product a decline with its reasons and, where it can, a counter-offer. A
    quote where no product takes the risk is `declined`: a result, not an error.

    **Who**: a platform (naming the connected `seller` the quote is for) or a seller. No money moves and
    no event is sent: the quote is stored, with the feature vector scored and the product versions used,
    until `expires_at`. Bind an offer with `POST /v1/covers`.

    Args:
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (QuoteCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuoteOut]
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
    body: QuoteCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | QuoteOut | None:
    """Quote an invoice

     Prices one invoice with every insurer product on the marketplace, in milliseconds, inside your
    checkout. The buyer is scored by the risk model on the facts you send (kept for your quotes only);
    each product whose appetite takes the risk makes an offer (insured amount, premium, terms), sorted
    by premium, and each other product a decline with its reasons and, where it can, a counter-offer. A
    quote where no product takes the risk is `declined`: a result, not an error.

    **Who**: a platform (naming the connected `seller` the quote is for) or a seller. No money moves and
    no event is sent: the quote is stored, with the feature vector scored and the product versions used,
    until `expires_at`. Bind an offer with `POST /v1/covers`.

    Args:
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (QuoteCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuoteOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
