"""`policytui import`: a policy text into a structured policy file, a draft rules file and review marks.

decoding → paragraphs → structure (the clause tree) → departments, figures, topics →
metadata → the TOML files, each guess marked for review (review.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from policytui.core.importer.decoding import SourceError, decode_source
from policytui.core.importer.departments import read_departments
from policytui.core.importer.figures import read_figures
from policytui.core.importer.metadata import PolicyMeta, read_metadata
from policytui.core.importer.paragraphs import split_paragraphs, without_lines
from policytui.core.importer.policy_file import write_policy
from policytui.core.importer.records import DraftClause, Wording
from policytui.core.importer.rules_draft import draft_rules
from policytui.core.importer.structure import build_clauses, has_structure
from policytui.core.importer.topics import assign_topics
from policytui.core.model import Topic
from policytui.core.schema import ID_PATTERN

__all__ = ["ImportedPolicy", "SourceError", "import_policy"]


@dataclass(frozen=True, slots=True)
class ReviewItem:
    file: str  # "policy" or "rules"
    line: int
    where: str
    message: str


@dataclass(frozen=True, slots=True)
class ImportedFiles:
    policy_toml: str
    rules_toml: str | None
    rules: int  # how many draft rules
    review: tuple[ReviewItem, ...]


@dataclass(frozen=True, slots=True)
class ImportedPolicy:
    policy_id: str
    meta: PolicyMeta
    clauses: tuple[DraftClause, ...]
    source_text: str  # the copy the policy file points to: UTF-8, without the web page's navigation
    encoding: str

    @property
    def figures(self) -> int:
        return sum(len(c.amounts) for c in self.clauses)

    def files(self, source_name: str, words: Wording, lang: str = "zh") -> ImportedFiles:
        """The policy TOML (pointing at `source_name`), the draft rules and the review list,
        their comments and marks worded by `words` (render.importer.mark_words)."""
        title = str(self.meta.fields.get("title", self.policy_id))
        policy = write_policy(self.meta, list(self.clauses), source_name, f"《{title}》", words, lang)
        rules, count = draft_rules(self.policy_id, list(self.clauses), words, lang)
        review = [ReviewItem("policy", line, where, message) for line, where, message in policy.marks]
        if rules is not None:
            review += [ReviewItem("rules", line, where, message) for line, where, message in rules.marks]
        return ImportedFiles(policy.text(), rules.text() if rules else None, count, tuple(review))


def import_policy(
    raw: bytes, topics: Iterable[Topic], *, policy_id: str = "", city: str = "", city_en: str = ""
) -> ImportedPolicy:
    """Read the bytes of a policy text; SourceError (one line) when it cannot be done."""
    text, encoding = decode_source(raw)
    paragraphs, skipped = split_paragraphs(text)
    clauses = build_clauses(paragraphs)
    if not has_structure(clauses):
        raise SourceError("import.error.structure")
    for clause in clauses:
        _read_clause(clause)
    assign_topics(clauses, topics)
    meta = read_metadata(clauses)
    if "title" not in meta.fields:
        raise SourceError("import.error.no_title")
    if city:
        meta.fields["city"] = city
    if "city" not in meta.fields:
        raise SourceError("import.error.no_city")
    if city_en:
        meta.fields["city_en"] = city_en
    else:
        meta.fields["city_en"] = _pinyin(str(meta.fields["city"]))
        meta.mark("city_en", "import.mark.city_en")
    policy_id = policy_id or _default_id(meta.fields)
    if not ID_PATTERN.match(policy_id):
        raise SourceError("import.error.bad_id", id=policy_id)
    meta.fields = {"id": policy_id, **meta.fields}
    for line in skipped:
        meta.mark("source", "import.mark.skipped", line=str(line.line), text=line.text[:40])
    return ImportedPolicy(policy_id, meta, tuple(clauses), without_lines(text, skipped), encoding)


def _read_clause(clause: DraftClause) -> None:
    clause.departments, note = read_departments(clause.text)
    if note:
        clause.mark("departments", "import.mark.department_note", note=note)
    clause.amounts = read_figures(clause.text)
    if clause.kind == "paragraph" and clause.title:
        clause.mark("title", "import.mark.lead_title")


def _pinyin(city: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(city)).capitalize()


def _default_id(fields: dict[str, object]) -> str:
    """nanjing-2021 (the year it was issued), wuxi-draft (a draft), else the city alone."""
    city = re.sub(r"[^a-z0-9]", "", str(fields.get("city_en", "")).lower())
    issued = str(fields.get("issued", ""))[:4]
    suffix = "draft" if fields.get("draft") else issued
    return f"{city}-{suffix}" if suffix else city
