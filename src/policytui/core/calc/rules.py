"""Calculator rules: immutable records read from data/rules/*.toml.

A rule's figures are the clause's own Amount records (found by value and unit when
the rule is read), so a rule can never state a figure the policy file does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from policytui.core.model import Amount


class RuleKind(StrEnum):
    """How a rule turns inputs into an amount; each has one class in core/calc/kinds/."""

    FIXED = "fixed"
    BY_LEVEL = "by-level"
    RATE = "rate"
    TIERED_RATE = "tiered-rate"
    STEPPED = "stepped"
    UNSPECIFIED = "unspecified"


class InputType(StrEnum):
    MONEY = "money"
    YEARS = "years"
    CHOICE = "choice"


class FactType(StrEnum):
    """What a profile fact holds: the rule input types, and yes/no for a condition."""

    YES_NO = "yes-no"
    MONEY = "money"
    YEARS = "years"
    CHOICE = "choice"


class Recipient(StrEnum):
    FIRM = "firm"
    PARK_OPERATOR = "park-operator"
    PARK = "park"
    PLATFORM = "platform"
    PROJECT = "project"
    TALENT = "talent"
    ORGANISER = "organiser"
    GOVERNMENT = "government"  # 奖励给属地区、县政府: shown, never in a firm's totals


class NoteKind(StrEnum):
    TIERED_SELECTION = "tiered-selection"  # 分档择优: the figure is the top of a range decided case by case
    MAY_RISE = "may-rise"  # 特别重大的项目可适当上浮: the figure may be exceeded
    CASE_BY_CASE = "case-by-case"  # 一事一议: negotiated, no figure
    SHARED_FUNDING = "shared-funding"  # 市、区按体制分担: who pays, not how much
    ANNUAL_QUOTA = "annual-quota"  # 每年评选不超过3家: competitive, limited places
    ENCOURAGED = "encouraged"  # 鼓励各区: the city encourages districts; nothing is promised
    ONCE_PER_PARK = "once-per-park"  # 同一园区不重复享受
    RELATED_POLICY = "related-policy"  # the amount is set by another policy
    TIERED = "tiered"  # 分档给予 / 分档次: by grade, the grades not printed
    PER_FIRM_READING = (
        "per-firm-reading"  # 对……的企业: once per firm, or once per item? the strict total counts it once
    )
    REGISTERED_WITHIN = (
        "registered-within"  # 注册3年内实际投资额……: the firm's age, or when the investment was made?
    )


class Operator(StrEnum):
    AT_LEAST = ">="
    ABOVE = ">"
    AT_MOST = "<="
    BELOW = "<"


RULE_KINDS = tuple(RuleKind)
INPUT_TYPES = tuple(InputType)
RECIPIENTS = tuple(Recipient)
NOTE_KINDS = tuple(NoteKind)
OPERATORS = tuple(Operator)
LOWER_BOUND_MARK = "不低于"


T = TypeVar("T")


def required(value: T | None, what: str) -> T:
    """A field the reader guarantees for the rule's kind (it drops a rule that lacks it)."""
    if value is None:
        raise ValueError(f"the rule has no {what}")
    return value


@dataclass(frozen=True, slots=True)
class RuleInput:
    name: str
    type: InputType
    label: str
    label_en: str
    choices: tuple[str, ...] = ()

    @property
    def unit(self) -> str | None:
        return {"money": "元", "years": "年"}.get(self.type)

    def display_label(self, lang: str) -> str:
        return self.label_en if lang == "en" and self.label_en else self.label


@dataclass(frozen=True, slots=True)
class Condition:
    """An eligibility threshold on one input, with the words that set it."""

    input: str
    op: Operator
    value: Decimal  # yuan for money, years for years
    printed: str  # as the text prints it, e.g. "2000万元"
    quote: str

    def holds(self, x: Decimal) -> bool:
        return {">=": x >= self.value, ">": x > self.value, "<=": x <= self.value, "<": x < self.value}[
            self.op
        ]

    @property
    def is_lower_bound(self) -> bool:
        return self.op in (">=", ">")


@dataclass(frozen=True, slots=True)
class Bound:
    yuan: Decimal
    printed: str
    inclusive: bool

    def passed_by(self, x: Decimal) -> bool:
        """x is past this figure as a lower end: at it when inclusive, above it otherwise."""
        return x >= self.yuan if self.inclusive else x > self.yuan

    @property
    def least(self) -> Decimal:
        """The least amount, to the fen, that is past this figure."""
        return self.yuan if self.inclusive else self.yuan + Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Band:
    """A band of a money input, from `lower` up to `upper` (open above when None)."""

    lower: Bound
    upper: Bound | None
    quote: str

    def contains(self, x: Decimal) -> bool:
        if not self.lower.passed_by(x):
            return False
        return self.upper is None or (x <= self.upper.yuan if self.upper.inclusive else x < self.upper.yuan)


@dataclass(frozen=True, slots=True, kw_only=True)
class Tier(Band):
    """A band of the base, and the rate applied to the whole base within it."""

    rate: Amount


@dataclass(frozen=True, slots=True, kw_only=True)
class Step(Band):
    """A band of the base, and the fixed award for reaching it (kind "stepped")."""

    award: Amount


@dataclass(frozen=True, slots=True)
class Note:
    kind: NoteKind
    quote: str
    choice: str | None = None  # only for this choice of the rule's choice input (the quote's own half)

    def applies(self, values: Mapping[str, object]) -> bool:
        return self.choice is None or self.choice in values.values()


@dataclass(frozen=True, slots=True)
class StackingGroup:
    """Awards that cannot stack (就高不重复): an estimate keeps the highest."""

    id: str  # "wuxi-draft:landing"
    name: str
    name_en: str
    reason: str
    reason_en: str
    quote: str  # the basis: the verbatim sentence that supports this reading
    interpretation: bool = True  # the tool's reading (strict total only), not the text's plain exclusion
    alternative: str = ""  # the other reading, in our words
    alternative_en: str = ""

    def display_name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name

    def display_reason(self, lang: str) -> str:
        return self.reason_en if lang == "en" and self.reason_en else self.reason

    def display_alternative(self, lang: str) -> str:
        return self.alternative_en if lang == "en" and self.alternative_en else self.alternative


@dataclass(frozen=True, slots=True)
class ProfileLink:
    """How a profile's facts meet the rule: conditions on facts, and where inputs come from."""

    when: tuple[tuple[str, bool | str], ...] = ()
    inputs: tuple[tuple[str, str], ...] = ()  # (input name, fact name)
    project: str | None = None  # evaluated once per profile project of this kind

    def fact_for(self, input_name: str) -> str:
        return dict(self.inputs).get(input_name, input_name)


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact a profile may state, declared by the rules file that reads it ([[facts]])."""

    name: str
    type: FactType
    label: str
    label_en: str
    choices: tuple[str, ...] = ()
    file: Path | None = field(default=None, compare=False)

    def display_label(self, lang: str) -> str:
        return self.label_en if lang == "en" and self.label_en else self.label


@dataclass(frozen=True, slots=True)
class GoldenCase:
    inputs: tuple[tuple[str, str], ...]
    eligible: bool
    amount_yuan: Decimal | None  # None: the text gives no figure
    about: str = ""
    where: str = ""  # its key path in the rules file, such as rules[3].cases[1]
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    policy_id: str
    local_id: str
    clause: str  # local clause id
    name: str
    name_en: str
    kind: RuleKind
    text: str  # the verbatim sentence the rule rests on
    file: Path
    applies_to: str = ""  # verbatim: who qualifies, taken as given by the calculator
    recipient: Recipient = Recipient.FIRM
    period: str = "unspecified"
    years: int | None = None  # for a multi-year award: how many years
    base: str | None = None  # the money input a rate or a step applies to
    award: Amount | None = None  # fixed and unspecified kinds
    awards: tuple[tuple[str, Amount], ...] = ()  # by-level: choice -> award
    rate: Amount | None = None
    rates: tuple[tuple[str, Amount], ...] = ()  # rate by the rule's one choice input: choice -> rate
    above: Bound | None = None  # rate on the part of the base above this figure only
    cap: Amount | None = None
    tiers: tuple[Tier, ...] = ()
    steps: tuple[Step, ...] = ()  # stepped
    difference_from: str | None = (
        None  # stepped: pay the step reached by base less the one this input reached
    )
    conditions: tuple[Condition, ...] = ()
    inputs: tuple[RuleInput, ...] = ()
    notes: tuple[Note, ...] = ()
    stacking: StackingGroup | None = None
    profile: ProfileLink | None = None
    facts: tuple[Fact, ...] = ()  # the declarations of the profile facts the rule reads
    cases: tuple[GoldenCase, ...] = field(default=(), compare=False)

    @property
    def id(self) -> str:
        return f"{self.policy_id}:{self.local_id}"

    @property
    def clause_id(self) -> str:
        return f"{self.policy_id}/{self.clause}"

    def display_name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name

    def input(self, name: str) -> RuleInput | None:
        return next((i for i in self.inputs if i.name == name), None)

    def spec(self, name: str) -> RuleInput:
        """The input `name`, which the rule has: the reader checks every name a rule refers to."""
        return required(self.input(name), f"input {name}")

    @property
    def choice_input(self) -> RuleInput:
        """The input that picks the award of a by-level rule or the rate of a rate-by-choice rule."""
        return required(next((i for i in self.inputs if i.type == InputType.CHOICE), None), "choice input")

    @property
    def base_input(self) -> str:
        """The money input a rate or a step applies to."""
        return required(self.base, "base")

    @property
    def figures(self) -> tuple[Amount, ...]:
        """Every figure the result rests on: to tell upper and lower bounds."""
        found = [
            self.award,
            self.rate,
            self.cap,
            *(a for _, a in self.awards),
            *(a for _, a in self.rates),
            *(t.rate for t in self.tiers),
            *(s.award for s in self.steps),
        ]
        return tuple(a for a in found if a is not None)

    @property
    def upper_bound(self) -> bool:
        """最高 or 不超过 on any figure: a result may be the most the text allows (each result
        says whether it is: an exact rate below its cap is not)."""
        return any(a.upper_bound for a in self.figures)

    @property
    def lower_bound(self) -> bool:
        """不低于 on the rate or award: the result is the least the text promises."""
        return any(LOWER_BOUND_MARK in q for a in self.figures if a.role != "cap" for q in a.qualifiers)

    def has_note(self, kind: str) -> bool:
        return any(n.kind == kind for n in self.notes)

    @property
    def paid_to_firm(self) -> bool:
        """False for an award paid to a government: shown, but never in a firm's totals."""
        return self.recipient != Recipient.GOVERNMENT
