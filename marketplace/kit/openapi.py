"""The error responses each handler declares, so every error reaches OpenAPI and the SDK; and
the steps that finish the rendered document where no handler can speak (``add_document_step``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar.openapi.datastructures import ResponseSpec

from marketplace.errors import PROBLEM_MEDIA_TYPE, Problem

_DESCRIPTIONS = {
    400: "Malformed JSON or a bad request (`malformed_json`, `bad_request`)",
    401: (
        "Missing, unknown or revoked API key"
        " (`missing_api_key`, `invalid_api_key`, `api_key_revoked`)"
    ),
    403: "The key's account role may not do this (`insufficient_role`)",
    404: "No such object for this account (`resource_not_found`)",
    409: (
        "Conflicts with the object's state,"
        " or the idempotency key is in use (`idempotency_key_in_use`)"
    ),
    413: "The request body is over the size limit (`body_too_large`)",
    415: "The request body is not `application/json` (`unsupported_media_type`)",
    422: (
        "The request does not fit the schema (`validation_error`, with `param` and `errors`),"
        " breaks a domain rule (a code naming the rule), or reuses an idempotency key with"
        " another request (`idempotency_key_reused`)"
    ),
    500: "Internal error (`internal_error`); the request changed nothing",
    502: "The payment provider failed (`payment_provider_error`); nothing was charged, retry",
    503: (
        "The database cannot store right now: disk full, read-only or unreachable"
        " (`storage_unavailable`, with `Retry-After`; nothing changed, retry), or payments are"
        " not configured on this server (`payments_not_configured`)"
    ),
}

READ_ERRORS = (400, 401, 403, 404, 422, 500, 503)
WRITE_ERRORS = (400, 401, 403, 404, 409, 413, 415, 422, 500, 503)


def problem_responses(statuses: tuple[int, ...] = READ_ERRORS) -> dict[int, ResponseSpec]:
    """OpenAPI responses for ``statuses``, each a problem+json ``Problem``."""
    return {
        status: ResponseSpec(
            data_container=Problem,
            description=_DESCRIPTIONS[status],
            media_type=PROBLEM_MEDIA_TYPE,
            generate_examples=False,
        )
        for status in statuses
    }


DocumentStep = Callable[[dict[str, Any]], None]
_DOCUMENT_STEPS: dict[str, DocumentStep] = {}


def add_document_step(name: str, step: DocumentStep) -> None:
    """Have ``step`` finish, in place, every OpenAPI document the app renders (after its links):
    for what no handler can declare, such as the webhooks the API sends. A domain registers its
    step when its controllers are imported; registering ``name`` again replaces the step."""
    _DOCUMENT_STEPS[name] = step


def finish_document(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (an OpenAPI dict) after every registered step, in registration order."""
    for step in _DOCUMENT_STEPS.values():
        step(document)
    return document
