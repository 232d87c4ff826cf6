"""The application as a ``marketplace serve`` process builds it.

granian forks its worker processes from a parent whose SIGTERM and SIGINT handlers only wake
the parent's own loop; a worker keeps them until its event loop starts and installs its own.
A worker told to stop in that window (the server stopped while it was still starting: a
deploy, a test, a supervisor's restart) would lose the signal and run on, and the parent would
wait for it for ever. So a starting worker leaves at once on either signal: it has served
nothing and holds nothing yet. Once its loop runs, granian's handlers replace this one and a
stop is graceful. This module imports nothing heavy, so the handler is in place before the
application's imports (most of a worker's start-up) begin.

granian also loses a stop that arrives while the application's lifespan is starting (after
its handlers are in place, before it serves): ``marketplace serve`` kills a worker that has not
stopped ``WORKER_STOP_TIMEOUT_S`` after it was told to (``cli.py``).
"""

from __future__ import annotations

import os
import signal
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from litestar import Litestar

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _leave_while_starting(signum: int, frame: FrameType | None) -> None:
    os._exit(128 + signum)


def create_server_app() -> Litestar:
    """``create_app`` from the environment, a stop signal meanwhile ending the process."""
    for stop_signal in STOP_SIGNALS:
        signal.signal(stop_signal, _leave_while_starting)
    from marketplace.app import create_app

    return create_app()
