"""Planted bad files: each problem names its file, line or key path, what is wrong and what is expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from policytui.core.loader import load_library, parse_file
from policytui.core.locations import DataDir, data_dirs
from policytui.core.model import Problem
from policytui.core.toml_lines import line_of
from policytui.render.problems import worded
from tests.conftest import FIXTURES

BAD = FIXTURES / "bad"


def problems_for(name: str) -> list[Problem]:
    library = load_library(dirs=data_dirs([BAD / name], user=False, env={}))
    assert sorted(library.policies) == ["nanjing-2021", "wuxi-draft"], "bundled data must still load"
    return [p for p in library.problems if Path(p.file).name == name]


def errors_for(name: str) -> list[Problem]:
    return [p for p in problems_for(name) if p.severity == "error"]


def test_malformed_toml_names_the_line():
    [problem] = errors_for("malformed.toml")
    assert "malformed TOML" in worded(problem, "en").message and problem.line == 3


def test_missing_required_field():
    problem = errors_for("missing-title.toml")[0]
    assert problem.where == "policy.title" and "missing" in worded(problem, "en").message
    assert problem.line == 1  # the [policy] table it belongs in


def test_duplicate_policy_id_across_files():
    problem = errors_for("duplicate-id.toml")[0]
    assert "duplicate policy id 'wuxi-draft'" in worded(problem, "en").message
    assert "wuxi-draft.toml" in worded(problem, "en").message  # names the file that has it already


def test_unknown_topic_suggests_the_closest():
    problem = errors_for("unknown-topic.toml")[0]
    assert problem.where == "clauses[0].topics" and problem.line == 10
    assert (
        "unknown topic 'opensource'" in worded(problem, "en").message
        and "open-source" in worded(problem, "en").expected
    )


def test_bad_dates():
    problems = errors_for("bad-date.toml")
    assert {p.where for p in problems[:2]} == {"policy.issued", "policy.valid_until"}
    assert all("YYYY-MM" in worded(p, "en").expected for p in problems[:2])
    assert {p.line for p in problems[:2]} == {5, 6}


def test_amount_not_in_its_text():
    problem = errors_for("amount-not-in-text.toml")[0]
    assert problem.where == "clauses[0].amounts[0].value"
    assert "200万元 does not appear" in worded(problem, "en").message


def test_float_amounts_are_refused_as_inexact():
    problem = errors_for("float-amount.toml")[0]
    assert "inexact" in worded(problem, "en").message and "string" in worded(problem, "en").expected


def test_text_that_departs_from_its_source():
    problem = errors_for("not-verbatim.toml")[0]
    assert problem.where == "clauses[0].text" and "not verbatim" in worded(problem, "en").message
    assert "200万元" in worded(problem, "en").message


def test_every_bad_file_is_skipped_and_said_so():
    library = load_library(dirs=data_dirs([BAD], user=False, env={}))
    assert sorted(library.policies) == ["nanjing-2021", "wuxi-draft"]
    skipped = {Path(p.file).name for p in library.problems if "skipped" in worded(p, "en").message}
    assert skipped == {p.name for p in BAD.glob("*.toml")} - {"malformed.toml"}


def test_a_good_user_file_loads_from_the_user_directory(isolated_user_dirs):
    user_dir = isolated_user_dirs / "data" / "policytui"
    user_dir.mkdir(parents=True)
    for name in ("example-city.toml", "example-city.txt"):
        (user_dir / name).write_bytes((FIXTURES / "good" / name).read_bytes())
    library = load_library(dirs=data_dirs(env={}))
    assert "example-city" in library.policies and library.problems == []


def test_the_environment_variable_adds_directories():
    library = load_library(dirs=data_dirs(env={"POLICYTUI_DATA": str(FIXTURES / "good")}, user=False))
    assert library.policies["example-city"].clause("a1").amounts[0].yuan == 1_000_000


def test_a_missing_data_directory_is_reported():
    library = load_library(dirs=[DataDir(Path("/no/such/dir"), "option")])
    assert worded(library.problems[0], "en").message == "data directory does not exist"


def test_unreadable_bytes_are_reported(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes('title = "caf\xe9"'.encode("latin-1"))
    problem = parse_file(path)
    assert isinstance(problem, Problem) and "not UTF-8" in worded(problem, "en").message


def test_escape_sequences_are_removed_and_reported():
    library = load_library(dirs=data_dirs([FIXTURES / "hostile"], user=False, env={}))
    policy = library.policies["hostile"]
    clause = policy.clause("a1")
    assert "\x1b" not in policy.title + clause.title + clause.text and "\x07" not in clause.text
    assert clause.text == "[reverse]条款正文[/reverse]包含 [bold]标记[/bold]。"  # markup kept as text
    warnings = [p for p in library.problems if p.severity == "warning"]
    assert {p.where for p in warnings} >= {"policy.title", "clauses[0].title", "clauses[0].text"}


LINES_SOURCE = """schema = 1
[policy]
id = "x"

[[clauses]]
id = "a"
[[clauses.amounts]]
value = "1"

[[clauses]]
id = "b"
topics = ["talent"]
[[clauses.amounts]]
role = "award"
"""


@pytest.mark.parametrize(
    "path, line",
    [
        (("policy", "id"), 3),
        (("clauses", 0, "amounts", 0, "value"), 8),
        (("clauses", 1, "topics"), 12),
        (("clauses", 1, "amounts", 0, "role"), 14),
        (("clauses", 1, "missing_key"), 10),  # falls back to the enclosing table
    ],
)
def test_line_of_key_paths(path, line):
    assert line_of(LINES_SOURCE, path) == line


@pytest.mark.parametrize(
    "clauses, where, message, expected",
    [
        ('clauses = "第一条"', "clauses", "is a string", "[[clauses]] entries"),
        ("clauses = [1]", "clauses[0]", "is a whole number", "a [[clauses]] table"),
        ("clauses = []", "clauses", "no [[clauses]] entries", "one or more [[clauses]] entries"),
    ],
)
def test_arrays_of_tables_that_are_not(tmp_path, clauses, where, message, expected):
    path = tmp_path / "odd.toml"
    path.write_text(f'{clauses}\n[policy]\nid = "odd"\ntitle = "某"\ncity = "某市"\n', encoding="utf-8")
    library = load_library(dirs=data_dirs([path], user=False, env={}))
    problem = next(p for p in library.problems if p.where == where)
    assert (worded(problem, "en").message, worded(problem, "en").expected, problem.line) == (
        message,
        expected,
        1,
    )
