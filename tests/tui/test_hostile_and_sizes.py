"""Text from data files is shown as text; CJK layouts hold at 120x36, 80x24 and 40x12."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import Input

from policytui.tui.browse.screen import BrowseScreen
from policytui.tui.browse.tree import PolicyTree
from tests.conftest import FIXTURES
from tests.tui.conftest import screen_text, settle, toasts, wait_for

SIZES = [(120, 36), (80, 24), (40, 12)]


def test_the_hostile_fixture_really_holds_markup_and_escapes():
    raw = (FIXTURES / "hostile" / "hostile.toml").read_text(encoding="utf-8")
    assert "[bold red]" in raw and "\\u001b]52" in raw and "[reverse]" in raw


async def test_markup_in_a_policy_is_shown_literally_and_escapes_never_reach_the_screen(
    make_app, hostile_library
):
    app = make_app(lib=hostile_library)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_clause("hostile/a1")
        await settle(pilot)
        shown = screen_text(app)
        assert "[reverse]条款正文[/reverse]包含 [bold]标记[/bold]。" in shown
        assert "[bold red]伪造标题[/]" in shown  # the policy title, in the tree and the breadcrumb
        assert "[b]红字" in shown  # label and title: the escape sequences are gone
        tree = app.screen.query_one(PolicyTree)
        assert tree.cursor_node.label.plain == "[b]红字"
        assert not any(ch in shown for ch in "\x1b\x07\x9b")


async def test_hostile_text_stays_literal_in_the_clipboard_palette_and_overview(make_app, hostile_library):
    app = make_app(lib=hostile_library)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        app.open_clause("hostile/a1")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert "[reverse]条款正文[/reverse]包含 [bold]标记[/bold]。" in app.clipboard
        assert not any(ch in app.clipboard for ch in "\x1b\x07")
        assert "已复制：[b]红字" in toasts(app)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        app.screen.query_one(Input).value = "伪造"
        await wait_for(pilot, lambda: "[bold red]伪造标题[/]" in screen_text(app), "the hit, shown literally")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert "[link=https://example.com]某市[/link]" in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_every_screen_lays_out_at_every_size(make_app, size):
    """One app per size, each screen opened from the clause being read and left with Escape."""
    app = make_app()
    expected = "窗口太小" if size == (40, 12) else "截至 2026-11-22"
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen) and app.screen._built, "browse")
        app.open_clause("wuxi-draft/m4")
        for keys in [(), ("o",), ("t",), ("t", "g"), ("r",), ("f1",)]:
            await pilot.press(*keys)
            await wait_for(
                pilot, lambda keys=keys: bool(keys) != isinstance(app.screen, BrowseScreen), f"{keys} opened"
            )
            await wait_for(pilot, lambda: expected in screen_text(app), f"{keys}: {expected}")
            if size != (40, 12):
                assert "窗口太小" not in screen_text(app), keys
            if keys:
                await pilot.press("escape")
                await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "back to browse")
