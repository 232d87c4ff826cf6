"""The error responses each handler declares, so every error reaches OpenAPI and the SDK; and
the steps that finish the rendered document where no handler can speak (``add_document_step``).

``problem_responses`` is the one place that builds error responses: per status, a problem+json
``Problem`` whose description lists every ``code`` the operation can answer with its meaning,
and one example per code (Redoc shows them in a drop-down; the SDK generator ignores them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import msgspec
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example

from marketplace.errors import (
    PROBLEM_MEDIA_TYPE,
    BodyIncomplete,
    BodyTooLarge,
    FieldError,
    Forbidden,
    InternalError,
    InvalidRequest,
    MalformedJson,
    MarketplaceError,
    Problem,
    ResourceNotFound,
    StorageUnavailable,
    Unauthenticated,
    UnsupportedMediaType,
    problem_type,
)


@dataclass(frozen=True, slots=True)
class ErrorCode:
    """One ``code`` an operation may answer: its HTTP status and what it means."""

    status: int
    code: str
    meaning: str

    @classmethod
    def of(cls, error: type[MarketplaceError]) -> ErrorCode:
        """The code an error class answers, its ``title`` as the meaning."""
        return cls(error.status_code, error.code, error.title)


Documented = type[MarketplaceError] | ErrorCode
"""What an operation names among its errors: an error class, or a code it cannot import."""

_LEADS = {
    400: "The request could not be read",
    401: "No valid API key",
    403: "The key may not do this",
    404: "No such object for this account (another tenant's objects are never shown)",
    409: "Conflicts with the object's state, or with a request still running",
    413: "The request body is too large",
    415: "The request body is not JSON",
    422: "The request does not fit the schema, or breaks a domain rule",
    500: "Internal error",
    502: "The payment provider failed or did not answer",
    503: "Not available right now: retry later",
}
"""The first line of each status's description, before its list of codes."""

_AUTH = (
    ErrorCode.of(Unauthenticated),
    ErrorCode(401, "invalid_api_key", "The API key is not one this API issued"),
    ErrorCode(401, "api_key_revoked", "The API key was revoked"),
)
_READ = (
    ErrorCode(400, "bad_request", "The request could not be read"),
    *_AUTH,
    ErrorCode.of(Forbidden),
    ErrorCode.of(ResourceNotFound),
    ErrorCode.of(InvalidRequest),
    ErrorCode.of(InternalError),
    ErrorCode.of(StorageUnavailable),
)
_WRITE = (
    ErrorCode.of(MalformedJson),
    ErrorCode.of(BodyIncomplete),
    ErrorCode(
        409,
        "idempotency_key_in_use",
        "A request with this Idempotency-Key is still running: retry once it has answered",
    ),
    ErrorCode.of(BodyTooLarge),
    ErrorCode.of(UnsupportedMediaType),
    ErrorCode(
        422,
        "idempotency_key_reused",
        "This Idempotency-Key was used with another request (method, path or body)",
    ),
)
GENERIC_CODES: tuple[ErrorCode, ...] = (*_READ, *_WRITE)
"""The codes any operation may answer whatever it does, by the statuses it declares."""

READ_ERRORS = (400, 401, 403, 404, 422, 500, 503)
WRITE_ERRORS = (400, 401, 403, 404, 409, 413, 415, 422, 500, 503)

_EXAMPLE_REQUEST_ID = "req_01kbz3q8m4r7t2v5x9c1d6f0gh"
_EXAMPLE_FIELD_ERROR = FieldError(
    param="invoice.amount", message="Expected `int`, got `str`", code="wrong_type"
)


def _codes(statuses: tuple[int, ...], errors: Iterable[Documented]) -> dict[int, list[ErrorCode]]:
    named = [e if isinstance(e, ErrorCode) else ErrorCode.of(e) for e in errors]
    writes = 415 in statuses
    generic = [c for c in GENERIC_CODES if c.status in statuses and (writes or c not in _WRITE)]
    by_status: dict[int, list[ErrorCode]] = {}
    for code in [*generic, *named]:
        listed = by_status.setdefault(code.status, [])
        if code.code not in {c.code for c in listed}:
            listed.append(code)
    missing = set(statuses) - by_status.keys()
    if missing:
        raise ValueError(f"problem_responses: no error code for status {sorted(missing)}")
    return dict(sorted(by_status.items()))


class _NamedExample(Example):
    """An example keyed by its ``id`` in the document, without the ``id`` field itself (the
    OpenAPI Example object has none)."""

    @property
    def _exclude_fields(self) -> set[str]:
        return {"id"}


def _example(code: ErrorCode) -> Example:
    """A problem answering ``code`` (a schema error names its field, as they all do)."""
    field = _EXAMPLE_FIELD_ERROR if code.code == InvalidRequest.code else None
    problem = Problem(
        type=problem_type(code.code),
        title=code.meaning,
        status=code.status,
        detail=f"{field.message} ({field.param})" if field else f"{code.meaning}.",
        code=code.code,
        request_id=_EXAMPLE_REQUEST_ID,
        param=field.param if field else None,
        errors=[field] if field else None,
    )
    return _NamedExample(id=code.code, summary=code.meaning, value=msgspec.to_builtins(problem))


def _description(status: int, codes: list[ErrorCode]) -> str:
    lines = "\n".join(f"- `{c.code}`: {c.meaning}" for c in codes)
    return f"{_LEADS.get(status, 'Error')}. The `code` says which:\n\n{lines}"


def problem_responses(
    statuses: tuple[int, ...] = READ_ERRORS, *, errors: Iterable[Documented] = ()
) -> dict[int, ResponseSpec]:
    """OpenAPI responses for ``statuses`` and for the statuses of ``errors`` (the domain errors
    the operation can answer), each a problem+json ``Problem`` listing its codes.

    The generic codes (authentication, body, idempotency, storage) come with the statuses:
    the write ones when ``statuses`` includes 415 (the operation takes a body or a POST).
    """
    return {
        status: ResponseSpec(
            data_container=Problem,
            description=_description(status, codes),
            media_type=PROBLEM_MEDIA_TYPE,
            generate_examples=False,
            examples=[_example(code) for code in codes],
        )
        for status, codes in _codes(statuses, errors).items()
    }


DocumentStep = Callable[[dict[str, Any]], None]
_DOCUMENT_STEPS: dict[str, tuple[int, DocumentStep]] = {}


def add_document_step(name: str, step: DocumentStep, *, order: int = 0) -> None:
    """Have ``step`` finish, in place, every OpenAPI document the app renders (after its links):
    for what no handler can declare, such as the webhooks the API sends. A domain registers its
    step when its controllers are imported; registering ``name`` again replaces the step.
    Steps run by ``order``, then in registration order (a later order sees earlier results)."""
    _DOCUMENT_STEPS[name] = (order, step)


def finish_document(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (an OpenAPI dict) after every registered step."""
    for _, step in sorted(_DOCUMENT_STEPS.values(), key=lambda entry: entry[0]):
        step(document)
    return document
