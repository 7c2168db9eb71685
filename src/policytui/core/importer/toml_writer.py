"""Write the imported policy as TOML in the layout of the curated files, marks as comments.

Only plain tables, arrays of tables, strings, booleans and lists of strings are needed;
every string is a TOML basic string with its escapes, so any text survives a round trip.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from policytui.core.importer.records import Mark, Wording
from policytui.core.importer.review import mark_line

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def toml_string(value: str) -> str:
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _key(key: object) -> str:
    """A bare key where TOML allows one (national), else a quoted one ("CMMI3级")."""
    text = str(key)
    return text if re.fullmatch(r"[A-Za-z0-9_-]+", text) else toml_string(text)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, dict):
        pairs = ", ".join(f"{_key(k)} = {toml_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }" if pairs else "{}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


@dataclass
class TomlLines:
    """TOML text built line by line, remembering where each review mark lands."""

    words: Wording  # the marks and comments in the user's language
    lang: str = "zh"  # which review word (待核, REVIEW) starts a mark
    lines: list[str] = field(default_factory=list)
    marks: list[tuple[int, str, str]] = field(default_factory=list)  # (line, where, message)

    def comment(self, text: str) -> None:
        self.lines.append("# " + " ".join(text.split()))

    def note(self, message: Mark) -> None:
        """A comment in the user's language."""
        self.comment(self.words(message))

    def blank(self) -> None:
        self.lines.append("")

    def header(self, name: str, array: bool = False) -> None:
        if self.lines and self.lines[-1]:
            self.blank()
        self.lines.append(f"[[{name}]]" if array else f"[{name}]")

    def key(self, name: str, value: object, marks: Sequence[Mark] = (), where: str = "") -> None:
        for review in marks:
            message = self.words(review)
            self.lines.append(mark_line(message, self.lang))
            self.marks.append((len(self.lines), where or name, message))
        self.lines.append(f"{name} = {toml_value(value)}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"
