"""JSON request bodies decoded strictly: ``"100"``, ``"1e6"`` or ``1000.0`` is never an integer.

Litestar converts a body to the handler's type with msgspec's lax rules (``strict=False``), which
suit query strings and forms, where everything is a string, but coerce ``"100"`` to ``100`` in
JSON. ``StrictJsonBody`` is a DTO, Litestar's own hook for decoding a body: set on a router, it
decodes every ``data`` argument in one strict msgspec pass, straight from the bytes, while path,
query and header parameters keep their lax parsing. It only decodes: the OpenAPI schema of a
body is the handler's own type, and responses are encoded as usual. Text holding a NUL
character (``\\u0000``) is refused too, as PostgreSQL cannot store it, and the schema of every
body says so (a ``pattern`` on its plain text fields).

Failures are raised as Litestar's own exceptions, in the shapes the signature model uses:
``ValidationException`` with one item per bad field (``key`` is the dotted field path),
``SerializationException`` for a body that is not JSON (too deep, invalid UTF-8 included), and
an ``HTTPException`` with status 415 for a body that does not say it is JSON.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Generator
from typing import Any, ClassVar

import msgspec
from litestar.dto import AbstractDTO, DTOFieldDefinition
from litestar.exceptions import HTTPException, SerializationException, ValidationException
from litestar.openapi.spec import OpenAPIType, Reference, Schema
from litestar.status_codes import HTTP_415_UNSUPPORTED_MEDIA_TYPE
from litestar.typing import FieldDefinition

JSON_MEDIA_TYPE = "application/json"
JSON_SUFFIX = "+json"
JSON_CHARSET = "utf-8"
ESCAPED_NUL = b"\\u0000"  # how a NUL character must appear in JSON text
NO_NUL_PATTERN = "^[^\\u0000]*$"
_ERROR_PATH = re.compile(r"^(?P<message>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)


def is_json_content_type(media_type: str, options: dict[str, str]) -> bool:
    """``application/json`` or any ``application/…+json``, in UTF-8 (the only JSON encoding)."""
    is_json = media_type == JSON_MEDIA_TYPE or (
        media_type.startswith("application/") and media_type.endswith(JSON_SUFFIX)
    )
    return is_json and options.get("charset", JSON_CHARSET).lower() == JSON_CHARSET


def _nul_path(value: Any, path: str) -> str | None:
    """Where the first text holding a NUL character is (no database stores one in text)."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, msgspec.Struct):
        names = zip(value.__struct_fields__, value.__struct_encode_fields__, strict=True)
        items: Any = ((wire, getattr(value, name)) for name, wire in names)
        return _first_nul((f"{path}.{wire}" if path else wire, item) for wire, item in items)
    if isinstance(value, (list, tuple)):
        return _first_nul((f"{path}[{index}]", item) for index, item in enumerate(value))
    if isinstance(value, dict):
        keys = ((f"{path}.{key}" if path else str(key), key) for key in value)
        values = ((f"{path}.{key}" if path else str(key), item) for key, item in value.items())
        return _first_nul((*keys, *values))
    return None


def _first_nul(items: Any) -> str | None:
    for path, item in items:
        if (found := _nul_path(item, path)) is not None:
            return found
    return None


def _forbid_nul(
    schema: Schema | Reference, registry: Any, seen: set[int], constrained: bool = False
) -> None:
    """Say in the schema of a body, and of everything in it, that text holds no NUL (unless a
    pattern, format or enum, its own or its parent's, already rules it out)."""
    if isinstance(schema, Reference):
        with contextlib.suppress(KeyError):  # a reference to a schema made elsewhere
            registered = registry.from_reference(schema)
            if id(registered) not in seen:
                seen.add(id(registered))
                _forbid_nul(registered.schema, registry, seen)
        return
    constrained = constrained or bool(schema.pattern or schema.format or schema.enum)
    if schema.type == OpenAPIType.STRING and not constrained and schema.const is None:
        schema.pattern = NO_NUL_PATTERN
    for alternative in [*(schema.one_of or ()), *(schema.any_of or ()), *(schema.all_of or ())]:
        _forbid_nul(alternative, registry, seen, constrained)
    for child in [*(schema.properties or {}).values(), *([schema.items] if schema.items else [])]:
        _forbid_nul(child, registry, seen)


@functools.cache
def _decoder(body_type: Any) -> msgspec.json.Decoder[Any]:
    return msgspec.json.Decoder(body_type, strict=True)


def _field_error(error: msgspec.ValidationError) -> dict[str, str]:
    """The error as the signature model words it: the message, and the field's dotted path."""
    found = _ERROR_PATH.match(str(error))
    message = found.group("message") if found else str(error)
    path = ((found.group("path") if found else None) or "").removeprefix(".")
    return {"message": message, "key": path or "data", "source": "body"}


class StrictJsonBody(AbstractDTO[Any]):
    """Decodes ``data`` strictly into the handler's own annotation (see the module docstring)."""

    _body_types: ClassVar[dict[str, Any]] = {}

    @classmethod
    def create_for_field_definition(
        cls, field_definition: FieldDefinition, handler_id: str, backend_cls: Any = None
    ) -> None:
        if field_definition.name == "data":
            cls._body_types[handler_id] = field_definition.annotation

    @classmethod
    def create_openapi_schema(
        cls, field_definition: FieldDefinition, handler_id: str, schema_creator: Any
    ) -> Any:
        schema = schema_creator.for_field_definition(field_definition)
        _forbid_nul(schema, schema_creator.schema_registry, set())
        return schema

    @classmethod
    def is_supported_model_type_field(cls, field_definition: FieldDefinition) -> bool:
        return False  # never used to encode a response

    @classmethod
    def generate_field_definitions(
        cls, model_type: type[Any]
    ) -> Generator[DTOFieldDefinition, None, None]:
        yield from ()  # the body type itself is the schema: no transfer model is generated

    @classmethod
    def detect_nested_field(cls, field_definition: FieldDefinition) -> bool:
        return False

    def decode_builtins(self, value: dict[str, Any]) -> Any:
        raise NotImplementedError("StrictJsonBody decodes JSON bodies only, not forms")

    def decode_bytes(self, value: bytes) -> Any:
        connection: Any = self.asgi_connection
        media_type, options = connection.content_type
        if not is_json_content_type(media_type, options):
            raw = connection.headers.get("Content-Type")
            sent = f"it is {raw}" if raw else "it has no Content-Type"
            raise HTTPException(
                status_code=HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                detail=f"The request body must be {JSON_MEDIA_TYPE} (UTF-8); {sent}",
            )
        body_type = self._body_types[connection.route_handler.handler_id]
        try:
            decoded = _decoder(body_type).decode(value)
        except msgspec.ValidationError as error:
            raise ValidationException(
                detail="The request body does not fit the schema", extra=[_field_error(error)]
            ) from error
        except (msgspec.DecodeError, RecursionError, UnicodeDecodeError) as error:
            raise SerializationException(f"The request body is not valid JSON: {error}") from error
        if ESCAPED_NUL in value and (path := _nul_path(decoded, "")) is not None:
            message = "Text must not contain the NUL character (\\u0000)"
            raise ValidationException(
                detail="The request body does not fit the schema",
                extra=[{"message": message, "key": path or "data", "source": "body"}],
            )
        return decoded
