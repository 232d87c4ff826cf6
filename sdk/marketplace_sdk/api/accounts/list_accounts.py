from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_list import AccountList
from ...models.list_accounts_role import ListAccountsRole
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    role: ListAccountsRole | None | Unset = UNSET,
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

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, ListAccountsRole):
        json_role = role.value
    else:
        json_role = role
    params["role"] = json_role

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/accounts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountList | Problem | None:
    if response.status_code == 200:
        response_200 = AccountList.from_dict(response.json())

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
) -> Response[AccountList | Problem]:
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
    role: ListAccountsRole | None | Unset = UNSET,
) -> Response[AccountList | Problem]:
    """List accounts

     Every account for the operator; a platform's connected sellers for a platform. Newest first,
    filtered by `role`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        role (ListAccountsRole | None | Unset): Only accounts of this role

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountList | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
        role=role,
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
    role: ListAccountsRole | None | Unset = UNSET,
) -> AccountList | Problem | None:
    """List accounts

     Every account for the operator; a platform's connected sellers for a platform. Newest first,
    filtered by `role`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        role (ListAccountsRole | None | Unset): Only accounts of this role

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountList | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
        role=role,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    role: ListAccountsRole | None | Unset = UNSET,
) -> Response[AccountList | Problem]:
    """List accounts

     Every account for the operator; a platform's connected sellers for a platform. Newest first,
    filtered by `role`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        role (ListAccountsRole | None | Unset): Only accounts of this role

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountList | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
        role=role,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    role: ListAccountsRole | None | Unset = UNSET,
) -> AccountList | Problem | None:
    """List accounts

     Every account for the operator; a platform's connected sellers for a platform. Newest first,
    filtered by `role`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        role (ListAccountsRole | None | Unset): Only accounts of this role

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            ending_before=ending_before,
            role=role,
        )
    ).parsed
