"""Read one parsed TOML document into model records, checking it as it goes.

Each check names the key path and line of the problem, what is wrong and what
is expected (docs/data-format.md is the reference for every field).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from policytui.core.closest import closest
from policytui.core.fidelity import check_fidelity, normalize
from policytui.core.model import (
    Amount,
    Clause,
    IndicatorRow,
    IndicatorTable,
    Policy,
    Problem,
    StandingDepartments,
    Topic,
)
from policytui.core.problems import Expected, ProblemCode, ProblemParam, os_error_params
from policytui.core.sanitize import clean_text, shorten
from policytui.core.status import end_of_validity
from policytui.core.toml_lines import Path as KeyPath
from policytui.core.toml_lines import format_path, line_of
from policytui.core.vocabulary import MONEY_UNITS, QUALIFIERS, RATE_UNIT

SCHEMA_VERSION = 1
# Ids are checked with fullmatch: `$` alone would let a final newline through.
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
LOCAL_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9.-]*")
CLAUSE_KINDS = [
    "title",
    "notice",
    "preamble",
    "part",
    "section",
    "subsection",
    "item",
    "paragraph",
    "table",
    "closing",
    "cc",
]
ROLES = ("award", "rate", "cap", "threshold", "target", "baseline", "fund")
UNITS = (*MONEY_UNITS, RATE_UNIT)
PERIODS = ("one-off", "per-year", "multi-year", "unspecified")
LEVELS = ("national", "provincial", "municipal")
MIN_COVERAGE = 0.97

# Limits on what one file may hold: far above any real policy (the bundled ones have
# under 100 clauses of under 600 characters), low enough that a hostile file cannot
# freeze the tool. A figure has at most MAX_FIGURE_DIGITS digits and no exponent
# beyond MAX_FIGURE_EXPONENT, so arithmetic on it never overflows.
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_NESTING = 32  # tables and arrays within each other; the data files go 5 deep
MAX_TEXT_CHARS = 20_000
MAX_CLAUSES = 2_000
MAX_FIGURE_DIGITS = 20
MAX_FIGURE_EXPONENT = 15

# The [policy] table's keys, in the order a policy file gives them (the importer writes them so):
# its fields, then the verbatim quotes about the whole policy.
POLICY_FIELDS = (
    "id",
    "title",
    "city",
    "city_en",
    "province",
    "issuer",
    "issued",
    "printed",
    "effective_from",
    "valid_until",
    "draft",
    "draft_label",
    "source",
)
POLICY_QUOTES = (
    "scope",
    "interpretation",
    "non_stacking",
    "validity",
)
POLICY_KEYS = {*POLICY_FIELDS, *POLICY_QUOTES}
CLAUSE_KEYS = {
    "id",
    "parent",
    "kind",
    "label",
    "title",
    "text",
    "departments",
    "standing_departments",
    "topics",
    "amounts",
}
STANDING_KEYS = {"departments", "quote"}
AMOUNT_KEYS = {"role", "value", "unit", "qualifiers", "period", "level", "base", "subject", "quote"}
TABLE_KEYS = {"clause", "caption", "baseline_year", "target_year", "rows"}
ROW_KEYS = {
    "level1",
    "level2",
    "baseline",
    "target",
    "baseline_value",
    "baseline_unit",
    "target_value",
    "target_unit",
    "target_qualifier",
}
TOPIC_KEYS = {"id", "name", "name_en", "keywords"}
_FIGURE = re.compile(r"[\d.]+")  # a figure as printed in a quote, such as 500 or 0.5


class DocumentReader:
    """Reads fields from one document, collecting problems instead of raising."""

    def __init__(self, file: Path, raw: str) -> None:
        self.file = file
        self.raw = raw
        self.problems: list[Problem] = []

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def problem(
        self,
        path: KeyPath,
        code: ProblemCode,
        /,
        expected: Expected | None = None,
        severity: str = "error",
        **params: ProblemParam,
    ) -> None:
        self.add(path, code, params, expected, severity)

    def add(
        self,
        path: KeyPath,
        code: ProblemCode,
        params: dict[str, ProblemParam],
        expected: Expected | None = None,
        severity: str = "error",
    ) -> None:
        self.problems.append(
            Problem(
                file=str(self.file),
                code=code,
                params=params,
                where=format_path(path),
                line=line_of(self.raw, path),
                expected=expected,
                severity=severity,
            )
        )

    # -- typed fields ---------------------------------------------------------

    def table(
        self, parent: dict[str, Any], key: str, path: KeyPath, allowed: set[str]
    ) -> dict[str, Any] | None:
        value = parent.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(path + (key,), "value.kind", "table", found=_kind(value))
            return None
        self.unknown_keys(value, path + (key,), allowed)
        return value

    def tables(
        self,
        parent: dict[str, Any],
        key: str,
        path: KeyPath,
        allowed: set[str] | None,
        *,
        required: bool = False,
        missing: ProblemCode = "entries.none",
        missing_params: dict[str, ProblemParam] | None = None,
    ) -> Iterator[tuple[KeyPath, dict[str, Any]]]:
        """(key path, table) for each entry of the array of tables parent[key].

        What is not an array, entries that are not tables, and unknown keys are
        reported on the way (allowed=None: the tables hold free keys); a missing or
        empty array is a problem when required (`missing`, with its params, says it more exactly).
        """
        entries = parent.get(key)
        header = "[[" + ".".join(p for p in path + (key,) if isinstance(p, str)) + "]]"
        if not entries:
            if required:
                self.add(path + (key,), missing, {"header": header, **(missing_params or {})})
            return
        if not isinstance(entries, list):
            self.problem(path + (key,), "value.kind", "entries", found=_kind(entries), header=header)
            return
        for i, entry in enumerate(entries):
            entry_path = path + (key, i)
            if not isinstance(entry, dict):
                self.problem(entry_path, "value.kind", "entry", found=_kind(entry), header=header)
                continue
            if allowed is not None:
                self.unknown_keys(entry, entry_path, allowed)
            yield entry_path, entry

    def unknown_keys(self, table: dict[str, Any], path: KeyPath, allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                hint = closest(key, sorted(allowed), limit=1)
                self.problem(
                    path + (key,),
                    "key.unknown.guess" if hint else "key.unknown",
                    "one_of",
                    severity="warning",
                    key=shorten(key),
                    guess=hint[0] if hint else "",
                    options=tuple(sorted(allowed)),
                )

    def string(
        self,
        table: dict[str, Any],
        key: str,
        path: KeyPath,
        *,
        required: bool = False,
        pattern: re.Pattern[str] | None = None,
        expected: Expected = "string",
    ) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(path + (key,), "key.missing", expected, key=key)
            return ""
        if not isinstance(value, str):
            self.problem(path + (key,), "value.kind", expected, found=_kind(value))
            return ""
        if len(value) > MAX_TEXT_CHARS:
            self.problem(path + (key,), "text.too_long", length=len(value), limit=MAX_TEXT_CHARS)
            return ""
        if pattern is not None and value.strip() and not pattern.fullmatch(value):
            self.problem(path + (key,), "value.invalid", expected, value=shorten(value))
            return ""
        cleaned = clean_text(value)
        if cleaned != value:
            self.problem(path + (key,), "text.controls_removed", severity="warning")
        if required and not cleaned.strip():
            self.problem(path + (key,), "value.empty", expected)
        return cleaned

    def quote(self, table: dict[str, Any], key: str, path: KeyPath) -> str:
        """An optional sub-table holding one verbatim `text`, such as [policy.scope]."""
        sub = self.table(table, key, path, {"text"})
        if sub is None:
            return ""
        return self.string(sub, "text", path + (key,), required=True)

    def string_list(
        self, table: dict[str, Any], key: str, path: KeyPath, expected: Expected
    ) -> tuple[str, ...]:
        """`expected`: what the strings are (worded "a list of strings (…)")."""
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(path + (key,), "value.kind", expected, found=_kind(value))
            return ()
        if sum(len(v) for v in value) > MAX_TEXT_CHARS:
            self.problem(path + (key,), "list.too_long", limit=MAX_TEXT_CHARS)
            return ()
        return tuple(clean_text(v) for v in value)

    def choice(
        self,
        table: dict[str, Any],
        key: str,
        path: KeyPath,
        options: Sequence[str],
        *,
        default: str | None = None,
        required: bool = False,
    ) -> str | None:
        value = table.get(key, default)
        if value is None:
            if required:
                self.problem(path + (key,), "key.missing", "one_of", key=key, options=tuple(options))
            return None
        if not isinstance(value, str) or value not in options:
            self.problem(
                path + (key,), "value.not_allowed", "one_of", value=_shown(value), options=tuple(options)
            )
            return None
        return value

    def date(self, table: dict[str, Any], key: str, path: KeyPath) -> date | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, datetime):  # a subclass of date, so it is caught first
            self.problem(path + (key,), "date.with_time", value=value.isoformat())
            return None
        if isinstance(value, date):  # TOML's own local date
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(path + (key,), "date.invalid", value=_shown(value))
        return None

    def decimal(self, table: dict[str, Any], key: str, path: KeyPath) -> Decimal | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, (bool, float)):
            self.problem(path + (key,), "number.float", value=repr(value), found=_kind(value))
            return None
        try:
            number = Decimal(str(value)) if isinstance(value, (int, str)) else None
        except (InvalidOperation, ValueError):  # ValueError: an int too long to print
            number = None
        if number is None or not number.is_finite() or number < 0:
            self.problem(path + (key,), "number.invalid", value=_shown(value))
            return None
        if len(number.as_tuple().digits) > MAX_FIGURE_DIGITS or abs(number.adjusted()) > MAX_FIGURE_EXPONENT:
            self.problem(
                path + (key,),
                "number.out_of_range",
                value=_shown(value),
                digits=MAX_FIGURE_DIGITS,
                exponent=MAX_FIGURE_EXPONENT,
            )
            return None
        return number


def _kind(value: Any) -> str:
    """The TOML kind of `value`, as a name render/problems words (str, int, float, …)."""
    return type(value).__name__


def _shown(value: Any) -> str | None:
    """A value to quote in a message: cut and on one line; None for an int too long to print
    (str() refuses it)."""
    try:
        return shorten(str(value))
    except ValueError:
        return None


# -- topics -------------------------------------------------------------------


def read_topics(doc: dict[str, Any], reader: DocumentReader) -> list[Topic]:
    topics = []
    for path, entry in reader.tables(doc, "topics", (), TOPIC_KEYS, required=True):
        topic_id = reader.string(entry, "id", path, required=True, pattern=ID_PATTERN, expected="id")
        name = reader.string(entry, "name", path, required=True, expected="chinese_name")
        name_en = reader.string(entry, "name_en", path, expected="english_name") or name
        keywords = reader.string_list(entry, "keywords", path, "search_keywords")
        if topic_id and name:
            topics.append(Topic(topic_id, name, name_en, keywords))
    return topics


# -- policies -----------------------------------------------------------------


def read_policy(doc: dict[str, Any], reader: DocumentReader, topics: dict[str, Topic]) -> Policy | None:
    """The policy in `doc`, or None when it has errors (they are in reader.problems)."""
    version = doc.get("schema", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        reader.problem(("schema",), "schema.unsupported", version=_shown(version), supported=SCHEMA_VERSION)
        return None
    meta = reader.table(doc, "policy", (), POLICY_KEYS)
    if meta is None:
        reader.problem(("policy",), "policy.missing")
        return None
    p: KeyPath = ("policy",)
    policy_id = reader.string(
        meta,
        "id",
        p,
        required=True,
        pattern=ID_PATTERN,
        expected="policy_id",
    )
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        reader.problem(p + ("draft",), "value.kind", "true_or_false", found=_kind(draft))
        draft = False
    valid_until, valid_until_printed = _validity_end(meta, reader)
    issued = reader.date(meta, "issued", p)
    effective_from = reader.date(meta, "effective_from", p)
    starts = effective_from or issued
    if starts and valid_until and valid_until < starts:
        reader.problem(
            p + ("valid_until",), "validity.before_start", end=valid_until_printed, start=starts.isoformat()
        )
    source = _source_path(meta, reader)

    clauses = _read_clauses(doc, reader, policy_id, topics)
    table = _read_indicator_table(doc, reader, {c.local_id: c for c in clauses})
    fields: dict[str, Any] = {  # str or date by key: Policy's own fields check them
        "title": reader.string(meta, "title", p, required=True, expected="title"),
        "city": reader.string(meta, "city", p, required=True, expected="city"),
        "city_en": reader.string(meta, "city_en", p),
        "province": reader.string(meta, "province", p),
        "issuer": reader.string(meta, "issuer", p),
        "draft_label": reader.string(meta, "draft_label", p),
        "printed": reader.date(meta, "printed", p),
        "scope": reader.quote(meta, "scope", p),
        "interpretation": reader.quote(meta, "interpretation", p),
        "non_stacking": reader.quote(meta, "non_stacking", p),
        "validity": reader.quote(meta, "validity", p),
    }
    if source is not None:
        _check_against_source(doc, source, reader)
    if reader.has_errors:
        return None
    return Policy(
        id=policy_id,
        file=reader.file,
        clauses=tuple(clauses),
        draft=draft,
        issued=issued,
        effective_from=effective_from,
        valid_until=valid_until,
        valid_until_printed=valid_until_printed,
        source=source,
        indicator_table=table,
        city_en=fields.pop("city_en") or fields["city"],
        **fields,
    )


def _validity_end(meta: dict[str, Any], reader: DocumentReader) -> tuple[date | None, str]:
    value = meta.get("valid_until")
    if value is None:
        return None, ""
    if isinstance(value, datetime):
        reader.date(meta, "valid_until", ("policy",))  # reports the time of day
        return None, ""
    printed = value.isoformat() if isinstance(value, date) else value
    try:
        return end_of_validity(str(printed)), str(printed)
    except ValueError:
        reader.problem(("policy", "valid_until"), "validity.invalid", value=_shown(printed))
        return None, ""


def _source_path(meta: dict[str, Any], reader: DocumentReader) -> Path | None:
    name = reader.string(meta, "source", ("policy",))
    if not name:
        return None
    path = (reader.file.parent / name).resolve()
    if not path.is_file():
        reader.problem(("policy", "source"), "source.missing", severity="warning", path=str(path))
        return None
    return path


def _check_against_source(doc: dict[str, Any], source: Path, reader: DocumentReader) -> None:
    try:
        if source.stat().st_size > MAX_FILE_BYTES:
            raise OSError(f"larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reasons = os_error_params(error) if isinstance(error, OSError) else {"error": str(error)}
        reader.problem(
            ("policy", "source"), "source.unreadable", severity="warning", path=str(source), **reasons
        )
        return
    report = check_fidelity(doc, text)
    for key, departure in report.not_verbatim:
        reader.problem(_parse_key(key), "text.not_verbatim", source=source.name, departure=departure)
    if report.coverage < MIN_COVERAGE:
        reader.problem(
            ("policy", "source"),
            "source.coverage",
            severity="warning",
            coverage=report.coverage,
            source=source.name,
            minimum=MIN_COVERAGE,
        )


def _parse_key(dotted: str) -> KeyPath:
    """ "clauses[3].text" -> ("clauses", 3, "text")."""
    path: list[str | int] = []
    for part in dotted.split("."):
        name, *indices = part.replace("]", "").split("[")
        path.append(name)
        path.extend(int(i) for i in indices)
    return tuple(path)


def _read_clauses(
    doc: dict[str, Any], reader: DocumentReader, policy_id: str, topics: dict[str, Topic]
) -> list[Clause]:
    clauses: list[Clause] = []
    seen: set[str] = set()
    entries = doc.get("clauses")
    if isinstance(entries, list) and len(entries) > MAX_CLAUSES:
        reader.problem(("clauses",), "clauses.too_many", count=len(entries), limit=MAX_CLAUSES)
        return clauses
    for path, entry in reader.tables(doc, "clauses", (), CLAUSE_KEYS, required=True):
        local_id = reader.string(
            entry,
            "id",
            path,
            required=True,
            pattern=LOCAL_ID_PATTERN,
            expected="clause_id",
        )
        if local_id in seen:
            reader.problem(path + ("id",), "clause.duplicate", id=local_id)
        parent = reader.string(entry, "parent", path) or None
        if parent is not None and parent not in seen:
            reader.problem(path + ("parent",), "clause.parent_unknown", parent=shorten(parent))
        seen.add(local_id)
        text = reader.string(entry, "text", path, required=True, expected="verbatim_text")
        clause_topics = reader.string_list(entry, "topics", path, "topic_ids")
        if not clause_topics:
            reader.problem(path + ("topics",), "clause.no_topics")
        for topic in clause_topics:
            if topic not in topics:
                hint = closest(topic, topics)
                reader.problem(
                    path + ("topics",),
                    "topic.unknown",
                    "topic_id_like" if hint else "topic_id",
                    topic=shorten(topic),
                    hint=tuple(hint),
                )
        clauses.append(
            Clause(
                policy_id=policy_id,
                local_id=local_id,
                kind=reader.choice(entry, "kind", path, CLAUSE_KINDS, required=True) or "paragraph",
                text=text,
                label=reader.string(entry, "label", path),
                title=reader.string(entry, "title", path),
                parent=parent,
                departments=reader.string_list(entry, "departments", path, "department_names"),
                topics=clause_topics,
                amounts=_read_amounts(entry, reader, path, text),
                standing_departments=_read_standing(entry, reader, path, text),
            )
        )
    return clauses


def _read_standing(
    entry: dict[str, Any], reader: DocumentReader, clause_path: KeyPath, text: str
) -> StandingDepartments | None:
    sub = reader.table(entry, "standing_departments", clause_path, STANDING_KEYS)
    if sub is None:
        return None
    path = clause_path + ("standing_departments",)
    quote = reader.string(sub, "quote", path, required=True, expected="standing_quote")
    if quote and normalize(quote) not in normalize(text):
        reader.problem(path + ("quote",), "quote.not_in_clause", quote=shorten(quote))
    departments = reader.string_list(sub, "departments", path, "department_names")
    if not departments:
        reader.problem(path + ("departments",), "departments.none")
    return StandingDepartments(departments, quote)


def _read_amounts(
    entry: dict[str, Any], reader: DocumentReader, clause_path: KeyPath, text: str
) -> tuple[Amount, ...]:
    amounts = []
    for path, item in reader.tables(entry, "amounts", clause_path, AMOUNT_KEYS):
        role = reader.choice(item, "role", path, ROLES, required=True)
        value = reader.decimal(item, "value", path)
        unit = reader.choice(item, "unit", path, UNITS)
        quote = reader.string(
            item,
            "quote",
            path,
            required=True,
            expected="amount_quote",
        )
        qualifiers = reader.string_list(item, "qualifiers", path, "qualifiers")
        for q in qualifiers:
            if q not in QUALIFIERS:
                reader.problem(
                    path + ("qualifiers",),
                    "qualifier.unknown",
                    "one_of",
                    qualifier=shorten(q),
                    options=QUALIFIERS,
                )
        if value is None and "value" not in item and role not in (None, "award"):
            reader.problem(path + ("value",), "amount.needs_value", role=role)
        if value is not None and unit is None and "unit" not in item:
            reader.problem(path + ("unit",), "amount.needs_unit", "one_of", options=UNITS)
        if quote and normalize(quote) not in normalize(text):
            reader.problem(path + ("quote",), "quote.not_in_clause", quote=shorten(quote))
        elif value is not None and unit and not _figure_in(quote, item.get("value"), unit):
            reader.problem(
                path + ("value",),
                "amount.figure_not_in_quote",
                figure=f"{_shown(item.get('value'))}{unit}",
                quote=shorten(quote),
            )
        amounts.append(
            Amount(
                role=role or "award",
                quote=quote,
                value=value,
                unit=unit,
                qualifiers=qualifiers,
                period=reader.choice(item, "period", path, PERIODS, default="unspecified") or "unspecified",
                level=reader.choice(item, "level", path, LEVELS),
                base=reader.string(item, "base", path) or None,
                subject=reader.string(item, "subject", path),
            )
        )
    return tuple(amounts)


def _figure_in(quote: str, printed_value: object, unit: str) -> bool:
    """Whether the quote prints this value (as a whole figure, not part of a longer one) and,
    after it, its unit: the unit may follow other figures of a list, as in "1%、2%、3%"."""
    text = normalize(quote)
    printed = str(printed_value)
    return any(m.group() == printed and unit in text[m.end() :] for m in _FIGURE.finditer(text))


def _read_indicator_table(
    doc: dict[str, Any], reader: DocumentReader, clauses: dict[str, Clause]
) -> IndicatorTable | None:
    meta = reader.table(doc, "indicator_table", (), TABLE_KEYS)
    if meta is None:
        return None
    path: KeyPath = ("indicator_table",)
    clause_id = reader.string(meta, "clause", path, required=True, expected="table_clause")
    if clause_id and clause_id not in clauses:
        reader.problem(path + ("clause",), "table.clause_unknown", clause=clause_id)
    years = []
    for key in ("baseline_year", "target_year"):
        year = meta.get(key)
        if not isinstance(year, int) or isinstance(year, bool) or not 1000 <= year <= 9999:
            reader.problem(path + (key,), "year.invalid", value=_shown(year))
            year = 0
        years.append(year)
    rows = []
    for row_path, row in reader.tables(meta, "rows", path, ROW_KEYS):
        rows.append(
            IndicatorRow(
                level1=reader.string(row, "level1", row_path),
                level2=reader.string(row, "level2", row_path, required=True, expected="indicator"),
                baseline=reader.string(row, "baseline", row_path, required=True, expected="printed_value"),
                target=reader.string(row, "target", row_path, required=True, expected="printed_value"),
                baseline_value=reader.decimal(row, "baseline_value", row_path),
                baseline_unit=reader.string(row, "baseline_unit", row_path) or None,
                target_value=reader.decimal(row, "target_value", row_path),
                target_unit=reader.string(row, "target_unit", row_path) or None,
                target_qualifier=reader.string(row, "target_qualifier", row_path) or None,
            )
        )
    return IndicatorTable(
        clause=clause_id,
        caption=reader.string(meta, "caption", path),
        baseline_year=years[0],
        target_year=years[1],
        rows=tuple(rows),
    )
