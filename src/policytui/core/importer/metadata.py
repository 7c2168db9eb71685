"""The [policy] table read off the text: title, city, issuer, dates, draft mark and the quoted
provisions (scope, interpretation, non-stacking, validity). What the text does not print
is not stored; what is inferred (the province, an English city name) carries a review mark.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from policytui.core.importer.records import DraftClause, Mark, mark
from policytui.core.importer.structure import DATE_LINE, DRAFT_MARK

_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_ORGANISATION = re.compile(r"(人民政府|办公厅|办公室|委员会|局|委|厅|部)$")
_PROVINCE = re.compile(r"([\u4e00-\u9fff]{2,3}?)省")
_NOT_A_PROVINCE = {"本", "全", "各", "外", "我", "该", "分"}


@dataclass(slots=True)
class PolicyMeta:
    fields: dict[str, object] = field(default_factory=dict)  # key -> value, in the schema's order
    quotes: dict[str, str] = field(default_factory=dict)  # scope, interpretation, non_stacking, validity
    marks: dict[str, list[Mark]] = field(default_factory=dict)  # key -> its review marks

    def mark(self, key: str, message_key: str, **values: str) -> None:
        self.marks.setdefault(key, []).append(mark(message_key, **values))


def read_metadata(clauses: list[DraftClause]) -> PolicyMeta:
    meta = PolicyMeta()
    title_clause = next((c for c in clauses if c.kind == "title"), None)
    notice = next((c for c in clauses if c.kind == "notice"), None)
    title = title_clause.title if title_clause else ""
    if not title and notice is not None:
        inner = re.search(r"印发(.+?)的通知", notice.title)
        title = inner.group(1) if inner else notice.title
    if title:
        meta.fields["title"] = title
    city = _city(title or (notice.title if notice else ""))
    if city:
        meta.fields["city"] = city
    province = _province(clauses)
    if province:
        meta.fields["province"] = province
        meta.mark("province", "import.mark.province", province=province)
    if notice is not None:
        issuer, issued = _signature(notice.text)
        if issuer:
            meta.fields["issuer"] = issuer
        if issued:
            meta.fields["issued"] = issued
    imprint = next((c for c in clauses if c.id == "imprint"), None)
    if imprint is not None:
        match = _DATE.search(imprint.text)
        if match and match.group(3):
            meta.fields["printed"] = _iso(match.group(0))
    _dates_and_quotes(clauses, meta)
    draft = DRAFT_MARK.search(title_clause.text) if title_clause else None
    meta.fields["draft"] = draft is not None
    if draft is not None:
        meta.fields["draft_label"] = draft.group(1)
    return meta


def _city(title: str) -> str:
    match = re.match(r"^(?:[\u4e00-\u9fff]{2,3}省)?([\u4e00-\u9fff]{2,4}?)市(?!政府|委)", title)
    return match.group(1) if match else ""


def _province(clauses: list[DraftClause]) -> str:
    counts = Counter(
        m.group(1)[-2:]
        for c in clauses
        for m in _PROVINCE.finditer(c.text)
        if m.group(1)[-1] not in _NOT_A_PROVINCE and m.group(1)[-2:][0] not in _NOT_A_PROVINCE
    )
    return counts.most_common(1)[0][0] if counts else ""


def _signature(notice: str) -> tuple[str, str]:
    """(issuer, issue date) from the signature of a notice: a name over a date line."""
    lines = [line.strip() for line in notice.splitlines()]
    for name, date_line in itertools.pairwise(lines):
        if DATE_LINE.match(date_line) and _ORGANISATION.search(name) and len(name) <= 20:
            return name, _iso(date_line)
    return "", ""


def _iso(text: str) -> str:
    """The first date of `text` as ISO (2021-07 or 2021-07-01); "" when it holds none."""
    match = _DATE.search(text)
    if match is None:
        return ""
    year, month, day = match.group(1), int(match.group(2)), match.group(3)
    return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def _sentences(clauses: list[DraftClause]) -> Iterator[str]:
    """Every sentence of the text, without labels, last clause first (provisions close a text)."""
    for clause in reversed(clauses):
        body = clause.text[len(clause.label) :] if clause.label else clause.text
        for sentence in re.findall(r"[^。\n]+。?", body):
            yield sentence.strip()


def _dates_and_quotes(clauses: list[DraftClause], meta: PolicyMeta) -> None:
    for sentence in _sentences(clauses):
        until = re.search(r"有效期至\s*" + _DATE.pattern, sentence)
        if until and "valid_until" not in meta.fields:
            meta.fields["valid_until"] = _iso(until.group(0))
            end = until.end()
            meta.quotes["validity"] = sentence[:end] + ("。" if sentence[end:] == "。" else "")
        start = re.search(r"自\s*" + _DATE.pattern + r"\s*起\s*(施行|实施|执行)", sentence)
        if start and start.group(4) and "effective_from" not in meta.fields:
            meta.fields["effective_from"] = _iso(start.group(0))
        if "解释" in sentence and "负责" in sentence and "interpretation" not in meta.quotes:
            segments = re.split(r"(?<=，)", sentence)
            first = next(i for i, s in enumerate(segments) if "解释" in s or "负责" in s)
            meta.quotes["interpretation"] = "".join(segments[first:])
        if "就高" in sentence and "non_stacking" not in meta.quotes:
            meta.quotes["non_stacking"] = sentence
        if (
            re.match(r"^本(政策|办法|措施|细则|规定|方案)(适用|所指|所称)", sentence)
            and "scope" not in meta.quotes
        ):
            meta.quotes["scope"] = sentence
