"""A command imports its own module only, and a found id needs no fuzzy matching (rapidfuzz)."""

from __future__ import annotations

import pytest

from policytui.cli.main import COMMANDS, build_parser, chosen_command
from tests.test_import_hygiene import modules_after


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["list"], "list"),
        (["--data", "list", "show", "m4"], "show"),  # an option's value is not the command
        (["--as-of", "2024-01-01", "search", "--limit", "3", "calc"], "search"),
        (["-h", "list"], None),  # the full help: every command
        (["lst"], None),  # a typo: the full parser names the commands
        ([], None),
    ],
)
def test_the_chosen_command_is_found_without_importing_the_others(argv, command):
    assert chosen_command(argv) == command


def test_the_full_parser_still_knows_every_command(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert all(command in out for command in COMMANDS)


def look_up_modules(argv: list[str], monkeypatch) -> set[str]:
    """The modules a look-up has loaded, with the library cache on and warm, as a user has it."""
    monkeypatch.delenv("POLICYTUI_NO_CACHE")
    probe = (
        "import contextlib, io\n"
        "from policytui.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main({argv!r} + ['--no-user-data']) == 0\n"
    )
    modules_after(probe)  # the first run fills the cache: reading the files needs the validators
    return modules_after(probe)


@pytest.mark.parametrize("argv", [["list"], ["show", "wuxi-draft/m4"]])
def test_a_look_up_imports_only_its_command_and_no_fuzzy_matcher(argv, monkeypatch):
    loaded = look_up_modules(argv, monkeypatch)
    own = f"policytui.cli.{argv[0]}_cmd"
    assert own in loaded
    assert not {f"policytui.cli.{command}_cmd" for command in COMMANDS} - {own} & loaded
    assert "rapidfuzz" not in loaded


def test_an_unknown_clause_id_still_gets_suggestions(cli):
    code, _, err = cli("show", "wuxi-draft/m44")
    assert code == 2 and "wuxi-draft/m4" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--json"],
        ["show", "wuxi-draft/m4", "--json"],
        ["search", "总部奖励", "--json"],
        ["calc", "wuxi-draft:ipo", "market=domestic", "--json"],
        ["compare", "总部", "--format", "json"],
    ],
)
def test_a_json_look_up_imports_no_rich(argv, monkeypatch):
    """JSON is for scripts: nothing of the terminal's layout (rich) is loaded to print it."""
    assert not {m for m in look_up_modules(argv, monkeypatch) if m.split(".")[0] == "rich"}
