"""A firm's profile: the facts an estimate matches rules against (docs/data-format.md, "Profiles").

A profile is TOML with [profile] (name, the cities considered), [facts] and
[[projects]]. The rules files declare the facts they read ([[facts]]: type and labels),
so a profile is read against those declarations; an unknown name is reported with the
closest ones, a value of the wrong type as an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from policytui.core.calc.rules import Fact, FactType, Rule
from policytui.core.closest import closest
from policytui.core.loader import ParsedFile, parse_file
from policytui.core.model import Problem
from policytui.core.problems import Expected
from policytui.core.schema import DocumentReader
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


FIELD_ORDER = (FactType.MONEY, FactType.YEARS, FactType.CHOICE, FactType.YES_NO)


def declared_facts(rules: list[Rule], *, project: bool | None = None) -> dict[str, Fact]:
    """The facts the rules read, as their rules files declare them; with `project`, only the
    firm's facts (False) or a project's (True)."""
    facts: dict[str, Fact] = {}
    for rule in rules:
        if rule.profile is None or (project is not None and (rule.profile.project is not None) != project):
            continue
        for fact in rule.facts:
            facts.setdefault(fact.name, fact)
    return facts


def fact_fields(rules: list[Rule], *, project: bool = False) -> list[Fact]:
    """The facts a form asks of a firm (or, with `project`, of a project), money first."""
    return sorted(declared_facts(rules, project=project).values(), key=lambda f: FIELD_ORDER.index(f.type))


def fact_names(rules: list[Rule]) -> tuple[set[str], set[str]]:
    """The firm facts and the project kinds the rules know."""
    kinds = {rule.profile.project for rule in rules if rule.profile is not None and rule.profile.project}
    return set(declared_facts(rules)), kinds


def load_profile(path: Path, rules: list[Rule]) -> tuple[Profile | None, list[Problem]]:
    parsed = parse_file(path)
    if isinstance(parsed, Problem):
        return None, [parsed]
    return read_profile(parsed, rules)


def read_profile(parsed: ParsedFile, rules: list[Rule]) -> tuple[Profile | None, list[Problem]]:
    reader = DocumentReader(parsed.path, parsed.raw)
    doc = parsed.doc
    known_facts = declared_facts(rules)
    known_kinds = fact_names(rules)[1]
    reader.unknown_keys(doc, (), {"profile", "facts", "projects"})
    meta = reader.table(doc, "profile", (), PROFILE_KEYS)
    if meta is None:
        reader.problem(("profile",), "profile.missing")
        return None, reader.problems
    name = reader.string(meta, "name", ("profile",), required=True, expected="firm_name")
    cities = reader.string_list(meta, "cities", ("profile",), "profile_cities")
    facts = _facts(doc.get("facts", {}), ("facts",), reader, known_facts)
    projects = []
    for path, entry in reader.tables(doc, "projects", (), None):  # a project's other keys are its facts
        project_name = reader.string(entry, "name", path, required=True, expected="project_name")
        kinds = reader.string_list(entry, "kinds", path, "project_kinds")
        for kind in kinds:
            if kind not in known_kinds:
                hint = closest(kind, known_kinds)
                reader.problem(
                    path + ("kinds",),
                    "project.kind_unknown",
                    "one_of",
                    severity="warning",
                    kind=kind,
                    options=tuple(hint or sorted(known_kinds)),
                )
        rest = {k: v for k, v in entry.items() if k not in PROJECT_KEYS}
        projects.append(Project(project_name, kinds, _facts(rest, path, reader, known_facts)))
    if reader.has_errors:
        return None, reader.problems
    return Profile(name, parsed.path, cities, facts, tuple(projects), parsed.raw), reader.problems


def _facts(
    table: object, path: KeyPath, reader: DocumentReader, known: dict[str, Fact]
) -> dict[str, FactValue]:
    if not isinstance(table, dict):
        reader.problem(path, "facts.not_table")
        return {}
    facts: dict[str, FactValue] = {}
    for key, value in table.items():
        if not _FACT_NAME.match(key):
            reader.problem(path + (key,), "fact.bad_name", name=key)
            continue
        if key not in known:
            hint = closest(key, known)
            reader.problem(
                path + (key,),
                "fact.unused",
                "used_fact_like" if hint else "used_fact",
                severity="warning",
                name=key,
                hint=tuple(hint),
            )
        if isinstance(value, bool | str):
            read: FactValue = value
        elif isinstance(value, int):
            read = str(value)  # 20000000 written without quotes
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            read = tuple(value)
        else:
            reader.problem(path + (key,), "fact.inexact", value=repr(value))
            continue
        if key not in known or _checked(read, known[key], path + (key,), reader):
            facts[key] = read
    return facts


def _checked(value: FactValue, fact: Fact, path: KeyPath, reader: DocumentReader) -> bool:
    """The value fits the fact's declared type; a problem where it does not."""
    expected: Expected
    if fact.type == FactType.YES_NO:
        fits, expected = isinstance(value, bool), "true_or_false"
    elif fact.type == FactType.CHOICE:
        chosen = value if isinstance(value, tuple) else (value,)
        fits = all(isinstance(c, str) and c in fact.choices for c in chosen)
        expected = "one_of_or_list"
    else:
        fits = isinstance(value, str)
        expected = "money_string" if fact.type == FactType.MONEY else "years_number"
    if not fits:
        reader.problem(
            path,
            "fact.wrong_type",
            expected,
            value=repr(value),
            type=str(fact.type),
            name=fact.name,
            label=fact.label,
            label_en=fact.label_en or fact.label,
            options=fact.choices,
        )
    return fits
