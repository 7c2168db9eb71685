"""Pick a rule: type to filter (fuzzy, by id or name), choose with the arrows and Enter."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from policytui.core.lookup import rank_rules
from policytui.core.model import Library
from policytui.core.status import policy_status
from policytui.i18n import t
from policytui.tui.widgets.prose import ProseOptionList
from policytui.tui.widgets.status import short_badge


class RulePicker(Vertical):
    class Picked(Message):
        def __init__(self, rule_id: str) -> None:
            super().__init__()
            self.rule_id = rule_id

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.library: Library | None = None
        self.lang = "zh"
        self.as_of: date | None = None

    def compose(self) -> ComposeResult:
        yield Input(id="rule-filter")
        yield ProseOptionList(id="rule-list", ellipsis=True)

    def show(self, library: Library, lang: str, as_of: date) -> None:
        self.library, self.lang, self.as_of = library, lang, as_of
        self.query_one("#rule-filter", Input).placeholder = t("calc.tui.filter", lang)
        self._fill(self.query_one("#rule-filter", Input).value, keep_highlight=True)

    def _fill(self, query: str, keep_highlight: bool = False) -> None:
        """List the rules matching `query`, the best highlighted (or the same one, when redrawn)."""
        options = self.query_one("#rule-list", OptionList)
        highlighted = options.highlighted_option.id if keep_highlight and options.highlighted_option else None
        options.clear_options()
        library, as_of = self.library, self.as_of
        rules = rank_rules(library, query) if library else []
        if not rules or library is None or as_of is None:
            options.add_option(
                Option(Content(t("calc.tui.no_rules", self.lang)).stylize("dim"), disabled=True)
            )
            return
        statuses = {
            pid: short_badge(policy_status(policy, as_of), self.lang)
            for pid, policy in library.policies.items()
        }
        options.add_options(
            Option(
                Content.assemble(
                    (rule.display_name(self.lang), "bold"),
                    "\n",
                    (rule.id, "dim"),
                    " ",
                    statuses[rule.policy_id],
                ),
                id=rule.id,
            )
            for rule in rules
        )
        ids = [rule.id for rule in rules]
        options.highlighted = ids.index(highlighted) if highlighted in ids else 0

    def select(self, rule_id: str) -> None:
        options = self.query_one("#rule-list", OptionList)
        try:
            options.highlighted = options.get_option_index(rule_id)
        except OptionDoesNotExist:  # filtered out: the form still shows the rule
            pass

    @on(Input.Changed, "#rule-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#rule-filter")
    def _take_first(self) -> None:
        options = self.query_one("#rule-list", OptionList)
        option = options.highlighted_option
        if option is not None and option.id:
            self.post_message(self.Picked(option.id))

    @on(OptionList.OptionSelected, "#rule-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(self.Picked(event.option.id))
