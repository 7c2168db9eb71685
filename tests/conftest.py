"""Shared fixtures: an isolated user environment, the bundled library, a fixed date."""

from __future__ import annotations

import os
import pickle
from datetime import date
from pathlib import Path

import pytest

from policytui.core import loader
from policytui.core.cache import DISABLE_VAR
from policytui.core.locations import data_dirs
from policytui.core.model import Problem

FIXTURES = Path(__file__).parent / "fixtures"
# Made-up policies for behaviour tests: 河湾 (city3), 青石 (search), 甲市 and 乙市 (estimates).
FIXTURE_LIBRARY = [FIXTURES / "city3", FIXTURES / "search", FIXTURES / "estimates"]
# A fixed "today" for deterministic tests: both bundled policies have expired by then.
AS_OF = date(2026, 11, 22)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` starts two workers a core: a TUI test spends much of its time waiting on the
    app's timers and refreshes, not on the CPU (on 2 cores: 79 s against 96 s with one a core)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 2 * cores


@pytest.fixture(scope="session", autouse=True)
def no_library_cache():
    """Every test reads the files it names: the library cache is off (tests/test_cache.py
    switches it on). Session-wide, so that the session fixtures' loads are covered too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DISABLE_VAR, "1")
        patch.setattr(loader, "load_library", _loaded_once_per_content(loader.load_library))
        yield


def _loaded_once_per_content(load):
    """`load_library` that builds a Library once per set of file contents in a test process.

    Every in-process CLI call loads the library, and building one costs most of a short
    test. The key is every file's path, origin and bytes (and each missing-directory
    problem), so an edited, added or removed file is a new load; each call gets its own
    copy, so no test sees another's changes. With the real cache switched on (test_cache)
    every call goes through, as the user's would."""
    built: dict[tuple, bytes] = {}

    def load_library(extra=(), *, dirs=None, passes=None):
        if DISABLE_VAR not in os.environ:
            return load(extra, dirs=dirs, passes=passes)
        found = loader.data_files(data_dirs(extra) if dirs is None else dirs)
        try:
            key = (passes,) + tuple(
                str(item) if isinstance(item, Problem) else (*map(str, item), item[0].read_bytes())
                for item in found
            )
        except OSError:  # unreadable: the loader reports it, every time
            return load(extra, dirs=dirs, passes=passes)
        if key not in built:
            library = load(extra, dirs=dirs, passes=passes)
            try:
                built[key] = pickle.dumps(library)
            except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
                return library  # not copyable: built afresh each time
        return pickle.loads(built[key])

    return load_library


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never read or write the real user's data, config or cache directories."""
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
    return loader.load_library(dirs=data_dirs(user=False, env={}))


@pytest.fixture(scope="session")
def fixture_library():
    """The made-up policies on the bundled topics, and no bundled policy: a behaviour test on
    these never breaks when a bundled document is corrected."""
    topics = data_dirs(user=False, env={})[0].path / "topics.toml"
    return loader.load_library(dirs=data_dirs([topics, *FIXTURE_LIBRARY], bundled=False, user=False, env={}))
