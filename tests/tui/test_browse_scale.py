"""Browse with many policies (clause nodes built on first opening) and from a warm cache (no loading line)."""

from __future__ import annotations

import shutil

import pytest

from policytui.core import cache
from policytui.core.load_ahead import LoadAhead
from policytui.core.loader import load_library
from policytui.core.locations import data_dirs
from policytui.tui.app import create_app
from policytui.tui.browse.tree import OPEN_POLICIES, PolicyTree
from tests.conftest import AS_OF, FIXTURES
from tests.tui.conftest import SIZE, screen_text, settle, toasts, wait_for

POLICIES = OPEN_POLICIES + 7
ESTIMATES = FIXTURES / "estimates"  # two policies with rules


@pytest.fixture
def many_policies(tmp_path):
    """The fixture policy under POLICIES ids, each with its own copy of the source."""
    template = (FIXTURES / "good" / "example-city.toml").read_text(encoding="utf-8")
    for number in range(POLICIES):
        name = f"city-{number:02d}"
        shutil.copy(FIXTURES / "good" / "example-city.txt", tmp_path / f"{name}.txt")
        (tmp_path / f"{name}.toml").write_text(
            template.replace('id = "example-city"', f'id = "{name}"').replace(
                'source = "example-city.txt"', f'source = "{name}.txt"'
            ),
            encoding="utf-8",
        )
    library = load_library(dirs=data_dirs([tmp_path], user=False, env={}))
    assert len(library.policies) == POLICIES + 2
    return library


def libraries_shown(app, monkeypatch) -> list:
    """The libraries the app is given to show, in order, as they arrive."""
    arrived = []
    show = app._library_loaded
    monkeypatch.setattr(
        app, "_library_loaded", lambda library, *rest: (arrived.append(library), show(library, *rest))
    )
    return arrived


def clause_nodes(node) -> int:
    """How many nodes are built under `node`."""
    return sum(1 + clause_nodes(child) for child in node.children)


async def test_policies_past_the_first_few_start_closed_and_are_built_when_opened(make_app, many_policies):
    app = make_app(lib=many_policies)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        nodes = app.screen.query_one(PolicyTree).root.children
        assert [node.data for node in nodes] == list(many_policies.policies)
        opened, closed = nodes[:OPEN_POLICIES], nodes[OPEN_POLICIES:]
        assert all(node.is_expanded and clause_nodes(node) for node in opened)
        assert not any(node.is_expanded or clause_nodes(node) for node in closed)
        assert all(node.allow_expand for node in closed)
        closed[-1].expand()
        await settle(pilot)
        assert clause_nodes(closed[-1]) == len(many_policies.policies[closed[-1].data].clauses)


async def test_a_clause_of_a_closed_policy_can_be_opened(make_app, many_policies):
    app = make_app(lib=many_policies)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clause_id = f"city-{POLICIES - 1:02d}/a2"
        app.open_clause(clause_id)
        await settle(pilot)
        assert app.screen.query_one(PolicyTree).cursor_node.data == clause_id
        assert app.selected_id == clause_id


async def test_a_warm_cache_builds_the_first_screen_with_the_data(monkeypatch):
    monkeypatch.delenv(cache.DISABLE_VAR)
    load_library(dirs=data_dirs(user=False, env={}))  # fills the cache
    app = create_app(as_of=AS_OF, user_data=False)
    assert app.library is not None and set(app.library.policies) == {"nanjing-2021", "wuxi-draft"}
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one(PolicyTree).cursor_node.data == "nanjing-2021"
        assert "正在加载政策" not in screen_text(app) and "无锡市促进软件产业" in screen_text(app)


def test_a_cold_cache_leaves_the_loading_to_the_worker(monkeypatch):
    monkeypatch.delenv(cache.DISABLE_VAR)
    assert create_app(as_of=AS_OF, user_data=False).library is None


async def test_a_cold_start_shows_the_texts_then_reads_the_rules(monkeypatch):
    """With the cache on, the first screen is filled from the texts alone; the rules (a tenth
    of a first start) are read once it is painted, and the library is replaced whole."""
    monkeypatch.delenv(cache.DISABLE_VAR)
    app = create_app(data=[str(ESTIMATES)], as_of=AS_OF, user_data=False)
    arrived = libraries_shown(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: len(arrived) == 2 and app.library is arrived[1], "the full load")
        await settle(pilot)
        assert "甲市软件产业扶持办法" in screen_text(app)
    texts, whole = arrived
    assert {"jia-2024", "yi-2024"} <= set(texts.policies) == set(whole.policies)
    assert texts.rule_ids == () and "jia-2024:hq" in whole.rule_ids  # read after the first paint
    assert "jia-2024:hq" in texts.rules  # asked for meanwhile: read there and then


async def test_the_calculator_opened_before_the_rules_are_read_has_them(monkeypatch):
    monkeypatch.delenv(cache.DISABLE_VAR)
    app = create_app(data=[str(ESTIMATES)], as_of=AS_OF, user_data=False)
    monkeypatch.setattr(app, "library_painted", lambda: None)  # the full load never comes
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.library is not None, "the texts")
        app.open_clause("jia-2024/a1")
        await pilot.press("a")
        await wait_for(pilot, lambda: "总部落户奖励" in screen_text(app), "the rule of jia-2024/a1")


async def test_a_cold_start_tells_the_data_problems_once_from_the_whole_library(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.DISABLE_VAR)
    shutil.copytree(ESTIMATES, tmp_path, dirs_exist_ok=True)
    shutil.copy(FIXTURES / "bad" / "malformed.toml", tmp_path)
    app = create_app(data=[str(tmp_path)], as_of=AS_OF, user_data=False)
    arrived = libraries_shown(app, monkeypatch)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: len(arrived) == 2, "the full load")
        await wait_for(pilot, lambda: "数据问题" in toasts(app), "the toast")
        await settle(pilot)
        assert toasts(app).count("数据问题") == 1


async def test_a_terminal_too_small_for_the_browser_still_gets_the_rules_read(monkeypatch):
    """The browser tells the app when it is painted; hidden behind the 'too small' notice it
    never is, and the full load starts a second later instead."""
    monkeypatch.delenv(cache.DISABLE_VAR)
    app = create_app(data=[str(ESTIMATES)], as_of=AS_OF, user_data=False)
    arrived = libraries_shown(app, monkeypatch)
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_for(pilot, lambda: len(arrived) == 2 and app.library is arrived[1], "the full load")
        assert "jia-2024:hq" in app.library.rule_ids


async def test_texts_read_ahead_build_the_first_screen_with_them(monkeypatch):
    """The CLI starts the load before it imports Textual: when the texts are in by the time
    the first screen is made, it is built with them, with no loading line."""
    monkeypatch.delenv(cache.DISABLE_VAR)
    ahead = LoadAhead(data_dirs([ESTIMATES], user=False, env={}))
    ahead.result()
    app = create_app(data=[str(ESTIMATES)], as_of=AS_OF, user_data=False, ahead=ahead)
    async with app.run_test(size=SIZE) as pilot:
        assert app.library is not None and not app.screen.query("#browse-loading")
        await wait_for(
            pilot, lambda: "jia-2024:hq" in app.library.rule_ids, "the rules, after the first paint"
        )
        assert "甲市软件产业扶持办法" in screen_text(app)
