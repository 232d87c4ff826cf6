"""Buyer signals: what insurers and the operator report on a buyer, shared marketplace-wide.

Every signal is recorded with the status it moved the buyer from and to (the rules are in
``buyers.status``). A signal that changes the status alerts those who hold cover on the buyer
(``buyers.alerts``); one that makes the buyer insolvent also opens an insolvency claim on each
paid cover on it, with no waiting period. Signals feed every tenant's next score on the buyer
(``buyers.registry.scoring_facts``).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import alerts, monitoring_repository, service
from marketplace.buyers.schemas import BuyerStatusOut, SignalIn
from marketplace.buyers.status import INSOLVENT, next_status
from marketplace.claims import insolvency
from marketplace.errors import Conflict, RuleViolation
from marketplace.events.emit import changes, public
from marketplace.kit.ids import new_id
from marketplace.kit.pagination import Page, PageRequest, paginate
from marketplace.kit.tenancy import Principal
from marketplace.models.buyers import Buyer, BuyerSignal

STATUS_ATTEMPTS = 5
"""How often a signal re-reads a status that another signal changed under it, before giving
up (each retry follows a commit of that other signal, so more are hardly ever needed)."""


class EffectiveOnInFuture(RuleViolation):
    code = "effective_on_in_future"
    title = "A signal cannot take effect in the future"


class BureauScoreRequired(RuleViolation):
    code = "bureau_score_required"
    title = "A bureau_score signal needs its score"


class BureauScoreNotAllowed(RuleViolation):
    code = "bureau_score_not_allowed"
    title = "Only a bureau_score signal has a score"


class BuyerStatusContended(Conflict):
    code = "buyer_status_contended"
    title = "Other signals keep changing this buyer's status; retry"


def check(data: SignalIn, today: date) -> None:
    """The rules a signal's schema cannot say: dated today (UTC) or before, a score exactly
    when the type is ``bureau_score``."""
    if data.effective_on > today:
        raise EffectiveOnInFuture(
            f"effective_on {data.effective_on} is after today ({today}, UTC)", param="effective_on"
        )
    if data.type == "bureau_score" and data.bureau_score is None:
        raise BureauScoreRequired("A bureau_score signal needs bureau_score", param="bureau_score")
    if data.type != "bureau_score" and data.bureau_score is not None:
        raise BureauScoreNotAllowed(
            f"A {data.type} signal has no bureau_score", param="bureau_score"
        )


async def _move_status(
    session: AsyncSession, buyer: Buyer, data: SignalIn, now: datetime
) -> tuple[str, str, datetime | None]:
    """(status before, status after, ``status_changed_at`` after), moved by a conditional update
    from the status last read; a signal that changed it meanwhile makes this one re-read it."""
    before = buyer.status
    for _ in range(STATUS_ATTEMPTS):
        after = next_status(before, data.type, data.bureau_score)
        moved, changed_at = await monitoring_repository.set_status(
            session, buyer.id, before, after, now
        )
        if moved:
            return before, after, changed_at
        before = await monitoring_repository.status_of(session, buyer.id) or before
    raise BuyerStatusContended(f"The status of buyer {buyer.id} kept changing; retry")


def _signal(
    principal: Principal, buyer: Buyer, data: SignalIn, moved: tuple[str, str], now: datetime
) -> BuyerSignal:
    return BuyerSignal(
        id=new_id("buyer_signal"),
        livemode=buyer.livemode,
        buyer_id=buyer.id,
        account_id=principal.account_id,
        type=data.type,
        effective_on=data.effective_on,
        source=data.source,
        bureau_score=data.bureau_score,
        status_before=moved[0],
        status_after=moved[1],
        created_at=now,
    )


async def record(
    session: AsyncSession, principal: Principal, buyer_id: str, data: SignalIn, now: datetime
) -> BuyerStatusOut:
    """Record a signal on a buyer the caller can see; the buyer's status after it."""
    check(data, now.date())
    buyer = await service.visible(session, principal, buyer_id)
    changed_before = buyer.status_changed_at
    before, after, changed_at = await _move_status(session, buyer, data, now)
    signal = _signal(principal, buyer, data, (before, after), now)
    await monitoring_repository.add_signal(session, signal)
    answer = BuyerStatusOut.of(buyer, after, changed_at, signal)
    if after != before:
        earlier = await monitoring_repository.latest_signal(session, buyer.id, signal.id)
        was = BuyerStatusOut.of(buyer, before, changed_before, earlier)
        await alerts.status_changed(session, answer, changes(public(was), public(answer)), now)
    if after == INSOLVENT and before != INSOLVENT:
        await insolvency.open_on_buyer(
            session, livemode=buyer.livemode, buyer_id=buyer.id, real_now=now
        )
    return answer


async def list_signals(
    session: AsyncSession, principal: Principal, buyer_id: str, page: PageRequest
) -> Page[BuyerSignal]:
    """The signals on a buyer the caller can see, newest first."""
    await service.visible(session, principal, buyer_id)
    query = monitoring_repository.signals_query(buyer_id)
    return await paginate(session, query, BuyerSignal.id, page)
