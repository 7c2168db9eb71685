"""A firm's profile: the facts an estimate matches rules against (docs/data-format.md, "Profiles").

A profile is TOML with [profile] (name, the cities considered), [facts] and
[[projects]]. Facts are named by the rules that use them, so the names a profile may
use are those of the loaded rules; an unknown name is reported with the closest ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from policytui.core.calc.rules import Rule
from policytui.core.loader import ParsedFile, parse_file
from policytui.core.model import Problem
from policytui.core.schema import DocumentReader, closest
from policytui.core.toml_lines import Path as KeyPath

FactValue = bool | str | tuple[str, ...]
_FACT_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
PROFILE_KEYS = {"name", "cities"}
PROJECT_KEYS = {"name", "kinds"}


@dataclass(frozen=True, slots=True)
class Project:
    name: str
    kinds: tuple[str, ...]
    facts: dict[str, FactValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    file: Path | None
    cities: tuple[str, ...] = ()  # empty: every loaded policy
    facts: dict[str, FactValue] = field(default_factory=dict)
    projects: tuple[Project, ...] = ()
    raw: str = ""  # the source, to point problems at lines

    def path_of(self, fact: str, project: Project | None) -> KeyPath:
        if project is None:
            return ("facts", fact)
        return ("projects", self.projects.index(project), fact)


@dataclass(frozen=True, slots=True)
class FactField:
    """A fact a profile form asks for: a yes/no flag, money, years, or choices (several may apply)."""

    name: str
    type: str  # flag | money | years | choice
    choices: tuple[str, ...] = ()
    label: str = ""  # the label of a rule input that reads it
    label_en: str = ""


FIELD_ORDER = ("money", "years", "choice", "flag")


def fact_fields(rules: list[Rule], *, project: bool = False) -> list[FactField]:
    """The facts the rules read from a firm (or, with `project`, from a project), money first."""
    fields: dict[str, FactField] = {}
    for rule in rules:
        if rule.profile is None or (rule.profile.project is not None) != project:
            continue
        for name, wanted in rule.profile.when:
            if isinstance(wanted, bool):
                fields.setdefault(name, FactField(name, "flag"))
            else:
                known = fields.get(name, FactField(name, "choice"))
                fields[name] = FactField(name, "choice", tuple(dict.fromkeys((*known.choices, wanted))))
        for spec in rule.inputs:
            fact = rule.profile.fact_for(spec.name)
            fields.setdefault(fact, FactField(fact, spec.type, spec.choices, spec.label, spec.label_en))
    return sorted(fields.values(), key=lambda f: FIELD_ORDER.index(f.type))


def fact_names(rules: list[Rule]) -> tuple[set[str], set[str]]:
    """The firm facts and the project kinds the rules know."""
    facts: set[str] = set()
    kinds: set[str] = set()
    for rule in rules:
        if rule.profile is None:
            continue
        facts |= {name for name, _ in rule.profile.when}
        facts |= {rule.profile.fact_for(i.name) for i in rule.inputs}
        if rule.profile.project:
            kinds.add(rule.profile.project)
    return facts, kinds


def load_profile(path: Path, rules: list[Rule]) -> tuple[Profile | None, list[Problem]]:
    parsed = parse_file(path)
    if isinstance(parsed, Problem):
        return None, [parsed]
    return read_profile(parsed, rules)


def read_profile(parsed: ParsedFile, rules: list[Rule]) -> tuple[Profile | None, list[Problem]]:
    reader = DocumentReader(parsed.path, parsed.raw)
    doc = parsed.doc
    known_facts, known_kinds = fact_names(rules)
    reader.unknown_keys(doc, (), {"profile", "facts", "projects"})
    meta = reader.table(doc, "profile", (), PROFILE_KEYS)
    if meta is None:
        reader.problem(("profile",), "the [profile] table is missing", "[profile] with the firm's name")
        return None, reader.problems
    name = reader.string(meta, "name", ("profile",), required=True, expected="the firm's name")
    cities = reader.string_list(meta, "cities", ("profile",), "the cities whose policies apply")
    facts = _facts(doc.get("facts", {}), ("facts",), reader, known_facts)
    projects = []
    for path, entry in reader.tables(doc, "projects", (), None):  # a project's other keys are its facts
        project_name = reader.string(entry, "name", path, required=True, expected="the project's name")
        kinds = reader.string_list(entry, "kinds", path, "project kinds")
        for kind in kinds:
            if kind not in known_kinds:
                hint = closest(kind, known_kinds)
                reader.problem(path + ("kinds",), f"no rule for projects of kind '{kind}'",
                               "one of " + ", ".join(hint or sorted(known_kinds)), severity="warning")
        rest = {k: v for k, v in entry.items() if k not in PROJECT_KEYS}
        projects.append(Project(project_name, kinds, _facts(rest, path, reader, known_facts)))
    if reader.has_errors:
        return None, reader.problems
    return Profile(name, parsed.path, cities, facts, tuple(projects), parsed.raw), reader.problems


def _facts(table: object, path: KeyPath, reader: DocumentReader, known: set[str]) -> dict[str, FactValue]:
    if not isinstance(table, dict):
        reader.problem(path, "is not a table", "a table of facts")
        return {}
    facts: dict[str, FactValue] = {}
    for key, value in table.items():
        if not _FACT_NAME.match(key):
            reader.problem(path + (key,), f"'{key}' is not a fact name", "a name of a-z, 0-9 and _")
            continue
        if key not in known:
            hint = closest(key, known)
            reader.problem(path + (key,), f"no loaded rule uses the fact '{key}'; it is ignored",
                           "a fact a rule uses" + (f", such as {', '.join(hint)}" if hint else ""),
                           severity="warning")
        if isinstance(value, bool | str):
            facts[key] = value
        elif isinstance(value, int):
            facts[key] = str(value)  # 20000000 written without quotes
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            facts[key] = tuple(value)
        else:
            reader.problem(path + (key,), f"{value!r} cannot be read exactly",
                           'true/false, a string such as "2亿", a whole number, or a list of strings')
    return facts
