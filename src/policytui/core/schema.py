"""Read one parsed TOML document into model records, checking it as it goes.

Each check names the key path and line of the problem, what is wrong and what
is expected (docs/data-format.md is the reference for every field).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
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

    def problem(self, path: KeyPath, message: str, expected: str = "", severity: str = "error") -> None:
        self.problems.append(
            Problem(
                file=str(self.file),
                where=format_path(path),
                line=line_of(self.raw, path),
                message=message,
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
            self.problem(path + (key,), f"is a {_kind(value)}", "a table")
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
        missing: str = "",
    ) -> Iterator[tuple[KeyPath, dict[str, Any]]]:
        """(key path, table) for each entry of the array of tables parent[key].

        What is not an array, entries that are not tables, and unknown keys are
        reported on the way (allowed=None: the tables hold free keys); a missing or
        empty array is a problem when required (`missing` words it more exactly).
        """
        entries = parent.get(key)
        header = "[[" + ".".join(p for p in path + (key,) if isinstance(p, str)) + "]]"
        if not entries:
            if required:
                self.problem(
                    path + (key,), missing or f"no {header} entries", f"one or more {header} entries"
                )
            return
        if not isinstance(entries, list):
            self.problem(path + (key,), f"is a {_kind(entries)}", f"{header} entries")
            return
        for i, entry in enumerate(entries):
            entry_path = path + (key, i)
            if not isinstance(entry, dict):
                self.problem(entry_path, f"is a {_kind(entry)}", f"a {header} table")
                continue
            if allowed is not None:
                self.unknown_keys(entry, entry_path, allowed)
            yield entry_path, entry

    def unknown_keys(self, table: dict[str, Any], path: KeyPath, allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                hint = closest(key, sorted(allowed), limit=1)
                guess = f"; did you mean '{hint[0]}'?" if hint else ""
                self.problem(
                    path + (key,),
                    f"unknown key '{shorten(key)}' is ignored{guess}",
                    "one of " + ", ".join(sorted(allowed)),
                    severity="warning",
                )

    def string(
        self,
        table: dict[str, Any],
        key: str,
        path: KeyPath,
        *,
        required: bool = False,
        pattern: re.Pattern[str] | None = None,
        expected: str = "a string",
    ) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(path + (key,), f"required key '{key}' is missing", expected)
            return ""
        if not isinstance(value, str):
            self.problem(path + (key,), f"is a {_kind(value)}", expected)
            return ""
        if len(value) > MAX_TEXT_CHARS:
            self.problem(
                path + (key,), f"is {len(value):,} characters long", f"at most {MAX_TEXT_CHARS:,} characters"
            )
            return ""
        if pattern is not None and value.strip() and not pattern.fullmatch(value):
            self.problem(path + (key,), f"'{shorten(value)}' is not a valid value", expected)
            return ""
        cleaned = clean_text(value)
        if cleaned != value:
            self.problem(
                path + (key,),
                "control characters or terminal escape sequences removed",
                "plain text",
                severity="warning",
            )
        if required and not cleaned.strip():
            self.problem(path + (key,), "is empty", expected)
        return cleaned

    def quote(self, table: dict[str, Any], key: str, path: KeyPath) -> str:
        """An optional sub-table holding one verbatim `text`, such as [policy.scope]."""
        sub = self.table(table, key, path, {"text"})
        if sub is None:
            return ""
        return self.string(sub, "text", path + (key,), required=True)

    def string_list(self, table: dict[str, Any], key: str, path: KeyPath, expected: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(path + (key,), f"is a {_kind(value)}", f"a list of strings ({expected})")
            return ()
        if sum(len(v) for v in value) > MAX_TEXT_CHARS:
            self.problem(path + (key,), "is too long", f"at most {MAX_TEXT_CHARS:,} characters in all")
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
                self.problem(path + (key,), f"required key '{key}' is missing", _one_of(options))
            return None
        if not isinstance(value, str) or value not in options:
            self.problem(path + (key,), f"'{_shown(value)}' is not allowed", _one_of(options))
            return None
        return value

    def date(self, table: dict[str, Any], key: str, path: KeyPath) -> date | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, datetime):  # a subclass of date, so it is caught first
            self.problem(
                path + (key,),
                f"{value.isoformat()} is a date with a time of day",
                "a date alone, as YYYY-MM-DD",
            )
            return None
        if isinstance(value, date):  # TOML's own local date
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(path + (key,), f"'{_shown(value)}' is not a date", "a date as YYYY-MM-DD")
        return None

    def decimal(self, table: dict[str, Any], key: str, path: KeyPath) -> Decimal | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, (bool, float)):
            self.problem(
                path + (key,),
                f"{value!r} is a {_kind(value)}; floats are inexact",
                'a decimal written as a string, such as "0.5", or a whole number',
            )
            return None
        try:
            number = Decimal(str(value)) if isinstance(value, (int, str)) else None
        except (InvalidOperation, ValueError):  # ValueError: an int too long to print
            number = None
        if number is None or not number.is_finite() or number < 0:
            self.problem(
                path + (key,), f"'{_shown(value)}' is not a number", 'a non-negative decimal such as "500"'
            )
            return None
        if len(number.as_tuple().digits) > MAX_FIGURE_DIGITS or abs(number.adjusted()) > MAX_FIGURE_EXPONENT:
            self.problem(
                path + (key,),
                f"'{_shown(value)}' is out of range",
                f"a figure of at most {MAX_FIGURE_DIGITS} digits, "
                f"between 1e-{MAX_FIGURE_EXPONENT} and 1e{MAX_FIGURE_EXPONENT}",
            )
            return None
        return number


def _kind(value: Any) -> str:
    return {
        str: "string",
        int: "whole number",
        float: "float",
        bool: "boolean",
        list: "list",
        dict: "table",
        date: "date",
    }.get(type(value), type(value).__name__)


def _shown(value: Any) -> str:
    """A value to quote in a message: cut and on one line (str() refuses an int too long to print)."""
    try:
        return shorten(str(value))
    except ValueError:
        return "a figure too long to print"


def _one_of(options: Iterable[object]) -> str:
    return "one of " + ", ".join(str(o) for o in options)


# -- topics -------------------------------------------------------------------


def read_topics(doc: dict[str, Any], reader: DocumentReader) -> list[Topic]:
    topics = []
    for path, entry in reader.tables(doc, "topics", (), TOPIC_KEYS, required=True):
        topic_id = reader.string(
            entry, "id", path, required=True, pattern=ID_PATTERN, expected="an id of a-z, 0-9 and -"
        )
        name = reader.string(entry, "name", path, required=True, expected="the Chinese name")
        name_en = reader.string(entry, "name_en", path, expected="the English name") or name
        keywords = reader.string_list(entry, "keywords", path, "search keywords")
        if topic_id and name:
            topics.append(Topic(topic_id, name, name_en, keywords))
    return topics


# -- policies -----------------------------------------------------------------


def read_policy(doc: dict[str, Any], reader: DocumentReader, topics: dict[str, Topic]) -> Policy | None:
    """The policy in `doc`, or None when it has errors (they are in reader.problems)."""
    version = doc.get("schema", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        reader.problem(
            ("schema",), f"schema version '{_shown(version)}' is not supported", f"schema = {SCHEMA_VERSION}"
        )
        return None
    meta = reader.table(doc, "policy", (), POLICY_KEYS)
    if meta is None:
        reader.problem(("policy",), "the [policy] table is missing", "a [policy] table")
        return None
    p: KeyPath = ("policy",)
    policy_id = reader.string(
        meta,
        "id",
        p,
        required=True,
        pattern=ID_PATTERN,
        expected="an id of a-z, 0-9 and -, such as wuxi-draft",
    )
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        reader.problem(p + ("draft",), f"is a {_kind(draft)}", "true or false")
        draft = False
    valid_until, valid_until_printed = _validity_end(meta, reader)
    issued = reader.date(meta, "issued", p)
    effective_from = reader.date(meta, "effective_from", p)
    starts = effective_from or issued
    if starts and valid_until and valid_until < starts:
        reader.problem(
            p + ("valid_until",),
            f"{valid_until_printed} is before the start {starts}",
            "an end date after the start date",
        )
    source = _source_path(meta, reader)

    clauses = _read_clauses(doc, reader, policy_id, topics)
    table = _read_indicator_table(doc, reader, {c.local_id: c for c in clauses})
    fields: dict[str, Any] = {  # str or date by key: Policy's own fields check them
        "title": reader.string(meta, "title", p, required=True, expected="the title as printed"),
        "city": reader.string(meta, "city", p, required=True, expected="the city's Chinese name"),
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
        reader.problem(
            ("policy", "valid_until"),
            f"'{_shown(printed)}' is not a date",
            "YYYY-MM-DD, or YYYY-MM when the text gives only the month",
        )
        return None, ""


def _source_path(meta: dict[str, Any], reader: DocumentReader) -> Path | None:
    name = reader.string(meta, "source", ("policy",))
    if not name:
        return None
    path = (reader.file.parent / name).resolve()
    if not path.is_file():
        reader.problem(
            ("policy", "source"),
            f"source file {path} does not exist",
            "a path to the source text, relative to this file",
            severity="warning",
        )
        return None
    return path


def _check_against_source(doc: dict[str, Any], source: Path, reader: DocumentReader) -> None:
    try:
        if source.stat().st_size > MAX_FILE_BYTES:
            raise OSError(f"larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reader.problem(
            ("policy", "source"), f"cannot read {source}: {error}", "a UTF-8 text file", severity="warning"
        )
        return
    report = check_fidelity(doc, text)
    for key, departure in report.not_verbatim:
        reader.problem(
            _parse_key(key),
            f"text is not verbatim from {source.name}; it departs at {departure}",
            "the source's words exactly (only line breaks may differ)",
        )
    if report.coverage < MIN_COVERAGE:
        reader.problem(
            ("policy", "source"),
            f"the texts quote only {report.coverage:.1%} of {source.name}",
            f"at least {MIN_COVERAGE:.0%} of the source quoted",
            severity="warning",
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
        reader.problem(
            ("clauses",),
            f"{len(entries):,} clauses are too many to load",
            f"at most {MAX_CLAUSES:,} clauses in one file",
        )
        return clauses
    for path, entry in reader.tables(doc, "clauses", (), CLAUSE_KEYS, required=True):
        local_id = reader.string(
            entry,
            "id",
            path,
            required=True,
            pattern=LOCAL_ID_PATTERN,
            expected="an id of a-z, 0-9, '.' and '-', such as m4 or p2.1",
        )
        if local_id in seen:
            reader.problem(path + ("id",), f"duplicate clause id '{local_id}'", "ids unique in the policy")
        parent = reader.string(entry, "parent", path) or None
        if parent is not None and parent not in seen:
            reader.problem(
                path + ("parent",),
                f"parent '{shorten(parent)}' is not an earlier clause",
                "the id of a clause above this one",
            )
        seen.add(local_id)
        text = reader.string(entry, "text", path, required=True, expected="the verbatim text")
        clause_topics = reader.string_list(entry, "topics", path, "topic ids")
        if not clause_topics:
            reader.problem(path + ("topics",), "no topics", "at least one topic id")
        for topic in clause_topics:
            if topic not in topics:
                hint = closest(topic, topics)
                reader.problem(
                    path + ("topics",),
                    f"unknown topic '{shorten(topic)}'",
                    "a topic id" + (f" such as {', '.join(hint)}" if hint else ""),
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
                departments=reader.string_list(entry, "departments", path, "department names"),
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
    quote = reader.string(
        sub, "quote", path, required=True, expected="the words that carry the departments forward, verbatim"
    )
    if quote and normalize(quote) not in normalize(text):
        reader.problem(
            path + ("quote",),
            f"quote '{quote}' is not in the clause's text",
            "a fragment of this clause's text",
        )
    departments = reader.string_list(sub, "departments", path, "department names")
    if not departments:
        reader.problem(path + ("departments",), "no departments", "the departments as printed")
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
            expected="the verbatim fragment of the clause holding the figure",
        )
        qualifiers = reader.string_list(item, "qualifiers", path, "qualifiers as printed")
        for q in qualifiers:
            if q not in QUALIFIERS:
                reader.problem(
                    path + ("qualifiers",), f"unknown qualifier '{shorten(q)}'", _one_of(QUALIFIERS)
                )
        if value is None and "value" not in item and role not in (None, "award"):
            reader.problem(
                path + ("value",),
                f"a {role} needs a value",
                "a value (only an award promised with no figure may omit it)",
            )
        if value is not None and unit is None and "unit" not in item:
            reader.problem(path + ("unit",), "a value needs its unit", _one_of(UNITS))
        if quote and normalize(quote) not in normalize(text):
            reader.problem(
                path + ("quote",),
                f"quote '{shorten(quote)}' is not in the clause's text",
                "a fragment of this clause's text",
            )
        elif value is not None and unit and not _figure_in(quote, item.get("value"), unit):
            reader.problem(
                path + ("value",),
                f"the figure {_shown(item.get('value'))}{unit} does not appear in the quote '{shorten(quote)}'",
                "the value and unit as printed in the quote",
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
    clause_id = reader.string(meta, "clause", path, required=True, expected="the id of the table's clause")
    if clause_id and clause_id not in clauses:
        reader.problem(path + ("clause",), f"no clause '{clause_id}'", "the id of a clause in this file")
    years = []
    for key in ("baseline_year", "target_year"):
        year = meta.get(key)
        if not isinstance(year, int) or isinstance(year, bool) or not 1000 <= year <= 9999:
            reader.problem(path + (key,), f"'{_shown(year)}' is not a year", "a year such as 2025")
            year = 0
        years.append(year)
    rows = []
    for row_path, row in reader.tables(meta, "rows", path, ROW_KEYS):
        rows.append(
            IndicatorRow(
                level1=reader.string(row, "level1", row_path),
                level2=reader.string(row, "level2", row_path, required=True, expected="the indicator"),
                baseline=reader.string(
                    row, "baseline", row_path, required=True, expected='the value as printed, or "—"'
                ),
                target=reader.string(
                    row, "target", row_path, required=True, expected='the value as printed, or "—"'
                ),
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
