"""Every table, imported here so that one metadata knows them all."""

from marketplace.models.accounts import Account, ApiKey
from marketplace.models.base import Base
from marketplace.models.buyers import Buyer, BuyerExposure, BuyerFactSet, BuyerLimit, BuyerSignal
from marketplace.models.claims import Claim, ClaimPayout, DeadlineNotice, InvoiceReport
from marketplace.models.covers import Cover
from marketplace.models.events import (
    Event,
    ObjectSequence,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)
from marketplace.models.health import ReadinessProbe
from marketplace.models.idempotency import IdempotencyRecord
from marketplace.models.payments import Refund, StripeEvent
from marketplace.models.products import Product, ProductVersion
from marketplace.models.quotes import Offer, Quote

__all__ = [
    "Account",
    "ApiKey",
    "Base",
    "Buyer",
    "BuyerExposure",
    "BuyerFactSet",
    "BuyerLimit",
    "BuyerSignal",
    "Claim",
    "ClaimPayout",
    "Cover",
    "DeadlineNotice",
    "Event",
    "IdempotencyRecord",
    "InvoiceReport",
    "ObjectSequence",
    "Offer",
    "Product",
    "ProductVersion",
    "Quote",
    "ReadinessProbe",
    "Refund",
    "StripeEvent",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
]
