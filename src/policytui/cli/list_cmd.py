"""`policytui list`: the loaded policies with their status."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from policytui.cli.common import as_of, console, load, print_json

if TYPE_CHECKING:
    from policytui.cli.common import Subparsers


def register(subparsers: Subparsers, parents: list[argparse.ArgumentParser], lang: str) -> None:
    from policytui.i18n import t

    parser = subparsers.add_parser("list", parents=parents, help=t("help.list", lang), lang=lang)
    parser.add_argument("--json", action="store_true", help=t("help.json", lang))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from policytui.core.serialize import policy_json
    from policytui.core.status import policy_status

    library = load(args)
    date = as_of(args)
    rows = [(p, policy_status(p, date)) for p in library.policies.values()]
    if args.json:
        print_json([policy_json(p, s) for p, s in rows])
        return 0

    from rich.table import Table
    from rich.text import Text

    from policytui.i18n import t
    from policytui.present import city_name
    from policytui.render.fitted_table import record_block, table_or_blocks
    from policytui.render.rich_text import kept_together, wrapped
    from policytui.render.status import badge_list, status_cell

    lang = args.lang
    title = Text(t("status.as_of", lang, date=date.isoformat()))
    table = Table(title=title, title_justify="left")
    table.add_column(t("field.id", lang), no_wrap=True)  # an id is never folded (`nanjing-2/021`)
    for key in ("field.city", "field.policy", "field.status", "field.clauses", "field.awards"):
        table.add_column(wrapped(t(key, lang)))
    blocks = []
    for policy, status in rows:
        awards = sum(1 for c in policy.clauses for a in c.awards if not a.unspecified)
        style = "bold red" if not status.usable else "green"
        table.add_row(
            Text(policy.id),
            wrapped(city_name(policy, lang)),
            wrapped(policy.display_title),
            status_cell(status, lang, style),
            str(len(policy.clauses)),
            str(awards),
        )
        head = kept_together(
            Text(policy.id, style="bold"), *(Text(b, style=style) for b in badge_list(status, lang))
        )
        blocks.append(
            record_block(
                head,
                [
                    (t("field.city", lang), wrapped(city_name(policy, lang))),
                    (t("field.policy", lang), wrapped(policy.display_title)),
                    (t("field.clauses", lang), Text(str(len(policy.clauses)))),
                    (t("field.awards", lang), Text(str(awards))),
                ],
            )
        )
    out = console(listing=True)
    table_or_blocks(out, table, blocks)
    return 0
