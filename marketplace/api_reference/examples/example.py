"""One example of a body, and the name of the OpenAPI component it illustrates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import msgspec

from marketplace.kit.pagination import ListOf, list_schema_name


@dataclass(frozen=True, slots=True)
class Example:
    """An example body: ``name`` is its key in the document (snake_case), ``summary`` the line
    Redoc shows in its drop-down. With ``operations`` (operation ids, or ``"<id> <status>"``
    for one response), it illustrates those only; without, every body of its schema that no
    example names."""

    name: str
    summary: str
    value: msgspec.Struct
    operations: tuple[str, ...] = ()

    @property
    def schema(self) -> str:
        """The component the value is an instance of (a page of a list: ``QuoteList``)."""
        return schema_of(self.value)

    def to_builtins(self) -> Any:
        """The value as its JSON body carries it; a request leaves out the fields it does not
        need to send (those at their default)."""
        return _sent(self.value) if _is_request(self.value) else msgspec.to_builtins(self.value)


def schema_of(value: msgspec.Struct) -> str:
    if isinstance(value, ListOf):
        if not value.data:
            raise ValueError("An example page needs one item at least, to name its schema")
        return list_schema_name(schema_of(value.data[0]))
    return type(value).__name__


def _is_request(value: msgspec.Struct) -> bool:
    return bool(value.__struct_config__.forbid_unknown_fields)


def _sent(value: Any) -> Any:
    """``value`` as a client would send it: every field at its default left out."""
    if isinstance(value, list):
        return [_sent(item) for item in value]
    if not isinstance(value, msgspec.Struct):
        return msgspec.to_builtins(value)
    return {
        field.encode_name: _sent(getattr(value, field.name))
        for field in msgspec.structs.fields(value)
        if not _at_default(field, getattr(value, field.name))
    }


def _at_default(field: msgspec.structs.FieldInfo, value: Any) -> bool:
    if field.default is not msgspec.NODEFAULT:
        return bool(value == field.default)
    if field.default_factory is not msgspec.NODEFAULT:
        return bool(value == field.default_factory())
    return False
