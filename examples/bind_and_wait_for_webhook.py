"""Bind an offer, pay its premium with the embedded Stripe's test card (``pm_card_visa``), and
wait for ``cover.activated`` at a small local receiver that verifies each delivery's signature
with ``marketplace_sdk.webhooks.verify``.

    MK_API_KEY=mk_test_… python examples/bind_and_wait_for_webhook.py

``MK_API_KEY`` is a platform's key, ``MK_BASE_URL`` the API (default http://127.0.0.1:8000),
``MK_SELLER`` the connected seller (default: the platform's newest, or a new one). The receiver
listens on 127.0.0.1 (``MK_WEBHOOK_PORT``, default any free port); its endpoint is removed at
the end.
"""

from __future__ import annotations

import datetime as dt
import os
import queue
import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from marketplace_sdk import Marketplace
from marketplace_sdk.webhooks import Event, WebhookVerificationError, verify

WAIT_S = 30.0


def connect() -> Marketplace:
    base_url = os.environ.get("MK_BASE_URL", "http://127.0.0.1:8000")
    return Marketplace(api_key=os.environ["MK_API_KEY"], base_url=base_url)


def connected_seller(mk: Marketplace) -> str:
    if seller := os.environ.get("MK_SELLER"):
        return seller
    for account in mk.accounts.list(role="seller", limit=1):
        return account.id
    return mk.accounts.create(role="seller", name="Checkout Shop SAS").id


class Receiver(HTTPServer):
    """Verifies each delivery (the raw body, before any JSON parsing) and keeps the event."""

    def __init__(self, port: int) -> None:
        super().__init__(("127.0.0.1", port), Delivery)
        self.secret = ""
        self.events: queue.Queue[Event] = queue.Queue()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def wait_for(self, event_type: str, object_id: str) -> Event:
        deadline = time.monotonic() + WAIT_S
        while (left_s := deadline - time.monotonic()) > 0:
            try:
                event = self.events.get(timeout=left_s)
            except queue.Empty:
                break
            if event.type == event_type and event.data.object["id"] == object_id:
                return event
        raise TimeoutError(f"no {event_type} for {object_id} within {WAIT_S:.0f} s")


class Delivery(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        try:
            event = verify(body, dict(self.headers.items()), self.server.secret)
        except WebhookVerificationError:
            self.send_error(400)
            return
        self.server.events.put(event)  # act on it (once per event.id), then answer
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


def quote_fields(seller: str) -> dict[str, Any]:
    today = dt.datetime.now(dt.UTC).date()
    return {
        "seller": seller,
        "invoice": {
            "number": f"F-{today:%Y}-{secrets.token_hex(3).upper()}",
            "amount": 1_250_000,
            "currency": "EUR",
            "issue_date": today.isoformat(),
            "due_date": (today + dt.timedelta(days=60)).isoformat(),
        },
        "buyer": {
            "country": "FR",
            # A buyer of its own for each run, so runs never add up on one buyer's capacity.
            "registration_number": f"RCS{secrets.token_hex(4).upper()}",
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


def bind_and_wait(mk: Marketplace, receiver: Receiver) -> int:
    quote = mk.quotes.create(**quote_fields(connected_seller(mk)))
    if not quote.offers:
        print(f"quote {quote.id} declined: {[d.reasons[0].code for d in quote.declines]}")
        return 1
    offer = quote.offers[0]
    cover = mk.covers.create(quote=quote.id, offer=offer.id, payment_method="pm_card_visa")
    print(
        f"cover {cover.id}: {cover.status}, premium {cover.premium} minor units of {cover.currency}"
    )
    event = receiver.wait_for("cover.activated", cover.id)
    print(f"verified {event.type} for {event.data.object['id']} (sequence {event.sequence})")
    return 0


def main() -> int:
    receiver = Receiver(int(os.environ.get("MK_WEBHOOK_PORT", "0")))
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    with connect() as mk:
        endpoint = mk.webhook_endpoints.create(url=receiver.url, enabled_events=["cover.*"])
        receiver.secret = str(endpoint.secret)  # shown once, at creation
        print(f"webhook endpoint {endpoint.id} -> {receiver.url}")
        try:
            return bind_and_wait(mk, receiver)
        finally:
            mk.webhook_endpoints.delete(endpoint.id)
            receiver.shutdown()


if __name__ == "__main__":
    sys.exit(main())
