"""What issue 13 added to the formats, on fixture data: departments a clause carries forward,
a draft past its proposed validity, group and note fields checked like the rest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policytui.core.loader import load_files, parse_file, toml_files
from policytui.core.locations import bundled_data_dir
from policytui.core.model import Policy
from policytui.core.status import policy_status
from policytui.i18n import status_labels, status_warnings
from policytui.present import departments_text
from policytui.render.problems import worded
from tests.conftest import AS_OF, FIXTURES

CITIES = FIXTURES / "estimates"
JIA_RULES = CITIES / "rules" / "jia-2024.toml"


def load(*paths: Path):
    files = [bundled_data_dir() / "topics.toml", *paths]
    return load_files([parse_file(p, "bundled") for p in files])


@pytest.fixture(scope="module")
def jia():
    library = load(*toml_files(CITIES))
    assert library.problems == []
    return library.policies["jia-2024"]


def test_departments_named_for_every_later_measure_are_carried_to_each(jia):
    assert (
        departments_text(jia, jia.clause("a2"))
        == "市工业和信息化局；另有各区人民政府（据第一条：“以下均需各区人民政府落实，不再列出”）"
    )
    assert "per 第一条" in departments_text(jia, jia.clause("a7"), "en")
    assert (
        departments_text(jia, jia.clause("a1")) == "市发展改革委"
    )  # the clause that says it lists them itself
    assert jia.carried_departments(jia.clause("a5")) == []  # a clause naming no departments gets none


def test_show_prints_the_carried_departments(cli):
    code, out, _ = cli("show", "jia-2024/a6", "--data", str(CITIES))
    assert code == 0 and "另有各区人民政府" in out
    code, out, _ = cli("show", "jia-2024/a6", "--json", "--data", str(CITIES))
    assert '"departments_carried"' in out and '"from": "jia-2024/a1"' in out


def test_carried_departments_must_quote_the_clause(tmp_path):
    broken = tmp_path / "jia.toml"
    source = (CITIES / "jia-2024.toml").read_text(encoding="utf-8")
    broken.write_text(
        source.replace('quote = "以下均需各区人民政府落实，不再列出"', 'quote = "以下均需落实"'),
        encoding="utf-8",
    )
    problem = load(broken).problems[0]
    assert (
        problem.where == "clauses[0].standing_departments.quote"
        and "not in the clause's text" in worded(problem, "en").message
    )


def test_a_draft_past_its_proposed_validity_is_not_called_expired():
    draft = Policy(
        id="d",
        title="某办法",
        city="某市",
        city_en="",
        file=Path("d.toml"),
        clauses=(),
        draft=True,
        draft_label="征求意见稿",
        valid_until=date(2025, 12, 31),
        valid_until_printed="2025-12-31",
    )
    status = policy_status(draft, AS_OF)
    assert status_labels(status) == ["征求意见稿", "拟定有效期已过（拟至2025-12-31）"]
    assert status_labels(status, "en") == [
        "Draft for comments",
        "Proposed validity has passed (proposed until 2025-12-31)",
    ]
    assert not any("已于" in w for w in status_warnings(status, draft.display_title))
    issued = Policy(
        id="i",
        title="某办法",
        city="某市",
        city_en="",
        file=Path("i.toml"),
        clauses=(),
        valid_until=date(2025, 12, 31),
        valid_until_printed="2025-12-31",
    )
    assert status_labels(policy_status(issued, AS_OF)) == ["已失效（有效期至2025-12-31）"]


@pytest.mark.parametrize(
    "old, new, where, message",
    [
        ("interpretation = false", 'interpretation = "no"', "groups[1].interpretation", "true or false"),
        ('choice = "domestic"', 'choice = "abroad"', "rules[6].notes[0].choice", "'abroad' is not allowed"),
    ],
)
def test_group_and_note_fields_are_checked(tmp_path, old, new, where, message):
    broken = tmp_path / "jia-2024.toml"
    broken.write_text(JIA_RULES.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    problems = load(CITIES / "jia-2024.toml", broken).problems
    assert any(
        p.where == where and message in (worded(p, "en").message + worded(p, "en").expected) for p in problems
    ), [str(p) for p in problems]
