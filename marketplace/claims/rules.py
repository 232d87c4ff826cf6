"""Which invoice report applies to a cover in its state, and the error when one does not:
every input that does not apply is a 409 with a stable code (a 422 for amounts and dates that
cannot be right in any state)."""

from __future__ import annotations

from datetime import datetime

from marketplace.claims import transitions
from marketplace.claims.schemas import InvoiceEventCreate
from marketplace.covers.schemas import outstanding_minor
from marketplace.errors import Conflict, RuleViolation
from marketplace.kit.clock import as_utc
from marketplace.kit.money import format_money
from marketplace.models.claims import Claim
from marketplace.models.covers import Cover

WITH_AMOUNT = ("invoice.paid", "invoice.credit_note")
NOT_ACTIVE = ("pending_payment", "cancelling", "payment_failed", "expired", "cancelled")


class CoverNotActive(Conflict):
    code = "cover_not_active"
    title = "The cover is not in force"


class AlreadySettled(Conflict):
    code = "already_settled"
    title = "The invoice is already settled"


class CoverTimeBarred(Conflict):
    code = "cover_time_barred"
    title = "The cover is time-barred: the invoice was never declared overdue in time"


class InvoiceNotDue(Conflict):
    code = "invoice_not_due"
    title = "The invoice is not yet past its due date"


class AlreadyDeclared(Conflict):
    code = "already_declared"
    title = "The invoice is already declared overdue"


class AlreadyClaimed(Conflict):
    code = "already_claimed"
    title = "A claim already exists on this cover"


class AlreadyDisputed(Conflict):
    code = "already_disputed"
    title = "The invoice is already disputed"


class NotDisputed(Conflict):
    code = "not_disputed"
    title = "The invoice is not disputed"


class ClaimAlreadyApproved(Conflict):
    code = "claim_already_approved"
    title = "The claim's indemnity is already fixed"


class AmountRequired(RuleViolation):
    code = "amount_required"
    title = "This report needs an amount"


class AmountNotAllowed(RuleViolation):
    code = "amount_not_allowed"
    title = "This report takes no amount"


class AmountExceedsOutstanding(RuleViolation):
    code = "amount_exceeds_outstanding"
    title = "The amount is more than the buyer still owes"


class OccurredBeforeCover(RuleViolation):
    code = "occurred_before_cover"
    title = "occurred_at lies before the cover was bound"


class OccurredBeforeDueDate(RuleViolation):
    code = "occurred_before_due_date"
    title = "An invoice cannot be overdue before its due date"


class OccurredInFuture(RuleViolation):
    code = "occurred_in_future"
    title = "occurred_at lies in the future of the cover's clock"


def check_cover_in_force(cover: Cover) -> None:
    if cover.status in NOT_ACTIVE:
        raise CoverNotActive(
            f"Cover {cover.id} is {cover.status}: only a paid cover follows its invoice",
            param="cover",
        )
    if cover.status == "settled":
        raise AlreadySettled(f"The invoice of cover {cover.id} is already settled")
    if cover.status == "time_barred":
        raise CoverTimeBarred(
            f"Cover {cover.id} is time-barred: the invoice was not declared overdue by"
            f" {cover.invoice_due_date} + {cover.overdue_declaration_days} days"
        )


def _check_amount(cover: Cover, data: InvoiceEventCreate) -> None:
    if data.type not in WITH_AMOUNT:
        if data.amount is not None:
            raise AmountNotAllowed(f"{data.type} takes no amount", param="amount")
        return
    if data.amount is None:
        raise AmountRequired(f"{data.type} needs an amount in minor units", param="amount")
    owed = outstanding_minor(cover)
    if data.amount > owed:
        raise AmountExceedsOutstanding(
            f"{format_money(data.amount, cover.currency)} is more than the"
            f" {format_money(owed, cover.currency)} still owed on invoice {cover.invoice_number}",
            param="amount",
        )


def _check_declaration(cover: Cover, now: datetime) -> None:
    if cover.status == "claimed":
        raise AlreadyClaimed(f"Cover {cover.id} already has claim {cover.claim_id}")
    if cover.status == "active":
        raise InvoiceNotDue(
            f"Invoice {cover.invoice_number} is due on {cover.invoice_due_date}; declare it"
            f" overdue from the next day (today is {now.date()} on the cover's clock)"
        )
    if cover.declared_at is not None:
        raise AlreadyDeclared(f"Declared overdue at {cover.declared_at.isoformat()}")


def _indemnity_fixed(claim: Claim | None) -> bool:
    if claim is None:
        return False
    return transitions.shares_recoveries(claim) and transitions.approved_before(claim)


def _check_state(
    cover: Cover, claim: Claim | None, data: InvoiceEventCreate, now: datetime
) -> None:
    if data.type == "invoice.overdue":
        _check_declaration(cover, now)
    elif data.type == "invoice.disputed" and cover.disputed_at is not None:
        raise AlreadyDisputed(f"Disputed since {cover.disputed_at.isoformat()}")
    elif data.type == "invoice.dispute_resolved" and cover.disputed_at is None:
        raise NotDisputed(f"Invoice {cover.invoice_number} is not disputed")
    elif data.type == "invoice.credit_note" and _indemnity_fixed(claim):
        assert claim is not None
        raise ClaimAlreadyApproved(
            f"Claim {claim.id} was approved with an indemnity of"
            f" {format_money(claim.indemnity_minor or 0, claim.currency)}:"
            " a credit note can no longer change it"
        )


def _check_occurred_at(cover: Cover, data: InvoiceEventCreate, cover_now: datetime) -> None:
    if data.occurred_at is None:
        return
    occurred_at = as_utc(data.occurred_at)
    if occurred_at > cover_now:
        raise OccurredInFuture(
            f"occurred_at {occurred_at.isoformat()} is after now on the cover's clock"
            f" ({cover_now.isoformat()})",
            param="occurred_at",
        )
    if occurred_at < cover.created_at:
        raise OccurredBeforeCover(
            f"occurred_at {occurred_at.isoformat()} is before cover {cover.id} was bound"
            f" ({cover.created_at.isoformat()})",
            param="occurred_at",
        )
    if data.type == "invoice.overdue" and occurred_at.date() <= cover.invoice_due_date:
        raise OccurredBeforeDueDate(
            f"occurred_at {occurred_at.isoformat()} is not after the due date"
            f" {cover.invoice_due_date}",
            param="occurred_at",
        )


def check_report(
    cover: Cover, claim: Claim | None, data: InvoiceEventCreate, cover_now: datetime
) -> None:
    """Raise the error of a report that does not apply to the cover as it is now."""
    _check_occurred_at(cover, data, cover_now)
    check_cover_in_force(cover)
    _check_amount(cover, data)
    _check_state(cover, claim, data, cover_now)
