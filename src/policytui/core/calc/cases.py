"""Golden cases: each rule's [[rules.cases]] run through the engine, as `validate` does for
every rules file it checks (like OpenFisca's `openfisca test`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from policytui.core.calc.engine import CalcResult, calculate
from policytui.core.calc.inputs import Aliases, InputError, no_aliases
from policytui.core.calc.rules import GoldenCase, Rule
from policytui.core.model import Library, Problem


@dataclass(frozen=True, slots=True)
class CaseOutcome:
    rule: Rule
    case: GoldenCase
    result: CalcResult | None  # None: the case's inputs could not be read
    error: str = ""

    @property
    def passed(self) -> bool:
        return self.result is not None and (self.result.eligible, self.result.amount_yuan) == (
            self.case.eligible,
            self.case.amount_yuan,
        )

    @property
    def got(self) -> str:
        if self.result is None:
            return self.error
        return describe(self.result.eligible, self.result.amount_yuan)

    @property
    def expected(self) -> str:
        return describe(self.case.eligible, self.case.amount_yuan)

    def problem(self) -> Problem:
        """A failed case as an error at its line in the rules file."""
        about = f" ({self.case.about})" if self.case.about else ""
        return Problem(
            str(self.rule.file),
            f"golden case of {self.rule.id}{about}: got {self.got}",
            where=self.case.where,
            line=self.case.line,
            expected=self.expected,
        )


def describe(eligible: bool, amount: Decimal | None) -> str:
    """A case's result in the words of the rules file: not eligible, "unspecified", or yuan."""
    if not eligible:
        return "not eligible"
    return "eligible, amount_yuan = " + ('"unspecified"' if amount is None else f'"{amount.normalize():f}"')


def run_cases(
    library: Library, rules: Iterable[Rule], as_of: date, aliases: Aliases = no_aliases
) -> Iterator[CaseOutcome]:
    """`aliases`: the labels a case may give a choice by (such as 省级)."""
    for rule in rules:
        for case in rule.cases:
            try:
                result = calculate(library, rule, dict(case.inputs), as_of, aliases)
            except InputError as error:
                yield CaseOutcome(rule, case, None, str(error))
                continue
            yield CaseOutcome(rule, case, result)
