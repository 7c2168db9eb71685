"""The footer: the screen's main keys on one line, each one clickable.

Textual's Footer builds and styles a widget for every key; with a dozen keys
(every feature screen adds one) that was a fifth of the browse screen's first
paint (benchmarks/startup.py). This writes the same keys as text in one
Static, in the footer's theme colours, and re-renders when the bindings change;
the palette key stands on the right, as in Textual's footer. Escape (back) and
F1 (help) come first and stay, then F2 (English); when the line is too narrow, the
last keys go.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Static

KEY_STYLE = "bold $footer-key-foreground on $footer-key-background"
DESCRIPTION_STYLE = "$footer-description-foreground on $footer-description-background"
PALETTE_ACTION = "command_palette"
# Binding ids that lead the footer and stay when it is too narrow for every key.
ESSENTIAL = ("back", "help")
# Kept before the other keys: the way an English reader finds English.
LANGUAGE = "language"


def _click(node: object, binding: Binding) -> Style:
    """Clicking a key runs its action on the node that bound it (the app or the screen)."""
    namespace = "app" if isinstance(node, App) else "screen" if isinstance(node, Screen) else ""
    action = binding.action
    if namespace and not action.partition("(")[0].count("."):
        action = f"{namespace}.{action}"
    return Style.from_meta({"@click": action}) if namespace or "." in action else Style()


class KeyBar(Horizontal):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        Static {
            width: auto;
            text-wrap: nowrap;
            link-style: none;
            link-background-hover: $block-hover-background;
        }
        #keys {
            width: 1fr;
            text-overflow: ellipsis;
        }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="keys", markup=False)
        yield Static(id="palette-key", markup=False)  # on the right, like Textual's footer

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _: self.show_keys())
        self.show_keys()

    def on_resize(self) -> None:
        self.show_keys()

    def show_keys(self) -> None:
        shown: dict[str, tuple[str | None, Content]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.action in shown or not (binding.show or binding.action == PALETTE_ACTION):
                continue
            if binding.action == f"switch_mode('{self.app.current_mode}')":
                continue  # the key of the screen you are on does nothing
            key = Content.styled(f" {self.app.get_key_display(binding)} ", KEY_STYLE)
            words = Content.styled(f"{binding.description} ", DESCRIPTION_STYLE)
            entry = (key + words).stylize(_click(active.node, binding))
            shown[binding.action] = (binding.id, entry if active.enabled else entry.stylize("dim"))
        palette = shown.pop(PALETTE_ACTION, (None, Content("")))[1]
        entries = sorted(
            shown.values(), key=lambda e: 0 if e[0] in ESSENTIAL else 1 if e[0] == LANGUAGE else 2
        )
        if self.size.width:  # laid out: drop the last keys until the line fits, never help or back
            room = self.size.width - palette.cell_length
            while sum(c.cell_length for _, c in entries) > room and entries[-1][0] not in ESSENTIAL:
                entries.pop()
        self.query_one("#keys", Static).update(Content("").join(c for _, c in entries))
        self.query_one("#palette-key", Static).update(palette)
