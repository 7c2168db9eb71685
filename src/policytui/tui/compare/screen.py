"""The compare screen: pick policies and a topic; their clauses side by side, awards on top."""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Checkbox, Select

from policytui.core.compare import Comparison, compare
from policytui.core.compare.phrases import SharedWording
from policytui.core.model import Clause, Library
from policytui.i18n import t
from policytui.present import city_name
from policytui.render.compare.export import render_comparison
from policytui.tui.base_screen import PolicyScreen
from policytui.tui.compare.export_dialog import ExportDialog
from policytui.tui.compare.grid import SHARED_STYLE, ClauseCell, ComparisonGrid
from policytui.tui.compare.views import award_summary, policy_head


class PolicyToggle(Checkbox):
    def __init__(self, policy_id: str, label: str) -> None:
        super().__init__(Content(label), value=True, classes="policy-toggle")
        self.policy_id = policy_id


class CompareScreen(PolicyScreen):
    TITLE_KEY = "screen.compare"
    CSS_PATH = "compare.tcss"
    BINDINGS = [
        Binding("z", "pick_topic", "选主题", id="compare.topic"),
        Binding("e", "export", "导出", id="compare.export"),
        Binding("y", "copy", "复制对比", id="compare.copy"),
        Binding("enter", "counterparts", "相近条款", id="compare.counterparts"),
        Binding("g", "open_clause", "在浏览中打开", id="compare.open"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.topic_id: str | None = None
        self.comparison: Comparison | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="compare-controls"):
            yield Select([], id="compare-topic")
            yield Horizontal(id="compare-policies")
        yield ComparisonGrid(id="compare-grid")

    @property
    def grid(self) -> ComparisonGrid:
        return self.query_one(ComparisonGrid)

    @property
    def picked_policies(self) -> list[str]:
        return [toggle.policy_id for toggle in self.query(PolicyToggle) if toggle.value]

    # -- PolicyScreen hooks

    def show_language(self, lang: str) -> None:
        select = self.query_one("#compare-topic", Select)
        select.prompt = t("compare.pick_topic", lang)
        if self.app.library is not None:
            self._fill_topics(self.app.library, lang)
            self.call_later(self._refresh_comparison)

    def show_library(self, library: Library) -> None:
        self.query_one("#compare-policies").mount_all(
            PolicyToggle(policy.id, city_name(policy, self.app.lang)) for policy in library.policies.values()
        )
        if self.topic_id is None:
            self.topic_id = self._topic_of_selected_clause(library) or next(iter(library.topics), None)
        self._fill_topics(library, self.app.lang)
        self.call_later(self._refresh_comparison)

    # -- choosing

    def open_topic(self, topic_id: str, policy_ids: list[str] | None = None) -> None:
        """Show `topic_id` for these policies (all when None); used by the matrix."""
        self.topic_id = topic_id
        if self.app.library is None or not self._composed:
            return  # show_library picks the topic up
        for toggle in self.query(PolicyToggle):
            with toggle.prevent(Checkbox.Changed):
                toggle.value = policy_ids is None or toggle.policy_id in policy_ids
        self._fill_topics(self.app.library, self.app.lang)
        self.call_later(self._refresh_comparison)

    def _topic_of_selected_clause(self, library: Library) -> str | None:
        clause = library.clause(self.app.selected_id or "")
        return clause.topics[0] if clause and clause.topics else None

    def _fill_topics(self, library: Library, lang: str) -> None:
        select = self.query_one("#compare-topic", Select)
        options = [
            (Content(library.topic_name(topic_id, lang) + t("punct.notes", lang, notes=topic_id)), topic_id)
            for topic_id in library.topics
        ]
        with select.prevent(Select.Changed):
            select.set_options(options)
            if self.topic_id in library.topics:
                select.value = self.topic_id

    @on(Select.Changed, "#compare-topic")
    async def _topic_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.topic_id:
            self.topic_id = event.value
            await self._refresh_comparison()

    @on(Checkbox.Changed, ".policy-toggle")
    async def _policies_changed(self) -> None:
        await self._refresh_comparison(focus_clause=False)  # stay on the toggles

    # -- showing

    async def _refresh_comparison(self, focus_clause: bool = True) -> None:
        library, lang = self.app.library, self.app.lang
        if library is None or self.topic_id not in library.topics:
            return
        picked = self.picked_policies
        if not picked:
            self.comparison = None
            await self.grid.show(
                [], [], [], SharedWording(()), [Content(t("compare.pick_policy", lang)).stylize("dim")]
            )
            return
        comparison = self.comparison = compare(library, self.topic_id, self.app.as_of, picked)
        columns = comparison.columns
        no_clause = Content(t("compare.no_clause", lang)).stylize("italic $text-warning")
        footer = None
        if comparison.shared.phrases:
            footer = Content.assemble(
                (t("compare.shared", lang) + t("punct.colon", lang), "bold"),
                (t("punct.list", lang).join(comparison.shared.phrases), SHARED_STYLE),
            )
        await self.grid.show(
            heads=[policy_head(c.policy, c.status, lang) for c in columns],
            summaries=[award_summary(c.awards, bool(c.clauses), lang) for c in columns],
            rows=comparison.rows,
            shared=comparison.shared,
            empty=[None if c.clauses else no_clause for c in columns],
            footer=footer,
        )
        if focus_clause:
            self._focus_clause_read()

    def _focus_clause_read(self) -> None:
        """Focus the clause being read in browse, else the first one: the arrows move from there."""
        cells = [cell for row in self.grid.cells for cell in row if cell]
        read = next((cell for cell in cells if cell.clause.id == self.app.selected_id), None)
        if (cell := read or self.grid.first_clause()) is not None:
            cell.focus()

    # -- actions

    def action_pick_topic(self) -> None:
        select = self.query_one("#compare-topic", Select)
        select.focus()
        select.action_show_overlay()

    def _focused_clause(self) -> Clause | None:
        focused = self.focused
        return focused.clause if isinstance(focused, ClauseCell) else None

    def _clause_or_say_why(self) -> Clause | None:
        """The focused clause; None, with a note saying why the key did nothing, if there is none."""
        clause = self._focused_clause()
        if clause is None:
            self.notify(t("compare.needs_clause", self.app.lang))
        return clause

    def action_counterparts(self) -> None:
        if self._clause_or_say_why() is not None:  # focusing it made it the app's selected clause
            self.app.switch_mode("counterparts")

    def action_open_clause(self) -> None:
        if (clause := self._clause_or_say_why()) is not None:
            self.app.open_clause(clause.id)

    def _render_as(self, comparison: Comparison, fmt: str) -> str:
        return render_comparison(comparison, fmt, self.app.lang)

    def action_export(self) -> None:
        if (comparison := self.comparison) is not None:
            self.app.push_screen(
                ExportDialog(partial(self._render_as, comparison), f"compare-{comparison.topic.id}")
            )

    def action_copy(self) -> None:
        from policytui.tui.clipboard import copy_text

        if self.comparison is not None:
            lang = self.app.lang
            topic = self.loaded_library.topic_name(self.comparison.topic.id, lang)
            copy_text(
                self.app,
                self._render_as(self.comparison, "md"),
                t("compare.copy_what", lang, topic=topic),
                lang,
            )
