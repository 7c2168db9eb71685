"""Rich Text that wraps by render.wrap: a figure, a date or an id is never split.

Rich breaks between any two CJK characters. This Text breaks where render.wrap allows,
then lets Rich do the rest (justify, overflow) on lines that already fit. It also
tells tables its real minimum width (its widest unbreakable piece), so a column is
never narrower than a figure. The CLI prints it; the TUI shows it in a Static.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.containers import Lines
from rich.measure import Measurement
from rich.text import Text

from policytui.render.wrap import ELLIPSIS, break_offsets, break_opportunities, truncate

if TYPE_CHECKING:
    from rich.table import Table


class _Printed:
    """A WrappedText for Console.print, which joins the Text objects it is given into one plain
    Text (losing the subclass, so its wrapping): this is not a Text, so it renders as itself."""

    def __init__(self, text: WrappedText) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        return self.text.__rich_console__(console, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self.text.__rich_measure__(console, options)


class WrappedText(Text):
    # (start, end) spans kept on one line where they fit in one (see kept_together)
    whole: tuple[tuple[int, int], ...] = ()

    def __rich__(self) -> _Printed:
        return _Printed(self)

    def _lines(self) -> list[tuple[Text, list[tuple[int, int]]]]:
        """Each line with the spans of `whole` in it, counted from the line's start."""
        lines, line_start = [], 0
        for line in self.split(allow_blank=True):
            end = line_start + len(line)
            lines.append(
                (
                    line,
                    [(a - line_start, b - line_start) for a, b in self.whole if line_start <= a and b <= end],
                )
            )
            line_start = end + 1
        return lines

    def _broken(self, width: int) -> Text:
        """A plain Text with a line break wherever render.wrap breaks at `width`."""
        pieces: list[Text] = []
        for line, whole in self._lines():
            offsets = break_offsets(line.plain, width, whole)
            for piece in line.divide(offsets):
                if offsets:
                    piece.rstrip()  # in place: the space a line was broken at
                pieces.append(piece)
        broken = Text("\n").join(pieces)
        broken.style, broken.justify, broken.overflow = self.style, self.justify, self.overflow
        broken.no_wrap, broken.end = self.no_wrap, self.end
        return broken

    def wrap(self, console: Console, width: int, **options: Any) -> Lines:  # Text.wrap's keywords, passed on
        if options.get("no_wrap") or self.no_wrap:
            return super().wrap(console, width, **options)
        return self._broken(width).wrap(console, width, **options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = 0  # the widest piece between two places a line may break
        for line, whole in self._lines():
            text = line.plain
            inside = [o for o in break_opportunities(text) if not any(a < o < b for a, b in whole)]
            edges = [0, *inside, len(text)]
            widest = max([widest, *(cell_len(text[a:b].rstrip()) for a, b in itertools.pairwise(edges))])
        full = max((cell_len(line) for line in self.plain.split("\n")), default=0)
        return Measurement(min(widest, options.max_width), min(full, options.max_width))


def truncated(text: Text, width: int) -> Text:
    """`text` (one line) in at most `width` cells, its styles kept; cut where render.wrap.truncate
    cuts (never inside a figure), ending with "…"."""
    fitted = truncate(text.plain, width)
    if fitted == text.plain:
        return text
    kept = text[: len(fitted) - len(ELLIPSIS)]
    kept.append(ELLIPSIS)
    return kept


def wrapped(text: str | Text, style: str = "") -> WrappedText:
    """`text` (plain, never markup) as a WrappedText."""
    if isinstance(text, Text):
        result = WrappedText(
            style=text.style, justify=text.justify, overflow=text.overflow, no_wrap=text.no_wrap, end=text.end
        )
        result.append_text(text)
        return result
    return WrappedText(text, style=style)


def kept_together(*parts: Text, sep: str = "  ") -> WrappedText:
    """The parts joined by `sep` into one WrappedText in which each part (an id, a status, a
    label with its figure) stays on one line where it fits in one: lines break between parts.
    A part that is itself a WrappedText (a title) breaks where it would alone."""
    result = wrapped(Text(sep).join(parts))
    spans, start = [], 0
    for part in parts:
        if isinstance(part, WrappedText):
            spans += [(start + a, start + b) for a, b in part.whole]
        else:
            spans.append((start, start + len(part)))
        start += len(part) + len(sep)
    result.whole = tuple(spans)
    return result


def bullets(lines: Iterable[str], *, numbered: bool = False, style: str = "", bullet: str = "·") -> Table:
    """One line a bullet (or a number), each wrapped by render.wrap under its first character."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style=style or "dim", justify="right")
    grid.add_column(style=style, overflow="fold")
    for number, line in enumerate(lines, 1):
        grid.add_row(f"{number}." if numbered else bullet, wrapped(line))
    return grid
