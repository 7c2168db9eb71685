"""Hostile data files (issue #10): every one is reported in one clean line and skipped, the
bundled policies still load, and no escape sequence from the data reaches the terminal."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from policytui.core import schema
from policytui.core.loader import ParsedFile, load_library, parse_file
from policytui.core.locations import data_dirs
from policytui.core.model import Problem
from policytui.core.schema import MAX_NESTING
from policytui.i18n import LANGS
from policytui.render.problems import problem_line, problem_text, worded
from tests.conftest import AS_OF, FIXTURES

CASES = FIXTURES / "hostile" / "cases"
# What must never reach a terminal from data: ESC, BEL, C1 controls (as UTF-8), and the
# invisible characters that reorder or hide text (bidi controls, zero-width, LRM/RLM/ALM, U+2028/9).
FORBIDDEN = re.compile("[\x07\x1b\x80-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def load(*paths: Path):
    return load_library(dirs=data_dirs(list(paths), env={}, user=False))


def problems_of(library, name: str) -> list[Problem]:
    return [p for p in library.problems if Path(p.file).name == name]


def assert_clean(text: str) -> None:
    found = FORBIDDEN.search(text)
    assert found is None, (
        f"{found.group()!r} reached the output: ...{text[max(0, found.start() - 60) : found.end() + 20]!r}"
    )


@pytest.fixture(scope="module")
def hostile():
    return load(CASES)


def test_every_bad_case_is_reported_and_skipped_and_the_bundled_policies_still_load(hostile):
    assert {"nanjing-2021", "wuxi-draft"} <= set(hostile.policies)
    loaded = set(hostile.policies) - {"nanjing-2021", "wuxi-draft"}
    assert loaded == {"invisible-text", "formula-cells"}  # these two are valid, once cleaned
    for case in sorted(CASES.glob("*.toml")):
        if case.stem in loaded:
            continue
        errors = [p for p in problems_of(hostile, case.name) if p.severity == "error"]
        assert errors, f"{case.name} was not reported"
    for problem in hostile.problems:
        for lang in LANGS:
            line = problem_line(problem, lang)
            assert "\n" not in line
            assert_clean(line)


def test_escapes_in_values_keys_and_lists_are_shown_as_visible_text_in_messages(hostile):
    date = next(p for p in problems_of(hostile, "escape-in-date.toml") if p.where == "policy.issued")
    assert worded(date, "en").message.startswith("'\\x1b]52;c;cHduZWQ=\\x07\\x1b]2;PWNED\\x07' is not a date")
    keys = " ".join(problem_text(p, "en") for p in problems_of(hostile, "escape-in-key.toml"))
    assert "unknown key '\\x1b[2J'" in keys and "\\x9b2J\\u202eevil\\u200b" in keys
    assert "'\\x1b[31msection' is not allowed" in keys


def test_a_datetime_where_a_date_is_expected_is_a_clear_error(hostile):
    issued = problems_of(hostile, "datetime-issued.toml")
    assert any(p.where == "policy.issued" and "time of day" in worded(p, "en").message for p in issued)
    until = problems_of(hostile, "datetime-valid-until.toml")
    assert any(p.where == "policy.valid_until" and "time of day" in worded(p, "en").message for p in until)


def test_a_datetime_never_breaks_the_commands(cli):
    for case in ("datetime-issued.toml", "datetime-valid-until.toml"):
        code, out, err = cli("list", "--data", str(CASES / case))
        assert code == 0 and "南京" in out and "是带时刻的日期" in err


def test_deep_nesting_is_reported_for_its_file():
    problem = parse_file(CASES / "deep-nesting.toml")
    assert isinstance(problem, Problem) and "nested too deeply" in worded(problem, "en").message


def test_nesting_is_refused_past_the_limit_even_where_the_parser_reads_it(tmp_path):
    def nested(levels: int) -> Path:
        file = tmp_path / f"nested-{levels}.toml"  # the document itself is the first level
        file.write_text("x = " + "[" * (levels - 1) + "1" + "]" * (levels - 1), encoding="utf-8")
        return file

    assert isinstance(parse_file(nested(MAX_NESTING)), ParsedFile)
    assert parse_file(nested(MAX_NESTING + 1)) == Problem(str(nested(MAX_NESTING + 1)), "toml.too_deep")


def test_an_integer_too_long_to_convert_is_malformed_toml():
    problem = parse_file(CASES / "long-integer.toml")
    assert isinstance(problem, Problem) and "malformed TOML" in worded(problem, "en").message


def test_figures_beyond_sane_bounds_are_refused_at_validation(hostile):
    for case in ("huge-exponent.toml", "many-digits.toml"):
        assert any("out of range" in worded(p, "en").message for p in problems_of(hostile, case)), case
    assert "huge-exponent" not in hostile.policies


def test_a_huge_figure_never_breaks_search_compare_or_show(cli):
    for argv in (
        ("search", "人才"),
        ("compare", "talent"),
        ("compare", "--matrix"),
        ("show", "m4", "--json"),
    ):
        code, _, err = cli(*argv, "--data", str(CASES / "huge-exponent.toml"))
        assert code == 0, (argv, err)


def test_ids_are_full_matches_so_a_final_newline_is_refused(hostile):
    assert [p for p in problems_of(hostile, "id-newline.toml") if p.where == "policy.id"]
    assert [p for p in problems_of(hostile, "clause-id-newline.toml") if p.where == "clauses[0].id"]
    assert not any(policy.id.endswith("\n") for policy in hostile.policies.values())


def test_invisible_characters_are_removed_from_loaded_text(hostile):
    policy = hostile.policies["invisible-text"]
    assert policy.title == "标题" and policy.city == "某市"
    assert policy.clause("a1").text == "第一条\n第二行\n。"


# -- sizes: written here rather than kept as fixtures


def test_a_text_too_long_is_refused_with_its_length(tmp_path):
    text = "长" * (schema.MAX_TEXT_CHARS + 1)
    (tmp_path / "long.toml").write_text(
        f'schema = 1\n[policy]\nid = "long"\ntitle = "t"\ncity = "c"\n'
        f'[[clauses]]\nid = "a"\nkind = "section"\ntext = "{text}"\ntopics = ["talent"]\n',
        encoding="utf-8",
    )
    library = load(tmp_path)
    assert "long" not in library.policies
    assert any("characters long" in worded(p, "en").message for p in library.problems)


def test_too_many_clauses_are_refused_at_once(tmp_path):
    clause = '[[clauses]]\nid = "a{}"\nkind = "section"\ntext = "第{}条"\ntopics = ["talent"]\n'
    body = "".join(clause.format(i, i) for i in range(schema.MAX_CLAUSES + 1))
    (tmp_path / "many.toml").write_text(
        f'schema = 1\n[policy]\nid = "many"\ntitle = "t"\ncity = "c"\n{body}', encoding="utf-8"
    )
    library = load(tmp_path)
    assert "many" not in library.policies
    assert [p for p in library.problems if "too many" in worded(p, "en").message and p.where == "clauses"]


def test_a_file_too_large_is_not_read(tmp_path):
    big = tmp_path / "big.toml"
    with big.open("wb") as out:
        out.truncate(schema.MAX_FILE_BYTES + 1)  # sparse: no need to write the bytes
    problem = parse_file(big)
    assert isinstance(problem, Problem) and "too large" in worded(problem, "en").message


def test_an_unreadable_subdirectory_is_reported(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.toml").write_text("", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # as for a directory without read permission (root reads every directory)
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    library = load(tmp_path)
    assert any(
        p.file == str(locked) and "cannot be read" in worded(p, "en").message for p in library.problems
    )


def test_the_figure_check_needs_no_pattern_per_amount(monkeypatch):
    """100k clauses once meant 100k re.compile calls; the check now uses one compiled pattern."""
    compiled = []
    monkeypatch.setattr(schema.re, "compile", lambda *a, **k: compiled.append(a) or re.compile(*a, **k))
    monkeypatch.setattr(schema.re, "search", lambda *a, **k: compiled.append(a) or re.search(*a, **k))
    assert schema._figure_in("给予最高100万元奖励", "100", "万元")
    assert not schema._figure_in("给予最高1000万元奖励", "100", "万元")
    assert schema._figure_in("分别给予1%、2%、3%", "1", "%")
    assert compiled == []


# -- through the CLI, as a user's terminal receives it


def run_cli(*argv: str, data: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "POLICYTUI_DEBUG")}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "policytui",
            *argv,
            "--data",
            str(data),
            "--no-user-data",
            "--as-of",
            AS_OF.isoformat(),
        ],
        capture_output=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ("list",),
        ("list", "--json"),
        ("show", "m4"),
        ("search", "人才"),
        ("compare", "talent"),
        ("compare", "--matrix"),
        ("calc", "hq-landing", "paid_in_capital=2亿"),
    ],
)
def test_the_cli_writes_no_escape_from_hostile_data(cli, argv):
    """In-process (the tests below run a real interpreter, as a user's terminal receives it)."""
    code, out, err = cli(*argv, "--data", str(CASES))
    assert code == 0, err
    assert_clean(out)
    assert_clean(err)
    assert "Traceback" not in err and "internal error" not in err
    assert "escape-in-date.toml:7：policy.issued" in err


def test_validate_names_every_hostile_file_in_clean_lines():
    result = subprocess.run(
        [sys.executable, "-m", "policytui", "validate", str(CASES)], capture_output=True, timeout=120
    )
    assert result.returncode == 1
    out = result.stdout.decode("utf-8")
    assert_clean(out)
    for case in CASES.glob("*.toml"):
        if case.stem not in ("invisible-text", "formula-cells"):
            assert case.name in out


def test_a_file_name_with_an_escape_is_shown_as_visible_text(tmp_path):
    shutil.copy(CASES / "datetime-issued.toml", tmp_path / "\x1b]2;PWNED\x07.toml")
    result = run_cli("list", data=tmp_path)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0 and "\\x1b]2;PWNED\\x07.toml" in err
    assert_clean(err)


def test_sums_from_hostile_data_stay_decimal(hostile):
    figures = [a.value for c in hostile.clauses() for a in c.amounts if a.value is not None]
    assert all(isinstance(v, Decimal) and v.adjusted() <= 15 for v in figures)


# -- toml_lines: a line inside a multi-line string is text, not a header (issue #9)

MULTILINE_SOURCE = '''schema = 1
[[clauses]]
id = "a"
text = """第一条
[[clauses]]
id = "fake"
"""
[[clauses]]
id = "b"
note = \'\'\'
[indicator_table]
\'\'\'
kind = "section"
'''


def test_a_header_inside_a_multi_line_string_is_not_counted():
    from policytui.core.toml_lines import line_of

    assert line_of(MULTILINE_SOURCE, ("clauses", 1, "id")) == 9
    assert line_of(MULTILINE_SOURCE, ("clauses", 1, "kind")) == 13
    assert line_of(MULTILINE_SOURCE, ("indicator_table",)) is None


def test_validate_still_finds_the_problems_of_a_file_whose_name_holds_an_escape(tmp_path):
    shutil.copy(CASES / "datetime-issued.toml", tmp_path / "\x1b[2J.toml")
    result = subprocess.run(
        [sys.executable, "-m", "policytui", "validate", str(tmp_path), "--json"],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["errors"] >= 1 and all(p["file"].endswith("\\x1b[2J.toml") for p in report["problems"])
    assert_clean(result.stdout.decode("utf-8"))


def test_a_rule_whose_award_has_no_value_is_refused(tmp_path):
    """Found by the long fuzz campaign: the rule loaded with no award and the calculator raised."""
    rules = (Path(__file__).parents[1] / "data" / "rules" / "wuxi-draft.toml").read_text(encoding="utf-8")
    broken = tmp_path / "wuxi-draft.toml"
    broken.write_text(
        rules.replace('award = { value = "500", unit = "万元" }', 'award = { unit = "万元" }', 1),
        encoding="utf-8",
    )
    data = Path(__file__).parents[1] / "data"
    loaded = load_library(
        dirs=data_dirs([data / "topics.toml", data / "policies", broken], bundled=False, user=False, env={})
    )
    assert "wuxi-draft:core-tech" not in loaded.rules
    assert any(
        p.where == "rules[0].award.value" and "missing" in worded(p, "en").message for p in loaded.problems
    )


def test_an_unsupported_schema_version_is_quoted_cut(tmp_path):
    """Found by the long fuzz campaign: the message repeated a 30,000-character version whole."""
    (tmp_path / "v.toml").write_text(f'schema = "{"长" * 30_000}"\n[policy]\nid = "v"\n', encoding="utf-8")
    problem = next(p for p in load(tmp_path).problems if p.where == "schema")
    assert "is not supported" in worded(problem, "en").message and len(problem_text(problem, "en")) < 400


# Three quotes that open no string: in a comment, in a one-line literal string.
QUOTES_OUTSIDE_STRINGS = [
    '[[clauses]]\nid = "a"  # 原文用 """ 括起\n[[clauses]]\nid = "b"\nkind = "section"\n',
    '[[clauses]]\nid = \'引号 """ 在内\'\n[[clauses]]\nid = "b"\nkind = "section"\n',
    '[[clauses]]\nid = "a"\ntext = """一行"""  # 又一个 """\n[[clauses]]\nid = "b"\nkind = "section"\n',
]


@pytest.mark.parametrize("source", QUOTES_OUTSIDE_STRINGS)
def test_three_quotes_that_open_no_string_do_not_hide_the_lines_after_them(source):
    import tomllib

    from policytui.core.toml_lines import line_of

    assert [c["id"] for c in tomllib.loads(source)["clauses"]][1] == "b"  # the source is valid TOML
    lines = source.splitlines()
    assert line_of(source, ("clauses", 1, "id")) == lines.index('id = "b"') + 1
    assert line_of(source, ("clauses", 1, "kind")) == len(lines)
