"""Snapshots of the search screen: fixed size, as-of date and library; no blinking cursor.

Update after a deliberate change with `pytest tests/tui/test_search_snapshots.py --snapshot-update`,
and look at every SVG in tests/tui/__snapshots__/ before accepting it.
"""

from __future__ import annotations

import pytest

from tests.tui.conftest import settle
from tests.tui.test_search import open_search


def typed(*keys: str):
    async def run_before(pilot) -> None:
        await open_search(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize(
    ("keys", "size", "lang"),
    [
        pytest.param(tuple("总部奖励"), (120, 36), "zh", id="search-phrase"),
        pytest.param(tuple("zj特新"), (80, 24), "zh", id="search-mixed-80x24"),
        pytest.param(tuple("500万"), (120, 36), "en", id="search-amount-english"),
        pytest.param((), (120, 36), "zh", id="search-empty"),
    ],
)
def test_search_screen(snap_compare, make_app, keys, size, lang):
    assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=typed(*keys))
