"""A draft rules file for the awards whose pattern is unambiguous, each marked for review.

Only the kinds the rules reader knows and only clear sentences: one award (fixed), awards
paired with 国家级/省级 (by-level), one rate on a named base with at most one cap (rate).
No golden case is written: the person writes them; until then validate warns.
"""

from __future__ import annotations

from policytui.core.importer.records import DraftAmount, DraftClause, Wording, mark
from policytui.core.importer.toml_writer import TomlLines

_LEVEL_LABELS = {"national": "国家级", "provincial": "省级", "municipal": "市级"}
# A drafted rule: its kind, its fields, and its inputs as (name, type, label, choices).
DraftRule = tuple[str, dict[str, object], list[tuple[str, str, str, list[str]]]]


def draft_rules(
    policy_id: str, clauses: list[DraftClause], words: Wording, lang: str
) -> tuple[TomlLines | None, int]:
    """(the rules file, how many rules), or (None, 0) when no award has a clear pattern."""
    out = TomlLines(words, lang)
    out.note(mark("import.file.rules", id=policy_id))
    out.key("schema", 1)
    out.key("policy_id", policy_id)
    count = 0
    for clause in clauses:
        for n, (sentence, figures) in enumerate(_sentences(clause), start=1):
            rule = _rule(figures)
            if rule is None:
                continue
            count += 1
            kind, fields, inputs = rule
            out.header("rules", array=True)
            rule_id = f"{clause.id.replace('.', '-')}-{n}"
            out.key("id", rule_id, [mark("import.mark.rule", kind=kind)], where=f"rules.{rule_id}")
            out.key("clause", clause.id)
            out.key("name", _name(clause, figures))
            out.key("kind", kind)
            out.key("text", _cited(sentence, clause.label, figures))
            tables = {key: value for key, value in fields.items() if isinstance(value, list)}
            for key, value in fields.items():
                if key not in tables:
                    out.key(key, value)
            for key, entries in tables.items():  # [[rules.tiers]], one table each
                for entry in entries:
                    out.header(f"rules.{key}", array=True)
                    for name, value in entry.items():
                        out.key(name, value)
            for name, input_type, label, choices in inputs:
                out.header("rules.inputs", array=True)
                out.key("name", name)
                out.key("type", input_type)
                out.key("label", label)
                if choices:
                    out.key("choices", choices)
    return (out, count) if count else (None, 0)


def _sentences(clause: DraftClause) -> list[tuple[str, list[DraftAmount]]]:
    grouped: dict[str, list[DraftAmount]] = {}
    for amount in clause.amounts:
        grouped.setdefault(amount.sentence, []).append(amount)
    return list(grouped.items())


def _name(clause: DraftClause, figures: list[DraftAmount]) -> str:
    """The award's name in the text's words: its subject, with the clause's title when that is bare (奖励)."""
    named = [
        a.subject
        for role in ("award", "rate", "cap")
        for a in figures
        if a.role == role and a.subject != a.base
    ]  # a rate named after its base names nothing
    subject = named[0] if named else figures[0].subject
    if len(subject) <= 2 and clause.title:
        return clause.title + subject
    return subject or clause.id


def _figure(amount: DraftAmount) -> dict[str, str]:
    return {"value": amount.value or "", "unit": amount.unit or ""}


def _rule(figures: list[DraftAmount]) -> DraftRule | None:
    """(kind, fields, inputs) for a clear pattern, else None."""
    if any(a.value is None or a.period == "multi-year" for a in figures):
        return None
    roles = [a.role for a in figures]
    if roles == ["award"]:
        return "fixed", {"award": _figure(figures[0])}, []
    levels = [a.level for a in figures if a.level]
    if set(roles) == {"award"} and len(figures) >= 2 and len(set(levels)) == len(levels) == len(figures):
        label = "、".join(_LEVEL_LABELS[level] for level in levels)
        return (
            "by-level",
            {"awards": {level: _figure(a) for level, a in zip(levels, figures, strict=True)}},
            [("level", "choice", label, levels)],
        )
    if roles in (["rate"], ["rate", "cap"]) and figures[0].base:
        fields: dict[str, object] = {"base": "base", "rate": _figure(figures[0])}
        if len(figures) == 2:
            fields["cap"] = _figure(figures[1])
        return "rate", fields, [("base", "money", figures[0].base, [])]
    return _tiered(figures)


def _cited(sentence: str, label: str, figures: list[DraftAmount]) -> str:
    """The sentence a rule cites, without the item's label (第三条) unless a figure's quote holds it."""
    bare = sentence.removeprefix(label).strip()
    return bare if all(a.quote in bare for a in figures) else sentence


def _tiered(figures: list[DraftAmount]) -> DraftRule | None:
    """A stepped award: tiers of the base (X（含）至Y、…、Z及以上) and as many rates, then a cap."""
    thresholds = [a for a in figures if a.role == "threshold"]
    rates = [a for a in figures if a.role == "rate"]
    caps = [a for a in figures if a.role == "cap"]
    if len(thresholds) + len(rates) + len(caps) != len(figures) or len(caps) > 1 or not rates:
        return None
    bounds: list[list[DraftAmount]] = []  # [lower] or [lower, upper] per tier
    for threshold in thresholds:
        if bounds and len(bounds[-1]) == 1 and bounds[-1][0].opens_range:
            bounds[-1].append(threshold)
        else:
            bounds.append([threshold])
    if (
        len(bounds) < 2
        or len(bounds) != len(rates)
        or any(len(b) == 1 for b in bounds[:-1])
        or not rates[0].base
    ):
        return None
    tiers = []
    for bound, rate in zip(bounds, rates, strict=False):
        tier = {"from": _bound(bound[0]), "rate": _figure(rate), "quote": bound[0].quote}
        if len(bound) == 2:
            tier["to"] = _bound(bound[1])
        tiers.append(tier)
    fields: dict[str, object] = {"base": "base"}
    if caps:
        fields["cap"] = _figure(caps[0])
    return "tiered-rate", fields | {"tiers": tiers}, [("base", "money", rates[0].base, [])]


def _bound(amount: DraftAmount) -> dict[str, object]:
    inclusive = any(q in amount.qualifiers for q in ("（含）", "及以上", "以上"))
    return _figure(amount) | {"inclusive": inclusive}
