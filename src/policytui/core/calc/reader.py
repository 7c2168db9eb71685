"""Read a rules file ([[rules]], docs/data-format.md) into Rule records, checking it against the policy.

Problems carry file, line and key path like the policy reader's. A rule must cite a
clause of a loaded policy, quote it verbatim, and use only figures that the policy
file records for that clause; bounds must agree with the words of the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from policytui.core.calc.kinds import KIND_KEYS, KINDS
from policytui.core.calc.kinds.base import ReadContext
from policytui.core.calc.kinds.figures import Figures
from policytui.core.calc.rules import (
    INPUT_TYPES,
    NOTE_KINDS,
    OPERATORS,
    RECIPIENTS,
    RULE_KINDS,
    Condition,
    Fact,
    FactType,
    GoldenCase,
    InputType,
    Note,
    NoteKind,
    Operator,
    ProfileLink,
    Recipient,
    Rule,
    RuleInput,
    RuleKind,
    StackingGroup,
)
from policytui.core.closest import closest
from policytui.core.fidelity import normalize
from policytui.core.loader import ParsedFile
from policytui.core.model import Clause, Library, Policy
from policytui.core.sanitize import shorten
from policytui.core.schema import ID_PATTERN, PERIODS, SCHEMA_VERSION, DocumentReader
from policytui.core.toml_lines import Path as KeyPath
from policytui.core.toml_lines import format_path, line_of

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
YEARS_UNIT = "年"
UNSPECIFIED = "unspecified"

COMMON_KEYS = {
    "id",
    "clause",
    "name",
    "name_en",
    "kind",
    "text",
    "applies_to",
    "recipient",
    "period",
    "years",
    "conditions",
    "inputs",
    "notes",
    "stacking",
    "profile",
    "cases",
}
RULE_KEYS = COMMON_KEYS | KIND_KEYS
GROUP_KEYS = {
    "id",
    "name",
    "name_en",
    "reason",
    "reason_en",
    "quote",
    "interpretation",
    "alternative",
    "alternative_en",
}
INPUT_KEYS = {"name", "type", "label", "label_en", "choices"}
FACT_KEYS = {"name", "type", "label", "label_en", "choices"}
CONDITION_KEYS = {"input", "op", "value", "unit", "quote"}
PROFILE_KEYS = {"when", "inputs", "project"}
CASE_KEYS = {"about", "inputs", "eligible", "amount_yuan"}

# The words that set a bound, and whether it includes the figure. By 《民法典》第一千二百五十九条
# 以上、以下、以内 include the figure and 超过、不满 exclude it. Longer words first, so that
# 不超过 is not read as 超过.
BOUND_WORDS = (
    ("不低于", ">="),
    ("不少于", ">="),
    ("不超过", "<="),
    ("及以上", ">="),
    ("以上", ">="),
    ("以下", "<="),
    ("以内", "<="),
    ("超过", ">"),
    ("不满", "<"),
    ("低于", "<"),
    ("内", "<="),
)


def read_rules(
    doc: dict[str, Any],
    reader: DocumentReader,
    policies: Mapping[str, Policy],
    known_facts: Mapping[str, Fact] = MappingProxyType({}),
    policy_files: Mapping[str, Path] = MappingProxyType({}),
) -> list[Rule]:
    """The rules in `doc` that are free of errors; the problems are in reader.problems.

    `known_facts` are the facts other rules files declared, to find a clash; `policy_files`
    the policy files read, by the id they declare, to name the one a rules file needs.
    """
    version = doc.get("schema", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        reader.problem(
            ("schema",), "schema.unsupported", version=shorten(str(version)), supported=SCHEMA_VERSION
        )
        return []
    # not "policy": a top-level [policy] marks a policy file
    policy_id = reader.string(doc, "policy_id", (), required=True, expected="loaded_policy_id")
    policy = policies.get(policy_id)
    if policy is None:
        if policy_id:
            _policy_missing(policy_id, reader, policies, policy_files)
        return []
    groups = _read_groups(doc, reader, policy)
    facts = _read_facts(doc, reader, known_facts)
    rules: list[Rule] = []
    seen: set[str] = set()
    for path, entry in reader.tables(doc, "rules", (), RULE_KEYS, required=True, missing="rules.none"):
        errors_before = _error_count(reader)
        rule = _read_rule(entry, path, reader, policy, groups, facts)
        if rule is not None and rule.local_id in seen:
            reader.problem(path + ("id",), "rule.duplicate", id=rule.local_id)
        if rule is not None and _error_count(reader) == errors_before:
            seen.add(rule.local_id)
            rules.append(rule)
    return rules


def add_rules(library: Library, parsed_file: ParsedFile) -> None:
    """The loader's reader of a rules file (core/file_kinds.py): its rules, checked against the
    policies and facts loaded before it."""
    reader = DocumentReader(parsed_file.path, parsed_file.raw)
    again = []
    known_facts = {fact.name: fact for rule in library.rules.values() for fact in rule.facts}
    for rule in read_rules(parsed_file.doc, reader, library.policies, known_facts, library.skipped_policies):
        if rule.id in library.rules:
            again.append(rule.id)
        else:
            library.rules[rule.id] = rule
    if again:  # one line, however many: a copy of a whole rules file is the usual cause
        reader.problem(("rules",), "rules.again", severity="warning", count=len(again), rules=tuple(again))
    library.problems += reader.problems


def _policy_missing(
    policy_id: str, reader: DocumentReader, policies: Mapping[str, Policy], policy_files: Mapping[str, Path]
) -> None:
    """One message naming the policy file the rules need: skipped for its errors, or not given."""
    if policy_id in policy_files:
        reader.problem(("policy_id",), "rules.policy_skipped", file=str(policy_files[policy_id]))
        return
    near = closest(policy_id, list(policies), limit=1)
    reader.problem(
        ("policy_id",),
        "rules.policy_unknown",
        "policy_file_or_near" if near else "policy_file",
        policy=policy_id,
        near=near[0] if near else "",
    )


def _error_count(reader: DocumentReader) -> int:
    return sum(1 for p in reader.problems if p.severity == "error")


def _read_groups(doc: dict[str, Any], reader: DocumentReader, policy: Policy) -> dict[str, StackingGroup]:
    all_text = normalize(policy.non_stacking + "".join(c.text for c in policy.clauses))
    groups = {}
    for path, entry in reader.tables(doc, "groups", (), GROUP_KEYS):
        group_id = reader.string(entry, "id", path, required=True, pattern=ID_PATTERN, expected="id")
        quote = reader.string(entry, "quote", path, required=True, expected="non_stacking_quote")
        if quote and normalize(quote) not in all_text:
            reader.problem(path + ("quote",), "quote.not_in_policy")
        if group_id:
            groups[group_id] = StackingGroup(
                id=f"{policy.id}:{group_id}",
                name=reader.string(entry, "name", path, required=True, expected="group_name"),
                name_en=reader.string(entry, "name_en", path),
                reason=reader.string(entry, "reason", path, required=True, expected="group_reason"),
                reason_en=reader.string(entry, "reason_en", path),
                quote=quote,
                interpretation=_read_flag(entry, "interpretation", path, reader),
                alternative=reader.string(entry, "alternative", path),
                alternative_en=reader.string(entry, "alternative_en", path),
            )
    return groups


def _read_facts(doc: dict[str, Any], reader: DocumentReader, known: Mapping[str, Fact]) -> dict[str, Fact]:
    """The [[facts]] the file declares; one declared again with another type is an error naming both files."""
    facts: dict[str, Fact] = {}
    for path, item in reader.tables(doc, "facts", (), FACT_KEYS):
        name = reader.string(
            item,
            "name",
            path,
            required=True,
            pattern=NAME_PATTERN,
            expected="name",
        )
        kind = reader.choice(item, "type", path, tuple(FactType), required=True)
        label = reader.string(item, "label", path, required=True, expected="fact_label")
        label_en = reader.string(item, "label_en", path, required=True, expected="fact_label_en")
        choices = reader.string_list(item, "choices", path, "choice_values")
        if kind == FactType.CHOICE and not choices:
            reader.problem(path + ("choices",), "choices.none")
        if not name or kind is None:
            continue
        fact = Fact(name, FactType(kind), label, label_en, choices, reader.file)
        if name in facts:
            reader.problem(path + ("name",), "fact.twice", name=name)
            continue
        other = known.get(name)
        if other is not None and other.type != fact.type:
            reader.problem(
                path + ("type",),
                "fact.type_clash",
                name=name,
                type=str(fact.type),
                other_type=str(other.type),
                other_file=str(other.file),
            )
        facts[name] = fact  # even on a clash: the file's rules are checked against its own meaning
    return facts


def _read_rule(
    entry: dict[str, Any],
    path: KeyPath,
    reader: DocumentReader,
    policy: Policy,
    groups: dict[str, StackingGroup],
    facts: dict[str, Fact],
) -> Rule | None:
    local_id = reader.string(
        entry,
        "id",
        path,
        required=True,
        pattern=ID_PATTERN,
        expected="rule_id",
    )
    clause_id = reader.string(entry, "clause", path, required=True, expected="local_clause_id")
    clause = policy.clause(clause_id) if clause_id else None
    if clause_id and clause is None:
        hint = closest(clause_id, [c.local_id for c in policy.clauses])
        reader.problem(
            path + ("clause",),
            "rule.clause_unknown",
            "clause_id_like" if hint else "a_clause_id",
            clause=clause_id,
            policy=policy.id,
            hint=tuple(hint),
        )
    text = reader.string(entry, "text", path, required=True, expected="rule_text")
    if clause is not None and text and normalize(text) not in normalize(clause.text):
        reader.problem(path + ("text",), "rule.text_not_in_clause", clause=clause.id)
    applies_to = reader.string(entry, "applies_to", path)
    if clause is not None and applies_to and normalize(applies_to) not in normalize(clause.text):
        reader.problem(path + ("applies_to",), "rule.applies_to_not_in_clause", clause=clause.id)
    kind_name = reader.choice(entry, "kind", path, RULE_KINDS, required=True)
    inputs = _read_inputs(entry, path, reader)
    if not local_id or clause is None or kind_name is None:
        return None
    kind = KINDS[RuleKind(kind_name)]
    for key in sorted((KIND_KEYS - kind.keys) & entry.keys()):
        reader.problem(path + (key,), "rule.key_of_other_kind", kind=str(kind.kind), key=key)
    figures = Figures(reader, clause, text)
    fields = kind.read(entry, ReadContext(reader, figures, inputs, path))
    conditions = _read_conditions(entry, path, reader, figures, inputs)
    period, years = _read_period(entry, path, reader, fields)
    profile = _read_profile(entry, path, reader, inputs)
    return Rule(
        policy_id=policy.id,
        local_id=local_id,
        clause=clause.local_id,
        name=reader.string(entry, "name", path, required=True, expected="award_name"),
        name_en=reader.string(entry, "name_en", path),
        kind=kind.kind,
        text=text,
        file=reader.file,
        applies_to=applies_to,
        recipient=Recipient(reader.choice(entry, "recipient", path, RECIPIENTS, default="firm") or "firm"),
        period=period,
        years=years,
        conditions=conditions,
        inputs=inputs,
        notes=_read_notes(entry, path, reader, clause),
        stacking=_read_stacking(entry, path, reader, groups),
        profile=profile,
        facts=_facts_used(profile, inputs, facts, path, reader),
        cases=_read_cases(entry, path, reader, inputs),
        **fields,
    )


def _read_inputs(entry: dict[str, Any], path: KeyPath, reader: DocumentReader) -> tuple[RuleInput, ...]:
    inputs: list[RuleInput] = []
    for ipath, item in reader.tables(entry, "inputs", path, INPUT_KEYS):
        name = reader.string(
            item,
            "name",
            ipath,
            required=True,
            pattern=NAME_PATTERN,
            expected="name",
        )
        kind = reader.choice(item, "type", ipath, INPUT_TYPES, required=True)
        choices = reader.string_list(item, "choices", ipath, "choice_values")
        if kind == InputType.CHOICE and not choices:
            reader.problem(ipath + ("choices",), "choices.none")
        if name in {i.name for i in inputs}:
            reader.problem(ipath + ("name",), "input.duplicate", name=name)
        label = reader.string(item, "label", ipath, required=True, expected="input_label")
        if name and kind:
            inputs.append(
                RuleInput(name, InputType(kind), label, reader.string(item, "label_en", ipath), choices)
            )
    return tuple(inputs)


def _read_conditions(
    entry: dict[str, Any],
    path: KeyPath,
    reader: DocumentReader,
    figures: Figures,
    inputs: tuple[RuleInput, ...],
) -> tuple[Condition, ...]:
    by_name = {i.name: i for i in inputs}
    conditions = []
    for cpath, item in reader.tables(entry, "conditions", path, CONDITION_KEYS):
        name = reader.string(item, "input", cpath, required=True, expected="input_name")
        target = by_name.get(name)
        if name and (target is None or target.type == "choice"):
            reader.problem(cpath + ("input",), "condition.input_not_number", name=name)
            continue
        op = reader.choice(item, "op", cpath, OPERATORS, required=True)
        quote = reader.string(item, "quote", cpath, required=True, expected="condition_quote")
        if quote and normalize(quote) not in normalize(figures.clause.text):
            reader.problem(cpath + ("quote",), "quote.not_in_text_of", clause=figures.clause.id)
        word = next(((w, o) for w, o in BOUND_WORDS if w in quote), None)
        if word and op and word[1] != op:
            reader.problem(cpath + ("op",), "condition.op_disagrees", op=op, word=word[0], agrees=word[1])
        value, printed = _condition_value(item, cpath, reader, figures, target)
        if target and op and value is not None:
            conditions.append(Condition(name, Operator(op), value, printed, quote))
    return tuple(conditions)


def _condition_value(
    item: dict[str, Any], path: KeyPath, reader: DocumentReader, figures: Figures, target: RuleInput | None
) -> tuple[Decimal | None, str]:
    if target is None:
        return None, ""
    if target.type == "money":
        amount = figures.find(item, path, "threshold")
        return (amount.yuan, amount.printed) if amount is not None else (None, "")
    value = reader.decimal(item, "value", path)
    unit = reader.choice(item, "unit", path, (YEARS_UNIT,), required=True)
    if value is None or unit is None:
        return None, ""
    printed = f"{value}{unit}"
    if printed not in normalize(str(item.get("quote", ""))):
        reader.problem(path + ("value",), "condition.value_not_in_quote", figure=printed)
    return value, printed


def _read_period(
    entry: dict[str, Any], path: KeyPath, reader: DocumentReader, fields: dict[str, Any]
) -> tuple[str, int | None]:
    """The period given, or else the one the policy file records for the rule's figure."""
    figure = (
        fields.get("award")
        or fields.get("rate")
        or next((a for _, a in (*fields.get("awards", ()), *fields.get("rates", ()))), None)
        or next((t.rate for t in fields.get("tiers", ())), None)
        or next((s.award for s in fields.get("steps", ())), None)
    )
    default = figure.period if figure is not None else UNSPECIFIED
    period = reader.choice(entry, "period", path, PERIODS, default=default) or default
    years = entry.get("years")
    if years is not None and (not isinstance(years, int) or isinstance(years, bool) or years < 2):
        reader.problem(path + ("years",), "years.invalid", value=str(years))
        years = None
    if period == "multi-year" and years is None:
        reader.problem(path + ("years",), "years.missing")
    if years is not None and period != "multi-year":
        reader.problem(path + ("years",), "years.not_multi_year", period=period)
    return period, years


def _read_flag(
    entry: dict[str, Any], key: str, path: KeyPath, reader: DocumentReader, default: bool = True
) -> bool:
    value = entry.get(key, default)
    if not isinstance(value, bool):
        reader.problem(path + (key,), "value.is", "true_or_false", value=repr(value))
        return default
    return value


def _read_notes(
    entry: dict[str, Any], path: KeyPath, reader: DocumentReader, clause: Clause
) -> tuple[Note, ...]:
    notes = []
    inputs = entry.get("inputs")
    choices = {
        c
        for i in (inputs if isinstance(inputs, list) else [])
        if isinstance(i, dict)
        for c in _listed(i.get("choices"))
        if isinstance(c, str)
    }
    for npath, item in reader.tables(entry, "notes", path, {"kind", "quote", "choice"}):
        kind = reader.choice(item, "kind", npath, NOTE_KINDS, required=True)
        quote = reader.string(item, "quote", npath, required=True, expected="note_quote")
        choice = reader.choice(item, "choice", npath, sorted(choices)) if "choice" in item else None
        if quote and normalize(quote) not in normalize(clause.text):
            reader.problem(npath + ("quote",), "quote.not_in_text_of", clause=clause.id)
        elif kind and (choice or "choice" not in item):
            notes.append(Note(NoteKind(kind), quote, choice))
    return tuple(notes)


def _listed(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _read_stacking(
    entry: dict[str, Any], path: KeyPath, reader: DocumentReader, groups: dict[str, StackingGroup]
) -> StackingGroup | None:
    name = reader.string(entry, "stacking", path)
    if not name:
        return None
    if name not in groups:
        reader.problem(
            path + ("stacking",),
            "stacking.group_unknown",
            "group_id_of" if groups else "group_id",
            name=name,
            groups=tuple(groups),
        )
        return None
    return groups[name]


def _read_profile(
    entry: dict[str, Any], path: KeyPath, reader: DocumentReader, inputs: tuple[RuleInput, ...]
) -> ProfileLink | None:
    table = reader.table(entry, "profile", path, PROFILE_KEYS)
    if table is None:
        return None
    ppath = path + ("profile",)
    when = table.get("when", {})
    if not isinstance(when, dict) or not all(
        NAME_PATTERN.match(k) and isinstance(v, (bool, str)) for k, v in when.items()
    ):
        reader.problem(ppath + ("when",), "profile_link.when_not_facts")
        when = {}
    mapping = table.get("inputs", {})
    if not isinstance(mapping, dict) or not all(
        isinstance(v, str) and NAME_PATTERN.match(v) for v in mapping.values()
    ):
        reader.problem(ppath + ("inputs",), "profile_link.inputs_not_facts")
        mapping = {}
    for name in mapping:
        if name not in {i.name for i in inputs}:
            reader.problem(ppath + ("inputs", name), "input.unknown", "an_input_name", name=name)
    project = reader.string(table, "project", ppath, pattern=ID_PATTERN, expected="project_kind")
    return ProfileLink(tuple(when.items()), tuple(mapping.items()), project or None)


def _facts_used(
    profile: ProfileLink | None,
    inputs: tuple[RuleInput, ...],
    facts: dict[str, Fact],
    path: KeyPath,
    reader: DocumentReader,
) -> tuple[Fact, ...]:
    """The declarations of the facts a rule reads from a profile, each checked against its use."""
    if profile is None:
        return ()
    used: dict[str, Fact] = {}
    uses: list[tuple[KeyPath, str, bool | str | RuleInput]] = [
        (("profile", "when", name), name, wanted) for name, wanted in profile.when
    ]
    uses += [(("profile", "inputs", i.name), profile.fact_for(i.name), i) for i in inputs]
    for where, name, use in uses:
        fact = facts.get(name)
        if fact is None:
            reader.problem(path + where, "fact.undeclared", name=name)
            continue
        if isinstance(use, bool):
            expected, fits = FactType.YES_NO, fact.type == FactType.YES_NO
        elif isinstance(use, str):
            expected, fits = FactType.CHOICE, fact.type == FactType.CHOICE and use in fact.choices
        else:
            expected = FactType(use.type)
            fits = fact.type == expected and set(use.choices) <= set(fact.choices)
        if not fits:
            reader.problem(
                path + where,
                "fact.declared_as_choices" if fact.choices else "fact.declared_as",
                "choice_fact" if expected == FactType.CHOICE else "fact_of_type",
                name=name,
                type=str(fact.type),
                choices=fact.choices,
                want=str(expected),
            )
        used[name] = fact
    return tuple(used.values())


def _read_cases(
    entry: dict[str, Any], path: KeyPath, reader: DocumentReader, inputs: tuple[RuleInput, ...]
) -> tuple[GoldenCase, ...]:
    names = {i.name for i in inputs}
    cases = []
    if not entry.get("cases"):  # a draft rule (an importer writes them) loads, marked for review
        reader.problem(path + ("cases",), "cases.none", severity="warning")
    for cpath, item in reader.tables(entry, "cases", path, CASE_KEYS):
        given = item.get("inputs", {})
        if not isinstance(given, dict) or not all(isinstance(v, str) for v in given.values()):
            reader.problem(cpath + ("inputs",), "case.inputs_not_strings")
            continue
        for name in set(given) - names:
            reader.problem(
                cpath + ("inputs", name),
                "input.unknown",
                "one_of" if names else "no_inputs",
                name=name,
                options=tuple(sorted(names)),
            )
        eligible = item.get("eligible")
        if not isinstance(eligible, bool):
            reader.problem(cpath + ("eligible",), "case.eligible_missing")
            continue
        amount = _case_amount(item, cpath, reader, eligible)
        if not isinstance(amount, bool):  # False: unreadable, said already
            cases.append(
                GoldenCase(
                    tuple(given.items()),
                    eligible,
                    amount,
                    reader.string(item, "about", cpath),
                    format_path(cpath),
                    line_of(reader.raw, cpath),
                )
            )
    return tuple(cases)


def _case_amount(
    item: dict[str, Any], path: KeyPath, reader: DocumentReader, eligible: bool
) -> Decimal | bool | None:
    """The expected amount: a Decimal, None for "unspecified", or False when unreadable."""
    if not eligible:
        raw = item.get("amount_yuan", "0")
        if raw != "0":
            reader.problem(path + ("amount_yuan",), "case.ineligible_amount")
        return Decimal(0)
    if item.get("amount_yuan") == UNSPECIFIED:
        return None
    amount = reader.decimal(item, "amount_yuan", path)
    if amount is None:
        if "amount_yuan" not in item:
            reader.problem(path + ("amount_yuan",), "key.missing", "case_amount", key="amount_yuan")
        return False
    return amount
