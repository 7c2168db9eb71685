"""The layers hold: the import contracts in pyproject.toml, and the CLI's look-ups at run time.

The contracts (import-linter) cover every import in the source, lazy ones included; the
run-time check catches a module that a command loads by name.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from importlinter.cli import lint_imports

from policytui.core.cache import DISABLE_VAR

ROOT = Path(__file__).resolve().parents[1]

LOOKUPS = [
    ["list", "--json"],
    ["show", "wuxi-draft/m4", "--json"],
    ["paths"],
    ["compare", "talent"],
    ["compare", "--matrix", "--format", "csv"],
    ["calc", "hq-landing", "paid_in_capital=2亿", "--json"],
    ["calc", "hq-landing", "--sweep", "paid_in_capital=0..30亿"],
    ["estimate", "--example"],
    ["search", "kaiyuan", "--json"],
    ["search", "总部奖励"],
]


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded once it has run `code`, with the library cache on
    as a user has it: the first look-up loads the files, the others are served by the cache."""
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    env = {name: value for name, value in os.environ.items() if name != DISABLE_VAR}
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    return set(run.stdout.split())


def test_import_contracts_are_kept(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_no_lookup_command_loads_textual():
    loaded = modules_after(
        "import contextlib, io\n"
        "from policytui.cli.main import main\n"
        f"for command in {LOOKUPS!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        assert main(command + ['--no-user-data']) == 0, command\n"
    )
    assert "policytui.cli.main" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("textual", "textual_plotext")}


def test_version_loads_no_library_module_nor_words():
    loaded = modules_after(
        "import contextlib, io\n"
        "from policytui.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--version'])\n"
    )
    assert "policytui.cli.main" in loaded
    assert not {m for m in loaded if m.startswith(("policytui.core", "policytui.i18n", "policytui.render"))}
