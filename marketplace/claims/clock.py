"""The date-driven life of a cover and its claim, and the test clock.

``catch_up`` runs, oldest first, every change that fell due on the cover's clock:

=========================  ======================================  ==========================
step                       when (on the cover's clock)             while
=========================  ======================================  ==========================
cover overdue              the day after the due date              active, something owed
notice                     7 days before overdue_declaration_by    overdue, not declared
cover time-barred          the day after overdue_declaration_by    overdue, not declared
notice                     7 days before claimable_from            declared, no claim yet
claim opens                claimable_from (or the declaration)     declared, not disputed
collection starts          the day after the claim opened          claim open
legal collection           after amicable_collection_days          amicable collection
notice                     7 days before waiting_period_ends_on    claim collecting
claim approved             waiting_period_ends_on                  claim collecting
notice                     7 days before indemnity_due_by          approved, not fully paid
=========================  ======================================  ==========================

Each step is a conditional change (``covers.invoice_state``, ``claims.transitions``) and each
notice is remembered (``deadline_notices``), so running it twice, or in two processes, changes
nothing the second time. Afterwards ``next_check_at`` holds the real time of the next step,
for the job. The caller holds the cover's lock.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.claims import changes as claim_changes
from marketplace.claims import opening, repository, transitions
from marketplace.covers import changes as cover_changes
from marketplace.covers import deadlines, invoice_state
from marketplace.covers.schemas import outstanding_minor
from marketplace.models.claims import Claim, DeadlineNotice
from marketplace.models.covers import Cover

MAX_STEPS = 32
"""More steps than a cover's whole life has: a bound on the loop, never reached."""
NOTICE = timedelta(days=deadlines.NOTICE_DAYS)
DAY = timedelta(days=1)

Apply = Callable[[AsyncSession, "Life", datetime, date], Awaitable[object]]
"""A step: the session, the cover's life, the real time, and the date (on the cover's clock)
the step falls on, which is the date it happens on however late it runs."""


@dataclass
class Life:
    """The cover and its claim (None until one opens), as the steps change them."""

    cover: Cover
    claim: Claim | None


@dataclass(frozen=True)
class Step:
    on: date
    rank: int
    apply: Apply
    name: str


async def _overdue(session: AsyncSession, life: Life, real_now: datetime, on: date) -> object:
    return await invoice_state.mark_overdue(session, life.cover, real_now)


async def _time_bar(session: AsyncSession, life: Life, real_now: datetime, on: date) -> object:
    return await invoice_state.time_bar(session, life.cover, real_now)


async def _open_claim(session: AsyncSession, life: Life, real_now: datetime, on: date) -> object:
    cause = "protracted_default"
    life.claim = await opening.open_claim(session, life.cover, cause, real_now, opened_on=on)
    return life.claim


async def _collect(session: AsyncSession, life: Life, real_now: datetime, on: date) -> object:
    assert life.claim is not None
    return await transitions.start_collection(session, life.claim, real_now)


async def _collect_legally(
    session: AsyncSession, life: Life, real_now: datetime, on: date
) -> object:
    assert life.claim is not None
    return await transitions.start_legal_collection(session, life.claim, real_now)


async def _approve(session: AsyncSession, life: Life, real_now: datetime, on: date) -> object:
    assert life.claim is not None
    return await transitions.approve(session, life.claim, life.cover, real_now, approved_on=on)


def _notice(name: str, due_on: date) -> Apply:
    async def notify(session: AsyncSession, life: Life, real_now: datetime, on: date) -> object:
        claim = life.claim if name in CLAIM_DEADLINES else None
        owner_id = life.cover.id if claim is None else claim.id
        notice = DeadlineNotice(
            object_id=owner_id, deadline=name, due_on=due_on, created_at=real_now
        )
        if not await repository.note_deadline(session, notice):
            return False
        if claim is not None:
            await claim_changes.deadline_approaching(session, claim, name, due_on)
        else:
            await cover_changes.deadline_approaching(session, life.cover, name, due_on)
        return True

    return notify


CLAIM_DEADLINES = ("waiting_period_ends_on", "indemnity_due_by")


def _notice_step(name: str, deadline: date, since: date) -> list[Step]:
    """The notice of ``deadline``: 7 days before it, or on ``since`` (when the state that
    makes the deadline matter began) if that is later; none once the deadline has passed."""
    on = max(deadline - NOTICE, since)
    return [] if on > deadline else [Step(on, 1, _notice(name, deadline), f"notice:{name}")]


def _cover_steps(cover: Cover) -> list[Step]:
    steps: list[Step] = []
    if cover.status == "active" and outstanding_minor(cover) > 0:
        steps.append(Step(cover.invoice_due_date + DAY, 0, _overdue, "overdue"))
    if cover.status != "overdue":
        return steps
    if cover.declared_at is None:
        declare_by = deadlines.overdue_declaration_by(cover)
        steps += _notice_step("overdue_declaration_by", declare_by, cover.invoice_due_date + DAY)
        steps.append(Step(declare_by + DAY, 2, _time_bar, "time_bar"))
        return steps
    claimable, declared_on = deadlines.claimable_from(cover), cover.declared_at.date()
    steps += _notice_step("claimable_from", claimable, declared_on)
    if cover.disputed_at is None:
        steps.append(Step(max(claimable, declared_on), 3, _open_claim, "open_claim"))
    return steps


def _claim_steps(claim: Claim) -> list[Step]:
    steps: list[Step] = []
    if claim.status == "open" and claim.collection_from is not None:
        steps.append(Step(claim.collection_from, 4, _collect, "collect"))
    if claim.status == "collection_amicable" and claim.legal_collection_from is not None:
        steps.append(Step(claim.legal_collection_from, 5, _collect_legally, "collect_legally"))
    if claim.status in transitions.COLLECTING:
        ends_on = claim.waiting_period_ends_on
        steps += _notice_step("waiting_period_ends_on", ends_on, claim.opened_on)
        steps.append(Step(ends_on, 6, _approve, "approve"))
    if claim.status == "approved" and claim.approved_on is not None:
        steps += _notice_step("indemnity_due_by", claim.indemnity_due_by, claim.approved_on)
    return steps


def steps_of(life: Life) -> list[Step]:
    """Every date-driven step ahead of the cover and its claim, by date."""
    steps = _cover_steps(life.cover)
    if life.claim is not None:
        steps += _claim_steps(life.claim)
    return sorted(steps, key=lambda step: (step.on, step.rank))


async def catch_up(session: AsyncSession, life: Life, real_now: datetime) -> None:
    """Run every step due by today on the cover's clock, oldest first; then schedule the
    next one."""
    today = deadlines.cover_today(life.cover, real_now)
    done: set[tuple[date, str]] = set()
    for _ in range(MAX_STEPS):
        due = [s for s in steps_of(life) if s.on <= today and (s.on, s.name) not in done]
        if not due:
            break
        step = due[0]
        done.add((step.on, step.name))
        await step.apply(session, life, real_now, step.on)
    ahead = [s for s in steps_of(life) if s.on > today]
    next_at = deadlines.real_time_of(life.cover, ahead[0].on) if ahead else None
    await invoice_state.schedule(session, life.cover, next_at)


async def life_of(session: AsyncSession, cover: Cover) -> Life:
    claim = None if cover.claim_id is None else await repository.by_id(session, cover.claim_id)
    return Life(cover, claim)
