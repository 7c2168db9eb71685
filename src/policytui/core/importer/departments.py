"""The responsible departments printed at the end of an item.

（市工业和信息化局负责）, 〔市科技局，各市（县）、区人民政府按职责分工负责。…〕,
[责任单位：市财政局], 【牵头单位：市工信局；配合单位：市财政局】. The names are
stored as printed; a note inside the bracket (以下均需…落实，不再列出) is returned too.
"""

from __future__ import annotations

import re

_PAIRS = {"）": "（", ")": "(", "〕": "〔", "]": "[", "】": "【"}
_OPENINGS = set(_PAIRS.values())
_ROLE_PREFIX = re.compile(r"(责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门)\s*[:：]\s*")
_DUTY_SUFFIX = re.compile(r"(按职责分工|按照职责分工|分别|共同|牵头)?负责.*$")
_ORGANISATION_END = re.compile(
    r"(局|委|办|府|厅|部|院|会|行|所|中心|处|室|队|团|馆|社|署|公司|集团|银行|园区|管委会|法院|检察院|区)$"
)
_NOTE = re.compile(r"以下[^。，,]*?(落实|负责)")


def department_bracket(text: str) -> str | None:
    """What the department bracket that ends `text` holds, or None when it ends with none."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] not in _PAIRS:
        return None
    depth = 0
    for i in range(len(stripped) - 1, -1, -1):  # back to the bracket that opens the last one
        if stripped[i] in _PAIRS:
            depth += 1
        elif stripped[i] in _OPENINGS:
            depth -= 1
            if depth == 0:
                inner = stripped[i + 1 : -1]
                return inner if "负责" in inner or _ROLE_PREFIX.search(inner) else None
    return None


def ends_with_departments(text: str) -> bool:
    return department_bracket(text) is not None


def read_departments(text: str) -> tuple[list[str], str]:
    """(department names as printed, a note that applies to later items or "")."""
    inner = department_bracket(text)
    if inner is None:
        return [], ""
    note_match = _NOTE.search(inner)
    note = ""
    if note_match:
        sentence_start = max(
            inner.rfind("。", 0, note_match.start()), inner.rfind("；", 0, note_match.start())
        )
        note = inner[sentence_start + 1 :].strip("。；")
        inner = inner[: sentence_start + 1]  # the names come before the note, if at all
    names: list[str] = []
    for part in re.split(r"[；;。]", inner):
        part = _DUTY_SUFFIX.sub("", _ROLE_PREFIX.sub("", part)).strip()
        names += _split_names(part)
    return [n for n in names if n], note


def _split_names(part: str) -> list[str]:
    """Split at 、，, outside brackets; 各市（县）、区人民政府 stays one name."""
    pieces, depth, current = [], 0, ""
    for ch in part:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
        if ch in "、，," and depth == 0:
            pieces.append((current, ch))
            current = ""
        else:
            current += ch
    pieces.append((current, ""))
    names: list[str] = []
    carry = ""
    for piece, separator in pieces:
        name = carry + piece.strip()
        if name and not _ORGANISATION_END.search(name) and separator:
            carry = name + separator  # not a name yet: 各市（县） goes on with 、区人民政府
            continue
        carry = ""
        if name:
            names.append(name)
    if carry:
        names.append(carry.rstrip("、，,"))
    return names
