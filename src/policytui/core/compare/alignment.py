"""Line the columns up: each row holds at most one clause per policy, similar clauses side by side.

Every column keeps its reading order (an order-preserving alignment, as in a
diff), so each policy still reads top to bottom; a gap is an empty cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from policytui.core.compare.similarity import similarity
from policytui.core.model import Clause

Row = tuple[Clause | None, ...]
# Below this, two clauses on the same topic are not put on one row as counterparts.
MIN_PAIR_SCORE = 20.0


def _pair_order_preserving(
    rows: Sequence[Row], column: Sequence[Clause], score: Callable[[Row, Clause], float]
) -> list[tuple[int | None, int | None]]:
    """Pairs (row index, clause index) maximising the total score; None marks a gap."""
    n, m = len(rows), len(column)
    scores = [[score(row, clause) for clause in column] for row in rows]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best[i][j] = max(best[i - 1][j], best[i][j - 1])
            if scores[i - 1][j - 1] >= MIN_PAIR_SCORE:
                best[i][j] = max(best[i][j], best[i - 1][j - 1] + scores[i - 1][j - 1])
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        if (
            i
            and j
            and scores[i - 1][j - 1] >= MIN_PAIR_SCORE
            and best[i][j] == best[i - 1][j - 1] + scores[i - 1][j - 1]
        ):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif j and (not i or best[i][j] == best[i][j - 1]):
            pairs.append((None, j - 1))
            j -= 1
        else:
            pairs.append((i - 1, None))
            i -= 1
    return pairs[::-1]


def _row_score(row: Row, clause: Clause) -> float:
    return max((similarity(c, clause) for c in row if c is not None), default=0.0)


def align(columns: Sequence[Sequence[Clause]]) -> list[Row]:
    """Rows across the columns, each column in its own order, best counterparts on one row."""
    rows: list[Row] = []
    for width, column in enumerate(columns):
        new_rows: list[Row] = []
        for row_index, clause_index in _pair_order_preserving(rows, column, _row_score):
            row = rows[row_index] if row_index is not None else (None,) * width
            new_rows.append((*row, column[clause_index] if clause_index is not None else None))
        rows = new_rows
    return rows
