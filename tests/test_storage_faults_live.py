"""``marketplace serve`` on a genuinely full disk and a genuinely read-only one: every request
the database cannot serve answers 503 ``storage_unavailable`` with its ``Request-Id``, nothing is
half-written, ``/ready`` says not ready, the process stays up, and it recovers by itself once
the disk has space again or is writable again.

The disk is a small tmpfs mounted for the test (this needs root, or CAP_SYS_ADMIN: without it
the tests fail, saying so). "Full" is a filler file written until ENOSPC. "Read-only" is
``mount -o remount,ro``, done before the server starts: Linux refuses to remount a filesystem
read-only while a process holds a file on it open for writing, as SQLite does. A disk that
fails under the running server is an ext4 image on a loop device, mounted ``errors=remount-ro``,
whose error is triggered through ext4's own ``trigger_fs_error``: writes then fail with
``disk I/O error`` for good (only an unmount and fsck bring such a disk back, so that test
shows no recovery; the two above do).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.helpers import assert_problem
from tests.served import Served, prepared, serving, wait_until

DISK_SIZE = "24m"
EXT4_IMAGE_BYTES = 32 * 1024 * 1024
FILL_CHUNK_BYTES = 1 << 20
FILL_TAIL_BYTES = 4096
MAX_WRITES = 200
RECOVERY_TIMEOUT_S = 45.0


def _run(*command: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.fail(
            f"{' '.join(command)} failed ({done.stderr.strip()}): these tests make a real full"
            " or read-only disk with a tmpfs mount and need root (or CAP_SYS_ADMIN)",
            pytrace=False,
        )


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs of the test's own, unmounted (even if busy) at the end."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    _run("mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE},mode=0700", "tmpfs", str(mount_point))
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _remount(disk: Path, mode: str) -> None:
    _run("mount", "-o", f"remount,{mode}", str(disk))


@contextlib.contextmanager
def _filled(disk: Path) -> Iterator[None]:
    """The disk without a byte free, until the block ends."""
    filler = disk / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (FILL_CHUNK_BYTES, FILL_TAIL_BYTES, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(descriptor, b"\0" * size)
    finally:
        os.close(descriptor)
    try:
        with pytest.raises(OSError, match="No space left") as full:
            (disk / "probe").write_bytes(b"x" * FILL_TAIL_BYTES)
        assert full.value.errno == errno.ENOSPC
        yield
    finally:
        filler.unlink()


def _assert_unavailable(response: httpx.Response) -> None:
    body = assert_problem(response, 503, "storage_unavailable")
    assert response.headers["retry-after"]
    assert body["request_id"].startswith("req_")
    for leak in ("SQLITE", "INSERT", "Traceback", "OperationalError"):
        assert leak not in response.text


def _ready(served: Served) -> bool:
    return served.get("/ready").status_code == 200


def test_a_full_disk_answers_503_until_space_is_freed(disk, tmp_path):
    env, insurer = prepared(disk, tmp_path)
    with serving(env, insurer, tmp_path / "server.log") as served:
        assert served.post_product("Before the disk filled").status_code == 201
        refused: list[str] = []
        with _filled(disk):
            for attempt in range(MAX_WRITES):
                name = f"Disk full {attempt} {secrets.token_hex(3)}"
                response = served.post_product(name)
                assert response.status_code in (201, 503), response.text
                if response.status_code == 503:
                    _assert_unavailable(response)
                    refused.append(name)
                    if len(refused) == 3:
                        break
            assert refused, "the full disk never refused a write"
            ready = served.get("/ready")
            assert (ready.status_code, ready.json()["writes"]) == (503, "failing")
            assert served.process.poll() is None
        wait_until(lambda: _ready(served), RECOVERY_TIMEOUT_S, "ready again")
        assert served.post_product("After space was freed").status_code == 201
        names = served.product_names()
        assert not names & set(refused)
        assert "After space was freed" in names
        assert served.process.poll() is None


def test_a_read_only_disk_answers_503_until_it_is_writable(disk, tmp_path):
    env, insurer = prepared(disk, tmp_path)
    _remount(disk, "ro")
    try:
        with serving(env, insurer, tmp_path / "server.log") as served:
            _assert_unavailable(served.post_product("While read-only"))
            _assert_unavailable(served.get("/v1/products"))
            ready = served.get("/ready")
            assert (ready.status_code, ready.json()["status"]) == (503, "not_ready")
            time.sleep(1)
            assert served.process.poll() is None
            _remount(disk, "rw")
            wait_until(lambda: _ready(served), RECOVERY_TIMEOUT_S, "ready again")
            assert served.post_product("Writable again").status_code == 201
            assert "While read-only" not in served.product_names()
            assert served.process.poll() is None
    finally:
        _remount(disk, "rw")


@pytest.fixture
def failing_disk(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """An ext4 filesystem on a loop device that turns read-only at the first error, as a disk
    that fails under a running server does; and the file that triggers that error."""
    image, mount_point = tmp_path / "ext4.img", tmp_path / "ext4"
    mount_point.mkdir()
    with image.open("wb") as out:
        out.truncate(EXT4_IMAGE_BYTES)
    _run("mkfs.ext4", "-q", "-F", str(image))
    _run("mount", "-o", "loop,errors=remount-ro", str(image), str(mount_point))
    try:
        device = subprocess.run(
            ["findmnt", "-n", "-o", "SOURCE", str(mount_point)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        yield mount_point, Path("/sys/fs/ext4") / Path(device).name / "trigger_fs_error"
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_disk_that_fails_while_serving_answers_503_and_the_server_stays_up(
    failing_disk, tmp_path
):
    disk, trigger = failing_disk
    env, insurer = prepared(disk, tmp_path)
    with serving(env, insurer, tmp_path / "server.log") as served:
        assert served.post_product("Before the disk failed").status_code == 201
        trigger.write_text("1")  # ext4 records an error and goes read-only at once
        _assert_unavailable(served.post_product("After the disk failed"))
        ready = served.get("/ready")
        assert (ready.status_code, ready.json()["writes"]) == (503, "failing")
        listed = served.get("/v1/products?limit=100")  # what is in memory is still readable
        assert listed.status_code == 200
        names = {product["name"] for product in listed.json()["data"]}
        assert "Before the disk failed" in names
        assert "After the disk failed" not in names
        time.sleep(1)
        _assert_unavailable(served.post_product("Still failing"))
        assert served.process.poll() is None
