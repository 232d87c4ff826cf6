"""Rules on a quote request that its schema cannot say: dates, tenor, and whose quote it is."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.accounts import repository as accounts
from marketplace.errors import ResourceNotFound, RuleViolation
from marketplace.kit.cache import caches_of
from marketplace.kit.tenancy import Principal
from marketplace.quotes.schemas import InvoiceIn

MAX_ISSUE_DAYS_AHEAD = 30
"""An invoice may be dated at most this many days after today (a pro forma issued early)."""


class DueDateNotAfterIssueDate(RuleViolation):
    code = "due_date_not_after_issue_date"
    title = "The due date must come after the issue date"


class DueDateInPast(RuleViolation):
    code = "due_date_in_past"
    title = "The invoice is already due"


class IssueDateTooFarAhead(RuleViolation):
    code = "issue_date_too_far_ahead"
    title = "The invoice is issued too far in the future"


class TenorTooLong(RuleViolation):
    code = "tenor_too_long"
    title = "No product insures an invoice this long"


class SellerNotFound(ResourceNotFound):
    pass


class SellerRequired(RuleViolation):
    code = "seller_required"
    title = "A platform names the seller it quotes for"


def tenor_days(invoice: InvoiceIn) -> int:
    return (invoice.due_date - invoice.issue_date).days


def check_dates(invoice: InvoiceIn, today: date, longest_tenor_days: int | None) -> None:
    """Refuse invoices no product could insure whatever the buyer: backwards, issued too far
    ahead, due today or earlier, too long."""
    if invoice.due_date <= invoice.issue_date:
        raise DueDateNotAfterIssueDate(
            f"due_date {invoice.due_date} is not after issue_date {invoice.issue_date}",
            param="invoice.due_date",
        )
    if invoice.issue_date > today + timedelta(days=MAX_ISSUE_DAYS_AHEAD):
        raise IssueDateTooFarAhead(
            f"issue_date {invoice.issue_date} is more than {MAX_ISSUE_DAYS_AHEAD} days"
            f" after today ({today})",
            param="invoice.issue_date",
        )
    if invoice.due_date <= today:
        raise DueDateInPast(
            f"due_date {invoice.due_date} is not after today ({today}): the invoice is already due",
            param="invoice.due_date",
        )
    if longest_tenor_days is not None and tenor_days(invoice) > longest_tenor_days:
        raise TenorTooLong(
            f"The invoice runs {tenor_days(invoice)} days from issue to due date;"
            f" the longest any product insures is {longest_tenor_days} days",
            param="invoice.due_date",
        )


SELLERS_CACHE = "sellers_of_platforms"
"""A seller's platform never changes: the seller ids each platform may quote for are cached."""


async def seller_of_quote(
    session: AsyncSession, principal: Principal, seller_id: str | None
) -> str:
    """The seller of a quote: the caller if it is a seller, else the one of the platform's
    sellers it names (a platform must name one)."""
    if principal.role == "seller":
        if seller_id not in (None, principal.account_id):
            raise SellerNotFound(f"No such seller: {seller_id}", param="seller")
        return principal.account_id
    if seller_id is None:
        raise SellerRequired(
            "A platform quotes for one of its connected sellers: name it in `seller` (acct_…)",
            param="seller",
        )
    cache = caches_of(session).named(SELLERS_CACHE)
    if cache.get((principal.account_id, seller_id)):
        return seller_id
    loading = cache.loading()
    seller = await accounts.get_account(session, seller_id)
    if seller is None or seller.platform_id != principal.account_id:
        raise SellerNotFound(f"No such seller: {seller_id}", param="seller")
    cache.put((principal.account_id, seller_id), True, loading)
    return seller.id
