"""How closely `policytui import` agrees with the curated data, and how fast it is.

Run: python benchmarks/import_agreement.py [--runs 9] [--json]
For each bundled source, and the made-up third city of the tests (tests/fixtures/city3,
curated by hand with a rule of every kind), it imports the text and compares with the
curated files: clauses whose text and label match a curated clause, figures matching in
value, unit and qualifiers (in the matching clause), how many of those the importer gives
the curated role (award, threshold, rate…), department lists, the curated [policy] fields,
and the curated calculator rules whose clause gets a draft rule of the same kind.
Then it times the import of a 40 KB document against reading and validating the curated
file of the same policy (tomllib + the schema checks) in the same run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import tomllib
from pathlib import Path

from policytui.core.fidelity import normalize
from policytui.core.importer import import_policy
from policytui.core.loader import load_files, load_library, parse_file
from policytui.core.locations import bundled_data_dir, data_dirs
from policytui.render.importer import mark_words

DATA = bundled_data_dir()
CITY3 = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "city3"
TARGET_SHARE = 0.95


def curated_pairs() -> list[tuple[Path, Path]]:
    """(source, curated policy file) for every bundled policy that names its source, and the
    third city's."""
    pairs = []
    for path in [*sorted((DATA / "policies").glob("*.toml")), *sorted(CITY3.glob("hewan-*.toml"))]:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))["policy"]
        if meta.get("source"):
            pairs.append(((path.parent / meta["source"]).resolve(), path))
    return pairs


def curated_rules(policy_id: str) -> list[dict]:
    """The curated calculator rules of `policy_id`, from the bundled rules or the third city's."""
    for path in [*(DATA / "rules").glob("*.toml"), *CITY3.glob("rules-*.toml")]:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        if document.get("policy_id") == policy_id:
            return list(document.get("rules", []))
    return []


def agreement(source: Path, curated_file: Path) -> dict:
    """The agreement figures of one import against its curated file."""
    library = load_library(dirs=data_dirs(user=False, env={}))
    curated = tomllib.loads(curated_file.read_text(encoding="utf-8"))
    imported = import_policy(
        source.read_bytes(),
        library.topics.values(),
        policy_id=curated["policy"]["id"],
        city=curated["policy"]["city"],
    )
    files = imported.files(source.name, mark_words("zh"))
    mine = tomllib.loads(files.policy_toml)
    drafted = {
        (rule["clause"], rule["kind"]) for rule in tomllib.loads(files.rules_toml or "").get("rules", [])
    }
    by_text = {(normalize(c["text"]), c.get("label", "")): c for c in mine["clauses"]}
    clauses = figures = roles = figures_total = departments = departments_total = 0
    imported_id: dict[str, str] = {}  # a curated clause's id -> the id of its imported match
    for clause in curated["clauses"]:
        match = by_text.get((normalize(clause["text"]), clause.get("label", "")))
        clauses += match is not None
        if match is not None:
            imported_id[clause["id"]] = match["id"]
        if clause.get("departments"):
            departments_total += 1
            departments += match is not None and match.get("departments") == clause["departments"]
        free = list(match.get("amounts", [])) if match else []
        for amount in clause.get("amounts", []):
            if "value" not in amount:
                continue  # a promise with no figure: nothing to read off the text
            figures_total += 1
            found = next((a for a in free if _same_figure(a, amount)), None)
            if found is not None:
                free.remove(found)
                figures += 1
                roles += found["role"] == amount["role"]
    fields = [key for key in curated["policy"] if key not in ("id", "source")]
    fields_agree = [key for key in fields if _same_field(curated["policy"][key], mine["policy"].get(key))]
    rules = curated_rules(curated["policy"]["id"])
    rules_drafted = sum((imported_id.get(rule["clause"]), rule["kind"]) in drafted for rule in rules)
    return {
        "policy": curated["policy"]["id"],
        "clauses": [clauses, len(curated["clauses"]), len(mine["clauses"])],
        "figures": [figures, figures_total],
        "roles": [roles, figures],
        "rules": [rules_drafted, len(rules)],
        "departments": [departments, departments_total],
        "metadata": [len(fields_agree), len(fields)],
        "metadata_missed": [key for key in fields if key not in fields_agree],
    }


def _same_figure(mine: dict, curated: dict) -> bool:
    return (
        mine.get("value") == curated["value"]
        and mine.get("unit") == curated.get("unit")
        and mine.get("qualifiers", []) == curated.get("qualifiers", [])
    )


def _same_field(curated: object, mine: object) -> bool:
    if isinstance(curated, dict):
        return isinstance(mine, dict) and normalize(curated.get("text", "")) == normalize(
            mine.get("text", "")
        )
    return str(curated) == str(mine)


def forty_kb_document(source: Path) -> bytes:
    """The source's text, its body repeated as a further attachment until it is 40 KB."""
    text = source.read_text(encoding="utf-8")
    body = text[text.index("一、") :]
    while len(text.encode("utf-8")) < 40_000:
        text += "\n附件\n\n补充政策措施\n\n" + body
    return text.encode("utf-8")[:40_000].decode("utf-8", "ignore").encode("utf-8")


def timings(source: Path, curated_file: Path, runs: int) -> dict:
    library = load_library(dirs=data_dirs(user=False, env={}))
    document = forty_kb_document(source)
    bundled = [parse_file(DATA / "topics.toml", "bundled")]
    samples: dict[str, list[float]] = {"import 40 KB": [], "validate curated (baseline)": []}
    for _ in range(runs):  # interleaved, so machine noise hits both alike
        start = time.perf_counter()
        imported = import_policy(document, library.topics.values(), policy_id="bench", city="南京")
        imported.files("bench.source.txt", mark_words("zh"))
        samples["import 40 KB"].append(time.perf_counter() - start)
        start = time.perf_counter()
        load_files(bundled + [parse_file(curated_file)])
        samples["validate curated (baseline)"].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()} | {"bytes": len(document)}


def _share(pair: list[int]) -> str:
    return f"{pair[0]}/{pair[1]} ({pair[0] / pair[1]:.1%})" if pair[1] else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = [agreement(source, curated) for source, curated in curated_pairs()]
    largest = max(curated_pairs(), key=lambda pair: pair[0].stat().st_size)
    speed = timings(*largest, runs=args.runs)
    if args.json:
        print(json.dumps({"agreement": results, "speed": speed}, ensure_ascii=False, indent=2))
        return
    print(
        f"{'policy':12} {'clauses (of curated; imported)':32} {'figures':16} {'roles':16} "
        f"{'rules drafted':16} {'departments':15} metadata"
    )
    for r in results:
        clauses = f"{_share(r['clauses'][:2])}; {r['clauses'][2]}"
        missed = f"  missed: {', '.join(r['metadata_missed'])}" if r["metadata_missed"] else ""
        print(
            f"{r['policy']:12} {clauses:32} {_share(r['figures']):16} {_share(r['roles']):16} "
            f"{_share(r['rules']):16} {_share(r['departments']):15} {_share(r['metadata'])}{missed}"
        )
    print(f"targets: >= {TARGET_SHARE:.0%} clauses and figures, every department list and metadata field")
    print("roles: of the figures found, how many have the curated role; rules drafted: of the curated")
    print("rules, how many have a draft of the same kind on the same clause (a draft is then reviewed)")
    baseline = speed["validate curated (baseline)"]
    print(
        f"import of {speed['bytes']} bytes: {speed['import 40 KB'] * 1000:.1f} ms "
        f"(validating the curated {largest[1].name}: {baseline * 1000:.1f} ms, "
        f"x{speed['import 40 KB'] / baseline:.2f})"
    )


if __name__ == "__main__":
    main()
