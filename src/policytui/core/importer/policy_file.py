"""The policy TOML of an import: [policy], its quoted provisions, and every clause with its figures."""

from __future__ import annotations

from policytui.core.importer.metadata import PolicyMeta
from policytui.core.importer.records import DraftClause, Wording, mark
from policytui.core.importer.toml_writer import TomlLines
from policytui.core.schema import POLICY_FIELDS, POLICY_QUOTES


def write_policy(
    meta: PolicyMeta, clauses: list[DraftClause], source_name: str, heading: str, words: Wording, lang: str
) -> TomlLines:
    out = TomlLines(words, lang)
    out.comment(heading)
    out.note(mark("import.file.policy"))
    out.key("schema", 1)
    out.header("policy")
    fields = dict(meta.fields, source=source_name)
    for key in POLICY_FIELDS:
        if key in fields:
            out.key(key, fields[key], meta.marks.get(key, []), where=f"policy.{key}")
    for key in POLICY_QUOTES:
        if key in meta.quotes:
            out.header(f"policy.{key}")
            out.key("text", meta.quotes[key], where=f"policy.{key}")
    for clause in clauses:
        _clause(out, clause)
    return out


def _clause(out: TomlLines, clause: DraftClause) -> None:
    out.header("clauses", array=True)
    out.key("id", clause.id)
    if clause.parent:
        out.key("parent", clause.parent)
    out.key("kind", clause.kind, clause.marks.get("kind", []), where=f"{clause.id}.kind")
    if clause.label:
        out.key("label", clause.label)
    if clause.title:
        out.key("title", clause.title, clause.marks.get("title", []), where=f"{clause.id}.title")
    out.key("text", clause.text)
    if clause.departments:
        out.key(
            "departments",
            clause.departments,
            clause.marks.get("departments", []),
            where=f"{clause.id}.departments",
        )
    out.key("topics", clause.topics, clause.marks.get("topics", []), where=f"{clause.id}.topics")
    for n, amount in enumerate(clause.amounts, start=1):
        out.header("clauses.amounts", array=True)
        out.key("role", amount.role, amount.marks, where=f"{clause.id}.amounts[{n}]")
        if amount.value is not None:
            out.key("value", amount.value)
            out.key("unit", amount.unit)
        out.key("qualifiers", amount.qualifiers)
        out.key("period", amount.period)
        if amount.level:
            out.key("level", amount.level)
        if amount.base:
            out.key("base", amount.base)
        out.key("subject", amount.subject)
        out.key("quote", amount.quote)
