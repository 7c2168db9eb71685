"""`policytui search QUERY`: the clauses that best match, with the hits marked."""

from __future__ import annotations

import argparse

from policytui.cli.common import as_of, console, fail, load, print_json

HIT_STYLE = "bold reverse"


def register(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "search", parents=parents, help="fuzzy search: words, typos, pinyin, English terms, amounts",
        description="Words (总部奖励), pinyin (kaiyuan, zjtx, zj特新), English (open source, IPO), "
        "amounts (500万, 0.05亿) and filters: policy:ID or a city name, topic:开源, has:amount, "
        "amount>=100万.")
    parser.add_argument("query", nargs="+", metavar="QUERY", help="what to look for; several words are one query")
    parser.add_argument("--policy", metavar="ID", help="only this policy (an id or a city name)")
    parser.add_argument("--limit", type=_positive, default=10, metavar="N", help="at most N results (default 10)")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(run=run)


def _positive(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) < 1:  # int() refuses ²
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of results (expected 1 or more)")
    return int(value)


def run(args: argparse.Namespace) -> int:
    from policytui.core.search.index import SearchIndex
    from policytui.core.search.query import QueryError
    from policytui.core.search.rank import search

    query = " ".join(args.query)
    library = load(args)
    try:
        results = search(SearchIndex(library), query, limit=args.limit, policy=args.policy)
    except QueryError as error:
        return fail(f"search: {error}")
    if args.json:
        print_json([result.as_json() for result in results])
    else:
        _print_results(query.strip(), results, library, args)
    return 0


def _print_results(query: str, results, library, args: argparse.Namespace) -> None:
    from rich.text import Text

    from policytui.core.status import policy_status
    from policytui.i18n import status_labels, t

    out = console()
    if not results:
        out.print(Text(t("search.none", args.lang, query=query)))
        return
    out.print(Text(t("search.results", args.lang, query=query, count=len(results)), style="bold"))
    # each policy's status once, above the clauses quoted from it
    for policy_id in dict.fromkeys(result.clause.policy_id for result in results):
        policy = library.policies[policy_id]
        badges = " ".join(f"[{label}]" for label in status_labels(policy_status(policy, as_of(args)), args.lang))
        out.print(Text(f"{policy.city} {policy.display_title} ", style="dim") + Text(badges, style="bold red"))
    for number, result in enumerate(results, 1):
        city = library.policies[result.clause.policy_id].city
        out.print(Text.assemble((f"{number:>2}. ", "dim"), (result.clause.id, "cyan"), "  ", (city, "dim"), "  ",
                                (result.clause.heading, "bold"), "  ",
                                (f"{t('search.score', args.lang)} {result.score}", "dim")))
        out.print(Text("    ") + _marked(result.snippet, result.spans))


def _marked(snippet: str, spans):
    """The snippet as plain text (never markup), the hits styled."""
    from rich.text import Text

    text = Text(snippet)
    for start, end in spans:
        text.stylize(HIT_STYLE, start, end)
    return text
