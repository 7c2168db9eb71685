"""`policytui estimate` options on the fixture cities: --combine, --include-ceilings, --example --json, bad cities."""

from __future__ import annotations

import json

from tests.conftest import FIXTURES

CITIES = str(FIXTURES / "estimates")
FIRM = """[profile]
name = "甲乙公司"
{cities}
[facts]
headquarters = true
capital = "3亿"
"""


def profile(tmp_path, cities: str = "") -> str:
    path = tmp_path / "firm.toml"
    path.write_text(FIRM.format(cities=cities), encoding="utf-8")
    return str(path)


def test_two_cities_are_added_up_only_with_combine_and_a_warning(cli, tmp_path):
    firm = profile(tmp_path, 'cities = ["甲市", "乙市"]')
    code, out, _ = cli("estimate", firm, "--json", "--data", CITIES)
    data = json.loads(out)
    assert code == 0 and data["totals"] is None and data["total_yuan"] is None
    assert [(p["policy"], p["totals"]["plain_yuan"]) for p in data["policies"]] == [
        ("jia-2024", 3000000),
        ("yi-2024", 2000000),
    ]
    code, out, _ = cli("estimate", firm, "--json", "--combine", "--data", CITIES)
    data = json.loads(out)
    assert data["combined"] and data["totals"]["plain_yuan"] == 5000000
    assert any("假定企业在每个城市都符合条件" in w for w in data["warnings"])
    code, out, _ = cli("estimate", firm, "--data", CITIES)
    assert "不同城市的金额不相加" in out and "甲市：《甲市软件产业扶持办法》" in out


def test_a_ceiling_from_another_policy_is_counted_only_when_asked(cli, tmp_path):
    firm = profile(tmp_path, 'cities = ["甲市"]')
    _, out, _ = cli("estimate", firm, "--json", "--data", CITIES)
    assert json.loads(out)["totals"]["plain_yuan"] == 3000000
    _, out, _ = cli("estimate", firm, "--json", "--include-ceilings", "--data", CITIES)
    data = json.loads(out)
    assert data["totals"]["plain_yuan"] == 13000000 and data["ceilings"]["included"]


def test_a_city_no_policy_covers_exits_with_one_line_naming_the_loaded_cities(cli, tmp_path):
    code, out, err = cli("estimate", profile(tmp_path, 'cities = ["丙市"]'), "--data", CITIES)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "profile.cities" in err and "丙市" in err and "无锡" in err and "甲市" in err


def test_example_json_carries_three_totals_and_each_groups_basis(cli):
    code, out, _ = cli("estimate", "--example", "--json")
    data = json.loads(out)
    assert code == 0
    wuxi = next(p for p in data["policies"] if p["policy"] == "wuxi-draft")
    assert {"plain_yuan", "strict_yuan", "lenient_yuan", "upper_bound"} <= set(wuxi["totals"])
    assert data["groups"] and all({"basis", "interpretation", "reading"} <= set(g) for g in data["groups"])
    code, out, _ = cli("estimate", "--example")
    assert code == 0 and out.startswith("# An example firm profile")


def test_rule_list_json_carries_each_groups_basis_and_interpretation(cli):
    _code, out, _ = cli("calc", "--list", "--json", "--data", CITIES)
    rules = {r["id"]: r for r in json.loads(out)}
    assert rules["jia-2024:landing"]["stacking"] == {
        "id": "jia-2024:landing",
        "name": "落户与落地",
        "basis": "同一企业同时符合第一条和第六条的，只能选择其中一项",
        "interpretation": False,
    }
    assert rules["jia-2024:specialised"]["stacking"]["interpretation"] is True
    assert rules["yi-2024:hq"]["stacking"] is None


def test_errors_are_worded_in_the_chosen_language(cli, tmp_path):
    code, _, err = cli("estimate")
    assert code == 2 and err.startswith("policytui: 错误：")
    code, _, err = cli("--lang", "en", "calc", "nanjing-2021:park-title", "level=x")
    assert code == 2 and err.startswith("policytui: error: ")
    assert "Choices: national, provincial" in err and "、" not in err


def test_the_estimate_for_people_never_breaks_before_a_closing_mark(cli, tmp_path, monkeypatch):
    import re

    firm = profile(tmp_path, 'cities = ["甲市", "乙市"]')
    for columns in range(50, 81, 2):
        monkeypatch.setenv("COLUMNS", str(columns))
        for lang in ("zh", "en"):
            code, out, _ = cli("--lang", lang, "estimate", firm, "--data", CITIES)
            assert code == 0
            for line in out.splitlines():
                assert not re.match(r"\s*[，。、）：；》”]", line) and not re.search(r"[（“《]\s*$", line), (
                    columns,
                    line,
                )
    assert "Jia: " in out and "甲市：" not in out  # the city in English


def test_english_items_name_their_project_in_half_width_brackets(cli):
    code, out, _ = cli("--lang", "en", "estimate", "--example", "--markdown")
    assert code == 0 and "R&D grant for core-technology projects (工业仿真软件平台)" in out
    code, out, _ = cli("estimate", "--example", "--markdown")
    assert "（工业仿真软件平台）" in out
