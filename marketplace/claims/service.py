"""Claims: who sees them, opening one by request, the insurer's decisions, payouts and the
seller's withdrawal. Every change locks the cover first (``covers.repository.locked``) and
runs the date-driven steps due (``clock.catch_up``) before and after, so a request sees and
leaves the state the job would.

Who may do what (anything else is a 404, as for another tenant's claim): the cover's platform
or seller opens and withdraws; the product's insurer approves early, rejects, holds, resumes
and records payouts; all of them read.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.claims import clock, opening, repository, transitions
from marketplace.claims.rules import AlreadyClaimed, ClaimAlreadyApproved, check_cover_in_force
from marketplace.claims.schemas import ClaimCreate, ClaimReject, PayoutCreate
from marketplace.covers import deadlines
from marketplace.covers import repository as covers
from marketplace.covers import service as cover_service
from marketplace.errors import Conflict, ResourceNotFound, RuleViolation
from marketplace.kit.ids import new_id
from marketplace.kit.money import format_money
from marketplace.kit.pagination import Page, PageRequest, paginate
from marketplace.kit.tenancy import Principal
from marketplace.models.buyers import Buyer
from marketplace.models.claims import Claim, ClaimPayout
from marketplace.models.covers import Cover


class ClaimNotFound(ResourceNotFound):
    pass


class ClaimClosed(Conflict):
    code = "claim_closed"
    title = "The claim is closed"


class ClaimOnHold(Conflict):
    code = "claim_on_hold"
    title = "The claim is on hold"


class ClaimNotOnHold(Conflict):
    code = "claim_not_on_hold"
    title = "The claim is not on hold"


class ClaimNotApproved(Conflict):
    code = "claim_not_approved"
    title = "The claim is not approved yet"


class ClaimThresholdNotReached(Conflict):
    code = "claim_threshold_not_reached"
    title = "The claim threshold has not passed"


class NotDeclaredOverdue(Conflict):
    code = "not_declared_overdue"
    title = "The invoice was not declared overdue"


class InsolvencyNotEstablished(Conflict):
    code = "insolvency_not_established"
    title = "The buyer's insolvency is not established"


class InsolvencyBeforeCover(Conflict):
    code = "insolvency_before_cover"
    title = "The buyer was insolvent before the cover began"


class InvoiceDisputed(Conflict):
    code = "invoice_disputed"
    title = "The invoice is disputed"


class ClaimPartlyPaid(Conflict):
    code = "claim_partly_paid"
    title = "Part of the indemnity is already paid"


class PayoutExceedsIndemnity(RuleViolation):
    code = "payout_exceeds_indemnity"
    title = "The payout is more than the indemnity left to pay"


class PayoutAlreadyRecorded(Conflict):
    code = "payout_already_recorded"
    title = "A payout with this reference is already recorded"


async def visible(session: AsyncSession, principal: Principal, claim_id: str) -> Claim:
    query = repository.visible_query(principal.livemode, principal.account_id)
    claim = (await session.execute(query.where(Claim.id == claim_id))).scalar_one_or_none()
    if claim is None:
        raise ClaimNotFound(f"No such claim: {claim_id}", param="claim")
    return claim


async def list_claims(
    session: AsyncSession,
    principal: Principal,
    *,
    cover_id: str | None,
    status: str | None,
    page: PageRequest,
) -> Page[Claim]:
    query = repository.visible_query(principal.livemode, principal.account_id)
    if cover_id is not None:
        query = query.where(Claim.cover_id == cover_id)
    if status is not None:
        query = query.where(Claim.status == status)
    return await paginate(session, query, Claim.id, page)


async def _life(session: AsyncSession, cover_id: str, real_now: datetime) -> clock.Life:
    life = await clock.life_of(session, await covers.locked(session, cover_id))
    await clock.catch_up(session, life, real_now)
    return life


def _check_cover_began_first(cover: Cover, buyer: Buyer) -> None:
    """A loss known before the premium was paid is not insured: a premium paid on a pending
    cover after the buyer's insolvency buys no insolvency claim."""
    insolvent_since = buyer.status_changed_at
    began = cover.activated_at
    if insolvent_since is not None and (began is None or began >= insolvent_since):
        raise InsolvencyBeforeCover(
            f"Buyer {buyer.id} was insolvent since {insolvent_since.isoformat()}, before cover"
            f" {cover.id} began",
            param="cause",
        )


async def _check_cause(
    session: AsyncSession, life: clock.Life, cause: str, real_now: datetime
) -> None:
    cover = life.cover
    if cause == "insolvency":
        buyer = await session.get(Buyer, cover.buyer_id)
        if buyer is None or buyer.status != "insolvent":
            raise InsolvencyNotEstablished(
                f"Buyer {cover.buyer_id} is not insolvent on the marketplace: an insurer or the"
                " operator records the insolvency (a buyer signal) first",
                param="cause",
            )
        _check_cover_began_first(cover, buyer)
        return
    if cover.status == "active" or cover.declared_at is None:
        raise NotDeclaredOverdue(
            f"Declare invoice {cover.invoice_number} overdue (invoice.overdue) first", param="cover"
        )
    if cover.disputed_at is not None:
        raise InvoiceDisputed(f"The invoice is disputed since {cover.disputed_at.isoformat()}")
    claimable = deadlines.claimable_from(cover)
    raise ClaimThresholdNotReached(
        f"A protracted-default claim opens on {claimable} (the due date + the claim threshold"
        f" of {cover.claim_threshold_days} days); today is {deadlines.cover_today(cover, real_now)}"
        " on the cover's clock",
        param="cause",
    )


async def open_by_request(
    session: AsyncSession, principal: Principal, data: ClaimCreate, real_now: datetime
) -> Claim:
    """Open a claim on the caller's cover, if its cause allows it now."""
    await cover_service.owned(session, principal, data.cover)
    life = await _life(session, data.cover, real_now)
    if life.claim is not None:
        raise AlreadyClaimed(f"Cover {data.cover} already has claim {life.claim.id}")
    check_cover_in_force(life.cover)
    await _check_cause(session, life, data.cause, real_now)
    claim = await opening.open_claim(session, life.cover, data.cause, real_now)
    if claim is None:
        raise AlreadyClaimed(f"Cover {data.cover} already has a claim")
    life.claim = claim
    await clock.catch_up(session, life, real_now)
    return claim


def _refuse_unless(claim: Claim, allowed: tuple[str, ...], action: str) -> None:
    if claim.status in allowed:
        return
    detail = f"Claim {claim.id} is {claim.status}: it cannot be {action}"
    if claim.status in transitions.CLOSED:
        raise ClaimClosed(detail)
    if claim.status == "on_hold":
        raise ClaimOnHold(f"{detail} while on hold ({claim.hold_reason})")
    if transitions.approved_before(claim):
        raise ClaimAlreadyApproved(detail)
    raise ClaimNotApproved(detail)


async def _decided(
    session: AsyncSession,
    principal: Principal,
    claim_id: str,
    real_now: datetime,
    *,
    by_insurer: bool,
) -> clock.Life:
    """The claim's life, locked and caught up, if the caller may act on it as the product's
    insurer (``by_insurer``) or as the cover's platform or seller; else 404."""
    claim = await visible(session, principal, claim_id)
    allowed = (
        claim.insurer_id == principal.account_id
        if by_insurer
        else principal.account_id in (claim.account_id, claim.seller_id)
    )
    if not allowed:
        raise ClaimNotFound(f"No such claim: {claim_id}", param="claim")
    life = await _life(session, claim.cover_id, real_now)
    assert life.claim is not None
    return life


Decision = Callable[[AsyncSession, clock.Life, datetime], Awaitable[object]]


async def decide(
    session: AsyncSession,
    principal: Principal,
    claim_id: str,
    real_now: datetime,
    *,
    action: str,
    allowed: tuple[str, ...],
    apply: Decision,
    by_insurer: bool = True,
) -> Claim:
    """Check the claim may be ``action`` (its status in ``allowed``), apply, catch up."""
    life = await _decided(session, principal, claim_id, real_now, by_insurer=by_insurer)
    assert life.claim is not None
    _refuse_unless(life.claim, allowed, action)
    await apply(session, life, real_now)
    await clock.catch_up(session, life, real_now)
    return life.claim


async def resume(
    session: AsyncSession, principal: Principal, claim_id: str, real_now: datetime
) -> Claim:
    life = await _decided(session, principal, claim_id, real_now, by_insurer=True)
    claim = life.claim
    assert claim is not None
    if claim.status != "on_hold":
        raise ClaimNotOnHold(f"Claim {claim.id} is {claim.status}")
    if claim.hold_reason == "dispute" or life.cover.disputed_at is not None:
        raise InvoiceDisputed(
            f"Claim {claim.id} is on hold while its invoice is disputed: the platform or seller"
            " reports invoice.dispute_resolved to end it"
        )
    await transitions.resume(session, claim, real_now, "insurer")
    await clock.catch_up(session, life, real_now)
    return claim


async def record_payout(
    session: AsyncSession,
    principal: Principal,
    claim_id: str,
    data: PayoutCreate,
    real_now: datetime,
) -> ClaimPayout:
    life = await _decided(session, principal, claim_id, real_now, by_insurer=True)
    claim = life.claim
    assert claim is not None
    _refuse_unless(claim, ("approved",), "paid")
    left_minor = (claim.indemnity_minor or 0) - claim.paid_minor
    if data.amount > left_minor:
        raise PayoutExceedsIndemnity(
            f"{format_money(data.amount, claim.currency)} is more than the"
            f" {format_money(left_minor, claim.currency)} of indemnity left to pay on claim"
            f" {claim.id}",
            param="amount",
        )
    payout = ClaimPayout(
        id=new_id("payout"),
        livemode=claim.livemode,
        claim_id=claim.id,
        amount_minor=data.amount,
        currency=claim.currency,
        reference=data.reference,
        paid_on=deadlines.cover_today(life.cover, real_now),
        created_at=real_now,
    )
    if not await repository.add_payout(session, payout):
        raise PayoutAlreadyRecorded(
            f"Claim {claim.id} already has a payout with reference {data.reference}",
            param="reference",
        )
    await transitions.record_payout(session, claim, life.cover, real_now, data.amount)
    await clock.catch_up(session, life, real_now)
    return payout


async def payouts(
    session: AsyncSession, principal: Principal, claim_id: str, page: PageRequest
) -> Page[ClaimPayout]:
    claim = await visible(session, principal, claim_id)
    return await paginate(session, repository.payouts_query(claim.id), ClaimPayout.id, page)


def _claim(life: clock.Life) -> Claim:
    assert life.claim is not None
    return life.claim


async def approve(
    session: AsyncSession, principal: Principal, claim_id: str, real_now: datetime
) -> Claim:
    """The insurer approves before the waiting period ends: the indemnity is fixed now."""

    async def apply(session: AsyncSession, life: clock.Life, now: datetime) -> object:
        return await transitions.approve(session, _claim(life), life.cover, now)

    allowed = transitions.COLLECTING
    return await decide(
        session, principal, claim_id, real_now, action="approved", allowed=allowed, apply=apply
    )


async def reject(
    session: AsyncSession,
    principal: Principal,
    claim_id: str,
    data: ClaimReject,
    real_now: datetime,
) -> Claim:
    async def apply(session: AsyncSession, life: clock.Life, now: datetime) -> object:
        claim = _claim(life)
        if claim.paid_minor:
            raise ClaimPartlyPaid(
                f"Claim {claim.id} already has {format_money(claim.paid_minor, claim.currency)}"
                " paid of its indemnity: a"
                " claim partly paid can no longer be rejected"
            )
        return await transitions.reject(
            session, claim, life.cover, now, code=data.code, reason=data.reason
        )

    allowed = transitions.REJECTABLE
    return await decide(
        session, principal, claim_id, real_now, action="rejected", allowed=allowed, apply=apply
    )


async def hold(
    session: AsyncSession, principal: Principal, claim_id: str, real_now: datetime
) -> Claim:
    async def apply(session: AsyncSession, life: clock.Life, now: datetime) -> object:
        return await transitions.hold(session, _claim(life), now, "insurer")

    allowed = transitions.HOLDABLE
    return await decide(
        session, principal, claim_id, real_now, action="held", allowed=allowed, apply=apply
    )


async def withdraw(
    session: AsyncSession, principal: Principal, claim_id: str, real_now: datetime
) -> Claim:
    """The cover's platform or seller withdraws the claim (before approval)."""

    async def apply(session: AsyncSession, life: clock.Life, now: datetime) -> object:
        return await transitions.withdraw(session, _claim(life), life.cover, now)

    return await decide(
        session,
        principal,
        claim_id,
        real_now,
        action="withdrawn",
        allowed=transitions.WITHDRAWABLE,
        apply=apply,
        by_insurer=False,
    )
