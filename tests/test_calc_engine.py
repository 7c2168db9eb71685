"""Evaluating one rule: amounts, steps, bounds, warnings, input errors, and the what-if sweep."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from policytui.core.calc.engine import calculate, evaluate
from policytui.core.calc.inputs import InputError, parse_inputs
from policytui.core.calc.markdown import result_markdown
from policytui.core.calc.serialize import result_json
from policytui.core.calc.sweep import sweep
from tests.conftest import AS_OF


def calc(library, rule_id, lang="zh", as_of=AS_OF, **raw):
    return calculate(library, library.rules[rule_id], raw, as_of, lang)


def test_headquarters_reward_applies_the_tier_rate_to_the_whole_capital(library):
    result = calc(library, "wuxi-draft:hq-landing", paid_in_capital="2亿")
    assert result.amount_yuan == Decimal("4000000") and isinstance(result.amount_yuan, Decimal)
    assert result.tier.rate.value == 2
    assert result.upper_bound and result.cap_yuan == Decimal("60000000")
    steps = "\n".join(result.steps)
    assert "[1亿元, 5亿元)" in steps and "1亿元（含）至5亿元" in steps  # the tier and the words that set it
    assert "2亿元 × 不超过2% = 400万元" in steps
    assert "未达封顶 6000万元" in steps
    assert "最高可得金额" in steps


def test_the_cap_is_applied_and_said(library):
    result = calc(library, "wuxi-draft:hq-landing", paid_in_capital="30亿")
    assert result.amount_yuan == Decimal("60000000")
    assert any("9000万元 超过封顶 6000万元" in s for s in result.steps)


def test_ineligible_input_gives_zero_and_the_reason(library):
    result = calc(library, "wuxi-draft:open-source-landing", investment="1999.99万", years_since_registration="2")
    assert (result.eligible, result.amount_yuan, result.upper_bound) == (False, Decimal(0), False)
    assert any("19,999,900.00元 未达到 ≥ 2000万元" in s and "实际投资额不低于2000万元" in s for s in result.steps)
    assert result.steps[-1] == "结果：不符合条件，0元"


def test_a_rate_result_is_exact_to_the_fen_and_rounded_down(library):
    result = calc(library, "wuxi-draft:hq-landing", paid_in_capital="33333333.33")
    assert result.amount_yuan == Decimal("333333.33")
    assert any("333,333.3333元 按分向下取整为 333,333.33元" in s for s in result.steps)


def test_the_rent_subsidy_is_a_lower_bound_encouraged_of_districts(library):
    result = calc(library, "wuxi-draft:rent-subsidy", annual_rent="100万")
    assert result.amount_yuan == Decimal("1500000")
    assert result.lower_bound and not result.upper_bound and result.headline == "不低于 150万元"
    assert any("每年 50万元 × 连续 3 年 = 150万元" in s for s in result.steps)
    assert any("鼓励性条款" in w for w in result.warnings)


def test_a_nanjing_rule_checks_eligibility_and_gives_no_amount(library):
    result = calc(library, "nanjing-2021:revenue-milestone", revenue="1.2亿")
    assert result.eligible and result.amount_yuan is None and result.headline == "金额未明确"
    assert not result.upper_bound and result.cap_yuan is None
    assert result_json(result)["amount_yuan"] is None


def test_notes_quote_the_text(library):
    result = calc(library, "wuxi-draft:core-tech")
    assert any("可能高于此上限" in n and "特别重大的项目可适当上浮" in n for n in result.notes)
    assert any("分档择优" in n for n in result.notes)
    spun_off = calc(library, "wuxi-draft:spun-off")
    assert any("每年评选出不超过3家企业" in n for n in spun_off.notes)
    assert any("业绩奖励类" in n for n in spun_off.notes)


def test_every_wuxi_result_warns_it_is_a_draft_whatever_the_date(library):
    before_expiry = calc(library, "wuxi-draft:ipo", as_of=date(2024, 6, 30), market="domestic")
    assert len(before_expiry.warnings) == 1 and "征求意见稿" in before_expiry.warnings[0]
    after = calc(library, "wuxi-draft:ipo", market="domestic")
    assert any("拟定的有效期（至2025-12-31）已过" in w for w in after.warnings)


def test_nanjing_warns_only_once_expired(library):
    assert calc(library, "nanjing-2021:product", as_of=date(2024, 6, 30)).warnings == ()
    assert "已于2025-12失效" in calc(library, "nanjing-2021:product").warnings[0]


def test_english_steps_and_warnings(library):
    result = calc(library, "wuxi-draft:ipo", lang="en", market="境外")
    assert result.values == {"market": "overseas"}
    assert any(s.startswith("Where listed: overseas → ") for s in result.steps)
    assert result.headline == "at most 250万元"
    assert any("draft for comments" in w for w in result.warnings)


@pytest.mark.parametrize("raw", ["abc", "-5", "1e400", "", "  "])
def test_bad_money_names_the_field_and_the_accepted_forms(library, raw):
    with pytest.raises(InputError) as error:
        calc(library, "wuxi-draft:hq-landing", paid_in_capital=raw)
    message = str(error.value)
    assert error.value.field == "paid_in_capital" and "实收注册资本" in message and "paid_in_capital" in message
    assert "可用写法：2亿、2亿元、5000万、5,000万元、1.5亿、¥20,000,000、20000000、两亿、六千万" in message


def test_money_finer_than_a_fen_is_refused(library):
    with pytest.raises(InputError, match="两位小数"):
        calc(library, "wuxi-draft:hq-landing", paid_in_capital="1.234")


def test_every_bad_field_is_reported_and_good_ones_are_kept(library):
    rule = library.rules["wuxi-draft:open-source-landing"]
    values, errors = parse_inputs(rule, {"investment": "3000万", "years_since_registration": "three", "x": "1"}, "en")
    assert values == {"investment": Decimal("30000000")}
    assert set(errors) == {"years_since_registration", "x"}
    assert "Accepted forms: 3, 2.5, 3年" in str(errors["years_since_registration"])
    assert "has no input 'x'" in str(errors["x"])


def test_a_choice_outside_the_text_is_refused_with_the_choices(library):
    with pytest.raises(InputError) as error:
        calc(library, "wuxi-draft:innovation-center", level="municipal")
    assert "national（国家级）、provincial（省级）" in str(error.value)


def test_evaluate_refuses_missing_inputs(library):
    with pytest.raises(InputError, match="paid_in_capital"):
        evaluate(library.rules["wuxi-draft:hq-landing"], {}, library, AS_OF)


def test_markdown_export_has_result_steps_citation_and_warnings(library):
    text = result_markdown(calc(library, "wuxi-draft:hq-landing", paid_in_capital="2亿"))
    assert text.startswith("## 总部企业落户奖励\n")
    assert "**结果：最高 400万元**" in text and "- 实收注册资本（核算年度）：2亿元" in text
    assert "> 在我市新注册设立或新引进且经认定为总部的软件企业" in text and "> — wuxi-draft/m4" in text
    assert "⚠" in text and "征求意见稿" in text


def test_sweep_shows_the_jumps_at_the_tier_boundaries_and_the_cap(library):
    rule = library.rules["wuxi-draft:hq-landing"]
    result = sweep(library, rule, {}, "paid_in_capital", Decimal(0), Decimal("3000000000"), AS_OF)
    points = {x: r.amount_yuan for x, r in result.points}
    assert points[Decimal("9999999.99")] == 0 and points[Decimal("10000000")] == Decimal("100000")
    assert points[Decimal("99999999.99")] == Decimal("999999.99") and points[Decimal("100000000")] == Decimal("2000000")
    assert points[Decimal("500000000")] == Decimal("15000000")
    assert points[Decimal("2000000000")] == points[Decimal("3000000000")] == Decimal("60000000")
    assert [m.x for m in result.marks] == [Decimal("10000000"), Decimal("100000000"), Decimal("500000000"),
                                           Decimal("2000000000")]
    assert "封顶" in result.marks[-1].label
    xs = [x for x, _ in result.points]
    assert xs == sorted(xs) and len(xs) >= 120


def test_sweep_keeps_the_other_inputs(library):
    rule = library.rules["wuxi-draft:open-source-landing"]
    late = sweep(library, rule, {"years_since_registration": Decimal(5)}, "investment", Decimal(0),
                 Decimal("100000000"), AS_OF, samples=11)
    assert not any(r.eligible for _, r in late.points)
    with pytest.raises(ValueError):
        sweep(library, library.rules["wuxi-draft:ipo"], {}, "market", Decimal(0), Decimal(1), AS_OF)
