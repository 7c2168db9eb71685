"""Policy overview: the policy's facts and status beside its original text, opened at the
clause selected in the browse screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Selection

from policytui.core.model import Library, Policy
from policytui.core.sanitize import clean_text
from policytui.core.status import policy_status
from policytui.i18n import t
from policytui.tui.base_screen import PolicyScreen
from policytui.core.source_spans import line_and_column, locate_clauses
from policytui.tui.widgets.policy_facts import policy_facts
from policytui.tui.widgets.status import badges, warnings


class OverviewScreen(PolicyScreen):
    TITLE_KEY = "screen.overview"
    CSS_PATH = "../styles/overview.tcss"
    BINDINGS = [
        Binding("p", "next_policy", "下一份政策", id="next_policy"),
        Binding("s", "find_in_source", "原文定位", id="source"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.policy: Policy | None = None
        self._source = ""
        self._spans: dict[str, tuple[int, int] | None] = {}  # clause id -> where it is in the source

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="overview"):
            with VerticalScroll(id="facts-column"):
                yield Static(id="policy-title", markup=False)
                yield Static(id="policy-badges", markup=False)
                yield Static(id="policy-warnings", markup=False)
                yield Static(id="policy-facts", markup=False)
            with Vertical(id="source-column"):
                yield Static(id="source-title", markup=False)
                source = TextArea(id="source", read_only=True, soft_wrap=True)
                source.cursor_blink = False  # a reading view: a steady cursor (and stable snapshots)
                yield source

    def show_language(self, lang: str) -> None:
        if self.app.library is None:
            self.query_one("#policy-title", Static).update(Content(t("app.loading", lang)).stylize("dim"))
        else:
            self._show()

    def show_library(self, library: Library) -> None:
        self._show()

    def on_screen_resume(self) -> None:
        # Follow the clause selected in the browse screen since this screen was last shown.
        if self.app.library is not None and self._composed:
            self._show()

    def _selected_policy(self, library: Library) -> Policy | None:
        policy_id = (self.app.selected_id or "").partition("/")[0]
        return library.policies.get(policy_id) or next(iter(library.policies.values()), None)

    def _show(self, policy: Policy | None = None) -> None:
        library, lang = self.app.library, self.app.lang
        policy = policy or self._selected_policy(library)
        if policy is None:
            self.query_one("#policy-title", Static).update(t("browse.pick", lang))
            return
        status = policy_status(policy, self.app.as_of)
        self.query_one("#policy-title", Static).update(Content(policy.display_title).stylize("bold"))
        self.query_one("#policy-badges", Static).update(badges(status, lang))
        self.query_one("#policy-warnings", Static).update(warnings(status, policy, lang))
        self.query_one("#policy-facts", Static).update(policy_facts(policy, lang))
        if policy is not self.policy:
            self.policy = policy
            self._source = clean_text(policy.read_source() or "")
            spans = locate_clauses(self._source, [clause.text for clause in policy.clauses])
            self._spans = {clause.id: span for clause, span in zip(policy.clauses, spans)}
            self.query_one("#source", TextArea).load_text(self._source or t("overview.no_source", lang))
        self.action_find_in_source()

    def action_find_in_source(self) -> None:
        """Select the selected clause's words in the source and scroll them into view."""
        library, lang = self.app.library, self.app.lang
        clause = library.clause(self.app.selected_id or "") if library else None
        title = self.query_one("#source-title", Static)
        area = self.query_one("#source", TextArea)
        if clause is None or self.policy is None or clause.policy_id != self.policy.id or not self._source:
            title.update(Content(t("overview.source", lang)).stylize("bold"))
            area.move_cursor((0, 0))
            area.scroll_home(animate=False)
            return
        span = self._spans.get(clause.id)
        if span is None:
            title.update(Content(t("overview.not_found", lang)).stylize("$text-warning"))
            return
        title.update(Content(t("overview.source_at", lang, heading=clause.heading)).stylize("bold"))
        start, end = (line_and_column(self._source, offset) for offset in span)
        area.selection = Selection(end, start)
        # Once the text is wrapped to the area's width, bring the clause's first line to the top.
        self.call_after_refresh(self._scroll_source_to, start)

    def _scroll_source_to(self, location: tuple[int, int]) -> None:
        area = self.query_one("#source", TextArea)
        _, y = area.wrapped_document.location_to_offset(location)
        area.scroll_to(y=y, animate=False)

    def action_next_policy(self) -> None:
        library = self.app.library
        if not library or not library.policies:
            return
        ids = list(library.policies)
        current = ids.index(self.policy.id) if self.policy and self.policy.id in ids else -1
        self._show(library.policies[ids[(current + 1) % len(ids)]])
