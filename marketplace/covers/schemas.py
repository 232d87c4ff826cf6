"""Wire types of covers: the bind request and the cover with its payment."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from marketplace.covers import deadlines
from marketplace.kit.described import (
    AmicableCollectionDays,
    ClaimThresholdDays,
    InsurerId,
    Livemode,
    ObjectCurrency,
    OverdueDeclarationDays,
    WaitingPeriodDays,
)
from marketplace.kit.ids import id_pattern
from marketplace.kit.metadata import MetadataIn, MetadataOut
from marketplace.kit.reference import Currency
from marketplace.models.covers import Cover, CoverStatus


def outstanding_minor(cover: Cover) -> int:
    """What the buyer still owes on the invoice."""
    return cover.invoice_amount_minor - cover.paid_minor - cover.credited_minor


class CoverCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Bind one offer of a quote. With ``payment_method`` the premium is charged at once;
    without it, the platform's front end confirms the PaymentIntent with ``client_secret``."""

    quote: Annotated[
        str, msgspec.Meta(pattern=id_pattern("quote"), description="The quote (quo_…)")
    ]
    offer: Annotated[
        str,
        msgspec.Meta(pattern=id_pattern("offer"), description="One of its offers (off_…)"),
    ]
    payment_method: (
        Annotated[
            str,
            msgspec.Meta(
                min_length=3,
                max_length=255,
                pattern=r"^pm_[A-Za-z0-9_]+$",
                description="A Stripe PaymentMethod (pm_…) to charge the premium with at once;"
                " without it the payer confirms the premium with Stripe.js",
            ),
        ]
        | None
    ) = None
    metadata: MetadataIn = {}


class Payment(msgspec.Struct):
    """The premium's payment through Stripe."""

    provider: Annotated[Literal["stripe"], msgspec.Meta(description="Always `stripe`")]
    payment_intent: Annotated[
        str | None, msgspec.Meta(description="The Stripe PaymentIntent for the premium (pi_…)")
    ]
    client_secret: Annotated[
        str | None,
        msgspec.Meta(
            description="For the payer's front end (Stripe.js) while the premium is unpaid;"
            " shown only to the platform and seller the cover was bound by or for"
        ),
    ]
    status: Annotated[
        str | None,
        msgspec.Meta(
            description="The PaymentIntent's status as last seen (`succeeded`,"
            " `requires_payment_method`…), or `unknown` when Stripe did not answer the bind:"
            " send the same bind again to resume"
        ),
    ]
    error_code: Annotated[
        str | None,
        msgspec.Meta(
            description="Why the payment failed or ended: Stripe's code (`card_declined`…),"
            " `payment_method_invalid`, or `premium_refunded` (refunded outside the API);"
            " null otherwise"
        ),
    ]
    refunded: Annotated[int, msgspec.Meta(description="Premium refunded so far, in minor units")]


class Deadlines(msgspec.Struct, kw_only=True):
    """The dates that decide whether a loss is paid, on the cover's clock (null: not yet
    known). A ``*.deadline_approaching`` event goes out 7 days before each."""

    overdue_declaration_by: Annotated[
        date,
        msgspec.Meta(
            description="Last day to declare the unpaid invoice overdue (`invoice.overdue`); a"
            " cover never declared by then ends `time_barred`"
        ),
    ]
    claimable_from: Annotated[
        date,
        msgspec.Meta(description="From this day a claim opens on a declared, still unpaid invoice"),
    ]
    waiting_period_ends_on: Annotated[
        date | None,
        msgspec.Meta(
            description="The claim is approved on this day (declaration + waiting period; an"
            " insolvency: the day the claim opened)"
        ),
    ]
    indemnity_due_by: Annotated[
        date | None,
        msgspec.Meta(
            description="The insurer pays the indemnity by this day (30 days after approval)"
        ),
    ]

    @classmethod
    def of(cls, cover: Cover) -> Deadlines:
        return cls(
            overdue_declaration_by=deadlines.overdue_declaration_by(cover),
            claimable_from=deadlines.claimable_from(cover),
            waiting_period_ends_on=cover.waiting_period_ends_on,
            indemnity_due_by=cover.indemnity_due_by,
        )


class Invoice(msgspec.Struct, kw_only=True):
    """What happened to the invoice since bind, as the platform or seller reported it (every
    amount in minor units of the cover's currency)."""

    paid: Annotated[int, msgspec.Meta(description="Paid by the buyer so far (recoveries included)")]
    credited: Annotated[int, msgspec.Meta(description="Credit notes issued so far")]
    outstanding: Annotated[
        int,
        msgspec.Meta(description="Still owed: the invoice amount less payments and credit notes"),
    ]
    declared_overdue_at: Annotated[
        datetime | None,
        msgspec.Meta(description="When it was declared overdue (on the cover's clock, UTC)"),
    ]
    disputed_since: Annotated[
        datetime | None,
        msgspec.Meta(
            description="Since when a commercial dispute holds it (UTC; null: not disputed)"
        ),
    ]


class CoverOut(msgspec.Struct, kw_only=True):
    """A cover: the insurance bound on one invoice, with its payment, what was reported of the
    invoice, and its deadlines. Amounts in minor units of ``currency``."""

    id: Annotated[str, msgspec.Meta(description="The cover's id (cov_…)")]
    status: Annotated[
        CoverStatus,
        msgspec.Meta(
            description="`pending_payment`, `active` (premium paid: in force), `cancelling`,"
            " `overdue` (past due, unpaid), `claimed`, `settled` (nothing owed), `time_barred`;"
            " or `payment_failed`, `expired` (unpaid in time), `cancelled`"
        ),
    ]
    livemode: Livemode
    quote: Annotated[str, msgspec.Meta(description="The quote bound (quo_…)")]
    offer: Annotated[str, msgspec.Meta(description="The offer bound (off_…)")]
    product: Annotated[str, msgspec.Meta(description="The insurer's product (prod_…)")]
    product_name: Annotated[
        str, msgspec.Meta(description="The product's name, as the offer bound showed it.")
    ]
    product_version: Annotated[
        int, msgspec.Meta(description="The version of the product's terms bound")
    ]
    insurer: InsurerId
    insurer_name: Annotated[
        str, msgspec.Meta(description="The insurer's display name, as the offer bound showed it.")
    ]
    buyer: Annotated[str, msgspec.Meta(description="The buyer who owes the invoice (buy_…)")]
    seller: Annotated[str | None, msgspec.Meta(description="The seller the cover is for (acct_…)")]
    currency: ObjectCurrency
    invoice_number: Annotated[str, msgspec.Meta(description="The invoice's number, as sent")]
    invoice_amount: Annotated[int, msgspec.Meta(description="The invoice's amount, in minor units")]
    invoice_due_date: Annotated[date, msgspec.Meta(description="The invoice's due date")]
    cover_ratio: Annotated[
        float,
        msgspec.Meta(description="The share of the invoice insured: a ratio in (0, 1]"),
    ]
    insured_amount: Annotated[
        int,
        msgspec.Meta(
            description="What the cover pays at most: invoice amount x cover ratio, in minor units"
        ),
    ]
    premium: Annotated[int, msgspec.Meta(description="The price paid for it, in minor units")]
    waiting_period_days: WaitingPeriodDays
    claim_threshold_days: ClaimThresholdDays
    certificate_number: Annotated[
        str | None,
        msgspec.Meta(description="The insurance certificate's number, once the premium is paid"),
    ]
    cover_starts_at: Annotated[
        datetime | None,
        msgspec.Meta(description="When the cover came in force: the premium's payment (UTC)"),
    ]
    cover_ends_on: Annotated[
        date | None,
        msgspec.Meta(
            description="The end of the cover period: due date + claim threshold"
            " (`deadlines.claimable_from`). An unpaid invoice must be declared overdue by"
            " `deadlines.overdue_declaration_by`"
        ),
    ]
    overdue_declaration_days: OverdueDeclarationDays
    amicable_collection_days: AmicableCollectionDays
    insured_outstanding: Annotated[
        int,
        msgspec.Meta(
            description="The exposure the cover holds on the buyer, in minor units: the cover"
            " ratio of what is still owed, capped by the insured amount, while the insurer may"
            " still have to pay (0 otherwise)"
        ),
    ]
    invoice: Annotated[
        Invoice, msgspec.Meta(description="What was reported of the invoice since bind")
    ]
    deadlines: Annotated[
        Deadlines, msgspec.Meta(description="The dates that decide whether a loss is paid")
    ]
    claim: Annotated[
        str | None, msgspec.Meta(description="The claim on this cover (clm_…), once one opened")
    ]
    settled_at: Annotated[
        datetime | None,
        msgspec.Meta(description="When nothing more was owed on the invoice (UTC)"),
    ]
    clock_advanced_days: Annotated[
        int,
        msgspec.Meta(
            description="Test mode: how many days the test clock moved this cover (and its"
            " claim) ahead"
        ),
    ]
    payment: Annotated[Payment, msgspec.Meta(description="The premium's payment")]
    expires_at: Annotated[
        datetime | None,
        msgspec.Meta(
            description="While pending payment: when the cover lapses if the premium has not"
            " arrived (UTC)"
        ),
    ]
    metadata: MetadataOut
    created_at: Annotated[datetime, msgspec.Meta(description="When it was bound (UTC)")]
    object: Annotated[
        Literal["cover"], msgspec.Meta(description="The kind of object: always `cover`")
    ] = "cover"

    @classmethod
    def of(cls, cover: Cover, viewer_id: str) -> CoverOut:
        """The cover as ``viewer_id`` sees it: only its binder sees the ``client_secret``."""
        payer = viewer_id in (cover.account_id, cover.seller_id)
        return cls(
            id=cover.id,
            status=cover.status,  # type: ignore[arg-type]
            livemode=cover.livemode,
            quote=cover.quote_id,
            offer=cover.offer_id,
            product=cover.product_id,
            product_name=cover.product_name,
            product_version=cover.product_version,
            insurer=cover.insurer_id,
            insurer_name=cover.insurer_name,
            buyer=cover.buyer_id,
            seller=cover.seller_id,
            currency=Currency(cover.currency),
            invoice_number=cover.invoice_number,
            invoice_amount=cover.invoice_amount_minor,
            invoice_due_date=cover.invoice_due_date,
            cover_ratio=cover.cover_ratio,
            insured_amount=cover.insured_amount_minor,
            premium=cover.premium_minor,
            waiting_period_days=cover.waiting_period_days,
            claim_threshold_days=cover.claim_threshold_days,
            certificate_number=cover.certificate_number,
            cover_starts_at=cover.cover_starts_at,
            cover_ends_on=cover.cover_ends_on,
            overdue_declaration_days=cover.overdue_declaration_days,
            amicable_collection_days=cover.amicable_collection_days,
            insured_outstanding=cover.insured_outstanding_minor,
            invoice=Invoice(
                paid=cover.paid_minor,
                credited=cover.credited_minor,
                outstanding=outstanding_minor(cover),
                declared_overdue_at=cover.declared_at,
                disputed_since=cover.disputed_at,
            ),
            deadlines=Deadlines.of(cover),
            claim=cover.claim_id,
            settled_at=cover.settled_at,
            clock_advanced_days=cover.clock_offset_days,
            payment=Payment(
                provider="stripe",
                payment_intent=cover.payment_intent_id,
                client_secret=cover.payment_client_secret
                if cover.status == "pending_payment" and payer
                else None,
                status=cover.payment_status,
                error_code=cover.payment_error_code,
                refunded=cover.refunded_minor,
            ),
            expires_at=cover.expires_at if cover.status == "pending_payment" else None,
            metadata=cover.metadata_,
            created_at=cover.created_at,
        )
