"""How long the non-interactive CLI takes, against `python -c "import rich"` in the same run.

Run: python benchmarks/cli_startup.py [--runs 15]

Prints the median wall time of each look-up command and its ratio to `python -c "import
rich"`, warm (the library cache filled by an earlier run) and cold (POLICYTUI_NO_CACHE=1:
every file read); target: every look-up <= 2.5x, warm. `import rich` loads only Rich's
package; printing anything needs rich.console, so its figure is shown too. For scale,
also bare Python, what importing Textual would add (the CLI avoids it), and `list` from
a copy of the package whose modules are not compiled, with PYTHONDONTWRITEBYTECODE=1:
what a checkout run that way pays at every start (a wheel installed by pip is compiled).
Each command's CPU time (user + system) and its ratio are printed too, and the load average:
on a busy machine the wall time is mostly waiting for a core.
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

from startup import load_average

PYTHON = sys.executable
# The command a user types: the script pip and pipx install beside the interpreter (runpy's
# `python -m` costs a few ms more); `-m` only where no such script is installed.
SCRIPT = Path(PYTHON).with_name("policytui")
POLICYTUI = [str(SCRIPT)] if SCRIPT.exists() else [PYTHON, "-m", "policytui"]
BASELINE = "python -c 'import rich'"
PRINTING_FLOOR = "import rich.console, rich.table"  # what printing any table with Rich loads
LOOK_UPS = {
    "list": ["list", "--no-user-data"],
    "show m4": ["show", "m4", "--no-user-data"],
    "search 总部奖励": ["search", "总部奖励", "--no-user-data"],
    "calc hq-landing": ["calc", "hq-landing", "paid_in_capital=2亿", "--no-user-data"],
    "compare 开源": ["compare", "开源", "--no-user-data"],
}
TARGET = 2.5
SOURCE = Path(__file__).resolve().parent.parent / "src" / "policytui"
DATA = Path(__file__).resolve().parent.parent / "data"


def time_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def uncompiled_copy(home: Path) -> Path:
    """policytui's modules and data as a wheel lays them out, with no __pycache__."""
    target = home / "uncompiled"
    shutil.copytree(SOURCE, target / "policytui", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(DATA, target / "policytui" / "data")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    load_before = load_average()
    with tempfile.TemporaryDirectory() as home:
        env = dict(
            os.environ,
            XDG_CACHE_HOME=f"{home}/cache",
            XDG_CONFIG_HOME=f"{home}/config",
            XDG_DATA_HOME=f"{home}/data",
            COLUMNS="120",
        )
        for name in ("POLICYTUI_DATA", "POLICYTUI_NO_CACHE", "PYTHONDONTWRITEBYTECODE"):
            env.pop(name, None)
        cold = dict(env, POLICYTUI_NO_CACHE="1")
        uncompiled = dict(env, PYTHONPATH=str(uncompiled_copy(Path(home))), PYTHONDONTWRITEBYTECODE="1")
        cases: dict[str, tuple[list[str], dict[str, str]]] = {
            "python -c pass": ([PYTHON, "-c", "pass"], env),
            BASELINE: ([PYTHON, "-c", "import rich"], env),
            "python -c 'import rich.console'": ([PYTHON, "-c", "import rich.console"], env),
            PRINTING_FLOOR: ([PYTHON, "-c", "import rich.console, rich.table"], env),
            "import textual.app (avoided)": ([PYTHON, "-c", "import textual.app"], env),
            "policytui --version": ([*POLICYTUI, "--version"], env),
        }
        cases |= {f"{name} (warm)": ([*POLICYTUI, *args], env) for name, args in LOOK_UPS.items()}
        cases |= {f"{name} (cold)": ([*POLICYTUI, *args], cold) for name, args in LOOK_UPS.items()}
        cases["list (warm), not compiled"] = ([PYTHON, "-m", "policytui", *LOOK_UPS["list"]], uncompiled)
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for command, case_env in cases.values():  # the file cache, the bytecode, the library cache
            time_once(command, case_env)
        for _ in range(runs):  # interleaved, so machine noise hits every case alike
            for name, (command, case_env) in cases.items():
                samples[name].append(time_once(command, case_env))
    walls = {name: statistics.median(wall for wall, _ in values) for name, values in samples.items()}
    cpus = {name: statistics.median(cpu for _, cpu in values) for name, values in samples.items()}
    print(
        f"{'command':34} {'median ms':>10} {'p90 ms':>8} {'x rich':>7} {'cpu ms':>8} {'x rich':>7}   "
        f"({runs} runs each, interleaved)"
    )
    for name, values in samples.items():
        p90 = sorted(wall for wall, _ in values)[int(0.9 * (len(values) - 1))]
        print(
            f"{name:34} {walls[name] * 1000:10.1f} {p90 * 1000:8.1f} {walls[name] / walls[BASELINE]:7.2f} "
            f"{cpus[name] * 1000:8.1f} {cpus[name] / cpus[BASELINE]:7.2f}"
        )
    print(f"load average (1, 5, 15 min) before: {load_before}, after: {load_average()}")
    worst = max((walls[f"{name} (warm)"] / walls[BASELINE], name) for name in LOOK_UPS)
    print(f"target: every look-up <= {TARGET}x {BASELINE}, warm (slowest: {worst[1]}, {worst[0]:.2f}x)")
    print(
        f"for scale: {PRINTING_FLOOR} alone is {walls[PRINTING_FLOOR] / walls[BASELINE]:.2f}x; "
        f"the slowest look-up is {worst[0] * walls[BASELINE] / walls[PRINTING_FLOOR]:.2f}x that"
    )


if __name__ == "__main__":
    main()
