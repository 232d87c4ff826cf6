"""Every bad field of a JSON body, each with a dotted path and a stable code.

msgspec stops at the first error it meets. Once a body has failed its strict decoding (and only
then: a body that fits costs nothing here), ``every_field_error`` converts the body, decoded as
plain JSON, against the target type piece by piece with the same strict rules: a value that
converts as a whole is fine; one that does not is opened up (a Struct field by field, a list
item by item, a dict value by value) until the pieces that fail on their own are found. The
errors come in the order msgspec's JSON decoder meets them (an object's fields as they appear,
then its missing fields; a list's items, then its length), so the first is the one msgspec
reports. At most ``MAX_FIELD_ERRORS`` are listed.

``code_of`` names the kind of a msgspec message with a stable code (``FIELD_ERROR_CODES``).
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

import msgspec

MAX_FIELD_ERRORS = 100
"""The most errors one answer lists (a body of 256 KiB could otherwise hold tens of thousands)."""

FIELD_ERROR_CODES = {
    "unknown_field": "the object takes no field of this name",
    "missing_field": "a required field is absent",
    "wrong_type": "a value of another JSON type (a string for a number, a float for an integer)",
    "too_small": "a number below its minimum",
    "too_large": "a number above its maximum",
    "too_short": "text, a list or an object shorter than its minimum length",
    "too_long": "text, a list or an object longer than its maximum length",
    "pattern_mismatch": "text that does not match the field's pattern",
    "invalid_choice": "a value that is not one of the field's allowed values",
    "invalid_format": "text that is not a valid date, date-time, UUID, …",
    "nul_character": "text holding the NUL character (\\u0000)",
    "invalid_value": "any other value the field does not take",
}
"""The codes of field errors, and what each means."""

_CODES = (
    (re.compile(r"^Object contains unknown field"), "unknown_field"),
    (re.compile(r"^Object missing required field"), "missing_field"),
    (re.compile(r"^Expected `[^`]+`, got `"), "wrong_type"),
    (re.compile(r"^Expected `(?:int|float)` >"), "too_small"),
    (re.compile(r"^Expected `(?:int|float)` <"), "too_large"),
    (re.compile(r"^Expected `\w+` of (?:length >=|at least length)"), "too_short"),
    (re.compile(r"^Expected `\w+` of (?:length <=|at most length)"), "too_long"),
    (re.compile(r"^Expected `str` matching regex"), "pattern_mismatch"),
    (re.compile(r"^Invalid (?:enum )?value"), "invalid_choice"),
    (re.compile(r"^Invalid (?:RFC3339|ISO8601|UUID|base64|decimal|epoch)"), "invalid_format"),
    (re.compile(r"timezone component"), "invalid_format"),
    (re.compile(r"out of range"), "too_large"),
)
_AT_PATH = re.compile(r"^(?P<message>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
_FIRST_RUN = 64
_FIRST_INDEX = re.compile(r".* - at `\$\[(\d+)\][^`]*`$", re.DOTALL)
_NAMED_FIELD = re.compile(r"(?:missing required|contains unknown) field `(.*)`$", re.DOTALL)


def code_of(message: str) -> str:
    """The stable code of a msgspec validation message (``invalid_value`` if none fits)."""
    for pattern, code in _CODES:
        if pattern.search(message):
            return code
    return "invalid_value"


@dataclass(frozen=True, slots=True)
class FieldFailure:
    """One bad field: its dotted path (``[i]`` for list items, "" for the body itself), the
    stable code of what is wrong, and a message for people."""

    path: str
    code: str
    message: str


def join(path: str, key: str | int) -> str:
    """The path of ``key`` inside ``path``: ``a.b`` for a field, ``a[0]`` for a list item."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def failure_of(error: msgspec.ValidationError, path: str = "") -> FieldFailure:
    """msgspec's own error at ``path``, with the path it names inside (a named field included)."""
    found = _AT_PATH.match(str(error))
    message = found.group("message") if found else str(error)
    inner = (found.group("path") if found else None) or ""
    where = f"{path}{inner}" if path or not inner.startswith(".") else inner[1:]
    named = _NAMED_FIELD.search(message)
    if named:
        where = join(where, named.group(1))
    return FieldFailure(where, code_of(message), message)


def every_field_error(annotation: Any, document: Any) -> list[FieldFailure]:
    """Every field of ``document`` (plain decoded JSON) that does not convert to
    ``annotation`` strictly, in the order msgspec's decoder would meet them."""
    failures: list[FieldFailure] = []
    for failure in _failures(annotation, document, ""):
        failures.append(failure)
        if len(failures) == MAX_FIELD_ERRORS:
            break
    return failures


def _failures(annotation: Any, value: Any, path: str) -> Iterator[FieldFailure]:
    try:
        msgspec.convert(value, annotation, strict=True)
    except msgspec.ValidationError as error:
        whole = failure_of(error, path)
    else:
        return
    inside = _inside(*_unwrapped(annotation), value, path)
    first = next(inside, None)
    yield whole if first is None else first  # nothing inside fails: the value itself is wrong
    yield from inside


def _unwrapped(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    """The type to open up and its constraints: ``Annotated`` peeled, ``T | None`` as ``T``
    (a null never gets here: it would have converted)."""
    constraints: tuple[Any, ...] = ()
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            constraints += tuple(annotation.__metadata__)
            annotation = annotation.__origin__
        elif origin in (typing.Union, types.UnionType):
            others = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(others) != 1:
                return annotation, constraints  # a real union: msgspec's own word on it
            annotation = others[0]
        else:
            return annotation, constraints


def _inside(
    annotation: Any, constraints: tuple[Any, ...], value: Any, path: str
) -> Iterator[FieldFailure]:
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
        if isinstance(value, dict):
            yield from _struct_failures(annotation, value, path)
    elif origin in (list, set, frozenset) and isinstance(value, list):
        [item_type] = typing.get_args(annotation)
        yield from _item_failures(item_type, value, path)
        yield from _size_failure(list[Any], constraints, value, path)
    elif origin is dict and isinstance(value, dict):
        key_type, value_type = typing.get_args(annotation)
        yield from _entry_failures(key_type, value_type, value, path)
        yield from _size_failure(dict[Any, Any], constraints, value, path)


def _item_failures(item_type: Any, items: list[Any], path: str) -> Iterator[FieldFailure]:
    """The bad items of a list. msgspec names the first bad item's index, so items are converted
    in runs (each twice as long as the last run that passed), not one by one: a long list with
    a few bad items costs a few calls into msgspec, not one Python call per item."""
    start, run = 0, _FIRST_RUN
    while start < len(items):
        chunk = items[start : start + run]
        try:
            msgspec.convert(chunk, list[item_type], strict=True)
        except msgspec.ValidationError as error:
            found = _FIRST_INDEX.match(str(error))
            index = start + int(found.group(1)) if found else start
        else:
            start, run = start + len(chunk), run * 2
            continue
        yield from _failures(item_type, items[index], join(path, index))
        start, run = index + 1, _FIRST_RUN


def _entry_failures(
    key_type: Any, value_type: Any, entries: dict[Any, Any], path: str
) -> Iterator[FieldFailure]:
    """The bad keys and values of a dict: converted in runs, as list items are; only a run that
    fails is looked at entry by entry (msgspec does not say which entry of a dict is bad)."""
    pairs, start, run = list(entries.items()), 0, _FIRST_RUN
    while start < len(pairs):
        chunk = pairs[start : start + run]
        try:
            msgspec.convert(dict(chunk), dict[key_type, value_type], strict=True)
        except msgspec.ValidationError:
            for key, item in chunk:
                yield from _failures(key_type, key, join(path, key))
                yield from _failures(value_type, item, join(path, key))
            run = _FIRST_RUN
        else:
            run *= 2
        start += len(chunk)


def _size_failure(
    container: Any, constraints: tuple[Any, ...], value: Any, path: str
) -> Iterator[FieldFailure]:
    if not constraints:
        return
    try:
        msgspec.convert(value, Annotated[(container, *constraints)], strict=True)
    except msgspec.ValidationError as error:
        yield failure_of(error, path)


@functools.cache
def _fields_of(struct: type[msgspec.Struct]) -> tuple[msgspec.structs.FieldInfo, ...]:
    return msgspec.structs.fields(struct)


def _struct_failures(
    struct: type[msgspec.Struct], value: dict[str, Any], path: str
) -> Iterator[FieldFailure]:
    fields = _fields_of(struct)
    by_name = {field.encode_name: field for field in fields}
    config = struct.__struct_config__
    for key, item in value.items():
        field = by_name.get(key)
        if field is not None:
            yield from _failures(field.type, item, join(path, key))
        elif config.forbid_unknown_fields and key != config.tag_field:
            taken = ", ".join(sorted(by_name))
            message = f"Object contains unknown field `{key}`; the fields are: {taken}"
            yield FieldFailure(join(path, key), "unknown_field", message)
    for field in fields:
        if field.required and field.encode_name not in value:
            message = f"Object missing required field `{field.encode_name}`"
            yield FieldFailure(join(path, field.encode_name), "missing_field", message)
