"""CLI output for people: wrapped by render.wrap at the terminal's width, unpadded when piped,
in the chosen language."""

from __future__ import annotations

import itertools
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


@pytest.mark.parametrize("columns", [50, 60, 80])
@pytest.mark.parametrize("argv", [("search", "zjtx"), ("compare", "开源"), ("compare", "--matrix")])
def test_search_and_compare_never_split_a_figure_or_start_a_line_with_a_comma(
    cli, monkeypatch, columns, argv
):
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = cli(*argv)
    assert code == 0
    # a table's cells side by side: each cell's lines read on their own
    cells = [re.split(r"[│┃]", line) for line in out.splitlines()]
    for column in range(max(len(row) for row in cells)):
        lines = [row[column].strip() for row in cells if column < len(row)]
        for line, after in itertools.pairwise(lines):
            # (a line starting `2．` is a new item, not the rest of a number)
            assert not (re.search(r"[0-9]$", line) and re.match(r"[0-9]+[^0-9．.]|[万亿元家年%]", after)), (
                line,
                after,
            )
            assert not re.match(r"[，。、：；]", after), after


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


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", "policytui: 错误：没有条款“xyz”；`policytui list` 列出全部政策"),
        ("en", "policytui: error: no clause 'xyz'; `policytui list` shows the policies"),
    ],
)
def test_an_unknown_clause_is_one_line_in_the_chosen_language(cli, lang, expected):
    code, out, err = cli("--lang", lang, "show", "xyz")  # no id is close: the list is the hint
    assert code == 2 and out == ""
    assert err.strip() == expected


def test_piped_calc_list_keeps_every_id_and_kind_whole(cli, monkeypatch):
    monkeypatch.delenv("COLUMNS")
    code, out, _ = cli("calc", "--list")
    row = next(line for line in out.splitlines() if line.startswith("nanjing-2021:park-land "))
    assert code == 0 and "nanjing-2021/att.2" in row and "仅资格（金额未明确）" in row


@pytest.mark.parametrize(
    ("lang", "headers", "foreign"),
    [
        (
            "zh",
            ["编号", "规则", "条款", "状态", "类型", "输入项"],
            re.compile(r"\b(id|kind|inputs|status|unspecified|fixed|rate)\b"),
        ),
        ("en", ["ID", "Rule", "Clause", "Status", "Kind", "Inputs"], re.compile(r"[已仅资格、]")),
    ],
)
def test_calc_list_is_in_the_users_language(cli, lang, headers, foreign):
    code, out, _ = cli("calc", "--list", "--lang", lang)
    header, *rows = out.splitlines()
    assert code == 0 and header.split() == headers
    status_and_kind = [" ".join(re.split(r"\s{2,}", row)[3:5]) for row in rows]
    assert len(status_and_kind) > 10 and not any(foreign.search(cells) for cells in status_and_kind)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_list_at_70_columns_keeps_ids_whole(cli, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", "70")
    code, out, _ = cli("--lang", lang, "--data", str(FIXTURES / "city3"), "list")
    ids = [re.split(r"[│┃]", line)[1].strip() for line in out.splitlines() if line.startswith("│")]
    assert code == 0 and "hewan-2025" in ids and "nanjing-2021" in ids
    assert all(cell_len(line) <= 70 for line in out.splitlines())
