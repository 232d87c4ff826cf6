from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cover_create import CoverCreate
from ...models.cover_out import CoverOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CoverCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/covers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoverOut | Problem | None:
    if response.status_code == 201:
        response_201 = CoverOut.from_dict(response.json())

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
    *,
    client: AuthenticatedClient,
    body: CoverCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CoverOut | Problem]:
    """Bind an offer: buy the cover

     Binds one offer of a quote. The quote is checked again (not expired, not bound already, the offer
    its own), then the product (still active), the buyer (not stopped) and the invoice (no other cover
    in force on it); the insured amount is reserved on the buyer's capacity for the product, and the
    cover is created in `pending_payment` with a Stripe PaymentIntent for the premium.

    With `payment_method` the premium is charged at once: the answer is `active` (certificate number,
    cover period and deadlines set) or `payment_failed` (a declined card: the capacity is given back and
    the quote can be bound again). Without it the answer carries `payment.client_secret` for Stripe.js,
    and the cover turns `active` when Stripe reports the payment. Sent again after a 502
    `payment_outcome_unknown`, or later with a `payment_method`, the same bind resumes the same cover
    and PaymentIntent: a premium is never charged twice.

    **Who**: the platform that asked for the quote, or a seller for its own quotes. Emits
    `cover.created`, then `cover.activated` or `cover.payment_failed`.

    Args:
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (CoverCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverOut | Problem]
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
    body: CoverCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> CoverOut | Problem | None:
    """Bind an offer: buy the cover

     Binds one offer of a quote. The quote is checked again (not expired, not bound already, the offer
    its own), then the product (still active), the buyer (not stopped) and the invoice (no other cover
    in force on it); the insured amount is reserved on the buyer's capacity for the product, and the
    cover is created in `pending_payment` with a Stripe PaymentIntent for the premium.

    With `payment_method` the premium is charged at once: the answer is `active` (certificate number,
    cover period and deadlines set) or `payment_failed` (a declined card: the capacity is given back and
    the quote can be bound again). Without it the answer carries `payment.client_secret` for Stripe.js,
    and the cover turns `active` when Stripe reports the payment. Sent again after a 502
    `payment_outcome_unknown`, or later with a `payment_method`, the same bind resumes the same cover
    and PaymentIntent: a premium is never charged twice.

    **Who**: the platform that asked for the quote, or a seller for its own quotes. Emits
    `cover.created`, then `cover.activated` or `cover.payment_failed`.

    Args:
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (CoverCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CoverCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CoverOut | Problem]:
    """Bind an offer: buy the cover

     Binds one offer of a quote. The quote is checked again (not expired, not bound already, the offer
    its own), then the product (still active), the buyer (not stopped) and the invoice (no other cover
    in force on it); the insured amount is reserved on the buyer's capacity for the product, and the
    cover is created in `pending_payment` with a Stripe PaymentIntent for the premium.

    With `payment_method` the premium is charged at once: the answer is `active` (certificate number,
    cover period and deadlines set) or `payment_failed` (a declined card: the capacity is given back and
    the quote can be bound again). Without it the answer carries `payment.client_secret` for Stripe.js,
    and the cover turns `active` when Stripe reports the payment. Sent again after a 502
    `payment_outcome_unknown`, or later with a `payment_method`, the same bind resumes the same cover
    and PaymentIntent: a premium is never charged twice.

    **Who**: the platform that asked for the quote, or a seller for its own quotes. Emits
    `cover.created`, then `cover.activated` or `cover.payment_failed`.

    Args:
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (CoverCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverOut | Problem]
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
    body: CoverCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> CoverOut | Problem | None:
    """Bind an offer: buy the cover

     Binds one offer of a quote. The quote is checked again (not expired, not bound already, the offer
    its own), then the product (still active), the buyer (not stopped) and the invoice (no other cover
    in force on it); the insured amount is reserved on the buyer's capacity for the product, and the
    cover is created in `pending_payment` with a Stripe PaymentIntent for the premium.

    With `payment_method` the premium is charged at once: the answer is `active` (certificate number,
    cover period and deadlines set) or `payment_failed` (a declined card: the capacity is given back and
    the quote can be bound again). Without it the answer carries `payment.client_secret` for Stripe.js,
    and the cover turns `active` when Stripe reports the payment. Sent again after a 502
    `payment_outcome_unknown`, or later with a `payment_method`, the same bind resumes the same cover
    and PaymentIntent: a premium is never charged twice.

    **Who**: the platform that asked for the quote, or a seller for its own quotes. Emits
    `cover.created`, then `cover.activated` or `cover.payment_failed`.

    Args:
        idempotency_key (None | str | Unset): Makes the POST safe to retry: the first successful
            result is kept for 24 hours and replayed for the same key (with `Idempotent-Replayed:
            true`).
        body (CoverCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
