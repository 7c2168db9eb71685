"""Line breaking for the terminal, shared by the TUI and the CLI.

Where a line may break follows the Unicode line-breaking algorithm (UAX #14, from
uniseg), with the Chinese kinsoku rules on top (no line starts with ，。、）：；, none
ends with （“) and the tool's own rule: a figure with its unit (`500万元`, `10%`),
a date (`2025-12-31`, `2025年12月31日`) or an id (`wuxi-draft/m4`, `〔2021〕12号`) is
never split. A piece wider than the whole line is the only thing ever cut.

Widths are terminal cells (a Chinese character is two). Imports no Textual: the
CLI uses it as well.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

from rich.cells import cell_len

from policytui.render import remembered_breaks

ELLIPSIS = "…"

# Kinsoku: characters that must not begin a line, and those that must not end one.
NO_LINE_START = frozenset("，。、）：；！？」』】〕〉》”’…,.;:!?)]}%％‰·・")
NO_LINE_END = frozenset("（“‘《〈【〔「『([{")

_DIGITS = r"[0-9０-９]"
_NUMBER = rf"{_DIGITS}+(?:[,，.．]{_DIGITS}+)*"
_CN_NUMBER = "[零〇一二两三四五六七八九十百千万亿]+"
_UNIT = "(?:个百分点|平方米|万亿元|亿元|万元|千元|百万|亿|万|千|元|%|％|‰|倍|年|个月|月|日|号|个|家|人|名|项|次|期|户|台|套|件|天|小时|周|岁|㎡|m²)"
# What must stay on one line, most specific first. This pattern and _IDEOGRAPHS are kept as
# text and compiled on first use (re caches them): compiling them is 3 ms of every start, and a
# start whose breaks are all remembered (render.remembered_breaks) never uses them.
_UNBREAKABLE = "|".join(
    [
        rf"{_DIGITS}{{4}}年{_DIGITS}{{1,2}}月(?:{_DIGITS}{{1,2}}日)?",  # 2025年12月31日
        rf"{_DIGITS}{{4}}[-./]{_DIGITS}{{1,2}}(?:[-./]{_DIGITS}{{1,2}})?",  # 2025-12-31, 2025.12
        r"[〔\[［(（]" + _DIGITS + r"{4}[〕\]］)）]" + _DIGITS + r"+号",  # 〔2021〕12号
        # wuxi-draft/m4, nanjing-2021/att.2; an English word with a hyphen and nothing else
        # (operating-contribution) may break after the hyphen, as UAX #14 allows
        r"(?=[A-Za-z][\w-]*[0-9/.:_])[A-Za-z][A-Za-z0-9_]*(?:[-/.:][A-Za-z0-9_]+)+",
        rf"第(?:{_NUMBER}|{_CN_NUMBER})[条章节款项]",  # 第十二条
        rf"{_NUMBER}(?:\s?{_UNIT})*(?:[-~～至到—]{_NUMBER}(?:\s?{_UNIT})*)?",  # 500万元, 1000万-5000万
        rf"{_CN_NUMBER}(?:{_UNIT})+",  # 两亿元, 三年
    ]
)
# The tool's badges, such as [征求意见稿 拟定有效期已过]: a short word of one is never split
# ([已失/效]); a long one, such as 拟定有效期已过（拟至2025-12-31）, breaks as any text does.
_BADGE = re.compile(r"\[[^\[\]\n]{1,40}\]")
_BADGE_WORD = re.compile(r"[^ ]+")
SHORT_BADGE_WORD = 9  # characters
# Runs of ideographs: between two of them UAX #14 always allows a break (LB31), so only the
# text around them goes through uniseg, which is slow (about 0.1 ms a character).
_IDEOGRAPHS = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}"
# A short Chinese term in English words (innovative (专精特新) firms; First rated 专精特新) is
# one word there: it is not split.
SHORT_TERM = 8  # characters
_TERM_BRACKETS = "(（“\"'《)）”》,.;:!?"


def _uax14_breaks(text: str) -> set[int]:
    """Offsets at which UAX #14 allows a break (0 < offset < len(text))."""
    breaks: set[int] = set()
    start = 0
    pieces = [(m.start(), m.end()) for m in re.finditer(_IDEOGRAPHS, text)] + [(len(text), len(text))]
    for run_start, run_end in pieces:
        # The text before this run, with one ideograph of context on each side; as every
        # ideograph has the same line-breaking class (ID) and width, the context is written
        # as 一, so the same few pieces (一，一, 一2021一) recur from text to text.
        head = _CONTEXT if start > 0 else ""
        tail = _CONTEXT if run_start < len(text) else ""
        piece = head + text[start:run_start] + tail
        lo = start - len(head)
        breaks.update(lo + b for b in _piece_breaks(piece) if 0 < lo + b < lo + len(piece))
        breaks.update(range(run_start + 1, run_end))
        start = run_end
    breaks.discard(len(text))
    return breaks


_CONTEXT = "一"


@lru_cache(maxsize=4096)
def _piece_breaks(piece: str) -> tuple[int, ...]:
    # imported here: a run whose texts remembered_breaks knows needs it not
    from uniseg.linebreak import line_break_boundaries

    return tuple(line_break_boundaries(piece)) if piece else ()


@lru_cache(maxsize=4096)
def break_opportunities(text: str) -> tuple[int, ...]:
    """The offsets where a line of `text` (no newline in it) may break, in order."""
    found = remembered_breaks.recall(text)
    if found is None:
        found = _break_opportunities(text)
    remembered_breaks.note(text, found)
    return found


def _break_opportunities(text: str) -> tuple[int, ...]:
    allowed = _uax14_breaks(text)
    for match in re.finditer(_UNBREAKABLE, text):
        allowed.difference_update(range(match.start() + 1, match.end()))
    for run in re.finditer(_IDEOGRAPHS, text):
        if run.end() - run.start() <= SHORT_TERM and _among_english_words(text, run.start(), run.end()):
            allowed.difference_update(range(run.start() + 1, run.end()))
    for badge in _BADGE.finditer(text):
        for word in _BADGE_WORD.finditer(badge.group()):
            if word.end() - word.start() <= SHORT_BADGE_WORD:
                allowed.difference_update(range(badge.start() + word.start() + 1, badge.start() + word.end()))
    return tuple(
        offset
        for offset in sorted(allowed)
        if text[offset] not in NO_LINE_START and text[offset - 1] not in NO_LINE_END
    )


def _among_english_words(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], with its brackets, is a word of its own (spaces or the text's
    ends around it), next to a word in Latin letters; a term run into other text (“一事一议”wuxi)
    breaks as Chinese does, so that the text beside it need never be cut."""
    while start > 0 and text[start - 1] in _TERM_BRACKETS:
        start -= 1
    while end < len(text) and text[end] in _TERM_BRACKETS:
        end += 1
    if (start > 0 and text[start - 1] != " ") or (end < len(text) and text[end] != " "):
        return False
    before, after = start - 1, end + 1  # past the space
    while before > 0 and text[before - 1] == " ":
        before -= 1
    while after < len(text) and text[after] == " ":
        after += 1
    beside = text[before - 1 : before] if before > 0 else ""
    beside += text[after : after + 1] if after < len(text) else ""
    return any(c.isascii() and c.isalpha() for c in beside)


def break_offsets(text: str, width: int, whole: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Where to break `text` (one line, no newline) so that each piece fits in `width` cells.

    The offsets start the second and later lines, like rich's divide_line. Spaces at the
    end of a line do not count towards its width. Each (start, end) span of `whole` (a
    status, a label with its figure) stays on one line where it fits in one.
    """
    width = max(1, width)
    if cell_len(text) <= width:
        return []
    cells = _cells_of(text)
    kept = [(start, end) for start, end in whole if cells(start, end) <= width]
    opportunities = [o for o in break_opportunities(text) if not any(a < o < b for a, b in kept)]
    offsets: list[int] = []
    line_start = 0
    previous = 0  # the last break opportunity taken into the current line
    for opportunity in (*opportunities, len(text)):
        if cells(line_start, opportunity) <= width:
            previous = opportunity
            continue
        if previous > line_start:  # the piece goes on the next line
            offsets.append(previous)
            line_start = previous
        # A piece wider than the line is cut, the one place a figure can be split.
        while cells(line_start, opportunity) > width:
            line_start = _fold(text, line_start, width)
            offsets.append(line_start)
        previous = opportunity
    return offsets


def _cells_of(text: str) -> Callable[[int, int], int]:
    """cells(a, b): the cells of text[a:b] without the white space it ends with. From sums of
    the characters' widths (a line measured at every break opportunity was quadratic), but
    where a joiner or variation selector makes characters one, by measuring the piece."""
    if "\u200d" in text or "\ufe0f" in text:
        return lambda start, end: cell_len(text[start:end].rstrip())
    before = [0, *itertools.accumulate(map(cell_len, text))]  # before[i]: the cells of text[:i]
    return lambda start, end: before[start + len(text[start:end].rstrip())] - before[start]


def _fold(text: str, start: int, width: int) -> int:
    """The offset after the most characters from `start` that fit in `width` cells (at least one)."""
    used = 0
    for offset in range(start, len(text)):
        used += cell_len(text[offset])
        if used > width:
            return max(offset, start + 1)
    return len(text)


def wrap(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` cells; its own line breaks are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        offsets = [0, *break_offsets(paragraph, width), len(paragraph)]
        lines += [paragraph[a:b].rstrip() for a, b in itertools.pairwise(offsets)] or [""]
    return lines


def truncate(text: str, width: int) -> str:
    """`text` (one line) in at most `width` cells; where it must be cut, it is cut at a break
    opportunity (so a figure goes whole or not at all) and ends with "…"."""
    if cell_len(text) <= width:
        return text
    room = width - cell_len(ELLIPSIS)
    cells = _cells_of(text)
    fits = None  # the last opportunity that fits; widths only grow from one to the next
    for opportunity in break_opportunities(text):
        if cells(0, opportunity) > room:
            break
        fits = opportunity
    end = fits if fits is not None else _fold(text, 0, room) if room > 0 else 0
    return text[:end].rstrip() + ELLIPSIS


# A line of a PDF extraction that ends a paragraph: it ends a sentence or a list item.
_PARAGRAPH_END = re.compile(r"[。：；！？:;!?]\s*$")
# A line that starts one: a heading number such as 一、 （三） 1. 第二条.
_PARAGRAPH_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十百\d]+[条章节])"
)
HARD_WRAPPED_SHARE = 0.3  # of the lines within a few characters of the page's width
MIN_PAGE_WIDTH = 20  # characters; shorter lines are titles, names and dates


def _page_width(lines: list[str]) -> int | None:
    """The length of a full line when the text was broken at the page's width, else None
    (the extraction already has a paragraph a line)."""
    lengths = Counter(len(line) for line in lines if len(line) >= MIN_PAGE_WIDTH)
    if not lengths:
        return None
    usual = lengths.most_common(1)[0][0]
    near = sum(1 for line in lines if abs(len(line) - usual) <= 3)
    return usual - 3 if near >= HARD_WRAPPED_SHARE * len(lines) else None


def join_pdf_lines(text: str) -> str:
    """Text extracted from a PDF as paragraphs, one a line, blank lines dropped.

    Where the extraction broke lines at the page's width, a full line that does not end
    a sentence is joined to the next, unless that one starts a heading. White space at
    the ends of lines goes; every other character is kept.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    full = _page_width(lines)
    paragraphs = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        if (
            full is not None
            and len(previous) >= full
            and not _PARAGRAPH_END.search(previous)
            and not _PARAGRAPH_START.match(line)
        ):
            joiner = " " if previous[-1].isascii() and line[0].isascii() else ""
            paragraphs[-1] += joiner + line
        else:
            paragraphs.append(line)
    return "\n".join(paragraphs)


def line_of(text: str, offset: int, width: int) -> int:
    """The line, counted from 0, on which the character at `offset` stands once `text` is
    wrapped to `width` (as wrap() does)."""
    line = 0
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        offsets = break_offsets(paragraph, width)
        if offset <= end:
            return line + sum(1 for b in offsets if b <= offset - start)
        line += len(offsets) + 1
        start = end + 1
    return max(0, line - 1)
