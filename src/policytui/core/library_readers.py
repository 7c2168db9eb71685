"""The readers of the core's own kinds of file: topics and policies, added to a Library.

Registered in core/file_kinds.py; the feature packages keep theirs (calc.reader.add_rules,
search.synonyms.add_synonyms).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policytui.core.model import Library, Problem
from policytui.core.schema import DocumentReader, read_policy, read_topics

if TYPE_CHECKING:
    from policytui.core.loader import ParsedFile


def add_topics(library: Library, parsed_file: ParsedFile) -> None:
    reader = DocumentReader(parsed_file.path, parsed_file.raw)
    for topic in read_topics(parsed_file.doc, reader):
        if topic.id in library.topics:
            reader.problem(("topics",), "topic.again", severity="warning", topic=topic.id)
        else:
            library.topics[topic.id] = topic
    library.problems += reader.problems


def add_policy(library: Library, parsed_file: ParsedFile) -> None:
    reader = DocumentReader(parsed_file.path, parsed_file.raw)
    policy = read_policy(parsed_file.doc, reader, library.topics)
    if policy is not None and policy.id in library.policies:
        first = library.policies[policy.id].file
        reader.problem(("policy", "id"), "policy.duplicate", policy=policy.id, first=str(first))
        policy = None
    if policy is None:
        reader.problems.append(Problem(str(parsed_file.path), "file.skipped", severity="error"))
        declared = (
            parsed_file.doc["policy"].get("id") if isinstance(parsed_file.doc["policy"], dict) else None
        )
        if isinstance(declared, str):  # to tell a rules file which file it needs
            library.skipped_policies[declared] = parsed_file.path
    else:
        library.policies[policy.id] = policy
    library.problems += reader.problems
