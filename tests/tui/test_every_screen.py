"""One walk through every screen per language and size, checking on each what must hold everywhere:
the footer shows Escape and help first and cuts no key in half (issue 15), the screen's header,
footer, help rows and its widgets' own words (placeholders, toggles, tabs, column headers) are in
the user's language, and no figure is split across lines.

One walk does the three checks: opening every screen is most of what a TUI test costs."""

from __future__ import annotations

import itertools
import re

import pytest
from textual.widgets import Button, DataTable, Input, Select, Static, Tab
from textual.widgets._toggle_button import ToggleButton

from policytui.i18n import t
from policytui.tui.browse.screen import BrowseScreen
from policytui.tui.help.screen import HelpScreen, binding_rows
from policytui.tui.widgets.prose import LineBroken, Prose
from tests.tui.conftest import wait_for
from tests.tui.svg_rows import splits, svg_rows

WALK = [
    ("b", "browse"),
    ("o", "overview"),
    ("t", "targets"),
    ("v", "compare"),
    ("m", "matrix"),
    ("n", "counterparts"),
    ("a", "calc"),
    ("/", "search"),
]
WITH_PROSE = {"browse", "overview", "targets", "compare", "matrix", "calc"}  # the screens that lay out text
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Words that stay as they are in Chinese chrome: key names, formats, the language switch, ids.
KEPT = {
    "esc",
    "f1",
    "f2",
    "f4",
    "f5",
    "f6",
    "f7",
    "f8",
    "tab",
    "shift",
    "ctrl",
    "enter",
    "English",
    "Markdown",
    "CSV",
    "JSON",
    "Excel",
    "SVG",
    "Ctrl",
    "policytui",
    "OSC",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "space",
    "delete",
    "backspace",
    "insert",
    "escape",
    "question_mark",
    "CPU",
}  # a word of the policies' own (CPU芯片生态企业)
# A line that ends inside a number the next line goes on with (最高5 / 00万元, 2025-1 / 2-31).
SPLIT = re.compile(r"[0-9][,.\-]?$")
CONTINUES = re.compile(r"^[0-9万亿元%年月日号\-.,]")


def other_language(text: str, lang: str) -> list[str]:
    """Words of the other language in `text`: Chinese in English chrome (but 中文, the switch back),
    English words in Chinese chrome (but key names and format names)."""
    if lang == "en":
        return list(CJK.findall(text.replace("中文", "")))
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in KEPT and w.lower() not in KEPT]


def chrome(app) -> str:
    """The screen's title, footer and the words of its help rows (keys are key names)."""
    screen = app.screen
    return "\n".join([screen.sub_title, footer(app), *(words for _, words in binding_rows(screen, app.lang))])


def widget_chrome(screen) -> str:
    """The words the screen's widgets add of their own: placeholders, select prompts, toggle and
    button labels, tab labels, table headers, and the key hints of pickers and help."""
    words = [field.placeholder for field in screen.query(Input)]
    # a select's prompt shows when it is blank and as its blank choice: only where blank is allowed
    words += [str(select.prompt) for select in screen.query(Select) if select._allow_blank]
    words += [
        widget.label.plain
        for widget in [*screen.query(ToggleButton), *screen.query(Button), *screen.query(Tab)]
    ]
    words += [str(column.label) for table in screen.query(DataTable) for column in table.columns.values()]
    words += [
        static.content.plain
        for static in screen.query("#picker-keys, #help-close, #help-title")
        if isinstance(static, Static) and not isinstance(static.content, str)
    ]
    return "\n".join(words)


def without_examples(text: str, lang: str) -> str:
    """`text` without the examples of what to type (2亿, kaiyuan, topic:开源): those are input."""
    text = text.replace(t("calc.forms.money", lang), "")
    return re.sub(r"[（(][^）)]*[）)]|[a-z]+[:<>=]+\S*", "", text)


def footer(app) -> str:
    return app.screen.query_one("#keys", Static).content.plain


def split_figures(app) -> list[tuple[str, str]]:
    """Every text widget of the screen, as laid out: the pairs of lines that split a figure."""
    found = []
    for widget in app.screen.query(Prose):
        width = widget.content_region.width
        if not width or not widget.display:
            continue
        for own_line in widget.render().content.split("\n", allow_blank=True):  # the breaks wrapping made
            lines = LineBroken(own_line).wrapped(width).plain.split("\n")
            found += [
                (line, after)
                for line, after in itertools.pairwise(lines)
                if SPLIT.search(line) and CONTINUES.match(after)
            ]
    return found


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_screen_keeps_its_footer_its_language_and_its_figures_whole(make_app, lang, size):
    app = make_app(lang=lang)
    back, help_ = ("esc 返回", "f1 帮助") if lang == "zh" else ("esc Back", "f1 Help")

    def footer_starts_with_back_and_help() -> None:
        keys = footer(app)
        assert keys.startswith(f" {back}  {help_} "), (app.current_mode, keys)
        assert "…" not in keys  # keys that do not fit are left out whole

    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen) and app.screen._built, "browse")
        app.open_clause("wuxi-draft/m4")
        await wait_for(
            pilot,
            lambda: app.screen.tree.cursor_node and app.screen.tree.cursor_node.data == "wuxi-draft/m4",
            "the clause",
        )
        for key, mode in WALK:
            if app.current_mode != mode:
                await pilot.press(key)
                await wait_for(
                    pilot, lambda mode=mode: app.current_mode == mode and app.screen.is_current, mode
                )
            footer_starts_with_back_and_help()
            if (
                mode == "calc"
            ):  # it opens in its first input: Escape leaves the input, the next key is not typed
                await pilot.press("escape")
                await wait_for(pilot, lambda: not isinstance(app.focused, Input), "out of the input")
                assert app.current_mode == "calc"
                footer_starts_with_back_and_help()
            assert other_language(chrome(app), lang) == [], (mode, chrome(app))
            seen = without_examples(widget_chrome(app.screen), lang)
            assert other_language(seen, lang) == [], (mode, seen)
            if mode in WITH_PROSE:
                await wait_for(pilot, lambda: bool(app.screen.query(Prose)), f"{mode}'s text")
                assert split_figures(app) == [], mode
            # the whole screen as the terminal shows it: tables, trees, badges and charts too
            assert splits(app.export_screenshot()) == [], mode
            if size == (120, 36):  # the help screen's words do not depend on the size
                await pilot.press("f1")
                await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), f"help on {mode}")
                assert other_language(app.screen.query_one("#help-title", Static).content.plain, lang) == []
                await pilot.press("escape")
                await wait_for(
                    pilot, lambda mode=mode: app.current_mode == mode and app.screen.is_current, "help closed"
                )
        await pilot.press("escape")  # from the search back to the calculator
        await wait_for(pilot, lambda: app.current_mode == "calc" and app.screen.is_current, "back to calc")
        footer_starts_with_back_and_help()
        # the calculator with a result, its trace and what-if chart, then the firm estimate: read
        # from top to bottom, no figure split anywhere
        field = app.screen.query_one("#input-paid_in_capital", Input)
        field.focus()
        await pilot.press(*"2亿")
        await wait_for(pilot, lambda: app.screen.result is not None, "the result of 2亿")
        await pilot.press("f7")
        await wait_for(pilot, lambda: app.screen.estimate is not None, "the firm estimate")
        for tab, column in (("f7", "#calc-main"), ("f7", "#estimate-column")):
            await pilot.press(tab)
            scroll = app.screen.query_one(column)
            await wait_for(pilot, lambda scroll=scroll: scroll.display and scroll.size.height > 0, column)
            for _ in range(20):  # a page at a time, to the end
                await pilot.pause()
                assert splits(app.export_screenshot()) == [], (
                    column,
                    scroll.scroll_y,
                    svg_rows(app.export_screenshot()),
                )
                if scroll.scroll_y >= scroll.max_scroll_y:
                    break
                scroll.scroll_page_down(animate=False)
                await wait_for(pilot, lambda scroll=scroll: not scroll.is_scrolling, "scrolled")
