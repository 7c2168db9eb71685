"""Draw a what-if sweep with plotext: the same calls for the CLI (plotext itself) and the TUI
(textual-plotext's PlotextPlot.plt), so both show the same chart.

Coordinates become floats here and only here: a chart is drawn in terminal cells, and
every figure a person reads off it is also printed exactly beside it (Sweep.marks).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from policytui.core.calc.sweep import Sweep
from policytui.core.vocabulary import WAN, YI
from policytui.i18n import t
from policytui.render.calc.wording import format_value, format_yuan, say

UNITS = ((YI, "亿元"), (WAN, "万元"), (Decimal(1), "元"))


def scale(largest: Decimal) -> tuple[Decimal, str]:
    """The unit that keeps the axis figures short: 亿元, 万元 or 元."""
    return next(((size, name) for size, name in UNITS if largest >= size), UNITS[-1])


def jump_lines(sweep: Sweep, lang: str) -> list[str]:
    """The jumps in words, exact: "1亿元  [1亿元, 5亿元) 档（2%）: 999,999.99元 → 200万元"."""
    unit = sweep.rule.spec(sweep.input).unit
    return [
        f"{format_value(mark.x, unit)}  {say(mark.what, lang)}: {format_yuan(before)} → {format_yuan(at)}"
        for mark, before, at in sweep.jumps()
    ]


def draw_sweep(plt: Any, sweep: Sweep, lang: str) -> None:
    """Plot the award against the swept input on `plt` (plotext's module or a PlotextPlot's plt)."""
    spec = sweep.rule.spec(sweep.input)
    xs = [x for x, _ in sweep.points]
    ys = sweep.amounts()
    if spec.type == "money":
        x_size, x_unit = scale(max(xs, default=Decimal(0)))
    else:
        x_size, x_unit = Decimal(1), spec.unit or ""
    y_size, y_unit = scale(max(ys, default=Decimal(0)))
    plt.clear_figure()
    plt.plot([float(x / x_size) for x in xs], [float(y / y_size) for y in ys], marker="braille")
    for mark in sweep.marks:
        plt.vline(float(mark.x / x_size), "gray")
    plt.title(sweep.rule.display_name(lang))
    plt.xlabel(
        f"{spec.display_label(lang)}（{x_unit}）"
        if lang == "zh"
        else f"{spec.display_label(lang)} ({x_unit})"
    )
    plt.ylabel(t("calc.chart.award", lang, unit=y_unit))
