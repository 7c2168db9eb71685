"""Overview (facts, status, the source opened at the clause) and targets (table, growth, chart)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from policytui.core.indicators import growth
from policytui.core.model import IndicatorRow
from policytui.core.source_spans import locate_clauses
from policytui.core.vocabulary import split_scale
from policytui.render.indicators import format_growth
from policytui.tui.overview.screen import OverviewScreen
from policytui.tui.targets.screen import TargetsScreen
from tests.tui.conftest import SIZE, screen_text, settle, toasts, wait_for


def squeeze(text: str) -> str:
    return "".join(text.split())


async def test_overview_shows_facts_status_and_the_source_at_the_selected_clause(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_clause("wuxi-draft/m4")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        facts = app.screen.query_one("#policy-facts", Static).content.plain
        assert "发文机关：原文未载明" in facts and "有效期至：2025-12-31" in facts
        assert "本政策与我市其他市级政策有重叠、交叉的，按照“就高不重复”的原则执行" in facts
        assert "条款 19 条；量化奖补 22 项；金额未明确的奖补" in facts
        badges = app.screen.query_one("#policy-badges", Static).content.plain
        assert "征求意见稿" in badges and "拟定有效期已过（拟至2025-12-31）" in badges
        scroll = app.screen.query_one("#source-scroll", VerticalScroll)
        m4 = app.library.clause("wuxi-draft/m4")
        assert squeeze(app.screen.marked_text) == squeeze(m4.text)
        assert scroll.scroll_y > 0  # (四) is not at the top of the document
        await pilot.press("p")
        await settle(pilot)
        assert app.screen.policy.id == "nanjing-2021"
        assert "发文机关：南京市人民政府" in app.screen.query_one("#policy-facts", Static).content.plain
        assert app.screen.marked_text == "" and scroll.scroll_y == 0


async def test_overview_follows_the_browse_selection(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await settle(pilot)
        assert app.screen.policy.id == "nanjing-2021"
        app.open_clause("nanjing-2021/plan")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        # the title stands first in the notice, but the clause is the plan's own title line
        assert app.screen.marked[0] > app.screen.source.index("各区人民政府")
        assert squeeze(app.screen.marked_text) == "南京市推进软件名城提质升级打造万亿级产业行动计划"


def test_locate_clauses_in_reading_order_across_line_breaks_and_page_marks():
    first = "第一条 甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
    second = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏。"
    source = f"标题\n\n通知：关于标题的通知\n\n标题\n{first}\n— 3 —\n{second}\n短条\n— 4 —\n文。"
    texts = ["通知：关于标题的通知", "标题", first.replace(" ", "") + second, "短条文。"]
    spans = locate_clauses(source, texts)
    assert source[spans[0][0] : spans[0][1]] == "通知：关于标题的通知"
    assert spans[1][0] == source.index("\n标题\n第一条") + 1  # not the 标题 inside the notice
    start, end = spans[2]
    assert source[start:end] == f"{first}\n— 3 —\n{second}"
    assert source[spans[3][0] : spans[3][1]] == "短条\n— 4 —\n文。"
    assert locate_clauses(source, ["不在原文中的话"]) == [None]


async def test_targets_table_with_growth_and_chart(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TargetsScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 21
        first = [cell.plain for cell in table.get_row_at(0)]
        assert first == ["1", "规模指标", "软件和信息服务产业规模", "6200亿元", "超1万亿元", ">×1.61"]
        assert [c.plain for c in table.get_row_at(2)][3:] == ["—", "10项", ""]
        shown = screen_text(app)
        assert "2025年南京市软件产业发展目标" in shown and "已失效（有效期至2025-12）" in shown
        assert "增长倍数（2025÷2020）" in shown and "×3.38" in shown


def row(baseline, base_unit, target, target_unit, qualifier=None) -> IndicatorRow:
    return IndicatorRow(
        "",
        "",
        "",
        "",
        Decimal(baseline) if baseline else None,
        base_unit,
        Decimal(target),
        target_unit,
        qualifier,
    )


def test_growth_reads_the_scale_of_each_unit():
    assert split_scale("万亿元") == ("元", Decimal(10) ** 12)
    assert split_scale("万家") == ("家", Decimal(10) ** 4) and split_scale("项") == ("项", 1)
    assert growth(row("6200", "亿元", "1", "万亿元")) == Decimal("10000") / Decimal("6200")
    assert growth(row("4", "万家", "6", "万家")) == Decimal("1.5")
    assert growth(row("84", "万", "110", "万")) == Decimal("110") / Decimal("84")
    assert growth(row(None, None, "10", "项")) is None
    assert growth(row("0", "项", "10", "项")) is None
    assert growth(row("10", "项", "10", "家")) is None  # not the same thing counted
    assert format_growth(row("6200", "亿元", "1", "万亿元", "超")) == ">×1.61"
    assert format_growth(row("10", "项", "30", "项")) == "×3.00"
    assert format_growth(row(None, None, "1", "个")) == ""


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_g_switches_table_and_chart_or_says_why_it_cannot(make_app, size):
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TargetsScreen) and app.screen.policy, "a table")
        chart = app.screen.query_one("#chart-column")
        shown_before = chart.display
        await pilot.press("g")
        if size == (80, 24):  # table and chart take turns
            await wait_for(pilot, lambda: chart.display != shown_before, "the chart in the table's place")
            assert not toasts(app)
        else:
            await wait_for(pilot, lambda: "并排显示" in toasts(app), "why g does nothing")
            assert chart.display
        app.open_clause("wuxi-draft")  # no indicator table
        await pilot.press("t")
        await wait_for(pilot, lambda: app.screen.policy is None, "the policy without a table")
        await pilot.press("g")
        await wait_for(pilot, lambda: "没有指标表，也就没有图表可切换" in toasts(app), "why g does nothing")
