"""Profile estimates on the fixture cities (tests/fixtures/estimates): three totals, readings, per city.

甲市 has a non-stacking sentence with a plain half (第一条 or 第六条, not both) and a half that
needs reading (荣誉类: which awards?), a park operator's award, a ceiling set by another
policy, a "registered within 3 years" condition and a listing award whose 分档 is in one half.
乙市 has one exact award. Facts about the bundled policies' estimates are in test_data.py.
The records are checked by value; the last tests read their words in both languages.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from policytui.core.calc.estimate import estimate
from policytui.core.calc.profile import Profile, load_profile
from policytui.core.calc.trace import Bounded
from policytui.core.loader import load_files, parse_file, toml_files
from policytui.core.locations import bundled_data_dir
from policytui.render.calc.estimate_text import (
    estimate_warnings,
    near_miss_text,
    profile_problems,
    reading_alternative,
    set_aside_reason,
    total_worded,
)
from policytui.render.calc.markdown import estimate_markdown
from policytui.render.calc.rich_views import estimate_view
from policytui.render.calc.serialize import estimate_json
from policytui.render.calc.wording import choice_aliases, notes, say
from policytui.render.problems import worded
from tests.conftest import AS_OF, FIXTURES

WAN = Decimal(10_000)
FIRM = {
    "headquarters": True,
    "capital": "3亿",
    "rated_specialised": True,
    "certifications": ("CMMI", "DCMM"),
    "famous_park": True,
    "new_firm": True,
    "investment": "2000万",
    "years_since_registration": "1",
    "listing": "domestic",
}


@pytest.fixture(scope="module")
def cities():
    files = [bundled_data_dir() / "topics.toml", *toml_files(FIXTURES / "estimates")]
    library = load_files([parse_file(p, "bundled") for p in files])
    assert library.problems == [] and sorted(library.policies) == ["jia-2024", "yi-2024"]
    return library


def jia(library, **options):
    return estimate(library, Profile("甲", None, ("甲市",), FIRM), AS_OF, **options)


def by_rule(est):
    """The items by rule and what they are about (a project, a choice)."""
    return {(r.rule.id, " · ".join([*([r.label] if r.label else []), *r.chosen])): r for r in est.items}


def test_three_totals_plain_strict_and_lenient(cities):
    est = jia(cities)
    # 300 (hq) + 50 + 30 + 30 + 100 (landing) + 200 (listing) 万; the park award and the ceiling are not the firm's
    assert est.totals.plain_yuan == 710 * WAN
    # the text plainly rules out 第一条 with 第六条: both totals drop the landing subsidy
    assert est.totals.lenient_yuan == 610 * WAN
    # the strict reading also keeps one certification per firm, and one honour
    assert est.totals.strict_yuan == 550 * WAN
    assert est.totals.upper_bound


def test_each_group_carries_its_basis_and_says_whether_it_is_the_tools_reading(cities):
    readings = {r.id: r for r in jia(cities).readings}
    landing = readings["jia-2024:landing"]
    assert (
        not landing.interpretation and landing.basis == "同一企业同时符合第一条和第六条的，只能选择其中一项"
    )
    honours = readings["jia-2024:honours"]
    assert honours.interpretation and honours.basis == "本办法中的荣誉类奖励，按照就高不重复的原则执行"
    assert honours.group is not None and honours.group.id == "jia-2024:honours"
    assert "宽松口径" in reading_alternative(honours, "zh")
    per_firm = readings["jia-2024:certification:per-firm"]
    assert per_firm.interpretation and per_firm.basis == "对首次通过CMMI、DCMM等认证的企业"
    assert per_firm.group is None and per_firm.kept.rule.id == "jia-2024:certification"


def test_standing_says_under_which_reading_an_item_is_set_aside(cities):
    est = jia(cities)
    items = by_rule(est)
    assert est.standing(items[("jia-2024:landing", "")]) == "set-aside"
    assert est.standing(items[("jia-2024:certification", "DCMM")]) == "strict-set-aside"
    assert est.standing(items[("jia-2024:hq", "")]) == "counted"
    assert est.standing(items[("jia-2024:park", "")]) == "other-recipient"
    assert est.standing(items[("jia-2024:contribution", "")]) == "ceiling"


def test_a_certification_is_once_per_firm_strictly_and_per_certification_leniently(cities):
    profile = Profile("c", None, ("甲市",), {"certifications": ("CMMI", "DCMM")})
    est = estimate(cities, profile, AS_OF)
    assert (est.totals.plain_yuan, est.totals.lenient_yuan, est.totals.strict_yuan) == (
        60 * WAN,
        60 * WAN,
        30 * WAN,
    )
    [aside] = est.set_aside
    assert aside.strict_only and aside.item.chosen == ("DCMM",) and aside.kept.chosen == ("CMMI",)
    assert aside.reading.id == "jia-2024:certification:per-firm"
    assert (
        "严格口径" in set_aside_reason(aside, "zh") and "strict" in set_aside_reason(aside, "en").casefold()
    )


def test_awards_to_someone_else_are_listed_apart_never_in_the_firms_totals(cities):
    est = estimate(cities, Profile("p", None, ("甲市",), {"famous_park": True}), AS_OF)
    assert [r.rule.id for r in est.others] == ["jia-2024:park"]
    assert est.totals.plain_yuan == 0 and est.totals.figures == 0
    assert "园区运营主体" in estimate_markdown(est, "zh")


def test_a_ceiling_from_another_policy_counts_only_when_asked(cities):
    assert [r.rule.id for r in jia(cities).ceilings] == ["jia-2024:contribution"]
    included = jia(cities, include_ceilings=True)
    assert included.totals.plain_yuan == 1710 * WAN
    assert included.standing(by_rule(included)[("jia-2024:contribution", "")]) == "counted"
    assert "calc.estimate.per_year" in [n.key for n in included.notes]  # a yearly ceiling counts one year


def test_totals_say_at_most_only_when_an_item_is_a_ceiling(cities):
    exact = estimate(cities, Profile("y", None, ("乙市",), {"headquarters": True}), AS_OF)
    assert (
        not exact.totals.upper_bound
        and total_worded(exact.totals, exact.totals.plain_yuan, "zh") == "200万元"
    )
    bounded = jia(cities)
    assert total_worded(bounded.totals, bounded.totals.plain_yuan, "en") == "at most 710万元"
    text = estimate_markdown(bounded, "zh")
    assert "- **简单合计：最高 710万元**" in text and "- **严格口径合计：最高 550万元**" in text
    assert "- **宽松口径合计：最高 610万元**" in text


def test_a_near_miss_says_at_most_never_receivable(cities):
    profile = Profile("n", None, ("甲市",), {"headquarters": True, "capital": "900万"})
    [miss] = estimate(cities, profile, AS_OF).near_misses
    # 1% of 1000万 is exact (the 500万 cap does not bind), so no 最高; never 可得 either way
    assert miss.gap == 100 * WAN and miss.reached.outcome == Bounded(10 * WAN, upper=False, lower=False)
    message = near_miss_text(miss, "zh")
    assert "则为 10万元" in message and "可得" not in message
    assert "another 100万元 of" in near_miss_text(
        miss, "en"
    ) and ": 10万元 (now not eligible)" in near_miss_text(miss, "en")


def test_cities_are_never_added_up_unless_asked(cities):
    both = estimate(cities, Profile("b", None, (), FIRM), AS_OF)
    assert both.totals is None and not both.combined
    assert {p.policy.id: p.totals.plain_yuan for p in both.parts} == {
        "jia-2024": 710 * WAN,
        "yi-2024": 200 * WAN,
    }
    assert estimate_json(both, "zh")["totals"] is None
    combined = estimate(cities, Profile("b", None, (), FIRM), AS_OF, combine=True)
    assert (combined.totals.plain_yuan, combined.totals.strict_yuan, combined.totals.lenient_yuan) == (
        910 * WAN,
        750 * WAN,
        810 * WAN,
    )
    assert combined.combined and any(
        "假定企业在每个城市都符合条件" in w for w in estimate_warnings(combined, "zh")
    )


def test_a_city_no_policy_covers_is_an_error_naming_the_loaded_cities(cities):
    est = estimate(cities, Profile("x", None, ("丙市",), FIRM), AS_OF)
    [problem] = est.problems
    assert problem.path == ("profile", "cities") and problem.what.params == {
        "city": "丙市",
        "cities": ("甲市", "乙市"),
    }
    [worded] = profile_problems(est, "zh")
    assert worded.where == "profile.cities" and "丙市" in worded.message and "甲市、乙市" in worded.message
    assert est.items == ()  # not every city instead
    assert estimate(cities, Profile("x", None, ("Yi",), FIRM), AS_OF).problems == ()  # English names work


def test_the_registered_within_condition_has_two_readings_in_result_and_estimate(cities):
    old = Profile(
        "o", None, ("甲市",), {"new_firm": True, "investment": "2000万", "years_since_registration": "5"}
    )
    est = estimate(cities, old, AS_OF)
    [result] = est.not_met
    assert [n.kind for n in result.notes] == ["registered-within"] and any(
        "两种理解" in n for n in notes(result, "zh")
    )
    [caution] = est.cautions
    assert caution.key == "calc.estimate.two_readings.not_met" and caution.params["rule"] is result
    words = say(caution, "zh")
    assert "不符合" in words and "可能符合" in words and "在本市注册3年内实际投资额不低于1000万元" in words


def test_a_note_applies_only_to_the_half_its_quote_comes_from(cities):
    results = by_rule(jia(cities))
    assert "tiered" in [n.kind for n in results[("jia-2024:ipo", "")].notes]
    overseas = estimate(cities, Profile("o", None, ("甲市",), {"listing": "overseas"}), AS_OF)
    assert "tiered" not in [n.kind for n in overseas.items[0].notes]


def test_json_carries_totals_groups_basis_and_interpretation(cities):
    data = estimate_json(jia(cities), "zh")
    assert data["totals"] == {
        "plain_yuan": 7100000,
        "strict_yuan": 5500000,
        "lenient_yuan": 6100000,
        "upper_bound": True,
    }
    groups = {g["id"]: g for g in data["groups"]}
    assert groups["jia-2024:honours"]["interpretation"] is True
    assert groups["jia-2024:landing"]["interpretation"] is False
    assert groups["jia-2024:landing"]["basis"] == "同一企业同时符合第一条和第六条的，只能选择其中一项"
    assert data["other_recipients"][0]["recipient"] == "park-operator"
    assert data["ceilings"] == {
        "included": False,
        "items": [{"rule": "jia-2024:contribution", "label": None, "amount_yuan": 10000000}],
    }


@pytest.mark.parametrize(
    "lang, names",
    [
        ("zh", ("简单合计", "严格口径合计", "宽松口径合计", "本工具的理解", "依据原文", "另一种理解")),
        (
            "en",
            (
                "Plain sum",
                "Strict-reading total",
                "Lenient-reading total",
                "the tool's reading",
                "Basis in the text",
                "The other reading",
            ),
        ),
    ],
)
def test_the_view_and_markdown_name_each_total_and_reading(cities, lang, names):
    from rich.console import Console

    est = jia(cities)
    console = Console(width=200, record=True)
    console.print(estimate_view(est, lang))
    for text in (console.export_text(), estimate_markdown(est, lang)):
        assert all(name in text for name in names), [n for n in names if n not in text]


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "firm.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_bad_money_fact_is_a_problem_with_its_line_not_a_crash(library, tmp_path):
    path = write(
        tmp_path,
        '[profile]\nname = "x"\n\n[facts]\nnew_in_city = true\nheadquarters = true\n'
        'paid_in_capital = "abc"\n',
    )
    profile, problems = load_profile(path, list(library.rules.values()))
    assert problems == []
    result = estimate(library, profile, AS_OF, aliases=choice_aliases)
    [problem] = profile_problems(result, "zh")
    assert (problem.where, problem.line) == ("facts.paid_in_capital", 7)
    assert "可用写法" in problem.message and "Accepted forms" in profile_problems(result, "en")[0].message
    assert "wuxi-draft:hq-landing" not in {r.rule.id for r in result.items}
    assert "wuxi-draft:hq-contribution" in {r.rule.id for r in result.items}  # the rest still estimated


def test_profile_reading_problems(library, tmp_path):
    path = write(
        tmp_path,
        '[profile]\nname = "x"\n[facts]\npaid_capital = "1亿"\nratio = 0.5\n'
        '[[projects]]\nname = "p"\nkinds = ["core-teck"]\n',
    )
    profile, problems = load_profile(path, list(library.rules.values()))
    assert profile is None
    messages = {p.where: p for p in problems}
    assert "paid_in_capital" in worded(messages["facts.paid_capital"], "en").expected
    assert messages["facts.paid_capital"].severity == "warning"
    assert messages["facts.ratio"].severity == "error" and messages["facts.ratio"].line == 5
    assert "core-tech" in worded(messages["projects[0].kinds"], "en").expected


def test_a_profile_without_its_table_is_refused(library, tmp_path):
    profile, problems = load_profile(write(tmp_path, "[facts]\n"), list(library.rules.values()))
    assert profile is None and "[profile] table is missing" in worded(problems[0], "en").message


def test_rules_with_no_profile_link_are_named_per_policy_not_dropped_in_silence(cities):
    """An imported city's draft rules say nothing of a firm's facts: the estimate says so."""
    files = [
        bundled_data_dir() / "topics.toml",
        *toml_files(FIXTURES / "estimates"),
        *toml_files(FIXTURES / "city3"),
    ]
    library = load_files([parse_file(p, "bundled") for p in files])
    est = estimate(library, Profile("x", None, ("河湾",), FIRM), AS_OF)
    [unlinked] = [n for n in est.notes if n.key == "calc.estimate.unlinked"]
    assert (unlinked.params["n"], unlinked.params["policy"].id) == (1, "hewan-2025")  # talent-housing
    assert say(unlinked, "zh").startswith("河湾《河湾市促进软件和信息技术服务业发展若干措施》有 1 条规则")
    assert say(unlinked, "en").startswith(
        "1 rule of Hewan《河湾市促进软件和信息技术服务业发展若干措施》 says"
    )
    assert not [n for n in jia(cities).notes if n.key == "calc.estimate.unlinked"]
