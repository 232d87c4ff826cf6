"""The scripts in ``examples/`` run as an integrator runs them, against ``marketplace serve``,
with the base URL and keys in their environment."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from marketplace_sdk import Marketplace

from tests.sdk_live import new_parties, operator_key

EXAMPLE_TIMEOUT_S = 180


@pytest.fixture(scope="module")
def operator(live_server):
    with Marketplace(api_key=operator_key(live_server), base_url=live_server.url) as client:
        yield client


def _run(repository_root, name, live_server, **keys):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("MARKETPLACE_", "MK_"))},
        "MK_BASE_URL": live_server.url,
        **keys,
    }
    done = subprocess.run(
        [sys.executable, str(repository_root / "examples" / name)],
        env=env,
        capture_output=True,
        text=True,
        timeout=EXAMPLE_TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr + _server_errors(live_server)
    return done.stdout


def _server_errors(live_server):
    lines = live_server.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\nserver errors:\n" + "\n".join(line for line in lines if '"error"' in line)[-6000:]


def test_quote_at_checkout(repository_root, live_server, operator):
    parties = new_parties(live_server, operator)
    out = _run(
        repository_root, "quote_at_checkout.py", live_server, MK_API_KEY=parties.platform_key
    )
    assert "quoted, risk grade" in out
    assert "  offer off_" in out
    assert "stored: quoted" in out
    assert "refused: 422" in out
    assert "on invoice.due_date" in out


def test_bind_and_wait_for_webhook(repository_root, live_server, operator):
    parties = new_parties(live_server, operator)
    out = _run(
        repository_root,
        "bind_and_wait_for_webhook.py",
        live_server,
        MK_API_KEY=parties.platform_key,
        MK_SELLER=parties.seller,
    )
    cover = out.split("cover ", 1)[1].split(":", 1)[0]
    assert f"cover {cover}: active" in out
    assert f"verified cover.activated for {cover}" in out
    with Marketplace(api_key=parties.platform_key, base_url=live_server.url) as mk:
        assert [endpoint.id for endpoint in mk.webhook_endpoints.list()] == []


def test_drive_a_claim_with_the_test_clock(repository_root, live_server, operator):
    parties = new_parties(live_server, operator)
    out = _run(
        repository_root,
        "drive_a_claim_with_the_test_clock.py",
        live_server,
        MK_API_KEY=parties.platform_key,
        MK_INSURER_API_KEY=parties.insurer_key,
    )
    steps = [line.split(maxsplit=1)[1] for line in out.splitlines()]
    assert steps[0].endswith("cover active")
    assert "the day after the due date" in steps[1]
    assert steps[1].endswith("cover overdue")
    assert "claim open" in steps[3] or "claim collection_amicable" in steps[3]
    assert "claim approved" in steps[4]
    assert "claim paid" in steps[5]
    assert "recovered 50000: insurer 45000" in steps[6]
