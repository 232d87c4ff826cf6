"""The webhooks the API sends, in its OpenAPI document (OpenAPI 3.1's top-level ``webhooks``).

One entry per event type: a POST whose body is the event (``EventOut``, with ``data.object``
the cover or the webhook endpoint it is about, as a schema of its own per kind of object),
signed with the three Standard Webhooks headers. Litestar documents only the routes it serves,
so this is a step that finishes the rendered document (``kit.openapi.add_document_step``), as
is marking the bodies that may be left out (``OPTIONAL_BODIES``).
"""

from __future__ import annotations

import copy
from typing import Any

from marketplace.claims import changes as claim_changes
from marketplace.covers import changes as cover_changes
from marketplace.events import signing
from marketplace.events.catalogue import BUYER_ALERT, EVENT_TYPES, WEBHOOK_ENDPOINT_DISABLED
from marketplace.kit.openapi import add_document_step
from marketplace.kit.openapi_names import pascal_case

EVENT_SCHEMA = "EventOut"
OBJECT_SCHEMAS = {
    "cover": "CoverOut",
    "claim": "ClaimOut",
    "buyer": "BuyerStatusOut",
    "webhook_endpoint": "WebhookEndpointOut",
}
"""By kind of object: the component schema of ``data.object`` (the object's GET shape)."""

SUMMARIES = {
    **{
        event_type: f"A cover moved to `{status}`"
        for status, event_type in cover_changes.EVENT_BY_STATUS.items()
    },
    **{
        event_type: f"A claim moved to `{status}`"
        for status, event_type in claim_changes.EVENT_BY_STATUS.items()
    },
    "cover.created": "A cover was bound; it awaits its premium (`pending_payment`)",
    "cover.updated": (
        "A cover changed without changing status (its payment, a refund, an invoice report…)"
    ),
    cover_changes.DEADLINE_APPROACHING: (
        "A cover's deadline (`data.deadline`) is 7 days or less away: declare the unpaid"
        " invoice overdue before `overdue_declaration_by`"
    ),
    claim_changes.RESUMED: "A claim's hold ended: it is back where it was",
    claim_changes.RECOVERY_RECORDED: "The buyer paid on a claimed invoice (a recovery)",
    claim_changes.UPDATED: "A claim changed without changing status (a partial payout…)",
    claim_changes.DEADLINE_APPROACHING: (
        "A claim's deadline (`data.deadline`: the waiting period's end or the indemnity's due"
        " date) is 7 days or less away"
    ),
    BUYER_ALERT: (
        "A buyer you hold cover on changed its monitoring status or limits (an insolvency, a"
        " payment default, a rating change, an insurer's limit)"
    ),
    WEBHOOK_ENDPOINT_DISABLED: (
        "One of your webhook endpoints was disabled: it answered 410, or failed for 5 days"
    ),
}

_HEADERS = {
    signing.ID_HEADER: (
        "The event id (evt_…), the same on every attempt: a receiver handles each id once",
        {"type": "string"},
    ),
    signing.TIMESTAMP_HEADER: (
        "When this attempt was signed, in Unix seconds: refuse one far from your clock"
        " (Standard Webhooks libraries allow 5 minutes)",
        {"type": "string", "pattern": "^[0-9]+$"},
    ),
    signing.SIGNATURE_HEADER: (
        "Space-separated `v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-timestamp}.{body}`,"
        " keyed with the base64 part of the endpoint's `whsec_` secret; while a rotated secret"
        " overlaps, one signature per secret: accept the request if one verifies",
        {"type": "string"},
    ),
}

_RESPONSES = {
    "200": {"description": "Any 2xx answer takes the event: it is not sent again"},
    "410": {"description": "Gone: the endpoint is disabled at once and sent nothing more"},
    "default": {
        "description": (
            "Any other answer, or none within 15 s, is a failure: the event is sent again,"
            " with growing delays, for up to 3 days"
        )
    },
}


def _schema_name(object_type: str) -> str:
    return pascal_case(object_type) + "Event"


def _event_schema(document: dict[str, Any], object_type: str) -> dict[str, Any]:
    """``EventOut`` narrowed to one kind of object: its types and its ``data.object``."""
    schemas = document["components"]["schemas"]
    missing = {EVENT_SCHEMA, OBJECT_SCHEMAS[object_type]} - schemas.keys()
    if missing:
        raise ValueError(f"OpenAPI webhooks: no component schema {sorted(missing)}")
    schema: dict[str, Any] = copy.deepcopy(schemas[EVENT_SCHEMA])
    schema["title"] = _schema_name(object_type)
    schema["description"] = f"An event about a {object_type.replace('_', ' ')}, as delivered"
    types = [t for t in EVENT_TYPES if t.partition(".")[0] == object_type]
    schema["properties"]["type"] = {
        "type": "string",
        "enum": types,
        "description": "What happened: one of the event types about this kind of object",
    }
    data: dict[str, Any] = {
        "type": "object",
        "required": ["object", "previous_attributes"],
        "properties": {
            "object": {
                "$ref": f"#/components/schemas/{OBJECT_SCHEMAS[object_type]}",
                "description": "The object after the change, exactly as its GET shows it",
            },
            "previous_attributes": {
                "oneOf": [{"type": "object", "additionalProperties": {}}, {"type": "null"}],
                "description": (
                    "The earlier value of each field that changed (inside a nested object, of"
                    " each of its changed fields); null when the object is new"
                ),
            },
        },
    }
    data["description"] = "The object after the change, and what changed"
    schema["properties"]["data"] = data
    deadline = schemas.get("EventData", {}).get("properties", {}).get("deadline")
    if deadline is not None:  # in *.deadline_approaching events only
        data["properties"]["deadline"] = copy.deepcopy(deadline)
    return schema


def _webhook(event_type: str) -> dict[str, Any]:
    object_type = event_type.partition(".")[0]
    reference = f"#/components/schemas/{_schema_name(object_type)}"
    return {
        "post": {
            "operationId": f"webhook_{event_type.replace('.', '_')}",
            "summary": SUMMARIES[event_type],
            "description": (
                f"`{event_type}`, POSTed to each enabled endpoint of the event's mode that"
                " subscribes to it and whose account may see it. At least once, in no set"
                " order: apply an event only if its `sequence` is above the last one you"
                " applied for the same object."
            ),
            "tags": ["webhooks"],
            "parameters": [
                {"name": name, "in": "header", "required": True, "description": text, "schema": s}
                for name, (text, s) in _HEADERS.items()
            ],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": reference}}},
            },
            "responses": copy.deepcopy(_RESPONSES),
        }
    }


OPTIONAL_BODIES = ("rotate_webhook_endpoint_secret", "redeliver_event")
"""Operations whose body may be left out: the handler's default body stands in for it."""


def with_optional_bodies(document: dict[str, Any]) -> None:
    """Litestar marks every body required and puts the default body, as a Python object, in
    its schema: say the body is optional instead (its schema's own defaults say the rest)."""
    schemas = document["components"]["schemas"]
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") in OPTIONAL_BODIES:
                body = operation["requestBody"]
                body["required"] = False
                reference = body["content"]["application/json"]["schema"]["$ref"]
                schemas[reference.rpartition("/")[2]].pop("default", None)


def with_webhooks(document: dict[str, Any]) -> None:
    """Add the webhooks, and a schema of the event per kind of object, to ``document``."""
    schemas = document["components"]["schemas"]
    for object_type in OBJECT_SCHEMAS:
        schemas[_schema_name(object_type)] = _event_schema(document, object_type)
    document["webhooks"] = {event_type: _webhook(event_type) for event_type in EVENT_TYPES}


add_document_step("webhooks", with_webhooks)
add_document_step("optional event bodies", with_optional_bodies)
