"""A table where it fits, one block per record where it does not.

Rich squeezes a table into any width by folding its cells, so at 70 columns an id or a
status is cut into pieces (`nanjin`/`g-2021`). Here a table is printed only when every
column can be at least as wide as its widest unbreakable piece (render.wrap: an id, a
figure, a date, a status word) and a column of prose at least READABLE cells; below that,
each row becomes a block: its head (an id with its status) on one line, the rest indented.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

READABLE = 10  # cells: a column of prose narrower than this reads as a list of syllables
BLOCK_INDENT = 4


def fit_table(table: Table, console: Console, width: int) -> bool:
    """Fix the widths of `table`'s columns so that it fits in `width` cells, no column narrower
    than its content allows; False, the table untouched, when it cannot fit.

    Where the content is wider than that, columns wider than their share give way first
    (water-filling): a narrow column keeps its width, the widest ones end equal.
    """
    options = console.options.update_width(width)
    # Rich's own measure of each column, its header and padding included
    ranges = [table._measure_column(console, options, column) for column in table.columns]
    least = [max(r.minimum, min(r.maximum, READABLE)) for r in ranges]
    most = [max(r.maximum, low) for r, low in zip(ranges, least, strict=True)]
    room = width - table._extra_width
    if sum(least) > room:
        return False
    if sum(most) <= room:  # Rich gives every column its content's width (and spreads out an expand)
        return True
    level = max(most)  # the widest any column may be: the largest that still fits
    while sum(max(low, min(high, level)) for low, high in zip(least, most, strict=True)) > room:
        level -= 1
    widths = [max(low, min(high, level)) for low, high in zip(least, most, strict=True)]
    # the cells left over go one each to the columns cut to the level, as Rich's collapse does
    spare = room - sum(widths)
    for index, (cells, high) in enumerate(zip(widths, most, strict=True)):
        if spare and cells == level < high:
            widths[index] += 1
            spare -= 1
    for column, cells in zip(table.columns, widths, strict=True):
        column.width = cells - table._get_padding_width(column._index)
    return True


def record_block(
    head: RenderableType, rows: Sequence[tuple[str, RenderableType]], labels: Sequence[str] = ()
) -> Group:
    """One record as a block: `head` on its own line, then a label and a value a line, indented.
    The values line up under the widest of `labels` (every block's labels), else of the rows'."""
    details = Table.grid(padding=(0, 2))
    details.add_column(style="dim", no_wrap=True, min_width=max(map(cell_len, labels), default=0))
    details.add_column()
    for label, value in rows:
        details.add_row(Text(label), value)
    return Group(head, Padding(details, (0, 0, 0, BLOCK_INDENT)))


def table_or_blocks(console: Console, table: Table, blocks: Sequence[RenderableType]) -> None:
    """Print `table` if it fits the console's width, else each of `blocks` (one a row)."""
    if fit_table(table, console, console.width):
        console.print(table)
        return
    if table.title:
        console.print(table.title)
    for block in blocks:
        console.print(block)


class Fitted:
    """A table fitted (fit_table) to the width it is rendered at; where it cannot fit, Rich
    lays it out as it would."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.widths = [column.width for column in table.columns]  # as given, before any fitting

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table
        for column, width in zip(table.columns, self.widths, strict=True):  # rendered again at a new size
            column.width = width
        inner = options.update_width(options.max_width - table._extra_width)
        widths = table._calculate_column_widths(console, inner)  # Rich's own layout
        ranges = [table._measure_column(console, inner, column) for column in table.columns]
        if any(width < r.minimum for width, r in zip(widths, ranges, strict=True)):  # it would split
            fit_table(table, console, options.max_width)
        yield table

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)
