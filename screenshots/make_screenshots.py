"""Regenerate the SVG screenshots of policytui's main screens (shown in the README).

    python screenshots/make_screenshots.py

Each screen is reached from the same scripted state: the bundled policies only, as of
2026-11-22, 120x36, the default theme, whatever the user's own settings are.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = date(2026, 11, 22)
SIZE = (120, 36)

# (file name, clause to open first, keys to press, text to type into the screen's first
# input, or "#input-id=text" for a named one[, a scrollable to scroll to its end])
SHOTS = [
    ("browse", "wuxi-draft/m4", (), ""),
    ("browse-xinchuang", "nanjing-2021/att.1", (), ""),
    ("related", "wuxi-draft/m4", ("r",), ""),
    ("overview", "wuxi-draft/m4", ("o",), ""),
    ("targets", "nanjing-2021/p1.table", ("t",), ""),
    ("help", "wuxi-draft/m4", ("f1",), ""),
    ("palette", "wuxi-draft", ("ctrl+p",), "信创"),
    ("browse-english", "wuxi-draft/m4", ("f2",), ""),
    ("search", "wuxi-draft/m4", ("slash",), "zjtx"),
    ("compare", "wuxi-draft/m4", ("v",), ""),
    ("matrix", "wuxi-draft/m4", ("m",), ""),
    ("calculator", "wuxi-draft/m4", ("a",), "#input-paid_in_capital=2亿"),
    ("calculator-what-if", "wuxi-draft/m4", ("a",), "#input-paid_in_capital=2亿", "#calc-main"),
    ("firm-estimate", "wuxi-draft/m4", ("a", "f7"), ""),
    ("browse-80x24", "wuxi-draft/m4", (), "", "", (80, 24)),
]


async def shoot(
    library,
    name: str,
    clause_id: str,
    keys: tuple[str, ...],
    typed: str,
    scrolled: str = "",
    size: tuple[int, int] = SIZE,
) -> None:
    from textual.widgets import Input

    from policytui.tui.app import create_app

    app = create_app(as_of=AS_OF, user_data=False, library=library)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.open_clause(clause_id)
        for _ in range(3):
            await pilot.pause()
        for key in keys:
            await pilot.press(key)
            for _ in range(5):
                await pilot.pause()
        if typed:
            selector, _, value = typed.rpartition("=") if typed.startswith("#") else ("", "", typed)
            field = app.screen.query_one(selector or Input, Input)
            field.value = value
            await pilot.pause(0.5)
        if scrolled:
            app.screen.query_one(scrolled).scroll_end(animate=False)
            await pilot.pause(0.2)
        app.save_screenshot(filename=f"{name}.svg", path=str(HERE))
    print(f"screenshots/{name}.svg")


def steady_cursors() -> None:
    """No blinking cursor: a screenshot shows an input's cursor whatever the moment it is taken."""
    from textual.widgets import Input

    original = Input.__init__

    def init(self: Input, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        self.cursor_blink = False

    Input.__init__ = init  # type: ignore[method-assign]


async def main() -> None:
    from policytui.core.loader import load_library
    from policytui.core.locations import data_dirs

    steady_cursors()

    library = load_library(dirs=data_dirs(user=False, env={}))
    for shot in SHOTS:
        await shoot(library, *shot)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as home:
        # The user's saved theme and clipboard file stay out of it.
        os.environ["XDG_CONFIG_HOME"] = str(Path(home) / "config")
        os.environ["XDG_CACHE_HOME"] = str(Path(home) / "cache")
        asyncio.run(main())
