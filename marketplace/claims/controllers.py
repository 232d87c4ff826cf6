"""HTTP endpoints after bind: invoice reports on a cover, claims with the insurer's decisions
and payouts, and the test clock. Each request is one transaction (the handlers never commit);
what the caller may not do on an object it cannot act on is a 404, as for another tenant's."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.params import JSONBody, PathParameter, QueryParameter

from marketplace.accounts.auth import require_roles
from marketplace.claims import reports, service, test_clock
from marketplace.claims.schemas import (
    AdvanceClock,
    ClaimCreate,
    ClaimOut,
    ClaimReject,
    InvoiceEventCreate,
    InvoiceEventOut,
    PayoutCreate,
    PayoutOut,
)
from marketplace.covers import service as cover_service
from marketplace.covers.controllers import CoverPath
from marketplace.covers.schemas import CoverOut
from marketplace.kit.clock import utc_now
from marketplace.kit.idempotency import IdempotencyKey, RequiredIdempotencyKey
from marketplace.kit.ids import id_pattern
from marketplace.kit.openapi import WRITE_ERRORS, problem_responses
from marketplace.kit.pagination import ListOf, Pagination, paginate, pagination
from marketplace.kit.unit_of_work import Caller, DbSession
from marketplace.models.claims import ClaimStatus, InvoiceReport

ClaimPath = Annotated[
    str, PathParameter(pattern=id_pattern("claim"), description="A claim id (clm_…)")
]
CoverFilter = Annotated[
    str | None, QueryParameter(pattern=id_pattern("cover"), description="Only this cover's claim")
]
PARTIES = [require_roles("platform", "seller", "insurer")]


class InvoiceEventController(Controller):
    path = "/covers/{cover_id:str}/invoice_events"
    tags = ["covers"]
    guards = PARTIES

    @post("/", operation_id="create_invoice_event", responses=problem_responses(WRITE_ERRORS))
    async def create(
        self,
        session: DbSession,
        principal: Caller,
        cover_id: CoverPath,
        data: JSONBody[InvoiceEventCreate],
        idempotency_key: RequiredIdempotencyKey,
    ) -> InvoiceEventOut:
        """Report what happened to the covered invoice (the cover's platform or seller only).

        `invoice.paid` (partial payments add up; a payment after a claim opened is a recovery),
        `invoice.overdue` (the declaration, from the day after the due date until
        `deadlines.overdue_declaration_by`), `invoice.disputed`, `invoice.dispute_resolved`,
        `invoice.credit_note`. An `Idempotency-Key` is required: a retried report is never
        counted twice.
        """
        await cover_service.owned(session, principal, cover_id)
        recorded = await reports.report(session, cover_id, principal.account_id, data, utc_now())
        return InvoiceEventOut.of(recorded)

    @get(
        "/",
        operation_id="list_invoice_events",
        dependencies=pagination("invoice_event"),
        responses=problem_responses(),
    )
    async def list(
        self, session: DbSession, principal: Caller, cover_id: CoverPath, page: Pagination
    ) -> ListOf[InvoiceEventOut]:
        """The invoice reports on a cover, newest first."""
        await cover_service.visible(session, principal, cover_id)
        query = reports.reports_query(cover_id)
        found = await paginate(session, query, InvoiceReport.id, page)
        return ListOf(data=[InvoiceEventOut.of(r) for r in found.items], has_more=found.has_more)


class ClaimController(Controller):
    path = "/claims"
    tags = ["claims"]
    guards = PARTIES

    @post("/", operation_id="create_claim", responses=problem_responses(WRITE_ERRORS))
    async def create(
        self,
        session: DbSession,
        principal: Caller,
        data: JSONBody[ClaimCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> ClaimOut:
        """Open a claim on your cover before the job does: `insolvency` once the buyer is
        `insolvent`; `protracted_default` from `deadlines.claimable_from` on a declared, unpaid
        invoice (a claim opens then by itself anyway)."""
        claim = await service.open_by_request(session, principal, data, utc_now())
        return ClaimOut.of(claim)

    @get(
        "/",
        operation_id="list_claims",
        dependencies=pagination("claim"),
        responses=problem_responses(),
    )
    async def list(
        self,
        session: DbSession,
        principal: Caller,
        page: Pagination,
        cover: CoverFilter = None,
        status: Annotated[
            ClaimStatus | None, QueryParameter(description="Only claims in this status")
        ] = None,
    ) -> ListOf[ClaimOut]:
        """Claims on your covers (platform, seller) or on your products (insurer)."""
        found = await service.list_claims(
            session, principal, cover_id=cover, status=status, page=page
        )
        return ListOf(data=[ClaimOut.of(c) for c in found.items], has_more=found.has_more)

    @get("/{claim_id:str}", operation_id="retrieve_claim", responses=problem_responses())
    async def retrieve(
        self, session: DbSession, principal: Caller, claim_id: ClaimPath
    ) -> ClaimOut:
        """One claim, with its deadlines, recoveries and indemnity."""
        return ClaimOut.of(await service.visible(session, principal, claim_id))

    @post(
        "/{claim_id:str}/approve",
        operation_id="approve_claim",
        status_code=200,
        responses=problem_responses(WRITE_ERRORS),
    )
    async def approve(
        self,
        session: DbSession,
        principal: Caller,
        claim_id: ClaimPath,
        idempotency_key: IdempotencyKey = None,
    ) -> ClaimOut:
        """The product's insurer approves the claim before its waiting period ends; the
        indemnity is fixed now and due within 30 days."""
        return ClaimOut.of(await service.approve(session, principal, claim_id, utc_now()))

    @post(
        "/{claim_id:str}/reject",
        operation_id="reject_claim",
        status_code=200,
        responses=problem_responses(WRITE_ERRORS),
    )
    async def reject(
        self,
        session: DbSession,
        principal: Caller,
        claim_id: ClaimPath,
        data: JSONBody[ClaimReject],
        idempotency_key: IdempotencyKey = None,
    ) -> ClaimOut:
        """The product's insurer rejects the claim (`dispute`, `exclusion`,
        `late_declaration`, `fraud`) before it is paid; the cover's exposure is released."""
        return ClaimOut.of(await service.reject(session, principal, claim_id, data, utc_now()))

    @post(
        "/{claim_id:str}/hold",
        operation_id="hold_claim",
        status_code=200,
        responses=problem_responses(WRITE_ERRORS),
    )
    async def hold(
        self,
        session: DbSession,
        principal: Caller,
        claim_id: ClaimPath,
        idempotency_key: IdempotencyKey = None,
    ) -> ClaimOut:
        """The product's insurer puts the claim on hold: no date-driven step moves it until
        it resumes."""
        return ClaimOut.of(await service.hold(session, principal, claim_id, utc_now()))

    @post(
        "/{claim_id:str}/resume",
        operation_id="resume_claim",
        status_code=200,
        responses=problem_responses(WRITE_ERRORS),
    )
    async def resume(
        self,
        session: DbSession,
        principal: Caller,
        claim_id: ClaimPath,
        idempotency_key: IdempotencyKey = None,
    ) -> ClaimOut:
        """The product's insurer ends its hold: the claim goes back where it was, and any step
        that fell due meanwhile runs."""
        return ClaimOut.of(await service.resume(session, principal, claim_id, utc_now()))

    @post(
        "/{claim_id:str}/withdraw",
        operation_id="withdraw_claim",
        status_code=200,
        responses=problem_responses(WRITE_ERRORS),
    )
    async def withdraw(
        self,
        session: DbSession,
        principal: Caller,
        claim_id: ClaimPath,
        idempotency_key: IdempotencyKey = None,
    ) -> ClaimOut:
        """The cover's platform or seller withdraws the claim before it is approved."""
        return ClaimOut.of(await service.withdraw(session, principal, claim_id, utc_now()))

    @post(
        "/{claim_id:str}/payouts",
        operation_id="create_claim_payout",
        responses=problem_responses(WRITE_ERRORS),
    )
    async def create_payout(
        self,
        session: DbSession,
        principal: Caller,
        claim_id: ClaimPath,
        data: JSONBody[PayoutCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> PayoutOut:
        """The product's insurer records an indemnity payment it made to the seller (the money
        moves outside the API); the claim is `paid` when the payouts reach the indemnity."""
        payout = await service.record_payout(session, principal, claim_id, data, utc_now())
        return PayoutOut.of(payout)

    @get(
        "/{claim_id:str}/payouts",
        operation_id="list_claim_payouts",
        dependencies=pagination("payout"),
        responses=problem_responses(),
    )
    async def list_payouts(
        self, session: DbSession, principal: Caller, claim_id: ClaimPath, page: Pagination
    ) -> ListOf[PayoutOut]:
        """The payouts recorded on a claim, newest first."""
        found = await service.payouts(session, principal, claim_id, page)
        return ListOf(data=[PayoutOut.of(p) for p in found.items], has_more=found.has_more)


class TestHelperController(Controller):
    path = "/test_helpers/covers"
    tags = ["test_helpers"]
    guards = PARTIES

    @post(
        "/{cover_id:str}/advance",
        operation_id="advance_cover_clock",
        status_code=200,
        responses=problem_responses(WRITE_ERRORS),
    )
    async def advance(
        self,
        session: DbSession,
        principal: Caller,
        cover_id: CoverPath,
        data: JSONBody[AdvanceClock],
        idempotency_key: IdempotencyKey = None,
    ) -> CoverOut:
        """Test mode only (404 in live mode): move the cover's clock, and its claim's,
        `days` ahead and run every step that fell due, in order, with its events."""
        cover = await test_clock.advance(session, principal, cover_id, data.days, utc_now())
        return CoverOut.of(cover, principal.account_id)
