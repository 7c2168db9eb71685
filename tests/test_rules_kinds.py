"""The rule kinds on the fixture third city (tests/fixtures/city3): stepped awards with the
difference rule, a rate on the part above a line, rates by category, an award paid to a
government; exact against upper-bound results; sweeps; ambiguous and unknown ids."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from policytui.core.calc.cases import run_cases
from policytui.core.calc.engine import calculate
from policytui.core.calc.kinds import KINDS
from policytui.core.calc.rules import RuleKind
from policytui.core.calc.sweep import sweep
from policytui.core.calc.trace import Bounded
from policytui.core.loader import load_library
from policytui.core.locations import data_dirs
from policytui.render.calc.wording import choice_aliases
from tests.conftest import AS_OF, FIXTURES

CITY3 = str(FIXTURES / "city3")


@pytest.fixture(scope="module")
def three_cities():
    return load_library(dirs=data_dirs([CITY3], user=False, env={}))


def calc(library, rule_id: str, **raw: str):
    return calculate(library, library.rules[rule_id], raw, AS_OF)


def said(result, key: str) -> dict[str, object]:
    """The values of the one step said with `key`."""
    (found,) = [dict(step.params) for step in result.steps if step.key == key]
    return found


def where(result, key: str) -> int:
    return [step.key for step in result.steps].index(key)


def test_the_third_city_loads_clean_and_every_kind_has_a_rule_and_a_class(three_cities):
    assert [str(p) for p in three_cities.problems] == []
    kinds = {r.kind for r in three_cities.rules.values() if r.policy_id == "hewan-2025"}
    assert kinds == set(RuleKind) == set(KINDS)


def test_every_golden_case_of_the_third_city_passes(three_cities):
    rules = [r for r in three_cities.rules.values() if r.policy_id == "hewan-2025"]
    outcomes = list(run_cases(three_cities, rules, AS_OF, choice_aliases))
    assert len(outcomes) >= 36 and [o.problem() for o in outcomes if not o.passed] == []


def test_a_stepped_award_pays_the_difference_and_says_what_it_subtracted(three_cities):
    result = calc(three_cities, "hewan-2025:revenue-step", revenue="12亿", rewarded_revenue="1.5亿")
    assert result.amount_yuan == Decimal(800_000) and not result.upper_bound
    step = said(result, "calc.step.step")
    assert (step["range"].lower.printed, step["range"].upper, step["figure"].yuan) == (
        "10亿元",
        None,
        1_000_000,
    )
    difference = said(result, "calc.step.difference")
    assert difference["input"] == "rewarded_revenue" and difference["range"].lower.printed == "1亿元"
    assert (difference["award"], difference["reached"], difference["amount"]) == (1_000_000, 200_000, 800_000)
    same_step = calc(three_cities, "hewan-2025:revenue-step", revenue="9亿", rewarded_revenue="5亿")
    assert (
        not same_step.eligible
        and same_step.why_not is not None
        and same_step.why_not.key == "calc.step.no_new_step"
    )


def test_a_rate_on_the_part_above_shows_the_subtraction_then_the_rate_then_the_cap(three_cities):
    result = calc(three_cities, "hewan-2025:revenue-growth", revenue="3亿")
    assert (
        where(result, "calc.step.above")
        < where(result, "calc.step.multiply")
        < where(result, "calc.step.cap.applied")
    )
    assert said(result, "calc.step.above") == {
        "base": 300_000_000,
        "threshold": "2000万元",
        "part": 280_000_000,
    }
    multiply = said(result, "calc.step.multiply")
    assert (multiply["base"], multiply["rate"].printed, multiply["amount"]) == (280_000_000, "1%", 2_800_000)
    assert result.outcome == Bounded(Decimal(2_000_000), upper=True, lower=False)


def test_an_exact_rate_below_its_cap_is_exact_not_an_upper_bound(three_cities):
    result = calc(three_cities, "hewan-2025:revenue-growth", revenue="3000万")
    assert result.outcome == Bounded(Decimal(100_000), upper=False, lower=False)
    assert result.cap_yuan == Decimal(2_000_000)  # the cap is still reported
    # a rate printed with 不超过 stays an upper bound below its cap
    bounded = load_library(dirs=data_dirs(user=False, env={}))
    assert calc(bounded, "wuxi-draft:open-source-project", investment="500万").upper_bound


def test_rates_by_category_pick_the_rate_of_the_choice(three_cities):
    first = calc(three_cities, "hewan-2025:stats-entry", year="first-year", revenue="3000万")
    second = calc(three_cities, "hewan-2025:stats-entry", year="second-year", revenue="3000万")
    assert (first.amount_yuan, second.amount_yuan) == (Decimal(300_000), Decimal(150_000))
    chosen = said(second, "calc.step.rate_by_choice")
    assert (chosen["choice"], chosen["rate"].printed) == (
        "second-year",
        "0.5%",
    ) and "第2年按0.5%给予奖励" in chosen["quote"]


def test_an_award_to_a_government_is_shown_as_such_and_not_paid_to_the_firm(three_cities):
    result = calc(three_cities, "hewan-2025:investment-attraction", first_year_revenue="7亿")
    assert result.eligible and result.amount_yuan == Decimal(3_000_000)
    assert not result.paid_to_firm and said(result, "calc.step.government") == {}
    assert calc(three_cities, "hewan-2025:talent-housing").paid_to_firm


def test_the_sweep_marks_every_step_and_the_start_of_the_part_above(three_cities):
    steps = sweep(
        three_cities,
        three_cities.rules["hewan-2025:revenue-step"],
        {"rewarded_revenue": Decimal(0)},
        "revenue",
        Decimal(0),
        Decimal(1_500_000_000),
        AS_OF,
    )
    assert [(m.x, after) for m, _, after in steps.jumps()] == [
        (Decimal(100_000_000), Decimal(200_000)),
        (Decimal(500_000_000), Decimal(500_000)),
        (Decimal(1_000_000_000), Decimal(1_000_000)),
    ]
    growth = sweep(
        three_cities,
        three_cities.rules["hewan-2025:revenue-growth"],
        {},
        "revenue",
        Decimal(0),
        Decimal(300_000_000),
        AS_OF,
    )
    assert [m.x for m in growth.marks] == [Decimal("20000000.01"), Decimal(220_000_000)]


def test_cli_calc_json_and_sweep_for_the_new_kinds(cli):
    code, out, _ = cli(
        "calc", "revenue-step", "revenue=5亿", "rewarded_revenue=1亿", "--json", "--data", CITY3
    )
    data = json.loads(out)
    assert code == 0 and (data["amount_yuan"], data["upper_bound"]) == (300000, False)
    code, out, _ = cli(
        "calc",
        "hewan-2025:stats-entry",
        "year=second-year",
        "--sweep",
        "revenue=0..2亿",
        "--json",
        "--data",
        CITY3,
    )
    assert code == 0 and [m["x"] for m in json.loads(out)["marks"]] == [100000000]
    code, out, _ = cli("calc", "investment-attraction", "first_year_revenue=6亿", "--json", "--data", CITY3)
    assert json.loads(out)["recipient"] == "government"


@pytest.mark.parametrize(
    "argv, matches",
    [
        (("show", "m1"), "wuxi-draft/m1, hewan-2025/m1"),
        (("calc", "platform"), "wuxi-draft:platform, hewan-2025:platform"),
    ],
)
def test_an_id_in_several_policies_lists_every_match_and_exits_2(cli, argv, matches):
    code, out, err = cli(*argv, "--data", CITY3, "--lang", "en")
    assert code == 2 and out == ""
    assert err.strip() == f"policytui: error: '{argv[1]}' matches several ids; give the full id: {matches}"


def test_an_unknown_local_id_suggests_the_closest_full_ids(cli):
    code, _, err = cli("show", "m55", "--data", CITY3, "--lang", "en")
    assert code == 2 and "closest:" in err and "hewan-2025/m5" in err
    code, _, err = cli("calc", "revenue-stp", "--data", CITY3, "--lang", "en")
    assert code == 2 and "closest: hewan-2025:revenue-step" in err


def test_calc_list_has_a_status_column(cli):
    code, out, _ = cli("calc", "--list", "--data", CITY3, "--lang", "en")
    row = next(line for line in out.splitlines() if line.startswith("hewan-2025:revenue-step"))
    assert code == 0 and "Status" in out.splitlines()[0] and "In force" in row
    code, out, _ = cli("calc", "--list", "--json", "--data", CITY3)
    statuses = {r["id"]: r["status"]["validity"] for r in json.loads(out)}
    assert statuses["hewan-2025:revenue-step"] == "in-force" and statuses["wuxi-draft:ipo"] == "expired"


def test_the_sweep_calls_its_amounts_ceilings_only_when_they_are(cli):
    code, out, _ = cli("calc", "revenue-growth", "--sweep", "revenue=0..1亿", "--data", CITY3, "--lang", "en")
    assert code == 0 and "ceiling" not in out  # an exact 1% below its cap
    code, out, _ = cli(
        "calc", "hq-landing", "--sweep", "paid_in_capital=0..30亿", "--data", CITY3, "--lang", "en"
    )
    assert code == 0 and "Every amount in the chart is a ceiling" in out  # 不超过1%、2%、3%
