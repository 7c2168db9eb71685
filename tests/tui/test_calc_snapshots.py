"""Snapshots of the calculator: one rule with its trace, and the firm estimate.

Update after a deliberate change with `pytest tests/tui/test_calc_snapshots.py --snapshot-update`,
and look at the SVGs before committing them.
"""

from __future__ import annotations

from tests.tui.conftest import SIZE, settle


async def hq_landing_at_2yi(pilot) -> None:
    await settle(pilot)
    pilot.app.open_clause("wuxi-draft/m4")  # the calculator opens on the rule of the clause being read
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot, 5)
    pilot.app.screen.query_one("#input-paid_in_capital").focus()
    await pilot.press(*"2亿")
    await settle(pilot, 5)


async def firm_estimate(pilot) -> None:
    await settle(pilot)
    pilot.app.open_clause("wuxi-draft/m4")
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot, 5)
    await pilot.press("f7")
    await settle(pilot, 5)


def test_calculator_rule(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=hq_landing_at_2yi)


def test_calculator_estimate(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=firm_estimate)


async def what_if_chart(pilot) -> None:
    await hq_landing_at_2yi(pilot)
    pilot.app.screen.query_one("#calc-main").scroll_end(animate=False)
    await settle(pilot, 5)


def test_calculator_what_if_chart(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=what_if_chart)
