"""Snapshots of the calculator: one rule with its trace, and the firm estimate.

Update after a deliberate change with `pytest tests/tui/test_calc_snapshots.py --snapshot-update`,
and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest
from textual.widgets import TabbedContent

from policytui.render.calc.wording import headline
from policytui.tui.calc.profile_form import ProfileForm
from tests.tui.conftest import settle

# the sizes issue 15 judges every screen at
SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])


async def until(pilot, condition, tries: int = 500) -> None:
    """Pause until `condition()` holds: a loaded machine takes longer than a fixed number of pauses."""
    for _ in range(tries):
        if condition():
            await settle(pilot)
            return
        await pilot.pause()
    raise AssertionError("the screen never got there")


async def open_calculator(pilot) -> None:
    await settle(pilot)
    pilot.app.open_clause("wuxi-draft/m4")  # the calculator opens on the rule of the clause being read
    await settle(pilot)
    await pilot.press("a")
    # the rule form and, in the hidden tab, the firm's estimate
    await until(
        pilot,
        lambda: (
            pilot.app.screen.query("#input-paid_in_capital")
            and getattr(pilot.app.screen, "estimate", None) is not None
        ),
    )


async def hq_landing_at_2yi(pilot) -> None:
    await open_calculator(pilot)
    field = pilot.app.screen.query_one("#input-paid_in_capital")
    field.cursor_blink = False  # a blinking cursor is caught on or off, depending on the machine's load
    field.focus()
    await pilot.press(*"2亿")
    await until(
        pilot,
        lambda: (
            pilot.app.screen.result is not None and headline(pilot.app.screen.result, "zh") == "最高 400万元"
        ),
    )


async def firm_estimate(pilot) -> None:
    await open_calculator(pilot)
    pilot.app.screen.query_one("#profile-name").cursor_blink = False  # F7 focuses it: no blink to catch
    await pilot.press("f7")
    await until(
        pilot,
        lambda: (
            pilot.app.screen.query_one(TabbedContent).active == "tab-profile"
            and pilot.app.screen.query(ProfileForm)
            and getattr(pilot.app.screen.focused, "id", None) == "profile-name"
        ),
    )


@SIZES
def test_calculator_rule(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=hq_landing_at_2yi)


@SIZES
def test_calculator_estimate(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=firm_estimate)


async def what_if_chart(pilot) -> None:
    await hq_landing_at_2yi(pilot)
    pilot.app.screen.query_one("#calc-main").scroll_end(animate=False)
    await settle(pilot, 5)


@SIZES
def test_calculator_what_if_chart(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=what_if_chart)
