"""What the SDK tests need around a live server: accounts made the way an operator makes them,
a README-shaped quote, a webhook receiver, and a proxy that loses or replaces answers."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import queue
import secrets
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import urlsplit

from marketplace_sdk import Marketplace
from marketplace_sdk.webhooks import Event, verify

from tests.conftest import LiveServer, run_cli
from tests.factories import product_terms

WEBHOOK_WAIT_S = 30.0


@dataclass(frozen=True)
class Parties:
    """A platform with a connected seller, and an insurer with a product in force."""

    platform_key: str
    seller: str
    insurer_key: str


def operator_key(server: LiveServer) -> str:
    account = run_cli(server.env, "accounts", "create", "--role", "operator", "--name", "SDK Op")
    return run_cli(server.env, "accounts", "keys", "create", account.strip()).split()[-1]


def _account_key(operator: Marketplace, role: str, name: str) -> str:
    account = operator.accounts.create(role=role, name=name)
    secret = operator.accounts.keys.create(account.id).secret
    assert isinstance(secret, str)
    return secret


def new_parties(server: LiveServer, operator: Marketplace) -> Parties:
    platform_key = _account_key(operator, "platform", f"SDK Platform {secrets.token_hex(3)}")
    insurer_key = _account_key(operator, "insurer", f"SDK Insurer {secrets.token_hex(3)}")
    with Marketplace(api_key=insurer_key, base_url=server.url) as insurer:
        insurer.products.create(**product_terms())
    with Marketplace(api_key=platform_key, base_url=server.url) as platform:
        seller = platform.accounts.create(role="seller", name="SDK Shop SAS").id
    return Parties(platform_key, seller, insurer_key)


def readme_quote(seller: str, **invoice: Any) -> dict[str, Any]:
    """The README's quote request, for a buyer and an invoice number of its own."""
    today = dt.datetime.now(dt.UTC).date()
    return {
        "seller": seller,
        "invoice": {
            "number": f"F-{secrets.token_hex(4)}",
            "amount": 1_250_000,
            "currency": "EUR",
            "issue_date": today.isoformat(),
            "due_date": (today + dt.timedelta(days=60)).isoformat(),
            **invoice,
        },
        "buyer": {
            "country": "FR",
            "registration_number": f"RCS{secrets.token_hex(5).upper()}",
            "name": "Acme SAS",
            "sector": "C",
            "years_in_business": 12.5,
            "employees": 48,
            "annual_revenue": 820_000_000,
            "payment_incidents_12m": 0,
            "avg_days_beyond_terms": 4.0,
            "bureau_score": 71,
        },
        "relationship": {"months": 30, "prior_invoices_count": 14, "prior_late_ratio": 0.07},
    }


class WebhookReceiver:
    """An HTTP server on a free loopback port that verifies each delivery with the endpoint's
    secret (set once the endpoint exists) and keeps the events."""

    def __init__(self) -> None:
        self.secret = ""
        self.events: queue.Queue[Event] = queue.Queue()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.events.put(verify(body, dict(self.headers.items()), receiver.secret))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return

        self._server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"

    def __enter__(self) -> WebhookReceiver:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def wait_for(self, wanted: Callable[[Event], bool]) -> Event:
        deadline = time.monotonic() + WEBHOOK_WAIT_S
        while (left_s := deadline - time.monotonic()) > 0:
            with contextlib.suppress(queue.Empty):
                event = self.events.get(timeout=left_s)
                if wanted(event):
                    return event
        raise AssertionError("the awaited webhook did not arrive")


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    idempotency_key: str | None


def problem_answer(status: int, code: str, retry_after_s: int | None = None) -> bytes:
    """A problem+json answer as the API gives it."""
    body = json.dumps(
        {
            "type": "about:blank",
            "title": code,
            "status": status,
            "detail": f"{code} (proxy)",
            "code": code,
            "request_id": f"req_proxy{secrets.token_hex(4)}",
        }
    ).encode()
    head = [
        f"HTTP/1.1 {status} X",
        "Content-Type: application/problem+json",
        f"Content-Length: {len(body)}",
        "Connection: close",
    ]
    if retry_after_s is not None:
        head.append(f"Retry-After: {retry_after_s}")
    return "\r\n".join(head).encode() + b"\r\n\r\n" + body


DROP = b""
"""The proxy's action for a request passed on whose answer it then loses."""


@dataclass
class FlakyProxy:
    """A TCP proxy to the live server, one request per connection. The first requests meet
    ``script`` in order: ``DROP`` passes the request on, waits for the whole answer, then
    closes the connection without relaying it; any other bytes are answered instead of the
    server. Later requests are relayed."""

    upstream: str
    script: list[bytes]
    seen: list[Seen] = field(default_factory=list)

    @contextlib.contextmanager
    def running(self) -> Iterator[str]:
        proxy = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                proxy._handle(self.rfile, self.wfile)

        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()

    def _handle(self, rfile: Any, wfile: Any) -> None:
        head, body = _read_request(rfile)
        request_line, *header_lines = head.split("\r\n")
        headers = dict(line.split(": ", 1) for line in header_lines if ": " in line)
        method, path, _ = request_line.split(" ", 2)
        keys = [v for k, v in headers.items() if k.lower() == "idempotency-key"]
        self.seen.append(Seen(method, path, keys[0] if keys else None))
        action = self.script.pop(0) if self.script else None
        if action is not None and action != DROP:
            wfile.write(action)
            return
        answer = _forward(self.upstream, request_line, header_lines, body)
        if action is None:
            wfile.write(answer)


def _read_request(rfile: Any) -> tuple[str, bytes]:
    lines = []
    while (line := rfile.readline()) not in (b"\r\n", b"\n", b""):
        lines.append(line.decode("latin-1").rstrip("\r\n"))
    length = next(
        (int(h.split(":", 1)[1]) for h in lines if h.lower().startswith("content-length:")), 0
    )
    return "\r\n".join(lines), rfile.read(length) if length else b""


def _forward(upstream: str, request_line: str, header_lines: list[str], body: bytes) -> bytes:
    """The server's whole answer, on a connection of its own, marked ``Connection: close``."""
    kept = [h for h in header_lines if not h.lower().startswith("connection:")]
    raw = "\r\n".join([request_line, *kept, "Connection: close"]).encode() + b"\r\n\r\n" + body
    where = urlsplit(upstream)
    with socket.create_connection((where.hostname, where.port), timeout=60) as connection:
        connection.sendall(raw)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    answer = b"".join(chunks)
    head, _, rest = answer.partition(b"\r\n\r\n")
    lines = [h for h in head.split(b"\r\n") if not h.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + rest
