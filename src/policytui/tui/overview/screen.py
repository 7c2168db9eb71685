"""Policy overview: the policy's facts and status beside its original text, opened at the
clause selected in the browse screen.

The original text is shown as paragraphs (the PDF's line breaks inside a paragraph
joined) and wrapped like every other text, so a figure is never split.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from policytui.core.model import Library, Policy
from policytui.core.sanitize import clean_text
from policytui.core.source_spans import locate_clauses
from policytui.core.status import policy_status
from policytui.i18n import t
from policytui.render.wrap import join_pdf_lines, line_of
from policytui.tui.base_screen import PolicyScreen
from policytui.tui.widgets.policy_facts import policy_facts
from policytui.tui.widgets.prose import Prose
from policytui.tui.widgets.status import badges, warnings

MARK_STYLE = "$text on $accent-muted"


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
        self.source = ""
        self._spans: dict[str, tuple[int, int] | None] = {}  # clause id -> where it is in the source
        self.marked: tuple[int, int] | None = None  # the span of the source shown marked
        self._followed: str | None = None  # the browse selection this screen last followed

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="overview"):
            with VerticalScroll(id="facts-column"):
                yield Prose(id="policy-title", markup=False)
                yield Prose(id="policy-badges", markup=False)
                yield Prose(id="policy-warnings", markup=False)
                yield Prose(id="policy-facts", markup=False)
            with Vertical(id="source-column"):
                yield Static(id="source-title", markup=False)
                with VerticalScroll(id="source-scroll"):
                    yield Prose(id="source", markup=False)

    def show_language(self, lang: str) -> None:
        if self.app.library is None:
            self.query_one("#policy-title", Static).update(Content(t("app.loading", lang)).stylize("dim"))
        else:
            self._show()

    def show_library(self, library: Library) -> None:
        self._show()

    def on_screen_suspend(self) -> None:
        # Left for another screen, not covered by help: the next visit follows the clause
        # selected in browse, even the same one again (after p showed another policy).
        if self not in self.app.screen_stack:
            self._followed = None

    def on_screen_resume(self) -> None:
        # Follow the clause selected in the browse screen (once per visit); back from help the
        # screen stays as it was.
        if self.app.library is not None and self._composed and self.app.selected_id != self._followed:
            self._show()

    @property
    def marked_text(self) -> str:
        return self.source[slice(*self.marked)] if self.marked else ""

    def _selected_policy(self, library: Library) -> Policy | None:
        policy_id = (self.app.selected_id or "").partition("/")[0]
        return library.policies.get(policy_id) or next(iter(library.policies.values()), None)

    def _show(self, policy: Policy | None = None) -> None:
        library, lang = self.loaded_library, self.app.lang
        self._followed = self.app.selected_id
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
            self.source = join_pdf_lines(clean_text(policy.read_source() or ""))
            spans = locate_clauses(self.source, [clause.text for clause in policy.clauses])
            self._spans = {clause.id: span for clause, span in zip(policy.clauses, spans, strict=False)}
        self.action_find_in_source()

    def action_find_in_source(self) -> None:
        """Mark the selected clause's words in the source and scroll them to the top."""
        library, lang = self.app.library, self.app.lang
        clause = library.clause(self.app.selected_id or "") if library else None
        title = self.query_one("#source-title", Static)
        self.marked = None
        if clause is None or self.policy is None or clause.policy_id != self.policy.id or not self.source:
            title.update(Content(t("overview.source", lang)).stylize("bold"))
        elif (span := self._spans.get(clause.id)) is None:
            title.update(Content(t("overview.not_found", lang)).stylize("$text-warning"))
        else:
            title.update(Content(t("overview.source_at", lang, heading=clause.heading)).stylize("bold"))
            self.marked = span
        source = (
            Content(self.source) if self.source else Content(t("overview.no_source", lang)).stylize("dim")
        )
        if self.marked:
            source = source.stylize(MARK_STYLE, *self.marked)
        self.query_one("#source", Prose).update(source)
        # Once the text is laid out at the pane's width, bring the clause's first line to the top.
        self.call_after_refresh(self._scroll_source_to, self.marked[0] if self.marked else None)

    def _scroll_source_to(self, offset: int | None) -> None:
        scroll = self.query_one("#source-scroll", VerticalScroll)
        width = self.query_one("#source", Prose).content_region.width
        y = line_of(self.source, offset, width) if offset is not None and width else 0
        scroll.scroll_to(y=y, animate=False, immediate=True)

    def action_next_policy(self) -> None:
        library = self.app.library
        if not library or not library.policies:
            return
        ids = list(library.policies)
        current = ids.index(self.policy.id) if self.policy and self.policy.id in ids else -1
        self._show(library.policies[ids[(current + 1) % len(ids)]])
