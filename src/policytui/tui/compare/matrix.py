"""The overview matrix: topics down, policies across; clauses and the largest award, coloured by size.

Enter on a cell opens that topic's comparison.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Static

from policytui.core.compare import Matrix, build_matrix
from policytui.core.model import Library
from policytui.i18n import t
from policytui.present import city_name
from policytui.render.compare.export import render_matrix
from policytui.render.compare.wording import cell_text
from policytui.render.wrap import truncate
from policytui.tui.base_screen import PolicyScreen
from policytui.tui.compare.export_dialog import ExportDialog
from policytui.tui.widgets.prose import Prose
from policytui.tui.widgets.status import badges

# By Cell.tier: no clause, no figure, <100万元, <1000万元, more. A heat scale, readable on light
# and dark themes alike (DataTable renders Rich text, so these are Rich styles).
MIN_TOPIC_WIDTH = 8  # cells: below this the table scrolls sideways instead
TIER_STYLES = ("dim", "", "black on #b8e0a8", "black on #f2d27a", "bold white on #b8475d")


class MatrixScreen(PolicyScreen):
    TITLE_KEY = "screen.matrix"
    CSS_PATH = "compare.tcss"
    BINDINGS = [
        Binding("e", "export", "导出", id="compare.export"),
        Binding("y", "copy", "复制对比", id="compare.copy"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.matrix: Matrix | None = None
        self._figure_widths: list[int] = []  # of the policy columns, in cells

    def compose_body(self) -> ComposeResult:
        yield Prose(id="matrix-status", markup=False)
        # no cell padding: each cell pads itself, so its colour reaches the column's edges
        yield DataTable(id="matrix", cursor_type="cell", cell_padding=0)
        yield Static(id="matrix-legend", markup=False)

    def show_language(self, lang: str) -> None:
        if self.app.library is not None:
            self._show(self.app.library, lang)

    def show_library(self, library: Library) -> None:
        self._show(library, self.app.lang)
        self.query_one(DataTable).focus()

    def _show(self, library: Library, lang: str) -> None:
        matrix = self.matrix = build_matrix(library, self.app.as_of)
        self.query_one("#matrix-status", Static).update(
            Content("\n").join(
                Content.assemble((f"{city_name(p, lang)} ", "bold"), badges(s, lang))
                for p, s in zip(matrix.policies, matrix.statuses, strict=False)
            )
        )
        legend: list[str | tuple[str, str]] = [(t("compare.matrix.hint", lang), "dim")]
        for tier, style in enumerate(TIER_STYLES):
            legend += [" ", (f" {t(f'compare.tier.{tier}', lang)} ", style)]
        self.query_one("#matrix-legend", Static).update(Content.assemble(*legend))
        table = self.query_one(DataTable)
        cursor = table.cursor_coordinate
        table.clear(columns=True)
        table.add_column(Text(t("compare.topic", lang), style="bold"), key="topic")
        for policy in matrix.policies:
            table.add_column(Text(f" {city_name(policy, lang)}", style="bold"), key=policy.id)
        texts = [[cell_text(cell, lang) for cell in row] for row in matrix.cells]
        # every cell of a column as wide as the widest, so each colour fills its cell
        widths = (
            [max(cell_len(text) for text in column) for column in zip(*texts, strict=False)] if texts else []
        )
        self._figure_widths = widths
        for topic, row, row_texts in zip(matrix.topics, matrix.cells, texts, strict=False):
            table.add_row(
                self._topic_label(library.topic_name(topic.id, lang)),
                *(
                    Text(f" {text}{' ' * (width - cell_len(text))} ", style=TIER_STYLES[cell.tier])
                    for cell, text, width in zip(row, row_texts, widths, strict=False)
                ),
                key=topic.id,
            )
        # start on the first policy column, not on the topic names
        table.cursor_coordinate = cursor if cursor.column else cursor._replace(column=1)

    def _topic_label(self, name: str) -> Text:
        """The topic's name in the room the figures leave: on a narrow screen the names give
        way and end with "…", so no figure is cut at the table's edge."""
        width = self.query_one(DataTable).scrollable_content_region.width or self.size.width
        room = max(MIN_TOPIC_WIDTH, width - sum(w + 2 for w in self._figure_widths) - 2)
        return Text(f"{truncate(name, room)}  ")

    def on_resize(self) -> None:
        if self.matrix is None:
            return
        table, library, lang = self.query_one(DataTable), self.loaded_library, self.app.lang
        for topic in self.matrix.topics:
            table.update_cell(
                topic.id, "topic", self._topic_label(library.topic_name(topic.id, lang)), update_width=True
            )

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        from policytui.tui.compare.screen import CompareScreen

        topic_id = event.cell_key.row_key.value
        self.app.switch_mode("compare")
        if (
            isinstance(compare := self.app.screen, CompareScreen) and topic_id is not None
        ):  # rows are keyed by topic
            compare.open_topic(topic_id)

    def action_export(self) -> None:
        if (matrix := self.matrix) is not None:
            self.app.push_screen(
                ExportDialog(lambda fmt: render_matrix(matrix, fmt, self.app.lang), "matrix")
            )

    def action_copy(self) -> None:
        from policytui.tui.clipboard import copy_text

        if self.matrix is not None:
            lang = self.app.lang
            copy_text(self.app, render_matrix(self.matrix, "md", lang), t("compare.matrix_what", lang), lang)
