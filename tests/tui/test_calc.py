"""The calculator screen: picker, form recomputing as you type, errors beside fields, what-if chart,
the firm estimate, copy and export as Markdown, language switch."""

from __future__ import annotations

import io
import re

from rich.console import Console
from textual.widgets import Checkbox, Input, Select, Static
from textual_plotext import PlotextPlot

from policytui.render.calc.wording import headline, warnings
from policytui.tui import clipboard
from policytui.tui.calc.screen import CalcScreen
from policytui.tui.compare.export_dialog import ConfirmOverwrite
from tests.tui.conftest import SIZE, screen_text, settle, wait_for


async def open_calc(pilot, clause: str = "wuxi-draft/m4") -> CalcScreen:
    """The calculator, opened while reading `clause`: it shows that clause's rule."""
    await settle(pilot)
    pilot.app.open_clause(clause)
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot, 5)
    assert isinstance(pilot.app.screen, CalcScreen)
    return pilot.app.screen


async def type_into(pilot, selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)
    await settle(pilot)


def static_text(screen, selector: str) -> str:
    """What a Static holds, as plain text, whether it is scrolled into view or not."""
    out = Console(width=100, file=io.StringIO(), record=True)
    out.print(screen.query_one(selector, Static).content)
    return out.export_text()


async def test_typing_recomputes_with_trace_citation_and_warnings(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_calc(pilot)
        assert screen.query_one("#rule-form").rule.id == "wuxi-draft:hq-landing"
        await type_into(pilot, "#input-paid_in_capital", "2亿")
        assert headline(screen.result, "zh") == "最高 400万元"
        text = screen_text(pilot.app)
        assert "结果：最高 400万元" in text and "整额适用 2%" in text and "依据 wuxi-draft/m4" in text
        assert "征求意见稿" in text and "拟定" in text  # the status warnings
        assert any("拟定的有效期（至2025-12-31）已过" in w for w in warnings(screen.result, "zh"))
        await type_into(pilot, "#input-paid_in_capital", "30亿")
        assert screen.result.amount_yuan == 60000000


async def test_bad_input_shows_its_message_beside_the_field_and_keeps_the_text(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_calc(pilot)
        await screen.open_rule("wuxi-draft:open-source-landing")
        await settle(pilot)
        await type_into(pilot, "#input-years_since_registration", "2")
        await type_into(pilot, "#input-investment", "abc")
        error = screen.query_one("#error-investment", Static)
        assert error.display and "“abc”不是金额" in static_text(screen, "#error-investment")
        assert "可用写法" in static_text(screen, "#error-investment")
        assert not screen.query_one("#error-years_since_registration", Static).display
        assert screen.query_one("#input-investment", Input).value == "abc"
        assert screen.query_one("#input-years_since_registration", Input).value == "2"
        assert screen.result is None and "填写" in static_text(screen, "#rule-result")
        await type_into(pilot, "#input-investment", "3000万")
        assert screen.result.amount_yuan == 3000000 and not error.display


async def test_fuzzy_picker_opens_a_rule_and_typed_values_carry_over(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_calc(pilot)
        await screen.open_rule("wuxi-draft:industrial-software")
        await settle(pilot)
        await type_into(pilot, "#input-investment", "1000万")
        assert screen.result.amount_yuan == 5000000
        await type_into(pilot, "#rule-filter", "上市")
        await pilot.press("enter")
        await settle(pilot, 5)
        assert screen.query_one("#rule-form").rule.id == "wuxi-draft:ipo"
        assert screen.query_one("#input-market", Select).value == "domestic"
        assert headline(screen.result, "zh") == "最高 300万元"
        await screen.open_rule("wuxi-draft:emerging-tech")
        await settle(pilot)
        assert screen.query_one("#input-investment", Input).value == "1000万"  # typed before, kept
        assert screen.result.amount_yuan == 1000000


async def test_what_if_chart_draws_the_headquarters_tiers(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_calc(pilot)
        await type_into(pilot, "#input-paid_in_capital", "2亿")
        assert screen.query_one("#whatif-to", Input).value == "30亿元"
        jumps = static_text(screen, "#whatif-jumps")
        assert "1亿元" in jumps and "999,999.99元 → 200万元" in jumps and "达到封顶 6000万元" in jumps
        plot = screen.query_one(PlotextPlot)
        assert plot.plt._active.monitor.y[0][-1] == 6000  # the cap, in 万元, at 30亿
        await type_into(pilot, "#whatif-to", "abc")
        assert "不是金额" in static_text(screen, "#whatif-error")


async def test_the_firm_estimate_shows_three_totals_per_city_and_re_estimates_on_edit(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_calc(pilot)
        await pilot.press("f7")
        await settle(pilot, 5)
        # the form starts with the cities of the loaded policies, and never adds them up unasked
        assert screen.query_one("#profile-cities", Input).value == "南京、无锡"
        assert screen.estimate.totals is None
        wuxi = next(p.totals for p in screen.estimate.parts if p.policy.id == "wuxi-draft")
        assert (wuxi.plain_yuan, wuxi.strict_yuan, wuxi.lenient_yuan) == (33100000, 31400000, 33100000)
        text = static_text(screen, "#estimate")
        assert (
            "严格口径合计" in text
            and "最高 3140万元" in text
            and "宽松口径合计" in text
            and "本工具的理解" in text
        )
        await type_into(pilot, "#fact-paid_in_capital", "lots")
        error = screen.query_one("#fact-paid_in_capital-error", Static)
        assert error.display and "“lots”不是金额" in static_text(screen, "#fact-paid_in_capital-error")
        await type_into(pilot, "#fact-paid_in_capital", "5亿")
        assert not error.display
        wuxi = next(p.totals for p in screen.estimate.parts if p.policy.id == "wuxi-draft")
        assert wuxi.plain_yuan == 33100000 - 9600000 + 15000000
        await type_into(pilot, "#profile-cities", "上海")
        assert "上海" in static_text(screen, "#profile-cities-error") and "无锡" in static_text(
            screen, "#profile-cities-error"
        )
        await type_into(pilot, "#profile-cities", "南京,无锡")
        screen.query_one("#option-combine", Checkbox).value = True
        await settle(pilot)
        assert screen.estimate.combined and screen.estimate.totals.plain_yuan == 33100000 - 9600000 + 15000000


async def test_copy_and_export_markdown(make_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with make_app().run_test(size=SIZE) as pilot:
        await open_calc(pilot)
        await type_into(pilot, "#input-paid_in_capital", "2亿")
        await pilot.press("f5")
        await settle(pilot)
        assert pilot.app.clipboard.startswith("## 总部企业落户奖励")
        # the one copy helper: clipboard, and a file in the cache saying where
        assert any(
            "已复制：policytui-wuxi-draft-hq-landing.md" in (n.title or "") and "OSC 52" in n.message
            for n in pilot.app._notifications
        )
        assert clipboard.copy_file().read_text(encoding="utf-8") == pilot.app.clipboard
        first = tmp_path / "policytui-wuxi-draft-hq-landing.md"
        await pilot.press("f6")
        await wait_for(pilot, first.exists, "the export")
        assert first.read_text(encoding="utf-8") == pilot.app.clipboard
        assert any(str(first) in n.message for n in pilot.app._notifications)  # the absolute path
        first.write_text("kept", encoding="utf-8")
        await pilot.press("f6")  # the file exists: asked first
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmOverwrite), "the question")
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CalcScreen), "back to the calculator")
        assert first.read_text(encoding="utf-8") == "kept"
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmOverwrite), "the question again")
        await pilot.press("y")
        await wait_for(pilot, lambda: first.read_text(encoding="utf-8") == pilot.app.clipboard, "overwritten")
        await pilot.press("f7")
        await wait_for(pilot, lambda: pilot.app.screen.estimate is not None, "the firm estimate")
        await pilot.press("f6")
        estimate_file = tmp_path / "policytui-estimate.md"
        await wait_for(pilot, estimate_file.exists, "the estimate's export")
        exported = estimate_file.read_text(encoding="utf-8")
        assert "**简单合计：最高 3310万元**" in exported and "**严格口径合计：最高 3140万元**" in exported
        # the policies' status before anything else, then what the estimate was made from
        sections = re.findall(r"^#+ .*$", exported, flags=re.MULTILINE)
        assert sections[:3] == ["# 示例软件有限公司：补贴估算", "### 提醒", "### 输入"], sections
        assert exported.index("已于2025-12失效") < exported.index("### 输入") < exported.index("简单合计")
        inputs = exported.split("### 输入")[1].split("\n\n")[1]
        assert "- 实收注册资本：4.8亿" in inputs and "- 首次获评“专精特新”：国家级" in inputs, inputs
        assert "- 项目 1：工业仿真软件平台（核心技术攻关、工业软件应用、实际投资额：1500万）" in inputs
        assert "- 把不同城市的金额相加：否" in inputs


async def test_language_switch_redraws_in_english_and_keeps_the_input(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_calc(pilot)
        await type_into(pilot, "#input-paid_in_capital", "2亿")
        computed = screen.result
        await wait_for(pilot, lambda: screen.estimate is not None, "the example profile's estimate")
        estimated = screen.estimate
        screen.query_one("#rule-filter").focus()
        await pilot.press("f2")
        await settle(pilot, 5)
        assert screen.query_one("#input-paid_in_capital", Input).value == "2亿"
        assert screen.result is computed and screen.estimate is estimated  # reworded, not recomputed
        assert headline(screen.result, "en") == "at most 400万元"
        text = screen_text(pilot.app)
        assert "Result: at most 400万元" in text and "Headquarters landing award" in text
        assert "One rule" in text and "Firm estimate" in text and "Steps" in text


async def test_what_if_controls_fit_beside_the_rule_list_at_80_columns(make_app):
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_calc(pilot)
        await type_into(pilot, "#input-paid_in_capital", "2亿")
        selector = screen.query_one("#whatif-input", Select)
        to = screen.query_one("#whatif-to", Input)
        assert selector.region.width >= 16  # the input's name shows, not a squeezed arrow
        assert to.region.right <= 80 and to.region.width >= 12  # "30亿元" whole, not cut at the edge


async def test_the_estimate_options_fit_their_column_at_80_columns(make_app):
    for lang in ("zh", "en"):
        async with make_app(lang).run_test(size=(80, 24)) as pilot:
            screen = await open_calc(pilot)
            await pilot.press("f7")
            await settle(pilot, 5)
            column = screen.query_one("#profile-column").content_region
            for box in ("#option-combine", "#option-ceilings"):
                assert screen.query_one(box, Checkbox).region.right <= column.right, (lang, box)
