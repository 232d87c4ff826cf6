"""Identifiers compared as people mean them; refunds that turned out not to be needed

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 03:00:00

- ``covers.invoice_number_key`` is recomputed with ``kit.normalise.invoice_number_key``
  (NFKC, no invisible characters, one dash, case-folded, one space). Covers in force whose new
  keys collide (one invoice insured twice under two spellings before this revision) keep their
  cover: all but the first get their id appended to the key, as revision 0005 did.
- ``buyers.registration_number`` becomes ``kit.normalise.registration_key`` (no separators,
  no leading country code). A buyer whose new number another buyer of the same mode and
  country already holds keeps its old number: merging two buyers' covers, exposures and facts
  is a decision for the underwriter, not for a migration; new quotes meet the normalised one.
- A refund may end ``not_needed``: the money had already been given back elsewhere.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from marketplace.kit.normalise import invoice_number_key, registration_key

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

IN_FORCE = "status IN ('pending_payment', 'active', 'cancelling')"
OLD_REFUND_STATUSES = "status IN ('pending', 'succeeded', 'failed')"
NEW_REFUND_STATUSES = "status IN ('pending', 'succeeded', 'not_needed', 'failed')"


def _rekey_invoices(connection: sa.Connection) -> None:
    rows = connection.execute(
        sa.text(
            "SELECT id, livemode, invoice_owner_id, buyer_id, invoice_number, status FROM covers"
            " ORDER BY id"
        )
    ).all()
    # every key unique first, so no row meets another's old key on the way
    connection.execute(sa.text("UPDATE covers SET invoice_number_key = id"))
    seen: set[tuple[object, ...]] = set()
    in_force = ("pending_payment", "active", "cancelling")
    for cover_id, livemode, owner, buyer, number, status in rows:
        key = invoice_number_key(number)
        invoice = (livemode, owner, buyer, key)
        if status in in_force:
            key = key if invoice not in seen else f"{key}#{cover_id}"
            seen.add(invoice)
        connection.execute(
            sa.text("UPDATE covers SET invoice_number_key = :key WHERE id = :id"),
            {"key": key, "id": cover_id},
        )


def _rekey_buyers(connection: sa.Connection) -> None:
    rows = connection.execute(
        sa.text("SELECT id, livemode, country, registration_number FROM buyers ORDER BY id")
    ).all()
    taken = {(livemode, country, number) for _, livemode, country, number in rows}
    for buyer_id, livemode, country, number in rows:
        key = registration_key(country, number)
        if key == number or (livemode, country, key) in taken:
            continue
        connection.execute(
            sa.text("UPDATE buyers SET registration_number = :key WHERE id = :id"),
            {"key": key, "id": buyer_id},
        )
        taken.discard((livemode, country, number))
        taken.add((livemode, country, key))


def _refund_statuses(statuses: str) -> None:
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_refunds_status"), type_="check")
        batch_op.create_check_constraint("status", sa.text(statuses))


def upgrade() -> None:
    connection = op.get_bind()
    _rekey_invoices(connection)
    _rekey_buyers(connection)
    _refund_statuses(NEW_REFUND_STATUSES)


def downgrade() -> None:
    """Refunds ``not_needed`` read as ``succeeded`` (nothing more is owed); the normalised keys
    stay (the earlier code compares them as well as it compared the old ones)."""
    op.get_bind().execute(
        sa.text("UPDATE refunds SET status = 'succeeded' WHERE status = 'not_needed'")
    )
    _refund_statuses(OLD_REFUND_STATUSES)
