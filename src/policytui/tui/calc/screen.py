"""The calculator screen: one rule at a time (picker, form, result, what-if), or a firm's estimate."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static, TabbedContent, TabPane

from policytui.core.calc.engine import CalcResult, evaluate
from policytui.core.calc.estimate import Estimate, estimate
from policytui.core.calc.profile import load_profile
from policytui.core.compare.files import write_export
from policytui.core.locations import bundled_data_dir
from policytui.core.lookup import rule_for_clause
from policytui.core.model import Library
from policytui.core.status import policy_status
from policytui.i18n import os_error_words, t
from policytui.render.calc.estimate_text import profile_problems
from policytui.render.calc.markdown import estimate_markdown, result_markdown
from policytui.render.calc.rich_views import estimate_view, result_view
from policytui.render.calc.wording import choice_aliases
from policytui.tui.base_screen import PolicyScreen
from policytui.tui.calc.picker import RulePicker
from policytui.tui.calc.profile_form import ProfileForm
from policytui.tui.calc.rule_form import RuleForm
from policytui.tui.calc.whatif import WhatIf
from policytui.tui.widgets.prose import Prose
from policytui.tui.widgets.status import badges

EXAMPLE_PROFILE = bundled_data_dir() / "profiles" / "example.toml"


class CalcScreen(PolicyScreen):
    TITLE_KEY = "screen.calc"
    CSS_PATH = "calc.tcss"
    # The cursor goes to the rule's first input once the rule is open (not to the tabs, where
    # what is typed before that would be lost): see typed_ahead.
    AUTO_FOCUS = ""
    # function keys: letters go into the form's fields
    BINDINGS = [
        Binding("f5", "copy", "复制 Markdown", id="calc.copy"),
        Binding("f6", "export", "导出 Markdown", id="calc.export"),
        Binding("f7", "switch", "单项/企业估算", id="calc.switch"),
        Binding("f8", "pick", "选规则", id="calc.pick"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.result: CalcResult | None = None
        self.estimate: Estimate | None = None
        # what the result and the estimate were computed from: F2 rewords them, never recomputes
        self.result_key: tuple[object, ...] = ()
        self.estimate_key: tuple[object, ...] = ()
        self.opened_for: str | None = None  # the clause (or policy) being read when a rule was opened for it
        # What is typed while the rule of the clause being read is still opening (`a` then `2亿`
        # at once): it goes into the rule's first input once that has the cursor. None: not opening.
        self.typed_ahead: str | None = ""

    def compose_body(self) -> ComposeResult:
        with TabbedContent(id="calc-tabs"):
            with TabPane("", id="tab-rule"), Horizontal():
                yield RulePicker(id="picker")
                with VerticalScroll(id="calc-main"):
                    yield Prose(id="rule-head", markup=False)
                    yield RuleForm(id="rule-form")
                    yield Static(id="rule-result")
                    yield WhatIf(id="whatif")
            with TabPane("", id="tab-profile"), Horizontal():
                yield VerticalScroll(id="profile-column")
                yield VerticalScroll(Static(id="estimate"), id="estimate-column")

    # -- PolicyScreen hooks

    def show_language(self, lang: str) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("tab-rule").label = t("calc.tui.tab.rule", lang)
        tabs.get_tab("tab-profile").label = t("calc.tui.tab.profile", lang)
        if self.app.library is None:
            self.query_one("#rule-head", Static).update(Content(t("app.loading", lang)).stylize("dim"))
        elif self.query(ProfileForm):  # shown before: redraw in the new language, keeping what was typed
            self._fill(self.app.library, lang)

    def show_library(self, library: Library) -> None:
        self._fill(library, self.app.lang)

    def _fill(self, library: Library, lang: str) -> None:
        self.query_one(RulePicker).show(library, lang, self.app.as_of)
        form = self.query_one(RuleForm)
        if form.rule is not None:  # a new language: the same rule
            self.call_later(self.open_rule, form.rule.id)
        else:
            self._open_for_reading()
        self.call_later(self._mount_profile_form, library, lang)

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if self.typed_ahead is None:
            self.typed_ahead = ""
        if self.app.library is not None and self.query_one(RuleForm).rule is not None:
            self._open_for_reading()

    def _open_for_reading(self) -> None:
        """Open the rule of the clause being read, once per clause: a rule picked since stays."""
        selected, library = self.app.selected_id, self.app.library
        if library is None:
            return
        if selected == self.opened_for and self.query_one(RuleForm).rule is not None:
            self.typed_ahead = None  # the rule shown stays, and so does the cursor
            return
        self.opened_for = selected
        rule = rule_for_clause(library, selected)
        if rule is not None:
            self.call_later(self.open_rule, rule.id, True)
        else:
            self.typed_ahead = None

    # -- one rule

    async def open_rule(self, rule_id: str, focus: bool = False) -> None:
        """Show the rule; with `focus`, put the cursor in its first input."""
        library = self.app.library
        if library is None:
            return
        rule = library.rules[rule_id]
        lang = self.app.lang
        # the policy's status before any result: a draft or an expired policy is said at once
        policy = library.policies.get(rule.policy_id)
        status = [badges(policy_status(policy, self.app.as_of), lang)] if policy else []
        self.query_one("#rule-head", Static).update(
            Content("\n").join(
                [
                    Content.assemble(
                        (rule.display_name(lang), "bold"),
                        "  ",
                        (rule.id, "dim"),
                        "  ",
                        (rule.clause_id, "dim"),
                    ),
                    *status,
                ]
            )
        )
        self.query_one(RulePicker).select(rule_id)
        form = self.query_one(RuleForm)
        await form.show(rule, lang)
        if focus:
            # a rule with nothing to type: the cursor goes to the rule search, to pick another
            first = form.focus_first() or self.query_one("#rule-filter", Input).focus()
            if self.typed_ahead and isinstance(first, Input):
                first.insert_text_at_cursor(self.typed_ahead)
            self.typed_ahead = None

    def type_ahead(self, character: str) -> None:
        """A key no widget used, typed as this screen was opening (`a` then `2亿` at once: the
        keys went to the browse screen's tree): it goes into the input that has the cursor
        now, or is kept for the rule's first input until the rule is open."""
        if isinstance(self.focused, Input):  # an input with the cursor uses every key it gets
            self.focused.insert_text_at_cursor(character)
        elif self.typed_ahead is not None:
            self.typed_ahead += character

    @on(RulePicker.Picked)
    async def _picked(self, event: RulePicker.Picked) -> None:
        form = self.query_one(RuleForm)
        if form.rule is None or form.rule.id != event.rule_id:
            await self.open_rule(event.rule_id, focus=True)

    @on(RuleForm.Changed)
    def _recompute(self, event: RuleForm.Changed) -> None:
        library, lang, rule = self.app.library, self.app.lang, event.rule
        if library is None:  # a form is shown once the library is loaded
            return
        view = self.query_one("#rule-result", Static)
        whatif = self.query_one(WhatIf)
        if event.errors:
            self.result = None
            view.update(Content(t("calc.tui.fill", lang)).stylize("dim"))
        else:
            # the same rule and values (a new language redraws the form): the result stands, reworded
            key = (library, rule, event.values, self.app.as_of)
            if self.result is None or key != self.result_key:
                self.result, self.result_key = evaluate(rule, event.values, library, self.app.as_of), key
            view.update(result_view(self.result, lang, title=False))
        whatif.show(rule, event.values, library, self.app.as_of, lang)

    # -- the firm's estimate

    async def _mount_profile_form(self, library: Library, lang: str) -> None:
        column = self.query_one("#profile-column", VerticalScroll)
        rules = list(library.rules.values())
        previous = self.query(ProfileForm)
        start = previous.first().profile() if previous else load_profile(EXAMPLE_PROFILE, rules)[0]
        await column.remove_children()
        await column.mount(ProfileForm(rules, start, lang, id="profile-form"))

    @on(ProfileForm.Changed)
    def _estimate(self, event: ProfileForm.Changed) -> None:
        lang, library, as_of = self.app.lang, self.app.library, self.app.as_of
        if library is None:
            return
        # the same profile and options (a new language remounts the form): the estimate stands, reworded
        key = (library, event.profile, event.combine, event.include_ceilings, as_of)
        if self.estimate is None or key != self.estimate_key:
            self.estimate = estimate(
                library,
                event.profile,
                as_of,
                combine=event.combine,
                include_ceilings=event.include_ceilings,
                aliases=choice_aliases,
            )
            self.estimate_key = key
        self.query_one(ProfileForm).show_problems(profile_problems(self.estimate, lang))
        self.query_one("#estimate", Static).update(estimate_view(self.estimate, lang))

    # -- actions

    def _markdown(self) -> tuple[str, str] | None:
        """The active tab's Markdown, and a file stem for it."""
        if self.query_one(TabbedContent).active == "tab-profile":
            if self.estimate is None:
                return None
            return estimate_markdown(self.estimate, self.app.lang), "policytui-estimate"
        if self.result is None:
            return None
        return (
            result_markdown(self.result, self.app.lang),
            f"policytui-{self.result.rule.policy_id}-{self.result.rule.local_id}",
        )

    def action_copy(self) -> None:
        from policytui.tui.clipboard import copy_text

        markdown = self._markdown()
        if markdown is not None:
            copy_text(self.app, markdown[0], f"{markdown[1]}.md", self.app.lang)

    def action_export(self) -> None:
        """Write the Markdown to the working directory, as compare does: the absolute path is
        shown, and an existing file is replaced only when the user says so."""
        from policytui.tui.compare.export_dialog import ConfirmOverwrite

        markdown = self._markdown()
        if markdown is None:
            return
        text, stem = markdown
        path = Path(f"{stem}.md").resolve()
        if path.exists():
            self.app.push_screen(ConfirmOverwrite(path), lambda yes: self._write(path, text) if yes else None)
        else:
            self._write(path, text)

    def _write(self, path: Path, text: str) -> None:
        lang = self.app.lang
        try:
            write_export(path, text, overwrite=True)  # asked, or there was no file
        except OSError as error:
            self.notify(
                t(
                    "calc.tui.export_failed",
                    lang,
                    path=str(path),
                    error=os_error_words(error, lang),
                ),
                severity="error",
                markup=False,
            )
            return
        self.notify(t("calc.tui.exported", lang, path=str(path)), markup=False)

    def action_switch(self) -> None:
        tabs = self.query_one(TabbedContent)
        target = "tab-profile" if tabs.active == "tab-rule" else "tab-rule"
        # focus left behind in the hidden tab would pull it back to the front
        self.set_focus(None)
        tabs.active = target
        first = self.query("#profile-name" if target == "tab-profile" else "#rule-filter")
        if first:
            self.call_after_refresh(first.first().focus)

    def action_pick(self) -> None:
        self.query_one(TabbedContent).active = "tab-rule"
        self.query_one("#rule-filter").focus()
