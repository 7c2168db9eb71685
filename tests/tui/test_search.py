"""The search screen: `/` opens it, results follow every keystroke, Enter opens the clause in
Browse, and the query is still there on coming back."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, OptionList, Select

from policytui.tui.browse.screen import BrowseScreen
from policytui.tui.search.screen import SearchScreen
from tests.tui.conftest import SIZE, browse_built, screen_text, settle, wait_for


async def open_search(pilot) -> SearchScreen:
    await browse_built(pilot)
    await pilot.press("slash")
    await wait_for(
        pilot,
        lambda: isinstance(pilot.app.screen, SearchScreen) and pilot.app.screen.index is not None,
        "the index, built in a worker",
    )
    await settle(pilot)
    return pilot.app.screen


def result_ids(screen: SearchScreen) -> list[str]:
    options = screen.query_one("#search-results", OptionList)
    return [
        options.get_option_at_index(i).id
        for i in range(options.option_count)
        if options.get_option_at_index(i).id
    ]


async def test_results_follow_every_keystroke_and_enter_opens_browse(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        assert isinstance(screen, SearchScreen)
        assert screen.query_one("#search-query", Input).has_focus
        await pilot.press("z", "j")
        assert "wuxi-draft/m6" in result_ids(screen)  # zj: 专精 already
        await pilot.press("t", "x")
        await settle(pilot)
        assert result_ids(screen)[:2] == ["nanjing-2021/p2.4.2", "wuxi-draft/m6"]
        assert "“zjtx”：" in screen_text(app)
        await pilot.press("down", "enter")  # the second result
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)
        assert app.selected_id == "wuxi-draft/m6"
        await pilot.press("slash")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one("#search-query", Input).value == "zjtx"
        assert result_ids(screen)[:2] == ["nanjing-2021/p2.4.2", "wuxi-draft/m6"]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen) and app.selected_id == "wuxi-draft/m6"


async def test_snippets_mark_the_hits_and_status_is_shown(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"kaiyuan")
        await settle(pilot)
        options = screen.query_one("#search-results", OptionList)
        prompt = options.get_option_at_index(0).prompt
        marked = [prompt.plain[span.start : span.end] for span in prompt.spans if "accent" in str(span.style)]
        assert marked and set(marked) == {"开源"}
        assert "已失效" in prompt.plain


async def test_a_bad_query_says_why_and_typing_on_recovers(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"topic:")
        await settle(pilot)
        assert "“topic:”缺少值" in screen_text(app) and result_ids(screen) == []
        await pilot.press(*"开源")
        await settle(pilot)
        assert result_ids(screen)[:1] == ["nanjing-2021/p2.1.1"]


async def test_english_ui_words(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot)
        text = screen_text(app)
        assert "Results as you type" in text and "Search · as of 2026-11-22" in text
        assert all(
            words in text
            for words in ("City: Any", "Status: Any", "Kind: Any", "In force first", "Group by policy")
        )


async def test_markup_in_a_policy_is_shown_literally_in_results(make_app, hostile_library):
    app = make_app(lib=hostile_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"条款正文")
        await settle(pilot)
        assert result_ids(screen)[:1] == ["hostile/a1"]
        text = screen_text(app)
        assert "[reverse]条款正文[/reverse]" in text and "[link=https://example.com]某市[/link]" in text
        assert "\x1b" not in text


async def test_toggles_filter_like_the_syntax_and_order_in_force_first(make_app, library):
    from policytui.core.loader import load_library
    from policytui.core.locations import data_dirs
    from tests.conftest import FIXTURES

    with_third_city = load_library(dirs=data_dirs([FIXTURES / "search"], user=False, env={}))
    app = make_app(lib=with_third_city)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"总部")
        await settle(pilot)
        plain = result_ids(screen)
        assert plain[0] == "wuxi-draft/m4" and "qingshi-2024/a1" in plain
        screen.query_one("#search-in-force-first", Checkbox).value = True
        await settle(pilot)
        assert result_ids(screen)[0] == "qingshi-2024/a1" and sorted(result_ids(screen)) == sorted(plain)
        screen.query_one("#search-filter-city", Select).value = "无锡"
        await settle(pilot)
        assert result_ids(screen) and all(i.startswith("wuxi-draft/") for i in result_ids(screen))
        screen.query_one("#search-filter-city", Select).value = Select.NULL
        screen.query_one("#search-filter-status", Select).value = "in-force"
        await settle(pilot)
        assert result_ids(screen) == ["qingshi-2024/a1"]
        screen.query_one("#search-filter-status", Select).value = Select.NULL
        screen.query_one("#search-filter-kind", Select).value = "subsection"
        await settle(pilot)
        assert result_ids(screen) and all(
            with_third_city.clause(i).kind == "subsection" for i in result_ids(screen)
        )


async def test_grouped_results_have_a_heading_per_policy_with_its_status(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        screen.query_one("#search-group", Checkbox).value = True
        await pilot.press(*"kaiyuan")
        await settle(pilot)
        options = screen.query_one("#search-results", OptionList)
        headings = [
            options.get_option_at_index(i)
            for i in range(options.option_count)
            if options.get_option_at_index(i).disabled
        ]
        assert [h.prompt.plain.split()[0] for h in headings] == ["Nanjing", "Wuxi"]  # city_en in English
        assert "[Expired (valid until 2025-12)]" in headings[0].prompt.plain
        assert options.highlighted_option.id == result_ids(screen)[0]  # the first clause, not a heading
        await pilot.press("enter")
        await settle(pilot)
        assert app.selected_id == result_ids(screen)[0]


async def test_a_query_that_finds_nothing_offers_the_closest_words(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"headquaters")
        await settle(pilot)
        assert result_ids(screen) == []
        assert "No clause matches “headquaters”  Did you mean: headquarters" in screen_text(app)


async def test_inflections_spaced_pinyin_and_long_initials_on_the_screen(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        query = screen.query_one("#search-query", Input)
        for typed, expected in (
            ("headquartered", "wuxi-draft/m4"),
            ("zhuan jing te xin", "wuxi-draft/m6"),
            ("fzzhsq", "nanjing-2021/p2.5.2"),
        ):
            query.value = typed
            await settle(pilot)
            assert expected in result_ids(screen)[:5], typed
