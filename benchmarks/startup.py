"""Time until policytui's policy tree is on screen, against a bare Textual app, in a real terminal.

Run: python benchmarks/startup.py [--runs 7]

Each run starts the program in a fresh tmux server on its own socket (`tmux -L`, so the
clean environment set here is the one the program gets), in a 120x36 window, and polls
the window's text until a marker appears: a line of the policy tree ("南京 [已失效]",
the moment the browser is usable), or the bare app's Static. policytui runs cold (an
empty cache directory each run: every file is read) and warm (the cache filled by an
earlier run). The cases are interleaved, so machine noise hits all alike; the script
prints each median and its ratio to the bare app (targets: warm <= 1.3, cold <= 1.6).
A benchmark, not a test: it needs tmux and prints figures.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PYTHON = sys.executable
SIZE = ("120", "36")
POLL_SECONDS = 0.005
TIMEOUT_SECONDS = 60
TREE_MARKER = "南京 [已失效]"  # the tree's line for the first bundled policy
_SERVERS = itertools.count()  # a new socket each run: a server being killed may still hold the last

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


def clean_env(home: Path) -> dict[str, str]:
    """A user environment with no saved settings, data or cache, for every program alike.

    PYTHONDONTWRITEBYTECODE is dropped: a wheel installed by pip has its modules compiled,
    and without this a checkout would compile policytui's at every start (see the README).
    """
    env = dict(os.environ, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data",
               XDG_CACHE_HOME=f"{home}/cache", XDG_STATE_HOME=f"{home}/state", TERM="xterm-256color")
    for name in ("TMUX", "POLICYTUI_DATA", "POLICYTUI_NO_CACHE", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def time_to_screen(command: list[str], marker: str, env: dict[str, str],
                   then: Callable[[list[str]], None] | None = None) -> float:
    """Seconds from starting `command` in a new tmux server until `marker` is on screen;
    `then(tmux)` runs before the server is killed (tmux: the command prefix for this server)."""
    socket = f"policytui-bench-{os.getpid()}-{next(_SERVERS)}"
    tmux = ["tmux", "-L", socket, "-f", os.devnull]
    shell_command = " ".join(f"'{part}'" for part in command)
    start = time.perf_counter()
    subprocess.run([*tmux, "new-session", "-d", "-s", "bench", "-x", SIZE[0], "-y", SIZE[1], shell_command],
                   check=True, env=env)
    try:
        while time.perf_counter() - start < TIMEOUT_SECONDS:
            screen = subprocess.run([*tmux, "capture-pane", "-p", "-t", "bench"],
                                    capture_output=True, text=True, env=env).stdout
            if marker in screen:
                elapsed = time.perf_counter() - start
                if then is not None:
                    then(tmux)
                return elapsed
            time.sleep(POLL_SECONDS)
        raise SystemExit(f"'{marker}' did not appear within {TIMEOUT_SECONDS}s: {shell_command}")
    finally:
        subprocess.run([*tmux, "kill-server"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # tmux leaves the socket file behind
        Path(env.get("TMUX_TMPDIR", "/tmp"), f"tmux-{os.getuid()}", socket).unlink(missing_ok=True)


def policytui_command(*args: str) -> list[str]:
    return [PYTHON, "-m", "policytui", "--no-user-data", *args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed to measure in a real terminal")
    with tempfile.TemporaryDirectory() as home:
        bare = Path(home) / "bare_app.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        env = clean_env(Path(home))
        cold_caches = itertools.count()

        def cold_env() -> dict[str, str]:  # an empty cache directory for every cold run
            return dict(env, XDG_CACHE_HOME=f"{home}/cold-cache-{next(cold_caches)}")

        cases = {
            "bare Textual app": ([PYTHON, str(bare)], "bare textual app ready", lambda: env),
            "policytui cold (no cache)": (policytui_command(), TREE_MARKER, cold_env),
            "policytui warm (cache)": (policytui_command(), TREE_MARKER, lambda: env),
        }
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for command, marker, case_env in cases.values():  # warm the file cache, bytecode, library cache
            time_to_screen(command, marker, case_env())
        for _ in range(runs):
            for name, (command, marker, case_env) in cases.items():
                samples[name].append(time_to_screen(command, marker, case_env()))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    bare_median = medians["bare Textual app"]
    print(f"{'program':28} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'x bare':>7}   "
          f"({runs} runs each, interleaved; policytui: until the tree shows)")
    for name, values in samples.items():
        print(f"{name:28} {medians[name] * 1000:10.1f} {min(values) * 1000:8.1f} {max(values) * 1000:8.1f} "
              f"{medians[name] / bare_median:7.2f}")
    print(f"targets: warm <= 1.3x bare (got {medians['policytui warm (cache)'] / bare_median:.2f}), "
          f"cold <= 1.6x bare (got {medians['policytui cold (no cache)'] / bare_median:.2f})")


if __name__ == "__main__":
    main()
