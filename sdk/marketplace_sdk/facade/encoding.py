"""The request's fields as the API spells them: JSON for a body, query parameters for a list."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from marketplace_sdk.types import Unset


def wire_name(name: str) -> str:
    """``type_`` (the generated models' spelling of a field named like a builtin) is ``type``."""
    return name[:-1] if name.endswith("_") and len(name) > 1 else name


def to_json(value: Any) -> Any:
    """A field's value as JSON: generated models through their ``to_dict``, enums by value,
    dates and times in ISO 8601, mappings and sequences item by item."""
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return value.to_dict()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items() if not isinstance(v, Unset)}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    return value


def _query_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    converted = to_json(value)
    if isinstance(converted, list):
        return [_query_value(item) for item in converted]
    return converted


def query_params(filters: Mapping[str, Any]) -> dict[str, Any]:
    """List filters as query parameters; a mapping is spelled with brackets, as the API names
    them: ``created={"gte": t}`` is ``created[gte]=t``."""
    params: dict[str, Any] = {}
    for name, value in filters.items():
        if value is None or isinstance(value, Unset):
            continue
        if isinstance(value, Mapping):
            for part, inner in value.items():
                if inner is not None:
                    params[f"{wire_name(name)}[{part}]"] = _query_value(inner)
        else:
            params[wire_name(name)] = _query_value(value)
    return params
