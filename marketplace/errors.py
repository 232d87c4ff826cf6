"""One error base class, the problem+json body (RFC 9457), and the handlers that render errors.

Every error a client can see is a ``Problem`` with a stable snake_case ``code``. Domains declare
their own subclasses of ``MarketplaceError`` at the top of their service module. A storage fault
(disk full, database read-only or unreachable) becomes a 503 ``storage_unavailable``; anything
else unexpected becomes a 500 ``internal_error``. Neither body says anything about the cause;
the cause goes to the log with the request id.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import msgspec
import structlog
from litestar import Request, Response
from litestar.exceptions import (
    HTTPException,
    MethodNotAllowedException,
    NotFoundException,
    SerializationException,
    ValidationException,
)
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR
from litestar.types import ExceptionHandlersMap

from marketplace.kit.field_errors import code_of
from marketplace.kit.requests import request_id_of
from marketplace.kit.storage_faults import is_storage_fault, storage_fault_reason

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = structlog.get_logger("marketplace.errors")


class FieldError(msgspec.Struct, frozen=True):
    """One invalid field: where it is (dotted path, ``[i]`` for list items; "" for the body
    itself), why (``message``, for people) and a stable ``code`` (``unknown_field``,
    ``missing_field``, ``wrong_type``, ``too_small``, ``pattern_mismatch``, ``invalid_choice``…;
    always sent: ``invalid_value`` when nothing more precise applies)."""

    param: Annotated[
        str,
        msgspec.Meta(
            description="Where: a dotted path (`invoice.amount`, `cover_ratios[1]`), a query"
            " parameter or header name; empty for the body as a whole"
        ),
    ]
    message: Annotated[str, msgspec.Meta(description="What is wrong, for people")]
    code: Annotated[
        str,
        msgspec.Meta(
            description="Stable code of what is wrong: `unknown_field`, `missing_field`,"
            " `wrong_type`, `too_small`, `too_large`, `too_short`, `too_long`,"
            " `pattern_mismatch`, `invalid_choice`, `invalid_format`, `nul_character`,"
            " `unknown_parameter`, `missing_parameter`, `missing_body`, a rule's own code, or"
            " `invalid_value`"
        ),
    ] = "invalid_value"


class Problem(msgspec.Struct, frozen=True, omit_defaults=True):
    """An RFC 9457 problem: every error response of the API has this body."""

    type: Annotated[
        str,
        msgspec.Meta(description="A URI naming the problem: `urn:marketplace:error:<code>`"),
    ]
    title: Annotated[
        str, msgspec.Meta(description="What went wrong, the same for every problem of a code")
    ]
    status: Annotated[int, msgspec.Meta(description="The HTTP status code of the answer")]
    detail: Annotated[
        str, msgspec.Meta(description="What went wrong with this request, for people")
    ]
    code: Annotated[
        str,
        msgspec.Meta(
            description="Stable snake_case code to act on (`quote_expired`,"
            " `validation_error`…): each operation lists the codes it answers"
        ),
    ]
    request_id: Annotated[
        str,
        msgspec.Meta(
            description="The request's id (req_…), also in the `Request-Id` header: quote it"
            " to support"
        ),
    ]
    param: Annotated[
        str | None,
        msgspec.Meta(description="The field or parameter at fault, when one is (dotted path)"),
    ] = None
    errors: Annotated[
        list[FieldError] | None,
        msgspec.Meta(description="Every invalid field, when the request has some"),
    ] = None


class MarketplaceError(Exception):
    """Base of every error the API answers on purpose. Subclasses set status, code and title."""

    status_code: int = 400
    code: str = "bad_request"
    title: str = "Bad request"

    def __init__(
        self,
        detail: str,
        *,
        param: str | None = None,
        errors: list[FieldError] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.param = param
        self.errors = errors
        self.headers = headers or {}


class InvalidRequest(MarketplaceError):
    status_code = 422
    code = "validation_error"
    title = "Invalid request"


class RuleViolation(MarketplaceError):
    """A request that fits the schema but breaks a domain rule; subclasses name the rule."""

    status_code = 422
    code = "rule_violation"
    title = "The request breaks a rule"


class MalformedJson(MarketplaceError):
    status_code = 400
    code = "malformed_json"
    title = "Malformed JSON"


class BodyTooLarge(MarketplaceError):
    status_code = 413
    code = "body_too_large"
    title = "Request body too large"


class UnsupportedMediaType(MarketplaceError):
    status_code = 415
    code = "unsupported_media_type"
    title = "The request body must be JSON"


class BodyIncomplete(MarketplaceError):
    """The client went away before sending the whole body: nothing was read, nothing done."""

    status_code = 400
    code = "body_incomplete"
    title = "The request body ended before it was complete"


class RouteNotFound(MarketplaceError):
    status_code = 404
    code = "route_not_found"
    title = "No such route"


class MethodNotAllowed(MarketplaceError):
    status_code = 405
    code = "method_not_allowed"
    title = "Method not allowed"


class ResourceNotFound(MarketplaceError):
    """The object does not exist for the caller (which includes another tenant's objects)."""

    status_code = 404
    code = "resource_not_found"
    title = "No such object"


class Unauthenticated(MarketplaceError):
    status_code = 401
    code = "missing_api_key"
    title = "Authentication required"


class Forbidden(MarketplaceError):
    status_code = 403
    code = "insufficient_role"
    title = "Not allowed for this account's role"


class Conflict(MarketplaceError):
    status_code = 409
    code = "conflict"
    title = "Conflict"


class InternalError(MarketplaceError):
    status_code = 500
    code = "internal_error"
    title = "Internal error"


class StorageUnavailable(MarketplaceError):
    """The database cannot store (or read) right now: disk full, read-only, or unreachable."""

    status_code = 503
    code = "storage_unavailable"
    title = "Storage unavailable"


STORAGE_RETRY_AFTER_SECONDS = 5


def problem_type(code: str) -> str:
    """The problem ``type`` URI of an error code."""
    return f"urn:marketplace:error:{code}"


def problem_of(error: MarketplaceError, request_id: str) -> Problem:
    return Problem(
        type=problem_type(error.code),
        title=error.title,
        status=error.status_code,
        detail=error.detail,
        code=error.code,
        request_id=request_id,
        param=error.param,
        errors=error.errors,
    )


def problem_response(request: Request[Any, Any, Any], error: MarketplaceError) -> Response[Problem]:
    """Render ``error`` as problem+json for ``request``."""
    return Response(
        problem_of(error, request_id_of(request.scope)),
        status_code=error.status_code,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=error.headers,
    )


_FIELD_NAME = re.compile(r"(?:missing required|contains unknown) field `([^`]+)`")


def _param_of(key: str, message: str, request: Request[Any, Any, Any]) -> str:
    """The client-facing name of the field a Litestar validation message is about."""
    path = "" if key == "data" else key
    named = _FIELD_NAME.search(message)
    if named:
        path = f"{path}.{named.group(1)}" if path else named.group(1)
    handler = request.scope.get("route_handler")
    if handler is not None and not named:
        # A parameter read under another name (a header such as Idempotency-Key) is named so.
        parameter = handler.parsed_fn_signature.parameters.get(key)
        alias = getattr(getattr(parameter, "kwarg_definition", None), "name", None)
        if alias:
            return str(alias)
    return path


_MISSING_PARAMETER = re.compile(r"^Missing required (\w+) parameter '([^']+)'")


def _declared_name(request: Request[Any, Any, Any], alias: str) -> str:
    """A parameter's name as the document spells it (headers reach Litestar lower-cased)."""
    handler = request.scope.get("route_handler")
    parameters = handler.parsed_fn_signature.parameters.values() if handler else []
    for parameter in parameters:
        name = getattr(getattr(parameter, "kwarg_definition", None), "name", None)
        if isinstance(name, str) and name.lower() == alias.lower():
            return name
    return alias


def _missing_parameter(request: Request[Any, Any, Any], detail: str) -> MarketplaceError | None:
    missing = _MISSING_PARAMETER.match(detail)
    if missing is None:
        return None
    kind, name = missing.group(1), _declared_name(request, missing.group(2))
    message = f"The {kind} {name} is required"
    missed = FieldError(param=name, message=message, code="missing_parameter")
    return InvalidRequest(message, param=name, errors=[missed])


def _field_error(request: Request[Any, Any, Any], item: dict[str, Any]) -> FieldError:
    """One item of a ``ValidationException``: a body's (already named, with its code: see
    ``kit.strict_body``) or a parameter's, as Litestar's signature model words it."""
    message = str(item.get("message", ""))
    if "code" in item:
        return FieldError(param=str(item.get("key", "")), message=message, code=str(item["code"]))
    if message == "'data'":
        return FieldError(param="", message="A JSON request body is required", code="missing_body")
    param = _param_of(str(item.get("key", "")), message, request)
    return FieldError(param=param, message=message, code=code_of(message))


def _from_validation(request: Request[Any, Any, Any], exc: ValidationException) -> MarketplaceError:
    items = exc.extra if isinstance(exc.extra, list) else []
    if not items:
        missing = _missing_parameter(request, str(exc.detail))
        if missing is not None:
            return missing
    field_errors = [_field_error(request, item) for item in items]
    if not field_errors:
        return InvalidRequest("The request is invalid")
    first = field_errors[0]
    where = f" ({first.param})" if first.param else ""
    return InvalidRequest(f"{first.message}{where}", param=first.param or None, errors=field_errors)


def _is_malformed_json(exc: BaseException) -> bool:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, SerializationException):  # Litestar's "could not decode the body"
            return True
        if isinstance(cause, msgspec.DecodeError) and not isinstance(
            cause, msgspec.ValidationError
        ):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


CLIENT_DISCONNECTED = "client disconnected prematurely"
"""What Litestar says when the connection closes while it reads the body."""

_GENERIC_CODES = {
    400: "bad_request",
    401: "missing_api_key",
    403: "forbidden",
}


def _from_body_failure(exc: HTTPException) -> MarketplaceError | None:
    """The error for a request body that is too large, not JSON, or not readable JSON."""
    if exc.status_code == 413:
        return BodyTooLarge("The request body is larger than this API accepts")
    if exc.status_code == 415:
        return UnsupportedMediaType(str(exc.detail))
    if _is_malformed_json(exc):
        return MalformedJson("The request body is not valid JSON")
    return None


def _from_http_exception(request: Request[Any, Any, Any], exc: HTTPException) -> MarketplaceError:
    if isinstance(exc, ValidationException):
        return _from_validation(request, exc)
    if isinstance(exc, NotFoundException):
        return RouteNotFound(f"No route for {request.method} {request.url.path}")
    if isinstance(exc, MethodNotAllowedException):
        return MethodNotAllowed(
            f"{request.method} is not allowed on {request.url.path}", headers=exc.headers
        )
    if (body_error := _from_body_failure(exc)) is not None:
        return body_error
    error = MarketplaceError(str(exc.detail), headers=exc.headers)
    error.status_code = exc.status_code
    error.code = _GENERIC_CODES.get(exc.status_code, f"http_{exc.status_code}")
    error.title = str(exc.detail)
    return error


def handle_marketplace_error(
    request: Request[Any, Any, Any], exc: MarketplaceError
) -> Response[Problem]:
    return problem_response(request, exc)


def handle_http_exception(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Problem]:
    return problem_response(request, _from_http_exception(request, exc))


def handle_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    if isinstance(exc, HTTPException) and exc.detail == CLIENT_DISCONNECTED:
        log.info("request.client_disconnected")
        gone = BodyIncomplete("The connection closed before the whole request body arrived")
        return problem_response(request, gone)
    if is_storage_fault(exc):
        log.warning("storage.unavailable", reason=storage_fault_reason(exc))
        unavailable = StorageUnavailable(
            "The database cannot take this request right now (disk full, read-only or"
            " unreachable); the request changed nothing, retry later",
            headers={"Retry-After": str(STORAGE_RETRY_AFTER_SECONDS)},
        )
        return problem_response(request, unavailable)
    log.exception("request.failed", error_type=type(exc).__name__)
    error = InternalError("Something went wrong on our side; the request changed nothing")
    return problem_response(request, error)


EXCEPTION_HANDLERS: ExceptionHandlersMap = {
    MarketplaceError: handle_marketplace_error,
    HTTPException: handle_http_exception,
    HTTP_500_INTERNAL_SERVER_ERROR: handle_unexpected,
    Exception: handle_unexpected,
}
