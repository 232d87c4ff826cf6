"""Settings come from MARKETPLACE_* variables; a bad one stops start-up with one line naming it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from marketplace.cli import main
from marketplace.config import ConfigError, load_settings


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
