"""Hostile data files in the TUI (issue #10): the start-up notice names the bad file in clean
text, and the bytes the app writes to a real terminal carry no escape sequence from the data."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time

from policytui.tui.app import create_app
from tests.conftest import AS_OF, FIXTURES
from tests.tui.conftest import SIZE, toasts
from tests.tui.test_browse import library_loaded

CASES = FIXTURES / "hostile" / "cases"
# What the data would make the terminal do: OSC 52 (write the clipboard), OSC 0/2 (set the
# title), OSC 8 (a link), clear the screen; C1 controls and invisible characters from the data.
DATA_SEQUENCES = (b"\x1b]52", b"\x1b]0;", b"\x1b]2;", b"\x1b]8;", b"PWNED\x07", b"\x1b[2J")
C1_OR_INVISIBLE = re.compile("[\x80-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def hostile_dir(tmp_path):
    # escape-in-date.toml's problem comes first, so it is the one the notice quotes
    for name in ("escape-in-date.toml", "escape-in-key.toml", "invisible-text.toml"):
        shutil.copy(CASES / name, tmp_path)
    return tmp_path


async def test_the_start_up_notice_shows_escapes_as_visible_text(tmp_path):
    app = create_app(data=[str(hostile_dir(tmp_path))], as_of=AS_OF, user_data=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await library_loaded(app, pilot)
        assert {"nanjing-2021", "wuxi-draft", "invisible-text"} <= set(app.library.policies)
        shown = toasts(app)
        assert "数据问题" in shown and "\\x1b" in shown
        assert "\x1b" not in shown and "\x07" not in shown and not C1_OR_INVISIBLE.search(shown)


def test_the_terminal_receives_no_escape_sequence_from_the_data(tmp_path):
    """The app in a real pseudo-terminal, until its notice about the bad files is on screen."""
    data = hostile_dir(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "FORCE_COLOR"))}
    env.update(TERM="xterm-256color", COLUMNS="120", LINES="36")
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "policytui",
            "--data",
            str(data),
            "--no-user-data",
            "--as-of",
            AS_OF.isoformat(),
            "--lang",
            "en",
        ],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    written = b""
    try:
        give_up = time.monotonic() + 90  # a guard against a hang, not a measure of speed
        while b"validate" not in written and time.monotonic() < give_up:
            ready, _, _ = select.select([leader], [], [], 1)
            if ready:
                try:
                    written += os.read(leader, 65536)
                except OSError:  # the app has ended
                    break
    finally:
        proc.kill()
        proc.wait(timeout=30)
        os.close(leader)
    assert b"validate" in written, written[-2000:]
    assert b"is not a date" in written and b"\\x1b]52;c;" in written  # the notice, escapes made visible
    for sequence in DATA_SEQUENCES:
        assert sequence not in written, sequence
    assert not C1_OR_INVISIBLE.search(written.decode("utf-8", "replace"))
