"""A profile estimate: every rule the profile meets, three totals per policy, what was set aside, near misses.

Non-stacking (就高不重复) is a reading of the text, so the estimate gives three totals:
- the plain sum of every award the firm could receive,
- the lenient total: only what the text unambiguously excludes is set aside (groups a
  rules file marks `interpretation = false`),
- the strict total: every group, including the tool's own readings (`interpretation =
  true`, such as what a 业绩奖励类 is) and rules read as once per firm (`per-firm-reading`).
Each group carries its basis, the verbatim sentence that supports that reading.

Only the firm's own money is in the totals: awards paid to someone else (a park
operator, a district government) are listed apart, and a ceiling set by another policy
(经营贡献奖励 按照相关政策给予) only when the user includes it. Awards of different cities
are never added into one figure unless the user asks (`combine`).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from policytui.core.calc.engine import CalcResult, evaluate
from policytui.core.calc.inputs import FEN, Aliases, InputError, Value, no_aliases, parse_value
from policytui.core.calc.profile import FactValue, Profile, Project
from policytui.core.calc.rules import Condition, ProfileLink, Rule, StackingGroup, Tier, required
from policytui.core.calc.trace import Step
from policytui.core.model import Library, Policy
from policytui.core.status import PolicyStatus, policy_status
from policytui.core.toml_lines import Path as KeyPath

# How close counts as "nearly": the input is short of a threshold or tier by at most
# this share of it (9700万 is 3% short of the 1亿 tier; 5000万 is 50% short: not near).
NEAR_MISS_SHARE = Decimal("0.2")
FIRM = "firm"


@dataclass(frozen=True, slots=True)
class Reading:
    """A group of awards that do not stack under one reading of the text: only the highest counts."""

    id: str  # "wuxi-draft:performance", or "RULE_ID:per-firm" for a rule read as once per firm
    group: StackingGroup | None  # the rules file's group; None for a rule read as once per firm
    basis: str  # the verbatim sentence that supports this reading
    interpretation: bool  # the tool's reading: applied to the strict total only
    members: tuple[CalcResult, ...]
    kept: CalcResult


@dataclass(frozen=True, slots=True)
class SetAside:
    item: CalcResult
    kept: CalcResult
    reading: Reading  # the group it is set aside by
    strict_only: bool  # set aside under the strict reading only


@dataclass(frozen=True, slots=True)
class NearMiss:
    item: CalcResult  # as the profile stands
    input: str
    gap: Decimal
    reached: CalcResult  # with the gap made up
    boundary: Condition | Tier  # the threshold or the tier reached


@dataclass(frozen=True, slots=True)
class Incomplete:
    rule: Rule
    label: str  # the project's name
    missing: tuple[str, ...]  # the facts the profile lacks
    chosen: tuple[str, ...] = ()  # as in CalcResult: none, the inputs were not read


@dataclass(frozen=True, slots=True)
class Totals:
    plain_yuan: Decimal
    strict_yuan: Decimal
    lenient_yuan: Decimal
    upper_bound: bool  # some item is a ceiling (最高, 不超过): every total is "at most"
    figures: int  # how many awards with a figure the plain sum adds


@dataclass(frozen=True, slots=True)
class PolicyPart:
    """One policy's share of an estimate, with its subtotals."""

    policy: Policy
    status: PolicyStatus
    items: tuple[CalcResult, ...]
    totals: Totals


@dataclass(frozen=True, slots=True)
class ProfileProblem:
    """A profile value that could not be read: where in the profile, and what is wrong."""

    path: KeyPath
    what: Step | InputError


@dataclass(frozen=True, slots=True)
class Estimate:
    profile: Profile
    as_of: date
    items: tuple[CalcResult, ...]  # eligible results, in policy order
    parts: tuple[PolicyPart, ...]  # per policy, with subtotals
    totals: Totals | None  # None: several cities, not combined
    combined: bool  # totals add up several cities, at the user's request
    readings: tuple[Reading, ...]
    set_aside: tuple[SetAside, ...]
    others: tuple[CalcResult, ...]  # paid to someone other than the firm
    ceilings: tuple[CalcResult, ...]  # ceilings set by another policy
    ceilings_included: bool
    near_misses: tuple[NearMiss, ...]
    not_met: tuple[CalcResult, ...]
    incomplete: tuple[Incomplete, ...]
    not_counted: tuple[CalcResult, ...]  # eligible, but no figure or nothing promised
    cautions: tuple[Step, ...]  # where the text can be read two ways and the totals cannot show it
    notes: tuple[Step, ...]
    results: tuple[CalcResult, ...]  # every rule evaluated, in order: their warnings are the estimate's
    problems: tuple[ProfileProblem, ...]  # profile values that could not be read

    def set_aside_of(self, item: CalcResult) -> SetAside | None:
        return next((s for s in self.set_aside if s.item is item), None)

    def standing(self, item: CalcResult) -> str:
        """How an item enters the totals: counted, set-aside, strict-set-aside, not-counted, other-recipient, ceiling."""
        if any(r is item for r in self.others):
            return "other-recipient"
        if any(r is item for r in self.ceilings) and not self.ceilings_included:
            return "ceiling"
        if any(r is item for r in self.not_counted):
            return "not-counted"
        aside = self.set_aside_of(item)
        if aside is not None:
            return "strict-set-aside" if aside.strict_only else "set-aside"
        return "counted"


def estimate(
    library: Library,
    profile: Profile,
    as_of: date,
    *,
    combine: bool = False,
    include_ceilings: bool = False,
    aliases: Aliases = no_aliases,
) -> Estimate:
    """`aliases`: the other words a choice may be written as in the profile (its labels)."""
    problems: list[ProfileProblem] = []
    cities = _covered_cities(library, profile, problems)
    covered = [
        r
        for r in library.rules.values()
        if not profile.cities or library.policies[r.policy_id].city in cities
    ]
    rules = [r for r in covered if r.profile is not None]
    results, incomplete, projects = _evaluate(library, rules, profile, as_of, aliases, problems)
    items = [r for r in results if r.eligible]
    firms = [r for r in items if r.rule.recipient == FIRM]
    ceilings = [r for r in firms if _is_ceiling(r)]
    counted = [r for r in firms if _counted(r) and (include_ceilings or not _is_ceiling(r))]
    readings, set_aside = _apply_readings(counted, projects)
    strict_out = {id(s.item) for s in set_aside}
    lenient_out = {id(s.item) for s in set_aside if not s.strict_only}
    parts = tuple(
        PolicyPart(
            policy,
            policy_status(policy, as_of),
            tuple(r for r in items if r.rule.policy_id == policy.id),
            _totals([r for r in counted if r.rule.policy_id == policy.id], strict_out, lenient_out),
        )
        for policy in library.policies.values()
        if any(r.rule.policy_id == policy.id for r in results)
    )
    several_cities = len({p.policy.city for p in parts}) > 1
    return Estimate(
        profile=profile,
        as_of=as_of,
        items=tuple(r for p in parts for r in p.items),
        parts=parts,
        totals=_totals(counted, strict_out, lenient_out) if combine or not several_cities else None,
        combined=combine and several_cities,
        readings=tuple(readings),
        set_aside=tuple(set_aside),
        others=tuple(r for r in items if r.rule.recipient != FIRM),
        ceilings=tuple(ceilings),
        ceilings_included=include_ceilings,
        near_misses=tuple(m for r in results if (m := near_miss(library, r)) is not None),
        not_met=tuple(r for r in results if not r.eligible),
        incomplete=tuple(incomplete),
        not_counted=tuple(r for r in firms if not _counted(r)),
        cautions=tuple(_cautions(results, counted, projects)),
        notes=tuple(_notes(counted, items, [r for r in covered if r.profile is None], library)),
        results=tuple(results),
        problems=tuple(problems),
    )


def _covered_cities(library: Library, profile: Profile, problems: list[ProfileProblem]) -> set[str]:
    """The profile's cities, by their Chinese names; one naming no loaded policy's city is a problem."""
    known = _cities(library)
    for city in profile.cities:
        if city not in known:
            loaded = tuple(dict.fromkeys(known.values()))
            _report(
                problems,
                ("profile", "cities"),
                Step.of("calc.estimate.unknown_city", city=city, cities=loaded),
            )
    return {known[c] for c in profile.cities if c in known}


def _evaluate(
    library: Library,
    rules: list[Rule],
    profile: Profile,
    as_of: date,
    aliases: Aliases,
    problems: list[ProfileProblem],
) -> tuple[list[CalcResult], list[Incomplete], dict[int, Project]]:
    """Every rule the profile points at, evaluated on its facts (once per project, once per choice)."""
    results: list[CalcResult] = []
    incomplete: list[Incomplete] = []
    projects: dict[int, Project] = {}
    for rule in rules:
        link = required(rule.profile, "profile link")
        for project, facts in _subjects(link, profile):
            if not all(_fact_matches(facts.get(name), wanted) for name, wanted in link.when):
                continue
            needed = [link.fact_for(i.name) for i in rule.inputs]
            missing = tuple(fact for fact in needed if fact not in facts)
            if missing and (link.when or len(missing) < len(needed)):
                # the profile points at the rule but lacks a fact it needs
                incomplete.append(Incomplete(rule, project.name if project else "", missing))
            if missing:
                continue
            for values, chosen in _input_sets(rule, link, facts, project, profile, problems, aliases):
                result = evaluate(rule, values, library, as_of, project.name if project else "", chosen)
                results.append(result)
                if project is not None:
                    projects[id(result)] = project
    return results, incomplete, projects


def _cities(library: Library) -> dict[str, str]:
    """Every name a profile may give a loaded policy's city (Chinese or English) -> the Chinese name."""
    names: dict[str, str] = {}
    for policy in library.policies.values():
        names[policy.city] = policy.city
        names.setdefault(policy.city_en, policy.city)
    return names


def _totals(counted: list[CalcResult], strict_out: set[int], lenient_out: set[int]) -> Totals:
    def total(out: set[int]) -> Decimal:
        return sum((_amount(r) for r in counted if id(r) not in out), Decimal(0))

    return Totals(
        total(set()), total(strict_out), total(lenient_out), any(r.upper_bound for r in counted), len(counted)
    )


def _counted(result: CalcResult) -> bool:
    """In the totals: a figure, and a promise (an encouraged clause promises nothing)."""
    return result.amount_yuan is not None and not result.rule.has_note("encouraged")


def _subjects(link: ProfileLink, profile: Profile) -> Iterator[tuple[Project | None, dict[str, FactValue]]]:
    """The firm, or each project of the rule's kind (its own facts over the firm's)."""
    if link.project is None:
        yield None, profile.facts
        return
    for project in profile.projects:
        if link.project in project.kinds:
            yield project, {**profile.facts, **project.facts}


def _fact_matches(value: FactValue | None, wanted: bool | str) -> bool:
    if isinstance(value, tuple):
        return wanted in value
    return value == wanted


def _input_sets(
    rule: Rule,
    link: ProfileLink,
    facts: dict[str, FactValue],
    project: Project | None,
    profile: Profile,
    problems: list[ProfileProblem],
    aliases: Aliases,
) -> Iterator[tuple[dict[str, Value], tuple[str, ...]]]:
    """Read the rule's inputs from the facts; a list of choices gives one set per choice,
    with the choices that tell it from the others."""
    options: list[list[tuple[str, Value, str]]] = []
    for spec in rule.inputs:
        fact = link.fact_for(spec.name)
        given = facts[fact]
        raw_values = given if isinstance(given, tuple) and spec.type == "choice" else (given,)
        read = []
        for raw in raw_values:
            try:
                if not isinstance(raw, str):  # true/false or a list where a value is needed
                    raise InputError(spec.name, "profile_value", {"fact": fact, "input": spec})
                value = parse_value(spec, raw, aliases)
            except InputError as error:
                _report(problems, profile.path_of(fact, project), error)
                return
            chosen = value if spec.type == "choice" and len(raw_values) > 1 and isinstance(value, str) else ""
            read.append((spec.name, value, chosen))
        options.append(read)
    for combination in itertools.product(*options):
        yield (
            {name: value for name, value, _ in combination},
            tuple(chosen for _, _, chosen in combination if chosen),
        )


def _report(problems: list[ProfileProblem], path: KeyPath, what: Step | InputError) -> None:
    if all(p.path != path for p in problems):  # one fact can feed several rules
        problems.append(ProfileProblem(path, what))


def _is_ceiling(result: CalcResult) -> bool:
    """A figure another policy sets (按照相关政策给予……最高2000万元): a ceiling the profile cannot check."""
    return result.amount_yuan is not None and result.rule.has_note("related-policy")


@dataclass(slots=True)
class _Group:
    id: str
    group: StackingGroup | None
    basis: str
    interpretation: bool
    members: list[CalcResult]


def _groups(counted: list[CalcResult], projects: dict[int, Project]) -> list[_Group]:
    """The rules files' groups, and each rule read as once per firm; the text's own exclusions first."""
    groups: dict[str, _Group] = {}
    for result in counted:
        group = result.rule.stacking
        if group is not None:
            groups.setdefault(
                group.id, _Group(group.id, group, group.quote, group.interpretation, [])
            ).members.append(result)
        note = next((n for n in result.rule.notes if n.kind == "per-firm-reading"), None)
        if note is not None:
            project = projects.get(id(result))
            key = f"{result.rule.id}:per-firm" + (f":{project.name}" if project else "")
            groups.setdefault(key, _Group(key, None, note.quote, True, [])).members.append(result)
    # the text's plain exclusions apply to both totals, so they go first; then the narrowest readings
    return sorted(groups.values(), key=lambda g: (g.interpretation, ":per-firm" not in g.id))


def _apply_readings(
    counted: list[CalcResult], projects: dict[int, Project]
) -> tuple[list[Reading], list[SetAside]]:
    readings: list[Reading] = []
    aside: list[SetAside] = []
    out: set[int] = set()
    for group in _groups(counted, projects):
        members = [m for m in group.members if id(m) not in out]
        if len(members) < 2:
            continue
        kept = max(members, key=_amount)  # the first of equals stays
        reading = Reading(group.id, group.group, group.basis, group.interpretation, tuple(members), kept)
        readings.append(reading)
        for member in members:
            if member is not kept:
                out.add(id(member))
                aside.append(SetAside(member, kept, reading, group.interpretation))
    return readings, aside


def _amount(result: CalcResult) -> Decimal:
    return result.amount_yuan or Decimal(0)  # only counted results, which have a figure, are grouped


def near_miss(library: Library, result: CalcResult) -> NearMiss | None:
    """The nearest threshold or tier above a money input, if close and worth more when reached."""
    rule = result.rule
    best: NearMiss | None = None
    for spec in rule.inputs:
        if spec.type != "money":
            continue
        current = result.values[spec.name]
        if not isinstance(current, Decimal):
            continue
        for boundary, target in _boundaries(rule, spec.name):
            gap = boundary - current
            if gap <= 0 or gap > NEAR_MISS_SHARE * boundary or (best and gap >= best.gap):
                continue
            reached = evaluate(
                rule,
                {**result.values, spec.name: boundary},
                library,
                result.as_of,
                result.label,
                result.chosen,
            )
            if not reached.eligible or not _worth_more(result, reached):
                continue
            best = NearMiss(result, spec.name, gap, reached, target)
    return best


def _boundaries(rule: Rule, name: str) -> Iterator[tuple[Decimal, Condition | Tier]]:
    """(the least value reaching it, the threshold or tier) for each threshold and tier start on input `name`."""
    for condition in rule.conditions:
        if condition.input == name and condition.is_lower_bound:
            least = condition.value if condition.op == ">=" else condition.value + FEN
            yield least, condition
    if rule.base == name:
        for tier in rule.tiers:
            least = tier.lower.yuan if tier.lower.inclusive else tier.lower.yuan + FEN
            yield least, tier


def _worth_more(before: CalcResult, after: CalcResult) -> bool:
    if not before.eligible:
        return True
    return (
        after.amount_yuan is not None
        and before.amount_yuan is not None
        and after.amount_yuan > before.amount_yuan
    )


def _cautions(
    results: list[CalcResult], counted: list[CalcResult], projects: dict[int, Project]
) -> Iterator[Step]:
    """What the text leaves open that no total can show: two readings of a condition, one project twice."""
    for result in results:
        for note in result.rule.notes:
            if note.kind == "registered-within" and note.applies(result.values):
                key = (
                    "calc.estimate.two_readings.met"
                    if result.eligible
                    else "calc.estimate.two_readings.not_met"
                )
                yield Step.of(key, rule=result, quote=note.quote)
    by_project: dict[str, list[CalcResult]] = {}
    for result in counted:
        if id(result) in projects:
            by_project.setdefault(projects[id(result)].name, []).append(result)
    for project, members in by_project.items():
        if len(members) > 1:
            yield Step.of("calc.estimate.same_project", project=project, rules=tuple(r.rule for r in members))


def _notes(
    counted: list[CalcResult], items: list[CalcResult], unlinked: list[Rule], library: Library
) -> Iterator[Step]:
    if any(r.rule.period == "per-year" for r in counted):
        yield Step.of("calc.estimate.per_year")
    unspecified = sum(1 for r in items if r.amount_yuan is None)
    if unspecified:
        yield Step.of("calc.estimate.unspecified", n=unspecified)
    encouraged = tuple(r for r in items if r.amount_yuan is not None and r.rule.has_note("encouraged"))
    if encouraged:
        yield Step.of("calc.estimate.encouraged", names=encouraged)
    if any(r.upper_bound for r in counted):
        yield Step.of("calc.estimate.upper_bound")
    # an imported city's draft rules, or rules no firm's facts can meet (a park's): said per policy
    for policy_id, count in Counter(r.policy_id for r in unlinked).items():
        yield Step.of("calc.estimate.unlinked", n=count, policy=library.policies[policy_id])
