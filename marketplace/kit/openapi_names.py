"""OpenAPI component and model names without noise.

Litestar names the component of a generic Struct after its full type, module paths included
(``ListOf_marketplace.quotes.schemas.QuoteOut_``): SDK model names and Redoc titles would carry
them. Each page of a list is renamed after its items instead (``QuoteList``), with every
reference to it. A query parameter's nullable enum becomes a named component
(``with_named_query_enums``: ``ListQuotesStatus``); inline, its null branch made the SDK name
its type ``ListQuotesStatusType2Type1``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from marketplace.kit.pagination import list_schema_name

_LIST_PREFIX = "ListOf_"
_REFERENCE_PREFIX = "#/components/schemas/"


def _item_schema(schema: dict[str, Any]) -> str:
    reference: str = schema["properties"]["data"]["items"]["$ref"]
    return reference.removeprefix(_REFERENCE_PREFIX)


def _renamed(node: Any, names: dict[str, str]) -> Any:
    """``node`` with each ``$ref`` to a renamed component pointing at its new name."""
    if isinstance(node, list):
        return [_renamed(item, names) for item in node]
    if not isinstance(node, dict):
        return node
    renamed = {}
    for key, value in node.items():
        if key == "$ref" and isinstance(value, str) and value.startswith(_REFERENCE_PREFIX):
            target = value.removeprefix(_REFERENCE_PREFIX)
            renamed[key] = _REFERENCE_PREFIX + names.get(target, target)
        else:
            renamed[key] = _renamed(value, names)
    return renamed


def with_list_names(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (an OpenAPI dict) with each page of a list named after its items, in place.

    Raises ``ValueError`` when two pages would share a name, or one would take another's.
    """
    schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
    names = {
        name: list_schema_name(_item_schema(schema))
        for name, schema in schemas.items()
        if name.startswith(_LIST_PREFIX)
    }
    taken = set(names.values()) & (schemas.keys() - names.keys())
    if taken or len(set(names.values())) != len(names):
        raise ValueError(f"OpenAPI list components: a name is taken ({sorted(names.values())})")
    if not names:
        return document
    for old, new in names.items():
        schemas[new] = schemas.pop(old)
        schemas[new]["title"] = new
    document.update(_renamed(document, names))
    return document


def pascal_case(name: str) -> str:
    """``list_quotes`` as ``ListQuotes``: how component names are spelt."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def _named_query_enum(schema: dict[str, Any], name: str, components: dict[str, Any]) -> None:
    """A nullable enum of a query parameter as a named component or null (``?status=null``
    means no filter, as an absent parameter does); inline, the SDK generator names its
    branches ``ListQuotesStatusType2Type1``."""
    enum, kinds = schema.get("enum"), schema.get("type")
    if not isinstance(enum, list) or None not in enum:
        return
    kind = [k for k in kinds if k != "null"] if isinstance(kinds, list) else [kinds]
    components[name] = {"type": kind[0], "enum": [value for value in enum if value is not None]}
    described = {"description": schema["description"]} if "description" in schema else {}
    schema.clear()
    schema.update({"oneOf": [{"$ref": _REFERENCE_PREFIX + name}, {"type": "null"}], **described})


def _query_parameters(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each query parameter with a schema, with its operation's id."""
    for item in document.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query" and isinstance(parameter.get("schema"), dict):
                    yield str(operation.get("operationId")), parameter


def with_named_query_enums(document: dict[str, Any]) -> dict[str, Any]:
    """Every nullable enum of a query parameter as a component named after its operation and
    parameter (``ListQuotesStatus``)."""
    components = document.setdefault("components", {}).setdefault("schemas", {})
    for operation_id, parameter in _query_parameters(document):
        name = pascal_case(operation_id) + pascal_case(parameter["name"])
        _named_query_enum(parameter["schema"], name, components)
    return document
