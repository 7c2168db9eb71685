"""Load every data file into a Library, reporting bad files and skipping them.

A bad user file never stops the bundled policies from loading, and nothing
raises: every problem becomes a Problem with its file, line and key path.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from policytui.core.calc.reader import read_rules
from policytui.core.locations import DataDir, data_dirs
from policytui.core.model import Library, Problem
from policytui.core.schema import DocumentReader, read_policy, read_topics
from policytui.core.search.synonyms import read_synonyms, unused_synonyms

_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True, slots=True)
class ParsedFile:
    path: Path
    raw: str
    doc: dict
    origin: str

    @property
    def kind(self) -> str | None:
        for key, kind in (("policy", "policy"), ("topics", "topics"), ("synonyms", "synonyms"),
                          ("rules", "rules"), ("profile", "profile")):
            if key in self.doc:
                return kind
        return None


def parse_file(path: Path, origin: str = "option") -> ParsedFile | Problem:
    """The parsed TOML of `path`, or the problem that prevents reading it."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return Problem(str(path), f"not UTF-8 text (byte {error.start})", expected="a UTF-8 TOML file")
    except OSError as error:
        return Problem(str(path), f"cannot be read: {error.strerror or error}")
    try:
        doc = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        return Problem(str(path), f"malformed TOML: {error}", line=int(match.group(1)) if match else None,
                       expected="valid TOML (see docs/data-format.md)")
    return ParsedFile(path, raw, doc, origin)


def toml_files(directory: Path) -> list[Path]:
    """The .toml files under `directory`, in a stable order."""
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.rglob("*.toml") if p.is_file())


def load_files(parsed: Iterable[ParsedFile | Problem]) -> Library:
    """Build a Library from parsed files: topics first, so policies can refer to any of them."""
    library = Library()
    files = []
    for item in parsed:
        if isinstance(item, Problem):
            library.problems.append(item)
        else:
            files.append(item)
            library.files.append(item.path)
    for parsed_file in files:
        if parsed_file.kind == "topics":
            reader = DocumentReader(parsed_file.path, parsed_file.raw)
            for topic in read_topics(parsed_file.doc, reader):
                if topic.id in library.topics:
                    reader.problem(("topics",), f"topic '{topic.id}' is defined again; the first stays",
                                   "topic ids unique across files", severity="warning")
                else:
                    library.topics[topic.id] = topic
            library.problems += reader.problems
    for parsed_file in files:
        kind = parsed_file.kind
        if kind == "policy":
            _add_policy(library, parsed_file)
        elif kind == "synonyms":
            reader = DocumentReader(parsed_file.path, parsed_file.raw)
            library.synonyms += read_synonyms(parsed_file.doc, reader)
            library.problems += reader.problems
        elif kind is None:
            library.problems.append(
                Problem(str(parsed_file.path), "not a policytui data file: no [policy], [[topics]], "
                        "[[synonyms]] or [[rules]] table", expected="a file as in docs/data-format.md",
                        severity="warning"))
    for parsed_file in files:  # rules cite clauses, so they are read once every policy is in
        if parsed_file.kind == "rules":
            _add_rules(library, parsed_file)
    # a user's synonyms against every loaded text (the bundled ones are checked by tests/test_data.py)
    library.problems += unused_synonyms(library, (f for f in files if f.kind == "synonyms" and f.origin != "bundled"))
    return library


def _add_policy(library: Library, parsed_file: ParsedFile) -> None:
    reader = DocumentReader(parsed_file.path, parsed_file.raw)
    policy = read_policy(parsed_file.doc, reader, library.topics)
    if policy is not None and policy.id in library.policies:
        first = library.policies[policy.id].file
        reader.problem(("policy", "id"), f"duplicate policy id '{policy.id}', already loaded from {first}",
                       "a policy id not used by another file")
        policy = None
    if policy is None:
        reader.problems.append(Problem(str(parsed_file.path), "file skipped because of the errors above",
                                       severity="error"))
    else:
        library.policies[policy.id] = policy
    library.problems += reader.problems


def _add_rules(library: Library, parsed_file: ParsedFile) -> None:
    reader = DocumentReader(parsed_file.path, parsed_file.raw)
    again = []
    for rule in read_rules(parsed_file.doc, reader, library.policies):
        if rule.id in library.rules:
            again.append(rule.id)
        else:
            library.rules[rule.id] = rule
    if again:  # one line, however many: a copy of a whole rules file is the usual cause
        reader.problem(("rules",), f"{len(again)} rule(s) defined again, the first definitions stay: "
                       f"{', '.join(again)}", "rule ids unique across files", severity="warning")
    library.problems += reader.problems


def load_library(
    extra: Sequence[str | Path] = (),
    *,
    dirs: Sequence[DataDir] | None = None,
) -> Library:
    """Load the bundled data, the user's, $POLICYTUI_DATA and `extra` (the --data options)."""
    sources = data_dirs(extra) if dirs is None else dirs
    parsed: list[ParsedFile | Problem] = []
    for data_dir in sources:
        if data_dir.origin in ("option", "env") and not data_dir.path.exists():
            parsed.append(Problem(str(data_dir.path), "data directory does not exist",
                                  expected="a directory or file of policy TOML"))
            continue
        parsed += [parse_file(path, data_dir.origin) for path in toml_files(data_dir.path)]
    return load_files(parsed)
