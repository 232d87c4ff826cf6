"""The embedded Stripe: localstripe as a child process on 127.0.0.1, for ``marketplace serve``.

With no Stripe key configured, ``embedded_stripe`` starts localstripe (a stateful fake of the
Stripe API), waits until it answers, registers our webhook endpoint with a fresh signing
secret, and yields the ``MARKETPLACE_STRIPE_*`` variables that point the server's workers at
it. A real ``sk_test_``/``sk_live_`` key turns all of this off: the same code talks to Stripe.
"""

from __future__ import annotations

import errno
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import structlog

from marketplace.config import PREFIX, Settings

LOCALSTRIPE_SECRET_KEY = "sk_test_localstripe_embedded"  # noqa: S105  # localstripe takes any sk_ key
WEBHOOK_NAME = "marketplace"
WEBHOOK_PATH = "/v1/webhooks/stripe"
DATA_FOLDER = Path("var")
START_TIMEOUT_S = 15.0
STOP_TIMEOUT_S = 10.0
LOOPBACK = "127.0.0.1"

log = structlog.get_logger("marketplace.payments")


class LocalStripeError(RuntimeError):
    """localstripe could not be started or configured."""


def _listen(port: int) -> socket.socket:
    """A loopback socket listening on ``port``, or on a free port when that one is taken."""
    try:
        return socket.create_server((LOOPBACK, port), backlog=512)
    except OSError as error:
        if error.errno != errno.EADDRINUSE or port == 0:
            raise
    log.warning("stripe.localstripe.port_taken", port=port)
    return socket.create_server((LOOPBACK, 0), backlog=512)


class LocalStripe:
    """A running localstripe child process. ``start`` it, ``stop`` it (or use ``with``)."""

    def __init__(self, process: subprocess.Popen[bytes], port: int) -> None:
        self.process = process
        self.port = port

    @property
    def api_base(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @classmethod
    def start(
        cls, *, port: int, data_path: Path, timeout_s: float = START_TIMEOUT_S
    ) -> LocalStripe:
        """Start localstripe on 127.0.0.1:``port`` (0: any free port) keeping its data in
        ``data_path``, and return once it answers."""
        # The socket is bound here so a taken port is known at once and the child never
        # listens anywhere but on the loopback interface.
        listener = _listen(port)
        with listener:
            command = [
                sys.executable,
                "-m",
                "marketplace.payments.localstripe_server",
                f"--fd={listener.fileno()}",
                f"--data={data_path}",
                f"--parent-pid={os.getpid()}",
            ]
            # Our own interpreter running our own module: no outside input reaches the command.
            process = subprocess.Popen(command, pass_fds=(listener.fileno(),))  # noqa: S603
            running = cls(process, listener.getsockname()[1])
        try:
            running.wait_until_ready(timeout_s)
        except BaseException:
            running.stop()
            raise
        log.info("stripe.localstripe.started", port=running.port, pid=process.pid)
        return running

    def wait_until_ready(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LocalStripeError(f"localstripe exited with status {self.process.returncode}")
            try:
                httpx.get(f"{self.api_base}/js.stripe.com/v3/", timeout=1.0).raise_for_status()
            except httpx.HTTPError:
                time.sleep(0.05)
                continue
            return
        raise LocalStripeError(f"localstripe did not answer within {timeout_s:.0f} s")

    def register_webhook(self, url: str, secret: str, name: str = WEBHOOK_NAME) -> None:
        """Have localstripe sign every event with ``secret`` and POST it to ``url``."""
        response = httpx.post(
            f"{self.api_base}/_config/webhooks/{name}",
            json={"url": url, "secret": secret},
            timeout=5.0,
        )
        if response.status_code != 200:
            raise LocalStripeError(f"localstripe refused the webhook ({response.status_code})")

    def stop(self) -> None:
        """Stop the child (it saves its data on the way out)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        log.info("stripe.localstripe.stopped", port=self.port)

    def __enter__(self) -> LocalStripe:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def callback_host(host: str) -> str:
    """Where localstripe reaches a server listening on ``host``."""
    if host in ("", "0.0.0.0", "::"):  # noqa: S104  # a wildcard address is reached on loopback
        return LOOPBACK
    return f"[{host}]" if ":" in host else host


def new_webhook_secret() -> str:
    return f"whsec_{secrets.token_urlsafe(32)}"


def stripe_environment(api_base: str, secret_key: str, webhook_secret: str) -> dict[str, str]:
    """The settings the server's workers need, as ``MARKETPLACE_*`` variables."""
    return {
        f"{PREFIX}STRIPE_API_BASE": api_base,
        f"{PREFIX}STRIPE_SECRET_KEY": secret_key,
        f"{PREFIX}STRIPE_WEBHOOK_SECRET": webhook_secret,
    }


def data_path_for(settings: Settings) -> Path:
    """Where the embedded Stripe keeps its data: beside a SQLite database file (so a fresh
    database comes with a fresh Stripe), else ``var/localstripe.pickle``."""
    database = settings.database_url.split(":///", 1)[-1].split("?", 1)[0]
    if settings.is_sqlite and database and database != ":memory:":
        path = Path(database)
        return path.with_name(f"{path.stem}.localstripe.pickle")
    return DATA_FOLDER / "localstripe.pickle"


@contextmanager
def embedded_stripe(
    settings: Settings, *, server_host: str, server_port: int
) -> Iterator[dict[str, str]]:
    """With no Stripe key configured: run localstripe while the block runs, its webhook
    pointed at the server on ``server_host:server_port``; yields the variables to give the
    server's workers. With a key: does nothing and yields no variables."""
    if settings.stripe_secret_key is not None:
        log.info("stripe.mode", mode="stripe", api_base=settings.stripe_api_base or "stripe")
        yield {}
        return
    data_path = data_path_for(settings)
    with LocalStripe.start(port=settings.localstripe_port, data_path=data_path) as localstripe:
        webhook_secret = new_webhook_secret()
        url = f"http://{callback_host(server_host)}:{server_port}{WEBHOOK_PATH}"
        localstripe.register_webhook(url, webhook_secret)
        log.info("stripe.mode", mode="localstripe", api_base=localstripe.api_base, webhook=url)
        yield stripe_environment(localstripe.api_base, LOCALSTRIPE_SECRET_KEY, webhook_secret)
