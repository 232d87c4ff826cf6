from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim_list import ClaimList
from ...models.list_claims_status import ListClaimsStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    cover: None | str | Unset = UNSET,
    status: ListClaimsStatus | None | Unset = UNSET,
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

    json_cover: None | str | Unset
    if isinstance(cover, Unset):
        json_cover = UNSET
    else:
        json_cover = cover
    params["cover"] = json_cover

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListClaimsStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/claims",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClaimList | Problem | None:
    if response.status_code == 200:
        response_200 = ClaimList.from_dict(response.json())

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
) -> Response[ClaimList | Problem]:
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
    cover: None | str | Unset = UNSET,
    status: ListClaimsStatus | None | Unset = UNSET,
) -> Response[ClaimList | Problem]:
    """List claims

     Claims on the caller's covers (platform, seller) or on its products (insurer), newest first; filter
    by `cover` and `status`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        cover (None | str | Unset): Only this cover's claim
        status (ListClaimsStatus | None | Unset): Only claims in this status

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimList | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
        cover=cover,
        status=status,
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
    cover: None | str | Unset = UNSET,
    status: ListClaimsStatus | None | Unset = UNSET,
) -> ClaimList | Problem | None:
    """List claims

     Claims on the caller's covers (platform, seller) or on its products (insurer), newest first; filter
    by `cover` and `status`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        cover (None | str | Unset): Only this cover's claim
        status (ListClaimsStatus | None | Unset): Only claims in this status

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimList | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
        cover=cover,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    cover: None | str | Unset = UNSET,
    status: ListClaimsStatus | None | Unset = UNSET,
) -> Response[ClaimList | Problem]:
    """List claims

     Claims on the caller's covers (platform, seller) or on its products (insurer), newest first; filter
    by `cover` and `status`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        cover (None | str | Unset): Only this cover's claim
        status (ListClaimsStatus | None | Unset): Only claims in this status

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimList | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
        cover=cover,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    cover: None | str | Unset = UNSET,
    status: ListClaimsStatus | None | Unset = UNSET,
) -> ClaimList | Problem | None:
    """List claims

     Claims on the caller's covers (platform, seller) or on its products (insurer), newest first; filter
    by `cover` and `status`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        cover (None | str | Unset): Only this cover's claim
        status (ListClaimsStatus | None | Unset): Only claims in this status

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            ending_before=ending_before,
            cover=cover,
            status=status,
        )
    ).parsed
