"""Side-by-side comparison of policies by topic (pure: no Textual).

topics       resolve what a person types to a topic
selection    which clauses of a policy speak to a topic
similarity   how alike two clauses are; best counterparts
alignment    rows across the columns, counterparts side by side
awards       the offers in a set of clauses, from the structured amounts
phrases      wording shared between columns, with spans to highlight
comparison   one topic across policies
matrix       every topic across policies
files        writing an export safely

Their wording and exports live in policytui.render.compare.
"""

from policytui.core.compare.comparison import Column, Comparison, UnknownPolicy, compare
from policytui.core.compare.matrix import Matrix, build_matrix
from policytui.core.compare.similarity import Counterpart, best_counterparts
from policytui.core.compare.topics import UnknownTopic, resolve_topic

__all__ = [
    "Column",
    "Comparison",
    "Counterpart",
    "Matrix",
    "UnknownPolicy",
    "UnknownTopic",
    "best_counterparts",
    "build_matrix",
    "compare",
    "resolve_topic",
]
