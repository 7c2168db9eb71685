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


def test_piped_prose_wraps_at_80_columns_and_nothing_is_padded(cli, monkeypatch):
    monkeypatch.delenv("COLUMNS")
    _, out, _ = cli("show", *M1)
    lines = out.splitlines()
    assert max(map(cell_len, lines)) <= 80  # the clause's panel, not as wide as the whole text
    assert any("（一）营收跨档奖励。" in line for line in lines)
    assert all(line == line.rstrip() for line in lines)


def test_a_piped_listing_is_as_wide_as_its_content_a_row_a_line(cli, monkeypatch):
    monkeypatch.delenv("COLUMNS")
    _, out, _ = cli("--lang", "en", "calc", "--list")
    lines = out.splitlines()
    row = next(line for line in lines if line.startswith("nanjing-2021:park-title "))
    assert "nanjing-2021/att.2" in row and "Expired (valid until 2025-12)" in row and "national|" in row
    assert max(map(cell_len, lines)) > 120 and all(line == line.rstrip() for line in lines)


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
    # a table where it fits (zh), else a block a policy, its id first (en)
    firsts = [re.split(r"[│┃ ]+", line.strip("│ "))[0] for line in out.splitlines()]
    assert code == 0 and {"hewan-2025", "nanjing-2021", "wuxi-draft"} <= set(firsts)
    assert all(cell_len(line) <= 70 for line in out.splitlines())


@pytest.mark.parametrize("columns", [60, 70])
def test_calc_list_is_a_block_a_rule_where_its_table_cannot_fit(cli, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = cli("calc", "--list", "--data", str(FIXTURES / "city3"))
    lines = out.splitlines()
    head = lines.index("wuxi-draft:hq-landing  [征求意见稿]")  # each badge whole, on the next line if need be
    assert lines[head + 1] == "[拟定有效期已过（拟至2025-12-31）]"
    assert code == 0 and [re.split(r"\s{2,}", line.strip()) for line in lines[head + 2 : head + 6]] == [
        ["规则", "总部企业落户奖励"],
        ["条款", "wuxi-draft/m4"],
        ["类型", "分档比例（整额适用）"],
        ["输入项", "paid_in_capital: 元"],
    ]


def test_calc_list_is_a_table_where_it_fits(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = cli("calc", "--list")
    assert code == 0 and out.splitlines()[0].split() == ["编号", "规则", "条款", "状态", "类型", "输入项"]


def test_english_topic_names_and_provinces():
    from dataclasses import replace

    from policytui.core.loader import load_library
    from policytui.core.model import Topic
    from policytui.present import city_with_province, topic_name

    nanjing = load_library().policies["nanjing-2021"]
    assert city_with_province(nanjing, "en") == "Nanjing (Jiangsu)"
    assert city_with_province(nanjing, "zh") == "南京（江苏）"
    # a province the table does not know is left out in English, never shown in Chinese
    assert city_with_province(replace(nanjing, province="火星"), "en") == "Nanjing"
    assert city_with_province(replace(nanjing, province="江苏省"), "en") == "Nanjing (Jiangsu)"
    assert topic_name(Topic("open-source", "开源", "Open source"), "en") == "Open source"


@pytest.mark.parametrize("columns", ["60", "200"])
def test_calc_list_in_english_has_no_chinese_word(cli, monkeypatch, columns):
    """Kinds, statuses and the inputs' units (元 → yuan) are the tool's own words; a rule's
    English name may gloss a term in Chinese, in brackets (specialised and innovative (专精特新))."""
    monkeypatch.setenv("COLUMNS", columns)
    code, out, _ = cli("--lang", "en", "calc", "--list", "--data", str(FIXTURES / "city3"))
    assert code == 0 and "investment: yuan" in out and "years_since_registration: years" in out
    glosses = re.sub(r"\([^)]*\)", "", re.sub(r"\s+", " ", out))
    assert not re.search(r"[\u3000-\u9fff\uff00-\uffef]", glosses), glosses
