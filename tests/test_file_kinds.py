"""The loader hands each file to the reader registered for its kind (core/file_kinds.py)."""

from __future__ import annotations

import pytest

from policytui.core import file_kinds
from policytui.core.file_kinds import FILE_KINDS, FileKind, kind_of, register_kind
from policytui.core.loader import ParsedFile, load_files, parse_file
from policytui.core.model import Library, Problem
from policytui.render.problems import worded


def add_notes(library: Library, parsed_file: ParsedFile) -> None:
    """A reader for the test's own kind: one warning per note, to see that it ran."""
    for note in parsed_file.doc["notes"]:
        library.problems.append(
            Problem(str(parsed_file.path), "review.mark", {"mark": note["text"]}, severity="warning")
        )


@pytest.fixture
def notes_kind(monkeypatch):
    monkeypatch.setattr(file_kinds, "FILE_KINDS", dict(FILE_KINDS))
    monkeypatch.setattr("policytui.core.loader.FILE_KINDS", file_kinds.FILE_KINDS)
    register_kind(FileKind("notes", "[[notes]]", 1, f"{__name__}:add_notes"))


def test_a_registered_kind_is_read_by_its_reader(tmp_path, notes_kind):
    path = tmp_path / "notes.toml"
    path.write_text('[[notes]]\ntext = "read by the notes reader"\n', encoding="utf-8")
    library = load_files([parse_file(path)])
    assert [worded(p, "en").message for p in library.problems] == [
        "open review mark: read by the notes reader"
    ]


def test_a_file_of_no_kind_names_every_kind_it_could_be(tmp_path):
    path = tmp_path / "other.toml"
    path.write_text("[other]\nx = 1\n", encoding="utf-8")
    (problem,) = load_files([parse_file(path)]).problems
    assert (
        worded(problem, "en").message
        == "not a policytui data file: no [policy], [[topics]], [[synonyms]] or [[rules]] table"
    )


def test_kinds_by_their_table():
    assert kind_of({"policy": {}}).name == "policy"
    assert kind_of({"profile": {}}).reader is None  # read by `estimate`, never loaded
    assert kind_of({"other": {}}) is None
