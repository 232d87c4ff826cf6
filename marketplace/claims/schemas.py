"""Wire types of claims, payouts, invoice reports and the test clock.

Every amount is in minor units of the cover's currency; dates are on the cover's clock.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from marketplace.covers import deadlines
from marketplace.covers.schemas import Deadlines
from marketplace.kit.described import CreatedAt, Livemode, ObjectCurrency
from marketplace.kit.ids import id_pattern
from marketplace.kit.reference import Currency
from marketplace.models.claims import (
    Claim,
    ClaimCause,
    ClaimPayout,
    ClaimStatus,
    InvoiceEventType,
    InvoiceReport,
    RejectionCode,
)
from marketplace.products.schemas import PositiveMinorUnits

Reference = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=100,
        pattern=r"^[ -~]+$",
        description="The insurer's own reference for the transfer (printable ASCII, 1-100);"
        " one payout per reference and claim",
    ),
]
Reason = Annotated[
    str,
    msgspec.Meta(
        min_length=1, max_length=500, description="Why, in the insurer's words (1-500 characters)"
    ),
]
CoverId = Annotated[str, msgspec.Meta(description="The cover (cov_…)")]
ClaimId = Annotated[str, msgspec.Meta(description="The claim (clm_…)")]


class InvoiceEventCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """What happened to the covered invoice. ``amount`` is required for ``invoice.paid`` and
    ``invoice.credit_note`` and not allowed for the other types."""

    type: Annotated[
        InvoiceEventType,
        msgspec.Meta(
            description="What happened: `invoice.paid` (the buyer paid `amount`),"
            " `invoice.overdue` (the declaration of an unpaid invoice), `invoice.disputed`,"
            " `invoice.dispute_resolved`, `invoice.credit_note` (what is owed goes down by"
            " `amount`)"
        ),
    ]
    amount: (
        Annotated[
            PositiveMinorUnits,
            msgspec.Meta(
                description="In minor units of the cover's currency: required for"
                " `invoice.paid` and `invoice.credit_note`, refused for the other types"
            ),
        ]
        | None
    ) = None
    occurred_at: (
        Annotated[
            datetime,
            msgspec.Meta(
                tz=True,
                description="When it happened, with its offset (default: now on the cover's"
                " clock); never in the clock's future, nor before the cover was bound",
            ),
        ]
        | None
    ) = None


class InvoiceEventOut(msgspec.Struct, kw_only=True):
    id: Annotated[str, msgspec.Meta(description="The report's id (iev_…)")]
    cover: CoverId
    claim: Annotated[
        str | None,
        msgspec.Meta(
            description="The claim open on the cover when it was reported (clm_…; then a"
            " payment is a recovery)"
        ),
    ]
    type: Annotated[InvoiceEventType, msgspec.Meta(description="What happened")]
    amount: Annotated[
        int | None,
        msgspec.Meta(description="Paid or credited, in minor units of `currency` (null: none)"),
    ]
    currency: ObjectCurrency
    occurred_at: Annotated[
        datetime, msgspec.Meta(description="When it happened, on the cover's clock (UTC)")
    ]
    recorded_on: Annotated[
        date, msgspec.Meta(description="The day it was recorded, on the cover's clock")
    ]
    recovery: Annotated[
        bool, msgspec.Meta(description="True for a payment made after the claim opened")
    ]
    insurer_share: Annotated[
        int | None,
        msgspec.Meta(
            description="A recovery after approval: the insurer's share (by the cover ratio),"
            " in minor units"
        ),
    ]
    seller_share: Annotated[
        int | None,
        msgspec.Meta(
            description="A recovery after approval: the seller's share (the rest), in minor units"
        ),
    ]
    livemode: Livemode
    created_at: CreatedAt
    object: Annotated[
        Literal["invoice_event"],
        msgspec.Meta(description="The kind of object: always `invoice_event`"),
    ] = "invoice_event"

    @classmethod
    def of(cls, report: InvoiceReport) -> InvoiceEventOut:
        return cls(
            id=report.id,
            cover=report.cover_id,
            claim=report.claim_id,
            type=report.type,  # type: ignore[arg-type]
            amount=report.amount_minor,
            currency=Currency(report.currency),
            occurred_at=report.occurred_at,
            recorded_on=report.recorded_on,
            recovery=report.recovery,
            insurer_share=report.insurer_share_minor,
            seller_share=report.seller_share_minor,
            livemode=report.livemode,
            created_at=report.created_at,
        )


class ClaimCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Open a claim before the date-driven job does: ``insolvency`` once the buyer's
    insolvency is established (its status is ``insolvent``), at any time; ``protracted_default``
    from ``deadlines.claimable_from`` on a declared, still unpaid invoice."""

    cover: Annotated[
        str,
        msgspec.Meta(pattern=id_pattern("cover"), description="Your cover to claim on (cov_…)"),
    ]
    cause: Annotated[
        ClaimCause,
        msgspec.Meta(
            description="`insolvency` (the buyer's status is `insolvent`) or"
            " `protracted_default` (a declared invoice still unpaid at"
            " `deadlines.claimable_from`)"
        ),
    ]


class ClaimReject(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The insurer's reason to reject a claim."""

    code: Annotated[
        RejectionCode,
        msgspec.Meta(
            description="`dispute` (the debt is contested), `exclusion` (a term of the cover"
            " excludes it), `late_declaration` or `fraud`"
        ),
    ]
    reason: Reason | None = None


class PayoutCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An indemnity payment the insurer made to the seller (outside the API)."""

    amount: Annotated[
        PositiveMinorUnits,
        msgspec.Meta(
            description="What was paid, in minor units of the claim's currency (at most the"
            " indemnity left to pay)"
        ),
    ]
    reference: Reference


class PayoutOut(msgspec.Struct, kw_only=True):
    id: Annotated[str, msgspec.Meta(description="The payout's id (po_…)")]
    claim: ClaimId
    amount: Annotated[int, msgspec.Meta(description="What was paid, in minor units")]
    currency: ObjectCurrency
    reference: Annotated[str, msgspec.Meta(description="The insurer's reference for it")]
    paid_on: Annotated[
        date, msgspec.Meta(description="The day it was recorded, on the cover's clock")
    ]
    livemode: Livemode
    created_at: CreatedAt
    object: Annotated[
        Literal["payout"], msgspec.Meta(description="The kind of object: always `payout`")
    ] = "payout"

    @classmethod
    def of(cls, payout: ClaimPayout) -> PayoutOut:
        return cls(
            id=payout.id,
            claim=payout.claim_id,
            amount=payout.amount_minor,
            currency=Currency(payout.currency),
            reference=payout.reference,
            paid_on=payout.paid_on,
            livemode=payout.livemode,
            created_at=payout.created_at,
        )


class Collection(msgspec.Struct, kw_only=True):
    """When each collection phase began, on the cover's clock."""

    amicable_from: Annotated[
        date | None,
        msgspec.Meta(description="Amicable collection began (the day after the claim opened)"),
    ]
    legal_from: Annotated[
        date | None,
        msgspec.Meta(
            description="Legal collection began, after `amicable_collection_days` of amicable"
            " collection"
        ),
    ]


class Recoveries(msgspec.Struct, kw_only=True):
    """What came back on the claimed invoice, in minor units of the claim's currency."""

    total: Annotated[
        int,
        msgspec.Meta(
            description="Paid by the buyer since the invoice was declared overdue (an"
            " insolvency: since the claim opened)"
        ),
    ]
    before_approval: Annotated[
        int,
        msgspec.Meta(description="Of `total`, paid before approval: it reduces the indemnity"),
    ]
    credit_notes: Annotated[
        int,
        msgspec.Meta(
            description="Credit notes issued since the declaration: they reduce the indemnity too"
        ),
    ]
    insurer_share: Annotated[
        int,
        msgspec.Meta(
            description="Of the recoveries after approval: the insurer's share (by the cover ratio)"
        ),
    ]
    seller_share: Annotated[
        int,
        msgspec.Meta(description="Of the recoveries after approval: the seller's share"),
    ]


class Rejection(msgspec.Struct, kw_only=True):
    """Why the insurer rejected the claim."""

    code: Annotated[RejectionCode, msgspec.Meta(description="The ground of the rejection")]
    reason: Annotated[str | None, msgspec.Meta(description="The insurer's words")]


class ClaimOut(msgspec.Struct, kw_only=True):
    """A claim: non-payment on a cover, through collection and the waiting period to its
    indemnity. Amounts in minor units of ``currency``; dates on the cover's clock."""

    id: Annotated[str, msgspec.Meta(description="The claim's id (clm_…)")]
    cover: CoverId
    status: Annotated[
        ClaimStatus,
        msgspec.Meta(
            description="`open`, `collection_amicable`, `collection_legal`, `on_hold`,"
            " `approved` (indemnity fixed), then `paid`; or closed `recovered`, `rejected`,"
            " `withdrawn`"
        ),
    ]
    cause: Annotated[
        ClaimCause,
        msgspec.Meta(description="`protracted_default` or `insolvency` (no waiting period)"),
    ]
    livemode: Livemode
    product: Annotated[str, msgspec.Meta(description="The cover's product (prod_…)")]
    insurer: Annotated[str, msgspec.Meta(description="The product's insurer (acct_…)")]
    buyer: Annotated[str, msgspec.Meta(description="The buyer who did not pay (buy_…)")]
    seller: Annotated[str | None, msgspec.Meta(description="The seller the cover is for (acct_…)")]
    currency: ObjectCurrency
    hold_reason: Annotated[
        Literal["dispute", "insurer"] | None,
        msgspec.Meta(
            description="While `on_hold`: `dispute` (the invoice is disputed) or `insurer`"
            " (the insurer holds it)"
        ),
    ]
    opened_on: Annotated[date, msgspec.Meta(description="The day the claim opened")]
    outstanding_at_declaration: Annotated[
        int,
        msgspec.Meta(
            description="What the buyer owed when the invoice was declared overdue (an"
            " insolvency: when the claim opened), in minor units"
        ),
    ]
    collection: Annotated[Collection, msgspec.Meta(description="When each collection phase began")]
    deadlines: Annotated[
        Deadlines, msgspec.Meta(description="The dates that decide the claim's course")
    ]
    recoveries: Annotated[Recoveries, msgspec.Meta(description="What came back, and to whom")]
    indemnity: Annotated[
        int | None,
        msgspec.Meta(
            description="Set on approval, in minor units: cover ratio x (outstanding at"
            " declaration - recoveries before approval - credit notes since), capped by the"
            " insured amount, rounded half up"
        ),
    ]
    paid: Annotated[
        int,
        msgspec.Meta(description="Indemnity paid so far (the sum of the payouts), in minor units"),
    ]
    rejection: Annotated[
        Rejection | None, msgspec.Meta(description="Why it was rejected (null: not rejected)")
    ]
    approved_on: Annotated[
        date | None, msgspec.Meta(description="The day it was approved (null: not yet)")
    ]
    closed_at: Annotated[
        datetime | None,
        msgspec.Meta(description="When it closed: paid, recovered, rejected or withdrawn (UTC)"),
    ]
    created_at: CreatedAt
    updated_at: Annotated[datetime, msgspec.Meta(description="When it last changed (UTC)")]
    object: Annotated[
        Literal["claim"], msgspec.Meta(description="The kind of object: always `claim`")
    ] = "claim"

    @classmethod
    def of(cls, claim: Claim) -> ClaimOut:
        return cls(
            id=claim.id,
            cover=claim.cover_id,
            status=claim.status,  # type: ignore[arg-type]
            cause=claim.cause,  # type: ignore[arg-type]
            livemode=claim.livemode,
            product=claim.product_id,
            insurer=claim.insurer_id,
            buyer=claim.buyer_id,
            seller=claim.seller_id,
            currency=Currency(claim.currency),
            hold_reason=claim.hold_reason,  # type: ignore[arg-type]
            opened_on=claim.opened_on,
            outstanding_at_declaration=claim.outstanding_at_declaration_minor,
            collection=Collection(
                amicable_from=claim.collection_from, legal_from=claim.legal_collection_from
            ),
            deadlines=Deadlines(
                overdue_declaration_by=claim.overdue_declaration_by,
                claimable_from=claim.claimable_from,
                waiting_period_ends_on=claim.waiting_period_ends_on,
                indemnity_due_by=claim.indemnity_due_by,
            ),
            recoveries=Recoveries(
                total=claim.recovered_minor,
                before_approval=claim.recovered_before_approval_minor,
                credit_notes=claim.credited_minor,
                insurer_share=claim.insurer_recovered_minor,
                seller_share=claim.seller_recovered_minor,
            ),
            indemnity=claim.indemnity_minor,
            paid=claim.paid_minor,
            rejection=None
            if claim.rejection_code is None
            else Rejection(code=claim.rejection_code, reason=claim.rejection_reason),  # type: ignore[arg-type]
            approved_on=claim.approved_on,
            closed_at=claim.closed_at,
            created_at=claim.created_at,
            updated_at=claim.updated_at,
        )


class AdvanceClock(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """How far to move a test-mode cover's clock."""

    days: Annotated[
        int,
        msgspec.Meta(
            ge=1,
            le=deadlines.MAX_CLOCK_ADVANCE_DAYS,
            description="How many days to move the cover's clock forward (at most 2 years in all)",
        ),
    ]
