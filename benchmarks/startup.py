"""Time until policytui's policy tree is on screen, against a bare Textual app, in a real terminal.

Run: python benchmarks/startup.py [--runs 7]

Each run starts the program in a fresh tmux server on its own socket (`tmux -L`, so the
clean environment set here is the one the program gets), in a 120x36 window, and polls
the window's text until a marker appears: a line of the policy tree ("南京 [已失效]",
the moment the browser is usable), or the bare app's Static. policytui runs cold (an
empty cache directory each run: every file is read) and warm (the cache filled by an
earlier run). The cases are interleaved, so machine noise hits all alike; the script
prints each median and its ratio to the bare app (targets: warm <= 1.3, cold <= 1.6).
It also prints each program's CPU time (user + system, until it is quit with Ctrl+Q once
the marker shows) and its ratio: on a busy machine the wall time is mostly waiting for a
core, and the CPU time says what an idle one would take. A cold start reads the
calculator's rules once the tree is painted, so its CPU time includes them and its wall
time does not. The load average is printed too.
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

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static


class Bare(App):
    def compose(self):
        yield Header()
        yield Static("bare textual app ready")
        yield Footer()


Bare().run()
"""


# Runs a program (a script, or -m module) and writes its peak memory (KB) and CPU seconds
# to a file when it exits: python -c USAGE_WRAPPER REPORT (SCRIPT | -m MODULE) ARGS...
USAGE_WRAPPER = """
import atexit, resource, runpy, sys
report = sys.argv[1]
def write_usage():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    open(report, "w").write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
atexit.register(write_usage)
if sys.argv[2] == "-m":
    sys.argv = [sys.argv[3], *sys.argv[4:]]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
else:
    sys.argv = sys.argv[2:]
    runpy.run_path(sys.argv[0], run_name="__main__")
"""
QUIT_SECONDS = 30


def clean_env(home: Path) -> dict[str, str]:
    """A user environment with no saved settings, data or cache, for every program alike.

    PYTHONDONTWRITEBYTECODE is dropped: a wheel installed by pip has its modules compiled,
    and without this a checkout would compile policytui's at every start (see the README).
    """
    env = dict(
        os.environ,
        XDG_CONFIG_HOME=f"{home}/config",
        XDG_DATA_HOME=f"{home}/data",
        XDG_CACHE_HOME=f"{home}/cache",
        XDG_STATE_HOME=f"{home}/state",
        TERM="xterm-256color",
    )
    for name in ("TMUX", "POLICYTUI_DATA", "POLICYTUI_NO_CACHE", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def time_to_screen(
    command: list[str], marker: str, env: dict[str, str], then: Callable[[list[str]], None] | None = None
) -> float:
    """Seconds from starting `command` in a new tmux server until `marker` is on screen;
    `then(tmux)` runs before the server is killed (tmux: the command prefix for this server)."""
    socket = f"policytui-bench-{os.getpid()}-{next(_SERVERS)}"
    tmux = ["tmux", "-L", socket, "-f", os.devnull]
    shell_command = " ".join(f"'{part}'" for part in command)
    start = time.perf_counter()
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "bench", "-x", SIZE[0], "-y", SIZE[1], shell_command],
        check=True,
        env=env,
    )
    try:
        while time.perf_counter() - start < TIMEOUT_SECONDS:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", "bench"], capture_output=True, text=True, env=env
            ).stdout
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


def time_and_usage(
    program: list[str], marker: str, env: dict[str, str], report: Path
) -> tuple[float, float, int]:
    """(seconds until `marker` shows, CPU seconds, peak memory in KB) of `program` (a script
    and its arguments, or -m and a module), quit with Ctrl+Q once the marker shows."""
    report.unlink(missing_ok=True)

    def quit_and_wait(tmux: list[str]) -> None:
        subprocess.run([*tmux, "send-keys", "-t", "bench", "C-q"], env=env, check=True)
        deadline = time.perf_counter() + QUIT_SECONDS
        while not (report.exists() and report.read_text()) and time.perf_counter() < deadline:
            time.sleep(0.02)

    elapsed = time_to_screen([PYTHON, "-c", USAGE_WRAPPER, str(report), *program], marker, env, quit_and_wait)
    if not (report.exists() and report.read_text()):
        raise SystemExit(f"{' '.join(program)} did not quit within {QUIT_SECONDS}s of Ctrl+Q")
    peak, cpu = report.read_text().split()
    return elapsed, float(cpu), int(peak)


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def policytui_program(*args: str) -> list[str]:
    return ["-m", "policytui", "--no-user-data", *args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed to measure in a real terminal")
    load_before = load_average()
    with tempfile.TemporaryDirectory() as home:
        bare = Path(home) / "bare_app.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        env = clean_env(Path(home))
        report = Path(home) / "usage"
        cold_caches = itertools.count()

        def cold_env() -> dict[str, str]:  # an empty cache directory for every cold run
            return dict(env, XDG_CACHE_HOME=f"{home}/cold-cache-{next(cold_caches)}")

        cases = {
            "bare Textual app": ([str(bare)], "bare textual app ready", lambda: env),
            "policytui cold (no cache)": (policytui_program(), TREE_MARKER, cold_env),
            "policytui warm (cache)": (policytui_program(), TREE_MARKER, lambda: env),
        }
        samples: dict[str, list[tuple[float, float, int]]] = {name: [] for name in cases}
        for program, marker, case_env in cases.values():  # warm the file cache, bytecode, library cache
            time_and_usage(program, marker, case_env(), report)
        for _ in range(runs):
            for name, (program, marker, case_env) in cases.items():
                samples[name].append(time_and_usage(program, marker, case_env(), report))
    walls = {name: statistics.median(wall for wall, _, _ in values) for name, values in samples.items()}
    cpus = {name: statistics.median(cpu for _, cpu, _ in values) for name, values in samples.items()}
    bare_wall, bare_cpu = walls["bare Textual app"], cpus["bare Textual app"]
    print(
        f"{'program':28} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'x bare':>7} {'cpu ms':>8} "
        f"{'x bare':>7}   ({runs} runs each, interleaved; policytui: until the tree shows)"
    )
    for name, values in samples.items():
        wall = [w for w, _, _ in values]
        print(
            f"{name:28} {walls[name] * 1000:10.1f} {min(wall) * 1000:8.1f} {max(wall) * 1000:8.1f} "
            f"{walls[name] / bare_wall:7.2f} {cpus[name] * 1000:8.1f} {cpus[name] / bare_cpu:7.2f}"
        )
    print(f"load average (1, 5, 15 min) before: {load_before}, after: {load_average()}")
    warm, cold = "policytui warm (cache)", "policytui cold (no cache)"
    print(
        f"targets: warm <= 1.3x bare (got {walls[warm] / bare_wall:.2f}, cpu {cpus[warm] / bare_cpu:.2f}), "
        f"cold <= 1.6x bare (got {walls[cold] / bare_wall:.2f}, cpu {cpus[cold] / bare_cpu:.2f})"
    )


if __name__ == "__main__":
    main()
