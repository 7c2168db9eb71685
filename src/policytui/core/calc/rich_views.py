"""Results and estimates as Rich renderables, shared by the CLI (printed) and the TUI (in a Static).

The policy's words are always plain Text, never markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from policytui.core.calc.engine import CalcResult
from policytui.core.calc.estimate import Estimate
from policytui.core.calc.wording import format_yuan
from policytui.i18n import t
from policytui.render.rich_text import wrapped

STANDING_STYLES = {"counted": "green", "set-aside": "dim strike", "not-counted": "dim"}


def bullets(lines, *, numbered: bool = False, style: str = "", bullet: str = "·") -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style=style or "dim", justify="right")
    grid.add_column(style=style, overflow="fold")
    for number, line in enumerate(lines, 1):
        grid.add_row(f"{number}." if numbered else bullet, wrapped(line))
    return grid


def result_view(result: CalcResult, *, title: bool = True) -> RenderableType:
    """`title`: begin with the rule's name and id (the TUI shows them above its form instead)."""
    lang = result.lang
    rule = result.rule
    style = "bold green" if result.eligible and result.amount_yuan else "bold"
    parts: list[RenderableType] = [
        Text(t("calc.label.pair", lang, name=t("calc.label.result", lang), value=result.headline), style=style),
        bullets(result.warnings, style="yellow", bullet="⚠"),
        Text(t("calc.label.steps", lang), style="bold underline"),
        bullets(result.steps, numbered=True),
        Panel(wrapped(result.citation), title=Text(f"{t('calc.label.citation', lang)} {result.clause_id}"),
              title_align="left", border_style="dim", expand=False),
    ]
    if result.notes:
        parts += [Text(t("calc.label.notes", lang), style="bold underline"), bullets(result.notes, style="dim")]
    if title:
        parts.insert(0, Text.assemble((rule.display_name(lang), "bold"), "  ", (rule.id, "dim")))
    return Group(*parts)


def estimate_view(estimate: Estimate, lang: str) -> RenderableType:
    title = Text.assemble((t("calc.label.estimate", lang, name=estimate.profile.name), "bold"), "  ",
                          (t("calc.label.as_of", lang, date=estimate.as_of), "dim"))
    totals = Table.grid(padding=(0, 2))  # one above the other: both in view on a narrow terminal
    totals.add_row(Text(t("calc.label.total", lang), style="bold"), Text(format_yuan(estimate.total_yuan)))
    totals.add_row(Text(t("calc.label.total_non_stacking", lang), style="bold"),
                   Text(format_yuan(estimate.total_non_stacking_yuan), style="bold green"))
    items = Table(box=None, pad_edge=False)  # as wide as its content: piped, not padded
    for key in ("calc.label.rule", "calc.label.result", "calc.label.counted"):
        items.add_column(t(key, lang), overflow="fold")
    for item in estimate.items:
        standing = estimate.standing(item)
        items.add_row(wrapped(_name(item, lang)), wrapped(item.headline, style=STANDING_STYLES[standing]),
                      wrapped(t(f"calc.standing.{standing}", lang), style=STANDING_STYLES[standing]))
    parts: list[RenderableType] = [title, totals, bullets(estimate.warnings, style="yellow", bullet="⚠"), items]
    sections = (
        ("calc.label.set_aside_items", [_pair(s.item, s.reason, lang) for s in estimate.set_aside]),
        ("calc.label.near_misses", [m.message for m in estimate.near_misses]),
        ("calc.label.not_met", [_pair(r, r.why_not, lang) for r in estimate.not_met]),
        ("calc.label.incomplete", [_pair(i, ", ".join(i.missing), lang) for i in estimate.incomplete]),
        ("calc.label.notes", list(estimate.notes)),
    )
    for key, lines in sections:
        if lines:
            parts += [Text(t(key, lang), style="bold underline"), bullets(lines)]
    return Group(*parts)


def _name(item, lang: str) -> str:
    """A rule's name, and what the item is about (a project, a certification)."""
    name = item.rule.display_name(lang)
    return f"{name}（{item.label}）" if item.label else name


def _pair(item, text: str, lang: str) -> str:
    return t("calc.label.pair", lang, name=_name(item, lang), value=text)
