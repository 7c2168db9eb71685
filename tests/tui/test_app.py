"""The app shell: the footer's keys, clickable; the CLI opening the browser without its commands."""

from __future__ import annotations

import argparse

import pytest
from textual.content import Content
from textual.widgets import Static

from policytui.cli.main import browser_options
from policytui.tui.targets.screen import TargetsScreen
from tests.tui.conftest import SIZE, settle


def footer(app) -> str:
    return app.screen.query_one("#keys", Static).content.plain


async def test_footer_shows_the_screen_keys_then_the_app_keys_and_the_palette_on_the_right(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = footer(app)
        assert keys.startswith(" esc 返回  f1 帮助  f2 English  r 相关条款  c 复制 ")
        assert " o 概览 " in keys and " t 目标 " in keys and " f2 English " in keys
        assert " b 浏览 " not in keys  # the key of the screen you are on
        assert app.screen.query_one("#palette-key", Static).content.plain == " ^p 命令面板 "
        await pilot.press("f2")
        await settle(pilot)
        assert footer(app).startswith(" esc Back  f1 Help  f2 中文  r Related  c Copy ")


async def test_clicking_a_key_in_the_footer_runs_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = footer(app)
        x = Content(keys[: keys.index(" t 目标")]).cell_length + 1
        await pilot.click("#keys", offset=(x, 0))
        await settle(pilot)
        assert isinstance(app.screen, TargetsScreen)


def test_the_browser_opens_without_the_command_modules():
    args = browser_options(["--as-of", "2024-06-30", "--lang", "en", "--data", "x", "--no-user-data"])
    assert isinstance(args, argparse.Namespace) and args.command is None
    assert (args.as_of.isoformat(), args.lang, args.data, args.no_user_data) == (
        "2024-06-30",
        "en",
        ["x"],
        True,
    )
    for argv in (["list"], ["--as-of", "not-a-date"], ["--help"], ["--version"], ["--lang", "fr"]):
        assert browser_options(argv) is None  # the full parser handles (and reports) these


async def test_a_bug_in_a_handler_ends_in_one_line_and_a_crash_report(make_app, monkeypatch, capsys):
    from policytui.tui.crash import crash_log_path

    monkeypatch.delenv("POLICYTUI_DEBUG", raising=False)
    app = make_app()

    def broken_help() -> None:
        raise RuntimeError("planted bug")

    monkeypatch.setattr(app, "action_help", broken_help)
    with pytest.raises(RuntimeError, match="planted bug"):  # Pilot re-raises it for the test
        async with app.run_test() as pilot:
            await pilot.press("f1")
    shown = capsys.readouterr().err.replace("\n", "")  # the console wraps at its width
    assert app.return_code == 1
    assert shown.startswith("policytui 因内部错误退出：RuntimeError: planted bug。完整报告：")
    assert "Traceback" not in shown and shown.endswith(str(crash_log_path()))
    report = crash_log_path().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in report and "planted bug" in report
