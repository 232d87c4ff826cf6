"""Buyer facts stored per tenant

The facts and the latest score move from ``buyers`` (one shared row: whoever quoted last) to
``buyer_facts`` (one row per buyer and account that sent them). Each buyer's existing facts
and score go to the account of its latest quote, the one that wrote them last; a buyer that
was never quoted has no facts to move. Downgrading puts the most recently updated fact set of
each buyer back on the buyer.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 23:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import marketplace.db

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

FACT_COLUMNS = (
    "name",
    "sector",
    "years_in_business",
    "employees",
    "annual_revenue_minor",
    "annual_revenue_currency",
    "payment_incidents_12m",
    "avg_days_beyond_terms",
    "bureau_score",
    "probability_of_default",
    "grade",
    "model_version",
    "scored_at",
)


def _fact_columns() -> list[sa.Column[object]]:
    return [
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
    ]


def upgrade() -> None:
    op.create_table(
        "buyer_facts",
        sa.Column("buyer_id", sa.String(length=40), nullable=False),
        sa.Column("account_id", sa.String(length=40), nullable=False),
        *_fact_columns(),
        sa.Column("created_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", marketplace.db.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_buyer_facts_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["buyer_id"],
            ["buyers.id"],
            name=op.f("fk_buyer_facts_buyer_id_buyers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("buyer_id", "account_id", name=op.f("pk_buyer_facts")),
    )
    op.execute(_facts_of_latest_quoters())
    # Dropped in place (SQLite >= 3.35 can): recreating ``buyers`` would mean dropping a table
    # that quotes, covers and exposures point at, which SQLite refuses with foreign keys on.
    with op.batch_alter_table("buyers", schema=None, recreate="never") as batch_op:
        for column in FACT_COLUMNS:
            batch_op.drop_column(column)


def downgrade() -> None:
    with op.batch_alter_table("buyers", schema=None, recreate="never") as batch_op:
        for column in _fact_columns():
            batch_op.add_column(column)
    op.execute(_latest_facts_back_on_buyers())
    op.drop_table("buyer_facts")


def _tables() -> tuple[sa.TableClause, sa.TableClause, sa.TableClause]:
    stamps = ("created_at", "updated_at")
    buyers = sa.table("buyers", *(sa.column(c) for c in ("id", *FACT_COLUMNS, *stamps)))
    quotes = sa.table(
        "quotes", *(sa.column(c) for c in ("id", "buyer_id", "account_id", "created_at"))
    )
    facts = sa.table(
        "buyer_facts",
        *(sa.column(c) for c in ("buyer_id", "account_id", *FACT_COLUMNS, *stamps)),
    )
    return buyers, quotes, facts


def _facts_of_latest_quoters() -> sa.Insert:
    """Each buyer's facts and score, as the account of its latest quote's."""
    buyers, quotes, facts = _tables()
    latest = quotes.alias("latest")
    latest_quote = (
        sa.select(latest.c.id)
        .where(latest.c.buyer_id == buyers.c.id)
        .order_by(latest.c.created_at.desc(), latest.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    moved = (*FACT_COLUMNS, "created_at", "updated_at")
    source = (
        sa.select(buyers.c.id, quotes.c.account_id, *(buyers.c[c] for c in moved))
        .join_from(buyers, quotes, quotes.c.buyer_id == buyers.c.id)
        .where(quotes.c.id == latest_quote)
    )
    return facts.insert().from_select(["buyer_id", "account_id", *moved], source)


def _latest_facts_back_on_buyers() -> sa.Update:
    """Each buyer's most recently updated fact set, back on the buyer."""
    buyers, _, facts = _tables()

    def latest(column: str) -> sa.ScalarSelect[object]:
        return (
            sa.select(facts.c[column])
            .where(facts.c.buyer_id == buyers.c.id)
            .order_by(facts.c.updated_at.desc(), facts.c.account_id)
            .limit(1)
            .scalar_subquery()
        )

    return buyers.update().values({column: latest(column) for column in FACT_COLUMNS})
