"""The calculator's records: a step of a trace, an amount with its bound.

The core says what happened as an i18n key and language-neutral values (Decimal yuan,
Amount, Condition, Band, input names, verbatim quotes); render/calc words them in
either language, so that a result computed once can be shown in both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Step:
    """One thing said about a computation: an i18n key and its values.

    By name, `input` is an input's name (worded as its label and the value typed), `choice`
    a choice's value; a Decimal is yuan; a str under any other name is quoted verbatim. An
    input error's Step (render's error_text) holds the RuleInput itself: its label and forms."""

    key: str
    params: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, key: str, **params: object) -> Step:
        return cls(key, MappingProxyType(params))


@dataclass(frozen=True, slots=True)
class Bounded:
    """An amount with the bound the text puts on it: 最高 (upper), 不低于 (lower) or exact."""

    yuan: Decimal
    upper: bool
    lower: bool
