"""HTTP endpoints after bind: invoice reports on a cover, claims with the insurer's decisions
and payouts, and the test clock. Each request is one transaction (the handlers never commit);
what the caller may not do on an object it cannot act on is a 404, as for another tenant's."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.params import JSONBody, PathParameter, QueryParameter

from marketplace.accounts.auth import require_roles
from marketplace.claims import reports, rules, service, test_clock
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
from marketplace.errors import RouteNotFound
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
IN_FORCE_ERRORS = (rules.CoverNotActive, rules.AlreadySettled, rules.CoverTimeBarred)
REPORT_ERRORS = (
    *IN_FORCE_ERRORS,
    rules.InvoiceNotDue,
    rules.AlreadyDeclared,
    rules.AlreadyClaimed,
    rules.AlreadyDisputed,
    rules.NotDisputed,
    rules.ClaimAlreadyApproved,
    rules.AmountRequired,
    rules.AmountNotAllowed,
    rules.AmountExceedsOutstanding,
    rules.OccurredBeforeCover,
    rules.OccurredBeforeDueDate,
    rules.OccurredInFuture,
)
OPEN_ERRORS = (
    rules.AlreadyClaimed,
    *IN_FORCE_ERRORS,
    service.InsolvencyNotEstablished,
    service.InsolvencyBeforeCover,
    service.NotDeclaredOverdue,
    service.InvoiceDisputed,
    service.ClaimThresholdNotReached,
)
PAYOUT_ERRORS = (
    service.ClaimClosed,
    service.ClaimOnHold,
    service.ClaimNotApproved,
    service.PayoutExceedsIndemnity,
    service.PayoutAlreadyRecorded,
)
BY_INSURER = "**Who**: the insurer of the cover's product (to anyone else the claim is a 404)."


class InvoiceEventController(Controller):
    path = "/covers/{cover_id:str}/invoice_events"
    tags = ["covers"]
    guards = PARTIES

    @post(
        "/",
        operation_id="create_invoice_event",
        summary="Report what happened to the invoice",
        description=(
            "The platform or seller of a paid cover reports the invoice's life, and the"
            " marketplace runs the rest by the date. `invoice.paid`: the buyer paid `amount`"
            " (payments add up; the cover's exposure shrinks to the cover ratio of what is"
            " still owed; nothing owed: `settled`; after a claim opened it is a recovery,"
            " shared with the insurer after approval). `invoice.overdue`: the declaration,"
            " from the day after the due date until `deadlines.overdue_declaration_by`; the"
            " waiting period counts from it. `invoice.disputed` / `invoice.dispute_resolved`:"
            " no claim opens during a dispute, an open claim is held. `invoice.credit_note`:"
            " reduces what is owed (and the indemnity).\n\n"
            "An `Idempotency-Key` is required: a retried report is never counted twice."
            " Emits `cover.*` and `claim.*` events as the cover and its claim move."
        ),
        response_description="The report as recorded",
        responses=problem_responses(WRITE_ERRORS, errors=REPORT_ERRORS),
    )
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
        summary="List a cover's invoice reports",
        description=(
            "The reports made on a cover, newest first, each with whether it was a recovery and"
            " how it was shared. For the cover's platform, seller and insurer. Changes nothing."
        ),
        response_description="One page of reports, newest first",
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

    @post(
        "/",
        operation_id="create_claim",
        summary="Open a claim",
        description=(
            "The cover's platform or seller opens a claim before the date-driven job does:"
            " `insolvency` once the buyer's status is `insolvent` (at any time, no waiting"
            " period), `protracted_default` from `deadlines.claimable_from` on a declared,"
            " still unpaid invoice (the job opens it on that day by itself anyway). The cover"
            " becomes `claimed`; the claim then goes through collection and the waiting period"
            " to its indemnity. Emits `claim.opened` and `cover.claimed`."
        ),
        response_description="The claim, open",
        responses=problem_responses(WRITE_ERRORS, errors=OPEN_ERRORS),
    )
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
        summary="List claims",
        description=(
            "Claims on the caller's covers (platform, seller) or on its products (insurer),"
            " newest first; filter by `cover` and `status`. Changes nothing."
        ),
        response_description="One page of claims, newest first",
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

    @get(
        "/{claim_id:str}",
        operation_id="retrieve_claim",
        summary="Retrieve a claim",
        description=(
            "One claim with its collection phases, deadlines, recoveries and indemnity, for the"
            " cover's platform and seller and the product's insurer. Changes nothing."
        ),
        response_description="The claim",
        responses=problem_responses(),
    )
    async def retrieve(
        self, session: DbSession, principal: Caller, claim_id: ClaimPath
    ) -> ClaimOut:
        """One claim, with its deadlines, recoveries and indemnity."""
        return ClaimOut.of(await service.visible(session, principal, claim_id))

    @post(
        "/{claim_id:str}/approve",
        operation_id="approve_claim",
        summary="Approve a claim early",
        description=(
            "Approves a claim still in collection before its waiting period ends: the"
            " indemnity is fixed now (cover ratio x what is still owed, capped by the insured"
            " amount) and due within 30 days (`deadlines.indemnity_due_by`). Emits"
            f" `claim.approved`. {BY_INSURER}"
        ),
        response_description="The claim, approved, with its indemnity",
        status_code=200,
        responses=problem_responses(
            WRITE_ERRORS,
            errors=(service.ClaimClosed, service.ClaimOnHold, rules.ClaimAlreadyApproved),
        ),
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
        summary="Reject a claim",
        description=(
            "Rejects a claim not yet paid (`dispute`, `exclusion`, `late_declaration`,"
            " `fraud`): no indemnity is owed, the cover's exposure on the buyer is released and"
            " later payments are the seller's alone. A claim partly paid can no longer be"
            f" rejected. Emits `claim.rejected`. {BY_INSURER}"
        ),
        response_description="The claim, rejected",
        status_code=200,
        responses=problem_responses(
            WRITE_ERRORS, errors=(service.ClaimClosed, service.ClaimPartlyPaid)
        ),
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
        summary="Put a claim on hold",
        description=(
            "Holds a claim in collection or approved: no date-driven step moves it (no legal"
            " collection, no approval) until the insurer resumes it. Emits `claim.on_hold`."
            f" {BY_INSURER}"
        ),
        response_description="The claim, on hold",
        status_code=200,
        responses=problem_responses(
            WRITE_ERRORS, errors=(service.ClaimClosed, service.ClaimOnHold)
        ),
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
        summary="Resume a held claim",
        description=(
            "Ends the insurer's hold: the claim goes back where it was, and every step that"
            " fell due meanwhile runs. A hold for a dispute ends only when the platform or"
            " seller reports `invoice.dispute_resolved`. Emits `claim.resumed`."
            f" {BY_INSURER}"
        ),
        response_description="The claim, back where it was",
        status_code=200,
        responses=problem_responses(
            WRITE_ERRORS, errors=(service.ClaimNotOnHold, service.InvoiceDisputed)
        ),
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
        summary="Withdraw a claim",
        description=(
            "The cover's platform or seller withdraws its claim before approval: no indemnity"
            " is owed and the cover's exposure on the buyer is released. Emits"
            " `claim.withdrawn`."
        ),
        response_description="The claim, withdrawn",
        status_code=200,
        responses=problem_responses(
            WRITE_ERRORS, errors=(service.ClaimClosed, rules.ClaimAlreadyApproved)
        ),
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
        summary="Record an indemnity payout",
        description=(
            "The insurer records a payment of the indemnity it made to the seller (the money"
            " moves outside the API), in minor units of the claim's currency, once per"
            " `reference`: never more than the indemnity left to pay. The claim is `paid`, and"
            f" the cover's exposure released, when the payouts reach the indemnity. {BY_INSURER}"
        ),
        response_description="The payout as recorded",
        responses=problem_responses(WRITE_ERRORS, errors=PAYOUT_ERRORS),
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
        summary="List a claim's payouts",
        description=(
            "The payouts recorded on a claim, newest first, for the cover's platform and"
            " seller and the product's insurer. Changes nothing."
        ),
        response_description="One page of payouts, newest first",
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
        summary="Move a cover's test clock ahead",
        description=(
            "Test mode only (404 `route_not_found` with a live key): moves a paid cover's"
            " clock, and its claim's, `days` ahead (two years at most in all) and runs, in date"
            " order, every step that fell due, with its events, so a whole life plays out in"
            " seconds: overdue, time-barred, claim, collection, approval. **Who**: the cover's"
            " platform or seller."
        ),
        response_description="The cover on its new date",
        status_code=200,
        responses=problem_responses(
            WRITE_ERRORS,
            errors=(test_clock.ClockTooFar, rules.CoverNotActive, RouteNotFound),
        ),
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
