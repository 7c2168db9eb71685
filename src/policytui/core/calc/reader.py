"""Read a rules file ([[rules]], docs/data-format.md) into Rule records, checking it against the policy.

Problems carry file, line and key path like the policy reader's. A rule must cite a
clause of a loaded policy, quote it verbatim, and use only figures that the policy
file records for that clause; bounds must agree with the words of the text.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from policytui.core.calc.rules import (
    INPUT_TYPES,
    NOTE_KINDS,
    OPERATORS,
    RECIPIENTS,
    RULE_KINDS,
    Bound,
    Condition,
    GoldenCase,
    Note,
    ProfileLink,
    Rule,
    RuleInput,
    StackingGroup,
    Tier,
)
from policytui.core.fidelity import normalize
from policytui.core.model import MONEY_UNITS, RATE_UNIT, Amount, Clause, Policy
from policytui.core.schema import ID_PATTERN, PERIODS, SCHEMA_VERSION, DocumentReader, closest
from policytui.core.toml_lines import Path as KeyPath

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
YEARS_UNIT = "年"
UNSPECIFIED = "unspecified"

RULE_KEYS = set(
    "id clause name name_en kind text applies_to recipient period years base award awards rate cap "
    "tiers conditions inputs notes stacking profile cases".split()
)
GROUP_KEYS = set("id name name_en reason reason_en quote interpretation alternative alternative_en".split())
INPUT_KEYS = set("name type label label_en choices".split())
CONDITION_KEYS = set("input op value unit quote".split())
TIER_KEYS = set("from to rate quote".split())
FIGURE_KEYS = {"value", "unit"}
BOUND_KEYS = {"value", "unit", "inclusive"}
PROFILE_KEYS = {"when", "inputs", "project"}
CASE_KEYS = {"about", "inputs", "eligible", "amount_yuan"}

# The words that set a bound, and whether it includes the figure. By 《民法典》第一千二百五十九条
# 以上、以下、以内 include the figure and 超过、不满 exclude it. Longer words first, so that
# 不超过 is not read as 超过.
BOUND_WORDS = (
    ("不低于", ">="), ("不少于", ">="), ("不超过", "<="), ("及以上", ">="), ("以上", ">="),
    ("以下", "<="), ("以内", "<="), ("超过", ">"), ("不满", "<"), ("低于", "<"), ("内", "<="),
)
INCLUSIVE_MARKS = ("（含）", "(含)", "及以上", "以上", "以下", "以内")


def read_rules(doc: dict, reader: DocumentReader, policies: dict[str, Policy]) -> list[Rule]:
    """The rules in `doc` that are free of errors; the problems are in reader.problems."""
    version = doc.get("schema", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        reader.problem(("schema",), f"schema version {version!r} is not supported", f"schema = {SCHEMA_VERSION}")
        return []
    # not "policy": a top-level [policy] marks a policy file
    policy_id = reader.string(doc, "policy_id", (), required=True, expected="the id of a loaded policy")
    policy = policies.get(policy_id)
    if policy is None:
        if policy_id:
            hint = closest(policy_id, policies)
            reader.problem(("policy_id",), f"no loaded policy '{policy_id}'",
                           "a policy id" + (f" such as {', '.join(hint)}" if hint else ""))
        return []
    groups = _read_groups(doc, reader, policy)
    rules: list[Rule] = []
    seen: set[str] = set()
    for path, entry in reader.tables(doc, "rules", (), RULE_KEYS, required=True, missing="no rules"):
        errors_before = _error_count(reader)
        rule = _read_rule(entry, path, reader, policy, groups)
        if rule is not None and rule.local_id in seen:
            reader.problem(path + ("id",), f"duplicate rule id '{rule.local_id}'", "ids unique in the file")
        if rule is not None and _error_count(reader) == errors_before:
            seen.add(rule.local_id)
            rules.append(rule)
    return rules


def _error_count(reader: DocumentReader) -> int:
    return sum(1 for p in reader.problems if p.severity == "error")


def _read_groups(doc: dict, reader: DocumentReader, policy: Policy) -> dict[str, StackingGroup]:
    all_text = normalize(policy.non_stacking + "".join(c.text for c in policy.clauses))
    groups = {}
    for path, entry in reader.tables(doc, "groups", (), GROUP_KEYS):
        group_id = reader.string(entry, "id", path, required=True, pattern=ID_PATTERN, expected="an id of a-z, 0-9 and -")
        quote = reader.string(entry, "quote", path, required=True, expected="the non-stacking sentence, verbatim")
        if quote and normalize(quote) not in all_text:
            reader.problem(path + ("quote",), "is not in the policy's text", "a verbatim fragment of the policy")
        if group_id:
            groups[group_id] = StackingGroup(
                id=f"{policy.id}:{group_id}",
                name=reader.string(entry, "name", path, required=True, expected="the group's name"),
                name_en=reader.string(entry, "name_en", path),
                reason=reader.string(entry, "reason", path, required=True, expected="why these awards cannot stack"),
                reason_en=reader.string(entry, "reason_en", path),
                quote=quote,
                interpretation=_read_flag(entry, "interpretation", path, reader),
                alternative=reader.string(entry, "alternative", path),
                alternative_en=reader.string(entry, "alternative_en", path),
            )
    return groups


def _read_rule(entry: dict, path: KeyPath, reader: DocumentReader, policy: Policy,
               groups: dict[str, StackingGroup]) -> Rule | None:
    local_id = reader.string(entry, "id", path, required=True, pattern=ID_PATTERN,
                             expected="an id of a-z, 0-9 and -, such as hq-landing")
    clause_id = reader.string(entry, "clause", path, required=True, expected="the local id of a clause")
    clause = policy.clause(clause_id) if clause_id else None
    if clause_id and clause is None:
        hint = closest(clause_id, [c.local_id for c in policy.clauses])
        reader.problem(path + ("clause",), f"no clause '{clause_id}' in {policy.id}",
                       "a clause id" + (f" such as {', '.join(hint)}" if hint else ""))
    text = reader.string(entry, "text", path, required=True, expected="the sentence the rule rests on, verbatim")
    if clause is not None and text and normalize(text) not in normalize(clause.text):
        reader.problem(path + ("text",), f"is not in the text of {clause.id}",
                       "the cited sentence exactly as the clause prints it")
    applies_to = reader.string(entry, "applies_to", path)
    if clause is not None and applies_to and normalize(applies_to) not in normalize(clause.text):
        reader.problem(path + ("applies_to",), f"is not in the text of {clause.id}", "a verbatim fragment of the clause")
    kind = reader.choice(entry, "kind", path, RULE_KINDS, required=True)
    inputs = _read_inputs(entry, path, reader)
    if not local_id or clause is None or kind is None:
        return None
    figures = _Figures(reader, clause, text)
    base = _read_base(entry, path, reader, kind, inputs)
    fields: dict[str, Any] = {}
    if kind in ("fixed", "unspecified"):
        fields["award"] = figures.one(entry, "award", path, "award", specified=kind == "fixed")
    elif kind == "by-level":
        fields["awards"] = _read_awards(entry, path, reader, figures, inputs)
    elif kind == "rate":
        fields["rate"] = figures.one(entry, "rate", path, "rate")
    else:
        fields["tiers"] = _read_tiers(entry, path, reader, figures)
    if "cap" in entry:
        if kind not in ("rate", "tiered-rate"):
            reader.problem(path + ("cap",), f"a {kind} rule has no cap", "no cap (only rate and tiered-rate rules)")
        fields["cap"] = figures.one(entry, "cap", path, "cap")
    conditions = _read_conditions(entry, path, reader, figures, inputs)
    period, years = _read_period(entry, path, reader, fields)
    return Rule(
        policy_id=policy.id,
        local_id=local_id,
        clause=clause.local_id,
        name=reader.string(entry, "name", path, required=True, expected="the award's name, in the text's words"),
        name_en=reader.string(entry, "name_en", path),
        kind=kind,
        text=text,
        file=reader.file,
        applies_to=applies_to,
        recipient=reader.choice(entry, "recipient", path, RECIPIENTS, default="firm") or "firm",
        period=period,
        years=years,
        base=base,
        conditions=conditions,
        inputs=inputs,
        notes=_read_notes(entry, path, reader, clause),
        stacking=_read_stacking(entry, path, reader, groups),
        profile=_read_profile(entry, path, reader, inputs),
        cases=_read_cases(entry, path, reader, inputs),
        **fields,
    )


class _Figures:
    """Finds the clause's recorded Amount for a figure a rule names by value and unit."""

    def __init__(self, reader: DocumentReader, clause: Clause, rule_text: str) -> None:
        self.reader = reader
        self.clause = clause
        self.rule_text = normalize(rule_text)

    def one(self, entry: dict, key: str, path: KeyPath, role: str, *, specified: bool = True,
            allowed: set[str] = FIGURE_KEYS) -> Amount | None:
        table = self.reader.table(entry, key, path, allowed)
        if table is None:
            self.reader.problem(path + (key,), f"required key '{key}' is missing",
                                "{ value = \"500\", unit = \"万元\" }" if specified else "{} (an award with no figure)")
            return None
        return self.find(table, path + (key,), role, specified=specified)

    def find(self, table: dict, path: KeyPath, role: str, *, specified: bool = True) -> Amount | None:
        value = self.reader.decimal(table, "value", path) if specified else None
        unit = self.reader.choice(table, "unit", path, (*MONEY_UNITS, RATE_UNIT), required=specified)
        if specified and (value is None or unit is None):
            return None
        for amount in self.clause.amounts:
            if (amount.role == role and amount.value == value and amount.unit == unit
                    and normalize(amount.quote) in self.rule_text):
                return amount
        what = f"{role} of {value}{unit}" if specified else f"{role} without a figure"
        self.reader.problem(path, f"{self.clause.id} records no {what} quoted in the rule's text",
                            "a figure the policy file records for this clause, within the cited sentence")
        return None


def _read_inputs(entry: dict, path: KeyPath, reader: DocumentReader) -> tuple[RuleInput, ...]:
    inputs = []
    for ipath, item in reader.tables(entry, "inputs", path, INPUT_KEYS):
        name = reader.string(item, "name", ipath, required=True, pattern=NAME_PATTERN,
                             expected="a name of a-z, 0-9 and _, such as paid_in_capital")
        kind = reader.choice(item, "type", ipath, INPUT_TYPES, required=True)
        choices = reader.string_list(item, "choices", ipath, "the values to choose from")
        if kind == "choice" and not choices:
            reader.problem(ipath + ("choices",), "a choice needs its choices", "a list such as [\"national\", \"provincial\"]")
        if name in {i.name for i in inputs}:
            reader.problem(ipath + ("name",), f"duplicate input '{name}'", "input names unique in the rule")
        label = reader.string(item, "label", ipath, required=True, expected="what the input is, in the text's words")
        if name and kind:
            inputs.append(RuleInput(name, kind, label, reader.string(item, "label_en", ipath), choices))
    return tuple(inputs)


def _read_base(entry: dict, path: KeyPath, reader: DocumentReader, kind: str,
               inputs: tuple[RuleInput, ...]) -> str | None:
    needs_base = kind in ("rate", "tiered-rate")
    base = reader.string(entry, "base", path, required=needs_base, expected="the name of the money input the rate applies to")
    if not base:
        return None
    if not needs_base:
        reader.problem(path + ("base",), f"a {kind} rule has no base", "no base (only rate and tiered-rate rules)")
    elif base not in {i.name for i in inputs if i.type == "money"}:
        reader.problem(path + ("base",), f"'{base}' is not a money input of the rule", "the name of a money input")
    return base


def _read_awards(entry: dict, path: KeyPath, reader: DocumentReader, figures: _Figures,
                 inputs: tuple[RuleInput, ...]) -> tuple[tuple[str, Amount], ...]:
    table = entry.get("awards")
    choices = [i for i in inputs if i.type == "choice"]
    if not isinstance(table, dict) or not table:
        reader.problem(path + ("awards",), "a by-level rule needs its awards",
                       "awards = { national = { value = \"100\", unit = \"万元\" }, ... }")
        return ()
    if len(choices) != 1 or set(choices[0].choices) != set(table):
        reader.problem(path + ("awards",), "the awards do not match the rule's one choice input",
                       "one choice input whose choices are exactly the keys of awards")
    awards = []
    for level, figure in table.items():
        if not isinstance(figure, dict):
            reader.problem(path + ("awards", level), "is not a table", "{ value = \"100\", unit = \"万元\" }")
            continue
        reader.unknown_keys(figure, path + ("awards", level), FIGURE_KEYS)
        amount = figures.find(figure, path + ("awards", level), "award")
        if amount is not None:
            awards.append((level, amount))
    return tuple(awards)


def _read_tiers(entry: dict, path: KeyPath, reader: DocumentReader, figures: _Figures) -> tuple[Tier, ...]:
    tiers = []
    for tpath, item in reader.tables(entry, "tiers", path, TIER_KEYS, required=True,
                                     missing="a tiered-rate rule needs its tiers"):
        quote = reader.string(item, "quote", tpath, required=True, expected="the words that define the tier, verbatim")
        if quote and normalize(quote) not in figures.rule_text:
            reader.problem(tpath + ("quote",), "is not in the rule's text", "a fragment of the rule's text")
        lower = _read_bound(item, "from", tpath, reader, figures, quote, required=True)
        upper = _read_bound(item, "to", tpath, reader, figures, quote, required=False)
        rate = figures.one(item, "rate", tpath, "rate")
        if lower is not None and rate is not None:
            tiers.append(Tier(lower, upper, rate, quote))
    _check_tiers_meet(tiers, path, reader)
    return tuple(tiers)


def _read_bound(item: dict, key: str, path: KeyPath, reader: DocumentReader, figures: _Figures,
                quote: str, *, required: bool) -> Bound | None:
    if key not in item and not required:
        return None
    amount = figures.one(item, key, path, "threshold", allowed=BOUND_KEYS)
    if amount is None or amount.yuan is None:
        return None
    table = item[key]
    inclusive = table.get("inclusive")
    if not isinstance(inclusive, bool):
        reader.problem(path + (key, "inclusive"), "required true or false is missing",
                       "inclusive = true where the text includes the figure, such as （含） or 及以上")
        return None
    printed = amount.printed
    after = normalize(quote).partition(printed)[2]
    if after.startswith(INCLUSIVE_MARKS) and not inclusive:
        reader.problem(path + (key, "inclusive"), f"the text includes {printed} ('{after[:4]}')", "inclusive = true")
    return Bound(amount.yuan, printed, inclusive)


def _check_tiers_meet(tiers: list[Tier], path: KeyPath, reader: DocumentReader) -> None:
    """Consecutive tiers must meet: no gap, no overlap, and exactly one of them holds the boundary."""
    for j, (below, above) in enumerate(zip(tiers, tiers[1:]), start=1):
        if below.upper is None or below.upper.yuan != above.lower.yuan:
            reader.problem(path + ("tiers", j, "from"), "does not start where the tier before ends",
                           "tiers in order, each starting at the end of the one before")
        elif below.upper.inclusive == above.lower.inclusive:
            reader.problem(path + ("tiers", j, "from", "inclusive"),
                           f"{above.lower.printed} is in {'both tiers' if above.lower.inclusive else 'neither tier'}",
                           "the boundary in exactly one tier, as the text says")
    if tiers and tiers[-1].upper is not None:
        reader.problem(path + ("tiers", len(tiers) - 1, "to"), "the top tier has an upper end",
                       "no `to` on the last tier (its rate applies above)", severity="warning")


def _read_conditions(entry: dict, path: KeyPath, reader: DocumentReader, figures: _Figures,
                     inputs: tuple[RuleInput, ...]) -> tuple[Condition, ...]:
    by_name = {i.name: i for i in inputs}
    conditions = []
    for cpath, item in reader.tables(entry, "conditions", path, CONDITION_KEYS):
        name = reader.string(item, "input", cpath, required=True, expected="the name of an input")
        target = by_name.get(name)
        if name and (target is None or target.type == "choice"):
            reader.problem(cpath + ("input",), f"'{name}' is not a money or years input of the rule",
                           "the name of a money or years input")
            continue
        op = reader.choice(item, "op", cpath, OPERATORS, required=True)
        quote = reader.string(item, "quote", cpath, required=True, expected="the words that set the threshold, verbatim")
        if quote and normalize(quote) not in normalize(figures.clause.text):
            reader.problem(cpath + ("quote",), f"is not in the text of {figures.clause.id}", "a fragment of the clause")
        word = next(((w, o) for w, o in BOUND_WORDS if w in quote), None)
        if word and op and word[1] != op:
            reader.problem(cpath + ("op",), f"'{op}' disagrees with '{word[0]}' in the quote", f"op = \"{word[1]}\"")
        value, printed = _condition_value(item, cpath, reader, figures, target)
        if target and op and value is not None:
            conditions.append(Condition(name, op, value, printed, quote))
    return tuple(conditions)


def _condition_value(item: dict, path: KeyPath, reader: DocumentReader, figures: _Figures,
                     target) -> tuple[Decimal | None, str]:
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
        reader.problem(path + ("value",), f"{printed} is not in the quote", "the figure as the quote prints it")
    return value, printed


def _read_period(entry: dict, path: KeyPath, reader: DocumentReader,
                 fields: dict[str, Any]) -> tuple[str, int | None]:
    """The period given, or else the one the policy file records for the rule's figure."""
    figure = fields.get("award") or fields.get("rate") or next(
        (a for _, a in fields.get("awards", ())), None) or next((t.rate for t in fields.get("tiers", ())), None)
    default = figure.period if figure is not None else UNSPECIFIED
    period = reader.choice(entry, "period", path, PERIODS, default=default) or default
    years = entry.get("years")
    if years is not None and (not isinstance(years, int) or isinstance(years, bool) or years < 2):
        reader.problem(path + ("years",), f"'{years}' is not a number of years", "a whole number, 2 or more")
        years = None
    if period == "multi-year" and years is None:
        reader.problem(path + ("years",), "a multi-year award needs its years", "years = 3, as the text says")
    if years is not None and period != "multi-year":
        reader.problem(path + ("years",), f"years on a {period} award", "years only with a multi-year period")
    return period, years


def _read_flag(entry: dict, key: str, path: KeyPath, reader: DocumentReader, default: bool = True) -> bool:
    value = entry.get(key, default)
    if not isinstance(value, bool):
        reader.problem(path + (key,), f"is {value!r}", "true or false")
        return default
    return value


def _read_notes(entry: dict, path: KeyPath, reader: DocumentReader, clause: Clause) -> tuple[Note, ...]:
    notes = []
    inputs = entry.get("inputs")
    choices = {c for i in (inputs if isinstance(inputs, list) else []) if isinstance(i, dict)
               for c in (i.get("choices") if isinstance(i.get("choices"), list) else []) if isinstance(c, str)}
    for npath, item in reader.tables(entry, "notes", path, {"kind", "quote", "choice"}):
        kind = reader.choice(item, "kind", npath, NOTE_KINDS, required=True)
        quote = reader.string(item, "quote", npath, required=True, expected="the words of the note, verbatim")
        choice = reader.choice(item, "choice", npath, sorted(choices)) if "choice" in item else None
        if quote and normalize(quote) not in normalize(clause.text):
            reader.problem(npath + ("quote",), f"is not in the text of {clause.id}", "a fragment of the clause")
        elif kind and (choice or "choice" not in item):
            notes.append(Note(kind, quote, choice))
    return tuple(notes)


def _read_stacking(entry: dict, path: KeyPath, reader: DocumentReader,
                   groups: dict[str, StackingGroup]) -> StackingGroup | None:
    name = reader.string(entry, "stacking", path)
    if not name:
        return None
    if name not in groups:
        reader.problem(path + ("stacking",), f"no group '{name}' in this file",
                       "the id of a [[groups]] entry" + (f": {', '.join(groups)}" if groups else ""))
        return None
    return groups[name]


def _read_profile(entry: dict, path: KeyPath, reader: DocumentReader,
                  inputs: tuple[RuleInput, ...]) -> ProfileLink | None:
    table = reader.table(entry, "profile", path, PROFILE_KEYS)
    if table is None:
        return None
    ppath = path + ("profile",)
    when = table.get("when", {})
    if not isinstance(when, dict) or not all(
            NAME_PATTERN.match(k) and isinstance(v, (bool, str)) for k, v in when.items()):
        reader.problem(ppath + ("when",), "is not a table of facts", "when = { headquarters = true }")
        when = {}
    mapping = table.get("inputs", {})
    if not isinstance(mapping, dict) or not all(isinstance(v, str) and NAME_PATTERN.match(v) for v in mapping.values()):
        reader.problem(ppath + ("inputs",), "is not a table of fact names", "inputs = { level = \"qualification\" }")
        mapping = {}
    for name in mapping:
        if name not in {i.name for i in inputs}:
            reader.problem(ppath + ("inputs", name), f"'{name}' is not an input of the rule", "an input name")
    project = reader.string(table, "project", ppath, pattern=ID_PATTERN, expected="a project kind such as core-tech")
    return ProfileLink(tuple(when.items()), tuple(mapping.items()), project or None)


def _read_cases(entry: dict, path: KeyPath, reader: DocumentReader,
                inputs: tuple[RuleInput, ...]) -> tuple[GoldenCase, ...]:
    names = {i.name for i in inputs}
    cases = []
    for cpath, item in reader.tables(entry, "cases", path, CASE_KEYS, required=True, missing="no golden cases"):
        given = item.get("inputs", {})
        if not isinstance(given, dict) or not all(isinstance(v, str) for v in given.values()):
            reader.problem(cpath + ("inputs",), "is not a table of strings", "inputs = { paid_in_capital = \"2亿\" }")
            continue
        for name in set(given) - names:
            reader.problem(cpath + ("inputs", name), f"'{name}' is not an input of the rule",
                           "one of " + ", ".join(sorted(names)) if names else "no inputs")
        eligible = item.get("eligible")
        if not isinstance(eligible, bool):
            reader.problem(cpath + ("eligible",), "required true or false is missing", "eligible = true or false")
            continue
        amount = _case_amount(item, cpath, reader, eligible)
        if amount is not False:
            cases.append(GoldenCase(tuple(given.items()), eligible, amount, reader.string(item, "about", cpath)))
    return tuple(cases)


def _case_amount(item: dict, path: KeyPath, reader: DocumentReader, eligible: bool) -> Decimal | None | bool:
    """The expected amount: a Decimal, None for "unspecified", or False when unreadable."""
    if not eligible:
        raw = item.get("amount_yuan", "0")
        if raw != "0":
            reader.problem(path + ("amount_yuan",), "an ineligible case gets 0", "no amount_yuan, or \"0\"")
        return Decimal(0)
    if item.get("amount_yuan") == UNSPECIFIED:
        return None
    amount = reader.decimal(item, "amount_yuan", path)
    if amount is None:
        if "amount_yuan" not in item:
            reader.problem(path + ("amount_yuan",), "required key 'amount_yuan' is missing",
                           "the expected yuan as a string, or \"unspecified\"")
        return False
    return amount
