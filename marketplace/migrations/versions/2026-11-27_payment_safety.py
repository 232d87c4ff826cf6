"""Covers: cancelling state, one cover per invoice, payment leases; refunds; inbox outcomes

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 23:00:00

Covers gain ``invoice_owner_id`` and ``invoice_number_key`` (what makes two covers insure the
same invoice) with a partial unique index over the covers in force, and
``payment_lease_until``. Covers that already insured one invoice twice before this revision
keep their cover: all but the first get their id appended to ``invoice_number_key``, so they do
not collide while any new bind on that invoice is refused. ``refund_due`` becomes a pending
``refunds`` row (purpose ``premium_without_cover``), which the upkeep job pays out.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

import marketplace.db
from marketplace.kit.clock import utc_now
from marketplace.kit.ids import new_id

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD_STATUSES = (
    "status IN ('pending_payment', 'active', 'settled', 'claimed', 'payment_failed',"
    " 'expired', 'cancelled')"
)
NEW_STATUSES = (
    "status IN ('pending_payment', 'active', 'cancelling', 'settled', 'claimed',"
    " 'payment_failed', 'expired', 'cancelled')"
)
IN_FORCE = "status IN ('pending_payment', 'active', 'cancelling')"


def _create_refunds() -> None:
    op.create_table(
        "refunds",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("payment_intent_id", sa.String(length=255), nullable=False),
        sa.Column("cover_id", sa.String(length=40), nullable=True),
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_until", marketplace.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column("stripe_refund_id", sa.String(length=255), nullable=True),
        sa.Column("stripe_status", sa.String(length=40), nullable=True),
        sa.Column("failure_code", sa.String(length=100), nullable=True),
        sa.Column("created_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_refunds_amount_positive")),
        sa.CheckConstraint(
            "purpose IN ('cover_cancelled', 'premium_without_cover', 'payment_mismatch',"
            " 'stray_payment')",
            name=op.f("ck_refunds_purpose"),
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'succeeded', 'failed')", name=op.f("ck_refunds_status")
        ),
        sa.ForeignKeyConstraint(
            ["cover_id"], ["covers.id"], name=op.f("fk_refunds_cover_id_covers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
        sa.UniqueConstraint(
            "payment_intent_id", "purpose", name=op.f("uq_refunds_payment_intent_id_purpose")
        ),
        sa.UniqueConstraint("stripe_refund_id", name=op.f("uq_refunds_stripe_refund_id")),
    )
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refunds_cover_id"), ["cover_id"], unique=False)
        batch_op.create_index(
            "ix_refunds_status_lease_until", ["status", "lease_until"], unique=False
        )


def _refunds_due(connection: sa.Connection) -> list[tuple[Any, ...]]:
    return [
        tuple(row)
        for row in connection.execute(
            sa.text(
                "SELECT id, livemode, payment_intent_id, premium_minor - refunded_minor, currency"
                " FROM covers WHERE refund_due AND payment_intent_id IS NOT NULL"
                " AND premium_minor > refunded_minor"
            )
        )
    ]


def _add_refunds(connection: sa.Connection, owed: list[tuple[Any, ...]]) -> None:
    """Inserted once ``covers`` is rebuilt: SQLite cannot rebuild a table rows point at."""
    now = utc_now()
    for cover_id, livemode, intent_id, amount, currency in owed:
        connection.execute(
            sa.text(
                "INSERT INTO refunds (id, livemode, payment_intent_id, cover_id, purpose,"
                " amount_minor, currency, status, attempts, created_at, updated_at)"
                " VALUES (:id, :livemode, :intent, :cover, 'premium_without_cover', :amount,"
                " :currency, 'pending', 0, :now, :now)"
            ),
            {
                "id": new_id("refund"),
                "livemode": livemode,
                "intent": intent_id,
                "cover": cover_id,
                "amount": amount,
                "currency": currency,
                "now": now,
            },
        )


def _fill_invoice_keys(connection: sa.Connection) -> None:
    connection.execute(
        sa.text(
            "UPDATE covers SET invoice_owner_id = COALESCE(seller_id, account_id),"
            " invoice_number_key = LOWER(TRIM(invoice_number))"
        )
    )
    in_force = connection.execute(
        sa.text(
            "SELECT id, livemode, invoice_owner_id, buyer_id, invoice_number_key FROM covers"
            " WHERE status IN ('pending_payment', 'active', 'cancelling') ORDER BY id"
        )
    ).all()
    seen: set[tuple[object, ...]] = set()
    for cover_id, *invoice in in_force:
        if tuple(invoice) in seen:
            connection.execute(
                sa.text(
                    "UPDATE covers SET invoice_number_key = invoice_number_key || '#' || id"
                    " WHERE id = :id"
                ),
                {"id": cover_id},
            )
        seen.add(tuple(invoice))


def upgrade() -> None:
    with op.batch_alter_table("stripe_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outcome", sa.String(length=20), nullable=True))
    _create_refunds()
    with op.batch_alter_table("covers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("invoice_owner_id", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("invoice_number_key", sa.String(length=100), nullable=True))
        batch_op.add_column(
            sa.Column(
                "payment_lease_until", marketplace.db.UtcDateTime(timezone=True), nullable=True
            )
        )
    connection = op.get_bind()
    _fill_invoice_keys(connection)
    owed = _refunds_due(connection)
    with op.batch_alter_table("covers", schema=None) as batch_op:
        batch_op.alter_column("invoice_owner_id", existing_type=sa.String(40), nullable=False)
        batch_op.alter_column("invoice_number_key", existing_type=sa.String(100), nullable=False)
        batch_op.drop_column("refund_due")
        batch_op.drop_constraint(op.f("ck_covers_status"), type_="check")
        batch_op.create_check_constraint("status", sa.text(NEW_STATUSES))
        batch_op.create_index(
            "uq_covers_invoice_in_force",
            ["livemode", "invoice_owner_id", "buyer_id", "invoice_number_key"],
            unique=True,
            sqlite_where=sa.text(IN_FORCE),
            postgresql_where=sa.text(IN_FORCE),
        )
    _add_refunds(connection, owed)


def downgrade() -> None:
    connection = op.get_bind()
    connection.execute(sa.text("UPDATE covers SET status = 'active' WHERE status = 'cancelling'"))
    owed = [
        cover_id
        for (cover_id,) in connection.execute(
            sa.text(
                "SELECT cover_id FROM refunds WHERE status = 'pending'"
                " AND purpose = 'premium_without_cover' AND cover_id IS NOT NULL"
            )
        )
    ]
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.drop_index("ix_refunds_status_lease_until")
        batch_op.drop_index(batch_op.f("ix_refunds_cover_id"))
    op.drop_table("refunds")  # before ``covers`` is rebuilt: SQLite cannot rebuild it otherwise
    with op.batch_alter_table("covers", schema=None) as batch_op:
        batch_op.drop_index("uq_covers_invoice_in_force")
        batch_op.drop_constraint(op.f("ck_covers_status"), type_="check")
        batch_op.create_check_constraint("status", sa.text(OLD_STATUSES))
        batch_op.add_column(
            sa.Column("refund_due", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.drop_column("payment_lease_until")
        batch_op.drop_column("invoice_number_key")
        batch_op.drop_column("invoice_owner_id")
    for cover_id in owed:
        connection.execute(
            sa.text("UPDATE covers SET refund_due = TRUE WHERE id = :id"), {"id": cover_id}
        )
    with op.batch_alter_table("stripe_events", schema=None) as batch_op:
        batch_op.drop_column("outcome")
