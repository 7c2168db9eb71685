"""A result or an estimate as Markdown, to paste into notes or a report."""

from __future__ import annotations

from policytui.core.calc.engine import CalcResult
from policytui.core.calc.estimate import Estimate
from policytui.core.calc.inputs import choice_label
from policytui.core.calc.wording import format_value, format_yuan
from policytui.i18n import t


def result_markdown(result: CalcResult) -> str:
    lang = result.lang
    rule = result.rule
    lines = [f"## {rule.display_name(lang)}", "", f"`{rule.id}` · {t('calc.label.as_of', lang, date=result.as_of)}", "",
             f"**{t('calc.label.pair', lang, name=t('calc.label.result', lang), value=result.headline)}**", ""]
    if result.values:
        lines += [f"### {t('calc.label.inputs', lang)}", ""]
        for spec in rule.inputs:
            value = result.values[spec.name]
            shown = choice_label(value, lang) if spec.type == "choice" else format_value(value, spec.unit)
            lines.append(f"- {t('calc.label.pair', lang, name=spec.display_label(lang), value=shown)}")
        lines.append("")
    lines += _section(t("calc.label.steps", lang), [f"{i}. {s}" for i, s in enumerate(result.steps, 1)])
    lines += [f"### {t('calc.label.citation', lang)}", "", f"> {result.citation}", ">", f"> — {result.clause_id}", ""]
    lines += _section(t("calc.label.notes", lang), [f"- {n}" for n in result.notes])
    lines += _section(t("calc.label.warnings", lang), [f"- ⚠ {w}" for w in result.warnings])
    return "\n".join(lines).rstrip() + "\n"


def estimate_markdown(estimate: Estimate, lang: str = "zh") -> str:
    lines = [f"# {t('calc.label.estimate', lang, name=estimate.profile.name)}", "",
             t("calc.label.as_of", lang, date=estimate.as_of), ""]
    lines += [f"| {t('calc.label.rule', lang)} | {t('calc.label.clause', lang)} | {t('calc.label.result', lang)} | "
              f"{t('calc.label.counted', lang)} |", "|---|---|---|---|"]
    for item in estimate.items:
        name = item.rule.display_name(lang) + (f"（{item.label}）" if item.label else "")
        standing = t(f"calc.standing.{estimate.standing(item)}", lang)
        lines.append(f"| {name} | {item.clause_id} | {item.headline} | {standing} |")
    totals = ((t("calc.label.total", lang), estimate.total_yuan),
              (t("calc.label.total_non_stacking", lang), estimate.total_non_stacking_yuan))
    lines += ["", *(f"- **{t('calc.label.pair', lang, name=name, value=format_yuan(value))}**" for name, value in totals), ""]
    lines += _section(t("calc.label.set_aside_items", lang),
                      [f"- {t('calc.label.pair', lang, name=_item_id(s.item), value=s.reason)}" for s in estimate.set_aside])
    lines += _section(t("calc.label.near_misses", lang), [f"- {m.message}" for m in estimate.near_misses])
    lines += _section(t("calc.label.notes", lang), [f"- {n}" for n in estimate.notes])
    lines += _section(t("calc.label.warnings", lang), [f"- ⚠ {w}" for w in estimate.warnings])
    return "\n".join(lines).rstrip() + "\n"


def _item_id(item: CalcResult) -> str:
    return f"{item.rule.id}（{item.label}）" if item.label else item.rule.id


def _section(title: str, body: list[str]) -> list[str]:
    return [f"### {title}", "", *body, ""] if body else []
