"""Read what a person typed for a rule's inputs: money, years or a choice.

Every failure is an InputError: the field, a code and its values, which render/calc words
(naming the field and the accepted forms), so the CLI prints one line and the TUI shows it
beside the field, keeping everything else typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

from policytui.core.calc.rules import Rule, RuleInput
from policytui.core.money import parse_money
from policytui.core.sanitize import shorten

FEN = Decimal("0.01")
# A number of years, such as 3, 2.5 or 3年: at most MAX_YEARS, which no rule's tier comes near.
_YEARS = re.compile(r"\s*(\d{1,3}(?:\.\d{1,4})?)\s*年?\s*")
MAX_YEARS = 100

Value = Decimal | str  # yuan or years; the value of a choice
# The other words a choice may be typed as (its labels in each language): the renderer knows them.
Aliases = Callable[[str], Iterable[str]]


def no_aliases(choice: str) -> Iterable[str]:
    return ()


def number(values: Mapping[str, Value], name: str) -> Decimal:
    """The value of a money or years input (the rule's kind says which inputs are)."""
    value = values[name]
    if not isinstance(value, Decimal):
        raise TypeError(f"{name} is a choice, not a number")
    return value


def chosen(values: Mapping[str, Value], name: str) -> str:
    """The value of a choice input."""
    value = values[name]
    if not isinstance(value, str):
        raise TypeError(f"{name} is a number, not a choice")
    return value


class InputError(ValueError):
    """A bad or missing input: `field` is the input's name, `code` what is wrong
    (missing, money, fen, years, choice, unknown_input, profile_value), `params` its values:
    `input` (the RuleInput) and `value` (what was typed, shortened), or what the code needs.

    Its str() is for a rules file's problems, in English as the loader's are; a person
    reads it worded by render/calc (error_text)."""

    def __init__(self, field: str, code: str, params: Mapping[str, object]) -> None:
        typed = params.get("value")
        super().__init__(f"{field}: {code.replace('_', ' ')}" + (f" '{typed}'" if typed else ""))
        self.field = field
        self.code = code
        self.params = params


def parse_value(spec: RuleInput, raw: str, aliases: Aliases = no_aliases) -> Value:
    text = raw.strip()
    if not text:
        raise _error(spec, "missing", text)
    if spec.type == "money":
        return _money(spec, text)
    if spec.type == "years":
        match = _YEARS.fullmatch(text)
        if match is None or Decimal(match.group(1)) > MAX_YEARS:
            raise _error(spec, "years", text)
        return Decimal(match.group(1))
    return _choice(spec, text, aliases)


def parse_number(spec: RuleInput, raw: str) -> Decimal:
    """What was typed for a money or years input (a sweep's ends)."""
    return number({spec.name: parse_value(spec, raw)}, spec.name)


def _error(spec: RuleInput, code: str, value: str) -> InputError:
    return InputError(spec.name, code, {"input": spec, "value": shorten(value)})


def _money(spec: RuleInput, text: str) -> Decimal:
    try:
        yuan = parse_money(text)  # it also refuses sums too large to be a subsidy's base
    except ValueError:
        raise _error(spec, "money", text) from None
    if yuan != yuan.quantize(FEN):
        raise _error(spec, "fen", text)
    return yuan


def _choice(spec: RuleInput, text: str, aliases: Aliases) -> str:
    wanted = text.casefold()
    for choice in spec.choices:
        if wanted in {choice.casefold(), *(alias.casefold() for alias in aliases(choice))}:
            return choice
    raise _error(spec, "choice", text)


def parse_inputs(
    rule: Rule, raw: Mapping[str, str], aliases: Aliases = no_aliases
) -> tuple[dict[str, Value], dict[str, InputError]]:
    """Every input read, and the error of each one that could not be (missing ones included)."""
    values: dict[str, Value] = {}
    errors: dict[str, InputError] = {}
    for name in raw:
        if rule.input(name) is None:
            errors[name] = InputError(
                name,
                "unknown_input",
                {"rule": rule.id, "name": name, "inputs": tuple(i.name for i in rule.inputs)},
            )
    for spec in rule.inputs:
        try:
            values[spec.name] = parse_value(spec, raw.get(spec.name, ""), aliases)
        except InputError as error:
            errors[spec.name] = error
    return values, errors
