"""`policytui calc` and `policytui estimate`: the JSON contract, exit codes, one-line errors."""

from __future__ import annotations

import json
import re

import pytest

from policytui.core.locations import bundled_data_dir

EXAMPLE = str(bundled_data_dir() / "profiles" / "example.toml")
CONTRACT_KEYS = {
    "rule",
    "policy",
    "clause",
    "eligible",
    "amount_yuan",
    "upper_bound",
    "cap_yuan",
    "steps",
    "citation",
    "warnings",
}


def calc_json(cli, *argv: str) -> dict:
    code, out, err = cli("calc", *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_list_json_gives_every_rule_with_its_inputs(cli):
    code, out, _ = cli("calc", "--list", "--json")
    rules = {r["id"]: r for r in json.loads(out)}
    assert code == 0 and len(rules) == 37
    [capital] = rules["wuxi-draft:hq-landing"]["inputs"]
    assert (capital["name"], capital["type"], capital["unit"]) == ("paid_in_capital", "money", "元")
    assert rules["wuxi-draft:hq-landing"]["kind"] == "tiered-rate"
    assert rules["wuxi-draft:hq-landing"]["clause"] == "wuxi-draft/m4"
    assert rules["wuxi-draft:ipo"]["inputs"][0]["choices"] == ["domestic", "overseas"]
    assert rules["wuxi-draft:innovation-center"]["inputs"][0]["unit"] is None


def test_list_for_people(cli):
    code, out, _ = cli("calc", "--list")
    assert code == 0 and "wuxi-draft:hq-landing" in out and "paid_in_capital: 元" in out


def test_hq_landing_json_by_the_contract(cli):
    data = calc_json(cli, "wuxi-draft:hq-landing", "paid_in_capital=2亿")
    assert set(data) >= CONTRACT_KEYS
    assert (data["rule"], data["policy"], data["clause"]) == (
        "wuxi-draft:hq-landing",
        "wuxi-draft",
        "wuxi-draft/m4",
    )
    assert (data["eligible"], data["amount_yuan"], data["upper_bound"], data["cap_yuan"]) == (
        True,
        4000000,
        True,
        60000000,
    )
    assert "单个企业最高6000万元" in data["citation"]
    assert any("整额适用 2%" in s for s in data["steps"])
    assert len(data["warnings"]) == 2  # expired, and a draft


def test_open_source_landing_ineligible_by_the_contract(cli):
    data = calc_json(cli, "wuxi-draft:open-source-landing", "investment=1999万", "years_since_registration=1")
    assert (data["eligible"], data["amount_yuan"], data["upper_bound"]) == (False, 0, False)
    assert any("不满足" in s and "不低于2000万元" in s for s in data["steps"])
    eligible = calc_json(cli, "open-source-landing", "investment=2,000万元", "years_since_registration=3年")
    assert (eligible["eligible"], eligible["amount_yuan"], eligible["cap_yuan"]) == (True, 2000000, 5000000)


def test_industrial_software_ipo_and_innovation_center(cli):
    assert (
        calc_json(cli, "wuxi-draft:industrial-software", "investment=¥20,000,000")["amount_yuan"] == 6000000
    )
    assert calc_json(cli, "wuxi-draft:ipo", "market=overseas")["amount_yuan"] == 2500000
    center = calc_json(cli, "wuxi-draft:innovation-center", "level=national")
    assert (center["amount_yuan"], center["upper_bound"]) == (50000000, True)


def test_fractional_yuan_is_a_json_number_to_the_fen(cli):
    data = calc_json(cli, "hq-landing", "paid_in_capital=99999999.99")
    assert data["amount_yuan"] == 999999.99


def test_a_nanjing_rule_has_a_null_amount(cli):
    data = calc_json(cli, "nanjing-2021:revenue-milestone", "revenue=1.5亿")
    assert data["eligible"] is True and data["amount_yuan"] is None and data["cap_yuan"] is None


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["calc", "wuxi-draft:hq-landing", "paid_in_capital=abc"], "paid_in_capital"),
        (["calc", "wuxi-draft:hq-landing", "paid_in_capital=-5"], "可用写法"),
        (["calc", "wuxi-draft:hq-landing", "paid_in_capital=1e400"], "可用写法"),
        (["calc", "wuxi-draft:hq-landing", "paid_in_capital="], "缺少"),
        (["calc", "wuxi-draft:hq-landing"], "缺少"),
        (["calc", "wuxi-draft:hq-landing", "capital=2亿"], "paid_in_capital"),
        (["calc", "wuxi-draft:hq-landing", "2亿"], "NAME=VALUE"),
        (["calc", "wuxi-draft:ipo", "market=moon"], "domestic"),
        (["calc", "wuxi-draft:hq-landin"], "wuxi-draft:hq-landing"),
        (["calc"], "--list"),
        (["calc", "hq-landing", "--sweep", "paid_in_capital=0-30亿"], "FROM..TO"),
        (["calc", "ipo", "--sweep", "market=0..1"], "wuxi-draft:ipo"),
        (["estimate"], "--example"),
    ],
)
def test_bad_input_exits_2_with_one_line_in_chinese_and_no_traceback(cli, argv, expected):
    code, out, err = cli(*argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("policytui: 错误：") and expected in err
    assert "Traceback" not in err


def test_markdown_output(cli):
    code, out, _ = cli("calc", "hq-landing", "paid_in_capital=2亿", "--markdown")
    assert code == 0 and out.startswith("## 总部企业落户奖励") and "> — wuxi-draft/m4" in out


def test_result_for_people_shows_headline_steps_and_citation(cli):
    code, out, _ = cli("calc", "hq-landing", "paid_in_capital=30亿")
    assert (
        code == 0
        and "结果：最高 6000万元" in out
        and "超过封顶 6000万元" in out
        and "依据 wuxi-draft/m4" in out
    )


def test_sweep_draws_a_chart_and_lists_the_jumps(cli):
    code, out, _ = cli("calc", "hq-landing", "--sweep", "paid_in_capital=0..30亿")
    assert code == 0 and "总部企业落户奖励" in out and "⣀" in out.replace("⡠", "⣀")
    assert "1亿元  [1亿元, 5亿元) 档（2%）: 999,999.99元 → 200万元" in out
    assert "20亿元  达到封顶 6000万元" in out


def test_sweep_json_keeps_the_other_inputs(cli):
    data = calc_json(cli, "open-source-landing", "years_since_registration=1", "--sweep", "investment=0..1亿")
    points = {p["x"]: p for p in data["points"]}
    assert points[19999999.99]["eligible"] is False and points[20000000]["amount_yuan"] == 2000000
    assert [m["x"] for m in data["marks"]] == [20000000, 50000000]


def test_estimate_json_by_the_contract(cli):
    code, out, err = cli("estimate", EXAMPLE, "--json")
    data = json.loads(out)
    assert code == 0 and err == ""
    assert data["totals"] is None  # two cities: per-city subtotals only
    wuxi = next(p for p in data["policies"] if p["policy"] == "wuxi-draft")
    assert (wuxi["totals"]["plain_yuan"], wuxi["totals"]["strict_yuan"], wuxi["totals"]["lenient_yuan"]) == (
        33100000,
        31400000,
        33100000,
    )
    assert all(set(item) >= CONTRACT_KEYS for item in data["items"])
    assert {s["rule"] for s in data["set_aside"]} >= {"wuxi-draft:specialised", "wuxi-draft:feifeng"}
    assert data["near_misses"][0]["message"].startswith("总部企业落户奖励：")


def test_estimate_for_people_shows_three_totals(cli):
    code, out, _ = cli("estimate", EXAMPLE)
    assert (
        code == 0
        and re.search(r"简单合计 +最高 3310万元", out)
        and re.search(r"严格口径合计 +最高 3140万元", out)
    )
    assert re.search(r"宽松口径合计 +最高 3310万元", out)
    assert "未计入的重复项" in out and "差一点达到" in out


def test_estimate_example_prints_the_shipped_profile(cli):
    code, out, _ = cli("estimate", "--example")
    assert code == 0 and out.startswith("# An example firm profile") and 'paid_in_capital = "4.8亿"' in out


def test_estimate_with_a_bad_fact_exits_2_naming_the_line(cli, tmp_path):
    path = tmp_path / "firm.toml"
    path.write_text(
        '[profile]\nname = "x"\n[facts]\nnew_in_city = true\nheadquarters = true\npaid_in_capital = "lots"\n',
        encoding="utf-8",
    )
    code, out, err = cli("estimate", str(path))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"{path}:6：facts.paid_in_capital：" in err and "“lots”不是金额" in err


def test_estimate_with_a_missing_file_exits_2(cli, tmp_path):
    code, _, err = cli("estimate", str(tmp_path / "none.toml"))
    assert code == 2 and "无法读取：没有这个文件或目录" in err
