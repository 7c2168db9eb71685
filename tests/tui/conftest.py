"""TUI test helpers: an app on the bundled library at a fixed date, isolated cache, no system clipboard."""

from __future__ import annotations

import html
import re
import time

import pytest

from policytui.core.loader import load_library
from policytui.core.locations import data_dirs
from policytui.tui import clipboard
from policytui.tui.app import PolicyApp, create_app
from tests.conftest import AS_OF, FIXTURES

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def isolated_cache_and_clipboard(tmp_path_factory, monkeypatch):
    """Copies go to a temporary cache directory, never to the real clipboard tools."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setattr(clipboard, "SYSTEM_TOOLS", ())


@pytest.fixture
def make_app(library):
    def make(lang: str = "zh", lib=None) -> PolicyApp:
        app = create_app(as_of=AS_OF, lang=lang, user_data=False, library=lib or library)
        # No animations: a snapshot taken mid-slide (a tab's underline) differs run to run.
        app.animation_level = "none"
        return app

    return make


@pytest.fixture(scope="session")
def hostile_library():
    return load_library(dirs=data_dirs([FIXTURES / "hostile" / "hostile.toml"], user=False, env={}))


def screen_text(app: PolicyApp) -> str:
    """The text on the screen as the terminal would show it (from the SVG export)."""
    svg = app.export_screenshot()
    runs = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return html.unescape("".join(runs)).replace("\xa0", " ")


def toasts(app: PolicyApp) -> str:
    """The text of the notifications on the screen."""
    from textual.widgets._toast import Toast

    return "\n".join(toast.render().plain for toast in app.screen.query(Toast))


async def settle(pilot, times: int = 3) -> None:
    for _ in range(times):
        await pilot.pause()


async def wait_for(pilot, condition, what: str = "", timeout: float = 20.0) -> None:
    """Let the app run until `condition()` holds: a wait on a condition, not a fixed pause.
    `timeout` only bounds a wait that would never end (a busy machine is slow); it names `what`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what or condition}")
        await pilot.pause(0.01)


async def browse_built(pilot) -> None:
    """The app started: the browse screen shows the policy tree."""
    from policytui.tui.browse.screen import BrowseScreen

    await wait_for(
        pilot, lambda: isinstance(pilot.app.screen, BrowseScreen) and pilot.app.screen._built, "browse"
    )


async def opened(pilot, clause_id: str) -> None:
    """The browse screen built, with `clause_id` selected (a policy id selects the policy)."""
    await browse_built(pilot)
    pilot.app.open_clause(clause_id)
    await wait_for(
        pilot,
        lambda: pilot.app.screen.tree.cursor_node and pilot.app.screen.tree.cursor_node.data == clause_id,
        clause_id,
    )


# What each key of the snapshots opens: the screen it must show before the shot.
OPENS = {
    "o": "OverviewScreen",
    "t": "TargetsScreen",
    "r": "ClausePicker",
    "f1": "HelpScreen",
    "v": "CompareScreen",
    "m": "MatrixScreen",
    "n": "CounterpartScreen",
    "a": "CalcScreen",
    "ctrl+p": "LocalizedPalette",
}


async def press_until_shown(pilot, *keys: str) -> None:
    """Press each key and wait until the screen it opens is the current one (other keys: until
    the screen is current again), then let it paint."""
    for key in keys:
        await pilot.press(key)
        name = OPENS.get(key)
        await wait_for(
            pilot,
            lambda name=name: (
                (name is None or type(pilot.app.screen).__name__ == name) and pilot.app.screen.is_current
            ),
            f"the screen {key} opens",
        )
    await settle(pilot)


def palette_hits(app) -> list[str]:
    """The text of the command palette's hits."""
    from textual.command import CommandList

    return [hit.hit.text or "" for hit in app.screen.query_one(CommandList).options if hasattr(hit, "hit")]


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch):
    """No blinking cursor in any TUI test: a snapshot or a check never catches one mid-blink."""
    from textual.widgets import Input, TextArea

    for widget_class in (Input, TextArea):

        def init(self, *args, _original=widget_class.__init__, **kwargs):
            _original(self, *args, **kwargs)
            self.cursor_blink = False

        monkeypatch.setattr(widget_class, "__init__", init)
