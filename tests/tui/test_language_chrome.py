"""Every word of the tool's own chrome in the user's language: each screen's widgets' own words
(placeholders, toggles, tabs, column headers), the related-clauses picker, the command palette
(placeholder, system commands, "no matches"), the theme picker, the Ctrl+C note and the screenshot
toast, in both languages (each screen's header, footer and help rows: test_every_screen). The
language choice is remembered like the theme."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, Static

from policytui.i18n import t
from policytui.tui.app import create_app
from policytui.tui.browse.screen import BrowseScreen
from policytui.tui.compare.export_dialog import ExportDialog
from policytui.tui.settings import settings_path
from tests.conftest import AS_OF
from tests.tui.conftest import toasts, wait_for
from tests.tui.test_every_screen import other_language, widget_chrome


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_pickers_and_dialogs_speak_the_users_language(make_app, lang, size):
    """The related-clauses picker, compare's export dialog and the theme picker (each screen's
    own widgets are checked on the walk of test_every_screen)."""
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen) and app.screen._built, "browse")
        app.open_clause("wuxi-draft/m4")
        await pilot.press("r")  # the related clauses
        await wait_for(pilot, lambda: app.screen.query("#picker-keys"), "the related picker")
        assert other_language(widget_chrome(app.screen), lang) == [], widget_chrome(app.screen)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "back to browse")
        await pilot.press("v")
        await wait_for(pilot, lambda: app.current_mode == "compare" and app.screen.is_current, "compare")
        await wait_for(pilot, lambda: app.screen.comparison is not None, "a comparison")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        seen = (
            widget_chrome(app.screen)
            + "\n"
            + "\n".join(
                static.content.plain
                for static in app.screen.query(Static)
                if not isinstance(static.content, str)
            )
        )
        assert other_language(seen, lang) == [], seen
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog), "the dialog closed")
        app.screen.set_focus(None)
        app.search_themes()
        await wait_for(
            pilot, lambda: isinstance(app.screen, CommandPalette) and app.screen.query(Input), "themes"
        )
        placeholder = app.screen.query_one(Input).placeholder
        assert placeholder and other_language(placeholder, lang) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_screenshot_toast_is_in_the_users_language(make_app, lang, tmp_path):
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen) and app.screen._built, "browse")
        app.deliver_screenshot("shot.svg", str(tmp_path))
        await wait_for(pilot, lambda: bool(toasts(app)), "the screenshot toast")
        assert (tmp_path / "shot.svg").exists()
        shown = toasts(app)
        assert str((tmp_path / "shot.svg").resolve()) in shown
        assert other_language(shown.replace(str((tmp_path / "shot.svg").resolve()), ""), lang) == [], shown
        assert ("截图已保存到" if lang == "zh" else "Screenshot saved to") in shown


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_palette_and_the_ctrl_c_note_are_in_the_users_language(make_app, lang):
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen) and app.screen._built, "browse")
        await pilot.press("ctrl+c")
        await wait_for(pilot, lambda: bool(toasts(app)), "the Ctrl+C note")
        assert other_language(toasts(app), lang) == []
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        query = app.screen.query_one(Input)
        assert other_language(query.placeholder, lang) == [] and query.placeholder
        commands = [f"{c.title} {c.help}" for c in app.get_system_commands(app.screen)]
        assert len(commands) >= 4 and other_language("\n".join(commands), lang) == [], commands
        query.value = "qqqqzzzz"
        no_match = "没有找到匹配项" if lang == "zh" else "No matches found"
        await wait_for(pilot, lambda: no_match in _options(app.screen), "the no-match line")


def _options(palette) -> str:
    from textual.command import CommandList

    options = palette.query_one(CommandList).options
    return " ".join(
        str(option.prompt.renderable if hasattr(option.prompt, "renderable") else option.prompt)
        for option in options
    )


async def test_the_language_choice_is_remembered_like_the_theme(library):
    app = create_app(as_of=AS_OF, lang=None, user_data=False, library=library)
    assert app.lang == "zh"  # nothing chosen yet
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.lang == "en", "English")
    assert '"lang": "en"' in settings_path().read_text(encoding="utf-8")
    assert create_app(as_of=AS_OF, lang=None, user_data=False).lang == "en"
    assert create_app(as_of=AS_OF, lang="zh", user_data=False).lang == "zh"  # --lang wins


async def test_english_mode_uses_city_en_half_width_punctuation_and_plurals(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen) and app.screen._built, "browse")
        app.open_clause("wuxi-draft/m4")
        await wait_for(pilot, lambda: "Topics" in _plain(app, "#details"), "m4")
        details = _plain(app, "#details")
        assert "Topics: " in details and "：" not in details.split("\n")[0][:12]
        assert "(upper bound)" in details and "（上限" not in details
        labels = [node.label.plain for node in app.screen.tree.root.children]
        assert labels[0].startswith("Nanjing") and labels[1].startswith("Wuxi")
        app.open_clause("wuxi-draft")
        await wait_for(pilot, lambda: "quantified" in _plain(app, "#text"), "facts")
        facts = _plain(app, "#text")
        assert (
            "City: Wuxi" in facts and "19 clauses; 22 quantified awards; 4 awards without a figure" in facts
        )
        app.open_clause("nanjing-2021")
        await wait_for(pilot, lambda: "City: Nanjing" in _plain(app, "#text"), "Nanjing's facts")
        assert "City: Nanjing (Jiangsu)" in _plain(
            app, "#text"
        )  # the province in English, in half-width brackets


def _plain(app, selector: str) -> str:
    content = app.screen.query_one(selector, Static).content
    return content if isinstance(content, str) else content.plain


def test_plurals_follow_the_count():

    assert t("compare.clause_count", "en", n=1) == "1 clause"
    assert t("compare.clause_count", "en", n=3) == "3 clauses"
    assert t("compare.clause_count", "zh", n=1) == "1条"
