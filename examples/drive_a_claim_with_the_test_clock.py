r"""A cover's whole life in seconds with the test clock: bound and paid, the invoice falls
overdue, the platform declares it, the claim opens at ``claimable_from``, is approved at the end
of the waiting period, the insurer pays the indemnity, and a late payment by the buyer is shared
as a recovery. Every date comes from the cover's and the claim's ``deadlines``.

    MK_API_KEY=mk_test_… MK_INSURER_API_KEY=mk_test_… \
        python examples/drive_a_claim_with_the_test_clock.py

``MK_API_KEY`` is a platform's test key, ``MK_BASE_URL`` the API (default
http://127.0.0.1:8000), ``MK_SELLER`` the connected seller (default: the platform's newest, or a
new one). With ``MK_INSURER_API_KEY`` (an insurer's test key) the cover is bound on that
insurer's offer and the insurer records the payout; without it, no payout is recorded.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import sys

from marketplace_sdk import Marketplace
from marketplace_sdk.models import ClaimOut, CoverOut, QuoteOut

BASE_URL = os.environ.get("MK_BASE_URL", "http://127.0.0.1:8000")
INVOICE_AMOUNT = 1_000_000  # €10,000.00
RECOVERY_AMOUNT = 50_000


def connected_seller(mk: Marketplace) -> str:
    if seller := os.environ.get("MK_SELLER"):
        return seller
    for account in mk.accounts.list(role="seller", limit=1):
        return account.id
    return mk.accounts.create(role="seller", name="Checkout Shop SAS").id


def quote(mk: Marketplace) -> QuoteOut:
    today = dt.datetime.now(dt.UTC).date()
    return mk.quotes.create(
        seller=connected_seller(mk),
        invoice={
            "number": f"F-{today:%Y}-{secrets.token_hex(3).upper()}",
            "amount": INVOICE_AMOUNT,
            "currency": "EUR",
            "issue_date": today.isoformat(),
            "due_date": (today + dt.timedelta(days=30)).isoformat(),
        },
        buyer={
            "country": "FR",
            "registration_number": f"RCS{secrets.token_hex(4).upper()}",  # a buyer per run
            "name": "Late Payer SAS",
            "sector": "C",
            "years_in_business": 8.0,
            "employees": 30,
            "annual_revenue": 400_000_000,
        },
    )


def cover_today(cover: CoverOut) -> dt.date:
    """Today on the cover's clock."""
    return dt.datetime.now(dt.UTC).date() + dt.timedelta(days=cover.clock_advanced_days)


def advance_to(mk: Marketplace, cover: CoverOut, day: dt.date) -> CoverOut:
    """Move the cover's clock to ``day``, running every step that falls due on the way."""
    days = (day - cover_today(cover)).days
    return mk.test_helpers.covers.advance(cover.id, days=days) if days > 0 else cover


def show(what: str, cover: CoverOut, claim: ClaimOut | None = None) -> None:
    line = f"{cover_today(cover)}  {what:<34} cover {cover.status}"
    if claim is not None:
        line += f", claim {claim.status} (indemnity {claim.indemnity}, paid {claim.paid})"
    print(line)


def bind(mk: Marketplace, insurer: Marketplace | None) -> CoverOut | None:
    """A paid cover, on the insurer's own offer when there is an insurer."""
    offered = quote(mk)
    insurer_id = insurer.accounts.me().id if insurer else None
    offers = [o for o in offered.offers if insurer_id in (None, o.insurer)]
    if not offers:
        print(f"quote {offered.id}: no offer to bind")
        return None
    return mk.covers.create(quote=offered.id, offer=offers[0].id, payment_method="pm_card_visa")


def overdue_and_declared(mk: Marketplace, cover: CoverOut) -> CoverOut:
    cover = advance_to(mk, cover, cover.invoice_due_date + dt.timedelta(days=1))
    show("the day after the due date", cover)
    mk.covers.invoice_events.create(cover.id, type="invoice.overdue")
    cover = mk.covers.retrieve(cover.id)
    show(f"declared, claimable {cover.deadlines.claimable_from}", cover)
    return cover


def claimed_and_approved(mk: Marketplace, cover: CoverOut) -> tuple[CoverOut, ClaimOut]:
    cover = advance_to(mk, cover, cover.deadlines.claimable_from)
    claim = mk.claims.retrieve(str(cover.claim))
    show(f"claim opened, approval {claim.deadlines.waiting_period_ends_on}", cover, claim)
    if claim.deadlines.waiting_period_ends_on is not None:
        cover = advance_to(mk, cover, claim.deadlines.waiting_period_ends_on)
    claim = mk.claims.retrieve(claim.id)
    show("waiting period over", cover, claim)
    return cover, claim


def paid_and_recovered(
    mk: Marketplace, insurer: Marketplace | None, cover: CoverOut, claim: ClaimOut
) -> ClaimOut:
    if insurer is not None and claim.indemnity:
        reference = f"TR-{secrets.token_hex(4)}"
        insurer.claims.payouts.create(claim.id, amount=claim.indemnity, reference=reference)
        show(f"indemnity paid ({reference})", cover, mk.claims.retrieve(claim.id))
    mk.covers.invoice_events.create(cover.id, type="invoice.paid", amount=RECOVERY_AMOUNT)
    claim = mk.claims.retrieve(claim.id)
    shares = claim.recoveries
    show(f"recovered {RECOVERY_AMOUNT}: insurer {shares.insurer_share}", cover, claim)
    return claim


def main() -> int:
    insurer_key = os.environ.get("MK_INSURER_API_KEY")
    insurer = Marketplace(api_key=insurer_key, base_url=BASE_URL) if insurer_key else None
    with Marketplace(api_key=os.environ["MK_API_KEY"], base_url=BASE_URL) as mk:
        cover = bind(mk, insurer)
        if cover is None:
            return 1
        show(f"bound, due {cover.invoice_due_date}", cover)
        cover, claim = claimed_and_approved(mk, overdue_and_declared(mk, cover))
        paid_and_recovered(mk, insurer, cover, claim)
    if insurer is not None:
        insurer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
