"""The cyclic garbage collector, paused while the program starts.

Starting up makes hundreds of thousands of objects that live until exit (modules, the
library, the widgets): the collector would scan them again and again and find nothing,
a tenth of the browser's start. cli.main pauses it; a command resumes it once its library
is loaded (cli.common.load), the browser once its library is in and about to be shown (tui.app).
"""

from __future__ import annotations

import gc


def pause() -> None:
    gc.disable()


def resume() -> None:
    """Collect again, leaving alone what exists by now (gc.freeze): it lives until exit.
    Nothing to do when the collector was not paused (the tests create apps directly)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
