"""The importer's working records: a clause as read off the text, its figures, its review marks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Mark:
    """A guess to review, or a comment of the files: a message key (import.mark.*, import.file.*)
    and the values it is worded with. The core never words it: the caller passes a Wording."""

    key: str
    values: tuple[tuple[str, str], ...] = ()


Wording = Callable[[Mark], str]  # a Mark in the user's language (render.importer.mark_words)


def mark(key: str, **values: str) -> Mark:
    return Mark(key, tuple(values.items()))


@dataclass(slots=True)
class DraftAmount:
    role: str
    quote: str
    value: str | None = None  # as printed, so the validator finds it in the quote
    unit: str | None = None
    qualifiers: list[str] = field(default_factory=list)
    period: str = "unspecified"
    level: str | None = None
    base: str | None = None
    subject: str = ""
    sentence: str = ""  # the sentence it stands in (for the draft rules), not written
    opens_range: bool = False  # the lower bound of "X至Y" (for the draft rules' tiers), not written
    years: int | None = None  # of a multi-year award (连续支持3年; for the draft rules), not written
    marks: list[Mark] = field(default_factory=list)


@dataclass(slots=True)
class DraftClause:
    id: str
    kind: str
    text: str
    line: int  # where it starts in the source, for messages
    parent: str | None = None
    label: str = ""
    title: str = ""
    heading: bool = False  # a label and a heading line, no sentence of its own
    departments: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    amounts: list[DraftAmount] = field(default_factory=list)
    marks: dict[str, list[Mark]] = field(default_factory=dict)  # field -> its review marks

    def mark(self, field_name: str, key: str, **values: str) -> None:
        self.marks.setdefault(field_name, []).append(mark(key, **values))
