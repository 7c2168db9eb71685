"""Search: results as you type, the hits marked in each snippet; Enter opens the clause in Browse.

The index is built in a thread worker once the library is loaded; until then
the screen says so, and the query typed meanwhile is searched when it is ready.
The screen stays alive between visits (it is a mode), so the query is kept.
Below the query, toggles do what the filter syntax does (city:, status:,
kind:) and choose the order: in force first, grouped by policy.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content, Span
from textual.widgets import Checkbox, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from policytui.core.model import Library
from policytui.core.search.index import SearchIndex
from policytui.core.search.query import QueryError
from policytui.core.search.rank import search
from policytui.core.search.results import SearchResult, group_by_policy
from policytui.core.search.suggest import did_you_mean
from policytui.i18n import query_problem, t
from policytui.present import city_name
from policytui.render.status import short_status, status_badges
from policytui.tui.base_screen import PolicyScreen
from policytui.tui.widgets.prose import ProseOptionList

RESULTS = 30
HIT_STYLE = "bold $text-accent on $accent-muted"
STATUS_STYLE = "$text-warning"
# status: values, and the status.short.* words that name them
STATUSES = {"in-force": "in-force", "draft": "draft", "expired": "expired", "not-yet": "not-yet-in-force"}
FILTERS = ("city", "status", "kind")  # each a Select whose value is the filter's value


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
            with Horizontal(id="search-toggles"):
                for name in FILTERS:
                    yield Select((), id=f"search-filter-{name}", compact=True)
                yield Checkbox(id="search-in-force-first", compact=True)
                yield Checkbox(id="search-group", compact=True)
            yield Static(id="search-status", markup=False)
            yield ProseOptionList(id="search-results")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#search-query", Input).focus()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.query_one("#search-query", Input).focus()

    def show_language(self, lang: str) -> None:
        self.query_one("#search-query", Input).placeholder = t("search.placeholder", lang)
        self.query_one("#search-in-force-first", Checkbox).label = t("search.in_force_first", lang)
        self.query_one("#search-group", Checkbox).label = t("search.group", lang)
        self._fill_filters()
        self._show_results()

    def show_library(self, library: Library) -> None:
        self._fill_filters()
        self._build_index(library)

    def _fill_filters(self) -> None:
        """Each filter's choices in the current language, keeping what was chosen."""
        lang, library = self.app.lang, self.app.library
        cities = {p.city: city_name(p, lang) for p in library.policies.values()} if library else {}
        kinds = sorted({c.kind for c in library.clauses()}) if library else []
        choices = {
            "city": [(name, city) for city, name in cities.items()],
            "status": [(t(f"status.short.{words}", lang), status) for status, words in STATUSES.items()],
            "kind": [(t(f"search.kind.{kind}", lang), kind) for kind in kinds],
        }
        for name in FILTERS:
            select = self.query_one(f"#search-filter-{name}", Select)
            chosen = select.value
            with select.prevent(Select.Changed):
                select.prompt = t(f"search.{name}", lang) + t("punct.colon", lang) + t("search.any", lang)
                select.set_options(choices[name])
                if chosen in {value for _, value in choices[name]}:
                    select.value = chosen

    @work(thread=True, exclusive=True, group="search-index")
    def _build_index(self, library: Library) -> None:
        index = SearchIndex(library)
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: SearchIndex) -> None:
        self.index = index
        self._show_results()

    @on(Input.Changed, "#search-query")
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
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

    def _toggled_filters(self) -> str:
        """The filters chosen with the toggles, as the query syntax would write them."""
        tokens = []
        for name in FILTERS:
            value = self.query_one(f"#search-filter-{name}", Select).value
            if value is not Select.NULL:
                tokens.append(f'"{name}:{value}"' if " " in str(value) else f"{name}:{value}")
        return " ".join(tokens)

    def _show_results(self) -> None:
        lang = self.app.lang
        status = self.query_one("#search-status", Static)
        results = self.query_one("#search-results", OptionList)
        text = self.query_one("#search-query", Input).value
        toggled = self._toggled_filters()
        results.clear_options()
        if self.index is None:
            status.update(
                Content(t("search.indexing" if self.app.library else "app.loading", lang)).stylize("dim")
            )
            return
        if not text.strip() and not toggled:
            status.update(Content(t("search.hint", lang)).stylize("dim"))
            return
        try:
            found = search(
                self.index,
                f"{text} {toggled}",
                limit=RESULTS,
                as_of=self.app.as_of,
                in_force_first=self.query_one("#search-in-force-first", Checkbox).value,
            )
        except QueryError as error:
            status.update(Content(query_problem(error.reason, error.values, lang)).stylize("$text-error"))
            return
        shown = text.strip() or toggled
        if not found:
            words = t("search.none", lang, query=shown)
            suggestions = did_you_mean(self.index, text) if text.strip() else []
            if suggestions:
                words += "  " + t("search.did_you_mean", lang, words=t("punct.list", lang).join(suggestions))
            status.update(Content(words).stylize("dim"))
            return
        status.update(Content(t("search.results", lang, query=shown, count=len(found))).stylize("bold"))
        grouped = self.query_one("#search-group", Checkbox).value
        for group in group_by_policy(found) if grouped else [found]:
            if grouped:
                results.add_option(Option(self._policy_heading(group[0], lang), disabled=True))
            for result in group:
                results.add_options(
                    [None] * (results.option_count > 0)
                    + [Option(self._prompt(result, lang), id=result.clause.id)]
                )
        results.highlighted = 1 if grouped else 0

    def _policy_heading(self, result: SearchResult, lang: str) -> Content:
        policy = self.loaded_library.policies[result.clause.policy_id]
        labels = status_badges(result.status, lang)
        return Content.assemble(
            (f"{city_name(policy, lang)} {policy.display_title}", "bold"), "  ", (labels, STATUS_STYLE)
        )

    def _prompt(self, result: SearchResult, lang: str) -> Content:
        """Two lines: the clause, its policy's city and status, the score; then the snippet."""
        policy = self.loaded_library.policies[result.clause.policy_id]
        heading = Content.assemble(
            (result.clause.heading, "bold"),
            "  ",
            (city_name(policy, lang), "dim"),
            "  ",
            (short_status(result.status, lang), STATUS_STYLE),
            "  ",
            (f"{t('search.score', lang)} {result.score}", "dim"),
        )
        snippet = Content(result.snippet, [Span(start, end, HIT_STYLE) for start, end in result.spans])
        return Content.assemble(heading, "\n", snippet)
