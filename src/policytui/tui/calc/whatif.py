"""What if: the award as one input runs over a range, the other inputs as typed in the form."""

from __future__ import annotations

from decimal import Decimal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Select, Static
from textual_plotext import PlotextPlot

from policytui.core.calc.chart import draw_sweep
from policytui.core.calc.inputs import InputError, Value, parse_value
from policytui.core.calc.rich_views import bullets
from policytui.core.calc.rules import Rule
from policytui.core.calc.sweep import suggested_range, sweep, sweepable
from policytui.core.calc.wording import format_value
from policytui.core.model import Library
from policytui.i18n import t


class WhatIf(Vertical):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rule: Rule | None = None
        self.values: dict[str, Value] = {}
        self.context: tuple[Library, object, str] | None = None  # library, as_of, lang

    def compose(self) -> ComposeResult:
        with Horizontal(id="whatif-controls"):
            yield Label(id="whatif-title")
            # its options come with the rule; Textual's own prompt is "Select"
            yield Select([], id="whatif-input", prompt=t("calc.tui.whatif_input", self.app.lang))
            yield Label(id="whatif-from-label")
            yield Input(id="whatif-from")
            yield Label(id="whatif-to-label")
            yield Input(id="whatif-to")
        yield Static(id="whatif-error", classes="field-error", markup=False)
        yield PlotextPlot(id="whatif-plot")
        yield Static(id="whatif-jumps")

    def show(self, rule: Rule, values: dict[str, Value], library: Library, as_of, lang: str) -> None:
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
                select.set_options([(Content(rule.input(n).display_label(lang)), n) for n in names])
                select.value = names[-1] if rule.base is None else rule.base
            self._reset_range()
        self.draw()

    @property
    def swept(self) -> str | None:
        value = self.query_one("#whatif-input", Select).value
        return value if isinstance(value, str) else None  # None: the blank choice

    def _reset_range(self) -> None:
        name = self.swept
        if name is None:
            return
        spec = self.rule.input(name)
        current = self.values.get(name)
        start, stop = suggested_range(self.rule, name, current if isinstance(current, Decimal) else None, self.values)
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
        spec = self.rule.input(name)
        error = self.query_one("#whatif-error", Static)
        missing = [i for i in self.rule.inputs if i.name != name and i.name not in self.values]
        try:
            start = parse_value(spec, self.query_one("#whatif-from", Input).value, lang)
            stop = parse_value(spec, self.query_one("#whatif-to", Input).value, lang)
        except InputError as bad:
            error.update(str(bad))
            return
        if missing:  # the chart holds the other inputs as typed; the form shows what is wrong
            error.update("")
            return
        error.update("")
        result = sweep(library, self.rule, self.values, name, start, stop, as_of, lang)
        plot = self.query_one("#whatif-plot", PlotextPlot)
        draw_sweep(plot.plt, result, lang)
        plot.refresh()
        self.query_one("#whatif-jumps", Static).update(bullets(result.jump_lines()))
