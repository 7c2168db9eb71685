"""Search: results as you type, the hits marked in each snippet; Enter opens the clause in Browse.

The index is built in a thread worker once the library is loaded; until then
the screen says so, and the query typed meanwhile is searched when it is ready.
The screen stays alive between visits (it is a mode), so the query is kept.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content, Span
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from policytui.core.model import Library
from policytui.core.search.index import SearchIndex
from policytui.core.search.query import QueryError
from policytui.core.search.rank import search
from policytui.core.search.results import SearchResult
from policytui.core.status import policy_status
from policytui.i18n import status_labels, t
from policytui.tui.base_screen import PolicyScreen

RESULTS = 30
HIT_STYLE = "bold $text-accent on $accent-muted"
STATUS_STYLE = "$text-warning"


class SearchScreen(PolicyScreen):
    TITLE_KEY = "screen.search"
    CSS_PATH = "search.tcss"
    BINDINGS = [
        # letters go into the query, so Escape is the way back
        Binding("escape", "app.go_back", "返回", id="back"),
        # while typing, the arrows move through the results
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.index: SearchIndex | None = None

    def compose_body(self) -> ComposeResult:
        with Vertical(id="search"):
            yield Input(id="search-query")
            yield Static(id="search-status", markup=False)
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#search-query", Input).focus()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.query_one("#search-query", Input).focus()

    def show_language(self, lang: str) -> None:
        self.query_one("#search-query", Input).placeholder = t("search.placeholder", lang)
        self._show_results()

    def show_library(self, library: Library) -> None:
        self._build_index(library)

    @work(thread=True, exclusive=True, group="search-index")
    def _build_index(self, library: Library) -> None:
        index = SearchIndex(library)
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: SearchIndex) -> None:
        self.index = index
        self._show_results()

    @on(Input.Changed, "#search-query")
    def _typed(self) -> None:
        self._show_results()

    @on(Input.Submitted, "#search-query")
    def _open_highlighted(self) -> None:
        option = self.query_one("#search-results", OptionList).highlighted_option
        if option is not None and option.id:
            self.app.open_clause(option.id)

    @on(OptionList.OptionSelected, "#search-results")
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_clause(event.option.id)

    def action_move(self, step: int) -> None:
        results = self.query_one("#search-results", OptionList)
        results.action_cursor_down() if step > 0 else results.action_cursor_up()

    def _show_results(self) -> None:
        lang = self.app.lang
        status = self.query_one("#search-status", Static)
        results = self.query_one("#search-results", OptionList)
        text = self.query_one("#search-query", Input).value
        results.clear_options()
        if self.index is None:
            status.update(Content(t("search.indexing" if self.app.library else "app.loading", lang)).stylize("dim"))
            return
        if not text.strip():
            status.update(Content(t("search.hint", lang)).stylize("dim"))
            return
        try:
            found = search(self.index, text, limit=RESULTS)
        except QueryError as error:
            status.update(Content(str(error)).stylize("$text-error"))
            return
        words = t("search.results", lang, query=text.strip(), count=len(found)) if found else \
            t("search.none", lang, query=text.strip())
        status.update(Content(words).stylize("bold" if found else "dim"))
        for number, result in enumerate(found):
            results.add_options([None] * (number > 0) + [Option(self._prompt(result, lang), id=result.clause.id)])
        if found:
            results.highlighted = 0

    def _prompt(self, result: SearchResult, lang: str) -> Content:
        """Two lines: the clause, its policy's city and status, the score; then the snippet."""
        policy = self.app.library.policies[result.clause.policy_id]
        labels = status_labels(policy_status(policy, self.app.as_of), lang)
        heading = Content.assemble(
            (result.clause.heading, "bold"), "  ", (policy.city, "dim"), "  ",
            (" ".join(f"[{label}]" for label in labels), STATUS_STYLE), "  ",
            (f"{t('search.score', lang)} {result.score}", "dim"))
        snippet = Content(result.snippet, [Span(start, end, HIT_STYLE) for start, end in result.spans])
        return Content.assemble(heading, "\n", snippet)
