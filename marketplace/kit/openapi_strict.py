"""OpenAPI: a request Struct's schema is exactly as strict as msgspec is when it decodes one.

Litestar's own struct plugin leaves out three things msgspec enforces, so clients and
schemathesis would believe more is accepted than is:

- a Struct that refuses unknown fields (``additionalProperties: false``);
- a numeric bound of 0 on an optional field (``ge=0`` on ``int | None``: Litestar drops falsy
  bounds there), described or not;
- the bounds of list items (``list[Annotated[float, Meta(gt=0, le=1)]]``).

A tagged Struct's tag (``kind: "amount"``) gets a description as its fields do, which it
cannot carry itself. And a described field whose type is another component
(``Annotated[Invoice, Meta(description=…)]``) becomes a ``$ref`` with the description beside
it, as OpenAPI 3.1 allows: Litestar would wrap it in a one-item ``allOf`` (which the SDK
generator turns into a new model per field) and write the field's description onto the shared
component itself.

This plugin is the built-in one plus those, read back from msgspec's own view of the Struct.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import msgspec
from litestar._openapi.schema_generation.plugins.struct import StructSchemaPlugin
from litestar.openapi.spec import Reference, Schema
from litestar.typing import FieldDefinition

_NumberType = msgspec.inspect.IntType | msgspec.inspect.FloatType
_BOUNDS = {
    "ge": "minimum",
    "gt": "exclusive_minimum",
    "le": "maximum",
    "lt": "exclusive_maximum",
}


class StrictStructSchemaPlugin(StructSchemaPlugin):
    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: Any) -> Schema:
        struct = field_definition.type_
        schema = super().to_openapi_schema(field_definition, schema_creator)
        config = struct.__struct_config__
        if config.forbid_unknown_fields:
            schema.additional_properties = False
        tag = (schema.properties or {}).get(config.tag_field or "")
        if isinstance(tag, Schema) and not tag.description:
            tag.description = f"What this object is, the union's tag: always `{config.tag}`"
        info = msgspec.inspect.type_info(struct)
        if isinstance(info, msgspec.inspect.StructType):
            for field in info.fields:
                prop = (schema.properties or {}).get(field.encode_name)
                if isinstance(prop, Schema):
                    _add_bounds(prop, field.type)
        _describe_references(schema, schema_creator)
        return schema


def _describe_references(schema: Schema, schema_creator: Any) -> None:
    """Each described component-typed property as a described ``$ref`` (see above)."""
    properties = schema.properties or {}
    for name, prop in properties.items():
        reference = _sole_reference(prop)
        if reference is None or not isinstance(prop, Schema):
            continue
        reference.description = prop.description
        properties[name] = reference
        # Litestar applied the field's description to the component too: take it back.
        schema_creator.schema_registry.from_reference(reference).schema.description = None


def _sole_reference(prop: Schema | Reference) -> Reference | None:
    """The reference ``prop`` wraps when it is only ``allOf: [$ref]`` plus a description."""
    if not isinstance(prop, Schema) or not prop.all_of or len(prop.all_of) != 1:
        return None
    [reference] = prop.all_of
    if not isinstance(reference, Reference):
        return None
    rest = dataclasses.replace(prop, all_of=None, description=None)
    return reference if rest == Schema() else None


def _bare(field_type: msgspec.inspect.Type) -> msgspec.inspect.Type:
    """The type under a ``Meta`` that carries a description or other schema text."""
    while isinstance(field_type, msgspec.inspect.Metadata):
        field_type = field_type.type
    return field_type


def _add_bounds(schema: Schema, field_type: msgspec.inspect.Type) -> None:
    """Give ``schema`` the numeric bounds of ``field_type`` (or of its items) it lacks."""
    field_type = _bare(field_type)
    if isinstance(field_type, msgspec.inspect.UnionType):
        present = [t for t in field_type.types if not isinstance(t, msgspec.inspect.NoneType)]
        if len(present) != 1:
            return
        field_type = _bare(present[0])
    if isinstance(field_type, _NumberType):
        for bound, keyword in _BOUNDS.items():
            value = getattr(field_type, bound)
            if value is not None and getattr(schema, keyword) is None:
                setattr(schema, keyword, value)
    elif isinstance(field_type, msgspec.inspect.ListType):
        items = _array_items(schema)
        if items is not None:
            _add_bounds(items, field_type.item_type)


def _array_items(schema: Schema) -> Schema | None:
    """The items schema of an array schema, or of the array in a ``oneOf`` (an optional list)."""
    for candidate in [schema, *(schema.one_of or [])]:
        if isinstance(candidate, Schema) and isinstance(candidate.items, Schema):
            return candidate.items
    return None
