"""The inputs of one rule, read as you type: each field's message sits beside it, and what was
typed stays (also across rules that share an input name, such as investment)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from policytui.core.calc.inputs import InputError, Value, parse_inputs
from policytui.core.calc.rules import Rule, RuleInput
from policytui.i18n import t
from policytui.render.calc.wording import accepted_forms, choice_aliases, choice_label, error_text


class RuleForm(Vertical):
    class Changed(Message):
        """The inputs of `rule` as read: `values` for the good fields, `errors` for the others."""

        def __init__(self, rule: Rule, values: dict[str, Value], errors: dict[str, InputError]) -> None:
            super().__init__()
            self.rule = rule
            self.values = values
            self.errors = errors

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rule: Rule | None = None
        self.lang = "zh"
        self.typed: dict[str, str] = {}  # by input name, kept for every rule

    def compose(self) -> ComposeResult:
        yield Static(id="form-empty", markup=False)

    async def show(self, rule: Rule, lang: str) -> None:
        self.rule, self.lang = rule, lang
        await self.remove_children()
        rows: list[Widget] = [self._row(spec) for spec in rule.inputs] or [
            Static(Content(t("calc.tui.no_inputs", lang)).stylize("dim"), id="form-empty")
        ]
        await self.mount_all(rows)
        self.read()

    def focus_first(self) -> Widget | None:
        """The cursor in the first input, so that a rule opened is ready to type into; that input."""
        fields = self.query("Input, Select")
        if not fields:
            return None
        return fields.first().focus()

    def _row(self, spec: RuleInput) -> Vertical:
        label = Label(
            Content.assemble(spec.display_label(self.lang), "\n", (spec.name, "dim")), classes="field-label"
        )
        field: Widget
        if spec.type == "choice":
            options = [
                (Content(f"{choice_label(c, self.lang)} ({c})" if choice_label(c, self.lang) != c else c), c)
                for c in spec.choices
            ]
            typed = self.typed.get(spec.name, "")
            value = typed if typed in spec.choices else spec.choices[0]
            self.typed[spec.name] = value
            field = Select(options, value=value, allow_blank=False, id=f"input-{spec.name}")
        else:
            field = Input(
                self.typed.get(spec.name, ""),
                placeholder=accepted_forms(spec, self.lang),
                id=f"input-{spec.name}",
            )
        return Vertical(
            Horizontal(label, field, classes="field-row"),
            Static(id=f"error-{spec.name}", classes="field-error", markup=False),
            classes="field",
        )

    def read(self) -> None:
        """Read every field, show each message beside its field, and tell the screen."""
        if self.rule is None:
            return
        raw = {spec.name: self.typed.get(spec.name, "") for spec in self.rule.inputs}
        values, errors = parse_inputs(self.rule, raw, choice_aliases)
        for spec in self.rule.inputs:
            error = errors.get(spec.name)
            # an empty field waits quietly: its accepted forms are its placeholder
            message = error_text(error, self.lang) if error and raw[spec.name].strip() else ""
            error_view = self.query_one(f"#error-{spec.name}", Static)
            error_view.update(message)
            error_view.display = bool(message)
        self.post_message(self.Changed(self.rule, values, errors))

    @on(Input.Changed)
    @on(Select.Changed)
    def _typed(self, event: Input.Changed | Select.Changed) -> None:
        widget = event.control
        if widget.id and widget.id.startswith("input-"):
            self.typed[widget.id.removeprefix("input-")] = str(event.value)
            self.read()
