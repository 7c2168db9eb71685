"""Property tests of the loader: byte and structure mutations of the bundled and fixture files.

Whatever a file holds, loading never raises, every problem is one clean line, and a
policy that loads never breaks search, the comparison matrix, status or JSON output.
"""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policytui.core.calc.engine import calculate
from policytui.core.compare import build_matrix
from policytui.core.loader import ParsedFile, load_files, parse_file
from policytui.core.search.index import SearchIndex
from policytui.core.search.rank import search
from policytui.core.serialize import clause_json, policy_json
from policytui.core.status import policy_status
from policytui.render.problems import problem_line, worded
from tests.conftest import AS_OF, FIXTURES
from tests.fuzz.strategies import HOSTILE_CHARS, assert_safe_message, text

DATA = Path(__file__).parents[2] / "data"
TOPICS = DATA / "topics.toml"
POLICIES = [
    DATA / "policies" / "wuxi-draft.toml",
    FIXTURES / "good" / "example-city.toml",
    FIXTURES / "hostile" / "hostile.toml",
    *sorted((FIXTURES / "hostile" / "cases").glob("*.toml")),
]
RULES = DATA / "rules" / "wuxi-draft.toml"

# Values a hostile file can hold in place of any other
hostile_value = st.one_of(
    text,
    st.integers(),
    st.integers(min_value=10**30, max_value=10**300),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.just("1E999999"),
    st.just("nanjing-2021\n"),
    st.just("2021-12-23T10:00:00"),
    st.lists(st.one_of(text, st.integers()), max_size=3),
    st.dictionaries(text, text, max_size=2),
    st.just("9" * 400),
    st.just("长" * 30_000),
)


def parsed(path: Path) -> ParsedFile:
    result = parse_file(path, "option")
    assert isinstance(result, ParsedFile)
    return result


@pytest.fixture(scope="module")
def base():
    docs = {p: parse_file(p, "option") for p in POLICIES}
    return {
        "topics": parsed(TOPICS),
        "wuxi": parsed(DATA / "policies" / "wuxi-draft.toml"),
        "policies": {p: d for p, d in docs.items() if isinstance(d, ParsedFile)},
        "rules": parsed(RULES),
    }


def check_library(library) -> None:
    """Every problem is one clean line, and whatever loaded works in every command."""
    for problem in library.problems:
        for lang in ("zh", "en"):
            assert_safe_message(problem_line(problem, lang), limit=2_000)
        json.dumps(
            [problem.code, problem.params, worded(problem, "zh").message, worded(problem, "en").expected]
        )
    if not library.policies:
        return
    index = SearchIndex(library)
    search(index, "人才 奖励", limit=5)
    search(index, "amount>=100万", limit=5)
    build_matrix(library, AS_OF)
    for policy in library.policies.values():
        policy_status(policy, AS_OF)
        json.dumps(policy_json(policy, policy_status(policy, AS_OF)), default=str)
        for clause in policy.clauses[:5]:
            json.dumps(clause_json(clause, library), default=str)


def paths_of(node, prefix=()):
    """Every key path in a parsed document, tables and arrays included."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths_of(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths_of(value, prefix + (i,))


def mutate(doc: dict, path: tuple, action: str, value, key: str) -> dict:
    doc = copy.deepcopy(doc)
    if not path:
        doc[key] = value
        return doc
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "replace":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent[last], dict):
        parent[last][key] = value
    elif action == "add" and isinstance(parent[last], list):
        parent[last].append(value)
    return doc


structure = st.tuples(
    st.sampled_from(["replace", "delete", "add"]),
    hostile_value,
    st.one_of(text, st.sampled_from(["id", "valid_until", "issued", "value", "clauses", "text"])),
)


@given(st.data())
def test_a_structure_mutation_of_a_policy_is_reported_never_raised(base, data):
    source = data.draw(st.sampled_from(sorted(base["policies"])))
    original = base["policies"][source]
    paths = list(paths_of(original.doc))
    path = data.draw(st.sampled_from(paths))
    action, value, key = data.draw(structure)
    doc = mutate(original.doc, path, action, value, key)
    library = load_files([base["topics"], ParsedFile(original.path, original.raw, doc, "option")])
    check_library(library)


@given(st.data())
def test_a_structure_mutation_of_the_rules_is_reported_never_raised(base, data):
    original = base["rules"]
    path = data.draw(st.sampled_from(list(paths_of(original.doc))))
    action, value, key = data.draw(structure)
    doc = mutate(original.doc, path, action, value, key)
    library = load_files(
        [base["topics"], base["wuxi"], ParsedFile(original.path, original.raw, doc, "option")]
    )
    check_library(library)
    for rule in list(library.rules.values())[:3]:
        raw = {
            spec.name: "1亿" if spec.type == "money" else "3" if spec.type == "years" else spec.choices[0]
            for spec in rule.inputs
            if spec.type != "choice" or spec.choices
        }
        try:
            calculate(library, rule, raw, AS_OF)
        except ValueError as error:
            assert_safe_message(str(error), limit=2_000)


byte_edit = st.tuples(
    st.floats(min_value=0, max_value=1),
    st.sampled_from(["flip", "insert", "delete", "cut"]),
    st.one_of(
        st.binary(min_size=1, max_size=4),
        st.sampled_from(HOSTILE_CHARS).map(lambda c: c.encode("utf-8")),
        st.sampled_from([b"[[clauses]]\n", b'"""', b"{a = " * 50, b"\xff\xfe", b"\x00"]),
    ),
)


def edit_bytes(raw: bytes, edits) -> bytes:
    for where, action, chunk in edits:
        at = int(where * len(raw))
        if action == "flip" and raw:
            at = min(at, len(raw) - 1)
            raw = raw[:at] + bytes([raw[at] ^ chunk[0]]) + raw[at + 1 :]
        elif action == "insert":
            raw = raw[:at] + chunk + raw[at:]
        elif action == "delete":
            raw = raw[:at] + raw[at + len(chunk) * 8 :]
        elif action == "cut":
            raw = raw[:at]
    return raw


@given(st.sampled_from(POLICIES + [RULES, TOPICS]), st.lists(byte_edit, min_size=1, max_size=4))
def test_a_byte_mutation_of_any_file_is_reported_never_raised(base, source, edits):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / source.name
        path.write_bytes(edit_bytes(source.read_bytes(), edits))
        others = (
            [base["topics"], base["wuxi"]]
            if source not in (TOPICS, DATA / "policies" / "wuxi-draft.toml")
            else [base["topics"]]
            if source != TOPICS
            else []
        )
        library = load_files([*others, parse_file(path, "option")])
    check_library(library)
