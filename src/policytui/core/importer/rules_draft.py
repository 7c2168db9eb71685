"""A draft rules file for the awards whose pattern is unambiguous, each marked for review.

Only the kinds the rules reader knows and only clear sentences: one award (fixed), awards
paired with 国家级/省级 (by-level), one rate on a named base with at most one cap (rate).
No golden case is written: the person writes them; until then validate warns.
"""

from __future__ import annotations

from policytui.core.importer.records import DraftAmount, DraftClause, mark
from policytui.core.importer.toml_writer import TomlLines
from policytui.i18n import t

_LEVEL_LABELS = {"national": "国家级", "provincial": "省级", "municipal": "市级"}


def draft_rules(policy_id: str, clauses: list[DraftClause], lang: str) -> TomlLines | None:
    """The rules file, or None when no award has a clear pattern."""
    out = TomlLines(lang=lang)
    out.comment(t("import.file.rules", lang, id=policy_id))
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
            out.key("name", figures[0].subject or clause.title or clause.id)
            out.key("kind", kind)
            out.key("text", sentence)
            for key, value in fields.items():
                out.key(key, value)
            for name, input_type, label, choices in inputs:
                out.header("rules.inputs", array=True)
                out.key("name", name)
                out.key("type", input_type)
                out.key("label", label)
                if choices:
                    out.key("choices", choices)
    return out if count else None


def _sentences(clause: DraftClause) -> list[tuple[str, list[DraftAmount]]]:
    grouped: dict[str, list[DraftAmount]] = {}
    for amount in clause.amounts:
        grouped.setdefault(amount.sentence, []).append(amount)
    return list(grouped.items())


def _figure(amount: DraftAmount) -> dict[str, str]:
    return {"value": amount.value or "", "unit": amount.unit or ""}


def _rule(figures: list[DraftAmount]):
    """(kind, fields, inputs) for a clear pattern, else None."""
    if any(a.value is None or a.period == "multi-year" for a in figures):
        return None
    roles = [a.role for a in figures]
    if roles == ["award"]:
        return "fixed", {"award": _figure(figures[0])}, []
    if set(roles) == {"award"} and len(figures) >= 2 and all(a.level for a in figures):
        levels = [a.level for a in figures]
        if len(set(levels)) == len(levels):
            label = "、".join(_LEVEL_LABELS[level] for level in levels)
            return ("by-level", {"awards": {a.level: _figure(a) for a in figures}},
                    [("level", "choice", label, levels)])
    if roles in (["rate"], ["rate", "cap"]) and figures[0].base:
        fields = {"base": "base", "rate": _figure(figures[0])}
        if len(figures) == 2:
            fields["cap"] = _figure(figures[1])
        return "rate", fields, [("base", "money", figures[0].base, [])]
    return None
