"""The SDK builds into a wheel that carries its README, its type marker and the hand-written
client, and imports on its own."""

from __future__ import annotations

import email
import shutil
import subprocess
import sys
import zipfile

WHEEL_BUILD_TIMEOUT_S = 300


def test_the_wheel_carries_its_readme_its_type_marker_and_the_client(repository_root, tmp_path):
    # Built from a copy: a build leaves build/ and egg-info behind in the folder it builds.
    source = tmp_path / "sdk"
    ignored = shutil.ignore_patterns("build", "*.egg-info", "__pycache__", ".*_cache")
    shutil.copytree(repository_root / "sdk", source, ignore=ignored)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), source],
        check=True,
        capture_output=True,
        timeout=WHEEL_BUILD_TIMEOUT_S,
    )
    (wheel,) = tmp_path.glob("marketplace_sdk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = email.message_from_string(archive.read(metadata_name).decode("utf-8"))
        archive.extractall(tmp_path / "unpacked")

    readme = (repository_root / "sdk" / "README.md").read_text(encoding="utf-8")
    assert "marketplace_sdk/py.typed" in names
    assert {"marketplace_sdk/facade/client.py", "marketplace_sdk/webhooks.py"} <= names
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert metadata.get_payload().strip() == readme.strip()
    assert "pip install ./sdk" in readme
    assert "mk = Marketplace(api_key=" in readme

    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]); import marketplace_sdk as m; "
            "print(m.__file__, m.Marketplace.__name__)",
            str(tmp_path / "unpacked"),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert where.startswith(str(tmp_path / "unpacked"))
    assert where.split()[-1] == "Marketplace"
