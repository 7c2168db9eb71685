"""Evaluating one rule: amounts, steps (keys and values), bounds, notes, input errors, and the what-if sweep.

How they are worded, in both languages, is tests/render/test_calc_wording.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from policytui.core.calc.engine import CalcResult, calculate, evaluate
from policytui.core.calc.inputs import InputError, parse_inputs
from policytui.core.calc.sweep import sweep
from policytui.core.calc.trace import Bounded
from policytui.core.status import Validity
from tests.conftest import AS_OF


def calc(library, rule_id, as_of=AS_OF, **raw):
    return calculate(library, library.rules[rule_id], raw, as_of)


def keys(result: CalcResult) -> list[str]:
    return [step.key for step in result.steps]


def params(result: CalcResult, key: str) -> dict[str, object]:
    """The values of the one step said with `key`."""
    (found,) = [dict(step.params) for step in result.steps if step.key == key]
    return found


def test_headquarters_reward_applies_the_tier_rate_to_the_whole_capital(library):
    result = calc(library, "wuxi-draft:hq-landing", paid_in_capital="2亿")
    assert result.amount_yuan == Decimal("4000000") and isinstance(result.amount_yuan, Decimal)
    assert result.tier.rate.value == 2
    assert result.upper_bound and result.cap_yuan == Decimal("60000000")
    assert keys(result) == [
        "calc.step.applies_to",
        "calc.step.tier",
        "calc.step.multiply",
        "calc.step.cap.not_reached",
        "calc.step.upper_bound",
        "calc.step.result",
    ]
    tier = params(result, "calc.step.tier")  # the tier and the words that set it
    assert (
        tier["input"] == "paid_in_capital"
        and tier["range"] is result.tier
        and "1亿元（含）至5亿元" in tier["quote"]
    )
    multiply = params(result, "calc.step.multiply")
    assert (multiply["base"], multiply["rate"], multiply["amount"]) == (
        Decimal("200000000"),
        result.tier.rate,
        Decimal("4000000"),
    )
    assert params(result, "calc.step.cap.not_reached")["cap"] == Decimal("60000000")
    assert params(result, "calc.step.upper_bound")["marks"] == ("不超过",)
    assert params(result, "calc.step.result")["amount"] == Bounded(
        Decimal("4000000"), upper=True, lower=False
    )


def test_the_cap_is_applied_and_said(library):
    result = calc(library, "wuxi-draft:hq-landing", paid_in_capital="30亿")
    assert result.amount_yuan == Decimal("60000000")
    cap = params(result, "calc.step.cap.applied")
    assert (cap["amount"], cap["cap"]) == (Decimal("90000000"), Decimal("60000000"))


def test_ineligible_input_gives_zero_and_the_reason(library):
    result = calc(
        library, "wuxi-draft:open-source-landing", investment="1999.99万", years_since_registration="2"
    )
    assert (result.eligible, result.amount_yuan, result.upper_bound) == (False, Decimal(0), False)
    failed = params(result, "calc.step.condition.failed")
    assert failed["input"] == "investment" and failed["bound"].printed == "2000万元"
    assert "实际投资额不低于2000万元" in failed["quote"]
    assert result.values["investment"] == Decimal("19999900")
    assert result.why_not is not None and dict(result.why_not.params) == failed
    assert keys(result)[-1] == "calc.step.ineligible"


def test_a_rate_result_is_exact_to_the_fen_and_rounded_down(library):
    result = calc(library, "wuxi-draft:hq-landing", paid_in_capital="33333333.33")
    assert result.amount_yuan == Decimal("333333.33")
    rounded = params(result, "calc.step.rounded.down")
    assert (rounded["exact"], rounded["amount"]) == (Decimal("333333.3333"), Decimal("333333.33"))


def test_the_rent_subsidy_is_a_lower_bound_encouraged_of_districts(library):
    result = calc(library, "wuxi-draft:rent-subsidy", annual_rent="100万")
    assert result.amount_yuan == Decimal("1500000")
    assert result.lower_bound and not result.upper_bound
    assert result.outcome == Bounded(Decimal("1500000"), upper=False, lower=True)
    assert params(result, "calc.step.years") == {
        "amount": Decimal("500000"),
        "years": 3,
        "total": Decimal("1500000"),
    }
    assert "encouraged" in [n.kind for n in result.notes]


def test_a_nanjing_rule_checks_eligibility_and_gives_no_amount(library):
    result = calc(library, "nanjing-2021:revenue-milestone", revenue="1.2亿")
    assert result.eligible and result.amount_yuan is None and result.outcome is None
    assert not result.upper_bound and result.cap_yuan is None
    assert "calc.step.unspecified" in keys(result) and "calc.step.result" not in keys(result)


def test_notes_are_the_rules_notes_that_apply(library):
    result = calc(library, "wuxi-draft:core-tech")
    assert {"may-rise", "tiered-selection"} <= {n.kind for n in result.notes}
    assert any("特别重大的项目可适当上浮" in n.quote for n in result.notes)
    spun_off = calc(library, "wuxi-draft:spun-off")
    assert any("每年评选出不超过3家企业" in n.quote for n in spun_off.notes)
    assert spun_off.rule.stacking is not None and "业绩奖励类" in spun_off.rule.stacking.quote


def test_every_wuxi_result_carries_its_draft_status_whatever_the_date(library):
    before_expiry = calc(library, "wuxi-draft:ipo", as_of=date(2024, 6, 30), market="domestic")
    assert before_expiry.status.draft and before_expiry.status.validity is not Validity.EXPIRED
    after = calc(library, "wuxi-draft:ipo", market="domestic")
    assert after.status.draft and after.status.validity is Validity.EXPIRED
    assert after.status.valid_until == date(2025, 12, 31) and "征求意见稿" in after.policy_title


def test_nanjing_is_expired_only_after_its_end(library):
    assert calc(library, "nanjing-2021:product", as_of=date(2024, 6, 30)).status.validity is Validity.IN_FORCE
    assert calc(library, "nanjing-2021:product").status.validity is Validity.EXPIRED


def test_a_choice_is_read_by_its_value_or_its_labels(library):
    rule = library.rules["wuxi-draft:ipo"]
    labels = {"overseas": ["境外", "Overseas"]}
    result = calculate(library, rule, {"market": "境外"}, AS_OF, lambda choice: labels.get(choice, []))
    assert result.values == {"market": "overseas"}
    assert (
        params(result, "calc.step.rate_by_choice" if rule.rates else "calc.step.level")["choice"]
        == "overseas"
    )
    assert result.outcome == Bounded(Decimal("2500000"), upper=True, lower=False)
    with pytest.raises(InputError):  # without the labels, only the value itself
        calc(library, "wuxi-draft:ipo", market="境外")


@pytest.mark.parametrize("raw", ["abc", "-5", "1e400", "", "  "])
def test_bad_money_is_an_error_code_on_its_field(library, raw):
    with pytest.raises(InputError) as error:
        calc(library, "wuxi-draft:hq-landing", paid_in_capital=raw)
    rule = library.rules["wuxi-draft:hq-landing"]
    assert error.value.field == "paid_in_capital"
    assert error.value.code == ("missing" if not raw.strip() else "money")
    assert error.value.params == {"input": rule.input("paid_in_capital"), "value": raw.strip()}


def test_money_finer_than_a_fen_is_refused(library):
    with pytest.raises(InputError) as error:
        calc(library, "wuxi-draft:hq-landing", paid_in_capital="1.234")
    assert error.value.code == "fen"


def test_every_bad_field_is_reported_and_good_ones_are_kept(library):
    rule = library.rules["wuxi-draft:open-source-landing"]
    values, errors = parse_inputs(
        rule, {"investment": "3000万", "years_since_registration": "three", "x": "1"}
    )
    assert values == {"investment": Decimal("30000000")}
    assert {name: e.code for name, e in errors.items()} == {
        "years_since_registration": "years",
        "x": "unknown_input",
    }
    assert errors["x"].params == {
        "rule": rule.id,
        "name": "x",
        "inputs": ("investment", "years_since_registration"),
    }


def test_a_choice_outside_the_text_is_refused(library):
    with pytest.raises(InputError) as error:
        calc(library, "wuxi-draft:innovation-center", level="municipal")
    assert (error.value.code, error.value.params["value"]) == ("choice", "municipal")


def test_evaluate_refuses_missing_inputs(library):
    with pytest.raises(InputError) as error:
        evaluate(library.rules["wuxi-draft:hq-landing"], {}, library, AS_OF)
    assert (error.value.field, error.value.code) == ("paid_in_capital", "missing")


def test_sweep_shows_the_jumps_at_the_tier_boundaries_and_the_cap(library):
    rule = library.rules["wuxi-draft:hq-landing"]
    result = sweep(library, rule, {}, "paid_in_capital", Decimal(0), Decimal("3000000000"), AS_OF)
    points = {x: r.amount_yuan for x, r in result.points}
    assert points[Decimal("9999999.99")] == 0 and points[Decimal("10000000")] == Decimal("100000")
    assert points[Decimal("99999999.99")] == Decimal("999999.99") and points[Decimal("100000000")] == Decimal(
        "2000000"
    )
    assert points[Decimal("500000000")] == Decimal("15000000")
    assert points[Decimal("2000000000")] == points[Decimal("3000000000")] == Decimal("60000000")
    assert [m.x for m in result.marks] == [
        Decimal("10000000"),
        Decimal("100000000"),
        Decimal("500000000"),
        Decimal("2000000000"),
    ]
    assert result.marks[-1].what.key == "calc.sweep.cap"
    assert result.marks[-1].what.params == {"cap": Decimal("60000000")}
    xs = [x for x, _ in result.points]
    assert xs == sorted(xs) and len(xs) >= 120


def test_sweep_keeps_the_other_inputs(library):
    rule = library.rules["wuxi-draft:open-source-landing"]
    late = sweep(
        library,
        rule,
        {"years_since_registration": Decimal(5)},
        "investment",
        Decimal(0),
        Decimal("100000000"),
        AS_OF,
        samples=11,
    )
    assert not any(r.eligible for _, r in late.points)
    with pytest.raises(ValueError):
        sweep(library, library.rules["wuxi-draft:ipo"], {}, "market", Decimal(0), Decimal(1), AS_OF)
