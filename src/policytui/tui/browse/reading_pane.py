"""The reading pane: a clause's verbatim text with its figures highlighted, its departments,
topics and amounts, under a breadcrumb and the policy's status badges."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from policytui.core.model import Clause, Library, Policy
from policytui.core.status import policy_status
from policytui.i18n import t
from policytui.present import city_name, departments_text, describe_amount
from policytui.tui.widgets.policy_facts import policy_facts
from policytui.tui.widgets.prose import Prose
from policytui.tui.widgets.safe_text import chips, field_line, highlighted_text
from policytui.tui.widgets.status import badges, warnings


class ReadingPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Prose(id="breadcrumb", markup=False)
        yield Prose(id="badges", markup=False)
        with VerticalScroll(id="reading"):
            yield Prose(id="warnings", markup=False)
            yield Prose(id="heading", markup=False)
            yield Prose(id="text", markup=False)
            yield Prose(id="details", markup=False)

    def _set(self, **parts: Content | str) -> None:
        for widget_id, content in parts.items():
            widget = self.query_one(f"#{widget_id}", Static)
            widget.update(content)
            widget.display = bool(content)

    def show_message(self, message: str) -> None:
        self._set(
            breadcrumb="",
            badges="",
            warnings="",
            heading=Content(message).stylize("dim"),
            text="",
            details="",
        )

    def _show_status(self, policy: Policy, as_of: date, lang: str) -> None:
        status = policy_status(policy, as_of)
        self._set(badges=badges(status, lang), warnings=warnings(status, policy, lang))

    def show_policy(self, policy: Policy, as_of: date, lang: str) -> None:
        self._show_status(policy, as_of, lang)
        self._set(
            breadcrumb=Content(city_name(policy, lang)),
            heading=Content(policy.display_title).stylize("bold"),
            text=policy_facts(policy, lang),
            details="",
        )
        self.query_one("#reading").scroll_home(animate=False)

    def show_clause(self, clause: Clause, library: Library, as_of: date, lang: str) -> None:
        policy = library.policy_of(clause)
        self._show_status(policy, as_of, lang)
        crumbs = [policy.display_title, *(a.heading for a in policy.ancestors(clause)), clause.heading]
        self._set(
            breadcrumb=Content(" › ".join(crumbs)).stylize("$text-muted"),
            heading=Content.assemble((clause.heading, "bold"), ("  " + clause.id, "dim")),
            text=highlighted_text(clause.text, clause.amounts),
            details=self._details(clause, library, lang),
        )
        self.query_one("#reading").scroll_home(animate=False)

    @staticmethod
    def _details(clause: Clause, library: Library, lang: str) -> Content:
        lines = []
        if clause.departments:
            policy = library.policies[clause.policy_id]
            lines.append(
                field_line(t("field.departments", lang), departments_text(policy, clause, lang), lang)
            )
        topics = chips(library.topic_name(topic, lang) for topic in clause.topics)
        lines.append(Content.assemble((t("field.topics", lang) + t("punct.colon", lang), "bold"), topics))
        if clause.amounts:
            lines.append(Content(t("field.amounts", lang) + t("punct.colon", lang).rstrip()).stylize("bold"))
            for amount in clause.amounts:
                lines.append(
                    Content.assemble(
                        (f"• {t(f'role.{amount.role}', lang)} ", "dim"),
                        (describe_amount(amount, lang), "bold"),
                        f" — {amount.subject}" if amount.subject else "",
                    )
                )
        return Content("\n").join(lines)
