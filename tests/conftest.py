"""Shared fixtures: an isolated user environment, the bundled library, a fixed date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policytui.core.loader import load_library
from policytui.core.locations import data_dirs

FIXTURES = Path(__file__).parent / "fixtures"
# A fixed "today" for deterministic tests: both bundled policies have expired by then.
AS_OF = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never read or write the real user's data or config directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("POLICYTUI_DATA", raising=False)
    return home


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run the CLI in-process on the bundled data, in a wide terminal: (exit code, stdout, stderr).

    The as-of date is AS_OF unless a test passes as_of=None to give its own.
    """
    from policytui.cli.main import main

    monkeypatch.setenv("COLUMNS", "200")

    def run(*argv: str, as_of: date | None = AS_OF) -> tuple[int, str, str]:
        dated = ["--as-of", as_of.isoformat()] if as_of else []
        code = main([*argv, "--no-user-data", *dated])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="session")
def library():
    """The bundled data only."""
    return load_library(dirs=data_dirs(user=False, env={}))
