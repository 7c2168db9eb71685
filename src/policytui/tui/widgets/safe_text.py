"""Text from data files as Textual Content: always literal, never parsed as markup.

Content(text) takes its argument as plain text, so `[bold]` in a clause is shown
as those seven characters. Styles come from the theme ($-variables).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content, Span

from policytui.core.model import Amount
from policytui.i18n import t

FIGURE_STYLE = "bold $text-accent on $accent-muted"
UNSPECIFIED_STYLE = "underline $text-warning"
CHIP_STYLE = "$text-primary on $primary-muted"


def figure_spans(text: str, amounts: Iterable[Amount]) -> list[tuple[int, int, bool]]:
    """(start, end, has_figure) of each amount in `text`: the printed figure within its quote,
    or the whole quote for an award promised without a figure."""
    spans = []
    cursor = 0
    for amount in amounts:
        start = text.find(amount.quote, cursor)
        if start < 0:
            start = text.find(amount.quote)
        if start < 0 or not amount.quote:
            continue
        cursor = start + len(amount.quote)
        figure = amount.printed
        offset = amount.quote.find(figure) if figure else -1
        if offset >= 0:
            spans.append((start + offset, start + offset + len(figure), True))
        else:
            spans.append((start, cursor, not amount.unspecified))
    return spans


def highlighted_text(text: str, amounts: Iterable[Amount]) -> Content:
    """A clause's text with every monetary figure highlighted."""
    spans = [
        Span(start, end, FIGURE_STYLE if has_figure else UNSPECIFIED_STYLE)
        for start, end, has_figure in figure_spans(text, amounts)
    ]
    return Content(text, spans)


def chips(names: Iterable[str]) -> Content:
    """Names as coloured chips, e.g. topics."""
    parts: list[Content | tuple[str, str] | str] = []
    for name in names:
        if parts:
            parts.append(" ")
        parts.append((f" {name} ", CHIP_STYLE))
    return Content.assemble(*parts)


def field_line(label: str, value: str, lang: str) -> Content:
    """`label：value` (`label: value` in English), the label in bold, the value literal."""
    return Content.assemble((f"{label}{t('punct.colon', lang)}", "bold"), value)
