"""Targets: a policy's indicator table (baseline, target, growth) and a chart of the growth."""

from __future__ import annotations

from decimal import Decimal

from rich.bar import Bar
from rich.table import Table as RichTable
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from policytui.core.indicators import growth
from policytui.core.model import IndicatorTable, Library, Policy
from policytui.core.status import policy_status
from policytui.i18n import t
from policytui.present import city_name
from policytui.render.indicators import format_growth
from policytui.tui.base_screen import PolicyScreen
from policytui.tui.widgets.prose import Prose
from policytui.tui.widgets.status import badges


class TargetsScreen(PolicyScreen):
    TITLE_KEY = "screen.targets"
    CSS_PATH = "../styles/targets.tcss"
    BINDINGS = [
        Binding("p", "next_policy", "下一份政策", id="next_policy"),
        Binding("g", "toggle_chart", "表格/图表", id="toggle_chart"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.policy: Policy | None = None
        self._followed: str | None = None  # the browse selection this screen last followed

    def compose_body(self) -> ComposeResult:
        with Vertical(id="targets"):
            yield Prose(id="targets-title", markup=False)
            with Horizontal(id="targets-body"):
                yield DataTable(id="targets-table", cursor_type="row", zebra_stripes=True)
                with VerticalScroll(id="chart-column"):
                    yield Prose(id="chart-title", markup=False)
                    yield Static(id="targets-chart")

    def _with_tables(self, library: Library) -> list[Policy]:
        return [p for p in library.policies.values() if p.indicator_table is not None]

    def show_language(self, lang: str) -> None:
        library = self.app.library
        if library is None:
            self.query_one("#targets-title", Static).update(Content(t("app.loading", lang)).stylize("dim"))
        elif self.policy is None:  # the words of "no table" in the new language
            self._follow_selection(library)
        else:
            self._show(self.policy)

    def show_library(self, library: Library) -> None:
        self._follow_selection(library)

    def on_screen_suspend(self) -> None:
        # Left for another screen, not covered by help: the next visit follows the policy
        # selected in browse, even the same one again (after p showed another policy).
        if self not in self.app.screen_stack:
            self._followed = None

    def on_screen_resume(self) -> None:
        # Follow the policy selected in browse (once per visit); back from help the screen stays as it was.
        if self.app.library is not None and self._composed and self.app.selected_id != self._followed:
            self._follow_selection(self.app.library)

    def _follow_selection(self, library: Library) -> None:
        """The selected policy's table; a policy without one is named, not replaced by another's."""
        self._followed = self.app.selected_id
        selected = library.policies.get((self.app.selected_id or "").partition("/")[0])
        if selected is not None and selected.indicator_table is None:
            self.policy = None
            self.query_one("#targets-body").display = False
            self.query_one("#targets-title", Static).update(
                Content(t("targets.no_table", self.app.lang, title=selected.display_title)).stylize(
                    "$text-warning"
                )
            )
        else:
            self._show(selected)

    def _show(self, policy: Policy | None) -> None:
        lang = self.app.lang
        policy = policy or next(iter(self._with_tables(self.loaded_library)), None)
        self.policy = policy
        title = self.query_one("#targets-title", Static)
        self.query_one("#targets-body").display = policy is not None
        table = policy.indicator_table if policy is not None else None  # only policies with one come here
        if policy is None or table is None:
            title.update(Content(t("targets.none", lang)).stylize("dim"))
            return
        status = policy_status(policy, self.app.as_of)
        title.update(
            Content("\n").join(
                [
                    Content.assemble(
                        (f"{city_name(policy, lang)} · {table.caption}", "bold"), "  ", badges(status, lang)
                    ),
                    Content(
                        f"{t('punct.title', lang, title=policy.display_title)} {policy.id}/{table.clause}"
                    ).stylize("dim"),
                ]
            )
        )
        self._fill_table(table, lang)
        self._draw_chart(table, lang)

    def _fill_table(self, table: IndicatorTable, lang: str) -> None:
        grid = self.query_one(DataTable)
        grid.clear(columns=True)
        grid.add_columns(
            "#",
            t("targets.category", lang),
            t("targets.indicator", lang),
            t("targets.year", lang, year=table.baseline_year),
            t("targets.year", lang, year=table.target_year),
            t("targets.growth", lang),
        )
        previous = None
        for number, row in enumerate(table.rows, 1):
            category = row.level1 if row.level1 != previous else ""  # the printed table merges these cells
            previous = row.level1
            # rich Text: DataTable parses str cells as markup, and measures Text by its cell width.
            grid.add_row(
                *(
                    Text(cell)
                    for cell in (
                        str(number),
                        category,
                        row.level2,
                        row.baseline,
                        row.target,
                        format_growth(row),
                    )
                )
            )

    def _draw_chart(self, table: IndicatorTable, lang: str) -> None:
        """One bar a row, exact to the cell: rows without growth are left out, numbers as in the table."""
        self.query_one("#chart-title", Static).update(
            Content.assemble(
                (t("targets.chart", lang, target=table.target_year, baseline=table.baseline_year), "bold"),
                "\n",
                (t("targets.lower_bound", lang), "dim"),
            )
        )
        rows = [
            (number, row, value)
            for number, row in enumerate(table.rows, 1)
            if (value := growth(row)) is not None
        ]
        top = float(max((value for _, _, value in rows), default=Decimal(1)))
        chart = RichTable.grid(padding=(0, 1), expand=True)
        chart.add_column(justify="right")
        chart.add_column(ratio=1)
        chart.add_column(justify="right")
        for number, row, value in rows:
            chart.add_row(str(number), Bar(top, 0, float(value), color="magenta"), Text(format_growth(row)))
        self.query_one("#targets-chart", Static).update(chart)

    def action_toggle_chart(self) -> None:
        """Below 110 columns the table and the chart take turns (styles/targets.tcss); where `g`
        has nothing to switch, it says why."""
        if self.policy is None:
            self.notify(t("targets.chart_needs_table", self.app.lang))
        elif self.has_class("-wide"):
            self.notify(t("targets.chart_beside_table", self.app.lang))
        else:
            self.toggle_class("-show-chart")

    def action_next_policy(self) -> None:
        library = self.app.library
        policies = self._with_tables(library) if library else []
        if policies:
            current = policies.index(self.policy) if self.policy in policies else -1
            self._show(policies[(current + 1) % len(policies)])
