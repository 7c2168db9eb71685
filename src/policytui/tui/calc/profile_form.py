"""A firm's facts as a form, pre-filled from the shipped example profile: every change re-estimates.

The cities start as those of the loaded policies; two switches ask to add up different
cities and to count ceilings set by another policy (both off: the honest default).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from policytui.core.calc.profile import FactValue, Profile, Project, fact_fields
from policytui.core.calc.rules import Fact, FactType, Rule
from policytui.i18n import t
from policytui.render.calc.estimate_text import kind_label
from policytui.render.calc.wording import choice_label
from policytui.render.problems import WordedProblem
from policytui.tui.app import PolicyApp

PROJECT_SLOTS = 2


class ProfileForm(Vertical):
    app = getters.app(PolicyApp)  # `self.app` typed as PolicyApp

    class Changed(Message):
        def __init__(self, profile: Profile, combine: bool, include_ceilings: bool) -> None:
            super().__init__()
            self.profile = profile
            self.combine = combine
            self.include_ceilings = include_ceilings

    def __init__(self, rules: list[Rule], start: Profile | None, lang: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rules = rules
        self.fields = fact_fields(rules)
        self.project_fields = fact_fields(rules, project=True)
        self.kinds = sorted({r.profile.project for r in rules if r.profile and r.profile.project})
        self.start = start or Profile("", None)
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang, start = self.lang, self.start
        cities = start.cities or self._loaded_cities()
        yield Static(Content(t("calc.tui.profile_hint", lang)).stylize("dim"), classes="hint")
        yield Horizontal(
            Label(t("calc.tui.profile_name", lang), classes="field-label"),
            Input(start.name, id="profile-name"),
            classes="field-row",
        )
        yield Horizontal(
            Label(t("calc.tui.cities", lang), classes="field-label"),
            Input("、".join(cities), id="profile-cities"),
            classes="field-row",
        )
        yield Static(id="profile-cities-error", classes="field-error", markup=False)
        yield Checkbox(Content(t("calc.tui.combine", lang)), value=False, id="option-combine")
        yield Checkbox(Content(t("calc.tui.include_ceilings", lang)), value=False, id="option-ceilings")
        for field in self.fields:
            yield from self._field(field, start.facts.get(field.name), f"fact-{field.name}")
        for slot in range(PROJECT_SLOTS):
            project = start.projects[slot] if slot < len(start.projects) else Project("", ())
            yield Label(Content(t("calc.tui.project", lang, n=slot + 1)).stylize("bold"), classes="section")
            yield Input(project.name, placeholder=t("calc.tui.project_name", lang), id=f"project-{slot}-name")
            yield SelectionList(
                *(Selection(Content(kind_label(k, lang)), k, k in project.kinds) for k in self.kinds),
                id=f"project-{slot}-kinds",
            )
            for field in self.project_fields:
                yield from self._field(field, project.facts.get(field.name), f"project-{slot}-{field.name}")

    def _field(self, field: Fact, value: FactValue | None, widget_id: str) -> Iterator[Widget]:
        label = field.display_label(self.lang)
        if field.type == FactType.YES_NO:
            yield Checkbox(Content(label), value=value is True, id=widget_id)
            return
        if field.type == FactType.CHOICE:
            chosen = set(value) if isinstance(value, tuple) else {value}
            yield Label(label, classes="field-label")
            yield SelectionList(
                *(Selection(Content(choice_label(c, self.lang)), c, c in chosen) for c in field.choices),
                id=widget_id,
            )
            return
        yield Horizontal(
            Label(label, classes="field-label"),
            Input(value if isinstance(value, str) else "", id=widget_id),
            classes="field-row",
        )
        yield Static(id=f"{widget_id}-error", classes="field-error", markup=False)

    def _loaded_cities(self) -> tuple[str, ...]:
        """The cities of the policies the rules belong to, in the library's order."""
        policies = self.app.library.policies if self.app.library else {}
        return tuple(dict.fromkeys(policies[r.policy_id].city for r in self.rules if r.policy_id in policies))

    def on_mount(self) -> None:
        self._post()

    def _post(self) -> None:
        self.post_message(
            self.Changed(
                self.profile(),
                self.query_one("#option-combine", Checkbox).value,
                self.query_one("#option-ceilings", Checkbox).value,
            )
        )

    def _facts(self, fields: list[Fact], prefix: str) -> dict[str, FactValue]:
        facts: dict[str, FactValue] = {}
        for field in fields:
            widget = self.query_one(f"#{prefix}{field.name}")
            if isinstance(widget, Checkbox):
                if widget.value:
                    facts[field.name] = True
            elif isinstance(widget, SelectionList):
                chosen = tuple(widget.selected)
                if chosen:
                    facts[field.name] = chosen[0] if len(chosen) == 1 else chosen
            elif isinstance(widget, Input) and widget.value.strip():
                facts[field.name] = widget.value
        return facts

    def profile(self) -> Profile:
        cities = self.query_one("#profile-cities", Input).value.replace(",", "、").replace("，", "、")
        projects = []
        for slot in range(PROJECT_SLOTS):
            kinds = tuple(self.query_one(f"#project-{slot}-kinds", SelectionList).selected)
            name = self.query_one(f"#project-{slot}-name", Input).value.strip() or t(
                "calc.tui.project", self.lang, n=slot + 1
            )
            # every slot, kinds or not, so that problems at projects[i] point at slot i
            projects.append(Project(name, kinds, self._facts(self.project_fields, f"project-{slot}-")))
        return Profile(
            self.query_one("#profile-name", Input).value.strip() or "—",
            None,
            tuple(c.strip() for c in cities.split("、") if c.strip()),
            self._facts(self.fields, "fact-"),
            tuple(projects),
        )

    def show_problems(self, problems: Iterable[WordedProblem]) -> None:
        """Each problem beside its field: "facts.paid_in_capital" or "projects[0].investment"."""
        messages = {p.where: p.message for p in problems}
        for error in self.query(".field-error").results(Static):
            message = messages.get(self._where((error.id or "").removesuffix("-error")), "")
            error.update(message)
            error.display = bool(message)

    def _where(self, widget_id: str) -> str:
        if widget_id == "profile-cities":
            return "profile.cities"
        if widget_id.startswith("fact-"):
            return f"facts.{widget_id.removeprefix('fact-')}"
        _, slot, name = widget_id.split("-", 2)
        return f"projects[{slot}].{name}"

    @on(Input.Changed)
    @on(Checkbox.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self, event: Message) -> None:
        event.stop()
        self._post()
