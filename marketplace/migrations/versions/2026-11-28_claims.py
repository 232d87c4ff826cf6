"""After bind: invoice reports, claims and payouts, deadline notices, buyer signals and limits

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28 08:40:00

Covers gain the overdue and claim states, what was paid and credited on the invoice, the
exposure they hold (``insured_outstanding_minor``: the insured amount for the covers that held
exposure before, 0 for the others), the declaration, the dispute, the claim, the test clock
and when their next date-driven change falls due; the covers in force now include ``overdue``
and ``claimed`` ones. Offers and covers carry the product's declaration window (30 days) and
amicable collection period (60 days). Buyers gain a monitoring status (``normal``); each
account's buyer facts, when its bureau score was given.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import marketplace.db
from marketplace.kit.clock import utc_now

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

OLD_STATUSES = (
    "status IN ('pending_payment', 'active', 'cancelling', 'settled', 'claimed',"
    " 'payment_failed', 'expired', 'cancelled')"
)
NEW_STATUSES = (
    "status IN ('pending_payment', 'active', 'cancelling', 'overdue', 'settled', 'claimed',"
    " 'time_barred', 'payment_failed', 'expired', 'cancelled')"
)
OLD_IN_FORCE = "status IN ('pending_payment', 'active', 'cancelling')"
NEW_IN_FORCE = "status IN ('pending_payment', 'active', 'cancelling', 'overdue', 'claimed')"
IN_FORCE_INDEX = "uq_covers_invoice_in_force"
IN_FORCE_COLUMNS = ["livemode", "invoice_owner_id", "buyer_id", "invoice_number_key"]
REPORTS_WITHIN_INVOICE = (
    "paid_minor >= 0 AND credited_minor >= 0"
    " AND paid_minor + credited_minor <= invoice_amount_minor"
)
OUTSTANDING_WITHIN_INSURED = (
    "insured_outstanding_minor >= 0 AND insured_outstanding_minor <= insured_amount_minor"
)
DATETIME = marketplace.db.UtcDateTime(timezone=True)


def _int(name: str, default: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), nullable=False, server_default=sa.text(default))


def _money(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.BigInteger(), nullable=False, server_default=sa.text("0"))


def _alter_covers() -> None:
    with op.batch_alter_table("covers", schema=None) as batch_op:
        batch_op.add_column(_int("overdue_declaration_days", "30"))
        batch_op.add_column(_int("amicable_collection_days", "60"))
        batch_op.add_column(_money("paid_minor"))
        batch_op.add_column(_money("credited_minor"))
        batch_op.add_column(_money("insured_outstanding_minor"))
        batch_op.add_column(sa.Column("declared_at", DATETIME, nullable=True))
        batch_op.add_column(sa.Column("waiting_period_ends_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("indemnity_due_by", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("disputed_at", DATETIME, nullable=True))
        batch_op.add_column(sa.Column("claim_id", sa.String(length=40), nullable=True))
        batch_op.add_column(_int("clock_offset_days", "0"))
        batch_op.add_column(sa.Column("next_check_at", DATETIME, nullable=True))
        batch_op.add_column(sa.Column("settled_at", DATETIME, nullable=True))
    connection = op.get_bind()
    connection.execute(
        sa.text(
            "UPDATE covers SET insured_outstanding_minor = insured_amount_minor"
            " WHERE status IN ('pending_payment', 'active', 'cancelling')"
        )
    )
    # the date-driven job looks at every active cover once, and schedules it from then on
    connection.execute(
        sa.text("UPDATE covers SET next_check_at = :now WHERE status = 'active'"),
        {"now": utc_now()},
    )
    with op.batch_alter_table("covers", schema=None) as batch_op:
        for name in ("overdue_declaration_days", "amicable_collection_days", "clock_offset_days"):
            batch_op.alter_column(name, existing_type=sa.Integer(), server_default=None)
        for name in ("paid_minor", "credited_minor", "insured_outstanding_minor"):
            batch_op.alter_column(name, existing_type=sa.BigInteger(), server_default=None)
        batch_op.create_index("ix_covers_next_check_at", ["next_check_at"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_covers_claim_id"), ["claim_id"])
        batch_op.drop_index(IN_FORCE_INDEX)
        batch_op.drop_constraint(op.f("ck_covers_status"), type_="check")
        batch_op.create_check_constraint("status", sa.text(NEW_STATUSES))
        batch_op.create_check_constraint("reports_within_invoice", sa.text(REPORTS_WITHIN_INVOICE))
        batch_op.create_check_constraint(
            "outstanding_within_insured", sa.text(OUTSTANDING_WITHIN_INSURED)
        )
        batch_op.create_index(
            IN_FORCE_INDEX,
            IN_FORCE_COLUMNS,
            unique=True,
            sqlite_where=sa.text(NEW_IN_FORCE),
            postgresql_where=sa.text(NEW_IN_FORCE),
        )


def _alter_offers_and_buyers() -> None:
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.add_column(_int("overdue_declaration_days", "30"))
        batch_op.add_column(_int("amicable_collection_days", "60"))
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.alter_column(
            "overdue_declaration_days", existing_type=sa.Integer(), server_default=None
        )
        batch_op.alter_column(
            "amicable_collection_days", existing_type=sa.Integer(), server_default=None
        )
    with op.batch_alter_table("buyers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "status", sa.String(length=16), nullable=False, server_default=sa.text("'normal'")
            )
        )
        batch_op.add_column(sa.Column("status_changed_at", DATETIME, nullable=True))
    with op.batch_alter_table("buyers", schema=None) as batch_op:
        batch_op.alter_column("status", existing_type=sa.String(length=16), server_default=None)
    with op.batch_alter_table("buyer_facts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bureau_score_given_at", DATETIME, nullable=True))


def _create_buyer_tables() -> None:
    op.create_table(
        "buyer_signals",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("buyer_id", sa.String(length=40), nullable=False),
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("bureau_score", sa.Integer(), nullable=True),
        sa.Column("status_before", sa.String(length=16), nullable=False),
        sa.Column("status_after", sa.String(length=16), nullable=False),
        sa.Column("created_at", DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_buyer_signals_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["buyer_id"], ["buyers.id"], name=op.f("fk_buyer_signals_buyer_id_buyers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buyer_signals")),
    )
    with op.batch_alter_table("buyer_signals", schema=None) as batch_op:
        batch_op.create_index("ix_buyer_signals_buyer_id_id", ["buyer_id", "id"], unique=False)
    op.create_table(
        "buyer_limits",
        sa.Column("buyer_id", sa.String(length=40), nullable=False),
        sa.Column("product_id", sa.String(length=40), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("created_at", DATETIME, nullable=False),
        sa.Column("updated_at", DATETIME, nullable=False),
        sa.CheckConstraint("amount_minor >= 0", name=op.f("ck_buyer_limits_not_negative")),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_buyer_limits_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["buyer_id"], ["buyers.id"], name=op.f("fk_buyer_limits_buyer_id_buyers")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_buyer_limits_product_id_products")
        ),
        sa.PrimaryKeyConstraint("buyer_id", "product_id", "currency", name=op.f("pk_buyer_limits")),
    )


def _account_fk(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["accounts.id"], name=op.f(f"fk_{table}_{column}_accounts")
    )


def _create_claims() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("cover_id", sa.String(length=40), nullable=False),
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("seller_id", sa.String(length=40), nullable=True),
        sa.Column("insurer_id", sa.String(length=40), nullable=False),
        sa.Column("product_id", sa.String(length=40), nullable=False),
        sa.Column("buyer_id", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("cause", sa.String(length=24), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("held_from", sa.String(length=24), nullable=True),
        sa.Column("hold_reason", sa.String(length=24), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("overdue_declaration_by", sa.Date(), nullable=False),
        sa.Column("claimable_from", sa.Date(), nullable=False),
        sa.Column("collection_from", sa.Date(), nullable=True),
        sa.Column("legal_collection_from", sa.Date(), nullable=True),
        sa.Column("waiting_period_ends_on", sa.Date(), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("indemnity_due_by", sa.Date(), nullable=False),
        sa.Column("outstanding_at_declaration_minor", sa.BigInteger(), nullable=False),
        sa.Column("recovered_minor", sa.BigInteger(), nullable=False),
        sa.Column("recovered_before_approval_minor", sa.BigInteger(), nullable=False),
        sa.Column("credited_minor", sa.BigInteger(), nullable=False),
        sa.Column("insurer_recovered_minor", sa.BigInteger(), nullable=False),
        sa.Column("seller_recovered_minor", sa.BigInteger(), nullable=False),
        sa.Column("indemnity_minor", sa.BigInteger(), nullable=True),
        sa.Column("paid_minor", sa.BigInteger(), nullable=False),
        sa.Column("rejection_code", sa.String(length=24), nullable=True),
        sa.Column("rejection_reason", sa.String(length=500), nullable=True),
        sa.Column("closed_at", DATETIME, nullable=True),
        sa.Column("created_at", DATETIME, nullable=False),
        sa.Column("updated_at", DATETIME, nullable=False),
        sa.CheckConstraint(
            "cause IN ('protracted_default', 'insolvency')", name=op.f("ck_claims_cause")
        ),
        sa.CheckConstraint(
            "status IN ('open', 'collection_amicable', 'collection_legal', 'on_hold',"
            " 'approved', 'paid', 'recovered', 'rejected', 'withdrawn')",
            name=op.f("ck_claims_status"),
        ),
        sa.CheckConstraint(
            "paid_minor >= 0 AND (indemnity_minor IS NULL OR paid_minor <= indemnity_minor)",
            name=op.f("ck_claims_payouts_within_indemnity"),
        ),
        _account_fk("claims", "account_id"),
        _account_fk("claims", "seller_id"),
        _account_fk("claims", "insurer_id"),
        sa.ForeignKeyConstraint(
            ["buyer_id"], ["buyers.id"], name=op.f("fk_claims_buyer_id_buyers")
        ),
        sa.ForeignKeyConstraint(
            ["cover_id"], ["covers.id"], name=op.f("fk_claims_cover_id_covers")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_claims_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("cover_id", name=op.f("uq_claims_cover_id")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_account_id_id", ["account_id", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_buyer_id"), ["buyer_id"], unique=False)
        batch_op.create_index("ix_claims_insurer_id_id", ["insurer_id", "id"], unique=False)
        batch_op.create_index("ix_claims_seller_id_id", ["seller_id", "id"], unique=False)


def _create_payouts_and_reports() -> None:
    op.create_table(
        "claim_payouts",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("claim_id", sa.String(length=40), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("created_at", DATETIME, nullable=False),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_claim_payouts_positive")),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_payouts_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_payouts")),
        sa.UniqueConstraint(
            "claim_id", "reference", name=op.f("uq_claim_payouts_claim_id_reference")
        ),
    )
    with op.batch_alter_table("claim_payouts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_payouts_claim_id"), ["claim_id"], unique=False)
    op.create_table(
        "invoice_events",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("cover_id", sa.String(length=40), nullable=False),
        sa.Column("claim_id", sa.String(length=40), nullable=True),
        sa.Column("reported_by", sa.String(length=40), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("occurred_at", DATETIME, nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("recovery", sa.Boolean(), nullable=False),
        sa.Column("insurer_share_minor", sa.BigInteger(), nullable=True),
        sa.Column("seller_share_minor", sa.BigInteger(), nullable=True),
        sa.Column("created_at", DATETIME, nullable=False),
        sa.CheckConstraint(
            "type IN ('invoice.paid', 'invoice.overdue', 'invoice.disputed',"
            " 'invoice.dispute_resolved', 'invoice.credit_note')",
            name=op.f("ck_invoice_events_type"),
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_invoice_events_claim_id_claims")
        ),
        sa.ForeignKeyConstraint(
            ["cover_id"], ["covers.id"], name=op.f("fk_invoice_events_cover_id_covers")
        ),
        _account_fk("invoice_events", "reported_by"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_events")),
    )
    with op.batch_alter_table("invoice_events", schema=None) as batch_op:
        batch_op.create_index("ix_invoice_events_cover_id_id", ["cover_id", "id"], unique=False)
    op.create_table(
        "deadline_notices",
        sa.Column("object_id", sa.String(length=40), nullable=False),
        sa.Column("deadline", sa.String(length=40), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("created_at", DATETIME, nullable=False),
        sa.PrimaryKeyConstraint(
            "object_id", "deadline", "due_on", name=op.f("pk_deadline_notices")
        ),
    )


def upgrade() -> None:
    _alter_covers()  # before any table refers to covers: SQLite rebuilds it
    _alter_offers_and_buyers()
    _create_buyer_tables()
    _create_claims()
    _create_payouts_and_reports()


def downgrade() -> None:
    op.drop_table("deadline_notices")
    with op.batch_alter_table("invoice_events", schema=None) as batch_op:
        batch_op.drop_index("ix_invoice_events_cover_id_id")
    op.drop_table("invoice_events")
    with op.batch_alter_table("claim_payouts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_payouts_claim_id"))
    op.drop_table("claim_payouts")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        for index in (
            "ix_claims_seller_id_id",
            "ix_claims_insurer_id_id",
            "ix_claims_account_id_id",
        ):
            batch_op.drop_index(index)
        batch_op.drop_index(batch_op.f("ix_claims_buyer_id"))
    op.drop_table("claims")
    op.drop_table("buyer_limits")
    with op.batch_alter_table("buyer_signals", schema=None) as batch_op:
        batch_op.drop_index("ix_buyer_signals_buyer_id_id")
    op.drop_table("buyer_signals")
    with op.batch_alter_table("buyer_facts", schema=None) as batch_op:
        batch_op.drop_column("bureau_score_given_at")
    with op.batch_alter_table("buyers", schema=None) as batch_op:
        batch_op.drop_column("status_changed_at")
        batch_op.drop_column("status")
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.drop_column("amicable_collection_days")
        batch_op.drop_column("overdue_declaration_days")
    connection = op.get_bind()
    connection.execute(
        sa.text(
            "UPDATE covers SET status = 'active'"
            " WHERE status IN ('overdue', 'time_barred', 'claimed', 'settled')"
        )
    )
    with op.batch_alter_table("covers", schema=None) as batch_op:
        batch_op.drop_index(IN_FORCE_INDEX)
        batch_op.drop_constraint(op.f("ck_covers_outstanding_within_insured"), type_="check")
        batch_op.drop_constraint(op.f("ck_covers_reports_within_invoice"), type_="check")
        batch_op.drop_constraint(op.f("ck_covers_status"), type_="check")
        batch_op.create_check_constraint("status", sa.text(OLD_STATUSES))
        batch_op.drop_constraint(batch_op.f("uq_covers_claim_id"), type_="unique")
        batch_op.drop_index("ix_covers_next_check_at")
        for name in (
            "settled_at",
            "next_check_at",
            "clock_offset_days",
            "claim_id",
            "disputed_at",
            "indemnity_due_by",
            "waiting_period_ends_on",
            "declared_at",
            "insured_outstanding_minor",
            "credited_minor",
            "paid_minor",
            "amicable_collection_days",
            "overdue_declaration_days",
        ):
            batch_op.drop_column(name)
        batch_op.create_index(
            IN_FORCE_INDEX,
            IN_FORCE_COLUMNS,
            unique=True,
            sqlite_where=sa.text(OLD_IN_FORCE),
            postgresql_where=sa.text(OLD_IN_FORCE),
        )
