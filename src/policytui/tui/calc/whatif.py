"""What if: the award as one input runs over a range, the other inputs as typed in the form."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Select, Static
from textual_plotext import PlotextPlot

from policytui.core.calc.inputs import InputError, Value, parse_number
from policytui.core.calc.rules import Rule
from policytui.core.calc.sweep import Sweep, suggested_range, sweep, sweepable
from policytui.core.model import Library
from policytui.i18n import t
from policytui.render.calc.chart import draw_sweep, jump_lines
from policytui.render.calc.wording import error_text, format_value
from policytui.render.rich_text import bullets
from policytui.tui.app import PolicyApp


class WhatIf(Vertical):
    app = getters.app(PolicyApp)  # `self.app` typed as PolicyApp

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rule: Rule | None = None
        self.values: dict[str, Value] = {}
        self.context: tuple[Library, date, str] | None = None  # library, as_of, lang
        # the last sweep and what it was computed from: a new language only redraws it
        self.swept_result: Sweep | None = None
        self.swept_key: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        with Horizontal(id="whatif-controls"):  # one row when wide, two below 110 columns (calc.tcss)
            with Horizontal(id="whatif-field"):
                yield Label(id="whatif-title")
                # its options come with the rule; Textual's own prompt is "Select"
                yield Select([], id="whatif-input", prompt=t("calc.tui.whatif_input", self.app.lang))
            with Horizontal(id="whatif-range"):
                yield Label(id="whatif-from-label")
                yield Input(id="whatif-from")
                yield Label(id="whatif-to-label")
                yield Input(id="whatif-to")
        yield Static(id="whatif-error", classes="field-error", markup=False)
        yield PlotextPlot(id="whatif-plot")
        yield Static(id="whatif-jumps")

    def show(self, rule: Rule, values: dict[str, Value], library: Library, as_of: date, lang: str) -> None:
        """A new rule resets the range; new values of the other inputs only redraw."""
        changed_rule = rule is not self.rule
        self.rule, self.values, self.context = rule, dict(values), (library, as_of, lang)
        names = sweepable(rule)
        self.display = bool(names)
        if not names:
            return
        self.query_one("#whatif-title", Label).update(Content(t("calc.tui.whatif", lang)).stylize("bold"))
        self.query_one("#whatif-from-label", Label).update(t("calc.tui.from", lang))
        self.query_one("#whatif-to-label", Label).update(t("calc.tui.to", lang))
        select = self.query_one("#whatif-input", Select)
        select.prompt = t("calc.tui.whatif_input", lang)
        if changed_rule:
            with self.prevent(Select.Changed):
                select.set_options([(Content(rule.spec(n).display_label(lang)), n) for n in names])
                select.value = names[-1] if rule.base is None else rule.base
            self._reset_range()
        self.draw()

    @property
    def swept(self) -> str | None:
        value = self.query_one("#whatif-input", Select).value
        return value if isinstance(value, str) else None  # None: the blank choice

    def _reset_range(self) -> None:
        name = self.swept
        if name is None or self.rule is None:
            return
        spec = self.rule.spec(name)
        current = self.values.get(name)
        start, stop = suggested_range(
            self.rule, name, current if isinstance(current, Decimal) else None, self.values
        )
        with self.prevent(Input.Changed):
            self.query_one("#whatif-from", Input).value = format_value(start, spec.unit)
            self.query_one("#whatif-to", Input).value = format_value(stop, spec.unit)

    @on(Select.Changed, "#whatif-input")
    def _input_changed(self) -> None:
        if self.rule is not None:
            self._reset_range()
            self.draw()

    @on(Input.Changed, "#whatif-from")
    @on(Input.Changed, "#whatif-to")
    def _range_changed(self) -> None:
        self.draw()

    def draw(self) -> None:
        if self.rule is None or self.context is None:
            return
        library, as_of, lang = self.context
        name = self.swept
        if name is None:
            return
        spec = self.rule.spec(name)
        error = self.query_one("#whatif-error", Static)
        missing = [i for i in self.rule.inputs if i.name != name and i.name not in self.values]
        try:
            start = parse_number(spec, self.query_one("#whatif-from", Input).value)
            stop = parse_number(spec, self.query_one("#whatif-to", Input).value)
        except InputError as bad:
            error.update(error_text(bad, lang))
            return
        if missing:  # the chart holds the other inputs as typed; the form shows what is wrong
            error.update("")
            return
        error.update("")
        key = (library, self.rule, self.values, name, start, stop, as_of)
        result = self.swept_result
        if result is None or key != self.swept_key:
            result = self.swept_result = sweep(library, self.rule, self.values, name, start, stop, as_of)
            self.swept_key = key
        plot = self.query_one("#whatif-plot", PlotextPlot)
        draw_sweep(plot.plt, result, lang)
        plot.refresh()
        self.query_one("#whatif-jumps", Static).update(bullets(jump_lines(result, lang)))
