"""Related clauses (r), topic lists and the command palette all jump with Enter."""

from __future__ import annotations

from datetime import date

from textual.command import CommandPalette
from textual.widgets import Input, OptionList

from policytui.core.compare import compare
from policytui.core.related import related_clauses, topic_clauses
from policytui.tui.related.screen import ClausePicker
from tests.tui.conftest import SIZE, palette_hits, settle, wait_for


def test_related_clauses_are_other_policies_sharing_a_topic_most_shared_first(library):
    m9 = library.clause("wuxi-draft/m9")  # 信创, and attracting ecosystem firms (headquarters)
    related = related_clauses(library, m9)
    ids = [clause.id for clause, _ in related]
    assert {"nanjing-2021/att.1", "nanjing-2021/p2.1.1.2", "nanjing-2021/att.6", "nanjing-2021/att.4"} <= set(ids)
    assert all(not i.startswith("wuxi-draft/") for i in ids)
    assert all({"xinchuang", "headquarters"} & set(shared) for _, shared in related)
    p32 = library.clause("nanjing-2021/p3.2")  # organisation, xinchuang, products, data
    counts = [len(shared) for _, shared in related_clauses(library, p32)]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2


def test_topic_clauses_are_the_compare_screens_clauses(library):
    # Wuxi's heading 二、 carries the topic of its measures and is not listed beside them.
    assert [c.id for c in topic_clauses(library, "headquarters")] == [
        "nanjing-2021/p2.4.3", "nanjing-2021/att.4", "wuxi-draft/m2", "wuxi-draft/m4", "wuxi-draft/m9"]
    for topic_id in library.topics:
        columns = compare(library, topic_id, date(2026, 1, 1)).columns
        assert len(topic_clauses(library, topic_id)) == sum(len(column.clauses) for column in columns)


async def test_related_lists_the_other_policy_and_enter_jumps_there(make_app, library):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_clause("wuxi-draft/m4")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ClausePicker)
        options = app.screen.query_one(OptionList)
        listed = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert listed == [c.id for c, _ in related_clauses(library, library.clause("wuxi-draft/m4"))]
        assert listed[0].startswith("nanjing-2021/")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, ClausePicker)
        assert app.selected_id == listed[1]


async def test_related_picker_closes_with_escape(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_clause("wuxi-draft/m4")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ClausePicker) and app.selected_id == "wuxi-draft/m4"


async def palette_jump(app, pilot, query: str) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(app.screen, CommandPalette)
    app.screen.query_one(Input).value = query
    # the palette searches in the background
    await wait_for(pilot, lambda: any(query in hit for hit in palette_hits(app)), f"a hit for {query}")
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_finds_a_clause_by_title(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await palette_jump(app, pilot, "支持总部企业")
        assert app.selected_id == "wuxi-draft/m4"


async def test_palette_finds_a_clause_by_id_and_a_policy(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await palette_jump(app, pilot, "nanjing-2021/att.1")
        assert app.selected_id == "nanjing-2021/att.1"
        await palette_jump(app, pilot, "无锡市促进软件产业高质量发展的若干政策措施（征求意见稿）")
        assert app.selected_id == "wuxi-draft"


async def test_palette_topic_lists_its_clauses(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await palette_jump(app, pilot, "总部与招商")
        assert isinstance(app.screen, ClausePicker)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 5  # as on the compare screen: p2.4.3, att.4, m2, m4, m9
        await pilot.press("enter")
        await settle(pilot)
        assert app.selected_id == "nanjing-2021/p2.4.3"
