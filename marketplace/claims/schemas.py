"""Wire types of claims, payouts, invoice reports and the test clock.

Every amount is in minor units of the cover's currency; dates are on the cover's clock.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from marketplace.covers import deadlines
from marketplace.covers.schemas import Deadlines
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

Reference = Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=r"^[ -~]+$")]
Reason = Annotated[str, msgspec.Meta(min_length=1, max_length=500)]


class InvoiceEventCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """What happened to the covered invoice. ``amount`` is required for ``invoice.paid`` and
    ``invoice.credit_note`` and not allowed for the other types."""

    type: InvoiceEventType
    amount: PositiveMinorUnits | None = None
    occurred_at: Annotated[datetime, msgspec.Meta(tz=True)] | None = None
    """When it happened (default: now on the cover's clock); never in the cover clock's
    future."""


class InvoiceEventOut(msgspec.Struct, kw_only=True):
    id: str
    cover: str
    claim: str | None
    """The claim open on the cover when it was reported (then a payment is a recovery)."""
    type: InvoiceEventType
    amount: int | None
    currency: Currency
    occurred_at: datetime
    recorded_on: date
    """The day it was recorded, on the cover's clock."""
    recovery: bool
    """A payment made after the claim opened."""
    insurer_share: int | None
    """A recovery after approval: the insurer's share (by the cover ratio)."""
    seller_share: int | None
    """A recovery after approval: the seller's share (the rest)."""
    livemode: bool
    created_at: datetime
    object: Literal["invoice_event"] = "invoice_event"

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

    cover: Annotated[str, msgspec.Meta(pattern=id_pattern("cover"))]
    cause: ClaimCause


class ClaimReject(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    code: RejectionCode
    reason: Reason | None = None


class PayoutCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An indemnity payment the insurer made to the seller (outside the API)."""

    amount: PositiveMinorUnits
    reference: Reference
    """The insurer's own reference for the transfer; one payout per reference and claim."""


class PayoutOut(msgspec.Struct, kw_only=True):
    id: str
    claim: str
    amount: int
    currency: Currency
    reference: str
    paid_on: date
    livemode: bool
    created_at: datetime
    object: Literal["payout"] = "payout"

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
    amicable_from: date | None
    legal_from: date | None
    """After ``amicable_collection_days`` of amicable collection."""


class Recoveries(msgspec.Struct, kw_only=True):
    total: int
    """Paid by the buyer since the invoice was declared overdue (an insolvency: since the
    claim opened)."""
    before_approval: int
    """Those reduce the indemnity."""
    credit_notes: int
    """Credit notes issued since the declaration: they reduce the indemnity too."""
    insurer_share: int
    """Of the recoveries after approval: the insurer's share (by the cover ratio)."""
    seller_share: int


class Rejection(msgspec.Struct, kw_only=True):
    code: RejectionCode
    reason: str | None


class ClaimOut(msgspec.Struct, kw_only=True):
    id: str
    cover: str
    status: ClaimStatus
    cause: ClaimCause
    livemode: bool
    product: str
    insurer: str
    buyer: str
    seller: str | None
    currency: Currency
    hold_reason: Literal["dispute", "insurer"] | None
    opened_on: date
    outstanding_at_declaration: int
    """What the buyer owed when the invoice was declared overdue (an insolvency: when the
    claim opened)."""
    collection: Collection
    deadlines: Deadlines
    recoveries: Recoveries
    indemnity: int | None
    """Set on approval: cover ratio x (outstanding at declaration - recoveries before approval
    - credit notes since), capped by the insured amount, rounded half up."""
    paid: int
    """Indemnity paid so far (the sum of the payouts)."""
    rejection: Rejection | None
    approved_on: date | None
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    object: Literal["claim"] = "claim"

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
    days: Annotated[int, msgspec.Meta(ge=1, le=deadlines.MAX_CLOCK_ADVANCE_DAYS)]
    """How many days to move the cover's clock forward (at most 2 years in all)."""
