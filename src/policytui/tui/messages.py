"""Messages the app sends to its screens."""

from __future__ import annotations

from textual.message import Message


class LibraryReady(Message):
    """The library has loaded: `app.library` is set."""


class LanguageChanged(Message):
    """`app.lang` has changed: screens redraw their own words."""


class OpenClause(Message):
    """Select this clause (or policy) in the browse screen."""

    def __init__(self, clause_id: str) -> None:
        super().__init__()
        self.clause_id = clause_id
