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
from policytui.core.importer.metadata import read_metadata
from policytui.core.importer.paragraphs import split_paragraphs
from policytui.core.importer.policy_file import write_policy
from policytui.core.importer.records import DraftClause
from policytui.core.importer.rules_draft import draft_rules
from policytui.core.importer.structure import build_clauses, has_structure
from policytui.core.importer.topics import assign_topics
from policytui.core.model import Topic
from policytui.core.schema import ID_PATTERN

__all__ = ["ImportResult", "SourceError", "import_policy"]


@dataclass(frozen=True, slots=True)
class ReviewItem:
    file: str  # "policy" or "rules"
    line: int
    where: str
    message: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    policy_id: str
    policy_toml: str
    rules_toml: str | None
    source_text: str  # the source as UTF-8, the copy the policy file points to
    encoding: str
    clauses: tuple[DraftClause, ...]
    review: tuple[ReviewItem, ...]


def import_policy(raw: bytes, topics: Iterable[Topic], *, source_name: str, policy_id: str = "",
                  city: str = "", city_en: str = "") -> ImportResult:
    """Import the bytes of a policy text; SourceError (one line) when it cannot be done."""
    text, encoding = decode_source(raw)
    paragraphs, skipped = split_paragraphs(text)
    clauses = build_clauses(paragraphs)
    if not has_structure(clauses):
        raise SourceError("no recognisable structure: no numbered part or item (一、 （一） 1． 第一条 …) "
                          "was found (expected the text of a policy document)")
    for clause in clauses:
        _read_clause(clause)
    assign_topics(clauses, topics)
    meta = read_metadata(clauses)
    if city:
        meta.fields["city"] = city
    if "city" not in meta.fields:
        raise SourceError("the title names no city (…市): give it with --city, and an id with --id")
    if city_en:
        meta.fields["city_en"] = city_en
    else:
        meta.fields["city_en"] = _pinyin(str(meta.fields["city"]))
        meta.mark("city_en", "the city's name in pinyin; give --city-en for another spelling")
    policy_id = policy_id or _default_id(meta.fields)
    if not ID_PATTERN.match(policy_id):
        raise SourceError(f"'{policy_id}' is not a usable id (expected a-z, 0-9 and -, such as wuxi-draft): "
                          "give one with --id")
    meta.fields = {"id": policy_id, **meta.fields}
    for line in skipped:
        meta.mark("source", f"source line {line.line} left out as web-page navigation: {line.text[:40]}")
    title = str(meta.fields.get("title", policy_id))
    policy = write_policy(meta, clauses, source_name, f"《{title}》")
    rules = draft_rules(policy_id, clauses)
    review = [ReviewItem("policy", line, where, message) for line, where, message in policy.marks]
    review += [ReviewItem("rules", line, where, message) for line, where, message in (rules.marks if rules else [])]
    return ImportResult(policy_id, policy.text(), rules.text() if rules else None, text, encoding,
                        tuple(clauses), tuple(review))


def _read_clause(clause: DraftClause) -> None:
    clause.departments, note = read_departments(clause.text)
    if note:
        clause.mark("departments", f"the note “{note}” speaks of the items after this one; "
                    "their lists hold only the departments they print")
    clause.amounts = read_figures(clause.text)
    if clause.kind == "paragraph" and clause.title:
        clause.mark("title", "the title is the paragraph's lead sentence")


def _pinyin(city: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(city)).capitalize()


def _default_id(fields: dict) -> str:
    """nanjing-2021 (the year it was issued), wuxi-draft (a draft), else the city alone."""
    city = re.sub(r"[^a-z0-9]", "", str(fields.get("city_en", "")).lower())
    issued = str(fields.get("issued", ""))[:4]
    suffix = "draft" if fields.get("draft") else issued
    return f"{city}-{suffix}" if suffix else city
