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
``ValidationException`` with one item per bad field, every one of them, not only the first
msgspec meets (``key`` is the dotted field path, ``code`` a stable code: see
``marketplace.kit.field_errors``, which does that work only once a body is known to be bad),
``SerializationException`` for a body that is not JSON (too deep, invalid UTF-8 included), and
an ``HTTPException`` with status 415 for a body that does not say it is JSON.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Generator, Iterator
from typing import Any, ClassVar

import msgspec
from litestar.dto import AbstractDTO, DTOFieldDefinition
from litestar.exceptions import HTTPException, SerializationException, ValidationException
from litestar.openapi.spec import OpenAPIType, Reference, Schema
from litestar.status_codes import HTTP_415_UNSUPPORTED_MEDIA_TYPE
from litestar.typing import FieldDefinition

from marketplace.kit.field_errors import FieldFailure, every_field_error, failure_of

JSON_MEDIA_TYPE = "application/json"
JSON_SUFFIX = "+json"
JSON_CHARSET = "utf-8"
ESCAPED_NUL = b"\\u0000"  # how a NUL character must appear in JSON text
NO_NUL_PATTERN = "^[^\\u0000]*$"
NUL_MESSAGE = "Text must not contain the NUL character (\\u0000)"
MISFIT = "The request body does not fit the schema"


def is_json_content_type(media_type: str, options: dict[str, str]) -> bool:
    """``application/json`` or any ``application/…+json``, in UTF-8 (the only JSON encoding)."""
    is_json = media_type == JSON_MEDIA_TYPE or (
        media_type.startswith("application/") and media_type.endswith(JSON_SUFFIX)
    )
    return is_json and options.get("charset", JSON_CHARSET).lower() == JSON_CHARSET


def _nul_paths(value: Any, path: str) -> Iterator[str]:
    """Where text holding a NUL character is (no database stores one in text)."""
    if isinstance(value, str):
        if "\x00" in value:
            yield path
    elif isinstance(value, msgspec.Struct):
        names = zip(value.__struct_fields__, value.__struct_encode_fields__, strict=True)
        for name, wire in names:
            yield from _nul_paths(getattr(value, name), f"{path}.{wire}" if path else wire)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _nul_paths(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and "\x00" in key:
                yield where
            else:
                yield from _nul_paths(item, where)


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


def _item(failure: FieldFailure) -> dict[str, str]:
    """A failure as the signature model words it, with its code (``key``: the dotted path)."""
    return {"message": failure.message, "key": failure.path, "source": "body", "code": failure.code}


def _is_under(path: str, listed: list[FieldFailure]) -> bool:
    return any(path == f.path or path.startswith((f"{f.path}.", f"{f.path}[")) for f in listed)


def _every_failure(
    body_type: Any, body: bytes, error: msgspec.ValidationError
) -> list[dict[str, str]]:
    """Every bad field of a body that failed to decode, msgspec's own first error first."""
    first = failure_of(error)
    try:
        document = msgspec.json.decode(body)
    except (msgspec.DecodeError, RecursionError, UnicodeDecodeError):
        return [_item(first)]  # past its first error the body is not even JSON
    failures = every_field_error(body_type, document) or [first]
    leading = [f for f in failures if f.path == first.path][:1]
    failures = leading + [f for f in failures if f not in leading]
    if ESCAPED_NUL in body:
        nul = [p for p in _nul_paths(document, "") if not _is_under(p, failures)]
        failures += [FieldFailure(path, "nul_character", NUL_MESSAGE) for path in nul]
    return [_item(failure) for failure in failures]


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
            extra = _every_failure(body_type, value, error)
            raise ValidationException(detail=MISFIT, extra=extra) from error
        except (msgspec.DecodeError, RecursionError, UnicodeDecodeError) as error:
            raise SerializationException(f"The request body is not valid JSON: {error}") from error
        if ESCAPED_NUL in value and (paths := list(_nul_paths(decoded, ""))):
            nul = [FieldFailure(path, "nul_character", NUL_MESSAGE) for path in paths]
            raise ValidationException(detail=MISFIT, extra=[_item(failure) for failure in nul])
        return decoded
