"""Browse: the first paint does not wait for the library; moving in the tree updates the pane."""

from __future__ import annotations

import threading

from textual.widgets import Static

from policytui.tui.app import create_app
from policytui.tui.browse.screen import BrowseScreen
from policytui.tui.browse.tree import PolicyTree
from tests.conftest import AS_OF, FIXTURES
from tests.tui.conftest import SIZE, opened, screen_text, settle, toasts, wait_for


def pane(app) -> str:
    return "\n".join(
        str(w.content) if isinstance(w.content, str) else w.content.plain
        for w in app.screen.query("#pane Static")
    )


async def library_loaded(app, pilot) -> None:
    """Wait for the worker to deliver the library, then for the screen to redraw."""
    await wait_for(pilot, lambda: app.library is not None, "the library")
    await settle(pilot)


async def test_first_screen_paints_before_the_library_loads_then_fills_in(monkeypatch):
    from policytui.core import loader

    release = threading.Event()
    real_load = loader.load_library

    def slow_load(*args, **kwargs):
        release.wait(10)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(loader, "load_library", slow_load)
    app = create_app(as_of=AS_OF, user_data=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.library is None
        assert "正在加载政策" in screen_text(app) and "浏览 · 截至 2026-11-22" in screen_text(app)
        release.set()
        await library_loaded(app, pilot)
        assert set(app.library.policies) == {"nanjing-2021", "wuxi-draft"}
        assert app.screen.query_one(PolicyTree).cursor_node.data == "nanjing-2021"
        assert "已失效（有效期至2025-12）" in pane(app)


async def test_a_library_read_before_the_app_is_mounted_is_shown_with_its_errors(monkeypatch, tmp_path):
    """The files are read from the moment the app starts: when they are in before the app is
    mounted, the app shows them once it is, and tells their errors once."""
    import asyncio
    import shutil

    from policytui.tui.app import PolicyApp

    shutil.copy(FIXTURES / "bad" / "malformed.toml", tmp_path)
    real_mount = PolicyApp.on_mount

    async def mount_once_read(self):
        for _ in range(1000):  # 10 s at most
            if self.library is not None:
                break
            await asyncio.sleep(0.01)
        real_mount(self)

    monkeypatch.setattr(PolicyApp, "on_mount", mount_once_read)
    app = create_app(data=[str(tmp_path)], as_of=AS_OF, user_data=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await library_loaded(app, pilot)
        await wait_for(pilot, lambda: app.screen.query(PolicyTree), "the tree")
        await settle(pilot)
        assert app.screen.query_one(PolicyTree).cursor_node.data == "nanjing-2021"
        assert toasts(app).count("数据问题") == 1


async def test_moving_in_the_tree_updates_the_pane_at_once(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)
        # To the Wuxi policy (the next sibling), into part 二 and down to （四）.
        await pilot.press("shift+down", "down", "down", "down", "down", "enter", "down")
        await settle(pilot)
        assert app.selected_id == "wuxi-draft/m4"
        text = pane(app)
        assert "（四）支持总部企业落地发展。在我市新注册设立" in text
        assert (
            "征求意见稿" in text and "拟定有效期已过（拟至2025-12-31）" in text and "截至 2026-11-22" in text
        )
        assert (
            "无锡市促进软件产业高质量发展的若干政策措施（征求意见稿） › 二、实施企业梯度培育 › （四）" in text
        )
        assert (
            "市发展改革委、市财政局；另有各市（县）、区人民政府（据（一）：“以下均需各市（县）、区人民政府落实，不再列出”）"
            in text
        )
        assert "总部与招商" in text
        assert "最高6000万元（上限）" in text
        await pilot.press("down")
        await settle(pilot)
        assert app.selected_id == "wuxi-draft/m5" and "（五）支持骨干企业发展壮大" in pane(app)


def marked(app) -> set[str]:
    """The highlighted runs of the clause text."""
    content = app.screen.query_one("#text", Static).content
    return {content.plain[span.start : span.end] for span in content.spans}


async def test_monetary_figures_are_highlighted(make_app, fixture_library):
    app = make_app(lib=fixture_library)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, "hewan-2025/m1")  # three thresholds and three awards
        await wait_for(
            pilot,
            lambda: {"1亿元", "5亿元", "10亿元", "20万元", "50万元", "100万元"} <= marked(app),
            "the figures marked",
        )


async def test_an_award_without_figure_is_marked_and_worded_as_unspecified(make_app, fixture_library):
    app = make_app(lib=fixture_library)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, "hewan-2025/m8")  # 给予适当补助
        await wait_for(pilot, lambda: "给予适当补助" in marked(app), "the promise marked")
        assert "金额未明确" in pane(app)


async def test_open_clause_from_another_screen_and_an_unknown_id(make_app, fixture_library):
    app = make_app(lib=fixture_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: app.current_mode == "targets", "targets")
        app.open_clause("qingshi-2024/a5")
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "back in browse")
        await wait_for(
            pilot, lambda: app.screen.query_one(PolicyTree).cursor_node.data == "qingshi-2024/a5", "a5"
        )
        await wait_for(pilot, lambda: "第五条 开源生态" in pane(app), "its text")
        app.open_clause("nowhere/x9")
        await wait_for(pilot, lambda: "没有条款“nowhere/x9”" in toasts(app), "the note")
        assert app.screen.query_one(PolicyTree).cursor_node.data == "qingshi-2024/a5"


async def test_the_tree_shows_each_policy_status_as_of_the_app_date(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        labels = [node.label.plain for node in app.screen.query_one(PolicyTree).root.children]
        assert labels == [
            "南京 [已失效] 南京市推进软件名城提质升级打造万亿级产业行动计划",
            "无锡 [征求意见稿 拟定有效期已过] 无锡市促进软件产业高质量发展的若干政策措施（征求意见稿）",
        ]
        await pilot.press("f2")
        await settle(pilot)
        labels = [node.label.plain for node in app.screen.query_one(PolicyTree).root.children]
        assert labels[1].startswith("Wuxi [draft, proposed validity passed] ")


async def test_a_policy_in_force_is_marked_so(library):
    from datetime import date

    app = create_app(as_of=date(2023, 6, 30), user_data=False, library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        labels = [node.label.plain for node in app.screen.query_one(PolicyTree).root.children]
        assert labels[0].startswith("南京 [有效] ") and labels[1].startswith("无锡 [征求意见稿 尚未生效] ")


async def test_a_bad_data_file_is_reported_and_the_others_still_load(tmp_path):
    (tmp_path / "broken.toml").write_text("[policy\nid = ", encoding="utf-8")
    app = create_app(data=[str(tmp_path)], as_of=AS_OF, user_data=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await library_loaded(app, pilot)
        assert set(app.library.policies) == {"nanjing-2021", "wuxi-draft"}
        shown = toasts(app)
        assert "1 个数据问题" in shown and "broken.toml" in shown and "policytui validate" in shown
        assert app.screen.query_one(PolicyTree).cursor_node.data == "nanjing-2021"


async def test_a_labelled_clause_without_title_reads_by_its_first_words_in_the_tree(
    make_app, fixture_library
):
    """An imported （一） has no title: the tree shows its first words, not a bare label."""
    app = make_app(lib=fixture_library)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, "qingshi-2024/a7.1")
        label = app.screen.tree.cursor_node.label.plain
        assert label.startswith("（一）本办法自2024年3月1日起施行"), label
        # the pane's heading keeps the bare label, as the text stands beside it
        await wait_for(pilot, lambda: "（一）  qingshi-2024/a7.1" in pane(app), "the pane")
