"""Every command at 60, 70, 80 and 120 columns, in both languages: no id, figure, date or
status is split across lines, in prose or in a table's cell, and no line starts with ，。、）：；.

The checker rejoins each pair of adjacent lines (a line's end with the next one's start, and
a table cell's line with the same cell's next line) and looks for a token that crosses the
join: a token of the kind render.wrap keeps whole, that the same command prints whole when
its terminal is wide enough for every line."""

from __future__ import annotations

import itertools
import re

import pytest
from rich.cells import cell_len

from policytui.i18n import status_labels
from policytui.render.wrap import _UNBREAKABLE
from tests.conftest import FIXTURES

CITY3 = ("--data", str(FIXTURES / "city3"))
COMMANDS = [
    ("list",),
    ("show", "wuxi-draft/m4"),
    ("show", "nanjing-2021/att.2"),
    ("show", "hewan-2025/m1"),
    ("search", "总部奖励"),
    ("search", "zjtx", "--group"),
    ("search", "open", "source"),
    ("search", "500万"),
    ("calc", "--list"),
    ("calc", "wuxi-draft:hq-landing", "paid_in_capital=2亿"),
    ("calc", "hq-landing", "--sweep", "paid_in_capital=0..30亿"),
    ("compare", "开源"),
    ("compare", "--matrix"),
    ("estimate", str(FIXTURES.parent.parent / "data" / "profiles" / "example.toml")),
]
BOX = re.compile(r"[│┃║╭╮╰╯─━┏┓┗┛┡┩╇┳┻┣┫╋┼├┤┬┴└┘┌┐═]")
NO_LINE_START = re.compile(r"^[，。、）：；]")


def _cells(line: str) -> list[str]:
    """The line as terminal cells: a wide character, then "" for its second cell."""
    cells: list[str] = []
    for char in line:
        cells += [char] + [""] * (cell_len(char) - 1)
    return cells


def junctions(out: str) -> list[tuple[str, str]]:
    """Pairs (end of a line, start of the next): whole lines, and the text of each column that
    both lines share (the columns are the runs of cells not blank in both)."""
    lines = [BOX.sub(" ", line) for line in out.splitlines()]
    pairs = []
    for above, below in itertools.pairwise(lines):
        pairs.append((above.strip(), below.strip()))
        top, bottom = _cells(above), _cells(below)
        width = max(len(top), len(bottom))
        top += [" "] * (width - len(top))
        bottom += [" "] * (width - len(bottom))
        blank = [top[x] == " " and bottom[x] == " " for x in range(width)]
        for is_blank, run in itertools.groupby(range(width), key=lambda x: blank[x]):
            if not is_blank:
                xs = list(run)
                a, b = "".join(top[x] for x in xs).strip(), "".join(bottom[x] for x in xs).strip()
                if a and b:
                    pairs.append((a, b))
    return pairs


def tokens_of(text: str) -> set[str]:
    """What render.wrap never splits (figures, dates, ids) as printed in `text`."""
    return {m.group() for m in re.finditer(_UNBREAKABLE, text) if len(m.group()) > 1}


def status_words(lang: str, library) -> set[str]:
    from datetime import date

    from policytui.core.status import policy_status

    words = set()
    for policy in library.policies.values():
        for as_of in (date(2026, 11, 22), date(2023, 1, 1)):
            for label in status_labels(policy_status(policy, as_of), lang):
                words.add(re.split(r"\s*[（(]", label, maxsplit=1)[0])
    return words


def status_at(text: str, at: int) -> bool:
    """Whether a status word at `at` stands as a status: first in a cell, a badge or after
    another (征求意见稿 in a title, （征求意见稿）, is the title's, which wraps as prose)."""
    return at == 0 or text[at - 1] in "[，, "


def splits(out: str, whole: set[str], statuses: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
    """The tokens of `whole` and `statuses` that a pair of adjacent lines of `out` splits."""
    whole = whole | statuses
    found = []
    for a, b in junctions(out):
        if NO_LINE_START.match(b):
            found.append(("kinsoku", a, b))
        for joiner in ("", " "):
            joined = a + joiner + b
            for token in whole:
                if token in a or token in b:
                    continue
                at = joined.find(token)
                if 0 <= at < len(a) < at + len(token) and (token not in statuses or status_at(joined, at)):
                    found.append((token, a, b))
    return found


@pytest.fixture
def library():
    from policytui.core.loader import load_library

    return load_library([str(FIXTURES / "city3")])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_no_id_figure_date_or_status_is_split_at_any_width(cli, monkeypatch, library, argv, lang):
    monkeypatch.setenv("COLUMNS", "1000")  # every line as long as it needs: what stays whole
    code, wide, _ = cli("--lang", lang, *CITY3, *argv)
    assert code == 0
    whole = tokens_of(wide)
    statuses = frozenset(w for w in status_words(lang, library) if w in wide)
    assert whole  # (a command may print no status word: calc words its status in sentences)
    for columns in (60, 70, 80, 120):
        monkeypatch.setenv("COLUMNS", str(columns))
        code, out, _ = cli("--lang", lang, *CITY3, *argv)
        assert code == 0
        assert max(map(cell_len, out.splitlines())) <= columns, columns
        assert splits(out, whole, statuses) == [], columns


def test_the_checker_finds_what_issue_15_saw():
    whole, statuses = {"nanjing-2021/att.2", "最高100万元", "2025-12-31"}, frozenset({"已失效", "征求意见稿"})
    assert splits("nanjin       │ x\ng-2021/att.2 │ y", whole)
    assert splits("│ 最高100 │\n│ 万元    │", whole)
    assert splits("│ 已失 │ 1 │\n│ 效（ │ 2 │", whole, statuses)
    assert splits("至2025-1\n2-31", whole)
    assert splits("给予奖励\n，最高", whole)
    assert not splits("│ 最高100万元 │ 已失效 │\n│ 2025-12-31  │        │", whole, statuses)
    assert not splits("政策措施（征\n求意见稿）", whole, statuses)


LISTINGS = {("list",), ("calc", "--list"), ("compare", "--matrix")}


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_piped_prose_wraps_at_80_a_listing_is_a_row_a_line_and_nothing_is_padded(
    cli, monkeypatch, library, argv
):
    monkeypatch.delenv("COLUMNS")
    code, out, _ = cli("--lang", "en", *CITY3, *argv)
    lines = out.splitlines()
    assert code == 0 and all(line == line.rstrip() for line in lines)
    if argv in LISTINGS:  # as wide as its content: a row a line
        assert max(map(cell_len, lines)) > 80
        if argv == ("calc", "--list"):
            assert len(lines) == 1 + len(library.rules)
        if argv == ("list",):
            assert len([line for line in lines if line.startswith("│ ")]) == len(library.policies)
    else:
        assert max(map(cell_len, lines)) <= 80


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_search_score_stays_with_its_label_at_every_width(cli, monkeypatch, lang):
    label = "匹配度" if lang == "zh" else "Score"
    for columns in range(50, 91, 3):
        monkeypatch.setenv("COLUMNS", str(columns))
        code, out, _ = cli("--lang", lang, *CITY3, "search", "总部奖励")
        scores = [line for line in out.splitlines() if label[:2] in line]
        assert code == 0 and scores, columns
        assert all(re.search(rf"{label} \d+", line) for line in scores), (columns, scores)
