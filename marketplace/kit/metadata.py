"""``metadata``: an integrator's own key-value pairs on an object, with Stripe's rules.

At most ``MAX_KEYS`` keys, each of 1 to ``MAX_KEY_LENGTH`` characters without square brackets
(``metadata[key]=value`` is how lists filter on them), each value a string of at most
``MAX_VALUE_LENGTH`` characters. Given when the object is made; a key whose value is the empty
string is not kept (as an update would remove it). The body's type, ``MetadataIn``, holds the
rules, so a bad key is listed with every other bad field (``param``: ``metadata.<key>``); the
OpenAPI schema states every bound, so a client validating against the schema meets no surprise.

Lists filter on pairs with ``metadata[key]=value`` query parameters (every pair must match):
``filters`` reads them from the query (``kit.strict_query`` lets the family through on the
lists that take it) and ``has_pair`` is the SQL condition, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any

import msgspec
from litestar import Request
from litestar.di import NamedDependency, Provide
from sqlalchemy import Boolean, String, bindparam
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from marketplace.errors import FieldError, InvalidRequest

MAX_KEYS = 50
MAX_KEY_LENGTH = 40
MAX_VALUE_LENGTH = 500
KEY_PATTERN = "^[^\\[\\]\\u0000]+$"
"""A key: no square bracket, no NUL character (PostgreSQL stores none)."""
VALUE_PATTERN = "^[^\\u0000]*$"
FAMILY = "metadata"
_FILTER_NAME = re.compile(r"^metadata\[(?P<key>.*)\]$", re.DOTALL)

_SCHEMA = {  # Litestar renders no bound of a dict's keys or values: stated here
    "max_properties": MAX_KEYS,
    "property_names": {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_KEY_LENGTH,
        "pattern": KEY_PATTERN,
    },
    "additional_properties": {
        "type": "string",
        "maxLength": MAX_VALUE_LENGTH,
        "pattern": VALUE_PATTERN,
    },
}

_Key = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_KEY_LENGTH, pattern=KEY_PATTERN)]
_Value = Annotated[str, msgspec.Meta(max_length=MAX_VALUE_LENGTH, pattern=VALUE_PATTERN)]
MetadataIn = Annotated[
    dict[_Key, _Value],
    msgspec.Meta(
        max_length=MAX_KEYS,
        description=f"Your own key-value pairs, returned as given and filterable on the list"
        f" (`metadata[key]=value`): at most {MAX_KEYS} keys of at most {MAX_KEY_LENGTH}"
        f" characters (no `[` or `]`), each value text of at most {MAX_VALUE_LENGTH} characters;"
        " a key whose value is the empty string is not kept.",
        extra_json_schema={"extra": _SCHEMA},
    ),
]
MetadataOut = Annotated[
    dict[str, str],
    msgspec.Meta(description="Your own key-value pairs, as given when the object was made."),
]


Problem = tuple[str, str]
"""(a stable code of ``kit.field_errors``, a message for people)"""


def _key_problem(key: str) -> Problem | None:
    if not key:
        return "too_short", "A metadata key must not be empty"
    if len(key) > MAX_KEY_LENGTH:
        return (
            "too_long",
            f"A metadata key has at most {MAX_KEY_LENGTH} characters; this one has {len(key)}",
        )
    if "[" in key or "]" in key:
        return "pattern_mismatch", "A metadata key must not contain `[` or `]`"
    return None


def _value_problem(value: str) -> Problem | None:
    if len(value) > MAX_VALUE_LENGTH:
        return (
            "too_long",
            f"A metadata value has at most {MAX_VALUE_LENGTH} characters; this one has"
            f" {len(value)}",
        )
    return None


def _refuse(errors: list[FieldError]) -> InvalidRequest:
    first = errors[0]
    return InvalidRequest(f"{first.message} ({first.param})", param=first.param, errors=errors)


def kept(metadata: Mapping[str, str]) -> dict[str, str]:
    """The pairs to store: a key given the empty value is not kept. (The rules are checked by
    the body's type, ``MetadataIn``, with every other field of the request.)"""
    return {key: value for key, value in metadata.items() if value}


def filters(query: Mapping[str, Any]) -> dict[str, str]:
    """The ``metadata[key]=value`` pairs of a query (a repeated parameter counts once), or 422
    naming the parameter at fault: a key breaking the rules above, an empty or too long value,
    or more than ``MAX_KEYS`` pairs."""
    found: dict[str, str] = {}
    errors: list[FieldError] = []
    for name, value in query.items():
        matched = _FILTER_NAME.match(name)
        if matched is None:
            continue
        key, text = matched.group("key"), str(value)
        problem = _key_problem(key) or _value_problem(text)
        if problem is None and not text:
            problem = "too_short", "Give the value to match: metadata[key]=value"
        if problem is not None:
            errors.append(FieldError(name, problem[1], code=problem[0]))
        found[key] = text
    if len(found) > MAX_KEYS:
        message = f"At most {MAX_KEYS} metadata filters"
        errors.insert(0, FieldError(FAMILY, message, code="too_long"))
    if errors:
        raise _refuse(errors)
    return found


JsonColumn = ColumnElement[Any] | InstrumentedAttribute[Any]


class has_pair(FunctionElement[bool]):  # noqa: N801 - an SQL function, named as one
    """``column`` (a JSON object of text) holds ``key`` with the text ``value``.

    SQLite reads the object with ``json_each`` (a JSON path would need the key escaped, and
    misses keys stored with escapes); PostgreSQL with ``->>``.
    """

    type = Boolean()
    name = "has_pair"
    inherit_cache = True

    def __init__(self, column: JsonColumn, key: str, value: str) -> None:
        super().__init__(
            column,
            bindparam(None, key, type_=String(), unique=True),
            bindparam(None, value, type_=String(), unique=True),
        )


_SQLITE_HAS_PAIR = (
    "EXISTS (SELECT 1 FROM json_each({column}) AS pair"
    " WHERE pair.key = {key} AND pair.type = 'text' AND pair.value = {value})"
)
"""Filled with compiled clauses only: the key and the value are bound parameters."""


@compiles(has_pair, "sqlite")
def _has_pair_sqlite(element: has_pair, compiler: SQLCompiler, **kw: Any) -> str:
    column, key, value = (compiler.process(clause, **kw) for clause in element.clauses)
    return _SQLITE_HAS_PAIR.format(column=column, key=key, value=value)


@compiles(has_pair, "postgresql")
def _has_pair_postgresql(element: has_pair, compiler: SQLCompiler, **kw: Any) -> str:
    column, key, value = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(({column}) ->> {key}) = {value}"


def matching(column: JsonColumn, pairs: Mapping[str, str]) -> list[ColumnElement[bool]]:
    """One condition per pair: the rows whose ``column`` holds every pair."""
    return [has_pair(column, key, value) for key, value in pairs.items()]


def _metadata_filter(request: Request[Any, Any, Any]) -> dict[str, str]:
    return filters(request.query_params)


METADATA_FILTER = {"metadata_filter": Provide(_metadata_filter, sync_to_thread=False)}
"""Handler dependencies giving ``metadata_filter: MetadataFilter``, the ``metadata[key]=value``
pairs of the query; the handler's ``opt`` must take the family
(``kit.strict_query.takes_families("metadata")``)."""
MetadataFilter = NamedDependency[dict[str, str]]
