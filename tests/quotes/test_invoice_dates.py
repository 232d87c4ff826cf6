"""An invoice is quoted only if it is issued at most 30 days ahead and falls due after today."""

from __future__ import annotations

import datetime as dt

import pytest

from marketplace.models import Quote
from marketplace.quotes.rules import (
    MAX_ISSUE_DAYS_AHEAD,
    DueDateInPast,
    IssueDateTooFarAhead,
    check_dates,
)
from marketplace.quotes.schemas import InvoiceIn
from tests.factories import quote_request
from tests.helpers import assert_problem

TODAY = dt.date(2026, 11, 27)


def _invoice(issue_in_days: int, due_in_days: int, today: dt.date = TODAY) -> InvoiceIn:
    return InvoiceIn(
        number="F-1",
        amount=100_000,
        currency="EUR",
        issue_date=today + dt.timedelta(days=issue_in_days),
        due_date=today + dt.timedelta(days=due_in_days),
    )


def test_an_invoice_issued_more_than_30_days_ahead_is_refused():
    check_dates(_invoice(MAX_ISSUE_DAYS_AHEAD, MAX_ISSUE_DAYS_AHEAD + 60), TODAY, None)
    with pytest.raises(IssueDateTooFarAhead) as refused:
        check_dates(_invoice(MAX_ISSUE_DAYS_AHEAD + 1, MAX_ISSUE_DAYS_AHEAD + 61), TODAY, None)
    assert refused.value.param == "invoice.issue_date"
    assert refused.value.code == "issue_date_too_far_ahead"


@pytest.mark.parametrize("due_in_days", [0, -1])
def test_an_invoice_due_today_or_earlier_is_refused(due_in_days):
    with pytest.raises(DueDateInPast) as refused:
        check_dates(_invoice(-30, due_in_days), TODAY, None)
    assert refused.value.param == "invoice.due_date"
    assert "not after today" in refused.value.detail
    check_dates(_invoice(-30, 1), TODAY, None)


def _with_dates(issue: dt.date, due: dt.date) -> dict[str, object]:
    body = quote_request()
    body["invoice"].update(issue_date=issue.isoformat(), due_date=due.isoformat())
    return body


async def test_the_api_refuses_both_with_their_own_codes_and_writes_nothing(
    client, new_tenant, count_rows
):
    platform = await new_tenant("platform")
    seller = await new_tenant("seller", platform=platform.account_id)
    today = dt.datetime.now(dt.UTC).date()
    before = await count_rows(Quote)
    ahead = today + dt.timedelta(days=MAX_ISSUE_DAYS_AHEAD + 1)
    too_far = await client.post(
        "/v1/quotes",
        headers=platform.headers,
        json=_with_dates(ahead, ahead + dt.timedelta(days=60)) | {"seller": seller.account_id},
    )
    assert_problem(too_far, 422, "issue_date_too_far_ahead", param="invoice.issue_date")
    due_today = await client.post(
        "/v1/quotes",
        headers=platform.headers,
        json=_with_dates(today - dt.timedelta(days=30), today) | {"seller": seller.account_id},
    )
    body = assert_problem(due_today, 422, "due_date_in_past", param="invoice.due_date")
    assert "not after today" in body["detail"]
    assert await count_rows(Quote) == before
