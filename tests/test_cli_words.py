"""The command line speaks the user's language: every command's help, argparse's usage and
errors, and the commands' own error paths (issue #15, "every word in the user's language")."""

from __future__ import annotations

import re

import pytest

from policytui.cli.main import COMMANDS, main
from tests.conftest import FIXTURES

# Words of argparse's and the tool's English chrome; none may be left in Chinese mode.
ENGLISH_CHROME = {
    "usage",
    "positional",
    "arguments",
    "options",
    "message",
    "exit",
    "error",
    "warning",
    "required",
    "invalid",
    "choice",
    "choose",
    "unrecognized",
    "expected",
    "argument",
    "print",
    "the",
    "for",
    "with",
    "default",
    "files",
    "directory",
    "every",
    "language",
    "judge",
    "only",
    "load",
    "exist",
    "internal",
    "config",
    "bundled",
}
WORD = re.compile(r"[A-Za-z]+")
# What may stay as typed in Chinese mode: options, file names and paths, ids, TOML keys, metavars.
NOT_CHROME = re.compile(r"--?[\w-]+|\S*[/.]\S*|[\w-]+:[\w|-]+|\b\w+_\w+\b|\b[A-Z][A-Z_.=]+\b")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Chinese in the English help: examples of what to type, which stay as written.
EXAMPLES = (
    "总部奖励",
    "zj特新",
    "500万",
    "0.05亿",
    "无锡",
    "开源",
    "100万",
    "专精特新",
    "2亿",
    "30亿",
    "经营贡献奖励",
)

HELP = [["--help"], *[[command, "--help"] for command in COMMANDS]]
USAGE_ERRORS = [
    ["show"],  # the following arguments are required
    ["bogus"],  # invalid choice of command
    ["--lang", "fr", "list"],  # invalid choice of an option
    ["list", "--bogus"],  # unrecognized arguments
    ["list", "--as-of"],  # expected one argument
    ["list", "--as-of", "2025-13-01"],  # the tool's own type error
    ["search", "人才", "--limit", "0"],
    ["import", "a.txt", "--output", "a.toml", "--install"],  # not allowed with
]
COMMAND_ERRORS = [
    ["show", "nosuch"],
    ["calc", "nosuch"],
    ["calc"],
    ["compare"],
    ["estimate"],
    ["estimate", "/no/such/profile.toml"],
    ["import", "/no/such/text.txt"],
    ["validate", "/no/such/file.toml"],
    ["validate", str(FIXTURES / "bad")],
    ["paths"],
]


def run(capsys, argv: list[str], lang: str) -> str:
    try:
        main([*argv, "--lang", lang, "--no-user-data"] if "--lang" not in argv else argv)
    except SystemExit:
        pass
    out, err = capsys.readouterr()
    return out + err


def english_chrome(text: str) -> set[str]:
    return {word for word in WORD.findall(NOT_CHROME.sub(" ", text)) if word.lower() in ENGLISH_CHROME}


@pytest.mark.parametrize("argv", HELP + USAGE_ERRORS + COMMAND_ERRORS, ids=" ".join)
def test_no_english_chrome_in_chinese_mode(capsys, argv):
    text = run(capsys, argv, "zh")
    assert CJK.search(text), text  # it said something, in Chinese
    assert not english_chrome(text), text


@pytest.mark.parametrize("argv", [a for a in HELP + USAGE_ERRORS if "--lang" not in a], ids=" ".join)
def test_no_chinese_in_the_english_help_and_usage_errors(capsys, argv):
    text = run(capsys, argv, "en")
    assert english_chrome(text), text
    flat = re.sub(r"\s+", "", text)  # an example may be wrapped across two lines
    for example in EXAMPLES:
        flat = flat.replace(example, "")
    assert not CJK.search(flat), text


def test_usage_errors_are_worded_and_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "fr", "list"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert err.startswith("用法：policytui ")
    assert err.endswith("policytui: 错误：参数 --lang：无效的选择“fr”（可选：zh、en）\n")
    with pytest.raises(SystemExit):
        main(["show", "--lang", "en"])
    assert capsys.readouterr().err.endswith(
        "policytui show: error: the following arguments are required: CLAUSE_ID\n"
    )


def test_the_last_lang_given_words_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "list", "--lang", "zh", "--help"])
    assert capsys.readouterr().out.startswith("用法：policytui list")


def test_chinese_help_headings_end_with_a_full_width_colon(capsys):
    with pytest.raises(SystemExit):
        main(["show", "--help", "--lang", "zh"])
    lines = capsys.readouterr().out.splitlines()
    assert "位置参数：" in lines and "选项：" in lines
    assert not [line for line in lines if line.endswith(":")]
