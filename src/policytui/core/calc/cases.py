"""Golden cases: each rule's [[rules.cases]] run through the engine, as `validate` does for
every rules file it checks (like OpenFisca's `openfisca test`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from policytui.core.calc.engine import CalcResult, calculate
from policytui.core.calc.inputs import Aliases, InputError, no_aliases
from policytui.core.calc.reader import UNSPECIFIED
from policytui.core.calc.rules import GoldenCase, Rule
from policytui.core.model import Library, Problem
from policytui.core.problems import ProblemParam


@dataclass(frozen=True, slots=True)
class CaseOutcome:
    rule: Rule
    case: GoldenCase
    result: CalcResult | None  # None: the case's inputs could not be read
    error: InputError | None = None

    @property
    def passed(self) -> bool:
        return self.result is not None and (self.result.eligible, self.result.amount_yuan) == (
            self.case.eligible,
            self.case.amount_yuan,
        )

    def params(self) -> dict[str, ProblemParam]:
        """The case and what came of it, as values: `eligible` and `amount` (yuan, "unspecified"
        or "" when ineligible), `got_…` the same for the result, or the input error's `error`
        code (core/calc/inputs.InputError: missing, money, …) with its `input` and `value`."""
        got, error = self.result, self.error
        value = error.params.get("value", "") if error is not None else ""
        return {
            "rule": self.rule.id,
            "about": self.case.about,
            "eligible": self.case.eligible,
            "amount": _amount(self.case.eligible, self.case.amount_yuan),
            "got_eligible": got.eligible if got is not None else None,
            "got_amount": _amount(got.eligible, got.amount_yuan) if got is not None else "",
            "error": error.code if error is not None else "",
            "input": error.field if error is not None else "",
            "value": value if isinstance(value, str) else "",
        }

    def problem(self) -> Problem:
        """A failed case as an error at its line in the rules file."""
        return Problem(
            str(self.rule.file), "case.failed", self.params(), where=self.case.where, line=self.case.line
        )


def _amount(eligible: bool, amount: Decimal | None) -> str:
    """A case's amount as the rules file writes it: yuan, "unspecified", or "" when not eligible."""
    if not eligible:
        return ""
    return UNSPECIFIED if amount is None else f"{amount.normalize():f}"


def run_cases(
    library: Library, rules: Iterable[Rule], as_of: date, aliases: Aliases = no_aliases
) -> Iterator[CaseOutcome]:
    """`aliases`: the labels a case may give a choice by (such as 省级)."""
    for rule in rules:
        for case in rule.cases:
            try:
                result = calculate(library, rule, dict(case.inputs), as_of, aliases)
            except InputError as error:
                yield CaseOutcome(rule, case, None, error)
                continue
            yield CaseOutcome(rule, case, result)
