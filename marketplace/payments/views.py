"""Typed, read-only views of Stripe objects, so callers never touch Stripe's own classes.

Money is an integer in minor units; currencies are upper-case ISO 4217 codes here (Stripe
writes them in lower case). Each view is built from Stripe's documented JSON shape, whether it
came from an API response or from the ``data.object`` of a webhook event.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import stripe


@dataclass(frozen=True, slots=True)
class PaymentIntentView:
    """A PaymentIntent. ``last_error_code`` is Stripe's code of the last failed attempt
    (``card_declined``, ``payment_intent_authentication_failure``…), None when none failed.
    ``client_secret`` is for the payer's front end only: never log it."""

    id: str
    status: str
    amount_minor: int
    currency: str
    client_secret: str | None
    metadata: Mapping[str, str] = field(default_factory=dict)
    last_error_code: str | None = None
    livemode: bool = False
    amount_received_minor: int | None = None
    """What was actually collected (Stripe sets it; the embedded Stripe leaves it out)."""
    latest_charge_id: str | None = None
    charge_kept_minor: int | None = None
    """What its charge still holds — captured, less what was refunded — when the charge was
    read with it (``expand[]=latest_charge``); None when it was not."""

    @property
    def succeeded(self) -> bool:
        return self.status == "succeeded"

    @property
    def collected_minor(self) -> int:
        """The money this PaymentIntent holds now: what its charge kept when known (a partial
        capture or a refund made anywhere counts), else what it received, else its amount."""
        if self.charge_kept_minor is not None:
            return self.charge_kept_minor
        received = self.amount_received_minor
        return self.amount_minor if received is None else received


@dataclass(frozen=True, slots=True)
class RefundView:
    """A refund of (part of) a PaymentIntent's charge."""

    id: str
    status: str
    amount_minor: int
    payment_intent_id: str | None
    currency: str
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ChargeView:
    """A charge, as ``charge.refunded`` carries it: ``amount_refunded_minor`` is the total
    refunded so far (Stripe sends one event per refund, each with the running total)."""

    id: str
    payment_intent_id: str | None
    amount_minor: int
    amount_refunded_minor: int
    refunded: bool
    currency: str
    livemode: bool = False


@dataclass(frozen=True, slots=True)
class StripeEventView:
    """A verified Stripe event: its envelope and its ``data.object`` as the body carried it;
    ``current`` is that object as Stripe's API gave it afterwards (set by
    ``marketplace.payments.webhooks.refresh``), the only version handlers act on.
    ``problem`` says why it cannot be acted on (``malformed``, ``unknown_object``,
    ``other_mode``), None when it can."""

    id: str
    type: str
    livemode: bool
    created: datetime
    api_version: str | None
    data_object: Mapping[str, Any]
    problem: str | None = None
    current: PaymentIntentView | ChargeView | None = None

    @property
    def object_id(self) -> str | None:
        """The id of the object the event is about (``pi_…``, ``ch_…``)."""
        value = self.data_object.get("id")
        return value if isinstance(value, str) else None

    @property
    def object_type(self) -> str | None:
        """The kind of object the event is about (``payment_intent``, ``charge``)."""
        value = self.data_object.get("object")
        return value if isinstance(value, str) else None

    def payment_intent(self) -> PaymentIntentView:
        """The PaymentIntent of a ``payment_intent.*`` event, as read back from Stripe
        (ValueError when it was not: the body alone is never trusted)."""
        if not isinstance(self.current, PaymentIntentView):
            raise ValueError(f"event {self.id} carries no PaymentIntent read back from Stripe")
        return self.current

    def charge(self) -> ChargeView:
        """The charge of a ``charge.*`` event, as read back from Stripe (ValueError if not)."""
        if not isinstance(self.current, ChargeView):
            raise ValueError(f"event {self.id} carries no charge read back from Stripe")
        return self.current


def _plain(source: Mapping[str, Any] | stripe.StripeObject) -> Mapping[str, Any]:
    """Stripe's objects are not mappings: read them through their plain-dict form."""
    if isinstance(source, stripe.StripeObject):
        return source.to_dict()
    return source


def _related_id(value: Any) -> str | None:
    """A related object's id, whether Stripe sent the id or (expanded) the object."""
    if isinstance(value, Mapping):
        related = value.get("id")
        return related if isinstance(related, str) else None
    return value if isinstance(value, str) else None


def _metadata(data: Mapping[str, Any]) -> dict[str, str]:
    return {str(k): str(v) for k, v in (data.get("metadata") or {}).items()}


def payment_intent_view(source: Mapping[str, Any] | stripe.StripeObject) -> PaymentIntentView:
    """The view of a PaymentIntent in Stripe's JSON shape (a dict or a ``stripe`` object)."""
    data = _plain(source)
    error = data.get("last_payment_error") or {}
    return PaymentIntentView(
        id=str(data["id"]),
        status=str(data["status"]),
        amount_minor=int(data["amount"]),
        currency=str(data["currency"]).upper(),
        client_secret=data.get("client_secret"),
        metadata=_metadata(data),
        last_error_code=error.get("code"),
        livemode=bool(data.get("livemode", False)),
        amount_received_minor=(
            None if data.get("amount_received") is None else int(data["amount_received"])
        ),
        latest_charge_id=_related_id(data.get("latest_charge")),
        charge_kept_minor=_kept(data.get("latest_charge")),
    )


def _kept(charge: Any) -> int | None:
    """What an expanded charge still holds: captured (all of it when ``amount_captured`` is
    absent and it is captured), and never more than its amount less what was refunded."""
    if not isinstance(charge, Mapping):
        return None
    amount = int(charge.get("amount") or 0)
    captured = charge.get("amount_captured")
    if captured is None:
        captured = amount if charge.get("captured") else 0
    return max(0, min(int(captured), amount - int(charge.get("amount_refunded") or 0)))


def refund_view(source: Mapping[str, Any] | stripe.StripeObject) -> RefundView:
    """The view of a Refund in Stripe's JSON shape."""
    data = _plain(source)
    return RefundView(
        id=str(data["id"]),
        status=str(data["status"]),
        amount_minor=int(data["amount"]),
        payment_intent_id=_related_id(data.get("payment_intent")),
        currency=str(data["currency"]).upper(),
        metadata=_metadata(data),
    )


def charge_view(source: Mapping[str, Any] | stripe.StripeObject) -> ChargeView:
    """The view of a Charge in Stripe's JSON shape."""
    data = _plain(source)
    return ChargeView(
        id=str(data["id"]),
        payment_intent_id=_related_id(data.get("payment_intent")),
        amount_minor=int(data["amount"]),
        amount_refunded_minor=int(data.get("amount_refunded") or 0),
        refunded=bool(data.get("refunded")),
        currency=str(data["currency"]).upper(),
        livemode=bool(data.get("livemode", False)),
    )


def event_time(created: int) -> datetime:
    """An event's ``created`` (Unix seconds) as an aware UTC datetime."""
    return datetime.fromtimestamp(created, tz=UTC)
