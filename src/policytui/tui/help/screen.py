"""Help (F1, ?): every key binding of the screen below, in the UI language.

The screen's own keys come first, then the app's, then those of the focused widget.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from policytui.i18n import t
from policytui.tui.app import PolicyApp
from policytui.tui.keys import describe_binding, localize_bindings


def binding_rows(screen: Screen[object], lang: str) -> list[tuple[str, str]]:
    """(keys, description) for every binding active on `screen`, one row per action."""

    def rank(node: DOMNode, binding: Binding) -> tuple[int, bool]:
        # policytui's bindings have ids; Textual's inherited ones (tab, ctrl+c …) come after them
        return 0 if node is screen else 1 if node is screen.app else 2, binding.id is None

    active = sorted(screen.active_bindings.values(), key=lambda a: rank(a.node, a.binding))
    rows: dict[str, tuple[list[str], str]] = {}
    for entry in active:
        binding = entry.binding
        if binding.system:
            continue
        keys, _ = rows.setdefault(binding.action, ([], describe_binding(binding, lang)))
        display = screen.app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
    return [(" ".join(keys), description) for keys, description in rows.values()]


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "../styles/help.tcss"
    app = getters.app(PolicyApp)  # `self.app` typed as PolicyApp
    BINDINGS = [Binding("escape,q,f1,question_mark", "dismiss", "关闭", id="close")]

    def __init__(self, below: Screen[object]) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        name = t(getattr(self.below, "TITLE_KEY", "") or "screen.help", lang)
        table = Table(box=None, padding=(0, 2, 0, 0), show_edge=False)
        table.add_column(Text(t("help.key", lang), style="bold"), style="bold", no_wrap=True)
        table.add_column(Text(t("help.action", lang), style="bold"))
        for keys, description in binding_rows(self.below, lang):
            table.add_row(Text(keys, style="bold"), Text(description))
        with Vertical(id="help"):
            yield Static(Content(t("help.title", lang, screen=name)).stylize("bold"), id="help-title")
            with VerticalScroll():
                yield Static(table, id="help-keys")
            yield Static(Content(f"Esc {t('key.close', lang)}").stylize("dim"), id="help-close")

    def on_mount(self) -> None:
        localize_bindings(self, self.app.lang)
