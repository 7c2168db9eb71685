"""Help (F1, ?): every key binding of the screen below, in the UI language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from policytui.i18n import t
from policytui.tui.keys import describe_binding, localize_bindings


def binding_rows(screen: Screen, lang: str) -> list[tuple[str, str]]:
    """(keys, description) for every binding active on `screen`, one row per action."""
    rows: dict[str, tuple[list[str], str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system:
            continue
        keys, _ = rows.setdefault(binding.action, ([], describe_binding(binding, lang)))
        display = screen.app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
    return [(" ".join(keys), description) for keys, description in rows.values()]


class HelpScreen(ModalScreen):
    CSS_PATH = "../styles/help.tcss"
    BINDINGS = [Binding("escape,q,f1,question_mark", "dismiss", "关闭", id="close")]

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        name = t(getattr(self.below, "TITLE_KEY", "") or "screen.help", lang)
        rows = binding_rows(self.below, lang)
        width = max((Content(k).cell_length for k, _ in rows), default=4) + 2
        lines = [Content.assemble((t("help.key", lang).ljust(width), "bold"), (t("help.action", lang), "bold"))]
        for keys, description in rows:
            pad = " " * max(1, width - Content(keys).cell_length)
            lines.append(Content.assemble((keys, "bold $text-accent"), pad, description))
        with Vertical(id="help"):
            yield Static(Content(t("help.title", lang, screen=name)).stylize("bold"), id="help-title")
            with VerticalScroll():
                yield Static(Content("\n").join(lines), id="help-keys")
            yield Static(Content(f"Esc {t('key.close', lang)}").stylize("dim"), id="help-close")

    def on_mount(self) -> None:
        localize_bindings(self, self.app.lang)
