"""The claim's money, exactly (integer minor units, Decimal arithmetic):

- indemnity = cover ratio x (outstanding at declaration - recoveries before approval - credit
  notes since the declaration), capped by the insured amount, rounded half up to the minor
  unit;
- a recovery after approval is shared in proportion to the loss each bore: the insurer's share
  by the cover ratio, the seller's the rest. Shares are computed on the running total (the
  insurer's total share is always the rounded ratio of every recovery so far), so the two
  shares of each recovery add up to it and rounding never drifts across many small ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

PRECISION_DIGITS = 60


def _half_up(value: Decimal) -> int:
    return int(value.to_integral_value(ROUND_HALF_UP))


def share_of(amount_minor: int, cover_ratio: Decimal) -> int:
    """cover ratio x amount, rounded half up to the minor unit."""
    with localcontext(prec=PRECISION_DIGITS):
        return _half_up(Decimal(amount_minor) * cover_ratio)


def indemnity_minor(
    *,
    cover_ratio: Decimal,
    outstanding_at_declaration_minor: int,
    recovered_before_approval_minor: int,
    credited_since_declaration_minor: int,
    insured_amount_minor: int,
) -> int:
    loss_minor = (
        outstanding_at_declaration_minor
        - recovered_before_approval_minor
        - credited_since_declaration_minor
    )
    return min(insured_amount_minor, share_of(max(0, loss_minor), cover_ratio))


@dataclass(frozen=True, slots=True)
class RecoverySplit:
    insurer_minor: int
    seller_minor: int


def split_recovery(
    amount_minor: int, recovered_after_approval_minor: int, cover_ratio: Decimal
) -> RecoverySplit:
    """How a recovery of ``amount_minor`` is shared, after ``recovered_after_approval_minor``
    was already recovered since approval."""
    insurer_before = share_of(recovered_after_approval_minor, cover_ratio)
    insurer_after = share_of(recovered_after_approval_minor + amount_minor, cover_ratio)
    insurer_minor = insurer_after - insurer_before
    return RecoverySplit(insurer_minor, amount_minor - insurer_minor)
