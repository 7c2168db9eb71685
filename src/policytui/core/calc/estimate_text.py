"""An estimate's words, shared by the terminal view and the Markdown export: totals, readings, sections."""

from __future__ import annotations

from policytui.core.calc.engine import CalcResult
from policytui.core.calc.estimate import Estimate, Reading, Totals
from policytui.i18n import t


def estimate_sections(estimate: Estimate, lang: str) -> list[tuple[str, list[str]]]:
    """The estimate's sections below the totals, as (title key, lines); shared with the Markdown export."""
    sections = [
        ("calc.label.readings", [line for r in estimate.readings for line in reading_lines(r, lang)]),
        ("calc.label.set_aside_items", [_pair(s.item, s.reason, lang) for s in estimate.set_aside]),
        ("calc.label.cautions", list(estimate.cautions)),
        ("calc.label.ceilings.included" if estimate.ceilings_included else "calc.label.ceilings",
         [ceiling_line(r, lang) for r in estimate.ceilings]),
        ("calc.label.others", [_pair(r, f"{r.headline}（{t(f'calc.recipient.{r.rule.recipient}', lang)}）", lang)
                               for r in estimate.others]),
        ("calc.label.near_misses", [m.message for m in estimate.near_misses]),
        ("calc.label.not_met", [_pair(r, r.why_not, lang) for r in estimate.not_met]),
        ("calc.label.incomplete", [_pair(i, ", ".join(i.missing), lang) for i in estimate.incomplete]),
        ("calc.label.notes", list(estimate.notes)),
    ]
    return [(key, lines) for key, lines in sections if lines]


def total_rows(totals: Totals, lang: str) -> list[tuple[str, str, str]]:
    """(name, amount, what it means) for the plain, strict and lenient totals."""
    return [(t(name, lang), totals.worded(yuan, lang), t(means, lang)) for name, yuan, means in (
        ("calc.label.total", totals.plain_yuan, "calc.label.total.plain_means"),
        ("calc.label.total_strict", totals.strict_yuan, "calc.label.total.strict_means"),
        ("calc.label.total_lenient", totals.lenient_yuan, "calc.label.total.lenient_means"),
    )]


def reading_lines(reading: Reading, lang: str) -> list[str]:
    kind = t("calc.label.reading.tool" if reading.interpretation else "calc.label.reading.text", lang)
    lines = [f"{reading.name}：{kind}" if lang == "zh" else f"{reading.name}: {kind}",
             t("calc.label.pair", lang, name=t("calc.label.reading.basis", lang), value=f"“{reading.basis}”"),
             reading.reason]
    if reading.alternative:
        lines.append(t("calc.label.pair", lang, name=t("calc.label.reading.alternative", lang), value=reading.alternative))
    return lines


def ceiling_line(item: CalcResult, lang: str) -> str:
    note = next(n for n in item.rule.notes if n.kind == "related-policy")
    return t("calc.label.ceiling_item", lang, rule=item_name(item, lang), amount=item.headline, quote=note.quote)


def item_name(item, lang: str) -> str:
    """A rule's name, and what the item is about (a project, a certification)."""
    name = item.rule.display_name(lang)
    return f"{name}（{item.label}）" if item.label else name


def _pair(item, text: str, lang: str) -> str:
    return t("calc.label.pair", lang, name=item_name(item, lang), value=text)
