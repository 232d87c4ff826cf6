"""The README's webhook receiver, run as written (only the port it listens on changed): it
takes what the worker really sends, and refuses a delivery signed with another secret."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from http.server import HTTPServer
from pathlib import Path

import pytest

from tests.events.delivery_helpers import (
    add_endpoint,
    attempts,
    new_secret,
    record_event,
    worker_on,
)

README = Path(__file__).parents[2] / "README.md"
MARKER = "<!-- readme-receiver -->"


def _receiver_code() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(re.escape(MARKER) + r"\s*```python\n(.*?)```", text, re.DOTALL)
    assert found, "the README has no receiver example"
    return found.group(1)


@contextlib.contextmanager
def _readme_receiver() -> Iterator[str]:
    """The README's receiver on a free port: its URL."""
    code = _receiver_code()
    setup, _, serve_line = code.rstrip().rpartition("\n")
    assert serve_line.startswith("HTTPServer(("), serve_line
    names: dict[str, object] = {}
    exec(compile(setup, str(README), "exec"), names)  # the README's own example
    server = HTTPServer(("127.0.0.1", 0), names["Receiver"])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("signed_with_its_secret", [True, False])
async def test_the_readme_receiver_acts_on_genuine_events_only(
    database, new_tenant, monkeypatch, capsys, signed_with_its_secret
):
    platform = await new_tenant("platform")
    with _readme_receiver() as url:
        endpoint = await add_endpoint(database, platform.account_id, url)
        secret = endpoint.secret if signed_with_its_secret else new_secret()
        monkeypatch.setenv("WEBHOOK_SECRET", secret)
        sent = await record_event(database, platform.account_id)
        async with worker_on(database) as worker:
            await worker.run_once()

    printed = capsys.readouterr().out.split()
    (attempt,) = await attempts(database)
    if signed_with_its_secret:
        assert printed == [sent.type, sent.data["object"]["id"], str(sent.sequence)]
        assert attempt.status_code == 204
    else:
        assert printed == []
        assert attempt.status_code == 400
