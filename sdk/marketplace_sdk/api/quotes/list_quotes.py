from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_quotes_status import ListQuotesStatus
from ...models.problem import Problem
from ...models.quote_list import QuoteList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    status: ListQuotesStatus | None | Unset = UNSET,
    buyer: None | str | Unset = UNSET,
    invoice_number: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_starting_after: None | str | Unset
    if isinstance(starting_after, Unset):
        json_starting_after = UNSET
    else:
        json_starting_after = starting_after
    params["starting_after"] = json_starting_after

    json_ending_before: None | str | Unset
    if isinstance(ending_before, Unset):
        json_ending_before = UNSET
    else:
        json_ending_before = ending_before
    params["ending_before"] = json_ending_before

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListQuotesStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_buyer: None | str | Unset
    if isinstance(buyer, Unset):
        json_buyer = UNSET
    else:
        json_buyer = buyer
    params["buyer"] = json_buyer

    json_invoice_number: None | str | Unset
    if isinstance(invoice_number, Unset):
        json_invoice_number = UNSET
    else:
        json_invoice_number = invoice_number
    params["invoice_number"] = json_invoice_number

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/quotes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | QuoteList | None:
    if response.status_code == 200:
        response_200 = QuoteList.from_dict(response.json())

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
) -> Response[Problem | QuoteList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    status: ListQuotesStatus | None | Unset = UNSET,
    buyer: None | str | Unset = UNSET,
    invoice_number: None | str | Unset = UNSET,
) -> Response[Problem | QuoteList]:
    """List quotes

     The caller's quotes, newest first: a platform's own, and for a seller also those its platform made
    for it. Filter by `status`, `buyer`, `invoice_number` and `metadata[key]=value`. An unbound quote
    past `expires_at` reads `expired`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        status (ListQuotesStatus | None | Unset): Only quotes in this status
        buyer (None | str | Unset): Only quotes for this buyer
        invoice_number (None | str | Unset): Only those on this invoice number, compared as people
            mean it (case, spaces, dashes, full-width digits and invisible characters aside)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuoteList]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
        status=status,
        buyer=buyer,
        invoice_number=invoice_number,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    status: ListQuotesStatus | None | Unset = UNSET,
    buyer: None | str | Unset = UNSET,
    invoice_number: None | str | Unset = UNSET,
) -> Problem | QuoteList | None:
    """List quotes

     The caller's quotes, newest first: a platform's own, and for a seller also those its platform made
    for it. Filter by `status`, `buyer`, `invoice_number` and `metadata[key]=value`. An unbound quote
    past `expires_at` reads `expired`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        status (ListQuotesStatus | None | Unset): Only quotes in this status
        buyer (None | str | Unset): Only quotes for this buyer
        invoice_number (None | str | Unset): Only those on this invoice number, compared as people
            mean it (case, spaces, dashes, full-width digits and invisible characters aside)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuoteList
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
        status=status,
        buyer=buyer,
        invoice_number=invoice_number,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    status: ListQuotesStatus | None | Unset = UNSET,
    buyer: None | str | Unset = UNSET,
    invoice_number: None | str | Unset = UNSET,
) -> Response[Problem | QuoteList]:
    """List quotes

     The caller's quotes, newest first: a platform's own, and for a seller also those its platform made
    for it. Filter by `status`, `buyer`, `invoice_number` and `metadata[key]=value`. An unbound quote
    past `expires_at` reads `expired`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        status (ListQuotesStatus | None | Unset): Only quotes in this status
        buyer (None | str | Unset): Only quotes for this buyer
        invoice_number (None | str | Unset): Only those on this invoice number, compared as people
            mean it (case, spaces, dashes, full-width digits and invisible characters aside)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuoteList]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
        status=status,
        buyer=buyer,
        invoice_number=invoice_number,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    status: ListQuotesStatus | None | Unset = UNSET,
    buyer: None | str | Unset = UNSET,
    invoice_number: None | str | Unset = UNSET,
) -> Problem | QuoteList | None:
    """List quotes

     The caller's quotes, newest first: a platform's own, and for a seller also those its platform made
    for it. Filter by `status`, `buyer`, `invoice_number` and `metadata[key]=value`. An unbound quote
    past `expires_at` reads `expired`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        status (ListQuotesStatus | None | Unset): Only quotes in this status
        buyer (None | str | Unset): Only quotes for this buyer
        invoice_number (None | str | Unset): Only those on this invoice number, compared as people
            mean it (case, spaces, dashes, full-width digits and invisible characters aside)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuoteList
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            ending_before=ending_before,
            status=status,
            buyer=buyer,
            invoice_number=invoice_number,
        )
    ).parsed
