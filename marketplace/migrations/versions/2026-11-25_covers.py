"""covers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 07:14:41.757514
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import marketplace.db

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "covers",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("seller_id", sa.String(length=40), nullable=True),
        sa.Column("quote_id", sa.String(length=40), nullable=False),
        sa.Column("offer_id", sa.String(length=40), nullable=False),
        sa.Column("product_id", sa.String(length=40), nullable=False),
        sa.Column("product_version", sa.Integer(), nullable=False),
        sa.Column("insurer_id", sa.String(length=40), nullable=False),
        sa.Column("buyer_id", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("invoice_number", sa.String(length=100), nullable=False),
        sa.Column("invoice_amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("invoice_due_date", sa.Date(), nullable=False),
        sa.Column("cover_ratio", sa.Float(), nullable=False),
        sa.Column("insured_amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("premium_minor", sa.BigInteger(), nullable=False),
        sa.Column("refunded_minor", sa.BigInteger(), nullable=False),
        sa.Column("refund_due", sa.Boolean(), nullable=False),
        sa.Column("waiting_period_days", sa.Integer(), nullable=False),
        sa.Column("claim_threshold_days", sa.Integer(), nullable=False),
        sa.Column("payment_intent_id", sa.String(length=255), nullable=True),
        sa.Column("payment_status", sa.String(length=40), nullable=True),
        sa.Column("payment_client_secret", sa.String(length=255), nullable=True),
        sa.Column("payment_error_code", sa.String(length=100), nullable=True),
        sa.Column("payment_checked_at", marketplace.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column("certificate_number", sa.String(length=40), nullable=True),
        sa.Column("cover_starts_at", marketplace.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column("cover_ends_on", sa.Date(), nullable=True),
        sa.Column("expires_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column("activated_at", marketplace.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", marketplace.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column("created_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('pending_payment', 'active', 'settled', 'claimed', 'payment_failed', 'expired', 'cancelled')",
            name=op.f("ck_covers_status"),
        ),
        sa.CheckConstraint(
            "refunded_minor >= 0 AND refunded_minor <= premium_minor",
            name=op.f("ck_covers_refund_within_premium"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_covers_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["buyer_id"], ["buyers.id"], name=op.f("fk_covers_buyer_id_buyers")
        ),
        sa.ForeignKeyConstraint(
            ["insurer_id"], ["accounts.id"], name=op.f("fk_covers_insurer_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"], ["offers.id"], name=op.f("fk_covers_offer_id_offers")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_covers_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["quotes.id"], name=op.f("fk_covers_quote_id_quotes")
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["accounts.id"], name=op.f("fk_covers_seller_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_covers")),
        sa.UniqueConstraint("certificate_number", name=op.f("uq_covers_certificate_number")),
        sa.UniqueConstraint("payment_intent_id", name=op.f("uq_covers_payment_intent_id")),
    )
    with op.batch_alter_table("covers", schema=None) as batch_op:
        batch_op.create_index("ix_covers_account_id_id", ["account_id", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_covers_buyer_id"), ["buyer_id"], unique=False)
        batch_op.create_index("ix_covers_insurer_id_id", ["insurer_id", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_covers_quote_id"), ["quote_id"], unique=False)
        batch_op.create_index("ix_covers_seller_id_id", ["seller_id", "id"], unique=False)
        batch_op.create_index("ix_covers_status_expires_at", ["status", "expires_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("covers", schema=None) as batch_op:
        batch_op.drop_index("ix_covers_status_expires_at")
        batch_op.drop_index("ix_covers_seller_id_id")
        batch_op.drop_index(batch_op.f("ix_covers_quote_id"))
        batch_op.drop_index("ix_covers_insurer_id_id")
        batch_op.drop_index(batch_op.f("ix_covers_buyer_id"))
        batch_op.drop_index("ix_covers_account_id_id")

    op.drop_table("covers")
