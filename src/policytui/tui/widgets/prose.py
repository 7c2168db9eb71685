"""Text that wraps by render.wrap in the TUI: a figure, a date or an id is never split.

Textual breaks between any two CJK characters. LineBroken is a Visual that breaks a
Content where render.wrap allows and hands Textual lines that already fit; Prose is
a Static that shows its Content that way (its `content` stays the Content it was given);
ProseOptionList an OptionList whose prompts wrap that way.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual, visualize
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from policytui.render.wrap import break_offsets, break_opportunities


class LineBroken(Visual):
    """`content` broken where render.wrap allows. A piece wider than the whole line (a long
    id) is folded onto the next line, or with `ellipsis` cut and ended with "…"."""

    def __init__(self, content: Content, ellipsis: bool = False) -> None:
        self.content = content
        self.ellipsis = ellipsis
        self._cache: tuple[int, Content] | None = None

    def wrapped(self, width: int) -> Content:
        """The content with a line break wherever render.wrap breaks it at `width` cells."""
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1]
        lines: list[Content] = []
        for line in self.content.split("\n", allow_blank=True):
            lines += self._pieces(line, width)
        result = Content("\n").join(lines)
        self._cache = (width, result)
        return result

    def _pieces(self, line: Content, width: int) -> list[Content]:
        offsets = break_offsets(line.plain, width)
        if not offsets:
            return [line]
        pieces = [piece.rstrip() for piece in line.divide(offsets)]
        if not self.ellipsis:
            return pieces
        allowed = sorted({0, *break_opportunities(line.plain), len(line.plain)})
        kept = []
        for start, stop, piece in zip([0, *offsets], [*offsets, len(line.plain)], pieces, strict=True):
            end = next(offset for offset in allowed if offset > start)
            if start not in allowed:  # the rest of a piece cut at the line's end: what follows it
                kept += [line[end:stop].rstrip()] if end < stop else []
                continue
            whole = line[start:end].rstrip()
            kept.append(whole.truncate(width, ellipsis=True) if whole.cell_length > width else piece)
        return kept

    def _for(self, rules: RulesMap, width: int) -> Content:
        if rules.get("text_wrap", "wrap") == "nowrap":
            return self.content
        return self.wrapped(width - 2 * rules.get("line_pad", 0))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._for(options.rules, width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._for(rules, width).get_height(rules, width)


class Prose(Static):
    """A Static whose Content wraps by render.wrap."""

    def render(self) -> Visual:
        visual = self.visual
        return LineBroken(visual) if isinstance(visual, Content) else visual


class ProseOptionList(OptionList):
    """An OptionList whose Content prompts wrap by render.wrap (with `ellipsis`, an id wider
    than the list ends with "…" instead of going on over the next line)."""

    def __init__(self, *content: Option, ellipsis: bool = False, **kwargs: Any) -> None:
        super().__init__(*content, **kwargs)
        self.ellipsis = ellipsis
        self._lines_width = 0

    def _update_lines(self) -> None:
        # OptionList counts each prompt's lines once, at the width it had then; a scrollbar
        # that appears afterwards narrows the list without a resize, and the last line of a
        # prompt that now wraps once more (a status badge) was silently left out.
        width = self.scrollable_content_region.width
        if width != self._lines_width:
            self._lines_width = width
            self._line_cache.clear()
            self._option_render_cache.clear()
        super()._update_lines()

    def _get_visual(self, option: Option) -> Visual:
        # OptionList caches each prompt's Visual on the option: the LineBroken is cached there.
        if option._visual is None:
            visual = visualize(self, option.prompt, markup=self._markup)
            option._visual = LineBroken(visual, self.ellipsis) if isinstance(visual, Content) else visual
        return option._visual
