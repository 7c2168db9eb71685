"""The compare, counterpart and matrix screens: picking policies and topics, best counterparts, export."""

from __future__ import annotations

import json

from textual.widgets import DataTable, Input, OptionList, Select

from policytui.tui import clipboard
from policytui.tui.compare.counterparts import CounterpartScreen
from policytui.tui.compare.export_dialog import ConfirmOverwrite, ExportDialog
from policytui.tui.compare.matrix import MatrixScreen
from policytui.tui.compare.screen import CompareScreen, PolicyToggle
from tests.tui.conftest import SIZE, screen_text, settle, wait_for


def clause_columns(screen: CompareScreen) -> list[list[str | None]]:
    """The aligned rows of the grid, as clause ids."""
    return [[cell.clause.id if cell else None for cell in row] for row in screen.grid.cells]


async def open_compare(pilot, topic: str | None = None) -> CompareScreen:
    await settle(pilot)
    await pilot.press("v")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    if topic:
        screen.open_topic(topic)
        await settle(pilot)
    return screen


async def test_picking_a_topic_with_the_keyboard(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        assert screen.topic_id == "overview"  # no clause selected yet: the first topic
        await pilot.press("z")  # the topic list opens on the current topic
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert screen.topic_id == "open-source"
        assert clause_columns(screen) == [
            ["nanjing-2021/p2.1.1", None],
            ["nanjing-2021/p2.1.1.3", "wuxi-draft/m2"],
            ["nanjing-2021/att.6", None],
            ["nanjing-2021/att.8", None],
        ]
        text = screen_text(app)
        assert "最大金额：不超过500万元（上限，一次性）" in text and "六、一次性奖励：金额未明确" in text
        assert "征求意见稿" in text and "已失效（有效期至2025-12）" in text
        shared = screen.grid.query_one(".shared").content
        assert shared.plain == "共同表述：开源社区、开源项目、操作系统、知识产权"  # below the rows


async def test_compare_starts_on_the_topic_of_the_clause_selected_in_browse(make_app, fixture_library):
    app = make_app(lib=fixture_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_clause("hewan-2025/m7")  # 人才安家补贴
        screen = await open_compare(pilot)
        assert screen.topic_id == "talent"
        assert clause_columns(screen) == [["hewan-2025/m7", "qingshi-2024/a3", None, None]]


async def test_unticking_a_policy_drops_its_column(make_app, fixture_library):
    app = make_app(lib=fixture_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot, "talent")

        async def untick(policy_id: str) -> None:
            await pilot.click(next(t for t in screen.query(PolicyToggle) if t.policy_id == policy_id))
            await wait_for(pilot, lambda: policy_id not in screen.picked_policies, f"{policy_id} unticked")

        await untick("hewan-2025")
        assert screen.picked_policies == ["qingshi-2024", "jia-2024", "yi-2024"]
        await wait_for(
            pilot, lambda: clause_columns(screen) == [["qingshi-2024/a3", None, None]], "three columns"
        )
        for policy_id in ("qingshi-2024", "jia-2024", "yi-2024"):
            await untick(policy_id)
        await wait_for(pilot, lambda: "请至少选择一份政策" in screen_text(app), "the ask for a policy")
        assert screen.comparison is None


async def test_a_policy_with_nothing_on_the_topic_says_so(make_app, fixture_library):
    app = make_app(lib=fixture_library)
    async with app.run_test(size=SIZE) as pilot:
        await open_compare(pilot, "talent")  # 甲市 and 乙市 have nothing on it
        assert screen_text(app).count("无对应条款") == 4  # in the award row and in the column, for each


async def test_arrows_move_between_clauses_and_enter_lists_best_counterparts(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot, "headquarters")
        # the first row pairs p2.4.3 with m2 (开源企业落地无锡); start from att.4, in the second row
        screen.grid.cells[1][0].focus()
        await pilot.press("right")
        assert app.screen.focused.clause.id == "wuxi-draft/m4" and app.selected_id == "wuxi-draft/m4"
        await pilot.press("left")
        assert app.screen.focused.clause.id == "nanjing-2021/att.4"
        await pilot.press("right", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CounterpartScreen)
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert ids[:2] == ["nanjing-2021/att.4", "nanjing-2021/p2.4.3"]
        assert all(not i.startswith("wuxi-draft/") for i in ids)
        pair = [[c.clause.id for c in row] for row in app.screen.query_one("#counterparts-pair").cells]
        assert pair == [["wuxi-draft/m4", "nanjing-2021/att.4"]]
        assert "32.9" in screen_text(app)  # the score
        await pilot.press("down")  # the next counterpart goes side by side
        await settle(pilot)
        pair = [[c.clause.id for c in row] for row in app.screen.query_one("#counterparts-pair").cells]
        assert pair == [["wuxi-draft/m4", "nanjing-2021/p2.4.3"]]
        await pilot.press("g")  # and opens in browse
        await settle(pilot)
        assert app.selected_id == "nanjing-2021/p2.4.3" and app.current_mode == "browse"


async def test_best_counterpart_from_browse(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_clause("nanjing-2021/att.5")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, CounterpartScreen)
        assert app.screen.found[0].clause.id == "wuxi-draft/m12"
        # back in browse, another clause; the list follows it
        app.open_clause("wuxi-draft/m10")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.found[0].clause.id == "nanjing-2021/att.2"


async def test_counterparts_without_a_selected_clause_say_what_to_do(make_app, fixture_library):
    app = make_app(lib=fixture_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert "先在浏览或对比中选中一个条款" in screen_text(app)


async def test_matrix_enter_opens_that_topics_comparison(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MatrixScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(app.library.topics)
        text = screen_text(app)
        assert "3条 最高6000万元" in text and "数据要素" in text and "征求意见稿" in text
        await pilot.press("down", "down", "down", "down", "right", "enter")  # 总部与招商, Wuxi
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) and app.screen.topic_id == "headquarters"
        assert app.screen.query_one("#compare-topic", Select).value == "headquarters"
        assert ["nanjing-2021/att.4", "wuxi-draft/m4"] in clause_columns(app.screen)


async def test_export_asks_before_overwriting(make_app, tmp_path):
    app = make_app()
    target = tmp_path / "notes.md"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_compare(pilot, "open-source")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one(Input).value == "compare-open-source.md"
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_text(encoding="utf-8").startswith("# 开源（open-source）")

        screen.open_topic("talent")
        await settle(pilot)
        for answer, expected in (("n", "# 开源"), ("y", "# 人才")):
            await pilot.press("e")
            await settle(pilot)
            app.screen.query_one(Input).value = str(target)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmOverwrite)
            await pilot.press(answer)
            await settle(pilot)
            if answer == "n":  # back in the dialog, nothing written
                assert isinstance(app.screen, ExportDialog)
                await pilot.press("escape")
                await settle(pilot)
            assert target.read_text(encoding="utf-8").startswith(expected)
        assert isinstance(app.screen, CompareScreen)


async def test_export_csv_and_json_follow_the_chosen_format(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_compare(pilot, "parks")
        for fmt in ("csv", "json"):
            await pilot.press("e")
            await settle(pilot)
            app.screen.query_one("#format", Select).value = fmt
            await settle(pilot)
            path_input = app.screen.query_one(Input)
            assert path_input.value == f"compare-parks.{fmt}"
            path_input.value = str(tmp_path / f"parks.{fmt}")
            await pilot.press("enter")
            await settle(pilot)
        assert (tmp_path / "parks.csv").read_bytes().startswith(b"\xef\xbb\xbf")
        data = json.loads((tmp_path / "parks.json").read_text(encoding="utf-8"))
        assert [c["id"] for c in data["columns"][1]["clauses"]] == ["wuxi-draft/m10"]


async def test_export_to_an_unwritable_place_reports_and_stays_open(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_compare(pilot, "parks")
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one(Input).value = str(tmp_path / "missing" / "x.md")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        assert any("无法写入" in n.message for n in app._notifications)


async def test_copy_puts_markdown_on_the_clipboard(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_compare(pilot, "talent")
        await pilot.press("y")
        assert app.clipboard.startswith("# 人才（talent）") and "| 1 |" in app.clipboard
        assert clipboard.copy_file().read_text(encoding="utf-8") == app.clipboard  # the cache-file fallback
        assert any(n.title == "已复制：“人才”对比（Markdown）" for n in app._notifications)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard.startswith("# 主题 × 政策")
        assert clipboard.copy_file().read_text(encoding="utf-8") == app.clipboard


async def test_switching_language_redraws_in_english(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_compare(pilot, "talent")
        await pilot.press("f2")
        await settle(pilot)
        text = screen_text(app)
        assert (
            "Awards" in text
            and "amount not specified" in text
            and "Talent (talent)" in text
            and "（talent）" not in text
        )


async def test_policy_text_is_shown_literally(make_app, hostile_library):
    app = make_app(lib=hostile_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        screen.open_topic("talent", ["hostile"])
        await settle(pilot)
        text = screen_text(app)
        assert "[reverse]条款正文[/reverse]包含 [bold]标记[/bold]" in text


def test_a_clause_without_label_or_title_is_its_text_once(fixture_library):
    from dataclasses import replace

    from policytui.core.compare.phrases import SharedWording
    from policytui.tui.compare.grid import clause_content

    clause = next(iter(fixture_library.clauses()))
    text = "为加快我市软件和信息技术服务业发展，培育壮大一批具有核心竞争力的软件企业，制定本措施。"
    untitled = replace(clause, label="", title="", text=text)
    shown = clause_content(untitled, SharedWording(())).plain
    assert shown == f"{untitled.id}\n{text}"  # not a cut first line above the whole text
    titled = replace(clause, label="一、", title="总则", text=text)
    assert clause_content(titled, SharedWording(())).plain == f"{titled.id}\n一、总则\n{text}"
