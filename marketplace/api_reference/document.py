"""The step that puts the examples into the OpenAPI document: on every JSON request and response
body (``examples`` of its media type, by name, for Redoc's drop-down) and on every webhook.

It runs after every other document step (the webhooks are added by one), so it sees the
document as served.
"""

from __future__ import annotations

from typing import Any

import msgspec

from marketplace.api_reference.examples.catalogue import examples_for
from marketplace.api_reference.examples.events import webhook_example
from marketplace.kit.openapi import add_document_step

LAST = 100
_REFERENCE_PREFIX = "#/components/schemas/"


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def _attach(content: dict[str, Any], operation_id: str, status: str) -> None:
    """Give each JSON body of ``content`` the examples of its schema, unless it has some."""
    for media_type, media in content.items():
        reference = media.get("schema", {}).get("$ref", "")
        if not _is_json(media_type) or "examples" in media or not reference:
            continue
        found = examples_for(reference.removeprefix(_REFERENCE_PREFIX), operation_id, status)
        if len({example.name for example in found}) != len(found):
            raise ValueError(f"OpenAPI examples of {operation_id}: two share a name")
        if found:
            media["examples"] = {
                e.name: {"summary": e.summary, "value": e.to_builtins()} for e in found
            }


def _operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        operation
        for item in document.get("paths", {}).values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    ]


def _attach_to_webhooks(document: dict[str, Any]) -> None:
    for event_type, item in document.get("webhooks", {}).items():
        event = webhook_example(event_type)
        body = item.get("post", {}).get("requestBody", {}).get("content", {})
        if event is None or "application/json" not in body:
            continue
        body["application/json"]["examples"] = {
            event_type.replace(".", "_"): {
                "summary": f"A `{event_type}` event",
                "value": msgspec.to_builtins(event),
            }
        }


def with_examples(document: dict[str, Any]) -> None:
    """Add the examples to ``document`` (an OpenAPI dict), in place."""
    for operation in _operations(document):
        operation_id = operation["operationId"]
        if "requestBody" in operation:
            _attach(operation["requestBody"].get("content", {}), operation_id, "request")
        for status, response in operation.get("responses", {}).items():
            _attach(response.get("content", {}), operation_id, status)
    _attach_to_webhooks(document)


add_document_step("examples", with_examples, order=LAST)
