"""Best counterparts: for the selected clause (in browse or compare), the most similar clauses of
the other policies, with a score; the highlighted one is shown side by side with it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from policytui.core.compare.awards import summarise_awards
from policytui.core.compare.phrases import shared_wording
from policytui.core.compare.similarity import Counterpart, best_counterparts
from policytui.core.model import Clause, Library
from policytui.core.status import policy_status
from policytui.i18n import t
from policytui.present import city_name
from policytui.tui.base_screen import PolicyScreen
from policytui.tui.compare.grid import ClauseCell, ComparisonGrid
from policytui.tui.compare.views import award_summary, policy_head
from policytui.tui.widgets.prose import ProseOptionList
from policytui.tui.widgets.safe_text import chips

LIMIT = 8


def counterpart_prompt(found: Counterpart, library: Library, lang: str) -> Content:
    clause = found.clause
    first = Content.assemble(
        (f"{found.score:5.1f} ", "bold $text-accent"),
        (f"{city_name(library.policy_of(clause), lang)} ", "bold"),
        clause.heading,
    )
    second = Content.assemble(
        ("      ", ""),
        (clause.id, "dim"),
        "  ",
        chips(library.topic_name(x, lang) for x in found.shared_topics),
    )
    return Content("\n").join([first, second])


class CounterpartScreen(PolicyScreen):
    TITLE_KEY = "screen.counterparts"
    CSS_PATH = "compare.tcss"
    BINDINGS = [Binding("g", "open_clause", "在浏览中打开", id="compare.open")]

    def __init__(self) -> None:
        super().__init__()
        self.source: Clause | None = None
        self.found: list[Counterpart] = []

    def compose_body(self) -> ComposeResult:
        with Vertical(id="counterparts"):
            yield Static(id="counterparts-title", markup=False)
            yield ProseOptionList(id="counterparts-list")
        yield ComparisonGrid(id="counterparts-pair")

    def show_language(self, lang: str) -> None:
        if self.app.library is not None:
            self._show(force=True)

    def show_library(self, library: Library) -> None:
        self._show(force=True)

    def on_screen_resume(self) -> None:
        # PolicyScreen's own handler runs too (Textual calls each class's handler)
        if self._composed and self.app.library is not None:
            self._show(force=False)

    def _show(self, force: bool) -> None:
        """List the counterparts of the app's selected clause (again only if it changed)."""
        library, lang = self.loaded_library, self.app.lang
        source = library.clause(self.app.selected_id or "")
        if source is self.source and not force:
            return
        self.source = source
        title = self.query_one("#counterparts-title", Static)
        options = self.query_one("#counterparts-list", OptionList)
        options.clear_options()
        if source is None:
            self.found = []
            title.update(Content(t("compare.counterparts.pick", lang)).stylize("dim"))
            self.call_later(self.query_one(ComparisonGrid).show, [], [], [], shared_wording([]))
            return
        self.found = best_counterparts(library, source, limit=LIMIT)
        title.update(
            Content.assemble(
                (t("compare.counterparts.of", lang), "bold"),
                t("punct.colon", lang),
                (f"{city_name(library.policy_of(source), lang)} ", "bold"),
                source.heading,
                "  ",
                (source.id, "dim"),
            )
        )
        if not self.found:
            options.add_option(Option(Content(t("compare.counterparts.none", lang)), disabled=True))
        options.add_options(Option(counterpart_prompt(f, library, lang), id=f.clause.id) for f in self.found)
        options.highlighted = 0 if self.found else None
        options.focus()
        self.call_later(self._show_pair, 0)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.call_later(self._show_pair, event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one(ComparisonGrid).focus()

    async def _show_pair(self, index: int) -> None:
        """The source clause and counterpart `index` side by side, shared wording marked."""
        if self.source is None or not 0 <= index < len(self.found):
            return
        library, lang, as_of = self.loaded_library, self.app.lang, self.app.as_of
        pair = [self.source, self.found[index].clause]
        policies = [library.policy_of(c) for c in pair]
        await self.query_one(ComparisonGrid).show(
            heads=[policy_head(p, policy_status(p, as_of), lang) for p in policies],
            summaries=[award_summary(summarise_awards([c]), True, lang) for c in pair],
            rows=[pair],
            shared=shared_wording([[pair[0]], [pair[1]]], [c.text for c in library.clauses()]),
        )

    def action_open_clause(self) -> None:
        focused = self.focused
        clause_id = focused.clause.id if isinstance(focused, ClauseCell) else None
        if isinstance(focused, OptionList) and focused.highlighted is not None and self.found:
            clause_id = self.found[focused.highlighted].clause.id
        if clause_id:
            self.app.open_clause(clause_id)
