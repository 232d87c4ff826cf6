"""OpenAPI links: how one operation's answer feeds the next (a quote's offer into a bind, a new
product into its updates, a new account into its keys, a new webhook endpoint into its changes).

Integrators read them as the map of the API's flows; schemathesis follows them to test whole
sequences. Litestar has no per-handler way to declare links, so ``OpenAPIConfigWithLinks`` adds
them to the document it renders.
"""

from __future__ import annotations

import copy
from dataclasses import fields
from typing import Any

from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import OpenAPI

from marketplace.kit.openapi import finish_document
from marketplace.kit.openapi_names import with_list_names, with_named_query_enums

Link = dict[str, Any]


def _link(operation_id: str, description: str, **parameters: str) -> Link:
    return {"operationId": operation_id, "parameters": parameters, "description": description}


def _bind(source: str) -> Link:
    return {
        "operationId": "create_cover",
        "requestBody": {"quote": "$response.body#/id", "offer": "$response.body#/offers/0/id"},
        "description": f"Bind the cheapest offer of the quote {source} answered",
    }


_QUOTE = "$response.body#/id"
_PRODUCT = "$response.body#/id"
_ACCOUNT = "$response.body#/id"
_ENDPOINT = "$response.body#/id"

LINKS: dict[tuple[str, str], dict[str, Link]] = {
    ("create_quote", "201"): {
        "BindOffer": _bind("create_quote"),
        "RetrieveQuote": _link("retrieve_quote", "The quote again", quote_id=_QUOTE),
        "RetrieveBuyer": _link(
            "retrieve_buyer", "The buyer quoted", buyer_id="$response.body#/buyer"
        ),
    },
    ("retrieve_quote", "200"): {"BindOffer": _bind("retrieve_quote")},
    ("create_cover", "201"): {
        "RetrieveCover": _link("retrieve_cover", "The cover", cover_id="$response.body#/id"),
        "CancelCover": _link("cancel_cover", "Cancel the cover", cover_id="$response.body#/id"),
    },
    ("create_product", "201"): {
        "RetrieveProduct": _link("retrieve_product", "The product", product_id=_PRODUCT),
        "UpdateProduct": _link("update_product", "A new version", product_id=_PRODUCT),
        "PauseProduct": _link("pause_product", "Stop quoting it", product_id=_PRODUCT),
        "ResumeProduct": _link("resume_product", "Quote it again", product_id=_PRODUCT),
        "RetrieveProductVersion": _link(
            "retrieve_product_version",
            "The terms of this version",
            product_id=_PRODUCT,
            version="$response.body#/version",
        ),
    },
    ("create_account", "201"): {
        "RetrieveAccount": _link("retrieve_account", "The account", account_id=_ACCOUNT),
        "CreateApiKey": _link("create_api_key", "A key for the account", account_id=_ACCOUNT),
        "ListApiKeys": _link("list_api_keys", "The account's keys", account_id=_ACCOUNT),
    },
    ("create_webhook_endpoint", "201"): {
        "RetrieveWebhookEndpoint": _link(
            "retrieve_webhook_endpoint", "The endpoint", webhook_endpoint_id=_ENDPOINT
        ),
        "UpdateWebhookEndpoint": _link(
            "update_webhook_endpoint", "Change the endpoint", webhook_endpoint_id=_ENDPOINT
        ),
        "RotateWebhookEndpointSecret": _link(
            "rotate_webhook_endpoint_secret", "A new secret", webhook_endpoint_id=_ENDPOINT
        ),
        "ReplayWebhookEndpoint": _link(
            "replay_webhook_endpoint", "Send past events again", webhook_endpoint_id=_ENDPOINT
        ),
        "DeleteWebhookEndpoint": _link(
            "delete_webhook_endpoint", "Delete the endpoint", webhook_endpoint_id=_ENDPOINT
        ),
    },
    ("create_api_key", "201"): {
        "RevokeApiKey": _link(
            "revoke_api_key",
            "Revoke the new key",
            account_id="$response.body#/account",
            key_id="$response.body#/id",
        ),
    },
}
"""By (source operation id, status): the links of that response, by name."""


def with_links(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (an OpenAPI dict) with ``LINKS`` added to its responses, in place.

    Raises ``ValueError`` when a link names an operation or a response the document lacks, so
    a renamed operation cannot leave a dangling link.
    """
    operations = {
        operation["operationId"]: operation
        for item in document.get("paths", {}).values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    for (source, status), links in LINKS.items():
        targets = {link["operationId"] for link in links.values()}
        missing = ({source} | targets) - operations.keys()
        if missing or status not in operations[source]["responses"]:
            raise ValueError(f"OpenAPI links from {source} {status}: no {sorted(missing)}")
        # A copy: readers of the document (schemathesis, for one) may change it in place.
        operations[source]["responses"][status]["links"] = copy.deepcopy(links)
    return document


class _OpenAPIWithLinks(OpenAPI):
    def to_schema(self) -> dict[str, Any]:
        document = with_named_query_enums(with_list_names(super().to_schema()))
        return finish_document(with_links(document))


class OpenAPIConfigWithLinks(OpenAPIConfig):
    """Litestar's ``OpenAPIConfig`` whose rendered document carries ``LINKS``, names each page
    of a list after its items, and has been through every ``add_document_step``."""

    def to_openapi_schema(self) -> OpenAPI:
        document = super().to_openapi_schema()
        return _OpenAPIWithLinks(**{f.name: getattr(document, f.name) for f in fields(document)})
