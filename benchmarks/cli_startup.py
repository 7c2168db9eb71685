"""How long the non-interactive CLI takes, against bare Python in the same run.

Run: python benchmarks/cli_startup.py [--runs 15]
Prints the median wall time of each command and its ratio to `python -c pass`,
and, for scale, what importing Textual alone would add (the CLI avoids it).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

PYTHON = sys.executable
CASES = {
    "python -c pass (baseline)": [PYTHON, "-c", "pass"],
    "import textual.app (avoided)": [PYTHON, "-c", "import textual.app"],
    "policytui --version": [PYTHON, "-m", "policytui", "--version"],
    "policytui list --json": [PYTHON, "-m", "policytui", "list", "--json", "--no-user-data"],
    "policytui show m4 --json": [PYTHON, "-m", "policytui", "show", "m4", "--json", "--no-user-data"],
    "policytui show m4 (Rich)": [PYTHON, "-m", "policytui", "show", "m4", "--no-user-data"],
}


def time_once(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    samples: dict[str, list[float]] = {name: [] for name in CASES}
    for name, command in CASES.items():  # warm the file cache once
        time_once(command)
    for _ in range(runs):  # interleaved, so machine noise hits every case alike
        for name, command in CASES.items():
            samples[name].append(time_once(command))
    baseline = statistics.median(samples["python -c pass (baseline)"])
    print(f"{'command':32} {'median ms':>10} {'p90 ms':>8} {'x baseline':>11}")
    for name, values in samples.items():
        median = statistics.median(values)
        p90 = sorted(values)[int(0.9 * (len(values) - 1))]
        print(f"{name:32} {median * 1000:10.1f} {p90 * 1000:8.1f} {median / baseline:11.2f}")


if __name__ == "__main__":
    main()
