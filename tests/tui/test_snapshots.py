"""Snapshots of every screen: fixed size, as-of date and library; no blinking cursor.

Update after a deliberate change with `pytest tests/tui/test_snapshots.py --snapshot-update`,
and look at every SVG in tests/tui/__snapshots__/ before accepting it.
"""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import Input

from tests.tui.conftest import opened, palette_hits, press_until_shown, settle, wait_for


def opened_at(clause_id: str, *keys: str):
    async def run_before(pilot) -> None:
        await opened(pilot, clause_id)
        await press_until_shown(pilot, *keys)

    return run_before


@pytest.mark.parametrize(
    ("clause_id", "keys", "size", "lang"),
    [
        pytest.param("wuxi-draft/m4", (), (120, 36), "zh", id="browse-wuxi-m4"),
        pytest.param("nanjing-2021/att.1", (), (120, 36), "zh", id="browse-nanjing-xinchuang"),
        pytest.param("nanjing-2021", (), (120, 36), "zh", id="browse-policy"),
        pytest.param("wuxi-draft/m4", (), (120, 36), "en", id="browse-english"),
        pytest.param("wuxi-draft/m4", (), (80, 24), "zh", id="browse-80x24"),
        pytest.param("wuxi-draft/m4", (), (40, 12), "zh", id="too-small-40x12"),
        pytest.param("wuxi-draft/m4", ("o",), (120, 36), "zh", id="overview"),
        pytest.param("wuxi-draft/m4", ("o",), (80, 24), "zh", id="overview-80x24"),
        pytest.param("wuxi-draft/m4", ("o",), (80, 24), "en", id="overview-english-80x24"),
        pytest.param("nanjing-2021", ("t",), (120, 36), "zh", id="targets"),
        pytest.param("nanjing-2021", ("t",), (80, 24), "zh", id="targets-80x24"),
        pytest.param("nanjing-2021", ("t", "g"), (80, 24), "zh", id="targets-chart-80x24"),
        pytest.param("wuxi-draft/m4", ("r",), (120, 36), "zh", id="related"),
        pytest.param("wuxi-draft/m4", ("r",), (80, 24), "zh", id="related-80x24"),
        pytest.param("wuxi-draft/m4", ("f1",), (120, 36), "zh", id="help"),
        pytest.param("wuxi-draft/m4", ("f1",), (80, 24), "zh", id="help-80x24"),
    ],
)
def test_screen(snap_compare, make_app, clause_id, keys, size, lang):
    assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=opened_at(clause_id, *keys))


def test_palette(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await opened(pilot, "nanjing-2021")
        await press_until_shown(pilot, "ctrl+p")
        assert isinstance(pilot.app.screen, CommandPalette)
        pilot.app.screen.query_one(Input).value = "信创"
        await wait_for(pilot, lambda: any("信创" in hit for hit in palette_hits(pilot.app)), "the hits")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=run_before)


def test_hostile_policy(snap_compare, make_app, hostile_library):
    assert snap_compare(
        make_app(lib=hostile_library), terminal_size=(120, 36), run_before=opened_at("hostile/a1")
    )
