"""`policytui paths`: where policytui looks for data and keeps its settings."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from policytui.cli.common import print_json

if TYPE_CHECKING:
    from policytui.cli.common import Subparsers


def register(subparsers: Subparsers, parents: list[argparse.ArgumentParser], lang: str) -> None:
    from policytui.i18n import t

    parser = subparsers.add_parser("paths", parents=parents, help=t("help.paths", lang), lang=lang)
    parser.add_argument("--json", action="store_true", help=t("help.json", lang))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.cells import cell_len

    from policytui.core.locations import data_dirs, user_config_dir
    from policytui.i18n import t

    dirs = data_dirs(args.data, user=not args.no_user_data)
    rows = [{"origin": d.origin, "path": str(d.path), "exists": d.path.exists()} for d in dirs]
    if args.json:
        print_json({"data": rows, "config": str(user_config_dir())})
        return 0
    lines = [
        (
            t(f"paths.{row['origin']}", args.lang),
            f"{row['path']}{'' if row['exists'] else t('paths.missing', args.lang)}",
        )
        for row in rows
    ]
    lines.append((t("paths.config", args.lang), str(user_config_dir())))
    width = max(cell_len(label) for label, _ in lines)
    for label, path in lines:
        print(f"{label}{' ' * (width - cell_len(label))} {path}")
    return 0
