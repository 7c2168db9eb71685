"""A result or an estimate as Markdown, to paste into notes or a report."""

from __future__ import annotations

from policytui.core.calc.engine import CalcResult
from policytui.core.calc.estimate import Estimate, Totals
from policytui.i18n import t
from policytui.present import city_name
from policytui.render.calc.estimate_text import (
    estimate_sections,
    estimate_warnings,
    profile_lines,
    total_rows,
)
from policytui.render.calc.wording import (
    choice_label,
    format_value,
    headline,
    item_name,
    notes,
    steps,
    warnings,
)
from policytui.render.status import status_text


def result_markdown(result: CalcResult, lang: str) -> str:
    rule = result.rule
    lines = [
        f"## {rule.display_name(lang)}",
        "",
        f"`{rule.id}` · {t('calc.label.as_of', lang, date=result.as_of)}",
        "",
        f"**{t('calc.label.pair', lang, name=t('calc.label.result', lang), value=headline(result, lang))}**",
        "",
    ]
    if result.values:
        lines += [f"### {t('calc.label.inputs', lang)}", ""]
        for spec in rule.inputs:
            value = result.values[spec.name]
            shown = choice_label(value, lang) if isinstance(value, str) else format_value(value, spec.unit)
            lines.append(f"- {t('calc.label.pair', lang, name=spec.display_label(lang), value=shown)}")
        lines.append("")
    lines += _section(
        t("calc.label.steps", lang), [f"{i}. {s}" for i, s in enumerate(steps(result, lang), 1)]
    )
    lines += [
        f"### {t('calc.label.citation', lang)}",
        "",
        f"> {result.citation}",
        ">",
        f"> — {result.clause_id}",
        "",
    ]
    lines += _section(t("calc.label.notes", lang), [f"- {n}" for n in notes(result, lang)])
    lines += _section(t("calc.label.warnings", lang), [f"- ⚠ {w}" for w in warnings(result, lang)])
    return "\n".join(lines).rstrip() + "\n"


def estimate_markdown(estimate: Estimate, lang: str) -> str:
    lines = [
        f"# {t('calc.label.estimate', lang, name=estimate.profile.name)}",
        "",
        t("calc.label.as_of", lang, date=estimate.as_of),
        "",
    ]
    # the policies' status first: a draft or an expired policy is read before any figure
    lines += _section(t("calc.label.warnings", lang), [f"- ⚠ {w}" for w in estimate_warnings(estimate, lang)])
    lines += _section(t("calc.label.inputs", lang), [f"- {line}" for line in profile_lines(estimate, lang)])
    if estimate.totals is not None:
        lines += [*_totals(estimate.totals, lang), ""]
    else:
        lines += [f"_{t('calc.label.no_combined', lang)}_", ""]
    for part in estimate.parts:
        status = status_text(part.status, lang)
        lines += [
            f"## {t('calc.label.policy_part', lang, city=city_name(part.policy, lang), title=part.policy.display_title)}",
            "",
            f"_{status}_",
            "",
            *_totals(part.totals, lang),
            "",
        ]
        lines += [
            f"| {t('calc.label.rule', lang)} | {t('calc.label.clause', lang)} | {t('calc.label.result', lang)} | "
            f"{t('calc.label.counted', lang)} |",
            "|---|---|---|---|",
        ]
        for item in part.items:
            standing = t(f"calc.standing.{estimate.standing(item)}", lang)
            lines.append(
                f"| {item_name(item, lang)} | {item.clause_id} | {headline(item, lang)} | {standing} |"
            )
        lines.append("")
    for key, body in estimate_sections(estimate, lang):
        lines += _section(t(key, lang), [f"- {line}" for line in body])
    return "\n".join(lines).rstrip() + "\n"


def _totals(totals: Totals, lang: str) -> list[str]:
    if not totals.figures:
        return [f"_{t('calc.label.no_figures', lang)}_"]
    return [
        f"- **{t('calc.label.pair', lang, name=name, value=amount)}**（{means}）"
        if lang == "zh"
        else f"- **{t('calc.label.pair', lang, name=name, value=amount)}** ({means})"
        for name, amount, means in total_rows(totals, lang)
    ]


def _section(title: str, body: list[str]) -> list[str]:
    return [f"### {title}", "", *body, ""] if body else []
