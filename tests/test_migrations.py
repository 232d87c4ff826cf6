"""The migrations: the schema they build is exactly the models', and revision 0005 carries
existing covers over (an invoice insured twice before it stays insured, refunds owed become
refund rows) and back."""

from __future__ import annotations

from alembic import command

from marketplace.migrations import alembic_config, upgrade
from tests.migrations import columns, drift, empty_database, in_a_thread, run_sql

__all__ = ["empty_database"]

NOW = "2026-11-20 10:00:00+00:00"
DUE = "2027-01-20"


def test_the_migrated_schema_is_the_models_schema(empty_database):
    upgrade(empty_database)
    assert in_a_thread(drift(empty_database)) == []


def _cover(cover_id: str, status: str, invoice: str, refund_due: bool, intent: str) -> str:
    return (
        "INSERT INTO covers (id, livemode, account_id, seller_id, quote_id, offer_id, product_id,"
        " product_version, insurer_id, buyer_id, status, currency, invoice_number,"
        " invoice_amount_minor, invoice_due_date, cover_ratio, insured_amount_minor,"
        " premium_minor, refunded_minor, refund_due, waiting_period_days, claim_threshold_days,"
        " payment_intent_id, expires_at, created_at, updated_at) VALUES"
        f" ('{cover_id}', false, 'acct_p', NULL, 'quo_1', 'off_1', 'prod_1', 1, 'acct_i',"
        f" 'buy_1', '{status}', 'EUR', '{invoice}', 100000, '{DUE}', 0.9, 90000, 4000, 0,"
        f" {str(refund_due).lower()}, 150, 60, '{intent}', '{NOW}', '{NOW}', '{NOW}')"
    )


SETUP = [
    "INSERT INTO accounts (id, role, name, created_at) VALUES"
    f" ('acct_p', 'platform', 'P', '{NOW}'), ('acct_i', 'insurer', 'I', '{NOW}')",
    "INSERT INTO products (id, livemode, insurer_id, status, version, name, created_at,"
    f" updated_at) VALUES ('prod_1', false, 'acct_i', 'active', 1, 'P', '{NOW}', '{NOW}')",
    "INSERT INTO buyers (id, livemode, country, registration_number, created_at, updated_at)"
    f" VALUES ('buy_1', false, 'FR', 'R1', '{NOW}', '{NOW}')",
    "INSERT INTO quotes (id, livemode, account_id, buyer_id, status, invoice_number,"
    " amount_minor, currency, issue_date, due_date, request, model_version, features,"
    " probability_of_default, grade, reasons, declines, expires_at, created_at) VALUES"
    f" ('quo_1', false, 'acct_p', 'buy_1', 'bound', 'F-1', 100000, 'EUR', '2026-11-20',"
    f" '{DUE}', '{{}}', 'uw-1', '[]', 0.01, 'A', '[]', '[]', '{NOW}', '{NOW}')",
    "INSERT INTO offers (id, quote_id, rank, product_id, product_version, insurer_id,"
    " cover_ratio, insured_amount_minor, premium_minor, premium_rate_bps,"
    " waiting_period_days, claim_threshold_days, pricing) VALUES ('off_1', 'quo_1', 0,"
    " 'prod_1', 1, 'acct_i', 0.9, 90000, 4000, 40, 150, 60, '{}')",
    _cover("cov_1", "active", "F-1", False, "pi_1"),
    _cover("cov_2", "active", " f-1", False, "pi_2"),
    _cover("cov_3", "payment_failed", "F-3", True, "pi_3"),
]


def test_covers_cross_revision_0005_and_back(empty_database):
    upgrade(empty_database, "0004")
    in_a_thread(run_sql(empty_database, SETUP))

    upgrade(empty_database, "0005")

    keys, refunds = in_a_thread(
        run_sql(
            empty_database,
            [
                "SELECT id, invoice_owner_id, invoice_number_key FROM covers ORDER BY id",
                "SELECT cover_id, payment_intent_id, purpose, amount_minor, status FROM refunds",
            ],
        )
    )
    assert keys == [
        ("cov_1", "acct_p", "f-1"),
        ("cov_2", "acct_p", "f-1#cov_2"),  # insured twice before: kept, no longer colliding
        ("cov_3", "acct_p", "f-3"),
    ]
    assert refunds == [("cov_3", "pi_3", "premium_without_cover", 4000, "pending")]
    assert "refund_due" not in in_a_thread(columns(empty_database, "covers"))

    command.downgrade(alembic_config(empty_database), "0004")

    [back] = in_a_thread(run_sql(empty_database, ["SELECT id, refund_due FROM covers ORDER BY id"]))
    assert [(cover_id, bool(due)) for cover_id, due in back] == [
        ("cov_1", False),
        ("cov_2", False),
        ("cov_3", True),
    ]


IDENTIFIER_SETUP = [
    "INSERT INTO buyers (id, livemode, country, registration_number, created_at, updated_at)"
    f" VALUES ('buy_2', false, 'FR', '552 100 554', '{NOW}', '{NOW}'),"
    f" ('buy_3', false, 'FR', 'FR552100554', '{NOW}', '{NOW}'),"
    f" ('buy_4', false, 'DE', 'HRB 12345', '{NOW}', '{NOW}')",
    "UPDATE covers SET invoice_number = '\uff26\uff21\u2013\u200b9' WHERE id = 'cov_1'",
    "UPDATE covers SET invoice_number = 'fa-9' WHERE id = 'cov_2'",
    "INSERT INTO refunds (id, livemode, payment_intent_id, cover_id, purpose, amount_minor,"
    " currency, status, attempts, created_at, updated_at) VALUES ('re_1', false, 'pi_1',"
    f" 'cov_1', 'cover_cancelled', 4000, 'EUR', 'pending', 0, '{NOW}', '{NOW}')",
]


def test_identifiers_cross_revision_0008_normalised_and_refunds_back(empty_database):
    upgrade(empty_database, "0004")
    in_a_thread(run_sql(empty_database, SETUP))
    upgrade(empty_database, "0007")
    in_a_thread(run_sql(empty_database, IDENTIFIER_SETUP))

    upgrade(empty_database, "0008")

    keys, buyers = in_a_thread(
        run_sql(
            empty_database,
            [
                "SELECT id, invoice_number_key FROM covers ORDER BY id",
                "SELECT id, registration_number FROM buyers ORDER BY id",
            ],
        )
    )
    # one invoice written two ways, both in force before: both kept, no longer colliding
    assert keys == [("cov_1", "fa-9"), ("cov_2", "fa-9#cov_2"), ("cov_3", "f-3")]
    # buy_3 would meet buy_2's new number: it keeps its own rather than merging two buyers
    assert buyers == [
        ("buy_1", "R1"),
        ("buy_2", "552100554"),
        ("buy_3", "FR552100554"),
        ("buy_4", "HRB12345"),
    ]
    in_a_thread(
        run_sql(empty_database, ["UPDATE refunds SET status = 'not_needed' WHERE id = 're_1'"])
    )

    command.downgrade(alembic_config(empty_database), "0007")

    [statuses] = in_a_thread(
        run_sql(empty_database, ["SELECT status FROM refunds WHERE id = 're_1'"])
    )
    assert statuses == [("succeeded",)]


def test_covers_cross_revision_0010_holding_their_exposure_and_back(empty_database):
    upgrade(empty_database, "0004")
    in_a_thread(run_sql(empty_database, SETUP))
    upgrade(empty_database, "0009")

    upgrade(empty_database, "0010")

    covers, offers, buyers = in_a_thread(
        run_sql(
            empty_database,
            [
                "SELECT id, insured_outstanding_minor, paid_minor, overdue_declaration_days,"
                " amicable_collection_days, next_check_at IS NOT NULL FROM covers ORDER BY id",
                "SELECT overdue_declaration_days, amicable_collection_days FROM offers",
                "SELECT status FROM buyers",
            ],
        )
    )
    # active covers hold their insured amount and are looked at by the job; a failed one holds 0
    assert [(c[0], c[1], c[2], c[3], c[4], bool(c[5])) for c in covers] == [
        ("cov_1", 90000, 0, 30, 60, True),
        ("cov_2", 90000, 0, 30, 60, True),
        ("cov_3", 0, 0, 30, 60, False),
    ]
    assert offers == [(30, 60)]
    assert buyers == [("normal",)]

    command.downgrade(alembic_config(empty_database), "0009")

    assert "insured_outstanding_minor" not in in_a_thread(columns(empty_database, "covers"))
