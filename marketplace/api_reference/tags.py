"""The groups of operations in the API reference, in reading order, each with what it is for."""

from __future__ import annotations

from litestar.openapi.spec import Tag

TAGS = [
    Tag(
        name="quotes",
        description="Price one invoice with every insurer product, inside your checkout:"
        " offers to bind, or declines with their reasons. Every amount is an integer in minor"
        " units of the invoice's currency.",
    ),
    Tag(
        name="covers",
        description="Bind an offer and pay its premium through Stripe; follow the cover, report"
        " what happens to the invoice, cancel it before its due date for a refund.",
    ),
    Tag(
        name="claims",
        description="An unpaid invoice, declared, becomes a claim: collection, the waiting"
        " period, the indemnity the insurer pays, and the recoveries shared after.",
    ),
    Tag(
        name="buyers",
        description="The companies that owe the invoices: your own facts and score, capacity"
        " per product, and the monitoring insurers report (signals, limits).",
    ),
    Tag(
        name="products",
        description="An insurer's offers on the marketplace: appetite, cover terms and pricing,"
        " versioned.",
    ),
    Tag(
        name="accounts",
        description="Accounts (operator, insurer, platform, seller) and their API keys.",
    ),
    Tag(
        name="webhook_endpoints",
        description="Where the events you may see are POSTed, signed (Standard Webhooks).",
    ),
    Tag(
        name="events",
        description="Every change as an event, kept 30 days, with its deliveries; send one again.",
    ),
    Tag(
        name="webhooks",
        description="The events the API POSTs to your endpoints: one per type, each with its"
        " body and signature headers. Verify the signature on the raw body, answer 2xx"
        " within 15 s, and apply an event only if its `sequence` is above the last applied.",
    ),
    Tag(
        name="test_helpers",
        description="Test mode only: move a cover's clock to play a whole life in seconds.",
    ),
    Tag(name="health", description="Liveness and readiness, without an API key."),
]
