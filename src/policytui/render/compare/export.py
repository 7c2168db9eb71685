"""The comparison and the matrix as Markdown, CSV and JSON text, for files and the clipboard.

Every export names each policy's status as of the comparison date, like every view.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Any

from policytui.core.compare.awards import Offer, clause_offers
from policytui.core.compare.comparison import Comparison
from policytui.core.compare.matrix import Matrix
from policytui.core.compare.phrases import Span
from policytui.core.compare.selection import printed_heading_length
from policytui.core.model import Clause, Policy
from policytui.core.serialize import AmountJson, amount_json
from policytui.core.status import PolicyStatus
from policytui.core.vocabulary import WAN, WAN_YUAN
from policytui.i18n import t
from policytui.present import city_name, format_decimal, topic_name
from policytui.render.compare.wording import cell_text, describe_offer, largest_text, summary_lines
from policytui.render.status import status_text

FORMATS = ("md", "csv", "json")
_MARKDOWN_SPECIALS = "\\`*_[]<>|#"


def _clause_awards(clause: Clause, lang: str) -> list[str]:
    return [describe_offer(offer, lang) for offer in clause_offers(clause)] or [t("compare.no_award", lang)]


# -- JSON


def comparison_json(comparison: Comparison, lang: str = "zh") -> dict[str, Any]:
    return {
        "topic": {"id": comparison.topic.id, "name": comparison.topic.name},
        "columns": [
            {
                "policy": column.policy.id,
                "status": column.status.as_json(),
                "awards": summary_lines(column.awards, bool(column.clauses), lang),
                "clauses": [
                    {
                        "id": c.id,
                        "label": c.label,
                        "title": c.title,
                        "text": c.text,
                        "amounts": [amount_json(a) for a in c.amounts],
                    }
                    for c in column.clauses
                ],
            }
            for column in comparison.columns
        ],
    }


def matrix_json(matrix: Matrix, lang: str = "zh") -> dict[str, Any]:
    return {
        "policies": [
            {"id": p.id, "city": p.city, "city_en": p.city_en, "status": s.as_json()}
            for p, s in zip(matrix.policies, matrix.statuses, strict=False)
        ],
        "topics": [
            {
                "id": topic.id,
                "name": topic.name,
                "cells": [
                    {
                        "policy": cell.policy.id,
                        "clauses": cell.clauses,
                        "largest_award": _award_json(cell.awards.largest),
                        "unspecified_awards": len(cell.awards.unspecified),
                        "text": cell_text(cell, lang),
                    }
                    for cell in row
                ],
            }
            for topic, row in zip(matrix.topics, matrix.cells, strict=False)
        ],
    }


def _award_json(offer: Offer | None) -> AmountJson | None:
    return amount_json(offer.award) if offer is not None and offer.award is not None else None


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- CSV: one record per line, so a spreadsheet can sort and filter it


# A spreadsheet reads a cell that starts with one of these as a formula (=HYPERLINK(…), @SUM(…)|cmd);
# the full-width forms too, in some locales. OWASP's advice: a leading ' makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def _csv_cell(value: object) -> object:
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _csv(header: list[str], records: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)  # the excel dialect: quoted fields, CRLF line ends
    writer.writerow([_csv_cell(cell) for cell in header])
    writer.writerows([_csv_cell(cell) for cell in record] for record in records)
    return out.getvalue()


def comparison_csv(comparison: Comparison, lang: str = "zh") -> str:
    header = [
        t(k, lang)
        for k in (
            "compare.topic",
            "compare.row",
            "field.policy",
            "field.city",
            "field.status",
            "field.id",
            "field.label",
            "field.title",
            "field.text",
            "compare.awards",
        )
    ]
    topic = topic_name(comparison.topic, lang)
    records: list[list[object]] = []
    for k, column in enumerate(comparison.columns):
        policy, status = column.policy, status_text(column.status, lang)
        if not column.clauses:
            records.append(
                [
                    topic,
                    "",
                    policy.id,
                    city_name(policy, lang),
                    status,
                    "",
                    "",
                    "",
                    t("compare.no_clause", lang),
                    t("compare.no_clause", lang),
                ]
            )
        for number, row in enumerate(comparison.rows, start=1):
            clause = row[k]
            if clause is not None:
                records.append(
                    [
                        topic,
                        number,
                        policy.id,
                        city_name(policy, lang),
                        status,
                        clause.id,
                        clause.label,
                        clause.title,
                        clause.text,
                        "\n".join(_clause_awards(clause, lang)),
                    ]
                )
    return _csv(header, records)


def matrix_csv(matrix: Matrix, lang: str = "zh") -> str:
    largest_header = t("compare.largest", lang)
    header = [
        "topic_id",
        t("compare.topic", lang),
        "policy_id",
        t("field.city", lang),
        t("field.status", lang),
        t("field.clauses", lang),
        largest_header,
        largest_header + t("punct.notes", lang, notes=WAN_YUAN),
    ]
    records = []
    for topic, row in zip(matrix.topics, matrix.cells, strict=False):
        for cell, status in zip(row, matrix.statuses, strict=False):
            largest = cell.awards.largest
            records.append(
                [
                    topic.id,
                    topic_name(topic, lang),
                    cell.policy.id,
                    city_name(cell.policy, lang),
                    status_text(status, lang),
                    cell.clauses,
                    largest_text(cell.awards, lang),
                    format_decimal(largest.yuan / WAN) if largest and largest.yuan is not None else "",
                ]
            )
    return _csv(header, records)


# -- Markdown: a table that renders in any viewer


def _md(text: str) -> str:
    """Escape what Markdown would read as markup or as a table border; keep line breaks in the cell."""
    escaped = "".join(f"\\{ch}" if ch in _MARKDOWN_SPECIALS else ch for ch in text)
    return escaped.replace("\r\n", "\n").replace("\n", "<br>")


def _is_md_punctuation(ch: str) -> bool:
    """CommonMark's punctuation character: Unicode punctuation or symbol (（）、。“ included)."""
    return unicodedata.category(ch)[0] in "PS"


def _md_can_bold(before: str, inner: str, after: str) -> bool:
    """Whether `**inner**` between `before` and `after` (one character each, "" at an edge) is
    bold in CommonMark: the opener must be left-flanking and the closer right-flanking. In
    `**（二）**本办法` the closer follows a bracket and precedes a letter, so it closes nothing."""
    if not inner or inner[0].isspace() or inner[-1].isspace():
        return False
    opens = not _is_md_punctuation(inner[0]) or not before or before.isspace() or _is_md_punctuation(before)
    closes = not _is_md_punctuation(inner[-1]) or not after or after.isspace() or _is_md_punctuation(after)
    return opens and closes


def _md_bold(text: str, spans: list[Span]) -> str:
    """`text` escaped, with the spans (merged where they overlap) in bold: `**` where CommonMark
    reads it as bold, else an inline <strong> (which CommonMark passes through as HTML)."""
    parts, position = [], 0
    for start, end in sorted(spans):
        start = max(start, position)
        if end <= start:
            continue
        before, after = text[start - 1 : start], text[end : end + 1]
        inner = _md(text[start:end])
        bold = f"**{inner}**" if _md_can_bold(before, text[start:end], after) else f"<strong>{inner}</strong>"
        parts += [_md(text[position:start]), bold]
        position = end
    return "".join(parts) + _md(text[position:])


def _md_clause(clause: Clause, shared: tuple[Span, ...]) -> str:
    """The clause id, then its text with the printed heading and the shared wording in bold."""
    heading = printed_heading_length(clause)
    spans = [*shared, (0, heading)] if heading else list(shared)
    # a printed label or title not in the text goes above it; a clause without one shows its text once
    shown = not heading and (clause.label or clause.title)
    lead = f"`{clause.id}`<br>" + (f"**{_md(clause.heading)}**<br>" if shown else "")
    return lead + _md_bold(clause.text, spans)


def _md_policy(policy: Policy, status: PolicyStatus, lang: str) -> str:
    return _md(
        t(
            "compare.policy_line",
            lang,
            city=city_name(policy, lang),
            title=policy.display_title,
            status=status_text(status, lang),
        )
    )


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def comparison_markdown(comparison: Comparison, lang: str = "zh") -> str:
    columns = comparison.columns
    header = [""] + [_md_policy(c.policy, c.status, lang) for c in columns]
    rows = [
        [f"**{_md(t('compare.awards', lang))}**"]
        + ["<br>".join(_md(line) for line in summary_lines(c.awards, bool(c.clauses), lang)) for c in columns]
    ]
    for number, row in enumerate(comparison.rows, start=1):
        cells = [str(number)]
        for clause in row:
            if clause is None:
                cells.append("")
                continue
            cells.append(_md_clause(clause, comparison.shared.spans_of(clause)))
        rows.append(cells)
    if not comparison.rows:
        rows.append([""] + [_md(t("compare.no_clause", lang))] * len(columns))
    else:
        # a policy with nothing on the topic says so on the first row, not with an empty column
        for k, column in enumerate(columns):
            if not column.clauses:
                rows[1][k + 1] = _md(t("compare.no_clause", lang))
    lines = [
        f"# {_md(topic_name(comparison.topic, lang) + t('punct.notes', lang, notes=comparison.topic.id))}",
        "",
        _md(t("status.as_of", lang, date=comparison.as_of.isoformat())),
        "",
        *_md_table(header, rows),
    ]
    if comparison.shared.phrases:
        lines += [
            "",
            f"## {_md(t('compare.shared', lang))}",
            "",
            t("punct.list", lang).join(_md(p) for p in comparison.shared.phrases),
        ]
    return "\n".join(lines) + "\n"


def matrix_markdown(matrix: Matrix, lang: str = "zh") -> str:
    header = [_md(t("compare.topic", lang))] + [
        _md_policy(p, s, lang) for p, s in zip(matrix.policies, matrix.statuses, strict=False)
    ]
    rows = [
        [_md(topic_name(topic, lang) + t("punct.notes", lang, notes=topic.id))]
        + [_md(cell_text(cell, lang)) for cell in row]
        for topic, row in zip(matrix.topics, matrix.cells, strict=False)
    ]
    lines = [
        f"# {_md(t('compare.matrix', lang))}",
        "",
        _md(t("status.as_of", lang, date=matrix.as_of.isoformat())),
        "",
        *_md_table(header, rows),
    ]
    return "\n".join(lines) + "\n"


def render_comparison(comparison: Comparison, fmt: str, lang: str = "zh") -> str:
    renderers = {
        "md": comparison_markdown,
        "csv": comparison_csv,
        "json": lambda c, language: _dump(comparison_json(c, language)),
    }
    return renderers[fmt](comparison, lang)


def render_matrix(matrix: Matrix, fmt: str, lang: str = "zh") -> str:
    renderers = {
        "md": matrix_markdown,
        "csv": matrix_csv,
        "json": lambda m, language: _dump(matrix_json(m, language)),
    }
    return renderers[fmt](matrix, lang)
