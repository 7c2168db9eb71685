"""The calculator with the third fixture city: it opens on the rule of the clause being read,
shows the policy's status, and computes the new kinds as you type."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Select

from policytui.core.loader import load_library
from policytui.core.locations import data_dirs
from policytui.render.calc.wording import headline
from tests.conftest import FIXTURES
from tests.tui.conftest import SIZE, settle
from tests.tui.test_calc import open_calc, static_text, type_into


@pytest.fixture(scope="module")
def three_cities():
    return load_library(dirs=data_dirs([FIXTURES / "city3"], user=False, env={}))


async def test_opens_on_the_rule_of_the_clause_being_read_with_the_cursor_in_its_first_input(
    make_app, three_cities
):
    async with make_app(lib=three_cities).run_test(size=SIZE) as pilot:
        screen = await open_calc(pilot, "hewan-2025/m2")
        assert screen.query_one("#rule-form").rule.id == "hewan-2025:revenue-growth"
        assert pilot.app.focused is screen.query_one("#input-revenue", Input)
        head = static_text(screen, "#rule-head")
        assert "营收增量奖励" in head and "有效（至2027-12-31）" in head  # in force as of the tests' date
        await pilot.press("escape", "b")  # back to reading, another clause, then the calculator again
        pilot.app.open_clause("wuxi-draft/m4")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot, 5)
        assert screen.query_one("#rule-form").rule.id == "wuxi-draft:hq-landing"
        head = static_text(screen, "#rule-head")  # a draft whose proposed validity has passed, as of today
        assert "征求意见稿" in head and "拟定有效期已过" in head


async def test_the_picker_shows_each_rules_policy_status(make_app, three_cities):
    async with make_app(lib=three_cities).run_test(size=SIZE) as pilot:
        screen = await open_calc(pilot, "hewan-2025/m1")
        options = screen.query_one("#rule-list", OptionList)
        name, detail = str(options.get_option("hewan-2025:revenue-step").prompt).split("\n")
        assert (name, detail) == ("营收跨档奖励", "hewan-2025:revenue-step [有效]")
        assert str(options.get_option("wuxi-draft:ipo").prompt).endswith(
            "wuxi-draft:ipo [征求意见稿 拟定有效期已过]"
        )


async def test_a_stepped_award_with_the_difference_rule_as_you_type(make_app, three_cities):
    async with make_app(lib=three_cities).run_test(size=SIZE) as pilot:
        screen = await open_calc(pilot, "hewan-2025/m1")
        assert screen.query_one("#rule-form").rule.id == "hewan-2025:revenue-step"
        await type_into(pilot, "#input-revenue", "5亿")
        await type_into(pilot, "#input-rewarded_revenue", "1亿")
        assert screen.result.amount_yuan == 300000 and headline(screen.result, "zh") == "30万元"
        assert "50万元 − 20万元 = 30万元" in static_text(screen, "#rule-result")
        jumps = static_text(screen, "#whatif-jumps")
        assert "[5亿元, 10亿元) 档（50万元）" in jumps


async def test_rates_by_category_and_the_part_above(make_app, three_cities):
    async with make_app(lib=three_cities).run_test(size=SIZE) as pilot:
        screen = await open_calc(pilot, "hewan-2025/m3")
        await type_into(pilot, "#input-revenue", "3000万")
        assert screen.result.amount_yuan == 300000  # first year: 1%
        screen.query_one("#input-year", Select).value = "second-year"
        await settle(pilot)
        assert screen.result.amount_yuan == 150000
        await screen.open_rule("hewan-2025:revenue-growth")
        await settle(pilot)
        assert (
            screen.query_one("#input-revenue", Input).value == "3000万"
        )  # the same input name keeps its value
        assert headline(screen.result, "zh") == "10万元"  # exact: 1% below its cap
        assert "3000万元 − 2000万元 = 1000万元" in static_text(screen, "#rule-result")
