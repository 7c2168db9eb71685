"""Results and estimates as Rich renderables, shared by the CLI (printed) and the TUI (in a Static).

The policy's words are always plain Text, never markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from policytui.core.calc.engine import CalcResult
from policytui.core.calc.estimate import Estimate, Totals
from policytui.i18n import t
from policytui.present import city_name
from policytui.render.calc.estimate_text import estimate_sections, estimate_warnings, total_rows
from policytui.render.calc.wording import headline, item_name, notes, steps, warnings
from policytui.render.fitted_table import Fitted
from policytui.render.rich_text import bullets, wrapped
from policytui.render.status import status_badges

STANDING_STYLES = {
    "counted": "green",
    "set-aside": "dim strike",
    "strict-set-aside": "yellow",
    "not-counted": "dim",
    "other-recipient": "dim",
    "ceiling": "dim",
}


def result_view(result: CalcResult, lang: str, *, title: bool = True) -> RenderableType:
    """`title`: begin with the rule's name and id (the TUI shows them above its form instead)."""
    rule = result.rule
    style = "bold green" if result.eligible and result.amount_yuan else "bold"
    parts: list[RenderableType] = [
        wrapped(
            t("calc.label.pair", lang, name=t("calc.label.result", lang), value=headline(result, lang)),
            style=style,
        ),
        bullets(warnings(result, lang), style="yellow", bullet="⚠"),
        Text(t("calc.label.steps", lang), style="bold underline"),
        bullets(steps(result, lang), numbered=True),
        Panel(
            wrapped(result.citation),
            title=Text(f"{t('calc.label.citation', lang)} {result.clause_id}"),
            title_align="left",
            border_style="dim",
            expand=False,
        ),
    ]
    lines = notes(result, lang)
    if lines:
        parts += [Text(t("calc.label.notes", lang), style="bold underline"), bullets(lines, style="dim")]
    if title:
        parts.insert(0, wrapped(Text.assemble((rule.display_name(lang), "bold"), "  ", (rule.id, "dim"))))
    return Group(*parts)


def estimate_view(estimate: Estimate, lang: str) -> RenderableType:
    title = Text.assemble(
        (t("calc.label.estimate", lang, name=estimate.profile.name), "bold"),
        "  ",
        (t("calc.label.as_of", lang, date=estimate.as_of), "dim"),
    )
    parts: list[RenderableType] = [wrapped(title)]
    if estimate.totals is not None:
        parts.append(_totals_view(estimate.totals, lang))
    else:
        parts.append(wrapped(t("calc.label.no_combined", lang), style="yellow"))
    parts.append(bullets(estimate_warnings(estimate, lang), style="yellow", bullet="⚠"))
    for part in estimate.parts:
        policy_part = t(
            "calc.label.policy_part", lang, city=city_name(part.policy, lang), title=part.policy.display_title
        )
        # the status on its own line: a badge is never broken inside ("[已" / "失效…]")
        heading = wrapped(policy_part, style="bold underline")
        badges = wrapped(status_badges(part.status, lang), style="red")
        parts += [heading, badges, _totals_view(part.totals, lang), _items_view(estimate, part.items, lang)]
    for key, lines in estimate_sections(estimate, lang):
        parts += [wrapped(t(key, lang), style="bold underline"), bullets(lines)]
    return Group(*parts)


def _totals_view(totals: Totals, lang: str) -> RenderableType:
    if not totals.figures:
        return Text(t("calc.label.no_figures", lang), style="dim")
    grid = Table.grid(padding=(0, 2))  # one above the other: all three in view on a narrow terminal
    grid.add_column()  # the total's name wraps on a narrow terminal: the figure beside it never does
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")  # what each total means, in full
    for (name, amount, means), style in zip(total_rows(totals, lang), ("", "bold green", ""), strict=False):
        grid.add_row(wrapped(name, style="bold"), Text(amount, style=style), wrapped(means, style="dim"))
    return grid


def _items_view(estimate: Estimate, items: Iterable[CalcResult], lang: str) -> Fitted:
    table = Table(box=None, pad_edge=False, expand=True)
    for key in ("calc.label.rule", "calc.label.result", "calc.label.counted"):
        table.add_column(t(key, lang), overflow="fold")
    for item in items:
        standing = estimate.standing(item)
        style = STANDING_STYLES[standing]
        table.add_row(
            wrapped(item_name(item, lang)),
            wrapped(headline(item, lang), style=style),
            wrapped(t(f"calc.standing.{standing}", lang), style=style),
        )
    return Fitted(table)  # never narrower than a name or a figure (operating-contributi/on)
