"""A list of clauses to jump to: the related clauses of a clause, or the clauses on a topic.

Enter opens the highlighted clause in the browse screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from policytui.core.model import Clause, Library
from policytui.core.related import related_clauses, topic_clauses
from policytui.core.status import policy_status
from policytui.i18n import t
from policytui.present import city_name
from policytui.render.status import status_text
from policytui.tui.app import PolicyApp
from policytui.tui.keys import localize_bindings
from policytui.tui.widgets.prose import ProseOptionList
from policytui.tui.widgets.safe_text import chips


class ClausePicker(ModalScreen[None]):
    CSS_PATH = "../styles/picker.tcss"
    app = getters.app(PolicyApp)  # `self.app` typed as PolicyApp
    BINDINGS = [Binding("escape", "dismiss", "关闭", id="close")]

    def __init__(self, title: str, options: Iterable[tuple[Clause, Content]], empty: str) -> None:
        super().__init__()
        self.title_text = title
        self.options = [Option(prompt, id=clause.id) for clause, prompt in options]
        self.empty = empty

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(Content(self.title_text).stylize("bold"), id="picker-title")
            if self.options:
                yield ProseOptionList(*self.options, id="picker-list")
            else:
                yield Static(Content(self.empty).stylize("dim"), id="picker-empty")
            yield Static(
                Content(f"Enter {t('key.open', self.app.lang)}  Esc {t('key.close', self.app.lang)}").stylize(
                    "dim"
                ),
                id="picker-keys",
            )

    def on_mount(self) -> None:
        localize_bindings(self, self.app.lang)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss()
        if event.option.id is not None:  # every option is made with its clause's id
            self.app.open_clause(event.option.id)


def _prompt(clause: Clause, library: Library, as_of: date, lang: str, topics: Iterable[str] = ()) -> Content:
    """Two lines: city and heading; id, status as of `as_of` and the shared topics."""
    policy = library.policy_of(clause)
    status = status_text(policy_status(policy, as_of), lang)
    first = Content.assemble((f"{city_name(policy, lang)} ", "bold"), clause.heading)
    second = Content.assemble(
        (f"{clause.id} · {status}", "dim"), "  ", chips(library.topic_name(x, lang) for x in topics)
    )
    return Content("\n").join([first, second])


def related_picker(clause: Clause, library: Library, as_of: date, lang: str) -> ClausePicker:
    options = [
        (other, _prompt(other, library, as_of, lang, shared))
        for other, shared in related_clauses(library, clause)
    ]
    return ClausePicker(t("related.title", lang, heading=clause.heading), options, t("related.none", lang))


def topic_picker(topic_id: str, library: Library, as_of: date, lang: str) -> ClausePicker:
    options = [(clause, _prompt(clause, library, as_of, lang)) for clause in topic_clauses(library, topic_id)]
    name = library.topic_name(topic_id, lang)
    return ClausePicker(t("topic.title", lang, topic=name), options, t("topic.none", lang))
