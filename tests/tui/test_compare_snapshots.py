"""Snapshots of the compare screen and the matrix at two sizes (and the compare screen wide).

Update after a deliberate change with `pytest tests/tui/test_compare_snapshots.py --snapshot-update`,
and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest

from policytui.tui.compare.grid import ClauseCell
from tests.tui.conftest import opened, press_until_shown, settle, wait_for


def compare_on(topic: str):
    async def run_before(pilot) -> None:
        await opened(pilot, "nanjing-2021")
        await press_until_shown(pilot, "v")
        pilot.app.screen.open_topic(topic)
        await wait_for(
            pilot,
            lambda: (
                pilot.app.screen.comparison is not None
                and pilot.app.screen.comparison.topic.id == topic
                and isinstance(pilot.app.focused, ClauseCell)
            ),
            f"the comparison on {topic}",
        )
        await settle(pilot)

    return run_before


async def to_matrix(pilot) -> None:
    await opened(pilot, "nanjing-2021")
    await press_until_shown(pilot, "m")
    await wait_for(pilot, lambda: pilot.app.focused is not None, "the matrix's cursor")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 50)])
def test_compare_headquarters(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=compare_on("headquarters"))


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_matrix(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=to_matrix)


def test_counterparts(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await opened(pilot, "wuxi-draft/m10")
        await press_until_shown(pilot, "n")

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run_before)
