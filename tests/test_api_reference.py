"""The API reference an integrator reads: every field described, every body with an example
that fits its schema, real summaries, the domain error codes per operation, clean component
names, every webhook the code sends, and a docs page that loads nothing from elsewhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import jsonschema_rs
import pytest

from marketplace.errors import MarketplaceError
from marketplace.events.catalogue import EVENT_TYPES
from marketplace.kit.ids import ALPHABET, PREFIXES

GENERIC_SUMMARIES = {
    "advance", "approve", "cancel", "create", "createkey", "createpayout", "createsignal",
    "delete", "health", "hold", "list", "listkeys", "listlimits", "listpayouts", "listsignals",
    "me", "pause", "ready", "redeliver", "reject", "replay", "resume", "retrieve",
    "retrieveversion", "revokekey", "rotatesecret", "setlimit", "update", "withdraw",
}  # fmt: skip
"""What a summary reads like when it is only the handler's name."""
DEFAULT_RESPONSE_TEXTS = {
    "Request fulfilled, document follows",
    "Document created, URL follows",
    "Additional response",
    "Request fulfilled, nothing follows",
}
UNDOCUMENTED_CODES = {
    "rule_violation": "the base of every rule's own code, never answered as such",
    "conflict": "the base of every conflict's own code, never answered as such",
    "method_not_allowed": "a method no route has: no operation to document it on",
    "invalid_signature": "Stripe's webhook route, not part of the public API",
    "invalid_event": "Stripe's webhook route, not part of the public API",
    "webhook_not_configured": "Stripe's webhook route, not part of the public API",
}
"""Codes of error classes that no documented operation answers, and why."""
SIGNATURE_HEADERS = {"webhook-id", "webhook-timestamp", "webhook-signature"}


@pytest.fixture(scope="module")
def document(app):
    return app.openapi_schema.to_schema()


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", operation
    for event_type, item in document.get("webhooks", {}).items():
        yield f"webhook {event_type}", item["post"]


def _schemas_with_properties(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema under ``node`` that has properties, inline ones included."""
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            yield where, node
        for key, value in node.items():
            yield from _schemas_with_properties(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _schemas_with_properties(value, f"{where}[{index}]")


def _json_bodies(operation: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    bodies = [("request", operation.get("requestBody", {}))]
    bodies += list(operation.get("responses", {}).items())
    for status, body in bodies:
        for media_type, media in body.get("content", {}).items():
            if media_type.endswith("json"):
                yield f"{status} {media_type}", media


def _example_values(media: dict[str, Any]) -> list[Any]:
    if "example" in media:
        return [media["example"]]
    return [example["value"] for example in media.get("examples", {}).values()]


def _codes_listed(operation: dict[str, Any], status: str) -> set[str]:
    content = operation["responses"][status]["content"]["application/problem+json"]
    return {example["value"]["code"] for example in content["examples"].values()}


def _error_classes(cls: type[MarketplaceError] = MarketplaceError) -> set[type[MarketplaceError]]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_error_classes(sub)}
    return found


def test_every_schema_property_is_described(document):
    undescribed = [
        f"{where}.{name}"
        for where, schema in _schemas_with_properties(document["components"], "components")
        for name, prop in schema["properties"].items()
        if not prop.get("description", "").strip()
    ]
    webhook_bodies = _schemas_with_properties(document["webhooks"], "webhooks")
    undescribed += [
        f"{where}.{name}"
        for where, schema in webhook_bodies
        for name, prop in schema["properties"].items()
        if not prop.get("description", "").strip()
    ]
    assert undescribed == []


def test_a_property_of_another_schema_is_a_described_reference(document):
    buyer = document["components"]["schemas"]["BuyerOut"]
    facts = buyer["properties"]["facts"]
    assert facts["$ref"] == "#/components/schemas/BuyerFacts"
    assert facts["description"]
    # The shared component keeps no description of one of its uses.
    assert "description" not in document["components"]["schemas"]["BuyerFacts"]


def test_a_described_optional_field_keeps_its_bounds(document):
    schemas = document["components"]["schemas"]
    platform = schemas["AccountCreate"]["properties"]["platform"]
    assert platform["description"]
    assert platform["pattern"].startswith("^acct_")
    ratios = schemas["QuoteCreate"]["properties"]["cover_ratios"]
    assert ratios["description"]
    assert (ratios["minItems"], ratios["maxItems"]) == (1, 10)
    reason = schemas["ClaimReject"]["properties"]["reason"]
    assert reason["description"]
    assert (reason["minLength"], reason["maxLength"]) == (1, 500)


def test_every_parameter_is_described(document):
    undescribed = [
        f"{where} {parameter['in']} {parameter['name']}"
        for where, operation in _operations(document)
        for parameter in operation.get("parameters", [])
        if not parameter.get("description", "").strip()
    ]
    assert undescribed == []


def test_every_json_body_has_an_example(document):
    without = [
        f"{where} {body}"
        for where, operation in _operations(document)
        for body, media in _json_bodies(operation)
        if not _example_values(media)
    ]
    assert without == []


def test_every_example_fits_its_schema(document):
    components = {"components": document["components"]}
    misfits = []
    for where, operation in _operations(document):
        for body, media in _json_bodies(operation):
            validator = jsonschema_rs.validator_for({**components, **media["schema"]})
            misfits += [
                f"{where} {body}: {error.message}"
                for value in _example_values(media)
                for error in validator.iter_errors(value)
            ]
    assert misfits == []


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_example_ids_look_real(document):
    values = [
        value
        for _, operation in _operations(document)
        for _, media in _json_bodies(operation)
        for value in _example_values(media)
    ]
    ids = {s for s in _strings(values) if re.match(rf"(?:{'|'.join(PREFIXES.values())})_", s)}
    assert {i.partition("_")[0] for i in ids} >= {"quo", "off", "cov", "acct", "buy", "evt"}
    assert {i for i in ids if not re.fullmatch(rf"[a-z]+_[{ALPHABET}]{{26}}", i)} == set()


def test_the_quote_example_is_the_readme_request(document):
    body = document["paths"]["/v1/quotes"]["post"]["requestBody"]["content"]["application/json"]
    [example] = _example_values(body)
    assert example["invoice"] == {
        "number": "F-2026-0042",
        "amount": 1250000,
        "currency": "EUR",
        "issue_date": "2026-11-25",
        "due_date": "2027-01-24",
    }
    assert example["buyer"]["registration_number"] == "552100554"
    assert example["relationship"] == {
        "months": 30,
        "prior_invoices_count": 14,
        "prior_late_ratio": 0.07,
    }


def test_every_operation_has_a_real_summary_and_description(document):
    weak = []
    for where, operation in _operations(document):
        summary = operation.get("summary", "")
        if summary.replace(" ", "").lower() in GENERIC_SUMMARIES or len(summary.split()) < 2:
            weak.append(f"{where}: summary {summary!r}")
        if len(operation.get("description", "").split()) < 8:
            weak.append(f"{where}: description {operation.get('description')!r}")
        weak += [
            f"{where} {status}: {response['description']!r}"
            for status, response in operation["responses"].items()
            if response.get("description", "") in DEFAULT_RESPONSE_TEXTS
        ]
    assert weak == []


def test_operations_list_their_domain_error_codes(document):
    bind = document["paths"]["/v1/covers"]["post"]
    assert {"quote_expired", "insufficient_capacity", "invoice_already_covered"} <= (
        _codes_listed(bind, "409")
    )
    assert {"payment_outcome_unknown", "payment_provider_error"} <= _codes_listed(bind, "502")
    assert "`quote_expired`" in bind["responses"]["409"]["description"]
    quote = document["paths"]["/v1/quotes"]["post"]
    assert {"due_date_in_past", "tenor_too_long", "validation_error"} <= _codes_listed(quote, "422")
    # A read answers no domain conflict.
    assert "409" not in document["paths"]["/v1/quotes/{quote_id}"]["get"]["responses"]


def test_every_error_code_is_documented_on_some_operation(app, document):
    documented = {
        code
        for _, operation in _operations(document)
        for status, response in operation["responses"].items()
        if "application/problem+json" in response.get("content", {})
        for code in _codes_listed(operation, status)
    }
    codes = {cls.code for cls in _error_classes()} - UNDOCUMENTED_CODES.keys()
    assert codes - documented == set()


def test_component_names_carry_no_module_path(document):
    names = set(document["components"]["schemas"])
    assert {n for n in names if "." in n or "marketplace" in n.lower() or "ListOf" in n} == set()
    assert {"QuoteList", "CoverList", "AccountList", "EventList"} <= names
    quotes = document["paths"]["/v1/quotes"]["get"]["responses"]["200"]["content"]
    assert quotes["application/json"]["schema"] == {"$ref": "#/components/schemas/QuoteList"}


def test_query_parameter_enums_are_named_components(document):
    """Inline, a nullable enum of a query parameter made the SDK name the type of a status
    filter ``ListQuotesStatusType2Type1``; named, it is ``ListQuotesStatus``."""
    inline = [
        f"{operation['operationId']} {parameter['name']}"
        for item in document["paths"].values()
        for operation in item.values()
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query" and "enum" in parameter["schema"]
    ]
    assert inline == []
    [status] = [
        p for p in document["paths"]["/v1/quotes"]["get"]["parameters"] if p["name"] == "status"
    ]
    assert status["schema"]["oneOf"] == [
        {"$ref": "#/components/schemas/ListQuotesStatus"},
        {"type": "null"},
    ]
    assert status["schema"]["description"]
    named = document["components"]["schemas"]["ListQuotesStatus"]
    assert named["enum"] == ["quoted", "declined", "bound", "expired"]


def test_every_tag_is_described_and_the_docs_routes_stay_out(document):
    described = {tag["name"] for tag in document["tags"] if tag.get("description")}
    used = {tag for _, operation in _operations(document) for tag in operation["tags"]}
    assert used <= described
    assert [p for p in document["paths"] if p.startswith(("/schema", "/docs"))] == []


def test_the_webhooks_section_lists_every_event_type_the_code_sends(document):
    webhooks = document["webhooks"]
    assert set(webhooks) == set(EVENT_TYPES)
    for event_type, item in webhooks.items():
        operation = item["post"]
        headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
        assert headers >= SIGNATURE_HEADERS, event_type
        [example] = _example_values(operation["requestBody"]["content"]["application/json"])
        assert example["type"] == event_type


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href", "spec-url") and value is not None:
                self.urls.append(value)
                if tag == "script" and name == "src":
                    self.scripts.append(value)


def _same_origin(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and url.startswith("/")


@pytest.mark.parametrize("path", ["/docs", "/schema/redoc"])
async def test_the_docs_page_loads_only_assets_this_server_serves(client, path):
    page = await client.get(path, follow_redirects=True)
    assert page.status_code == 200
    assert page.url.path == "/docs"
    assert page.headers["content-type"].startswith("text/html")
    assets = _Assets()
    assets.feed(page.text)
    assert assets.scripts, "the page loads no script"
    assert [url for url in assets.urls if not _same_origin(url)] == []
    for script in assets.scripts:
        served = await client.get(script)
        assert served.status_code == 200
        assert "javascript" in served.headers["content-type"]
        assert b"Redoc" in served.content


async def test_the_docs_page_forbids_other_origins_to_the_browser(client):
    page = await client.get("/docs")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "connect-src 'self'" in policy
    spec = await client.get("/schema/openapi.json")
    assert spec.status_code == 200
    assert spec.json()["webhooks"]
