"""The way a user runs it: migrate, demo keys, ``marketplace serve``, then curl the API."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from marketplace.cli import WORKER_STOP_TIMEOUT_S
from tests.conftest import run_cli
from tests.served import prepared, serving, wait_until

WORKER_RESPAWN_TIMEOUT_S = 30.0
LOG_TIMEOUT_S = 10.0


def _demo_key_lines(env, keys_file):
    output = run_cli(env, "demo", "--keys-file", str(keys_file))
    return [line for line in output.splitlines() if "mk_test_" in line]


def test_demo_keys_are_made_once_and_work_against_the_server(live_server, tmp_path):
    keys_file = tmp_path / "demo-keys.txt"
    first = _demo_key_lines(live_server.env, keys_file)
    again = _demo_key_lines(live_server.env, keys_file)
    assert first == again
    roles = [line.split()[0] for line in first]
    assert roles == ["operator", "insurer", "insurer", "insurer", "platform", "seller"]
    assert oct(keys_file.stat().st_mode & 0o777) == "0o600"

    platform_secret = first[4].split()[-1]
    assert platform_secret.startswith("mk_test_")
    response = httpx.get(
        f"{live_server.url}/v1/accounts/me", headers={"Authorization": f"Bearer {platform_secret}"}
    )
    assert response.status_code == 200
    assert response.json()["name"] == "Demo Fintech Platform"


def test_the_server_serves_its_schema_and_docs(live_server):
    schema = httpx.get(f"{live_server.url}/schema/openapi.json")
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.1")
    docs = httpx.get(f"{live_server.url}/schema/swagger")
    assert docs.status_code == 200
    assert "text/html" in docs.headers["content-type"]


def _access_lines(live_server, request_id):
    log_text = live_server.log_path.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in log_text.splitlines() if request_id in line]
    return [line for line in lines if line["event"] == "http.request"]


def test_one_log_line_per_request_without_keys_or_bodies(live_server, tmp_path):
    secret = _demo_key_lines(live_server.env, tmp_path / "k.txt")[4].split()[-1]
    marker = "Body Marker Name"
    response = httpx.post(
        f"{live_server.url}/v1/accounts",
        headers={"Authorization": f"Bearer {secret}"},
        json={"role": "seller", "name": marker},
    )
    request_id = response.headers["request-id"]
    # The access line is written just after the answer has been sent: wait for it.
    wait_until(
        lambda: bool(_access_lines(live_server, request_id)), LOG_TIMEOUT_S, "the request is logged"
    )
    log_text = live_server.log_path.read_text(encoding="utf-8")
    assert secret not in log_text
    assert marker not in log_text
    access = _access_lines(live_server, request_id)
    assert len(access) == 1
    assert access[0]["method"] == "POST"
    assert access[0]["route"] == "/v1/accounts"
    assert access[0]["status"] == response.status_code
    assert access[0]["duration_ms"] >= 0


def _workers_of(pid: int) -> set[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return {int(child) for child in children}


def test_a_worker_that_dies_is_replaced_and_the_server_stays_up(tmp_path):
    env, headers = prepared(tmp_path, tmp_path)
    with serving(env, headers, tmp_path / "server.log") as served:
        (worker,) = _workers_of(served.process.pid)
        os.kill(worker, signal.SIGKILL)

        def replaced() -> bool:
            assert served.process.poll() is None, "the server exited when its worker died"
            new = _workers_of(served.process.pid) - {worker}
            with contextlib.suppress(httpx.TransportError):
                return bool(new) and served.get("/health").status_code == 200
            return False

        wait_until(replaced, WORKER_RESPAWN_TIMEOUT_S, "a new worker answers")
        assert served.get("/v1/products").status_code == 200


def test_a_server_stopped_while_its_workers_start_still_stops(tmp_path):
    """A stop that reaches a worker before it serves is not lost: the server exits (a
    supervisor would otherwise wait on it for ever)."""
    env, _ = prepared(tmp_path, tmp_path)
    env["MARKETPLACE_WORKERS"] = "2"
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "marketplace", "serve"],
            env=env,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )
        try:
            wait_until(lambda: "Spawning worker-2" in log.read_text(), LOG_TIMEOUT_S, "spawned")
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=WORKER_STOP_TIMEOUT_S + 30)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert "Granian shutdown completed" in log.read_text(), log.read_text()
