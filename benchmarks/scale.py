"""policytui with 50 and 500 policies, against the 2 bundled ones, in the same run.

Run: python benchmarks/scale.py [--runs 3] [--sizes 50 500]

It writes synthetic libraries into a temporary directory: copies of the bundled Nanjing
policy (83 clauses) under new ids, each with its own source text in which the city's
name is replaced by the copy's own (城〇〇七, ...), so every file is valid and the
verbatim check runs on it as on a user's file. For each size (the bundled policies plus
copies up to that many), it prints:
- `list` and `search 总部奖励`: whole-process wall time (median of --runs), cold (an
  empty cache: every file read) and warm (the cache filled), and peak memory (max RSS);
- the browser: time until the policy tree is on screen in tmux (benchmarks/startup.py),
  cold and warm, and its peak memory;
and each warm figure's ratio to the 2-policy library's, and the warm runs' CPU time
(user + system; for the browser, until it quits): on a busy machine wall time is
mostly waiting for a core, and the CPU time says what an idle one would take. Targets: at 500 policies, warm,
`list` <= 1 s, tree <= 2 s, peak memory <= 200 MB; at 50, the tree within 1.5x of 2's.
A benchmark, not a test: it needs tmux and prints figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from startup import PYTHON, TREE_MARKER, clean_env, load_average, time_and_usage

DATA = Path(__file__).resolve().parent.parent / "data"
TEMPLATE_POLICY = DATA / "policies" / "nanjing-2021.toml"
TEMPLATE_SOURCE = DATA / "sources" / "000_b18e89930a96ad31.txt"
BUNDLED = 2
NUMERALS = "〇一二三四五六七八九"


def write_library(directory: Path, copies: int) -> None:
    """`copies` valid policies, each quoting its own source text."""
    policy = TEMPLATE_POLICY.read_text(encoding="utf-8")
    source = TEMPLATE_SOURCE.read_text(encoding="utf-8")
    (directory / "policies").mkdir(parents=True)
    (directory / "sources").mkdir()
    for number in range(copies):
        city = "城" + "".join(NUMERALS[int(digit)] for digit in f"{number:03d}")
        policy_id = f"city-{number:03d}"
        (directory / "sources" / f"{policy_id}.txt").write_text(
            source.replace("南京", city), encoding="utf-8"
        )
        text = (
            policy.replace("南京", city)
            .replace('id = "nanjing-2021"', f'id = "{policy_id}"')
            .replace('city_en = "Nanjing"', f'city_en = "City {number}"')
            .replace(f"../sources/{TEMPLATE_SOURCE.name}", f"../sources/{policy_id}.txt")
        )
        (directory / "policies" / f"{policy_id}.toml").write_text(text, encoding="utf-8")


def run_once(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak memory in KB) of one `policytui ARGS` process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [PYTHON, "-m", "policytui", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"policytui {' '.join(args)} failed")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def tree_once(args: list[str], env: dict[str, str], report: Path) -> tuple[float, float, int]:
    """(seconds until the tree shows, CPU seconds, peak memory in KB) of the browser, quit with Ctrl+Q."""
    return time_and_usage(["-m", "policytui", *args], TREE_MARKER, env, report)


class Measure:
    def __init__(self, runs: int, home: Path) -> None:
        self.runs = runs
        self.env = clean_env(home)
        self.home = home
        self.fresh = 0

    def cold_env(self) -> dict[str, str]:
        self.fresh += 1
        return dict(self.env, XDG_CACHE_HOME=f"{self.home}/cold-cache-{self.fresh}")

    def size(self, args: list[str]) -> dict[str, tuple[float, float, float, int]]:
        """name -> (cold seconds, warm median seconds, warm median CPU seconds, warm peak KB)."""
        report = self.home / "peak"
        figures = {}
        for name, once in (
            ("list", lambda env: run_once(["list", *args], env)),
            ("search", lambda env: run_once(["search", "总部奖励", *args], env)),
            ("tree", lambda env: tree_once(args, env, report)),
        ):
            cold, _, _ = once(self.cold_env())
            once(self.env)  # fills the cache
            warm = [once(self.env) for _ in range(self.runs)]
            figures[name] = (
                cold,
                statistics.median(t for t, _, _ in warm),
                statistics.median(c for _, c, _ in warm),
                max(kb for _, _, kb in warm),
            )
        return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500])
    options = parser.parse_args()
    results: dict[int, dict[str, tuple[float, float, float, int]]] = {}
    load_before = load_average()
    with tempfile.TemporaryDirectory() as home:
        measure = Measure(options.runs, Path(home))
        results[BUNDLED] = measure.size(["--no-user-data"])
        for size in options.sizes:
            library = Path(home) / f"library-{size}"
            write_library(library, size - BUNDLED)
            results[size] = measure.size(["--no-user-data", "--data", str(library)])
    base = results[BUNDLED]
    print(
        f"{'policies':>8} {'what':7} {'cold s':>8} {'warm s':>8} {'x 2-policy':>10} {'warm cpu s':>10} "
        f"{'peak MB':>8}   (warm: median of {options.runs}; peak: warm runs)"
    )
    for size, figures in results.items():
        for name, (cold, warm, cpu, peak) in figures.items():
            print(
                f"{size:8} {name:7} {cold:8.2f} {warm:8.2f} {warm / base[name][1]:10.2f} {cpu:10.2f} "
                f"{peak / 1024:8.1f}"
            )
    print(f"load average (1, 5, 15 min) before: {load_before}, after: {load_average()}")
    if 500 in results:
        at_500 = results[500]
        print(
            f"targets at 500, warm: list <= 1 s (got {at_500['list'][1]:.2f}, cpu {at_500['list'][2]:.2f}), "
            f"tree <= 2 s (got {at_500['tree'][1]:.2f}, cpu {at_500['tree'][2]:.2f}), peak <= 200 MB (got "
            f"{max(peak for *_, peak in at_500.values()) / 1024:.0f})"
        )
    if 50 in results:
        print(
            f"target at 50, warm: tree <= 1.5x the 2-policy tree (got "
            f"{results[50]['tree'][1] / base['tree'][1]:.2f}, cpu {results[50]['tree'][2] / base['tree'][2]:.2f})"
        )


if __name__ == "__main__":
    main()
