"""The embedded localstripe process: ``python -m marketplace.payments.localstripe_server``.

Started by ``marketplace.payments.localstripe`` (never by hand). localstripe's own entry point
listens on every interface and keeps its data in ``/tmp/localstripe.pickle``; this one serves
the same aiohttp app on a socket its parent already bound to 127.0.0.1, keeps the data in the
file it is given, and stops when its parent is gone.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import pickle
import signal
import socket
import sys
import tempfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

SAVE_INTERVAL_S = 1.0
"""localstripe rewrites its whole store after every change; saving at most once a second
keeps a long demo or a benchmark from slowing down as the store grows."""
PARENT_CHECK_INTERVAL_S = 1.0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fd", type=int, required=True, help="listening socket to serve on")
    parser.add_argument("--data", type=Path, required=True, help="where the data is kept")
    parser.add_argument("--parent-pid", type=int, required=True)
    return parser.parse_args(argv)


class _DataFile:
    """localstripe's store (a pickle of its objects), saved to a file of ours."""

    def __init__(self, path: Path, store: dict[str, Any]) -> None:
        self.path = path
        self.store = store
        self.dirty = False

    def load(self) -> None:
        if self.path.exists():
            with self.path.open("rb") as data:
                # The file is localstripe's own format, written by this process alone (0600).
                self.store.update(pickle.load(data))  # noqa: S301

    def save(self) -> None:
        self.dirty = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, scratch = tempfile.mkstemp(dir=self.path.parent, prefix=".localstripe-")
        with os.fdopen(descriptor, "wb") as data:
            pickle.dump(dict(self.store), data, protocol=pickle.HIGHEST_PROTOCOL)
        Path(scratch).replace(self.path)

    async def save_periodically(self) -> None:
        while True:
            await asyncio.sleep(SAVE_INTERVAL_S)
            if self.dirty:
                self.save()


def _patch_localstripe(resources: Any, data_file: _DataFile) -> None:
    """Route localstripe's saving through ``data_file``, and let PaymentIntents be created
    with the parameter name of the Stripe API version the gateway pins."""

    def mark_dirty(_store: Any) -> None:
        data_file.dirty = True

    resources.Store.dump_to_disk = mark_dirty
    resources.Store.try_load_from_disk = lambda _store: data_file.load()
    create = resources.PaymentIntent._api_create.__func__

    def create_intent(cls: Any, /, **data: Any) -> Any:
        if "allowed_payment_method_types" in data:
            data["payment_method_types"] = data.pop("allowed_payment_method_types")
        return create(cls, **data)

    resources.PaymentIntent._api_create = classmethod(create_intent)


def _background(
    data_file: _DataFile, parent_pid: int
) -> Callable[[web.Application], AsyncIterator[None]]:
    async def run(_app: web.Application) -> AsyncIterator[None]:
        tasks = [
            asyncio.create_task(data_file.save_periodically()),
            asyncio.create_task(_stop_when_orphaned(parent_pid)),
        ]
        yield
        for task in tasks:
            task.cancel()
        data_file.save()

    return run


async def _stop_when_orphaned(parent_pid: int) -> None:
    """Stop (cleanly, through SIGTERM) once the parent is gone, so no server is left behind."""
    # Polled: nothing signals a process when its parent dies (it is only re-parented).
    while True:
        await asyncio.sleep(PARENT_CHECK_INTERVAL_S)
        if os.getppid() != parent_pid:
            os.kill(os.getpid(), signal.SIGTERM)
            return


def _report_failed_webhooks() -> None:
    """localstripe logs each webhook delivery at INFO; show the failed ones only."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("localstripe: %(message)s"))
    handler.addFilter(lambda record: "successfully delivered" not in record.getMessage())
    deliveries = logging.getLogger("aiohttp.access")
    deliveries.addHandler(handler)
    deliveries.setLevel(logging.INFO)


def main(argv: list[str] | None = None) -> None:
    arguments = _arguments(argv)
    # Imported here: importing localstripe builds its app and its (empty) store.
    from localstripe import resources, server

    data_file = _DataFile(arguments.data, resources.store)
    _patch_localstripe(resources, data_file)
    data_file.load()
    _report_failed_webhooks()
    app: web.Application = server.app
    app.cleanup_ctx.append(_background(data_file, arguments.parent_pid))
    listener = socket.socket(fileno=arguments.fd)
    web.run_app(app, sock=listener, print=None, access_log=None)


if __name__ == "__main__":
    main()
