"""An estimate's words, shared by the terminal view, the Markdown export and the JSON: totals,
readings, sections, near misses, warnings and the profile's problems."""

from __future__ import annotations

from decimal import Decimal

from policytui.core.calc.engine import CalcResult
from policytui.core.calc.estimate import Estimate, NearMiss, ProfileProblem, Reading, SetAside, Totals
from policytui.core.calc.inputs import InputError
from policytui.core.calc.profile import FactValue, declared_facts
from policytui.core.calc.rules import Condition
from policytui.core.calc.trace import Bounded, Step
from policytui.core.sanitize import one_line
from policytui.core.toml_lines import format_path, line_of
from policytui.i18n import STRINGS, t
from policytui.present import city_name
from policytui.render.calc.wording import (
    Item,
    bounded,
    choice_label,
    condition_words,
    error_text,
    format_yuan,
    headline,
    item_name,
    say,
    tier_range,
    warnings,
    why_not,
)
from policytui.render.problems import WordedProblem


def estimate_sections(estimate: Estimate, lang: str) -> list[tuple[str, list[str]]]:
    """The estimate's sections below the totals, as (title key, lines); shared with the Markdown export."""
    sections = [
        ("calc.label.readings", [line for r in estimate.readings for line in reading_lines(r, lang)]),
        (
            "calc.label.set_aside_items",
            [_pair(s.item, set_aside_reason(s, lang), lang) for s in estimate.set_aside],
        ),
        ("calc.label.cautions", [say(c, lang) for c in estimate.cautions]),
        (
            "calc.label.ceilings.included" if estimate.ceilings_included else "calc.label.ceilings",
            [ceiling_line(r, lang) for r in estimate.ceilings],
        ),
        (
            "calc.label.others",
            [
                _pair(
                    r,
                    headline(r, lang)
                    + t("punct.notes", lang, notes=t(f"calc.recipient.{r.rule.recipient}", lang)),
                    lang,
                )
                for r in estimate.others
            ],
        ),
        ("calc.label.near_misses", [near_miss_text(m, lang) for m in estimate.near_misses]),
        ("calc.label.not_met", [_pair(r, why_not(r, lang), lang) for r in estimate.not_met]),
        ("calc.label.incomplete", [_pair(i, ", ".join(i.missing), lang) for i in estimate.incomplete]),
        ("calc.label.notes", [say(n, lang) for n in estimate.notes]),
    ]
    return [(key, lines) for key, lines in sections if lines]


def kind_label(kind: str, lang: str) -> str:
    """A project's kind as people say it (工业软件 for industrial-software)."""
    key = f"calc.project.{kind}"
    return t(key, lang) if key in STRINGS else kind


def profile_lines(estimate: Estimate, lang: str) -> list[str]:
    """What the estimate was made from: the firm, its cities, each fact stated, each project
    and the two options, as "name: value" lines."""
    profile = estimate.profile
    labels = {
        name: fact.display_label(lang)
        for name, fact in declared_facts([r.rule for r in estimate.results]).items()
    }
    cities = {part.policy.city: city_name(part.policy, lang) for part in estimate.parts}

    def shown(value: FactValue) -> str:
        if isinstance(value, bool):
            return t("calc.label.yes" if value else "calc.label.no", lang)
        if isinstance(value, tuple):
            return t("punct.list", lang).join(choice_label(v, lang) for v in value)
        return choice_label(value, lang)  # a choice as people say it; a sum stays as typed

    def pair(name: str, value: str) -> str:
        return t("calc.label.pair", lang, name=name, value=value)

    lines = [pair(t("calc.tui.profile_name", lang), profile.name)]
    if profile.cities:
        lines.append(pair(t("calc.tui.cities", lang), shown(tuple(cities.get(c, c) for c in profile.cities))))
    lines += [pair(labels.get(name, name), shown(value)) for name, value in profile.facts.items()]
    for n, project in enumerate(profile.projects, 1):
        facts = [pair(labels.get(name, name), shown(value)) for name, value in project.facts.items()]
        lines.append(
            pair(t("calc.tui.project", lang, n=n), project.name)
            + t(
                "punct.notes",
                lang,
                notes=t("punct.list", lang).join([*(kind_label(k, lang) for k in project.kinds), *facts]),
            )
        )
    lines.append(pair(t("calc.tui.combine", lang), shown(estimate.combined)))
    lines.append(pair(t("calc.tui.include_ceilings", lang), shown(estimate.ceilings_included)))
    return lines


def total_worded(totals: Totals, yuan: Decimal, lang: str) -> str:
    return bounded(Bounded(yuan, totals.upper_bound, False), lang)


def total_rows(totals: Totals, lang: str) -> list[tuple[str, str, str]]:
    """(name, amount, what it means) for the plain, strict and lenient totals."""
    return [
        (t(name, lang), total_worded(totals, yuan, lang), t(means, lang))
        for name, yuan, means in (
            ("calc.label.total", totals.plain_yuan, "calc.label.total.plain_means"),
            ("calc.label.total_strict", totals.strict_yuan, "calc.label.total.strict_means"),
            ("calc.label.total_lenient", totals.lenient_yuan, "calc.label.total.lenient_means"),
        )
    ]


def reading_name(reading: Reading, lang: str) -> str:
    if reading.group is not None:
        return reading.group.display_name(lang)
    return t("calc.estimate.per_firm.name", lang, rule=reading.kept.rule.display_name(lang))


def reading_reason(reading: Reading, lang: str) -> str:
    """What the tool reads, in its words."""
    if reading.group is not None:
        return reading.group.display_reason(lang)
    return t("calc.estimate.per_firm.reason", lang)


def reading_alternative(reading: Reading, lang: str) -> str:
    """The other reading ("" when the text allows none)."""
    if reading.group is not None:
        return reading.group.display_alternative(lang)
    return t("calc.estimate.per_firm.alternative", lang)


def reading_lines(reading: Reading, lang: str) -> list[str]:
    kind = t("calc.label.reading.tool" if reading.interpretation else "calc.label.reading.text", lang)
    name = reading_name(reading, lang)
    lines = [
        f"{name}：{kind}" if lang == "zh" else f"{name}: {kind}",
        t("calc.label.pair", lang, name=t("calc.label.reading.basis", lang), value=f"“{reading.basis}”"),
        reading_reason(reading, lang),
    ]
    alternative = reading_alternative(reading, lang)
    if alternative:
        lines.append(
            t("calc.label.pair", lang, name=t("calc.label.reading.alternative", lang), value=alternative)
        )
    return lines


def set_aside_reason(aside: SetAside, lang: str) -> str:
    key = "calc.estimate.same_reading" if aside.reading.interpretation else "calc.estimate.same_group"
    return t(key, lang, group=reading_name(aside.reading, lang), kept=item_name(aside.kept, lang))


def near_miss_text(miss: NearMiss, lang: str) -> str:
    boundary = miss.boundary
    target = (
        condition_words(boundary, lang)
        if isinstance(boundary, Condition)
        else t("calc.estimate.tier", lang, range=tier_range(boundary), rate=boundary.rate.printed)
    )
    return t(
        "calc.estimate.near_miss",
        lang,
        rule=item_name(miss.item, lang),
        gap=format_yuan(miss.gap),
        field=miss.item.rule.spec(miss.input).display_label(lang),
        target=target,
        amount=_amount_text(miss.reached, lang),
        current=_amount_text(miss.item, lang),
    )


def _amount_text(result: CalcResult, lang: str) -> str:
    """As the result's headline says it: "最高 1500万元", never more than the text promises."""
    return headline(result, lang) if result.eligible else t("calc.estimate.not_eligible", lang)


def estimate_warnings(estimate: Estimate, lang: str) -> list[str]:
    """Every result's warnings, once each; and the cities added up when the user asked."""
    lines = list(dict.fromkeys(w for r in estimate.results for w in warnings(r, lang)))
    if estimate.combined:
        cities = tuple(dict.fromkeys(city_name(p.policy, lang) for p in estimate.parts))
        lines.append(say(Step.of("calc.estimate.combined", cities=cities), lang))
    return lines


def profile_problems(estimate: Estimate, lang: str) -> list[WordedProblem]:
    """The profile values that could not be read, each worded with the place it is in the file."""
    profile = estimate.profile
    return [
        WordedProblem(
            file=one_line(str(profile.file or profile.name)),
            line=line_of(profile.raw, p.path) if profile.raw else None,
            where=one_line(format_path(p.path)),
            message=one_line(_problem_text(p, lang)),
            expected="",
            severity="error",
        )
        for p in estimate.problems
    ]


def _problem_text(problem: ProfileProblem, lang: str) -> str:
    what = problem.what
    return error_text(what, lang) if isinstance(what, InputError) else say(what, lang)


def ceiling_line(item: CalcResult, lang: str) -> str:
    note = next(n for n in item.rule.notes if n.kind == "related-policy")
    return t(
        "calc.label.ceiling_item",
        lang,
        rule=item_name(item, lang),
        amount=headline(item, lang),
        quote=note.quote,
    )


def _pair(item: Item, text: str, lang: str) -> str:
    return t("calc.label.pair", lang, name=item_name(item, lang), value=text)
