"""A profile estimate: every rule the profile meets, both totals, what was set aside, near misses.

Non-stacking (就高不重复) works on groups of results, keeping the highest amount:
- the groups a rules file defines (`stacking`), each with its reason and the
  sentence it rests on, and
- the results computed on one project of the profile: one project is not funded
  twice under different clauses, which the policies' overlap sentences rule out.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from policytui.core.calc.engine import CalcResult, evaluate
from policytui.core.calc.inputs import FEN, InputError, accepted_forms, choice_label, parse_value
from policytui.core.calc.profile import FactValue, Profile, Project
from policytui.core.calc.rules import Rule
from policytui.core.calc.wording import condition_words, format_yuan, tier_range
from policytui.core.model import Library, Problem
from policytui.core.toml_lines import format_path, line_of
from policytui.i18n import t

# How close counts as "nearly": the input is short of a threshold or tier by at most
# this share of it (9700万 is 3% short of the 1亿 tier; 5000万 is 50% short: not near).
NEAR_MISS_SHARE = Decimal("0.2")


@dataclass(frozen=True, slots=True)
class SetAside:
    item: CalcResult
    kept: CalcResult
    group: str  # a group id, or "project:NAME"
    reason: str


@dataclass(frozen=True, slots=True)
class NearMiss:
    item: CalcResult  # as the profile stands
    input: str
    gap: Decimal
    reached: CalcResult  # with the gap made up
    message: str


@dataclass(frozen=True, slots=True)
class Incomplete:
    rule: Rule
    label: str
    missing: tuple[str, ...]  # the facts the profile lacks


@dataclass(frozen=True, slots=True)
class Estimate:
    profile: Profile
    as_of: date
    items: tuple[CalcResult, ...]  # eligible results
    set_aside: tuple[SetAside, ...]
    near_misses: tuple[NearMiss, ...]
    not_met: tuple[CalcResult, ...]
    incomplete: tuple[Incomplete, ...]
    not_counted: tuple[CalcResult, ...]  # eligible, but no figure or nothing promised
    total_yuan: Decimal
    total_non_stacking_yuan: Decimal
    upper_bound: bool
    notes: tuple[str, ...]
    warnings: tuple[str, ...]
    problems: tuple[Problem, ...]  # profile values that could not be read

    def is_set_aside(self, item: CalcResult) -> bool:
        return any(s.item is item for s in self.set_aside)

    def standing(self, item: CalcResult) -> str:
        """How an item enters the totals: "counted", "set-aside" or "not-counted"."""
        if self.is_set_aside(item):
            return "set-aside"
        return "not-counted" if any(r is item for r in self.not_counted) else "counted"


def estimate(library: Library, profile: Profile, as_of: date, lang: str = "zh") -> Estimate:
    cities = set(profile.cities)
    rules = [r for r in library.rules.values() if r.profile is not None
             and (not cities or library.policies[r.policy_id].city in cities)]
    results: list[CalcResult] = []
    incomplete: list[Incomplete] = []
    problems: list[Problem] = []
    projects: dict[int, Project] = {}
    for rule in rules:
        for project, facts in _subjects(rule, profile):
            if not all(_fact_matches(facts.get(name), wanted) for name, wanted in rule.profile.when):
                continue
            needed = [rule.profile.fact_for(i.name) for i in rule.inputs]
            missing = tuple(fact for fact in needed if fact not in facts)
            if missing and (rule.profile.when or len(missing) < len(needed)):
                # the profile points at the rule but lacks a fact it needs
                incomplete.append(Incomplete(rule, project.name if project else "", missing))
            if missing:
                continue
            for values, label in _input_sets(rule, facts, project, profile, problems, lang):
                result = evaluate(rule, values, library, as_of, lang, label)
                results.append(result)
                if project is not None:
                    projects[id(result)] = project
    items = [r for r in results if r.eligible]
    counted = [r for r in items if _counted(r)]
    set_aside = _set_aside(counted, projects, lang)
    aside = {id(s.item) for s in set_aside}
    warnings = list(dict.fromkeys(w for r in results for w in r.warnings))
    return Estimate(
        profile=profile,
        as_of=as_of,
        items=tuple(items),
        set_aside=tuple(set_aside),
        near_misses=tuple(m for r in results if (m := near_miss(library, r, lang)) is not None),
        not_met=tuple(r for r in results if not r.eligible),
        incomplete=tuple(incomplete),
        not_counted=tuple(r for r in items if not _counted(r)),
        total_yuan=sum((r.amount_yuan for r in counted), Decimal(0)),
        total_non_stacking_yuan=sum((r.amount_yuan for r in counted if id(r) not in aside), Decimal(0)),
        upper_bound=any(r.upper_bound for r in counted),
        notes=tuple(_notes(items, lang)),
        warnings=tuple(warnings),
        problems=tuple(problems),
    )


def _counted(result: CalcResult) -> bool:
    """In the totals: a figure, and a promise (an encouraged clause promises nothing)."""
    return result.amount_yuan is not None and not result.rule.has_note("encouraged")


def _subjects(rule: Rule, profile: Profile) -> Iterator[tuple[Project | None, dict[str, FactValue]]]:
    """The firm, or each project of the rule's kind (its own facts over the firm's)."""
    if rule.profile.project is None:
        yield None, profile.facts
        return
    for project in profile.projects:
        if rule.profile.project in project.kinds:
            yield project, {**profile.facts, **project.facts}


def _fact_matches(value: FactValue | None, wanted: bool | str) -> bool:
    if isinstance(value, tuple):
        return wanted in value
    return value == wanted


def _input_sets(rule: Rule, facts: dict[str, FactValue], project: Project | None, profile: Profile,
                problems: list[Problem], lang: str) -> Iterator[tuple[dict, str]]:
    """Read the rule's inputs from the facts; a list of choices gives one set per choice."""
    options: list[list[tuple[str, object, str]]] = []
    for spec in rule.inputs:
        fact = rule.profile.fact_for(spec.name)
        given = facts[fact]
        raw_values = given if isinstance(given, tuple) and spec.type == "choice" else (given,)
        read = []
        for raw in raw_values:
            try:
                if not isinstance(raw, str):  # true/false or a list where a value is needed
                    raise InputError(spec.name, t("calc.error.profile_value", lang, fact=fact,
                                                  forms=accepted_forms(spec, lang)))
                value = parse_value(spec, raw, lang)
            except InputError as error:
                _report(problems, profile, fact, project, str(error))
                return
            read.append((spec.name, value, choice_label(value, lang) if spec.type == "choice" and len(raw_values) > 1 else ""))
        options.append(read)
    for combination in itertools.product(*options):
        labels = [project.name] if project else []
        labels += [label for _, _, label in combination if label]
        yield {name: value for name, value, _ in combination}, " · ".join(labels)


def _report(problems: list[Problem], profile: Profile, fact: str, project: Project | None, message: str) -> None:
    path = profile.path_of(fact, project)
    problem = Problem(str(profile.file or profile.name), message, where=format_path(path),
                      line=line_of(profile.raw, path) if profile.raw else None)
    if problem not in problems:  # one fact can feed several rules
        problems.append(problem)


def _set_aside(counted: list[CalcResult], projects: dict[int, Project], lang: str) -> list[SetAside]:
    groups: dict[str, list[CalcResult]] = {}
    for result in counted:
        if result.rule.stacking is not None:
            groups.setdefault(result.rule.stacking.id, []).append(result)
        if id(result) in projects:
            groups.setdefault(f"project:{projects[id(result)].name}", []).append(result)
    aside: list[SetAside] = []
    out: set[int] = set()
    for group_id, members in groups.items():
        members = [m for m in members if id(m) not in out]
        if len(members) < 2:
            continue
        kept = max(members, key=lambda r: r.amount_yuan)  # the first of equals stays
        for member in members:
            if member is not kept:
                out.add(id(member))
                aside.append(SetAside(member, kept, group_id, _reason(group_id, member, kept, lang)))
    return aside


def _reason(group_id: str, item: CalcResult, kept: CalcResult, lang: str) -> str:
    kept_name = _title(kept, lang)
    if group_id.startswith("project:"):
        return t("calc.estimate.same_project", lang, project=group_id.removeprefix("project:"), kept=kept_name)
    group = item.rule.stacking
    return t("calc.estimate.same_group", lang, group=group.display_name(lang), reason=group.display_reason(lang),
             kept=kept_name, quote=group.quote)


def _title(result: CalcResult, lang: str) -> str:
    name = result.rule.display_name(lang)
    return f"{name}（{result.label}）" if result.label else name


def near_miss(library: Library, result: CalcResult, lang: str = "zh") -> NearMiss | None:
    """The nearest threshold or tier above a money input, if close and worth more when reached."""
    rule = result.rule
    best: NearMiss | None = None
    for spec in rule.inputs:
        if spec.type != "money":
            continue
        current = result.values[spec.name]
        for boundary, target in _boundaries(rule, spec.name, lang):
            gap = boundary - current
            if gap <= 0 or gap > NEAR_MISS_SHARE * boundary or (best and gap >= best.gap):
                continue
            reached = evaluate(rule, {**result.values, spec.name: boundary}, library, result.as_of, lang, result.label)
            if not reached.eligible or not _worth_more(result, reached):
                continue
            message = t("calc.estimate.near_miss", lang, rule=_title(result, lang), gap=format_yuan(gap),
                        field=spec.display_label(lang), target=target,
                        amount=_amount_text(reached, lang), current=_amount_text(result, lang))
            best = NearMiss(result, spec.name, gap, reached, message)
    return best


def _boundaries(rule: Rule, name: str, lang: str) -> Iterator[tuple[Decimal, str]]:
    """(the least value reaching it, how to say it) for each threshold and tier start on input `name`."""
    for condition in rule.conditions:
        if condition.input == name and condition.is_lower_bound:
            least = condition.value if condition.op == ">=" else condition.value + FEN
            yield least, condition_words(condition, lang)
    if rule.base == name:
        for tier in rule.tiers:
            least = tier.lower.yuan if tier.lower.inclusive else tier.lower.yuan + FEN
            yield least, t("calc.estimate.tier", lang, range=tier_range(tier), rate=tier.rate.printed)


def _worth_more(before: CalcResult, after: CalcResult) -> bool:
    if not before.eligible:
        return True
    return after.amount_yuan is not None and before.amount_yuan is not None and after.amount_yuan > before.amount_yuan


def _amount_text(result: CalcResult, lang: str) -> str:
    if not result.eligible:
        return t("calc.estimate.not_eligible", lang)
    if result.amount_yuan is None:
        return t("amount.unspecified", lang)
    return format_yuan(result.amount_yuan)


def _notes(items: list[CalcResult], lang: str) -> Iterator[str]:
    if any(r.rule.period == "per-year" for r in items if _counted(r)):
        yield t("calc.estimate.per_year", lang)
    unspecified = sum(1 for r in items if r.amount_yuan is None)
    if unspecified:
        yield t("calc.estimate.unspecified", lang, n=unspecified)
    encouraged = [r for r in items if r.amount_yuan is not None and not _counted(r)]
    if encouraged:
        yield t("calc.estimate.encouraged", lang, names="、".join(_title(r, lang) for r in encouraged))
    if any(r.upper_bound for r in items if _counted(r)):
        yield t("calc.estimate.upper_bound", lang)

