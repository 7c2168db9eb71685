"""Lists wrap by render.wrap: search snippets never split a figure, the calculator's rule
picker never splits a rule id (it fits, goes to the next line whole, or ends with "…").
At 80x24 and 120x36, and narrower for the picker."""

from __future__ import annotations

import itertools
import re

import pytest
from textual.geometry import Region
from textual.widgets import Input, OptionList

from tests.tui.conftest import wait_for
from tests.tui.test_every_screen import CONTINUES, SPLIT
from tests.tui.test_interaction import opened, press_and_wait

SIZES = [(80, 24), (120, 36)]
RULE_ID = re.compile(r"[a-z][a-z0-9-]*[:/][\w\-/.:]*…?")


def shown_lines(options: OptionList) -> list[str]:
    """The lines of the list as the terminal shows them (its padding too, not its scroll bar)."""
    strips = options.render_lines(Region(0, 0, options.size.width, options.size.height))
    return [strip.text.rstrip() for strip in strips]


@pytest.mark.parametrize("size", SIZES)
async def test_search_snippets_never_split_a_figure(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await opened(pilot, "wuxi-draft/m4")
        await press_and_wait(pilot, "/", "search")
        results = app.screen.query_one("#search-results", OptionList)
        await wait_for(pilot, lambda: app.screen.index is not None, "the index")
        await pilot.press(*"zj特新")
        await wait_for(pilot, lambda: results.option_count > 0, "results")
        lines = shown_lines(results)
        assert any("2000万元" in line for line in lines)  # the figure the issue saw split, whole
        for line, after in itertools.pairwise(lines):
            assert not (SPLIT.search(line) and CONTINUES.match(after.lstrip())), (line, after)


@pytest.mark.parametrize("size", [(60, 20), *SIZES])
async def test_the_rule_picker_never_splits_a_rule_id(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await opened(pilot, "wuxi-draft/m4")
        await press_and_wait(pilot, "a", "calc")
        rules = app.screen.query_one("#rule-list", OptionList)
        await wait_for(pilot, lambda: rules.option_count > 1, "the rules")
        app.screen.query_one("#rule-filter", Input).focus()
        ids = set(app.library.rules)
        seen = 0
        for line in shown_lines(rules):
            for token in RULE_ID.findall(line):
                whole = token in ids
                cut = token.endswith("…") and any(i.startswith(token[:-1]) for i in ids)
                assert whole or cut, (line, token)
                seen += 1
        assert seen >= 2
