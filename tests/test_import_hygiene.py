"""The pure core and the non-interactive CLI must not import Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_AND_CLI = [
    "policytui.core.model",
    "policytui.core.loader",
    "policytui.core.schema",
    "policytui.core.status",
    "policytui.core.fidelity",
    "policytui.core.serialize",
    "policytui.present",
    "policytui.i18n",
    "policytui.cli.main",
    "policytui.render.wrap",
    "policytui.render.rich_text",
    "policytui.core.compare.comparison",
    "policytui.core.compare.matrix",
    "policytui.core.compare.export",
    "policytui.core.compare.files",
    "policytui.cli.compare_cmd",
    "policytui.core.calc.reader",
    "policytui.core.calc.engine",
    "policytui.core.calc.estimate",
    "policytui.core.calc.sweep",
    "policytui.core.calc.serialize",
    "policytui.core.calc.markdown",
    "policytui.core.calc.lookup",
    "policytui.core.calc.chart",
    "policytui.core.calc.rich_views",
    "policytui.core.calc.profile",
    "policytui.cli.calc_cmd",
    "policytui.cli.estimate_cmd",
    "policytui.core.money",
    "policytui.core.search.rank",
    "policytui.core.search.synonyms",
    "policytui.cli.search_cmd",
]


def modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize("module", CORE_AND_CLI)
def test_module_does_not_import_textual(module):
    loaded = modules_after(f"import {module}")
    assert module in loaded
    assert not any(m == "textual" or m.startswith("textual.") for m in loaded)


@pytest.mark.parametrize("command", [["list", "--json"], ["show", "wuxi-draft/m4", "--json"], ["paths"],
                                     ["compare", "talent"], ["compare", "--matrix", "--format", "csv"],
                                     ["calc", "hq-landing", "paid_in_capital=2亿", "--json"],
                                     ["calc", "hq-landing", "--sweep", "paid_in_capital=0..30亿"],
                                     ["estimate", "--example"], ["search", "kaiyuan", "--json"],
                                     ["search", "总部奖励"]])
def test_non_interactive_commands_do_not_import_textual(command):
    loaded = modules_after(
        "import contextlib, io\n"
        "from policytui.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main({command!r} + ['--no-user-data']) == 0\n"
    )
    assert "policytui.cli.main" in loaded
    assert "textual" not in loaded
