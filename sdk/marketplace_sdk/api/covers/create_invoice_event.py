from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.invoice_event_create import InvoiceEventCreate
from ...models.invoice_event_out import InvoiceEventOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    cover_id: str,
    *,
    body: InvoiceEventCreate,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/covers/{cover_id}/invoice_events".format(
            cover_id=quote(str(cover_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InvoiceEventOut | Problem | None:
    if response.status_code == 201:
        response_201 = InvoiceEventOut.from_dict(response.json())

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
) -> Response[InvoiceEventOut | Problem]:
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
    body: InvoiceEventCreate,
    idempotency_key: str,
) -> Response[InvoiceEventOut | Problem]:
    """Report what happened to the invoice

     The platform or seller of a paid cover reports the invoice's life, and the marketplace runs the rest
    by the date. `invoice.paid`: the buyer paid `amount` (payments add up; the cover's exposure shrinks
    to the cover ratio of what is still owed; nothing owed: `settled`; after a claim opened it is a
    recovery, shared with the insurer after approval). `invoice.overdue`: the declaration, from the day
    after the due date until `deadlines.overdue_declaration_by`; the waiting period counts from it.
    `invoice.disputed` / `invoice.dispute_resolved`: no claim opens during a dispute, an open claim is
    held. `invoice.credit_note`: reduces what is owed (and the indemnity).

    An `Idempotency-Key` is required: a retried report is never counted twice. Emits `cover.*` and
    `claim.*` events as the cover and its claim move.

    Args:
        cover_id (str): A cover id (cov_…)
        idempotency_key (str): Required: the request changes money owed, and a retry must never
            count twice. The first successful result is kept for 24 hours and replayed for the same
            key (with `Idempotent-Replayed: true`).
        body (InvoiceEventCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceEventOut | Problem]
    """

    kwargs = _get_kwargs(
        cover_id=cover_id,
        body=body,
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
    body: InvoiceEventCreate,
    idempotency_key: str,
) -> InvoiceEventOut | Problem | None:
    """Report what happened to the invoice

     The platform or seller of a paid cover reports the invoice's life, and the marketplace runs the rest
    by the date. `invoice.paid`: the buyer paid `amount` (payments add up; the cover's exposure shrinks
    to the cover ratio of what is still owed; nothing owed: `settled`; after a claim opened it is a
    recovery, shared with the insurer after approval). `invoice.overdue`: the declaration, from the day
    after the due date until `deadlines.overdue_declaration_by`; the waiting period counts from it.
    `invoice.disputed` / `invoice.dispute_resolved`: no claim opens during a dispute, an open claim is
    held. `invoice.credit_note`: reduces what is owed (and the indemnity).

    An `Idempotency-Key` is required: a retried report is never counted twice. Emits `cover.*` and
    `claim.*` events as the cover and its claim move.

    Args:
        cover_id (str): A cover id (cov_…)
        idempotency_key (str): Required: the request changes money owed, and a retry must never
            count twice. The first successful result is kept for 24 hours and replayed for the same
            key (with `Idempotent-Replayed: true`).
        body (InvoiceEventCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceEventOut | Problem
    """

    return sync_detailed(
        cover_id=cover_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    cover_id: str,
    *,
    client: AuthenticatedClient,
    body: InvoiceEventCreate,
    idempotency_key: str,
) -> Response[InvoiceEventOut | Problem]:
    """Report what happened to the invoice

     The platform or seller of a paid cover reports the invoice's life, and the marketplace runs the rest
    by the date. `invoice.paid`: the buyer paid `amount` (payments add up; the cover's exposure shrinks
    to the cover ratio of what is still owed; nothing owed: `settled`; after a claim opened it is a
    recovery, shared with the insurer after approval). `invoice.overdue`: the declaration, from the day
    after the due date until `deadlines.overdue_declaration_by`; the waiting period counts from it.
    `invoice.disputed` / `invoice.dispute_resolved`: no claim opens during a dispute, an open claim is
    held. `invoice.credit_note`: reduces what is owed (and the indemnity).

    An `Idempotency-Key` is required: a retried report is never counted twice. Emits `cover.*` and
    `claim.*` events as the cover and its claim move.

    Args:
        cover_id (str): A cover id (cov_…)
        idempotency_key (str): Required: the request changes money owed, and a retry must never
            count twice. The first successful result is kept for 24 hours and replayed for the same
            key (with `Idempotent-Replayed: true`).
        body (InvoiceEventCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceEventOut | Problem]
    """

    kwargs = _get_kwargs(
        cover_id=cover_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    cover_id: str,
    *,
    client: AuthenticatedClient,
    body: InvoiceEventCreate,
    idempotency_key: str,
) -> InvoiceEventOut | Problem | None:
    """Report what happened to the invoice

     The platform or seller of a paid cover reports the invoice's life, and the marketplace runs the rest
    by the date. `invoice.paid`: the buyer paid `amount` (payments add up; the cover's exposure shrinks
    to the cover ratio of what is still owed; nothing owed: `settled`; after a claim opened it is a
    recovery, shared with the insurer after approval). `invoice.overdue`: the declaration, from the day
    after the due date until `deadlines.overdue_declaration_by`; the waiting period counts from it.
    `invoice.disputed` / `invoice.dispute_resolved`: no claim opens during a dispute, an open claim is
    held. `invoice.credit_note`: reduces what is owed (and the indemnity).

    An `Idempotency-Key` is required: a retried report is never counted twice. Emits `cover.*` and
    `claim.*` events as the cover and its claim move.

    Args:
        cover_id (str): A cover id (cov_…)
        idempotency_key (str): Required: the request changes money owed, and a retry must never
            count twice. The first successful result is kept for 24 hours and replayed for the same
            key (with `Idempotent-Replayed: true`).
        body (InvoiceEventCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceEventOut | Problem
    """

    return (
        await asyncio_detailed(
            cover_id=cover_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
