"""First paint of policytui's browse screen against a bare Textual app, in a real terminal.

Run: python benchmarks/startup.py [--runs 7]

Each run starts the program in a fresh tmux window (120x36) and polls the window's
text until a string of the first screen appears: the browse screen's header
("浏览 · 截至"), or the bare app's Static. The two are interleaved, so machine noise
hits both alike; the script prints each median and their ratio (target: <= 1.3).
A benchmark, not a test: it needs tmux and prints figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable
SIZE = ("120", "36")
POLL_SECONDS = 0.005
TIMEOUT_SECONDS = 20

BARE_APP = '''
from textual.app import App
from textual.widgets import Footer, Header, Static


class Bare(App):
    def compose(self):
        yield Header()
        yield Static("bare textual app ready")
        yield Footer()


Bare().run()
'''

CASES = {
    "bare Textual app": ([PYTHON, "{bare}"], "bare textual app ready"),
    "policytui (browse)": ([PYTHON, "-m", "policytui", "--no-user-data"], "浏览 · 截至"),
}


def first_paint(command: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from starting `command` in a new tmux session until `marker` is on screen."""
    session = f"policytui-bench-{os.getpid()}"
    shell_command = " ".join(f"'{part}'" for part in command)
    start = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", SIZE[0], "-y", SIZE[1],
                    shell_command], check=True, env=env)
    try:
        while time.perf_counter() - start < TIMEOUT_SECONDS:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                    capture_output=True, text=True, env=env).stdout
            if marker in screen:
                return time.perf_counter() - start
            time.sleep(POLL_SECONDS)
        raise SystemExit(f"'{marker}' did not appear within {TIMEOUT_SECONDS}s: {shell_command}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed to measure in a real terminal")
    with tempfile.TemporaryDirectory() as home:
        bare = Path(home) / "bare_app.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        # A clean user environment: no saved theme, no user data; the same for both programs.
        env = dict(os.environ, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data",
                   XDG_CACHE_HOME=f"{home}/cache", TERM="xterm-256color")
        env.pop("TMUX", None)
        env.pop("POLICYTUI_DATA", None)
        cases = {name: ([part.format(bare=bare) for part in command], marker)
                 for name, (command, marker) in CASES.items()}
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for command, marker in cases.values():  # warm the file cache and the bytecode once
            first_paint(command, marker, env)
        for _ in range(runs):
            for name, (command, marker) in cases.items():
                samples[name].append(first_paint(command, marker, env))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    print(f"{'program':22} {'median ms':>10} {'min ms':>8} {'max ms':>8}   ({runs} runs each, interleaved)")
    for name, values in samples.items():
        print(f"{name:22} {medians[name] * 1000:10.1f} {min(values) * 1000:8.1f} {max(values) * 1000:8.1f}")
    ratio = medians["policytui (browse)"] / medians["bare Textual app"]
    print(f"ratio policytui / bare: {ratio:.2f} (target <= 1.3)")


if __name__ == "__main__":
    main()
