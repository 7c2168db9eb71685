"""Read what a person typed for a rule's inputs: money, years or a choice.

Every failure is an InputError naming the field and the accepted forms, so the CLI
prints one line and the TUI shows it beside the field, keeping everything else typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from policytui.core.calc.rules import Rule, RuleInput
from policytui.core.money import parse_money
from policytui.core.sanitize import shorten
from policytui.i18n import STRINGS, t

FEN = Decimal("0.01")
# A number of years, such as 3, 2.5 or 3年: at most MAX_YEARS, which no rule's tier comes near.
_YEARS = re.compile(r"\s*(\d{1,3}(?:\.\d{1,4})?)\s*年?\s*")
MAX_YEARS = 100

Value = Decimal | str  # yuan or years; the value of a choice


class InputError(ValueError):
    """A bad or missing input; `field` is the input's name."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def field_name(spec: RuleInput, lang: str) -> str:
    """How messages name a field: its label and the NAME to type on the command line."""
    return f"{spec.display_label(lang)}（{spec.name}）" if lang == "zh" else f"{spec.display_label(lang)} ({spec.name})"


def choice_label(value: str, lang: str = "zh") -> str:
    """A choice as people say it: 国家级 for national; the value itself if it has no label."""
    for key in (f"calc.choice.{value}", f"level.{value}"):
        if key in STRINGS:
            return t(key, lang)
    return value


def accepted_forms(spec: RuleInput, lang: str = "zh") -> str:
    """What may be typed into the field, to end every message about it."""
    if spec.type == "choice":
        labelled = (f"{c}（{choice_label(c, lang)}）" if choice_label(c, lang) != c else c for c in spec.choices)
        return t("calc.forms.choice", lang, choices="、".join(labelled))
    return t(f"calc.forms.{spec.type}", lang)


def parse_value(spec: RuleInput, raw: str, lang: str = "zh") -> Value:
    text = raw.strip()
    if not text:
        raise _error(spec, "calc.error.missing", lang, text)
    if spec.type == "money":
        return _money(spec, text, lang)
    if spec.type == "years":
        match = _YEARS.fullmatch(text)
        if match is None or Decimal(match.group(1)) > MAX_YEARS:
            raise _error(spec, "calc.error.years", lang, text)
        return Decimal(match.group(1))
    return _choice(spec, text, lang)


def _error(spec: RuleInput, key: str, lang: str, value: str) -> InputError:
    return InputError(spec.name, t(key, lang, field=field_name(spec, lang), value=shorten(value),
                                   forms=accepted_forms(spec, lang)))


def _money(spec: RuleInput, text: str, lang: str) -> Decimal:
    try:
        yuan = parse_money(text)  # it also refuses sums too large to be a subsidy's base
    except ValueError:
        raise _error(spec, "calc.error.money", lang, text) from None
    if yuan != yuan.quantize(FEN):
        raise _error(spec, "calc.error.fen", lang, text)
    return yuan


def _choice(spec: RuleInput, text: str, lang: str) -> str:
    wanted = text.casefold()
    for choice in spec.choices:
        if wanted in {choice.casefold(), *(choice_label(choice, lg).casefold() for lg in ("zh", "en"))}:
            return choice
    raise _error(spec, "calc.error.choice", lang, text)


def parse_inputs(rule: Rule, raw: Mapping[str, str], lang: str = "zh") -> tuple[dict[str, Value], dict[str, InputError]]:
    """Every input read, and the error of each one that could not be (missing ones included)."""
    values: dict[str, Value] = {}
    errors: dict[str, InputError] = {}
    for name in raw:
        if rule.input(name) is None:
            inputs = ", ".join(i.name for i in rule.inputs) or t("calc.none", lang)
            errors[name] = InputError(name, t("calc.error.unknown_input", lang, rule=rule.id, name=name, inputs=inputs))
    for spec in rule.inputs:
        try:
            values[spec.name] = parse_value(spec, raw.get(spec.name, ""), lang)
        except InputError as error:
            errors[spec.name] = error
    return values, errors
