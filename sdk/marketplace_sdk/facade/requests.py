"""One call of a generated operation turned into an HTTP request, and its answer into the
generated typed object or an exception.

The generated operation module gives the method, the path (its ids quoted) and the parsing of
the answer; the request's fields are sent as the caller gives them (JSON for a body, query
parameters for a list), so a field the API adds passes through without a change here, and
any field the API refuses comes back as its own 422 naming that field.
"""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol, TypeVar

import httpx

from marketplace_sdk.client import AuthenticatedClient, Client
from marketplace_sdk.facade.encoding import query_params, to_json, wire_name
from marketplace_sdk.facade.exceptions import APIError, error_from_response
from marketplace_sdk.models import Problem

T_co = TypeVar("T_co", covariant=True)
T = TypeVar("T")


class Operation(Protocol[T_co]):
    """A generated operation module (``marketplace_sdk.api.quotes.create_quote``)."""

    def _get_kwargs(self, *args: Any, **kwargs: Any) -> dict[str, Any]: ...

    def _parse_response(
        self, *, client: AuthenticatedClient | Client, response: httpx.Response
    ) -> T_co | Problem | None: ...


class Page(Protocol[T_co]):
    """One page of a list (``{"object": "list", "data": [...], "has_more": …}``)."""

    @property
    def data(self) -> Sequence[T_co]: ...

    @property
    def has_more(self) -> bool: ...


@dataclass(frozen=True)
class Settings:
    api_key: str
    base_url: str
    timeout_s: float
    user_agent: str


@dataclass(frozen=True)
class Prepared:
    """A request ready to send, the same for each of its attempts."""

    method: str
    url: str
    headers: dict[str, str]
    params: dict[str, Any]
    json: Any
    idempotency_key: str | None
    timeout_s: float

    def arguments(self) -> dict[str, Any]:
        """Keyword arguments for ``httpx.Client.request``."""
        arguments: dict[str, Any] = {
            "method": self.method,
            "url": self.url,
            "headers": self.headers,
            "params": self.params,
            "timeout": self.timeout_s,
        }
        if self.json is not None:
            arguments["json"] = self.json
        return arguments


@dataclass(frozen=True)
class _JsonBody:
    """Stands for a generated request model: the generated code only calls ``to_dict``."""

    payload: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.payload


@dataclass(frozen=True)
class _Shape:
    path: tuple[str, ...]
    """The path ids, in order."""
    takes_body: bool
    takes_key: bool
    """Whether the generated operation declares the ``Idempotency-Key`` header."""


@cache
def _shape(get_kwargs: Callable[..., Any]) -> _Shape:
    parameters = inspect.signature(get_kwargs).parameters.values()
    path = tuple(p.name for p in parameters if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD)
    names = {p.name for p in parameters}
    return _Shape(path, "body" in names, "idempotency_key" in names)


def _path_ids(
    name: str, expected: tuple[str, ...], given: tuple[str | int, ...], fields: dict[str, Any]
) -> list[str | int]:
    ids = list(given) + [fields.pop(n) for n in expected[len(given) :] if n in fields]
    if len(ids) != len(expected):
        wanted = ", ".join(expected) or "no id"
        raise TypeError(f"{name} takes {wanted}; it was given {len(given)} id(s)")
    return ids


def _arguments(shape: _Shape, key: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The generated ``_get_kwargs`` arguments besides the path ids."""
    arguments: dict[str, Any] = {"idempotency_key": key} if shape.takes_key else {}
    if shape.takes_body:
        arguments["body"] = _JsonBody(to_json(fields))
    return arguments


def prepare(
    operation: Operation[Any],
    path: tuple[str | int, ...],
    fields: Mapping[str, Any],
    idempotency_key: str | None,
    settings: Settings,
) -> Prepared:
    """The request for one call: path ids, then the fields as a JSON body or query parameters;
    a POST gets ``idempotency_key``, or a new one, for all its attempts."""
    name = getattr(operation, "__name__", "operation").rpartition(".")[2]
    shape = _shape(operation._get_kwargs)
    remaining = {wire_name(k): v for k, v in fields.items()}
    ids = _path_ids(name, shape.path, path, remaining)
    key = idempotency_key or str(uuid.uuid4())
    built = operation._get_kwargs(*ids, **_arguments(shape, key, remaining))
    method = str(built["method"]).upper()
    if remaining and not shape.takes_body and method != "GET":
        raise TypeError(f"{name} takes no fields; it was given {', '.join(remaining)}")
    headers = {**built.get("headers", {}), "Authorization": f"Bearer {settings.api_key}"}
    headers["User-Agent"] = settings.user_agent
    if method == "POST":
        headers["Idempotency-Key"] = key
    query = {} if shape.takes_body else query_params(remaining)
    return Prepared(
        method=method,
        url=settings.base_url.rstrip("/") + str(built["url"]),
        headers=headers,
        params={**(built.get("params") or {}), **query},
        json=built.get("json"),
        idempotency_key=key if method == "POST" else None,
        timeout_s=settings.timeout_s,
    )


def read_answer(operation: Operation[T], response: httpx.Response, prepared: Prepared) -> T:
    """The generated typed object of a successful answer; otherwise the matching exception."""
    if not response.is_success:
        raise error_from_response(response, prepared.idempotency_key)
    try:
        parsed = operation._parse_response(client=_PARSER, response=response)
    except (ValueError, KeyError, TypeError) as error:
        raise _unexpected(response, prepared, "could not be read") from error
    if parsed is None or isinstance(parsed, Problem):
        raise _unexpected(response, prepared, "is not one this operation documents")
    return parsed


def _unexpected(response: httpx.Response, prepared: Prepared, what: str) -> APIError:
    return APIError(
        f"the answer to {prepared.method} {prepared.url} ({response.status_code}) {what}",
        status=response.status_code,
        request_id=response.headers.get("request-id"),
        headers=response.headers,
        idempotency_key=prepared.idempotency_key,
    )


# The generated parsers only read ``raise_on_unexpected_status`` from the client they are given.
_PARSER = Client(base_url="http://unused.invalid", raise_on_unexpected_status=False)
