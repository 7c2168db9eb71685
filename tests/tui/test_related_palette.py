"""Related clauses (r), topic lists and the command palette all jump with Enter (on the fixture
library: 河湾, 青石, 甲市, 乙市)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, OptionList

from policytui.core.compare import compare
from policytui.core.related import related_clauses, topic_clauses
from policytui.tui.browse.screen import BrowseScreen
from policytui.tui.related.screen import ClausePicker
from tests.tui.conftest import SIZE, palette_hits, wait_for

HEADQUARTERS = ["hewan-2025/m6", "qingshi-2024/a1", "jia-2024/a1", "jia-2024/a4", "jia-2024/a6", "yi-2024/b1"]


def test_related_clauses_are_other_policies_sharing_a_topic_most_shared_first(fixture_library):
    m6 = fixture_library.clause("hewan-2025/m6")  # 招商引资奖励: headquarters
    related = related_clauses(fixture_library, m6)
    assert [clause.id for clause, _ in related] == HEADQUARTERS[1:]  # in document order, not hewan's own
    assert all(shared == ("headquarters",) for _, shared in related)
    # a clause on headquarters and talent: 河湾's part heading 二、 carries both, so it comes first
    both = dataclasses.replace(fixture_library.clause("qingshi-2024/a1"), topics=("headquarters", "talent"))
    related = related_clauses(fixture_library, both)
    assert related[0] == (fixture_library.clause("hewan-2025/p2"), ("headquarters", "talent"))
    assert [len(shared) for _, shared in related[1:]] == [1] * (len(related) - 1)
    assert not any(clause.policy_id == "qingshi-2024" for clause, _ in related)


def test_topic_clauses_are_the_compare_screens_clauses(fixture_library):
    # 河湾's heading 二、 carries the topic of its measures and is not listed beside them.
    assert [c.id for c in topic_clauses(fixture_library, "headquarters")] == HEADQUARTERS
    for topic_id in fixture_library.topics:
        columns = compare(fixture_library, topic_id, date(2026, 1, 1)).columns
        assert len(topic_clauses(fixture_library, topic_id)) == sum(len(column.clauses) for column in columns)


@pytest.fixture
def app(make_app, fixture_library):
    return make_app(lib=fixture_library)


async def browsing(pilot, clause_id: str | None = None) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen) and app.screen._built, "browse")
    if clause_id:
        app.open_clause(clause_id)
        await wait_for(pilot, lambda: app.selected_id == clause_id, clause_id)


async def open_picker(pilot) -> OptionList:
    await pilot.press("r")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ClausePicker), "the related clauses")
    return pilot.app.screen.query_one(OptionList)


async def test_related_lists_the_other_policies_and_enter_jumps_there(app, fixture_library):
    async with app.run_test(size=SIZE) as pilot:
        await browsing(pilot, "hewan-2025/m6")
        options = await open_picker(pilot)
        listed = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert listed == HEADQUARTERS[1:]
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ClausePicker), "the picker closed")
        await wait_for(pilot, lambda: app.selected_id == listed[1], "the second related clause")


async def test_related_picker_closes_with_escape(app):
    async with app.run_test(size=SIZE) as pilot:
        await browsing(pilot, "hewan-2025/m6")
        await open_picker(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ClausePicker), "the picker closed")
        assert app.selected_id == "hewan-2025/m6"


async def palette_jump(app, pilot, query: str) -> None:
    """Enter on the first hit for `query`, once the first hit holds it."""
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
    app.screen.query_one(Input).value = query
    # the palette searches in the background
    await wait_for(pilot, lambda: query in (palette_hits(app) or [""])[0], f"{query} first")
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette), "the palette closed")


async def test_palette_finds_a_clause_by_title(app):
    async with app.run_test(size=SIZE) as pilot:
        await browsing(pilot)
        await palette_jump(app, pilot, "人才安家补贴")
        await wait_for(pilot, lambda: app.selected_id == "hewan-2025/m7", "m7")


async def test_palette_finds_a_clause_by_id_and_a_policy(app):
    async with app.run_test(size=SIZE) as pilot:
        await browsing(pilot)
        await palette_jump(app, pilot, "qingshi-2024/a5")
        await wait_for(pilot, lambda: app.selected_id == "qingshi-2024/a5", "qingshi-2024/a5")
        await palette_jump(app, pilot, "甲市软件产业扶持办法")  # 甲市 has no title clause to share the words
        await wait_for(pilot, lambda: app.selected_id == "jia-2024", "the policy")


async def test_palette_topic_lists_its_clauses(app):
    async with app.run_test(size=SIZE) as pilot:
        await browsing(pilot)
        await palette_jump(app, pilot, "总部与招商")
        assert isinstance(app.screen, ClausePicker)
        options = app.screen.query_one(OptionList)
        assert options.option_count == len(HEADQUARTERS)  # as on the compare screen
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.selected_id == HEADQUARTERS[0], "the first clause on the topic")
