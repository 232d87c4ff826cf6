"""A fast webhook receiver for the event benchmark: raw HTTP/1.1 on asyncio (uvloop when
installed), keep-alive, in a process of its own so it does not share the worker's core.

    python bench/receiver.py --port 8765 [--fail-ratio 0.3] [--seed 7]

Answers each POST 200, or 500 for a random ``--fail-ratio`` of them, and counts requests and
distinct ``webhook-id`` values; ``GET /stats`` answers those counts as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random

OK = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok"
FAILED = b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 4\r\n\r\nfail"


class Counts:
    def __init__(self, fail_ratio: float, seed: int) -> None:
        self.fail_ratio = fail_ratio
        self.chance = random.Random(seed)
        self.requests = 0
        self.failed = 0
        self.ids: set[bytes] = set()

    def answer(self, head: bytes) -> bytes:
        if head.startswith(b"GET /stats"):
            body = json.dumps(
                {"requests": self.requests, "failed": self.failed, "distinct_ids": len(self.ids)}
            ).encode()
            return b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n%s" % (len(body), body)
        self.requests += 1
        self.ids.add(_header(head, b"webhook-id"))
        if self.chance.random() < self.fail_ratio:
            self.failed += 1
            return FAILED
        return OK


def _header(head: bytes, name: bytes) -> bytes:
    lower = head.lower()
    start = lower.find(b"\r\n" + name + b":")
    if start < 0:
        return b""
    start += len(name) + 3
    end = head.find(b"\r\n", start)
    return head[start : end if end >= 0 else len(head)].strip()


class Connection(asyncio.Protocol):
    def __init__(self, counts: Counts) -> None:
        self.counts = counts
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            head = bytes(self.buffer[:end])
            length = int(_header(head, b"content-length") or 0)
            if len(self.buffer) < end + 4 + length:
                return
            del self.buffer[: end + 4 + length]
            if self.transport is not None:
                self.transport.write(self.counts.answer(head))


async def serve(port: int, counts: Counts) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Connection(counts), "127.0.0.1", port, backlog=1024)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--fail-ratio", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    counts = Counts(options.fail_ratio, options.seed)
    try:
        import uvloop

        uvloop.run(serve(options.port, counts))
    except ImportError:
        asyncio.run(serve(options.port, counts))


if __name__ == "__main__":
    main()
