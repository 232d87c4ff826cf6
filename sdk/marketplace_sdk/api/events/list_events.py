import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_list import EventList
from ...models.list_events_type import ListEventsType
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    type_: ListEventsType | None | Unset = UNSET,
    object_: None | str | Unset = UNSET,
    createdgte: datetime.datetime | None | Unset = UNSET,
    createdlt: datetime.datetime | None | Unset = UNSET,
    delivery_success: bool | None | Unset = UNSET,
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

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, ListEventsType):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_object_: None | str | Unset
    if isinstance(object_, Unset):
        json_object_ = UNSET
    else:
        json_object_ = object_
    params["object"] = json_object_

    json_createdgte: None | str | Unset
    if isinstance(createdgte, Unset):
        json_createdgte = UNSET
    elif isinstance(createdgte, datetime.datetime):
        json_createdgte = createdgte.isoformat()
    else:
        json_createdgte = createdgte
    params["created[gte]"] = json_createdgte

    json_createdlt: None | str | Unset
    if isinstance(createdlt, Unset):
        json_createdlt = UNSET
    elif isinstance(createdlt, datetime.datetime):
        json_createdlt = createdlt.isoformat()
    else:
        json_createdlt = createdlt
    params["created[lt]"] = json_createdlt

    json_delivery_success: bool | None | Unset
    if isinstance(delivery_success, Unset):
        json_delivery_success = UNSET
    else:
        json_delivery_success = delivery_success
    params["delivery_success"] = json_delivery_success

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EventList | Problem | None:
    if response.status_code == 200:
        response_200 = EventList.from_dict(response.json())

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
) -> Response[EventList | Problem]:
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
    type_: ListEventsType | None | Unset = UNSET,
    object_: None | str | Unset = UNSET,
    createdgte: datetime.datetime | None | Unset = UNSET,
    createdlt: datetime.datetime | None | Unset = UNSET,
    delivery_success: bool | None | Unset = UNSET,
) -> Response[EventList | Problem]:
    """List events

     The events of the key's mode the caller may see, newest first (kept 30 days): a platform's also
    cover its sellers', an insurer's those of covers on its products, the operator's every account's.
    Filter by `type`, `object`, `created[gte]` / `created[lt]` and `delivery_success`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        type_ (ListEventsType | None | Unset): Only events of this type (`cover.activated`,
            `cover.*`)
        object_ (None | str | Unset): Only events about this object (cov_…)
        createdgte (datetime.datetime | None | Unset): Only events created at or after this
            instant
        createdlt (datetime.datetime | None | Unset): Only events created before this instant
        delivery_success (bool | None | Unset): `false`: only events that one of your endpoints
            has not taken (a delivery failed, or is still pending after an attempt); `true`: only
            events all your endpoints took

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventList | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
        type_=type_,
        object_=object_,
        createdgte=createdgte,
        createdlt=createdlt,
        delivery_success=delivery_success,
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
    type_: ListEventsType | None | Unset = UNSET,
    object_: None | str | Unset = UNSET,
    createdgte: datetime.datetime | None | Unset = UNSET,
    createdlt: datetime.datetime | None | Unset = UNSET,
    delivery_success: bool | None | Unset = UNSET,
) -> EventList | Problem | None:
    """List events

     The events of the key's mode the caller may see, newest first (kept 30 days): a platform's also
    cover its sellers', an insurer's those of covers on its products, the operator's every account's.
    Filter by `type`, `object`, `created[gte]` / `created[lt]` and `delivery_success`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        type_ (ListEventsType | None | Unset): Only events of this type (`cover.activated`,
            `cover.*`)
        object_ (None | str | Unset): Only events about this object (cov_…)
        createdgte (datetime.datetime | None | Unset): Only events created at or after this
            instant
        createdlt (datetime.datetime | None | Unset): Only events created before this instant
        delivery_success (bool | None | Unset): `false`: only events that one of your endpoints
            has not taken (a delivery failed, or is still pending after an attempt); `true`: only
            events all your endpoints took

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventList | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
        type_=type_,
        object_=object_,
        createdgte=createdgte,
        createdlt=createdlt,
        delivery_success=delivery_success,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    type_: ListEventsType | None | Unset = UNSET,
    object_: None | str | Unset = UNSET,
    createdgte: datetime.datetime | None | Unset = UNSET,
    createdlt: datetime.datetime | None | Unset = UNSET,
    delivery_success: bool | None | Unset = UNSET,
) -> Response[EventList | Problem]:
    """List events

     The events of the key's mode the caller may see, newest first (kept 30 days): a platform's also
    cover its sellers', an insurer's those of covers on its products, the operator's every account's.
    Filter by `type`, `object`, `created[gte]` / `created[lt]` and `delivery_success`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        type_ (ListEventsType | None | Unset): Only events of this type (`cover.activated`,
            `cover.*`)
        object_ (None | str | Unset): Only events about this object (cov_…)
        createdgte (datetime.datetime | None | Unset): Only events created at or after this
            instant
        createdlt (datetime.datetime | None | Unset): Only events created before this instant
        delivery_success (bool | None | Unset): `false`: only events that one of your endpoints
            has not taken (a delivery failed, or is still pending after an attempt); `true`: only
            events all your endpoints took

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventList | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
        type_=type_,
        object_=object_,
        createdgte=createdgte,
        createdlt=createdlt,
        delivery_success=delivery_success,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,
    type_: ListEventsType | None | Unset = UNSET,
    object_: None | str | Unset = UNSET,
    createdgte: datetime.datetime | None | Unset = UNSET,
    createdlt: datetime.datetime | None | Unset = UNSET,
    delivery_success: bool | None | Unset = UNSET,
) -> EventList | Problem | None:
    """List events

     The events of the key's mode the caller may see, newest first (kept 30 days): a platform's also
    cover its sellers', an insurer's those of covers on its products, the operator's every account's.
    Filter by `type`, `object`, `created[gte]` / `created[lt]` and `delivery_success`. Changes nothing.

    Args:
        limit (int | Unset): How many objects to return (1-100). Default: 10.
        starting_after (None | str | Unset): Return the objects created before this id (next
            page).
        ending_before (None | str | Unset): Return the objects created after this id (previous
            page).
        type_ (ListEventsType | None | Unset): Only events of this type (`cover.activated`,
            `cover.*`)
        object_ (None | str | Unset): Only events about this object (cov_…)
        createdgte (datetime.datetime | None | Unset): Only events created at or after this
            instant
        createdlt (datetime.datetime | None | Unset): Only events created before this instant
        delivery_success (bool | None | Unset): `false`: only events that one of your endpoints
            has not taken (a delivery failed, or is still pending after an attempt); `true`: only
            events all your endpoints took

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            ending_before=ending_before,
            type_=type_,
            object_=object_,
            createdgte=createdgte,
            createdlt=createdlt,
            delivery_success=delivery_success,
        )
    ).parsed
