"""Every copy action goes through the one helper (tui/clipboard.copy_text): the clipboard over
OSC 52, the cache-file fallback holding the same text, and a note saying which happened.
Browse, compare, the matrix, the calculator and the export dialog; at 80x24 and 120x36."""

from __future__ import annotations

import pytest
from textual.widgets import Button

from policytui.tui import clipboard
from policytui.tui.compare.export_dialog import ExportDialog
from tests.tui.conftest import wait_for
from tests.tui.test_interaction import opened, press_and_wait

SIZES = [(80, 24), (120, 36)]


async def _browse(pilot) -> None:
    await pilot.press("c")


async def _compare(pilot) -> None:
    await press_and_wait(pilot, "v", "compare")
    await wait_for(pilot, lambda: pilot.app.screen.comparison is not None, "a comparison")
    await pilot.press("y")


async def _matrix(pilot) -> None:
    await press_and_wait(pilot, "m", "matrix")
    await wait_for(pilot, lambda: pilot.app.screen.matrix is not None, "the matrix")
    await pilot.press("y")


async def _calculator(pilot) -> None:
    await press_and_wait(pilot, "a", "calc")
    await wait_for(pilot, lambda: pilot.app.screen.query("#input-paid_in_capital"), "the rule's form")
    field = pilot.app.screen.query_one("#input-paid_in_capital")
    field.value = "2亿"
    await wait_for(pilot, lambda: pilot.app.screen.result is not None, "a result")
    await pilot.press("f5")


async def _export_dialog(pilot) -> None:
    await press_and_wait(pilot, "v", "compare")
    await wait_for(pilot, lambda: pilot.app.screen.comparison is not None, "a comparison")
    await pilot.press("e")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ExportDialog), "the export dialog")
    pilot.app.screen.query_one("#clipboard", Button).press()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("copy", [_browse, _compare, _matrix, _calculator, _export_dialog])
async def test_every_copy_goes_through_the_one_helper_and_says_where(make_app, size, copy):
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await opened(pilot, "wuxi-draft/m4")
        await copy(pilot)
        await wait_for(pilot, lambda: bool(app.clipboard), "something copied")
        assert clipboard.copy_file().read_text(encoding="utf-8") == app.clipboard  # the fallback file
        notes = [n for n in app._notifications if (n.title or "").startswith("已复制：")]
        assert (
            len(notes) == 1
            and "OSC 52" in notes[0].message
            and str(clipboard.copy_file()) in notes[0].message
        )
