"""Evaluate one rule on read inputs: eligibility, the amount in Decimal yuan, and every step.

Amounts are exact to the fen. Where a figure is a ceiling (最高, 不超过) the most that
may be paid is the amount rounded down to the fen; where it is a floor (不低于) the
least that must be paid is rounded up. Either way the result never claims more than
the text says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_UP, Decimal

from policytui.core.calc.inputs import FEN, Aliases, InputError, Value, no_aliases, number, parse_inputs
from policytui.core.calc.kinds import kind_of
from policytui.core.calc.rules import LOWER_BOUND_MARK, Note, Recipient, Rule, Tier, required
from policytui.core.calc.trace import Bounded, Step
from policytui.core.model import Amount, Library
from policytui.core.status import PolicyStatus, policy_status


@dataclass(frozen=True, slots=True)
class CalcResult:
    rule: Rule
    values: Mapping[str, Value]
    eligible: bool
    amount_yuan: Decimal | None  # None: the text gives no figure
    upper_bound: bool
    lower_bound: bool
    cap_yuan: Decimal | None
    steps: tuple[Step, ...]
    notes: tuple[Note, ...]  # the rule's notes that apply to these values
    status: PolicyStatus  # of the rule's policy on `as_of`: its warnings go with the result
    policy_title: str
    as_of: date
    tier: Tier | None = None
    label: str = ""  # what this result is about in an estimate: a project's name
    chosen: tuple[str, ...] = ()  # and the choices it was computed for, when the profile lists several
    why_not: Step | None = None  # for an ineligible result: the first step that failed

    @property
    def paid_to_firm(self) -> bool:
        """False for an award paid to a government: shown, never in a firm's totals."""
        return self.rule.paid_to_firm

    @property
    def citation(self) -> str:
        return self.rule.text

    @property
    def clause_id(self) -> str:
        return self.rule.clause_id

    @property
    def outcome(self) -> Bounded | None:
        """The amount with its bound, for an eligible result with a figure."""
        if not self.eligible or self.amount_yuan is None:
            return None
        return Bounded(self.amount_yuan, self.upper_bound, self.lower_bound)


def calculate(
    library: Library, rule: Rule, raw: Mapping[str, str], as_of: date, aliases: Aliases = no_aliases
) -> CalcResult:
    """Read `raw` and evaluate; raises the first InputError (in the rule's input order)."""
    values, errors = parse_inputs(rule, raw, aliases)
    if errors:
        raise next(iter(errors.values()))
    return evaluate(rule, values, library, as_of)


def evaluate(
    rule: Rule,
    values: Mapping[str, Value],
    library: Library,
    as_of: date,
    label: str = "",
    chosen: tuple[str, ...] = (),
) -> CalcResult:
    missing = [spec for spec in rule.inputs if spec.name not in values]
    if missing:
        raise InputError(missing[0].name, "missing", {"input": missing[0], "value": ""})
    return _Evaluation(rule, values, library, as_of, label, chosen).run()


class _Evaluation:
    """One rule on one set of values: the steps said, the figures used, whether it failed."""

    def __init__(
        self,
        rule: Rule,
        values: Mapping[str, Value],
        library: Library,
        as_of: date,
        label: str,
        chosen: tuple[str, ...],
    ) -> None:
        self.rule, self.values, self.library, self.as_of = rule, dict(values), library, as_of
        self.label_text, self.chosen = label, chosen
        self.steps: list[Step] = []
        self.used: list[Amount] = []  # the figures the amount rests on, in order
        self.why_not: Step | None = None
        self.failed = False
        self.capped = False  # a cap applied: the amount is the most the text allows

    # -- what a kind calls (kinds.base.Evaluation)

    def say(self, key: str, **values: object) -> None:
        self.steps.append(Step.of(key, **values))

    def use(self, figure: Amount) -> None:
        self.used.append(figure)

    def fail(self) -> None:
        self.failed = True
        self.why_not = self.why_not or self.steps[-1]

    # -- the run

    def run(self) -> CalcResult:
        rule = self.rule
        if rule.applies_to:
            self.say("calc.step.applies_to", quote=rule.applies_to)
        if rule.recipient != Recipient.FIRM:
            self.say("calc.step.recipient", recipient=rule.recipient)
        if not rule.paid_to_firm:
            self.say("calc.step.government")
        if not self._conditions_hold():
            return self._result(eligible=False, amount=Decimal(0))
        kind = kind_of(rule)
        amount = kind.amount(rule, self)
        if self.failed:
            return self._result(eligible=False, amount=Decimal(0))
        if amount is not None:
            if kind.takes_cap:
                amount = self._capped(amount)
            amount = self._over_years(self._to_fen(amount))
            self._say_bound()
            self.say("calc.step.result", amount=Bounded(amount, self.upper_bound, self.lower_bound))
        return self._result(eligible=True, amount=amount)

    @property
    def upper_bound(self) -> bool:
        """最高 or 不超过 on a figure used, or a cap that applied: the most the text allows.

        An exact rate below its cap gives an exact amount, whatever the cap's words."""
        return self.capped or any(a.upper_bound for a in self.used)

    @property
    def lower_bound(self) -> bool:
        """不低于 on a rate or award used: the least the text promises."""
        return any(LOWER_BOUND_MARK in q for a in self.used if a.role != "cap" for q in a.qualifiers)

    def _conditions_hold(self) -> bool:
        holds = True
        for condition in self.rule.conditions:
            met = condition.holds(number(self.values, condition.input))
            self.say(
                "calc.step.condition.met" if met else "calc.step.condition.failed",
                input=condition.input,
                bound=condition,
                quote=condition.quote,
            )
            if holds and not met:
                self.why_not = self.steps[-1]
            holds = holds and met
        return holds

    def _capped(self, amount: Decimal) -> Decimal:
        cap = self.rule.cap
        if cap is None:
            return amount
        most = required(cap.yuan, "cap's figure")
        if amount > most:
            self.capped = True
            self.say("calc.step.cap.applied", cap=most, amount=amount, quote=cap.quote)
            return most
        self.say("calc.step.cap.not_reached", cap=most, quote=cap.quote)
        return amount

    def _to_fen(self, amount: Decimal) -> Decimal:
        rounding = ROUND_UP if self.lower_bound else ROUND_DOWN
        rounded = amount.quantize(FEN, rounding=rounding)
        if rounded != amount:
            self.say(
                "calc.step.rounded.up" if rounding == ROUND_UP else "calc.step.rounded.down",
                exact=amount,
                amount=rounded,
            )
        return rounded

    def _over_years(self, amount: Decimal) -> Decimal:
        if self.rule.period == "multi-year" and self.rule.years:
            total = amount * self.rule.years
            self.say("calc.step.years", amount=amount, years=self.rule.years, total=total)
            return total
        if self.rule.period == "per-year":
            self.say("calc.step.per_year", amount=amount)
        return amount

    def _say_bound(self) -> None:
        if self.upper_bound:
            figures = [*self.used, *([self.rule.cap] if self.capped and self.rule.cap else [])]
            marks = sorted({q for a in figures for q in a.qualifiers if "最高" in q or "不超过" in q})
            if marks:
                self.say("calc.step.upper_bound", marks=tuple(marks))
            else:
                self.say("calc.step.cap_bound")
        elif self.lower_bound:
            self.say("calc.step.lower_bound")

    # -- the result -----------------------------------------------------------

    def _result(self, *, eligible: bool, amount: Decimal | None) -> CalcResult:
        rule = self.rule
        policy = self.library.policies[rule.policy_id]
        if not eligible:
            self.say("calc.step.ineligible")
        counted = eligible and amount is not None
        return CalcResult(
            rule=rule,
            values=self.values,
            eligible=eligible,
            amount_yuan=amount,
            upper_bound=counted and self.upper_bound,
            lower_bound=counted and self.lower_bound,
            cap_yuan=kind_of(rule).cap_yuan(rule, self.values),
            steps=tuple(self.steps),
            notes=tuple(n for n in rule.notes if n.applies(self.values)),
            status=policy_status(policy, self.as_of),
            policy_title=policy.display_title,
            as_of=self.as_of,
            tier=self._tier(),
            label=self.label_text,
            chosen=self.chosen,
            why_not=self.why_not,
        )

    def _tier(self) -> Tier | None:
        """The tier of a tiered-rate rule the base fell in (None for the other kinds)."""
        base = self.values.get(self.rule.base) if self.rule.base else None
        return next(
            (tier for tier in self.rule.tiers if isinstance(base, Decimal) and tier.contains(base)), None
        )
