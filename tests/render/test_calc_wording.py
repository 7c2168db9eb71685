"""The calculator's records in words, zh and en: steps, headlines, notes, warnings, input errors, Markdown, JSON."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from policytui.core.calc.engine import calculate
from policytui.core.calc.inputs import InputError, parse_inputs
from policytui.core.calc.sweep import sweep
from policytui.render.calc.chart import jump_lines
from policytui.render.calc.markdown import result_markdown
from policytui.render.calc.serialize import result_json, sweep_json
from policytui.render.calc.wording import choice_aliases, error_text, headline, notes, steps, warnings
from tests.conftest import AS_OF


def calc(library, rule_id, as_of=AS_OF, **raw):
    return calculate(library, library.rules[rule_id], raw, as_of, choice_aliases)


def error(library, rule_id, **raw) -> InputError:
    with pytest.raises(InputError) as raised:
        calc(library, rule_id, **raw)
    return raised.value


def test_the_steps_of_a_tier_rate_in_both_languages(library):
    result = calc(library, "wuxi-draft:hq-landing", paid_in_capital="2亿")
    zh = "\n".join(steps(result, "zh"))
    assert "[1亿元, 5亿元)" in zh and "1亿元（含）至5亿元" in zh  # the tier and the words that set it
    assert "2亿元 × 不超过2% = 400万元" in zh
    assert "未达封顶 6000万元" in zh and "最高可得金额" in zh
    en = steps(result, "en")
    assert "实收注册资本（核算年度） 2亿元 属于 [1亿元, 5亿元) 档" in zh
    assert any(s.startswith("Paid-in") and "is in the tier [1亿元, 5亿元)" in s for s in en)
    assert "Below the cap of 6000万元" in "\n".join(en) and en[-1] == "Result: at most 400万元"
    assert headline(result, "zh") == "最高 400万元" and headline(result, "en") == "at most 400万元"


def test_the_cap_and_rounding_are_said_with_every_digit(library):
    capped = calc(library, "wuxi-draft:hq-landing", paid_in_capital="30亿")
    assert any("9000万元 超过封顶 6000万元" in s for s in steps(capped, "zh"))
    rounded = calc(library, "wuxi-draft:hq-landing", paid_in_capital="33333333.33")
    assert any("333,333.3333元 按分向下取整为 333,333.33元" in s for s in steps(rounded, "zh"))
    assert any("333,333.3333元 rounded down to the fen: 333,333.33元" in s for s in steps(rounded, "en"))


def test_an_ineligible_result_says_why(library):
    result = calc(
        library, "wuxi-draft:open-source-landing", investment="1999.99万", years_since_registration="2"
    )
    zh = steps(result, "zh")
    assert any("19,999,900.00元 未达到 ≥ 2000万元" in s and "实际投资额不低于2000万元" in s for s in zh)
    assert zh[-1] == "结果：不符合条件，0元" and steps(result, "en")[-1] == "Result: not eligible, 0 yuan"
    assert headline(result, "zh") == "不符合条件（0元）" and headline(result, "en") == "not eligible (0 yuan)"


def test_a_lower_bound_over_years_encouraged_of_districts(library):
    result = calc(library, "wuxi-draft:rent-subsidy", annual_rent="100万")
    assert headline(result, "zh") == "不低于 150万元" and headline(result, "en") == "at least 150万元"
    assert any("每年 50万元 × 连续 3 年 = 150万元" in s for s in steps(result, "zh"))
    assert any("50万元 a year × 3 years = 150万元" in s for s in steps(result, "en"))
    assert any("鼓励性条款" in w for w in warnings(result, "zh"))
    assert any("nothing is promised" in w for w in warnings(result, "en"))


def test_no_figure_is_amount_unspecified(library):
    result = calc(library, "nanjing-2021:revenue-milestone", revenue="1.2亿")
    assert headline(result, "zh") == "金额未明确"
    assert result_json(result, "zh")["amount_yuan"] is None


def test_notes_quote_the_text(library):
    result = calc(library, "wuxi-draft:core-tech")
    assert any("可能高于此上限" in n and "特别重大的项目可适当上浮" in n for n in notes(result, "zh"))
    assert any("分档择优" in n for n in notes(result, "zh"))
    assert any(n.startswith("Tiered selection") for n in notes(result, "en"))
    spun_off = calc(library, "wuxi-draft:spun-off")
    assert any("每年评选出不超过3家企业" in n for n in notes(spun_off, "zh"))
    assert any("业绩奖励类" in n for n in notes(spun_off, "zh"))


def test_status_warnings_whatever_the_date(library):
    before_expiry = calc(library, "wuxi-draft:ipo", as_of=date(2024, 6, 30), market="domestic")
    assert len(warnings(before_expiry, "zh")) == 1 and "征求意见稿" in warnings(before_expiry, "zh")[0]
    after = calc(library, "wuxi-draft:ipo", market="domestic")
    assert any("拟定的有效期（至2025-12-31）已过" in w for w in warnings(after, "zh"))
    assert any("draft for comments" in w for w in warnings(after, "en"))
    assert warnings(calc(library, "nanjing-2021:product", as_of=date(2024, 6, 30)), "zh") == []
    assert "已于2025-12失效" in warnings(calc(library, "nanjing-2021:product"), "zh")[0]


def test_a_choice_typed_in_chinese_is_worded_in_english(library):
    result = calc(library, "wuxi-draft:ipo", market="境外")
    assert result.values == {"market": "overseas"}
    assert any(s.startswith("Where listed: overseas → ") for s in steps(result, "en"))
    assert any(s.startswith("上市地：境外 → ") for s in steps(result, "zh"))


@pytest.mark.parametrize("raw", ["abc", "-5", "1e400", "", "  "])
def test_bad_money_names_the_field_and_the_accepted_forms(library, raw):
    bad = error(library, "wuxi-draft:hq-landing", paid_in_capital=raw)
    message = error_text(bad, "zh")
    assert "实收注册资本" in message and "paid_in_capital" in message
    assert "可用写法：2亿、2亿元、5000万、5,000万元、1.5亿、¥20,000,000、20000000、两亿、六千万" in message
    english = error_text(bad, "en")
    assert "(paid_in_capital)" in english and "Accepted forms" in english


def test_input_errors_in_both_languages(library):
    assert "两位小数" in error_text(error(library, "wuxi-draft:hq-landing", paid_in_capital="1.234"), "zh")
    rule = library.rules["wuxi-draft:open-source-landing"]
    _, errors = parse_inputs(rule, {"investment": "3000万", "years_since_registration": "three", "x": "1"})
    assert "Accepted forms: 3, 2.5, 3年" in error_text(errors["years_since_registration"], "en")
    assert "has no input 'x'" in error_text(errors["x"], "en")
    assert "没有输入项“x”" in error_text(errors["x"], "zh")
    choice = error(library, "wuxi-draft:innovation-center", level="municipal")
    assert "national（国家级）、provincial（省级）" in error_text(choice, "zh")
    assert "national (national)" not in error_text(choice, "en")


def test_markdown_export_has_result_steps_citation_and_warnings(library):
    result = calc(library, "wuxi-draft:hq-landing", paid_in_capital="2亿")
    text = result_markdown(result, "zh")
    assert text.startswith("## 总部企业落户奖励\n")
    assert "**结果：最高 400万元**" in text and "- 实收注册资本（核算年度）：2亿元" in text
    assert "> 在我市新注册设立或新引进且经认定为总部的软件企业" in text and "> — wuxi-draft/m4" in text
    assert "⚠" in text and "征求意见稿" in text
    english = result_markdown(result, "en")
    assert "**Result: at most 400万元**" in english and "结果" not in english.split("### ")[0]


def test_the_json_words_steps_in_the_language_asked_and_keeps_figures_as_numbers(library):
    result = calc(library, "wuxi-draft:hq-landing", paid_in_capital="2亿")
    zh, en = result_json(result, "zh"), result_json(result, "en")
    assert zh["amount_yuan"] == en["amount_yuan"] == 4000000
    assert zh["steps"] == steps(result, "zh") and en["steps"] == steps(result, "en")
    assert [k for k in zh if k not in en] == []


def test_the_sweep_marks_in_both_languages(library):
    rule = library.rules["wuxi-draft:hq-landing"]
    result = sweep(library, rule, {}, "paid_in_capital", Decimal(0), Decimal("3000000000"), AS_OF)
    assert "封顶" in jump_lines(result, "zh")[-1] and "cap" in jump_lines(result, "en")[-1]
    assert sweep_json(result, "zh")["marks"][-1]["label"] == "达到封顶 6000万元"


def test_the_json_trace_is_the_steps_as_keys_and_values_the_same_in_both_languages(library):
    result = calc(library, "wuxi-draft:hq-landing", paid_in_capital="2亿")
    trace = result_json(result, "zh")["trace"]
    assert trace == result_json(result, "en")["trace"]
    assert [step["key"] for step in trace] == [step.key for step in result.steps]
    multiply = next(step["params"] for step in trace if step["key"] == "calc.step.multiply")
    assert (multiply["base"], multiply["amount"]) == (200000000, 4000000)
    assert multiply["rate"]["value"] == 2 and multiply["rate"]["qualifiers"] == list(
        result.tier.rate.qualifiers
    )
    tier = next(step["params"] for step in trace if step["key"] == "calc.step.tier")
    assert tier["range"]["from"] == {"yuan": 100000000, "printed": "1亿元", "inclusive": True}
    assert trace[-1]["params"]["amount"] == {"yuan": 4000000, "upper_bound": True, "lower_bound": False}
