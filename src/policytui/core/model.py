"""The policy data model: immutable records read from the TOML files.

Money figures are Decimal from the moment they are read; nothing here is float.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from policytui.core.problems import Expected, ProblemCode, ProblemParam
from policytui.core.sanitize import one_line

if TYPE_CHECKING:  # calc.rules builds on this module
    from policytui.core.calc.rules import Rule

from policytui.core.vocabulary import MONEY_UNITS, RATE_UNIT, UPPER_BOUND_MARKS


@dataclass(frozen=True, slots=True)
class Amount:
    """One monetary figure or rate printed in a clause (or a promise with no figure)."""

    role: str  # award | rate | cap | threshold | target | baseline (a current value) | fund
    quote: str  # the verbatim fragment of the clause that holds the figure
    value: Decimal | None = None  # None: the text promises support but names no figure
    unit: str | None = None
    qualifiers: tuple[str, ...] = ()
    period: str = "unspecified"  # one-off | per-year | multi-year | unspecified
    level: str | None = None  # national | provincial | municipal
    base: str | None = None  # for a rate: what it is a percentage of
    subject: str = ""

    @property
    def unspecified(self) -> bool:
        return self.value is None

    @property
    def upper_bound(self) -> bool:
        return any(mark in q for q in self.qualifiers for mark in UPPER_BOUND_MARKS)

    @property
    def is_rate(self) -> bool:
        return self.unit == RATE_UNIT

    @property
    def yuan(self) -> Decimal | None:
        """The figure in yuan, for money; None for rates and unspecified awards."""
        if self.value is None or self.unit not in MONEY_UNITS:
            return None
        return self.value * MONEY_UNITS[self.unit]

    @property
    def printed(self) -> str:
        """The figure as the text prints it, e.g. "500万元" or "10%"."""
        if self.value is None:
            return ""
        return f"{self.value}{self.unit or ''}"


@dataclass(frozen=True, slots=True)
class StandingDepartments:
    """Departments a clause names for itself and every later measure (以下均需……落实，不再列出)."""

    departments: tuple[str, ...]
    quote: str  # the verbatim words that carry them forward


@dataclass(frozen=True, slots=True)
class Clause:
    """One node of a policy document: a title, part, section, item or paragraph."""

    policy_id: str
    local_id: str
    kind: str
    text: str
    label: str = ""
    title: str = ""
    parent: str | None = None
    departments: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    amounts: tuple[Amount, ...] = ()
    standing_departments: StandingDepartments | None = None

    @property
    def id(self) -> str:
        return f"{self.policy_id}/{self.local_id}"

    @property
    def heading(self) -> str:
        """Label and title as printed, or the first line of the text."""
        if self.label or self.title:
            return f"{self.label}{self.title}"
        return _first_words(self.text)

    @property
    def outline_heading(self) -> str:
        """The clause in an outline, where its text is not beside it (the tree, the palette):
        its heading, or for a label with no title (an imported （一）), the label's first words."""
        if self.title or not self.label:
            return self.heading
        return _first_words(self.text if self.text.startswith(self.label) else self.label + self.text)

    @property
    def awards(self) -> tuple[Amount, ...]:
        return tuple(a for a in self.amounts if a.role == "award")


def _first_words(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    return first_line if len(first_line) <= 40 else first_line[:39] + "…"


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    level1: str
    level2: str
    baseline: str
    target: str
    baseline_value: Decimal | None = None
    baseline_unit: str | None = None
    target_value: Decimal | None = None
    target_unit: str | None = None
    target_qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class IndicatorTable:
    clause: str
    caption: str
    baseline_year: int
    target_year: int
    rows: tuple[IndicatorRow, ...]


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    name: str
    name_en: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Synonym:
    """A search term and the words of the documents it stands for (data/synonyms.toml)."""

    term: str
    means: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Policy:
    id: str
    title: str
    city: str
    city_en: str
    file: Path
    clauses: tuple[Clause, ...]
    draft: bool = False
    draft_label: str = ""
    province: str = ""
    issuer: str = ""
    issued: date | None = None
    printed: date | None = None
    effective_from: date | None = None
    valid_until: date | None = None
    valid_until_printed: str = ""  # "2025-12" when the text gives only the month
    source: Path | None = None
    scope: str = ""
    interpretation: str = ""
    non_stacking: str = ""
    validity: str = ""
    indicator_table: IndicatorTable | None = None
    _by_local_id: dict[str, Clause] = field(default_factory=dict, compare=False, repr=False)
    _children: dict[str | None, tuple[Clause, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        children: dict[str | None, list[Clause]] = {}
        for clause in self.clauses:
            self._by_local_id[clause.local_id] = clause
            children.setdefault(clause.parent, []).append(clause)
        self._children.update({k: tuple(v) for k, v in children.items()})

    @property
    def display_title(self) -> str:
        return f"{self.title}（{self.draft_label}）" if self.draft and self.draft_label else self.title

    def clause(self, local_id: str) -> Clause | None:
        return self._by_local_id.get(local_id)

    def children(self, local_id: str | None) -> tuple[Clause, ...]:
        """The clauses directly under `local_id` (None: the top level), in order."""
        return self._children.get(local_id, ())

    def ancestors(self, clause: Clause) -> list[Clause]:
        """From the top-level clause down to the clause's parent."""
        chain: list[Clause] = []
        parent = clause.parent
        while parent is not None and (node := self._by_local_id.get(parent)) is not None:
            chain.append(node)
            parent = node.parent
        return chain[::-1]

    def carried_departments(self, clause: Clause) -> list[tuple[Clause, StandingDepartments]]:
        """Departments an earlier clause carries forward to this one (only to clauses naming departments)."""
        if not clause.departments:
            return []
        carried = []
        for earlier in self.clauses:
            if earlier is clause:
                break
            if earlier.standing_departments is not None:
                carried.append((earlier, earlier.standing_departments))
        return carried

    def read_source(self) -> str | None:
        """The shipped source text, or None if the policy names none or it is missing."""
        if self.source is None:
            return None
        try:
            return self.source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem found in a data file: what is wrong (`code`, with `params`), where, and what is
    expected (`expected`, or the code's own expectation).

    Codes and params are values, never words: render/problems words them in zh or en, so that
    a library loaded (and cached) once can be reported in either language. A param is a str,
    int, float, bool, None (a figure too long to print) or a tuple of str."""

    file: str
    code: ProblemCode
    params: dict[str, ProblemParam] = field(default_factory=dict, hash=False)  # hashable without it
    where: str = ""  # key path, such as clauses[3].topics
    line: int | None = None
    expected: Expected | None = None  # for the generic checks (a string, a choice): the field's
    severity: str = "error"  # error | warning

    def __post_init__(self) -> None:
        # Params repeat keys and values from the user's files: they are made safe here,
        # whoever words them (stderr, JSON, the TUI's notice). `file` stays as it is, to
        # find the file by; it is made safe where it is printed.
        object.__setattr__(self, "where", one_line(self.where))
        object.__setattr__(self, "params", {k: _safe(v) for k, v in self.params.items()})

    @property
    def shown_file(self) -> str:
        """The file's name for a terminal: escapes and controls in it made visible."""
        return one_line(self.file)

    def __str__(self) -> str:
        """For logs and test failures; a person reads it worded by render/problems."""
        location = self.shown_file if self.line is None else f"{self.shown_file}:{self.line}"
        return f"{location}: {self.where}: {self.code} {self.params}"


def _safe(value: ProblemParam) -> ProblemParam:
    if isinstance(value, str):
        return one_line(value)
    if isinstance(value, tuple):
        return tuple(one_line(v) for v in value)
    return value


@dataclass(slots=True)
class Library:
    """Everything loaded: policies by id, topics by id, and the problems met on the way."""

    policies: dict[str, Policy] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    synonyms: list[Synonym] = field(default_factory=list)  # search terms, from [[synonyms]] files
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    skipped_policies: dict[str, Path] = field(
        default_factory=dict
    )  # policy id -> its file, skipped for errors
    _rules: dict[str, Rule] = field(default_factory=dict, init=False, repr=False)
    # Rules not read yet, as (their ids, how to read them): see defer_rules.
    _unread_rules: list[tuple[tuple[str, ...], Callable[[], tuple[Rule, ...]]]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )

    @property
    def rules(self) -> dict[str, Rule]:
        """The calculator's rules by id ("wuxi-draft:ipo"), read now if they were deferred."""
        if self._unread_rules:
            # read whole before it is kept: another thread asking meanwhile reads them too, the same
            rules = dict(self._rules)
            for _, read in self._unread_rules:
                rules.update((rule.id, rule) for rule in read())
            self._rules = rules
            self._unread_rules = []
        return self._rules

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The ids of `rules`, without reading the deferred ones."""
        return (*self._rules, *(rule_id for ids, _ in self._unread_rules for rule_id in ids))

    def defer_rules(self, ids: tuple[str, ...], read: Callable[[], tuple[Rule, ...]]) -> None:
        """Rules `ids` that `read` gives when first asked for: a library served by the cache
        shows its first screen without reading rules (or importing the calculator's records)."""
        self._unread_rules.append((ids, read))

    def clauses(self) -> Iterator[Clause]:
        for policy in self.policies.values():
            yield from policy.clauses

    def clause(self, clause_id: str) -> Clause | None:
        policy_id, _, local_id = clause_id.partition("/")
        policy = self.policies.get(policy_id)
        return policy.clause(local_id) if policy else None

    def policy_of(self, clause: Clause) -> Policy:
        return self.policies[clause.policy_id]

    def topic_name(self, topic_id: str, lang: str = "zh") -> str:
        topic = self.topics.get(topic_id)
        if topic is None:
            return topic_id
        return topic.name_en if lang == "en" else topic.name
