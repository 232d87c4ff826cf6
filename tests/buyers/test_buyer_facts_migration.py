"""Migration 0006: buyer facts move to the account of each buyer's latest quote, and back."""

from __future__ import annotations

from alembic import command

from marketplace.migrations import alembic_config, upgrade
from tests.migrations import columns, empty_database, in_a_thread, run_sql, tables

__all__ = ["empty_database"]
NOW = "2026-11-20 10:00:00+00:00"


def _buyer(buyer_id: str, name: str, incidents: int, grade: str) -> str:
    return (
        "INSERT INTO buyers (id, livemode, country, registration_number, name, sector,"
        " payment_incidents_12m, bureau_score, probability_of_default, grade, model_version,"
        f" scored_at, created_at, updated_at) VALUES ('{buyer_id}', false, 'FR', '{buyer_id}',"
        f" '{name}', 'C', {incidents}, 70, 0.01, '{grade}', 'uw-1', '{NOW}', '{NOW}', '{NOW}')"
    )


def _quote(quote_id: str, account_id: str, buyer_id: str, created_at: str) -> str:
    return (
        "INSERT INTO quotes (id, livemode, account_id, buyer_id, status, invoice_number,"
        " amount_minor, currency, issue_date, due_date, request, model_version, features,"
        " probability_of_default, grade, reasons, declines, expires_at, created_at) VALUES"
        f" ('{quote_id}', false, '{account_id}', '{buyer_id}', 'quoted', 'F-1', 100000, 'EUR',"
        " '2026-11-20', '2027-01-20', '{}', 'uw-1', '[]', 0.01, 'A', '[]', '[]',"
        f" '{NOW}', '{created_at}')"
    )


BEFORE = [
    *(
        f"INSERT INTO accounts (id, role, name, created_at) VALUES ('{a}', 'platform', '{a}',"
        f" '{NOW}')"
        for a in ("acct_first", "acct_last")
    ),
    _buyer("buy_shared", "Shared SAS", 4, "C"),
    _buyer("buy_single", "Single SAS", 0, "A"),
    _buyer("buy_unquoted", "Nobody SAS", 1, "B"),
    _quote("quo_1", "acct_first", "buy_shared", "2026-11-20 10:00:00+00:00"),
    _quote("quo_2", "acct_last", "buy_shared", "2026-11-21 10:00:00+00:00"),
    _quote("quo_3", "acct_first", "buy_single", "2026-11-22 10:00:00+00:00"),
]
FACTS = (
    "SELECT buyer_id, account_id, name, payment_incidents_12m, grade, model_version"
    " FROM buyer_facts ORDER BY buyer_id"
)
BUYERS = "SELECT id, name, payment_incidents_12m, grade FROM buyers ORDER BY id"


def test_facts_move_to_the_latest_quoter_and_back(empty_database):
    upgrade(empty_database, "0005")
    in_a_thread(run_sql(empty_database, BEFORE))

    upgrade(empty_database, "0006")
    [moved] = in_a_thread(run_sql(empty_database, [FACTS]))
    assert moved == [
        ("buy_shared", "acct_last", "Shared SAS", 4, "C", "uw-1"),
        ("buy_single", "acct_first", "Single SAS", 0, "A", "uw-1"),
    ]
    left = in_a_thread(columns(empty_database, "buyers"))
    assert left == {"id", "livemode", "country", "registration_number", "created_at", "updated_at"}

    command.downgrade(alembic_config(empty_database), "0005")
    [back] = in_a_thread(run_sql(empty_database, [BUYERS]))
    assert back == [
        ("buy_shared", "Shared SAS", 4, "C"),
        ("buy_single", "Single SAS", 0, "A"),
        ("buy_unquoted", None, None, None),
    ]
    assert "buyer_facts" not in in_a_thread(tables(empty_database))
