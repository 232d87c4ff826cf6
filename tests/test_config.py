"""Settings come from MARKETPLACE_* variables; a bad one stops start-up with one line naming it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from marketplace.cli import main
from marketplace.config import ConfigError, check_serving, load_settings

REFUSAL_TIMEOUT_S = 60


def test_defaults_are_the_embedded_mode():
    settings = load_settings({})
    assert settings.database_url.startswith("sqlite+aiosqlite:///")
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)


def test_variables_override_defaults():
    settings = load_settings(
        {
            "MARKETPLACE_HOST": "0.0.0.0",
            "MARKETPLACE_PORT": "9000",
            "MARKETPLACE_LOG_FORMAT": "JSON",
        }
    )
    assert (settings.host, settings.port, settings.log_format) == ("0.0.0.0", 9000, "json")


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("MARKETPLACE_PORT", "eighty"),
        ("MARKETPLACE_PORT", "70000"),
        ("MARKETPLACE_DATABASE_URL", "mysql://root@localhost/db"),
        ("MARKETPLACE_LOG_FORMAT", "xml"),
        ("MARKETPLACE_WORKERS", "0"),
        ("MARKETPLACE_DEBUG_SQL", "maybe"),
        ("MARKETPLACE_DATABSE_URL", "sqlite+aiosqlite:///x.db"),
    ],
)
def test_a_bad_variable_is_named(variable, value):
    with pytest.raises(ConfigError, match=variable):
        load_settings({variable: value})


def test_the_command_stops_with_one_line_naming_the_variable(monkeypatch):
    monkeypatch.setenv("MARKETPLACE_PORT", "eighty")
    result = CliRunner().invoke(main, ["migrate"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "MARKETPLACE_PORT" in lines[0]


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_the_embedded_stripe_may_serve_on_loopback(host):
    check_serving(load_settings({}), host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "10.1.2.3", "api.example.com"])
def test_the_embedded_stripe_never_serves_beyond_this_machine(host):
    with pytest.raises(ConfigError, match="MARKETPLACE_STRIPE_SECRET_KEY"):
        check_serving(load_settings({}), host)
    with_stripe = load_settings({"MARKETPLACE_STRIPE_SECRET_KEY": "sk_test_real"})
    check_serving(with_stripe, host)


@pytest.mark.parametrize(
    ("variables", "arguments"),
    [({"MARKETPLACE_HOST": "0.0.0.0"}, []), ({}, ["--host", "0.0.0.0"])],
)
def test_serve_refuses_to_start_in_one_line_saying_why(tmp_path, variables, arguments):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MARKETPLACE_")},
        "MARKETPLACE_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/never.db",
        **variables,
    }
    done = subprocess.run(
        [sys.executable, "-m", "marketplace", "serve", "--port", "1", *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=REFUSAL_TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    for words in ("0.0.0.0", "loopback", "localstripe", "MARKETPLACE_STRIPE_SECRET_KEY"):
        assert words in lines[0]
    assert not (tmp_path / "never.db").exists()
