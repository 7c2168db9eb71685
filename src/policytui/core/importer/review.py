"""Review marks: the comment the importer writes where it guessed, and the count validate reports.

A mark is a TOML comment `# 待核: what was guessed` (`# REVIEW: …` in English) on the
line above the key it is about; a person checks the guess and deletes the line.
`policytui validate` counts the marks left as warnings, so a file is done when none is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK_WORDS = {"zh": "待核", "en": "REVIEW"}
_MARK = re.compile(r"^\s*#\s*(待核|REVIEW)\s*[:：]\s*(?P<message>.*)$")


@dataclass(frozen=True, slots=True)
class OpenMark:
    line: int  # 1-based, in the file
    message: str


def mark_line(message: str, lang: str) -> str:
    return f"# {MARK_WORDS.get(lang, MARK_WORDS['zh'])}: " + " ".join(message.split())


def open_marks(raw: str) -> list[OpenMark]:
    """The review marks still in a data file's text."""
    return [
        OpenMark(number, match.group("message").strip())
        for number, line in enumerate(raw.splitlines(), start=1)
        if (match := _MARK.match(line))
    ]
