"""The kinds of data file, each with the reader that adds it to a Library: the loader's registry.

A file's kind is the top-level table that marks it ([policy], [[topics]], [[synonyms]],
[[rules]], [profile]). Readers are named as "module:function" and imported only when a
file of their kind is read (as entry points are), so the loader imports no feature
package and a load served from the cache imports no reader at all. To add a kind of file:
write its reader, `def add(library: Library, parsed_file: ParsedFile) -> None`, and
register a FileKind here (or call register_kind from the feature's own module).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import Any


@dataclass(frozen=True, slots=True)
class FileKind:
    name: str  # the top-level table that marks a file of this kind
    header: str  # as a file writes it: [policy], [[rules]]
    load_pass: int  # files are read pass by pass: what a later kind cites is loaded before it
    reader: str | None  # "module:function" adding one file to a Library; None: not part of a Library
    # "module:function" called once every file is in, with the user's files of this kind
    # (the bundled ones are checked by the data tests)
    check_loaded: str | None = None


FILE_KINDS: dict[str, FileKind] = {}
# The passes of the texts (topics, then policies and synonyms), which every screen shows: a
# program that shows a library at once may read these first and the later ones (rules) after.
TEXT_PASSES = 2


def register_kind(kind: FileKind) -> None:
    FILE_KINDS[kind.name] = kind


for _kind in (
    FileKind("policy", "[policy]", 1, "policytui.core.library_readers:add_policy"),
    FileKind("topics", "[[topics]]", 0, "policytui.core.library_readers:add_topics"),  # policies cite topics
    FileKind(
        "synonyms",
        "[[synonyms]]",
        1,
        "policytui.core.search.synonyms:add_synonyms",
        check_loaded="policytui.core.search.synonyms:unused_synonyms",
    ),
    FileKind(
        "rules", "[[rules]]", 2, "policytui.core.calc.reader:add_rules"
    ),  # rules cite clauses and figures
    FileKind("profile", "[profile]", 1, None),  # a firm's profile: read by `estimate`, not loaded
):
    register_kind(_kind)


def kind_of(doc: Mapping[str, Any]) -> FileKind | None:
    """The kind of a parsed document, by the first registered table it has."""
    return next((kind for name, kind in FILE_KINDS.items() if name in doc), None)


def resolve(target: str) -> Callable[..., Any]:
    """The function a "module:function" names, imported now."""
    module, _, name = target.partition(":")
    function: Callable[..., Any] = getattr(import_module(module), name)
    return function
