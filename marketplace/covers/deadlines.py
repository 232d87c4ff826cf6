"""A cover's deadlines as dates (on the cover's clock), and the cover's clock itself.

- ``overdue_declaration_by``: the last day to declare the unpaid invoice overdue (due date +
  the product's ``overdue_declaration_days``); after it an undeclared cover is time-barred.
- ``claimable_from``: the first day a claim opens on a declared, unpaid invoice (due date +
  ``claim_threshold_days``).
- ``waiting_period_ends_on``: declaration + ``waiting_period_days`` (an insolvency: the day
  the claim opened); the claim is approved then.
- ``indemnity_due_by``: 30 days after the waiting period ends (after approval, 30 days after
  it).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from marketplace.models.covers import Cover

INDEMNITY_PAYABLE_DAYS = 30
"""Days after approval within which the insurer pays the indemnity."""
NOTICE_DAYS = 7
"""A ``*.deadline_approaching`` event goes out this many days before each deadline."""


def cover_now(cover: Cover, real_now: datetime) -> datetime:
    """The time on the cover's clock (real time, plus what the test clock advanced)."""
    return real_now + timedelta(days=cover.clock_offset_days)


def cover_today(cover: Cover, real_now: datetime) -> date:
    return cover_now(cover, real_now).date()


def real_time_of(cover: Cover, day: date) -> datetime:
    """The real instant at which ``day`` starts on the cover's clock."""
    return datetime.combine(day, time(), tzinfo=UTC) - timedelta(days=cover.clock_offset_days)


def overdue_declaration_by(cover: Cover) -> date:
    return cover.invoice_due_date + timedelta(days=cover.overdue_declaration_days)


def claimable_from(cover: Cover) -> date:
    return cover.invoice_due_date + timedelta(days=cover.claim_threshold_days)


def waiting_period_ends_on(declared_on: date, waiting_period_days: int) -> date:
    return declared_on + timedelta(days=waiting_period_days)


def indemnity_due_by(payable_from: date) -> date:
    return payable_from + timedelta(days=INDEMNITY_PAYABLE_DAYS)


MAX_CLOCK_ADVANCE_DAYS = 730
"""The test clock moves a cover at most two years ahead in all."""
