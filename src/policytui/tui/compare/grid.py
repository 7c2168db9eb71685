"""Columns of clauses that scroll together and stay aligned: one row of cells per aligned row.

Each row is a one-row grid whose height is its tallest cell (every cell stretches to it),
so the columns line up whatever the width; the rows share one VerticalScroll, so they
scroll together. The policy heads (with their status) stay above it, always in view;
the scroll keeps a stable gutter for its scrollbar, and the heads leave the same room,
so heads and columns line up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from policytui.core.compare.phrases import SharedWording
from policytui.core.compare.selection import printed_heading_length
from policytui.core.model import Clause
from policytui.tui.app import PolicyApp
from policytui.tui.widgets.prose import Prose
from policytui.tui.widgets.safe_text import highlighted_text

SHARED_STYLE = "underline bold $text-success"


def clause_content(clause: Clause, shared: SharedWording) -> Content:
    """Id, then the verbatim text: printed heading in bold, figures and shared wording highlighted."""
    heading = printed_heading_length(clause)
    lead = Content.assemble((clause.id, "dim"), "\n")
    if not heading and (clause.label or clause.title):  # a clause with neither is its text alone
        lead = Content.assemble(lead, (clause.heading, "bold"), "\n")
    body = highlighted_text(clause.text, clause.amounts)
    if heading:
        body = body.stylize("bold", 0, heading)
    for start, end in shared.spans_of(clause):
        body = body.stylize(SHARED_STYLE, start, end)
    return lead + body


def _row(cells: Sequence[Static], kind: str) -> Grid:
    row = Grid(*cells, classes=f"row {kind}-row")
    row.styles.grid_size_columns = max(1, len(cells))
    return row


class ClauseCell(Prose, can_focus=True):
    """A clause in the grid; focusing it makes it the app's selected clause."""

    app = getters.app(PolicyApp)  # `self.app` typed as PolicyApp

    def __init__(self, clause: Clause, content: Content) -> None:
        super().__init__(content, markup=False, classes="cell clause")
        self.clause = clause

    def on_focus(self) -> None:
        self.app.selected_id = self.clause.id


class ComparisonGrid(Vertical):
    """Policy heads, then award summaries and aligned clause rows; arrow keys move between clauses."""

    BINDINGS = [
        Binding("up", "move(-1, 0)", "上一条", show=False, id="grid.up"),
        Binding("down", "move(1, 0)", "下一条", show=False, id="grid.down"),
        Binding("left", "move(0, -1)", "左栏", show=False, id="grid.left"),
        Binding("right", "move(0, 1)", "右栏", show=False, id="grid.right"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cells: list[list[ClauseCell | None]] = []

    def compose(self) -> ComposeResult:
        yield Grid(classes="row heads-row")
        yield VerticalScroll(classes="body")

    @property
    def body(self) -> VerticalScroll:
        return self.query_one(".body", VerticalScroll)

    async def show(
        self,
        heads: Sequence[Content],
        summaries: Sequence[Content],
        rows: Sequence[Sequence[Clause | None]],
        shared: SharedWording,
        empty: Sequence[Content | None] = (),
        footer: Content | None = None,
    ) -> None:
        """Replace the grid. `empty[k]` fills column k's first row when it has no clause at all."""
        self.cells = [[ClauseCell(c, clause_content(c, shared)) if c else None for c in row] for row in rows]
        lines: list[Widget] = [self._text_row(summaries, "summary")] if summaries else []
        for number, row in enumerate(self.cells):
            cells = []
            for k, cell in enumerate(row):
                note = empty[k] if number == 0 and k < len(empty) else None
                cells.append(cell or Prose(note or "", markup=False, classes="cell gap"))
            lines.append(_row(cells, "clauses"))
        if not self.cells and empty:
            lines.append(self._text_row([note or Content("") for note in empty], "gap"))
        if footer is not None:
            lines.append(Prose(footer, markup=False, classes="shared"))
        head_row = self.query_one(".heads-row", Grid)
        head_row.styles.grid_size_columns = max(1, len(heads))
        await head_row.remove_children()
        await head_row.mount_all(Prose(h, markup=False, classes="cell heads") for h in heads)
        head_row.display = bool(heads)
        await self.body.remove_children()
        await self.body.mount_all(lines)
        self.body.scroll_home(animate=False)

    @staticmethod
    def _text_row(contents: Sequence[Content], kind: str) -> Grid:
        return _row([Prose(c, markup=False, classes=f"cell {kind}") for c in contents], kind)

    def first_clause(self) -> ClauseCell | None:
        return next((cell for row in self.cells for cell in row if cell), None)

    def _position(self, cell: object) -> tuple[int, int] | None:
        for r, row in enumerate(self.cells):
            for c, other in enumerate(row):
                if other is cell:
                    return r, c
        return None

    def action_move(self, rows: int, columns: int) -> None:
        here = self._position(self.screen.focused)
        if here is None:
            if (first := self.first_clause()) is not None:
                first.focus()
            elif rows:
                self.body.scroll_relative(y=rows, animate=False)
            return
        r, c = here
        target = self._step(r, c, rows) if rows else self._beside(r, c + columns)
        if target is not None:
            target.focus()
        elif rows:
            # nothing further in this column: scroll on, so a long last clause can be read to its end
            self.body.scroll_relative(y=rows, animate=False)

    def _step(self, r: int, c: int, direction: int) -> ClauseCell | None:
        r += direction
        while 0 <= r < len(self.cells):
            if self.cells[r][c] is not None:
                return self.cells[r][c]
            r += direction
        return None

    def _beside(self, r: int, c: int) -> ClauseCell | None:
        """The clause of column c nearest to row r."""
        if not self.cells or not 0 <= c < len(self.cells[0]):
            return None
        found = [(abs(row - r), row) for row in range(len(self.cells)) if self.cells[row][c] is not None]
        return self.cells[min(found)[1]][c] if found else None
