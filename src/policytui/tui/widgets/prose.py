"""Text that wraps by render.wrap in the TUI: a figure, a date or an id is never split.

Textual breaks between any two CJK characters. LineBroken is a Visual that breaks a
Content where render.wrap allows and hands Textual lines that already fit; Prose is
a Static that shows its Content that way (its `content` stays the Content it was given).
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from policytui.render.wrap import break_offsets


class LineBroken(Visual):
    def __init__(self, content: Content) -> None:
        self.content = content
        self._cache: tuple[int, Content] | None = None

    def wrapped(self, width: int) -> Content:
        """The content with a line break wherever render.wrap breaks it at `width` cells."""
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1]
        lines: list[Content] = []
        for line in self.content.split("\n", allow_blank=True):
            offsets = break_offsets(line.plain, width)
            lines += [piece.rstrip() for piece in line.divide(offsets)] if offsets else [line]
        result = Content("\n").join(lines)
        self._cache = (width, result)
        return result

    def _for(self, rules: RulesMap, width: int) -> Content:
        if rules.get("text_wrap", "wrap") == "nowrap":
            return self.content
        return self.wrapped(width - 2 * rules.get("line_pad", 0))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
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
