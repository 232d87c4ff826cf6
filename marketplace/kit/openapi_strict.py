"""OpenAPI: a request Struct that refuses unknown fields says so (``additionalProperties: false``).

Litestar's own struct plugin leaves that out, so clients and schemathesis would believe extra
fields are accepted. This plugin is the built-in one plus that single line.
"""

from __future__ import annotations

from typing import Any

from litestar._openapi.schema_generation.plugins.struct import StructSchemaPlugin
from litestar.openapi.spec import Schema
from litestar.typing import FieldDefinition


class StrictStructSchemaPlugin(StructSchemaPlugin):
    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: Any) -> Schema:
        schema = super().to_openapi_schema(field_definition, schema_creator)
        if field_definition.type_.__struct_config__.forbid_unknown_fields:
            schema.additional_properties = False
        return schema
