"""The text rows of a Textual SVG screenshot, and the figures, dates and ids they split.

A row is rebuilt cell by cell from the `<text>` runs of one terminal line (a Chinese
character takes two cells). Borders, scrollbars and chart bars (box-drawing and block
characters) and gaps of two spaces cut a row into pieces; a piece goes on in the piece of
the next row that starts at the same column. At that seam a figure with its unit, a date
or an id must not be split, and the next row must not begin with the punctuation that
never starts a line (，。、）：；). A row that ends with room for the next row's first
word was ended on purpose (a heading), not wrapped.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass

from rich.cells import cell_len

_RUN = re.compile(
    r'<text[^>]*?\bx="([\d.]+)"[^>]*?\btextLength="([\d.]+)"[^>]*?clip-path="url\(#[\w-]*line-(\d+)\)"[^>]*>([^<]*)</text>'
)
_DIGIT = "0-9０-９"
# A seam inside a figure or a date: a digit before it and a digit, a unit or a date's
# separator after it (`最高5` / `00万元`, `2025-1` / `2-31`, `2025` / `-12-31`, `500` / `万元`).
_UNIT_START = "万亿元千百%％‰倍年月日号个家人名项次"
_ENDS_IN_DIGIT = re.compile(rf"[{_DIGIT}][,.，．\-/]?$")
_BEGINS_FIGURE = re.compile(rf"^(?:[{_DIGIT}{_UNIT_START}]|[,.，．\-/][{_DIGIT}])")
# A seam inside an id: `wuxi-` / `draft/m4`, `nanjing-2021/at` / `t.2`: the two halves make
# one id (a digit or one of / . : _ in it; `operating-` / `contribution` is an English word
# broken after its hyphen, as UAX #14 allows). A sentence's end (`policy.` / `The`) is no id.
_ID_END = re.compile(r"[A-Za-z0-9_\-/.:]+$")
_ID_START = re.compile(r"^[A-Za-z0-9_\-/.:]+")
_ID = re.compile(r"(?=.*[0-9/.:_])[A-Za-z][A-Za-z0-9_]*(?:[-/.:][A-Za-z0-9_]+)+")
_SENTENCE_END = re.compile(r"[.:,;]$")
NO_LINE_START = "，。、）：；"
_FIRST_WORD = re.compile(r"[\x21-\x7e]+|.")


@dataclass(frozen=True)
class Piece:
    """A run of text in one row: from a border or a wide gap to the next, starting at `column`."""

    row: int
    column: int
    text: str
    room: int  # blank cells after it before a border or the row's end (0 when a column follows)


# A piece of a row: text up to a border (box drawing and block elements: pane borders, tree
# guides, scrollbars, chart bars) or a gap of two spaces or more, which separates columns (a
# table's cells, a right-aligned score) rather than the words of one line.
_BORDERS = r"\u2500-\u259f|"
_PIECE = re.compile(rf"[^\s{_BORDERS}][^{_BORDERS}]*?(?=\s{{2,}}|[{_BORDERS}]|\s*$)")


def svg_rows(svg: str) -> list[str]:
    """Each terminal row of the screenshot as one string, a wide character followed by a
    placeholder cell ("\\0") so that a string index is a terminal column."""
    runs = [
        (float(x), float(length), int(line), html.unescape(text))
        for x, length, line, text in _RUN.findall(svg)
    ]
    if not runs:
        return []
    # Textual gives each run an x in cells and a textLength of one cell a character.
    cell = min(length / len(text) for _, length, _, text in runs if text)
    cells: dict[int, dict[int, str]] = {}
    for x, _, line, text in runs:
        column = round(x / cell)
        row = cells.setdefault(line, {})
        for char in text.replace("\xa0", " ").replace("\n", ""):
            row[column] = char
            if cell_len(char) == 2:
                row[column + 1] = "\0"
            column += max(cell_len(char), 1)
    rows = []
    for line in range(max(cells) + 1):
        row = cells.get(line, {})
        rows.append("".join(row.get(column, " ") for column in range(max(row, default=-1) + 1)))
    return rows


def pieces(row_index: int, row: str) -> list[Piece]:
    """The row cut at its borders and wide gaps, each piece without its surrounding spaces."""
    found = []
    for text in _PIECE.finditer(row):
        after = re.match(rf" *(?=[{_BORDERS}]|$)", row[text.end() :])
        found.append(
            Piece(row_index, text.start(), text.group().replace("\0", ""), len(after.group()) if after else 0)
        )
    return found


def _is_split(before: Piece, after: Piece) -> str:
    """Why the seam between a piece of text and the piece under it is wrong, or ""."""
    last, first = before.text, after.text
    if first[0] in NO_LINE_START:
        return f"a row begins with {first[0]}"
    # The next row's first word would have fitted: the row was ended on purpose (a heading,
    # an id above its clause), not wrapped.
    if before.room > cell_len(_FIRST_WORD.match(first).group()):
        return ""
    # A column of figures (a chart's axis, a table's cells) is not one figure split in two.
    column_of_figures = re.fullmatch(rf"[{_DIGIT},.，．\-/%\s]+", last)
    if _ENDS_IN_DIGIT.search(last) and _BEGINS_FIGURE.match(first) and not column_of_figures:
        return "a figure or a date split"
    end, start = _ID_END.search(last), _ID_START.match(first)
    # the row's last word is part of an id already (`until` / `2025-12-31` is two words)
    in_an_id = end and re.search(r"[-/_0-9]|[.:][A-Za-z0-9]", end.group())
    sentence_end = end and _SENTENCE_END.search(end.group()) and first[0].isupper()
    if in_an_id and start and not sentence_end and _ID.fullmatch(end.group() + start.group()):
        return "an id split"
    return ""


def splits(svg: str) -> list[str]:
    """Every seam in the screenshot that splits a figure, a date or an id, or that begins a
    row with punctuation that never starts a line: "row N: '…end' / 'start…' (why)".
    A piece of text goes on in the piece of the next row that starts at the same column."""
    found = []
    rows = [pieces(index, row) for index, row in enumerate(svg_rows(svg))]
    for upper, lower in itertools.pairwise(rows):
        below = {piece.column: piece for piece in lower}
        for piece in upper:
            following = below.get(piece.column)
            why = _is_split(piece, following) if following else ""
            if following and why:
                found.append(f"row {piece.row}: {piece.text[-20:]!r} / {following.text[:20]!r} ({why})")
    return found
