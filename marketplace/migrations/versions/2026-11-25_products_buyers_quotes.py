"""products_buyers_quotes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 06:32:54.743419
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import marketplace.db

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "buyers",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("registration_number", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("sector", sa.String(length=1), nullable=True),
        sa.Column("years_in_business", sa.Float(), nullable=True),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("annual_revenue_minor", sa.BigInteger(), nullable=True),
        sa.Column("annual_revenue_currency", sa.String(length=3), nullable=True),
        sa.Column("payment_incidents_12m", sa.Integer(), nullable=True),
        sa.Column("avg_days_beyond_terms", sa.Float(), nullable=True),
        sa.Column("bureau_score", sa.Integer(), nullable=True),
        sa.Column("probability_of_default", sa.Float(), nullable=True),
        sa.Column("grade", sa.String(length=2), nullable=True),
        sa.Column("model_version", sa.String(length=64), nullable=True),
        sa.Column("scored_at", marketplace.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column("created_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buyers")),
        sa.UniqueConstraint(
            "livemode",
            "country",
            "registration_number",
            name=op.f("uq_buyers_livemode_country_registration_number"),
        ),
    )
    op.create_table(
        "products",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("insurer_id", sa.String(length=40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('active', 'paused')", name=op.f("ck_products_status")),
        sa.ForeignKeyConstraint(
            ["insurer_id"],
            ["accounts.id"],
            name=op.f("fk_products_insurer_id_accounts"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index("ix_products_insurer_id_id", ["insurer_id", "id"], unique=False)
        batch_op.create_index("ix_products_livemode_status", ["livemode", "status"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("seller_id", sa.String(length=40), nullable=True),
        sa.Column("buyer_id", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("invoice_number", sa.String(length=100), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column(
            "request", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("model_version", sa.String(length=64), nullable=False),
        sa.Column(
            "features", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("probability_of_default", sa.Float(), nullable=False),
        sa.Column("grade", sa.String(length=2), nullable=False),
        sa.Column(
            "reasons", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column(
            "declines", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("expires_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column("created_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('quoted', 'declined', 'bound')", name=op.f("ck_quotes_status")
        ),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_quotes_amount_positive")),
        sa.CheckConstraint("due_date > issue_date", name=op.f("ck_quotes_due_after_issue")),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_quotes_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["buyer_id"], ["buyers.id"], name=op.f("fk_quotes_buyer_id_buyers")
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["accounts.id"], name=op.f("fk_quotes_seller_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index("ix_quotes_account_id_id", ["account_id", "id"], unique=False)
        batch_op.create_index(
            "ix_quotes_buyer_id_account_id", ["buyer_id", "account_id"], unique=False
        )
        batch_op.create_index("ix_quotes_seller_id_id", ["seller_id", "id"], unique=False)

    op.create_table(
        "buyer_exposures",
        sa.Column("buyer_id", sa.String(length=40), nullable=False),
        sa.Column("product_id", sa.String(length=40), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("exposure_minor", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("exposure_minor >= 0", name=op.f("ck_buyer_exposures_not_negative")),
        sa.ForeignKeyConstraint(
            ["buyer_id"],
            ["buyers.id"],
            name=op.f("fk_buyer_exposures_buyer_id_buyers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_buyer_exposures_product_id_products"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "buyer_id", "product_id", "currency", name=op.f("pk_buyer_exposures")
        ),
    )
    op.create_table(
        "offers",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("quote_id", sa.String(length=40), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.String(length=40), nullable=False),
        sa.Column("product_version", sa.Integer(), nullable=False),
        sa.Column("insurer_id", sa.String(length=40), nullable=False),
        sa.Column("cover_ratio", sa.Float(), nullable=False),
        sa.Column("insured_amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("premium_minor", sa.BigInteger(), nullable=False),
        sa.Column("premium_rate_bps", sa.Integer(), nullable=False),
        sa.Column("waiting_period_days", sa.Integer(), nullable=False),
        sa.Column("claim_threshold_days", sa.Integer(), nullable=False),
        sa.Column(
            "pricing", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["insurer_id"], ["accounts.id"], name=op.f("fk_offers_insurer_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_offers_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["quotes.id"], name=op.f("fk_offers_quote_id_quotes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offers")),
    )
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.create_index("ix_offers_quote_id_rank", ["quote_id", "rank"], unique=False)

    op.create_table(
        "product_versions",
        sa.Column("product_id", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "terms", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("created_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_versions_product_id_products"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("product_id", "version", name=op.f("pk_product_versions")),
    )


def downgrade() -> None:
    op.drop_table("product_versions")
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.drop_index("ix_offers_quote_id_rank")

    op.drop_table("offers")
    op.drop_table("buyer_exposures")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index("ix_quotes_seller_id_id")
        batch_op.drop_index("ix_quotes_buyer_id_account_id")
        batch_op.drop_index("ix_quotes_account_id_id")

    op.drop_table("quotes")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index("ix_products_livemode_status")
        batch_op.drop_index("ix_products_insurer_id_id")

    op.drop_table("products")
    op.drop_table("buyers")
