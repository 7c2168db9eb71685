"""The importer's working records: a clause as read off the text, its figures, its review marks."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ReviewMark:
    """A place where the importer guessed: `field` of clause `clause` ("" for the policy)."""

    clause: str
    field: str
    message: str


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
    marks: list[str] = field(default_factory=list)


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
    marks: dict[str, list[str]] = field(default_factory=dict)  # field -> messages

    def mark(self, field_name: str, message: str) -> None:
        self.marks.setdefault(field_name, []).append(message)
