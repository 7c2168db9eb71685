"""Load every data file into a Library, reporting bad files and skipping them.

A bad user file never stops the bundled policies from loading, and nothing
raises: every problem becomes a Problem with its file, line and key path.
Each file is handed to the reader of its kind (core/file_kinds.py): the loader
knows no kind of file itself, and imports no feature package.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policytui.core.file_kinds import FILE_KINDS, kind_of, resolve
from policytui.core.locations import DataDir, data_dirs
from policytui.core.model import Library, Problem
from policytui.core.problems import os_error_params

_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True, slots=True)
class ParsedFile:
    path: Path
    raw: str
    doc: dict[str, Any]
    origin: str  # bundled, user, env or option: a user's files get the checks the data tests give the bundled ones

    @property
    def kind(self) -> str | None:
        kind = kind_of(self.doc)
        return kind.name if kind else None


def parse_file(path: Path, origin: str = "option") -> ParsedFile | Problem:
    """The parsed TOML of `path`, or the problem that prevents reading it."""
    import tomli  # here: a load served from the cache parses nothing

    from policytui.core.schema import MAX_FILE_BYTES, MAX_NESTING

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Problem(
                str(path),
                "file.too_large",
                {"size_mb": size / 1024 / 1024, "limit_mb": MAX_FILE_BYTES // 1024 // 1024},
            )
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return Problem(str(path), "file.not_utf8", {"byte": error.start})
    except OSError as error:
        return Problem(str(path), "file.unreadable", os_error_params(error))
    try:
        doc = tomli.loads(raw)
    except tomli.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        return Problem(
            str(path), "toml.malformed", {"error": str(error)}, line=int(match.group(1)) if match else None
        )
    except RecursionError:  # tomli stops past 1000 levels of nested arrays and inline tables
        return Problem(str(path), "toml.too_deep")
    except ValueError as error:  # an integer longer than Python will convert
        return Problem(str(path), "toml.malformed", {"error": str(error)})
    if _nested_deeper_than(doc, MAX_NESTING):  # the code that reads a document recurses per level
        return Problem(str(path), "toml.too_deep")
    return ParsedFile(path, raw, doc, origin)


def _nested_deeper_than(doc: dict[str, Any], limit: int) -> bool:
    """Whether tables and arrays nest more than `limit` deep, found level by level (not by
    recursion, which a deep file would exhaust)."""
    level: list[Any] = [doc]
    for _ in range(limit):
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, (dict, list))
        ]
        if not level:
            return False
    return True


def toml_files(directory: Path, problems: list[Problem] | None = None) -> list[Path]:
    """The .toml files under `directory`, in a stable order; a subdirectory that cannot be
    listed is added to `problems` (when given) rather than skipped in silence."""
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        return []

    def unreadable(error: OSError) -> None:
        if problems is not None:
            problems.append(
                Problem(
                    str(error.filename), "directory.unreadable", os_error_params(error), severity="warning"
                )
            )

    found = []
    for folder, _, names in os.walk(directory, onerror=unreadable):
        found += [Path(folder, name) for name in names if name.endswith(".toml")]
    return sorted(p for p in found if p.is_file())


def load_files(parsed: Iterable[ParsedFile | Problem], passes: int | None = None) -> Library:
    """Build a Library from parsed files: topics first, so policies can refer to any of them.
    With `passes`, only the files of the first `passes` load passes (see load_library)."""
    library = Library()
    files = []
    for item in parsed:
        if isinstance(item, Problem):
            library.problems.append(item)
        else:
            files.append(item)
            library.files.append(item.path)
    for parsed_file in sorted(files, key=lambda f: load_pass(f.kind)):  # stable: file order within a pass
        if passes is not None and load_pass(parsed_file.kind) >= passes:
            return library
        add_file(library, parsed_file)
    check_loaded(library, [f for f in files if checked_once_loaded(f.kind, f.origin)])
    return library


def checked_once_loaded(kind: str | None, origin: str) -> bool:
    """Whether a file is checked against the whole library once every file is in: a user's
    file of a kind with such a check (the bundled ones are checked by tests/test_data.py)."""
    return origin != "bundled" and kind in FILE_KINDS and FILE_KINDS[kind].check_loaded is not None


def check_loaded(library: Library, files: Sequence[ParsedFile]) -> None:
    """Run each kind's check (FileKind.check_loaded) on its files, against every loaded text."""
    for kind in FILE_KINDS.values():
        of_kind = [f for f in files if f.kind == kind.name]
        if kind.check_loaded and of_kind:
            library.problems += resolve(kind.check_loaded)(library, of_kind)


def load_pass(kind: str | None) -> int:
    """When a file of `kind` is read (see file_kinds.FileKind.load_pass)."""
    return FILE_KINDS[kind].load_pass if kind in FILE_KINDS else 1


def add_file(library: Library, parsed_file: ParsedFile) -> None:
    """Add what one file holds to `library`, checked against what the files before it added."""
    kind = FILE_KINDS.get(parsed_file.kind or "")
    if kind is None:
        headers = [k.header for k in FILE_KINDS.values() if k.reader]
        library.problems.append(
            Problem(
                str(parsed_file.path), "file.unknown_kind", {"headers": tuple(headers)}, severity="warning"
            )
        )
    elif kind.reader is not None:
        resolve(kind.reader)(library, parsed_file)


def load_library(
    extra: Sequence[str | Path] = (),
    *,
    dirs: Sequence[DataDir] | None = None,
    passes: int | None = None,
) -> Library:
    """Load the bundled data, the user's, $POLICYTUI_DATA and `extra` (the --data options).

    With `passes` (file_kinds.TEXT_PASSES), only the files of the first load passes are read:
    a first screen shown from them while the rest is read. Such a library is not checked as a
    whole (check_loaded), which the full load does.
    """
    found = data_files(data_dirs(extra) if dirs is None else dirs)
    from policytui.core.cache import LibraryCache

    library_cache = LibraryCache.open()
    if library_cache is not None:  # files unchanged since the last load are not read again
        return library_cache.load(found, passes=passes)
    return load_files([item if isinstance(item, Problem) else parse_file(*item) for item in found], passes)


def data_files(dirs: Sequence[DataDir]) -> list[tuple[Path, str] | Problem]:
    """(path, origin) of every data file in load order, or the problem of a missing directory."""
    found: list[tuple[Path, str] | Problem] = []
    problems: list[Problem] = []  # subdirectories that cannot be listed
    for data_dir in dirs:
        if data_dir.origin in ("option", "env") and not data_dir.path.exists():
            found.append(Problem(str(data_dir.path), "data_dir.missing"))
            continue
        found += [(path, data_dir.origin) for path in toml_files(data_dir.path, problems)]
    return found + problems
