"""CLI output for people: wrapped by render.wrap at the terminal's width, unpadded when piped,
in the chosen language."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from tests.conftest import FIXTURES

# 河湾's m1 (made up for the tests): three thresholds and three awards
M1 = ("hewan-2025/m1", "--data", str(FIXTURES / "city3"))
FIGURES = ["1亿元", "5亿元", "10亿元", "20万元", "50万元", "100万元", "2027-12-31", "hewan-2025/m1"]


def _joined(out: str) -> str:
    """The output with box drawing, spaces and line breaks gone: what a figure split over lines
    would still read as, so a figure missing from the lines but present here was split."""
    return re.sub(r"[\s│╭╮╰╯─┃━┏┓┗┛┡┩╇┳┻┣┫╋]", "", out)


@pytest.mark.parametrize("columns", [70, 75, 80, 85, 90])
def test_show_never_splits_a_figure_at_terminal_widths(cli, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = cli("show", *M1)
    assert code == 0
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    for figure in FIGURES:
        assert figure in _joined(out)
        assert any(figure in line for line in lines), (figure, columns)


def test_piped_show_is_not_wrapped_or_padded_to_80_columns(cli, monkeypatch):
    monkeypatch.delenv("COLUMNS")
    _, out, _ = cli("show", *M1)
    clause_line = next(line for line in out.splitlines() if "（一）营收跨档奖励。" in line)
    assert "（市工业和信息化局负责）" in clause_line  # the whole text on one line
    assert cell_len(clause_line) > 150
    # only a table pads its cells, to the column's width, never a line to a guessed 80 columns
    assert not [line for line in out.splitlines() if cell_len(line) == 80 and line != line.rstrip()]


def test_show_words_in_english(cli):
    _, out, _ = cli("--lang", "en", "show", *M1)
    assert "Role" in out and "Quote" in out and "类型" not in out


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", "policytui: 错误：没有条款“xyz”；`policytui list` 列出全部政策"),
    ("en", "policytui: error: no clause 'xyz'; `policytui list` shows the policies"),
])
def test_an_unknown_clause_is_one_line_in_the_chosen_language(cli, lang, expected):
    code, out, err = cli("--lang", lang, "show", "xyz")  # no id is close: the list is the hint
    assert code == 2 and out == ""
    assert err.strip() == expected


def test_piped_calc_list_keeps_every_id_and_kind_whole(cli, monkeypatch):
    monkeypatch.delenv("COLUMNS")
    code, out, _ = cli("calc", "--list")
    row = next(line for line in out.splitlines() if line.startswith("nanjing-2021:park-land "))
    assert code == 0 and "nanjing-2021/att.2" in row and "unspecified" in row
