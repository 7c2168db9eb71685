"""The policytui command line: subcommands print data; no subcommand starts the TUI.

Nothing here imports Textual unless the TUI is started, so look-ups stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from policytui import __version__
from policytui.cli.common import common_options

# Each module has register(subparsers, parents) and run(args) -> exit code.
COMMAND_MODULES = (
    "policytui.cli.list_cmd",
    "policytui.cli.show_cmd",
    "policytui.cli.search_cmd",
    "policytui.cli.validate_cmd",
    "policytui.cli.paths_cmd",
    "policytui.cli.compare_cmd",
    "policytui.cli.calc_cmd",
    "policytui.cli.estimate_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="policytui",
        description="Browse, search, compare and cost Chinese municipal software-industry policies. "
        "With no command, opens the interactive browser.",
        parents=[common(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"policytui {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, [common(suppress=True)])
    return parser


class _DeferringParser(argparse.ArgumentParser):
    def error(self, message: str):  # the full parser reports it, with the full usage
        raise ValueError(message)


def browser_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when `argv` names no command (the browser opens), read without importing
    the command modules, which keeps the browser's start-up light; None for the full parser."""
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return None
    parser = _DeferringParser(add_help=False, parents=[common_options()(suppress=False)])
    try:
        args, rest = parser.parse_known_args(argv)
    except ValueError:
        return None
    args.command = None
    # an explicit --lang wins over the language the browser remembers
    args.lang_given = any(arg == "--lang" or arg.startswith("--lang=") for arg in argv)
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = browser_options(argv) or build_parser().parse_args(argv)
    try:
        if args.command is None:
            from policytui.cli.tui_launch import run_tui

            return run_tui(args)
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`policytui list | head`): not an error worth a message
        sys.stderr.close()
        return 0
    except Exception as error:  # the last line of defence: never a traceback for users
        if os.environ.get("POLICYTUI_DEBUG"):
            raise
        print(f"policytui: internal error: {type(error).__name__}: {error} "
              "(set POLICYTUI_DEBUG=1 for details)", file=sys.stderr)
        return 1
