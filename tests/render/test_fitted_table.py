"""render.fitted_table: a table only where each column holds its widest unbreakable piece."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from policytui.render.fitted_table import Fitted, fit_table
from policytui.render.rich_text import wrapped

PROSE = "对符合条件的核心技术攻关项目，分档择优给予最高不超过500万元的研发资助。" * 2


def _table() -> Table:
    table = Table(box=None, pad_edge=False)
    for header in ("id", "text", "status"):
        table.add_column(header)
    table.add_row("nanjing-2021:revenue-milestone", wrapped(PROSE), wrapped("已失效（有效期至2025-12）"))
    return table


def _render(renderable: object, width: int) -> list[str]:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text().splitlines()


def test_a_fitted_table_keeps_the_id_and_the_figure_whole_where_rich_would_fold_them():
    folded = _render(_table(), 60)
    assert not any("nanjing-2021:revenue-milestone" in line for line in folded)  # Rich's own collapse
    table = _table()
    assert fit_table(table, Console(width=60), 60)
    lines = _render(table, 60)
    assert "nanjing-2021:revenue-milestone" in lines[1] and any("500万元" in line for line in lines)
    assert max(map(len, lines)) <= 60


def test_a_table_that_cannot_fit_is_left_alone():
    table = _table()
    assert not fit_table(table, Console(width=40), 40)
    assert [column.width for column in table.columns] == [None, None, None]


def test_a_fitted_renderable_fits_again_at_every_size():
    fitted = Fitted(_table())
    narrow = _render(fitted, 60)
    assert any("nanjing-2021:revenue-milestone" in line for line in narrow)
    assert _render(fitted, 200) == _render(Fitted(_table()), 200)  # not held to the first width
