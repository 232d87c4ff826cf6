"""Offers a checkout can show, each with its own expiry; metadata and invoice-number filters

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 09:00:00

- ``offers`` gain ``insurer_name`` and ``product_name`` (what a checkout shows) and their own
  ``expires_at``. Offers made before this revision get the insurer's name, the product's
  current name, and their quote's expiry (which was then the expiry of every offer in it).
- ``covers`` gain the names of their offer (``insurer_name``, ``product_name``), copied from it.
- ``quotes`` gain ``invoice_number_key`` (``kit.normalise.invoice_number_key`` of the invoice
  number, for the list's ``invoice_number`` filter) and ``metadata``; ``covers`` gain
  ``metadata``. Existing rows get an empty metadata object.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import marketplace.db
from marketplace.kit.normalise import invoice_number_key

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

DATETIME = marketplace.db.UtcDateTime(timezone=True)
JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
EMPTY_OBJECT = sa.text("'{}'")


def _metadata_column() -> sa.Column[object]:
    return sa.Column("metadata", JSON_DOCUMENT, nullable=False, server_default=EMPTY_OBJECT)


def _alter_offers() -> None:
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("insurer_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("product_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("expires_at", DATETIME, nullable=True))
    op.get_bind().execute(
        sa.text(
            "UPDATE offers SET"
            " insurer_name = (SELECT name FROM accounts WHERE accounts.id = offers.insurer_id),"
            " product_name = (SELECT name FROM products WHERE products.id = offers.product_id),"
            " expires_at = (SELECT expires_at FROM quotes WHERE quotes.id = offers.quote_id)"
        )
    )
    with op.batch_alter_table("offers", schema=None) as batch_op:
        for name in ("insurer_name", "product_name"):
            batch_op.alter_column(name, existing_type=sa.String(length=200), nullable=False)
        batch_op.alter_column("expires_at", existing_type=DATETIME, nullable=False)


def _key_quotes() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, invoice_number FROM quotes")).all()
    for quote_id, number in rows:
        connection.execute(
            sa.text("UPDATE quotes SET invoice_number_key = :key WHERE id = :id"),
            {"key": invoice_number_key(number), "id": quote_id},
        )


def _alter_quotes() -> None:
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("invoice_number_key", sa.String(length=100), nullable=True))
        batch_op.add_column(_metadata_column())
    _key_quotes()
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.alter_column(
            "invoice_number_key", existing_type=sa.String(length=100), nullable=False
        )
        batch_op.alter_column("metadata", existing_type=JSON_DOCUMENT, server_default=None)
        batch_op.create_index("ix_quotes_invoice_number_key", ["invoice_number_key"], unique=False)


def _alter_covers() -> None:
    with op.batch_alter_table("covers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("product_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("insurer_name", sa.String(length=200), nullable=True))
        batch_op.add_column(_metadata_column())
    op.get_bind().execute(
        sa.text(
            "UPDATE covers SET"
            " product_name = (SELECT product_name FROM offers WHERE offers.id = covers.offer_id),"
            " insurer_name = (SELECT insurer_name FROM offers WHERE offers.id = covers.offer_id)"
        )
    )
    with op.batch_alter_table("covers", schema=None) as batch_op:
        for name in ("product_name", "insurer_name"):
            batch_op.alter_column(name, existing_type=sa.String(length=200), nullable=False)
        batch_op.alter_column("metadata", existing_type=JSON_DOCUMENT, server_default=None)
        batch_op.create_index("ix_covers_invoice_number_key", ["invoice_number_key"], unique=False)


def upgrade() -> None:
    _alter_offers()
    _alter_covers()  # after the offers: their names are copied
    _alter_quotes()


def downgrade() -> None:
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.drop_column("expires_at")
        batch_op.drop_column("product_name")
        batch_op.drop_column("insurer_name")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index("ix_quotes_invoice_number_key")
        batch_op.drop_column("metadata")
        batch_op.drop_column("invoice_number_key")
    with op.batch_alter_table("covers", schema=None) as batch_op:
        batch_op.drop_index("ix_covers_invoice_number_key")
        batch_op.drop_column("metadata")
        batch_op.drop_column("insurer_name")
        batch_op.drop_column("product_name")
