"""Rule kinds: one class each, with its reading, evaluation and sweep marks (base.Kind).

To add a kind: a RuleKind member in rules.py, a Kind subclass in a module here, its
entry in KINDS, its step wording in i18n.py, and its section in docs/data-format.md.
"""

from __future__ import annotations

from policytui.core.calc.kinds.base import Kind
from policytui.core.calc.kinds.by_level import ByLevel
from policytui.core.calc.kinds.fixed import Fixed
from policytui.core.calc.kinds.rate import Rate
from policytui.core.calc.kinds.stepped import Stepped
from policytui.core.calc.kinds.tiered_rate import TieredRate
from policytui.core.calc.kinds.unspecified import Unspecified
from policytui.core.calc.rules import Rule, RuleKind

KINDS: dict[RuleKind, Kind] = {
    k.kind: k for k in (Fixed(), ByLevel(), Rate(), TieredRate(), Stepped(), Unspecified())
}
# every key some kind reads: a key of another kind is reported, not ignored
KIND_KEYS = frozenset().union(*(k.keys for k in KINDS.values()))


def kind_of(rule: Rule) -> Kind:
    return KINDS[rule.kind]
