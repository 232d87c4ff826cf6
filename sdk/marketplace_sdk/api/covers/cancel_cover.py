from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cover_out import CoverOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    cover_id: str,
    *,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/covers/{cover_id}/cancel".format(
            cover_id=quote(str(cover_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoverOut | Problem | None:
    if response.status_code == 200:
        response_200 = CoverOut.from_dict(response.json())

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

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CoverOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    cover_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CoverOut | Problem]:
    """Cancel a cover and refund its premium

     Before the invoice's due date, by the platform or seller the cover was bound by or for. A cover
    still `pending_payment` is cancelled with its PaymentIntent (a premium paid meanwhile is refunded in
    full). An `active` cover is refunded through Stripe: in full within 14 days of activation, then pro
    rata to the days left until the due date (rounded down to the minor unit); the insured amount is
    released from the buyer's exposure.

    The answer is `cancelled`, or `cancelling` when Stripe's answer about the refund was lost: the same
    cancel again (or the upkeep job) finishes it after asking Stripe which refunds it made, so a premium
    is never refunded twice. If Stripe refuses the refund the cancellation is undone (502
    `refund_refused`). Emits `cover.cancelling` and `cover.cancelled`.

    Args:
        cover_id (str): A cover id (cov_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverOut | Problem]
    """

    kwargs = _get_kwargs(
        cover_id=cover_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    cover_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> CoverOut | Problem | None:
    """Cancel a cover and refund its premium

     Before the invoice's due date, by the platform or seller the cover was bound by or for. A cover
    still `pending_payment` is cancelled with its PaymentIntent (a premium paid meanwhile is refunded in
    full). An `active` cover is refunded through Stripe: in full within 14 days of activation, then pro
    rata to the days left until the due date (rounded down to the minor unit); the insured amount is
    released from the buyer's exposure.

    The answer is `cancelled`, or `cancelling` when Stripe's answer about the refund was lost: the same
    cancel again (or the upkeep job) finishes it after asking Stripe which refunds it made, so a premium
    is never refunded twice. If Stripe refuses the refund the cancellation is undone (502
    `refund_refused`). Emits `cover.cancelling` and `cover.cancelled`.

    Args:
        cover_id (str): A cover id (cov_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverOut | Problem
    """

    return sync_detailed(
        cover_id=cover_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    cover_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CoverOut | Problem]:
    """Cancel a cover and refund its premium

     Before the invoice's due date, by the platform or seller the cover was bound by or for. A cover
    still `pending_payment` is cancelled with its PaymentIntent (a premium paid meanwhile is refunded in
    full). An `active` cover is refunded through Stripe: in full within 14 days of activation, then pro
    rata to the days left until the due date (rounded down to the minor unit); the insured amount is
    released from the buyer's exposure.

    The answer is `cancelled`, or `cancelling` when Stripe's answer about the refund was lost: the same
    cancel again (or the upkeep job) finishes it after asking Stripe which refunds it made, so a premium
    is never refunded twice. If Stripe refuses the refund the cancellation is undone (502
    `refund_refused`). Emits `cover.cancelling` and `cover.cancelled`.

    Args:
        cover_id (str): A cover id (cov_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverOut | Problem]
    """

    kwargs = _get_kwargs(
        cover_id=cover_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    cover_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> CoverOut | Problem | None:
    """Cancel a cover and refund its premium

     Before the invoice's due date, by the platform or seller the cover was bound by or for. A cover
    still `pending_payment` is cancelled with its PaymentIntent (a premium paid meanwhile is refunded in
    full). An `active` cover is refunded through Stripe: in full within 14 days of activation, then pro
    rata to the days left until the due date (rounded down to the minor unit); the insured amount is
    released from the buyer's exposure.

    The answer is `cancelled`, or `cancelling` when Stripe's answer about the refund was lost: the same
    cancel again (or the upkeep job) finishes it after asking Stripe which refunds it made, so a premium
    is never refunded twice. If Stripe refuses the refund the cancellation is undone (502
    `refund_refused`). Emits `cover.cancelling` and `cover.cancelled`.

    Args:
        cover_id (str): A cover id (cov_…)
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverOut | Problem
    """

    return (
        await asyncio_detailed(
            cover_id=cover_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
