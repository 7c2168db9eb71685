"""Profile estimates: what a profile meets, both totals, set-aside items, near misses, bad profiles."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from policytui.core.calc.estimate import estimate
from policytui.core.calc.markdown import estimate_markdown
from policytui.core.calc.profile import Profile, Project, load_profile
from policytui.core.calc.serialize import estimate_json
from policytui.core.locations import bundled_data_dir
from tests.conftest import AS_OF

EXAMPLE = bundled_data_dir() / "profiles" / "example.toml"


@pytest.fixture(scope="module")
def example(library):
    profile, problems = load_profile(EXAMPLE, list(library.rules.values()))
    assert problems == []
    return estimate(library, profile, AS_OF)


def by_rule(est):
    return {(r.rule.id, r.label): r for r in est.items}


def test_the_example_meets_rules_in_both_cities(example):
    items = by_rule(example)
    assert items[("wuxi-draft:hq-landing", "")].amount_yuan == Decimal("9600000")
    assert items[("wuxi-draft:industrial-software", "工业仿真软件平台")].amount_yuan == Decimal("6000000")
    assert items[("wuxi-draft:quality-certification", "CMMI5")].amount_yuan == Decimal("500000")
    assert items[("nanjing-2021:hq", "")].amount_yuan is None
    assert ("wuxi-draft:ipo", "") not in items  # no listing in the profile


def test_both_totals_side_by_side(example):
    # plain sum: 960+500+2000+500+50+50+50+20+600+500+80 万; non-stacking keeps 960, 2000, 500, 600, 80 万
    assert example.total_yuan == Decimal("53100000")
    assert example.total_non_stacking_yuan == Decimal("41400000")
    assert example.upper_bound


def test_set_aside_items_name_the_kept_award_and_the_reason(example):
    aside = {(s.item.rule.id, s.item.label): s for s in example.set_aside}
    assert set(aside) == {
        ("wuxi-draft:open-source-landing", ""), ("wuxi-draft:core-tech", "工业仿真软件平台"),
        ("wuxi-draft:specialised", ""), ("wuxi-draft:feifeng", ""),
        ("wuxi-draft:quality-certification", "CMMI5"), ("wuxi-draft:quality-certification", "DCMM"),
    }
    landing = aside[("wuxi-draft:open-source-landing", "")]
    assert landing.kept.rule.id == "wuxi-draft:hq-landing" and landing.group == "wuxi-draft:landing"
    assert "重叠、交叉" in landing.reason and "总部企业落户奖励" in landing.reason
    project = aside[("wuxi-draft:core-tech", "工业仿真软件平台")]
    assert project.group == "project:工业仿真软件平台" and project.kept.rule.id == "wuxi-draft:industrial-software"


def test_encouraged_and_unspecified_items_are_listed_but_not_counted(example):
    assert {r.rule.id for r in example.not_counted} == {
        "wuxi-draft:rent-subsidy", "nanjing-2021:hq", "nanjing-2021:revenue-milestone", "nanjing-2021:product"}
    assert any("新入驻软件企业租金补贴" in n for n in example.notes)
    assert any("3 项" in n for n in example.notes)


def test_near_miss_says_how_much_more_reaches_the_next_tier(example):
    [miss] = example.near_misses
    assert miss.item.rule.id == "wuxi-draft:hq-landing" and miss.gap == Decimal("20000000")
    assert miss.reached.amount_yuan == Decimal("15000000")
    assert "再增加 2000万元 即达到 [5亿元, ∞) 档（3%），可得 1500万元（现为 960万元）" in miss.message


def test_the_near_miss_of_the_issue(library):
    profile = Profile("9700万", None, ("无锡",), {"new_in_city": True, "headquarters": True, "paid_in_capital": "9700万"})
    [miss] = estimate(library, profile, AS_OF, "en").near_misses
    assert miss.gap == Decimal("3000000")
    assert "another 300万元 of Paid-in capital (in the accounting year) reaches the tier [1亿元, 5亿元) (2%)" in miss.message


def test_a_threshold_just_missed_is_a_near_miss(library):
    profile = Profile("p", None, ("无锡",), {"open_source_firm": True, "investment": "1900万",
                                              "years_since_registration": "1"})
    result = estimate(library, profile, AS_OF)
    assert [r.rule.id for r in result.not_met] == ["wuxi-draft:open-source-landing"]
    [miss] = result.near_misses
    assert miss.gap == Decimal("1000000") and miss.reached.amount_yuan == Decimal("2000000")


def test_a_missed_condition_that_money_cannot_fix_is_no_near_miss(library):
    profile = Profile("p", None, ("无锡",), {"open_source_firm": True, "investment": "1900万",
                                              "years_since_registration": "5"})
    assert estimate(library, profile, AS_OF).near_misses == ()


def test_cities_limit_the_policies(library):
    profile = Profile("p", None, ("南京",), {"new_in_city": True, "headquarters": True, "paid_in_capital": "2亿"})
    result = estimate(library, profile, AS_OF)
    assert [r.rule.id for r in result.items] == ["nanjing-2021:hq"]
    assert result.total_yuan == 0 and result.warnings and all("无锡" not in w for w in result.warnings)


def test_a_profile_pointing_at_a_rule_without_its_facts_says_what_is_missing(library):
    profile = Profile("p", None, (), {"new_in_city": True, "headquarters": True})
    [missing] = [i for i in estimate(library, profile, AS_OF).incomplete]
    assert (missing.rule.id, missing.missing) == ("wuxi-draft:hq-landing", ("paid_in_capital",))


def test_same_project_awards_do_not_stack_but_different_projects_do(library):
    projects = (Project("A", ("industrial-software", "core-tech"), {"investment": "100万"}),
                Project("B", ("emerging-tech",), {"investment": "100万"}))
    result = estimate(library, Profile("p", None, ("无锡",), {}, projects), AS_OF)
    # A: core-tech 最高500万 beats industrial-software 50万; B stacks
    assert [(s.item.rule.id, s.kept.rule.id) for s in result.set_aside] == [
        ("wuxi-draft:industrial-software", "wuxi-draft:core-tech")]
    assert result.total_non_stacking_yuan == Decimal("5000000") + Decimal("100000")


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "firm.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_bad_money_fact_is_a_problem_with_its_line_not_a_crash(library, tmp_path):
    path = write(tmp_path, '[profile]\nname = "x"\n\n[facts]\nnew_in_city = true\nheadquarters = true\n'
                           'paid_in_capital = "abc"\n')
    profile, problems = load_profile(path, list(library.rules.values()))
    assert problems == []
    result = estimate(library, profile, AS_OF)
    [problem] = result.problems
    assert (problem.where, problem.line) == ("facts.paid_in_capital", 7)
    assert "可用写法" in problem.message
    assert "wuxi-draft:hq-landing" not in {r.rule.id for r in result.items}
    assert "wuxi-draft:hq-contribution" in {r.rule.id for r in result.items}  # the rest still estimated


def test_profile_reading_problems(library, tmp_path):
    path = write(tmp_path, '[profile]\nname = "x"\n[facts]\npaid_capital = "1亿"\nratio = 0.5\n'
                           '[[projects]]\nname = "p"\nkinds = ["core-teck"]\n')
    profile, problems = load_profile(path, list(library.rules.values()))
    assert profile is None
    messages = {p.where: p for p in problems}
    assert "paid_in_capital" in messages["facts.paid_capital"].expected
    assert messages["facts.paid_capital"].severity == "warning"
    assert messages["facts.ratio"].severity == "error" and messages["facts.ratio"].line == 5
    assert "core-tech" in messages["projects[0].kinds"].expected


def test_a_profile_without_its_table_is_refused(library, tmp_path):
    profile, problems = load_profile(write(tmp_path, "[facts]\n"), list(library.rules.values()))
    assert profile is None and "[profile] table is missing" in problems[0].message


def test_json_and_markdown_of_the_example(example):
    data = estimate_json(example)
    assert data["total_yuan"] == 53100000 and data["total_non_stacking_yuan"] == 41400000
    assert {"rule", "amount_yuan", "kept", "reason"} <= set(data["set_aside"][0])
    assert data["near_misses"][0]["gap_yuan"] == 20000000
    standing = {(i["rule"], i["label"]): i["standing"] for i in data["items"]}
    assert standing[("wuxi-draft:feifeng", None)] == "set-aside"
    assert standing[("nanjing-2021:hq", None)] == "not-counted"
    text = estimate_markdown(example)
    assert "- **简单合计：5310万元**" in text and "- **就高不重复合计：4140万元**" in text
