"""Export the current comparison or matrix: to a file the user names, or to the clipboard.

An existing file is only replaced after the user says so; the file is written
atomically by core.compare.files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from policytui.core.compare.files import write_export
from policytui.i18n import os_error_words, t
from policytui.render.compare.export import FORMATS
from policytui.tui.app import PolicyApp
from policytui.tui.keys import localize_bindings

FORMAT_NAMES = {"md": "Markdown", "csv": "CSV (Excel)", "json": "JSON"}


class ConfirmOverwrite(ModalScreen[bool]):
    CSS_PATH = "compare.tcss"
    app = getters.app(PolicyApp)  # `self.app` typed as PolicyApp
    BINDINGS = [
        Binding("y", "answer(True)", "覆盖", id="compare.yes"),
        Binding("n,escape", "answer(False)", "不覆盖", id="compare.no"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.target = path

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with Vertical(classes="dialog"):
            yield Static(
                Content(t("compare.overwrite", lang, path=str(self.target))).stylize("bold $text-warning")
            )
            with Horizontal(classes="buttons"):
                yield Button(t("compare.overwrite.yes", lang), variant="warning", id="yes")
                yield Button(t("compare.overwrite.no", lang), id="no")

    def on_mount(self) -> None:
        localize_bindings(self, self.app.lang)
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, overwrite: bool) -> None:
        self.dismiss(overwrite)


class ExportDialog(ModalScreen[None]):
    """`render(format)` gives the text; `stem` names the default file (in the working directory)."""

    CSS_PATH = "compare.tcss"
    BINDINGS = [Binding("escape", "dismiss", "关闭", id="close")]
    app = getters.app(PolicyApp)  # `self.app` typed as PolicyApp

    def __init__(self, render: Callable[[str], str], stem: str) -> None:
        super().__init__()
        self.render_text = render
        self.stem = stem

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with Vertical(classes="dialog", id="export"):
            yield Static(Content(t("compare.export.title", lang)).stylize("bold"))
            yield Select([(FORMAT_NAMES[f], f) for f in FORMATS], value="md", allow_blank=False, id="format")
            yield Input(f"{self.stem}.md", placeholder=t("compare.export.path", lang), id="path")
            with Horizontal(classes="buttons"):
                yield Button(t("compare.export.save", lang), variant="primary", id="save")
                yield Button(t("compare.export.clipboard", lang), id="clipboard")
                yield Button(t("compare.export.cancel", lang), id="cancel")

    def on_mount(self) -> None:
        localize_bindings(self, self.app.lang)
        self.query_one("#path", Input).focus()

    @property
    def chosen_format(self) -> str:
        return str(self.query_one("#format", Select).value)

    @on(Select.Changed, "#format")
    def _suffix_follows_format(self) -> None:
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value or self.stem)
        path_input.value = str(path.with_suffix(f".{self.chosen_format}"))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#clipboard")
    def _copy(self) -> None:
        from policytui.tui.clipboard import copy_text

        # the byte-order mark is for files Excel opens, not for pasting
        copy_text(
            self.app, self.render_text(self.chosen_format), FORMAT_NAMES[self.chosen_format], self.app.lang
        )
        self.dismiss()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#path")
    def _save(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        if not value:
            return
        path = Path(value).expanduser()
        if path.exists() and not path.is_dir():
            self.app.push_screen(ConfirmOverwrite(path), lambda yes: self._write(path, True) if yes else None)
        else:
            self._write(path, False)

    def _write(self, path: Path, overwrite: bool) -> None:
        lang = self.app.lang
        fmt = self.chosen_format
        try:
            written = write_export(path, self.render_text(fmt), overwrite=overwrite, bom=fmt == "csv")
        except OSError as error:  # FileExistsError too: the file appeared meanwhile
            message = os_error_words(error, lang)
            self.app.notify(
                t("compare.export.failed", lang, path=str(path), error=message),
                severity="error",
                markup=False,
            )
            return
        self.app.notify(t("compare.written", lang, path=str(written.resolve())), markup=False)
        self.dismiss()
