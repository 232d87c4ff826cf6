"""The errors a ``Marketplace`` call raises: one class per kind of failure, each carrying the
API's problem (``status``, ``code``, ``param``, ``detail``, ``errors``, ``request_id``).

    try:
        mk.quotes.create(...)
    except InvalidRequestError as error:
        print(error.code, error.param, [field.param for field in error.errors])
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from marketplace_sdk.models import FieldError

IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use"


class MarketplaceError(Exception):
    """Base of every error the SDK raises."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        param: str | None = None,
        detail: str | None = None,
        request_id: str | None = None,
        errors: Sequence[FieldError] = (),
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        idempotency_key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        """The HTTP status; None when no answer arrived."""
        self.code = code
        """The problem's stable code (``validation_error``, ``quote_expired``, …)."""
        self.param = param
        """The field at fault (``invoice.amount``), when one is."""
        self.detail = detail
        """The problem's sentence."""
        self.request_id = request_id
        """The ``Request-Id`` to quote when asking about this request."""
        self.errors = list(errors)
        """Every bad field (``param``, ``message``) when the API lists them, else empty."""
        self.headers: Mapping[str, str] = headers or {}
        self.body = body
        """The problem+json body as sent (a dict), or None."""
        self.idempotency_key = idempotency_key
        """The key the POST was sent with: send the same call again with it to resume safely."""

    @property
    def should_retry(self) -> bool:
        """Whether sending the same request again may succeed: 429, 5xx, and 409
        ``idempotency_key_in_use`` (the first request with that key is still running)."""
        if self.status is None:
            return False
        in_use = self.status == httpx.codes.CONFLICT and self.code == IDEMPOTENCY_KEY_IN_USE
        return in_use or self.status == httpx.codes.TOO_MANY_REQUESTS or self.status >= 500


class InvalidRequestError(MarketplaceError):
    """400, 413, 415 and 422: the request is malformed or breaks a rule; ``param`` and
    ``errors`` name the fields. Sending it again unchanged fails the same way."""


class AuthenticationError(MarketplaceError):
    """401: the API key is missing, unknown or revoked."""


class PermissionError(MarketplaceError):  # the API's own name for a 403, shadowing the builtin
    """403: the key may not do this (its role or its mode)."""


class NotFoundError(MarketplaceError):
    """404: no such object for this key (another tenant's object is a 404 too)."""


class ConflictError(MarketplaceError):
    """409: the object's state refuses the action (``quote_expired``, ``claim_closed``, …)."""


class RateLimitError(MarketplaceError):
    """429: too many requests; retried after the ``Retry-After`` the API asks for."""


class APIError(MarketplaceError):
    """5xx, or an answer the SDK did not expect."""


class APIConnectionError(MarketplaceError):
    """No answer: the connection failed, was cut, or timed out."""

    def __init__(self, message: str, *, retryable: bool, idempotency_key: str | None) -> None:
        super().__init__(message, idempotency_key=idempotency_key)
        self._retryable = retryable

    @property
    def should_retry(self) -> bool:
        return self._retryable


_BY_STATUS: dict[int, type[MarketplaceError]] = {
    400: InvalidRequestError,
    401: AuthenticationError,
    403: PermissionError,
    404: NotFoundError,
    409: ConflictError,
    413: InvalidRequestError,
    415: InvalidRequestError,
    422: InvalidRequestError,
    429: RateLimitError,
}


def error_class(status: int) -> type[MarketplaceError]:
    """The exception class for an HTTP error status."""
    return _BY_STATUS.get(status, APIError)


def _problem(response: httpx.Response) -> dict[str, Any]:
    try:
        body = json.loads(response.content)
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _field_errors(value: object) -> list[FieldError]:
    if not isinstance(value, list):
        return []
    fields = []
    for item in value:
        if not isinstance(item, dict):
            continue  # not a field error: a proxy's or another server's answer
        try:
            fields.append(FieldError.from_dict(item))
        except (KeyError, TypeError, AttributeError, ValueError):
            continue
    return fields


def error_from_response(response: httpx.Response, idempotency_key: str | None) -> MarketplaceError:
    """The exception for an answer that is not a success, read from its problem+json."""
    problem = _problem(response)
    status = response.status_code
    code, detail = _text(problem.get("code")), _text(problem.get("detail"))
    param = _text(problem.get("param"))
    request_id = _text(problem.get("request_id")) or response.headers.get("request-id")
    summary = detail or _text(problem.get("title")) or response.reason_phrase or "no detail"
    where = f" (param: {param})" if param else ""
    message = f"{status} {code or 'error'}: {summary}{where} [request {request_id or 'unknown'}]"
    return error_class(status)(
        message,
        status=status,
        code=code,
        param=param,
        detail=detail,
        request_id=request_id,
        errors=_field_errors(problem.get("errors")),
        headers=response.headers,
        body=problem or None,
        idempotency_key=idempotency_key,
    )
