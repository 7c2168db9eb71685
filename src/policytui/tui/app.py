"""The interactive browser (a first screen; the browse issue builds it out)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class PolicyApp(App):
    TITLE = "policytui"

    def __init__(self, data: Sequence[str] = (), as_of: date | None = None, lang: str = "zh",
                 user_data: bool = True) -> None:
        super().__init__()
        self.data = list(data)
        self.as_of = as_of or date.today()
        self.lang = lang
        self.user_data = user_data

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("policytui", id="body", markup=False)
        yield Footer()


def create_app(data: Sequence[str] = (), as_of: date | None = None, lang: str = "zh",
               user_data: bool = True) -> PolicyApp:
    return PolicyApp(data=data, as_of=as_of, lang=lang, user_data=user_data)
