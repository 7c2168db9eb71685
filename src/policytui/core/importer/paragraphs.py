"""Lines of a source into paragraphs: undo a PDF's line wrapping, drop page marks and web chrome.

A text extracted from a PDF breaks every paragraph into lines of the page's width
(often with blank lines between them); a text copied from a web page has one line
per paragraph. Which one a text is follows from how its long lines end.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from policytui.core.importer.departments import ends_with_departments
from policytui.core.importer.labels import read_label

PAGE_MARK = re.compile(r"^[—\-－]\s*\d+\s*[—\-－]$")
# Navigation and tool bars of a government web page, copied with the text.
WEB_CHROME = re.compile(
    r"^(当前位置|您现在的位置|您的位置|首页\s*[>＞›»/])|[>＞›»]\s*\S+\s*[>＞›»]|"
    r"【\s*(打印|关闭|字体|大|中|小)\s*】|字号[:：]?\s*[大中小]|分享到[:：]?"
)
SENTENCE_END = "。；：！？”’）〕」】)"
STRUCTURAL = re.compile(r"^(附\s*件\s*\d*\s*([:：].*)?|附\s*则|抄\s*送[:：].*)$")


@dataclass(slots=True)
class Paragraph:
    lines: list[str]
    line: int  # 1-based number of its first line in the source
    table: bool = False

    @property
    def text(self) -> str:
        """Wrapped lines joined as printed (a table keeps one row a line)."""
        return "\n".join(self.lines) if self.table else "".join(self.lines)


@dataclass(frozen=True, slots=True)
class SkippedLine:
    line: int
    text: str


def split_paragraphs(source: str) -> tuple[list[Paragraph], list[SkippedLine]]:
    """The source's paragraphs in order, and the lines left out as web-page chrome."""
    numbered, skipped = _numbered_lines(source)
    prose = [line for _, line, row_start in numbered if row_start is None]
    wrapped, width = _is_wrapped(prose), _typical_width(prose)
    paragraphs: list[Paragraph] = []
    empty_row_start = False  # an empty first cell (a merged column) still starts its row
    for number, line, row_start in numbered:
        previous = paragraphs[-1] if paragraphs else None
        if row_start is None:
            if previous is not None and _continues(previous, line, wrapped, width):
                previous.lines.append(line)
            else:
                paragraphs.append(Paragraph([line], number))
            continue
        cells = " ".join(cell.strip() for cell in line.split("\t") if cell.strip())
        if not cells:
            empty_row_start = empty_row_start or row_start
            continue
        row_start, empty_row_start = row_start or empty_row_start, False
        if previous is None or not previous.table:
            paragraphs.append(Paragraph([cells], number, table=True))
        elif row_start or "\t" in line.strip():  # a new row, or a row with all its cells on one line
            previous.lines.append(cells)
        else:
            previous.lines[-1] += " " + cells
    return paragraphs, skipped


def _numbered_lines(source: str) -> tuple[list[tuple[int, str, bool | None]], list[SkippedLine]]:
    """(line number, line, None for prose or whether it starts a table row), and the chrome left out.

    Table lines hold tabs; their cells may come one a line, a blank line ending the row.
    """
    numbered: list[tuple[int, str, bool | None]] = []
    skipped = []
    new_row = True
    for number, raw in enumerate(source.splitlines(), start=1):
        if raw.startswith("\t") or "\t" in raw.strip():
            numbered.append((number, raw, new_row))
            new_row = False
            continue
        new_row = True
        line = raw.strip()
        if not line or PAGE_MARK.match(line):
            continue
        if WEB_CHROME.search(line) and "。" not in line:
            skipped.append(SkippedLine(number, line))
        else:
            numbered.append((number, line, None))
    return numbered, skipped


def without_lines(source: str, skipped: list[SkippedLine]) -> str:
    """The source without the skipped lines: the copy the policy file quotes, all of it."""
    numbers = {line.line for line in skipped}
    lines = source.splitlines(keepends=True)
    return "".join(line for number, line in enumerate(lines, start=1) if number not in numbers)


def _is_wrapped(lines: list[str]) -> bool:
    long_lines = [line for line in lines if len(line) >= 20]
    if len(long_lines) < 5:  # too few lines to tell; one line a paragraph is the safe reading
        return False
    open_ended = sum(1 for line in long_lines if not line.endswith(tuple(SENTENCE_END)))
    return open_ended / len(long_lines) > 0.4


def _typical_width(lines: list[str]) -> int:
    widths = [len(line) for line in lines if len(line) >= 10]
    return int(statistics.median(widths)) if widths else 0


def _continues(previous: Paragraph, line: str, wrapped: bool, width: int) -> bool:
    """Whether `line` goes on with the paragraph before it (only in a wrapped text)."""
    if not wrapped or previous.table:
        return False
    if read_label(line) or STRUCTURAL.match(line):
        return False
    last = previous.lines[-1]
    if len(last) < 0.8 * width or STRUCTURAL.match(previous.text):
        return False  # a short line ends its paragraph: a heading, or a paragraph's last line
    return not ends_with_departments(previous.text)
