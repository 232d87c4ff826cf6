"""The Invoice Cover Marketplace API for Python.

    from marketplace_sdk import Marketplace

    mk = Marketplace(api_key="mk_test_…", base_url="http://127.0.0.1:8000")
    quote = mk.quotes.create(seller="acct_…", invoice={...}, buyer={...})

``Marketplace`` and ``AsyncMarketplace`` return the generated models (``marketplace_sdk.models``)
and raise the exceptions below; ``marketplace_sdk.webhooks.verify`` checks a webhook delivery.
The generated layer (``Client``, ``AuthenticatedClient``, ``marketplace_sdk.api``) stays
available. This file replaces the generated ``__init__``: ``make sdk`` copies it from
``openapi/sdk_extras``.
"""

from marketplace_sdk import webhooks
from marketplace_sdk.client import AuthenticatedClient, Client
from marketplace_sdk.facade.client import AsyncMarketplace, Marketplace
from marketplace_sdk.facade.exceptions import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    ConflictError,
    InvalidRequestError,
    MarketplaceError,
    NotFoundError,
    PermissionError,
    RateLimitError,
)
from marketplace_sdk.webhooks import WebhookVerificationError

__all__ = (
    "APIConnectionError",
    "APIError",
    "AsyncMarketplace",
    "AuthenticatedClient",
    "AuthenticationError",
    "Client",
    "ConflictError",
    "InvalidRequestError",
    "Marketplace",
    "MarketplaceError",
    "NotFoundError",
    "PermissionError",
    "RateLimitError",
    "WebhookVerificationError",
    "webhooks",
)
