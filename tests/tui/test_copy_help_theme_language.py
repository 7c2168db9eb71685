"""Copy (c), help (F1, ?), the theme remembered across runs, and the language switch (F2)."""

from __future__ import annotations

import json

from policytui.tui import clipboard
from policytui.tui.app import create_app
from policytui.tui.help.screen import HelpScreen, binding_rows
from policytui.tui.settings import settings_path
from tests.conftest import AS_OF
from tests.tui.conftest import SIZE, screen_text, settle, toasts


async def test_copy_puts_the_clause_with_policy_and_status_on_the_clipboard(make_app):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open_clause("wuxi-draft/m4")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        copied = app.clipboard
        assert copied.startswith("（四）支持总部企业落地发展\n（四）支持总部企业落地发展。在我市")
        assert "出处：《无锡市促进软件产业高质量发展的若干政策措施（征求意见稿）》 wuxi-draft/m4" in copied
        assert (
            "状态：征求意见稿，拟定有效期已过（拟至2025-12-31）（截至 2026-11-22）" in copied
        )  # render.status_text
        assert clipboard.copy_file().read_text(encoding="utf-8") == copied
        shown = toasts(app)
        assert "已复制：（四）支持总部企业落地发展" in shown and str(clipboard.copy_file()) in shown


def test_a_clause_copied_in_english_has_english_punctuation(library):
    clause = library.clause("wuxi-draft/m4")
    copied = clipboard.clause_as_text(clause, library, AS_OF, "en")
    own_lines = [
        line for line in copied.split("\n") if line.startswith(("Source", "Status"))
    ]  # the tool's lines
    assert own_lines[0] == "Source: 无锡市促进软件产业高质量发展的若干政策措施（征求意见稿） wuxi-draft/m4"
    assert own_lines[1].startswith("Status: Draft for comments, ") and own_lines[1].endswith(
        " (as of 2026-11-22)"
    )


async def test_copy_uses_a_system_tool_when_one_is_installed(make_app, monkeypatch, tmp_path):
    received = tmp_path / "received.txt"
    tool = tmp_path / "fake-copy"
    tool.write_text(f"#!/bin/sh\ncat > {received}\n")
    tool.chmod(0o755)
    monkeypatch.setattr(clipboard, "SYSTEM_TOOLS", ((str(tool),),))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open_clause("wuxi-draft/m4")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert received.read_text(encoding="utf-8") == app.clipboard
        assert f"及系统剪贴板（{tool}）" in toasts(app)


async def test_copy_on_a_policy_node_asks_for_a_clause(make_app):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == "" and "请先选择一个条款" in toasts(app)


async def test_help_lists_every_binding_of_the_current_screen(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = {description: keys for keys, description in binding_rows(app.screen.below, "zh")}
        assert rows["相关条款"] == "r" and rows["复制"] == "c" and rows["帮助"] == "f1 ?"
        for expected in ("概览", "目标", "English", "命令面板", "展开/折叠", "上移", "下一区域"):
            assert expected in rows
        shown = screen_text(app)
        assert "浏览：全部按键" in shown and "相关条款" in shown  # the screen's own keys come first
        await pilot.press("escape")
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        descriptions = [d for _, d in binding_rows(app.screen.below, "zh")]
        assert descriptions[:2] == ["下一份政策", "原文定位"] and "相关条款" not in descriptions


async def test_theme_choice_is_remembered_in_the_config_file():
    app = create_app(as_of=AS_OF, user_data=False)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await settle(pilot)
    assert json.loads(settings_path().read_text(encoding="utf-8")) == {"theme": "nord"}
    again = create_app(as_of=AS_OF, user_data=False)
    assert again.theme == "nord"


def test_a_broken_or_unknown_theme_setting_is_ignored():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{not json", encoding="utf-8")
    assert create_app(as_of=AS_OF).theme == "textual-dark"
    settings_path().write_text('{"theme": "no-such-theme"}', encoding="utf-8")
    assert create_app(as_of=AS_OF).theme == "textual-dark"


async def test_f2_switches_the_ui_to_english_and_back(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_clause("wuxi-draft/m4")
        await settle(pilot)
        assert "相关条款" in screen_text(app)
        await pilot.press("f2")
        await settle(pilot)
        shown = screen_text(app)
        assert app.lang == "en"
        assert "Related" in shown and "Draft for comments" in shown and "Browse · as of 2026-11-22" in shown
        assert "（四）支持总部企业落地发展。在我市" in shown  # the policy text stays as written
        await pilot.press("o")
        await settle(pilot)
        assert "Policy overview" in screen_text(app) and "Issuer" in screen_text(app)
        await pilot.press("f2")
        await settle(pilot)
        assert "发文机关" in screen_text(app)


async def test_lang_en_from_the_start(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await settle(pilot)
        shown = screen_text(app)
        assert "Targets · as of 2026-11-22" in shown and "Indicator" in shown and "Expired" in shown
