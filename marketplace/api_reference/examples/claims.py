"""Examples after bind: invoice reports, a claim through to its indemnity, payouts, the clock."""

from __future__ import annotations

from datetime import UTC, date, datetime

import msgspec

from marketplace.api_reference.examples import covers, ids
from marketplace.api_reference.examples.example import Example
from marketplace.claims.schemas import (
    AdvanceClock,
    ClaimCreate,
    ClaimOut,
    ClaimReject,
    Collection,
    InvoiceEventCreate,
    InvoiceEventOut,
    PayoutCreate,
    PayoutOut,
    Recoveries,
    Rejection,
)
from marketplace.covers.schemas import Deadlines
from marketplace.kit.pagination import ListOf
from marketplace.kit.reference import Currency
from marketplace.models.claims import InvoiceEventType

OPENED_AT = datetime(2027, 3, 25, 0, 0, 41, tzinfo=UTC)
APPROVED_AT = datetime(2027, 6, 25, 0, 0, 37, tzinfo=UTC)
PAID_AT = datetime(2027, 7, 12, 10, 4, 19, tzinfo=UTC)


def approved() -> ClaimOut:
    """A protracted default, approved at the end of the waiting period: 90 % of what the
    buyer still owed, in EUR cents."""
    return ClaimOut(
        id=ids.CLAIM,
        cover=ids.COVER,
        status="approved",
        cause="protracted_default",
        livemode=False,
        product=ids.ATLAS_PRODUCT,
        insurer=ids.ATLAS,
        buyer=ids.BUYER,
        seller=ids.SELLER,
        currency=Currency("EUR"),
        hold_reason=None,
        opened_on=date(2027, 3, 25),
        outstanding_at_declaration=1_250_000,
        collection=Collection(amicable_from=date(2027, 3, 26), legal_from=date(2027, 5, 25)),
        deadlines=Deadlines(
            overdue_declaration_by=date(2027, 2, 23),
            claimable_from=date(2027, 3, 25),
            waiting_period_ends_on=date(2027, 6, 25),
            indemnity_due_by=date(2027, 7, 25),
        ),
        recoveries=Recoveries(
            total=50_000, before_approval=50_000, credit_notes=0, insurer_share=0, seller_share=0
        ),
        indemnity=1_080_000,
        paid=0,
        rejection=None,
        approved_on=date(2027, 6, 25),
        closed_at=None,
        created_at=OPENED_AT,
        updated_at=APPROVED_AT,
    )


def opened() -> ClaimOut:
    return msgspec.structs.replace(
        approved(),
        status="open",
        collection=Collection(amicable_from=None, legal_from=None),
        recoveries=Recoveries(
            total=0, before_approval=0, credit_notes=0, insurer_share=0, seller_share=0
        ),
        indemnity=None,
        approved_on=None,
        deadlines=msgspec.structs.replace(approved().deadlines, indemnity_due_by=None),
        updated_at=OPENED_AT,
    )


def _rejected() -> ClaimOut:
    return msgspec.structs.replace(
        approved(),
        status="rejected",
        indemnity=None,
        approved_on=None,
        rejection=Rejection(code="dispute", reason="The buyer contests the delivery"),
        closed_at=datetime(2027, 4, 2, 9, 45, 0, tzinfo=UTC),
    )


def _on_hold() -> ClaimOut:
    return msgspec.structs.replace(opened(), status="on_hold", hold_reason="insurer")


def payout() -> PayoutOut:
    return PayoutOut(
        id=ids.PAYOUT,
        claim=ids.CLAIM,
        amount=1_080_000,
        currency=Currency("EUR"),
        reference="ATL-2027-07-0193",
        paid_on=date(2027, 7, 12),
        livemode=False,
        created_at=PAID_AT,
    )


def _report(
    report_id: str, kind: InvoiceEventType, amount: int | None, recovery: bool
) -> InvoiceEventOut:
    return InvoiceEventOut(
        id=report_id,
        cover=ids.COVER,
        claim=ids.CLAIM if recovery else None,
        type=kind,
        amount=amount,
        currency=Currency("EUR"),
        occurred_at=datetime(2027, 4, 20, 9, 30, 0, tzinfo=UTC) if recovery else covers.DECLARED_AT,
        recorded_on=date(2027, 4, 20) if recovery else date(2027, 1, 26),
        recovery=recovery,
        insurer_share=None,
        seller_share=None,
        livemode=False,
        created_at=datetime(2027, 4, 20, 9, 31, 2, tzinfo=UTC) if recovery else covers.DECLARED_AT,
    )


def _claim_examples() -> list[Example]:
    return [
        Example(
            "protracted_default",
            "The invoice is still unpaid at `deadlines.claimable_from`",
            ClaimCreate(cover=ids.COVER, cause="protracted_default"),
        ),
        Example("opened", "The claim, open", opened(), ("create_claim",)),
        Example(
            "rejected",
            "Rejected by the insurer",
            _rejected(),
            ("reject_claim",),
        ),
        Example("on_hold", "Held by the insurer", _on_hold(), ("hold_claim",)),
        Example("reopened", "Back in collection", opened(), ("resume_claim",)),
        Example(
            "withdrawn",
            "Withdrawn by the seller",
            msgspec.structs.replace(opened(), status="withdrawn", closed_at=OPENED_AT),
            ("withdraw_claim",),
        ),
        Example("approved", "Approved: the indemnity is fixed", approved()),
        Example("page", "One page of claims", ListOf(data=[approved()], has_more=False)),
        Example(
            "dispute",
            "The buyer disputes the invoice",
            ClaimReject(code="dispute", reason="The buyer contests the delivery"),
        ),
    ]


def examples() -> list[Example]:
    return [
        *_claim_examples(),
        Example(
            "transfer",
            "The indemnity, paid in full by bank transfer",
            PayoutCreate(amount=1_080_000, reference="ATL-2027-07-0193"),
        ),
        Example("payout", "The payout recorded", payout()),
        Example("page", "One page of payouts", ListOf(data=[payout()], has_more=False)),
        Example(
            "declare_overdue",
            "The invoice is unpaid past its due date: declare it",
            InvoiceEventCreate(type="invoice.overdue"),
        ),
        Example(
            "payment",
            "The buyer paid EUR 500.00 (in cents)",
            InvoiceEventCreate(
                type="invoice.paid",
                amount=50_000,
                occurred_at=datetime(2027, 4, 20, 9, 30, 0, tzinfo=UTC),
            ),
        ),
        Example(
            "recovery",
            "A payment after the claim opened: a recovery",
            _report(ids.PAYMENT_REPORT, "invoice.paid", 50_000, recovery=True),
        ),
        Example(
            "page",
            "One page of invoice reports",
            ListOf(
                data=[
                    _report(ids.PAYMENT_REPORT, "invoice.paid", 50_000, recovery=True),
                    _report(ids.OVERDUE_REPORT, "invoice.overdue", None, recovery=False),
                ],
                has_more=False,
            ),
        ),
        Example("advance", "Move the cover's clock 63 days ahead", AdvanceClock(days=63)),
    ]
