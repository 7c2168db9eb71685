"""Load every data file into a Library, reporting bad files and skipping them.

A bad user file never stops the bundled policies from loading, and nothing
raises: every problem becomes a Problem with its file, line and key path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policytui.core.locations import DataDir, data_dirs
from policytui.core.model import Library, Problem

_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True, slots=True)
class ParsedFile:
    path: Path
    raw: str
    doc: dict[str, Any]
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
    import tomllib  # here: a load served from the cache parses nothing

    from policytui.core.schema import MAX_FILE_BYTES

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Problem(str(path), f"is {size / 1024 / 1024:.1f} MB, too large for a data file",
                           expected=f"a file of at most {MAX_FILE_BYTES // 1024 // 1024} MB")
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
    except RecursionError:  # tomllib recurses once per level of nested tables and arrays
        return Problem(str(path), "tables or arrays are nested too deeply to read",
                       expected="valid TOML nested a few levels deep (see docs/data-format.md)")
    except ValueError as error:  # an integer longer than Python will convert
        return Problem(str(path), f"malformed TOML: {error}", expected="valid TOML (see docs/data-format.md)")
    return ParsedFile(path, raw, doc, origin)


def toml_files(directory: Path, problems: list[Problem] | None = None) -> list[Path]:
    """The .toml files under `directory`, in a stable order; a subdirectory that cannot be
    listed is added to `problems` (when given) rather than skipped in silence."""
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        return []

    def unreadable(error: OSError) -> None:
        if problems is not None:
            problems.append(Problem(str(error.filename), f"directory cannot be read: {error.strerror}",
                                    expected="a readable directory", severity="warning"))

    found = []
    for folder, _, names in os.walk(directory, onerror=unreadable):
        found += [Path(folder, name) for name in names if name.endswith(".toml")]
    return sorted(p for p in found if p.is_file())


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
    for parsed_file in sorted(files, key=lambda f: load_pass(f.kind)):  # stable: file order within a pass
        add_file(library, parsed_file)
    # a user's synonyms against every loaded text (the bundled ones are checked by tests/test_data.py)
    user_synonyms = [f for f in files if f.kind == "synonyms" and f.origin != "bundled"]
    if user_synonyms:
        from policytui.core.search.synonyms import unused_synonyms

        library.problems += unused_synonyms(library, user_synonyms)
    return library


def load_pass(kind: str | None) -> int:
    """When a file of `kind` is read: topics first, rules last (they cite clauses), the rest between."""
    return {"topics": 0, "rules": 2}.get(kind or "", 1)


def add_file(library: Library, parsed_file: ParsedFile) -> None:
    """Add what one file holds to `library`, checked against what the files before it added.

    The readers are imported by the functions below: a load served from the cache needs none.
    """
    kind = parsed_file.kind
    if kind == "topics":
        _add_topics(library, parsed_file)
    elif kind == "policy":
        _add_policy(library, parsed_file)
    elif kind == "synonyms":
        _add_synonyms(library, parsed_file)
    elif kind == "rules":
        _add_rules(library, parsed_file)
    elif kind is None:
        library.problems.append(
            Problem(str(parsed_file.path), "not a policytui data file: no [policy], [[topics]], "
                    "[[synonyms]] or [[rules]] table", expected="a file as in docs/data-format.md",
                    severity="warning"))


def _add_topics(library: Library, parsed_file: ParsedFile) -> None:
    from policytui.core.schema import DocumentReader, read_topics

    reader = DocumentReader(parsed_file.path, parsed_file.raw)
    for topic in read_topics(parsed_file.doc, reader):
        if topic.id in library.topics:
            reader.problem(("topics",), f"topic '{topic.id}' is defined again; the first stays",
                           "topic ids unique across files", severity="warning")
        else:
            library.topics[topic.id] = topic
    library.problems += reader.problems


def _add_synonyms(library: Library, parsed_file: ParsedFile) -> None:
    from policytui.core.schema import DocumentReader
    from policytui.core.search.synonyms import read_synonyms

    reader = DocumentReader(parsed_file.path, parsed_file.raw)
    library.synonyms += read_synonyms(parsed_file.doc, reader)
    library.problems += reader.problems


def _add_policy(library: Library, parsed_file: ParsedFile) -> None:
    from policytui.core.schema import DocumentReader, read_policy

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
        declared = parsed_file.doc["policy"].get("id") if isinstance(parsed_file.doc["policy"], dict) else None
        if isinstance(declared, str):  # to tell a rules file which file it needs
            library.skipped_policies[declared] = parsed_file.path
    else:
        library.policies[policy.id] = policy
    library.problems += reader.problems


def _add_rules(library: Library, parsed_file: ParsedFile) -> None:
    from policytui.core.calc.reader import read_rules
    from policytui.core.schema import DocumentReader

    reader = DocumentReader(parsed_file.path, parsed_file.raw)
    again = []
    known_facts = {fact.name: fact for rule in library.rules.values() for fact in rule.facts}
    for rule in read_rules(parsed_file.doc, reader, library.policies, known_facts, library.skipped_policies):
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
    found = data_files(data_dirs(extra) if dirs is None else dirs)
    from policytui.core.cache import LibraryCache

    library_cache = LibraryCache.open()
    if library_cache is not None:  # files unchanged since the last load are not read again
        return library_cache.load(found)
    return load_files([item if isinstance(item, Problem) else parse_file(*item) for item in found])


def data_files(dirs: Sequence[DataDir]) -> list[tuple[Path, str] | Problem]:
    """(path, origin) of every data file in load order, or the problem of a missing directory."""
    found: list[tuple[Path, str] | Problem] = []
    problems: list[Problem] = []  # subdirectories that cannot be listed
    for data_dir in dirs:
        if data_dir.origin in ("option", "env") and not data_dir.path.exists():
            found.append(Problem(str(data_dir.path), "data directory does not exist",
                                 expected="a directory or file of policy TOML"))
            continue
        found += [(path, data_dir.origin) for path in toml_files(data_dir.path, problems)]
    return found + problems
