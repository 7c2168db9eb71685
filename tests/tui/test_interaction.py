"""Issue 15's interaction: Escape goes back (leaving an input first), q and Ctrl+Q quit, keys that
do nothing say why, each screen opens with focus where the user acts, tabbing into a filled field
keeps its value. At 80x24 and 120x36. (The footer on every screen: test_every_screen.)"""

from __future__ import annotations

import re
from datetime import date

import pytest
from textual.widgets import DataTable, Input, Static

from policytui.tui.app import create_app
from policytui.tui.browse.screen import BrowseScreen
from policytui.tui.compare.grid import ClauseCell
from policytui.tui.help.screen import HelpScreen
from tests.tui.conftest import opened, screen_text, toasts, wait_for
from tests.tui.svg_rows import svg_rows

SIZES = [(80, 24), (120, 36)]


@pytest.fixture
def make_app(make_app, fixture_library):
    """Apps on the fixture library (河湾, 青石, 甲市, 乙市) unless a test passes another."""
    return lambda lang="zh", lib=None: make_app(lang=lang, lib=lib or fixture_library)


async def press_and_wait(pilot, key: str, mode: str) -> None:
    await pilot.press(key)
    await wait_for(pilot, lambda: pilot.app.current_mode == mode and pilot.app.screen.is_current, mode)


@pytest.mark.parametrize("size", SIZES)
async def test_escape_goes_back_screen_by_screen_and_says_so_at_the_first(make_app, size):
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await opened(pilot, "hewan-2025/m6")
        await press_and_wait(pilot, "o", "overview")
        await press_and_wait(pilot, "v", "compare")
        await press_and_wait(pilot, "escape", "overview")
        await press_and_wait(pilot, "escape", "browse")
        await pilot.press("escape")
        await wait_for(pilot, lambda: "没有可返回的界面" in toasts(app), "the no-way-back note")
        assert app.current_mode == "browse"


@pytest.mark.parametrize("size", SIZES)
async def test_escape_leaves_an_input_before_leaving_the_screen(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await opened(pilot, "hewan-2025/m6")
        await press_and_wait(pilot, "a", "calc")
        field = await _first_input(pilot)
        field.focus()
        await wait_for(pilot, lambda: app.focused is field)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.focused is not field, "focus out of the input")
        assert app.current_mode == "calc"
        await press_and_wait(pilot, "escape", "browse")


async def _first_input(pilot) -> Input:
    await wait_for(pilot, lambda: bool(pilot.app.screen.query(Input)), "the calculator's inputs")
    return pilot.app.screen.query(Input).first()


async def test_q_quits_outside_an_input_and_is_typed_inside_one(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot, "hewan-2025/m6")
        await press_and_wait(pilot, "/", "search")
        query = app.screen.query_one("#search-query", Input)
        await wait_for(pilot, lambda: app.focused is query, "the query focused")
        await pilot.press("q")
        await wait_for(pilot, lambda: query.value == "q", "q typed into the query")
        assert app.is_running
        await press_and_wait(pilot, "escape", "browse")
        await pilot.press("q")
        await wait_for(pilot, lambda: not app.is_running, "quit")


async def test_ctrl_c_says_how_to_quit_in_the_ui_language(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await opened(pilot, "hewan-2025/m6")
        await pilot.press("ctrl+c")
        await wait_for(pilot, lambda: "按 Ctrl+Q 退出" in toasts(app), "the Ctrl+C note in Chinese")
        assert "Press" not in toasts(app)


async def test_r_on_a_policy_node_says_why_it_does_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await opened(pilot, "hewan-2025")
        await pilot.press("r")
        await wait_for(pilot, lambda: "相关条款需先选中一条条款" in toasts(app), "the reason")
        assert isinstance(app.screen, BrowseScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_targets_of_a_policy_without_a_table_says_so(make_app, library, size):
    app = make_app(lib=library)  # only Nanjing's document has an indicator table
    async with app.run_test(size=size) as pilot:
        await opened(pilot, "wuxi-draft/m4")
        await press_and_wait(pilot, "t", "targets")
        title = app.screen.query_one("#targets-title", Static)
        await wait_for(pilot, lambda: "没有指标表" in title.content.plain, "the no-table note")
        assert app.screen.policy is None and not app.screen.query_one("#targets-body").display
        await pilot.press("p")
        await wait_for(pilot, lambda: app.screen.policy is not None, "p shows a policy with a table")
        assert app.screen.policy.id == "nanjing-2021"
        await pilot.press("f1")  # back from help: as it was
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.current_mode == "targets" and app.screen.is_current, "back")
        assert app.screen.policy.id == "nanjing-2021"
        # back in browse on the same policy, `t` again: that policy, not the one p showed last
        await press_and_wait(pilot, "b", "browse")
        await press_and_wait(pilot, "t", "targets")
        await wait_for(pilot, lambda: app.screen.policy is None, "the no-table note again")
        assert "没有指标表" in title.content.plain


@pytest.mark.parametrize("size", SIZES)
async def test_compare_opens_on_the_clause_being_read_and_the_matrix_on_a_cell(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await opened(pilot, "qingshi-2024/a1")
        await press_and_wait(pilot, "v", "compare")
        await wait_for(pilot, lambda: isinstance(app.focused, ClauseCell), "a clause focused")
        assert app.focused.clause.id == "qingshi-2024/a1"
        await pilot.press("left")
        await wait_for(pilot, lambda: app.focused.clause.policy_id == "hewan-2025", "left moves to 河湾")
        await press_and_wait(pilot, "m", "matrix")
        await wait_for(pilot, lambda: isinstance(app.focused, DataTable), "the matrix focused")
        assert app.focused.cursor_coordinate.column == 1


async def test_back_from_help_the_overview_keeps_the_policy_it_showed(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot, "hewan-2025/m6")
        await press_and_wait(pilot, "o", "overview")
        await wait_for(
            pilot, lambda: app.screen.policy is not None and app.screen.policy.id == "hewan-2025", "河湾"
        )
        await pilot.press("p")
        await wait_for(pilot, lambda: app.screen.policy.id != "hewan-2025", "p shows another policy")
        shown = app.screen.policy.id
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.current_mode == "overview" and app.screen.is_current, "back")
        assert app.screen.policy.id == shown
        # back in browse on the same clause, `o` again: its policy, not the one p showed last
        await press_and_wait(pilot, "b", "browse")
        await press_and_wait(pilot, "o", "overview")
        await wait_for(pilot, lambda: app.screen.policy.id == "hewan-2025", "河湾 again")


async def test_tabbing_into_a_filled_field_puts_the_cursor_at_its_end(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot, "hewan-2025/m6")
        await press_and_wait(pilot, "a", "calc")
        field = await _first_input(pilot)
        field.value = "2亿"
        field.focus()
        await wait_for(pilot, lambda: app.focused is field)
        await pilot.press("tab")
        await wait_for(pilot, lambda: app.focused is not field, "tab away")
        await pilot.press("shift+tab")
        await wait_for(pilot, lambda: app.focused is field, "tab back")
        assert field.selection.is_empty and field.cursor_position == len("2亿")
        await pilot.press("0")
        await wait_for(pilot, lambda: field.value == "2亿0", "typing appends, never wipes")


@pytest.mark.parametrize("size", SIZES)
async def test_the_calculator_names_the_policy_status_before_any_result(fixture_library, size):
    app = create_app(as_of=date(2028, 1, 1), lang="zh", user_data=False, library=fixture_library)
    async with app.run_test(size=size) as pilot:
        await opened(pilot, "hewan-2025/m6")
        await press_and_wait(pilot, "a", "calc")
        head = app.screen.query_one("#rule-head", Static)
        await wait_for(
            pilot, lambda: not isinstance(head.content, str) and "hewan-2025" in head.content.plain, "rule"
        )
        assert "已失效（有效期至2027-12-31）" in head.content.plain
        assert app.screen.result is None  # nothing typed yet, the status is already there


async def test_a_narrow_matrix_shortens_topic_names_never_figures(make_app, library):
    app = make_app(lib=library)  # two columns: the fixture library's four leave no room for a name
    async with app.run_test(size=(60, 20)) as pilot:
        await opened(pilot, "wuxi-draft/m4")
        await press_and_wait(pilot, "m", "matrix")
        await wait_for(
            pilot, lambda: "最高不超过500万元" in screen_text(app), "the figures whole at 60 columns"
        )
        assert "新兴技术与人工…" in screen_text(app)
        await pilot.resize_terminal(120, 36)
        await wait_for(pilot, lambda: "新兴技术与人工智能" in screen_text(app), "the names whole again")


async def test_ctrl_q_quits_even_from_an_input(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, "hewan-2025/m6")
        await press_and_wait(pilot, "/", "search")
        await wait_for(pilot, lambda: isinstance(app.focused, Input), "the query focused")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running, "quit")


@pytest.mark.parametrize("size", SIZES)
async def test_the_rule_picker_shows_every_rules_status_whole(make_app, library, size):
    """Each rule in the picker ends with its policy's status badge, also the ones whose badge
    wraps only once the list's scrollbar has narrowed it (it used to be left out)."""
    app = make_app(lib=library)
    async with app.run_test(size=size) as pilot:
        await opened(pilot, "nanjing-2021")
        await press_and_wait(pilot, "a", "calc")
        rules = app.screen.query_one("#rule-list")
        await wait_for(pilot, lambda: rules.option_count > 10 and rules.show_vertical_scrollbar, "the rules")
        await pilot.pause()
        region = rules.scrollable_content_region  # without the scrollbar
        rows = svg_rows(app.export_screenshot())[region.y : region.bottom]
        shown = [row[region.x : region.right].replace("\0", "").strip() for row in rows]
        ids = [i for i, row in enumerate(shown) if re.match(r"nanjing-2021:\S+", row)]
        assert len(ids) >= 4, shown
        for i in ids[:-1]:  # the last may be cut by the list's bottom edge
            assert "[已失效]" in shown[i] or shown[i + 1] == "[已失效]", shown


@pytest.mark.parametrize("size", SIZES)
async def test_typing_at_once_after_a_goes_into_the_calculators_first_input(make_app, library, size):
    """`a` then `2亿` as fast as a terminal sends them: the keys reach the browse screen before the
    calculator exists; they end up in the rule's first input, and the result follows."""
    from textual import events

    from policytui.render.calc.wording import headline

    app = make_app(lib=library)
    async with app.run_test(size=size) as pilot:
        await opened(pilot, "wuxi-draft/m4")
        for key in "a2亿":  # posted without waiting for the app between them, as a terminal does
            app.post_message(events.Key(key, key))
        await wait_for(pilot, lambda: app.current_mode == "calc", "the calculator")
        await wait_for(
            pilot,
            lambda: app.screen.result is not None and headline(app.screen.result, "zh") == "最高 400万元",
            "the result of 2亿",
        )
        field = app.screen.query_one("#input-paid_in_capital", Input)
        assert field.value == "2亿" and app.focused is field


@pytest.mark.parametrize("size", SIZES)
async def test_typing_at_once_after_a_on_a_rule_with_no_input_goes_into_the_rule_search(make_app, size):
    """The rule of what is being read may need no input (an award with no figure): what is typed
    then searches the rules, rather than being lost."""
    from textual import events

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await opened(pilot, "hewan-2025/m7")  # talent housing: no figure, nothing to type
        for key in "a总部":
            app.post_message(events.Key(key, key))
        await wait_for(pilot, lambda: app.current_mode == "calc" and app.screen.query("#rule-filter"), "calc")
        search = app.screen.query_one("#rule-filter", Input)
        await wait_for(pilot, lambda: search.value == "总部", "the keys in the rule search")
        assert app.focused is search
        assert not app.screen.query_one("#rule-form").query("Input, Select")
