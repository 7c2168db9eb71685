"""The one line-breaking function: figures, dates and ids never split; kinsoku; paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from uniseg.linebreak import line_break_boundaries

from policytui.render.wrap import (
    NO_LINE_END,
    NO_LINE_START,
    _uax14_breaks,
    join_pdf_lines,
    line_of,
    truncate,
    wrap,
)

CLAUSE = (
    "对符合条件的核心技术攻关项目，分档择优给予最高不超过500万元的研发资助，已于2025-12-31失效。"
    "见 wuxi-draft/m4 与 nanjing-2021/att.2（锡政发〔2021〕12号），2025年12月31日前，“一事一议”。"
)
WHOLE = ["500万元", "2025-12-31", "wuxi-draft/m4", "nanjing-2021/att.2", "〔2021〕12号", "2025年12月31日"]


@pytest.mark.parametrize("width", range(20, 61))
def test_figures_dates_and_ids_stay_whole_at_every_width(width):
    lines = wrap(CLAUSE, width)
    assert "".join(lines).replace(" ", "") == CLAUSE.replace(" ", "")
    for line in lines:
        assert cell_len(line) <= width
    for piece in WHOLE:
        assert any(piece in line for line in lines), (piece, lines)


@pytest.mark.parametrize("width", range(20, 61))
def test_kinsoku_no_line_starts_with_closing_or_ends_with_opening_punctuation(width):
    for line in wrap(CLAUSE, width)[1:]:
        assert line[0] not in NO_LINE_START, line
    for line in wrap(CLAUSE, width):
        assert line[-1] not in NO_LINE_END, line


def test_the_splits_reported_in_issue_15_are_gone():
    assert wrap("最高500万元", 10) == ["最高", "500万元"]
    assert wrap("已于2025-12-31失效", 12) == ["已于", "2025-12-31失", "效"]
    assert wrap("最高不超过600万元", 16) == ["最高不超过", "600万元"]


def test_own_line_breaks_are_kept_and_trailing_spaces_dropped():
    assert wrap("甲 \n\n乙", 10) == ["甲", "", "乙"]


def test_a_piece_wider_than_the_line_is_the_only_thing_cut():
    assert wrap("nanjing-2021/att.2", 10) == ["nanjing-20", "21/att.2"]


def test_truncate_ends_with_an_ellipsis_only_when_cut():
    assert truncate("最高不超过600万元", 40) == "最高不超过600万元"
    assert truncate("最高不超过600万元", 12) == "最高不超过…"
    assert truncate("最高不超过600万元", 16) == "最高不超过…"
    assert truncate("wuxi-draft/m4 总部", 8) == "wuxi-dr…"
    assert cell_len(truncate("最高不超过600万元", 12)) <= 12


figures = st.sampled_from(
    ["500万元", "10%", "1.5亿元", "5,000万元", "2025-12-31", "2021年12月", "wuxi-draft/m4", "两亿元"]
)
words = st.sampled_from(
    ["对", "符合条件的", "给予", "最高", "奖励", "，", "。", "（含）", "“一事一议”", " ", "software "]
)


@given(st.lists(st.tuples(words, figures), min_size=1, max_size=20), st.integers(min_value=20, max_value=80))
def test_no_figure_is_split_in_any_text(pairs, width):
    parts = [part for pair in pairs for part in pair]
    text = "".join(parts)
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for figure in set(parts) & {
        "500万元",
        "1.5亿元",
        "5,000万元",
        "2025-12-31",
        "2021年12月",
        "wuxi-draft/m4",
    }:
        assert sum(line.count(figure) for line in lines) == text.count(figure), (figure, lines)


def test_pdf_lines_broken_at_the_page_width_become_paragraphs():
    page = "\n\n".join(
        [
            "（一）支持关键核心技术攻关。鼓励和支持有条件的企业围",
            "绕基础软件、工业软件、新兴平台软件、信息安全软件、行业应",
            "用软件等领域，开展攻关。对符合条件的项目给予最高500万元。",
            "（二）支持开源技术创新应用。鼓励企业基于自主技术软件",
            "的开源社区运营，面向操作系统、数据库、工业软件、云计算、",
            "大数据领域建设开源项目。",
        ]
    )
    assert join_pdf_lines(page).split("\n") == [
        "（一）支持关键核心技术攻关。鼓励和支持有条件的企业围绕基础软件、工业软件、新兴平台软件、"
        "信息安全软件、行业应用软件等领域，开展攻关。对符合条件的项目给予最高500万元。",
        "（二）支持开源技术创新应用。鼓励企业基于自主技术软件的开源社区运营，面向操作系统、数据库、"
        "工业软件、云计算、大数据领域建设开源项目。",
    ]


def test_an_extraction_with_a_paragraph_a_line_is_left_as_it_is():
    text = "南京市人民政府\n\n2021年12月23日\n（此件公开发布）\n一、发展目标\n到2025年，规模再上新台阶。"
    assert join_pdf_lines(text).split("\n") == [
        "南京市人民政府",
        "2021年12月23日",
        "（此件公开发布）",
        "一、发展目标",
        "到2025年，规模再上新台阶。",
    ]


def test_line_of_counts_wrapped_lines_before_an_offset():
    text = "一二三四五六\n七八九"
    assert wrap(text, 6) == ["一二三", "四五六", "七八九"]
    assert [line_of(text, text.index(ch), 6) for ch in "一三四六七九"] == [0, 0, 1, 1, 2, 2]


def test_a_rich_label_is_truncated_whole_with_its_styles():
    from rich.text import Text

    from policytui.render.rich_text import truncated

    label = Text.assemble(("南京", "bold"), " 人民政府办公厅 2021年12月24日印发")
    cut = truncated(label, 30)
    assert cut.plain == "南京 人民政府办公厅…" and cut.spans[0].style == "bold"
    assert truncated(label, 60) is label


def test_a_status_badge_breaks_only_at_its_spaces():
    assert wrap("nanjing-2021:standards [已失效]", 28) == ["nanjing-2021:standards", "[已失效]"]
    assert wrap("wuxi-draft:ipo [征求意见稿 拟定有效期已过]", 20) == [
        "wuxi-draft:ipo",
        "[征求意见稿",
        "拟定有效期已过]",
    ]


@given(
    st.text(st.sampled_from(list("一二南京市年，。、：；（）“”‘’《》 abcX-/.01%万元\"'?!…—·")), max_size=30)
)
def test_the_breaks_found_around_ideograph_runs_are_those_of_the_whole_text(text):
    # uniseg sees only what lies between runs of ideographs, as recurring pieces (一，一)
    whole = {offset for offset in line_break_boundaries(text) if 0 < offset < len(text)}
    assert _uax14_breaks(text) == whole


@pytest.mark.parametrize("width", range(44, 60))
def test_a_short_chinese_term_in_english_words_is_one_word(width):
    """(专精特新) in an English rule name went to two lines at 60 columns: (专 / 精特新)."""
    for line in wrap("One-off award for specialised and innovative (专精特新) firms", width):
        assert "专" not in line or "专精特新" in line, line
    assert wrap("First rated 专精特新 firm", 14) == ["First rated", "专精特新 firm"]


def test_chinese_prose_still_breaks_between_any_two_characters():
    # a run beside a figure or Chinese punctuation is not a term among English words
    assert wrap("本政策自2024年4月1日起施行，有效期至2026年12月31日。", 10)[0] == "本政策自"
    assert wrap("对获得CMMI五级认证的企业给予奖励", 16) == ["对获得CMMI五级认", "证的企业给予奖励"]
