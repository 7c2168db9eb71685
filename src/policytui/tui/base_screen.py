"""PolicyScreen: what every main screen shares.

A header naming the screen and the as-of date, the screen's body, a 'window
too small' notice (shown by styles/app.tcss on tiny terminals) and a footer.
It shows the library once it is loaded, and redraws the screen's own words
when the language changes, whether the screen is active at that moment or
resumed later.
"""

from __future__ import annotations

from textual import events, getters
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header, Static

from policytui.core.model import Library
from policytui.i18n import t
from policytui.tui.app import PolicyApp
from policytui.tui.keys import localize_bindings
from policytui.tui.messages import LanguageChanged, LibraryReady
from policytui.tui.widgets.key_bar import KeyBar


class PolicyScreen(Screen[None]):
    TITLE_KEY = ""  # i18n key of the screen's name
    app = getters.app(PolicyApp)  # `self.app` typed as PolicyApp: its library, lang, as_of

    def __init__(self) -> None:
        super().__init__()
        self._lang = self.app.lang  # screens are made inside the running app
        self._library_shown = False
        self._composed = False
        # Words set before the first paint cost no second one.
        localize_bindings(self, self._lang)
        self.sub_title = self._title()

    @property
    def loaded_library(self) -> Library:
        """The library, for what runs only once it is loaded (show_library and after)."""
        if self.app.library is None:
            raise RuntimeError("the library is not loaded yet")
        return self.app.library

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_body()
        yield Static(t("app.too_small", self._lang), id="too-small", markup=False)
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def show_language(self, lang: str) -> None:
        """Redraw the screen's own words in `lang` (called before show_library, too)."""

    def show_library(self, library: Library) -> None:
        """Fill the screen with the library's data (called once, when it is loaded)."""

    def tell_library_painted(self) -> None:
        """Tell the app once the library show_library put on the screen is painted
        (app.library_painted): after the next refresh, unless the screen knows better."""
        self.call_after_refresh(self.app.library_painted)

    def on_mount(self) -> None:
        self._composed = True
        self.show_language(self._lang)
        self._sync()

    def on_screen_resume(self) -> None:
        self._sync()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Tabbing into a filled field puts the cursor at its end: selecting it all would let
        # the next key wipe the value.
        from textual.widgets import Input

        if isinstance(event.widget, Input):
            event.widget.select_on_focus = False
            event.widget.cursor_position = len(event.widget.value)

    def on_library_ready(self, _: LibraryReady) -> None:
        self._sync()

    def on_language_changed(self, _: LanguageChanged) -> None:
        self._sync()

    def _title(self) -> str:
        return f"{t(self.TITLE_KEY, self._lang)} · {t('status.as_of', self._lang, date=self.app.as_of)}"

    def _show_words(self) -> None:
        self.sub_title = self._title()
        self.query_one("#too-small", Static).update(t("app.too_small", self._lang))
        self.show_language(self._lang)

    def _sync(self) -> None:
        if not self._composed:  # ScreenResume may come first; on_mount syncs then
            return
        if self.app.lang != self._lang:
            self._lang = self.app.lang
            localize_bindings(self, self._lang)
            self._show_words()
        if self.app.library is not None and not self._library_shown:
            self._library_shown = True
            self.show_library(self.app.library)
            self.tell_library_painted()
