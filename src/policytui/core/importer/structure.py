"""Paragraphs into the clause tree: titles, notice, preamble, labelled parts, tables, closing.

Labels nest in the order the document first uses their styles (一、 then （一） then
1．…): a style already open closes the deeper ones, a new style opens a level below.
An attachment (附件) starts a new tree; 附则 is a part of its own.
"""

from __future__ import annotations

import re

from policytui.core.importer.labels import Label, read_label
from policytui.core.importer.paragraphs import Paragraph
from policytui.core.importer.records import DraftClause

DRAFT_MARK = re.compile(r"[（(]\s*(征求意见稿|送审稿|讨论稿|草案)\s*[）)]")
DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
IMPRINT = re.compile(r"^\S.*?\s*\d{4}年\d{1,2}月\d{1,2}日\s*印发$")
CLOSING_WORDS = re.compile(r"^本(政策|办法|措施|细则|规定|通知|方案|意见|计划)")
_FULL_STOP = re.compile(r"。|\.(?!\d)")  # 。 or an ASCII full stop (not the point of 1.5)
TITLE_MAX = 30
# A document's own title line, as copied from a web page: 关于印发…的通知 runs to 60 characters.
DOCUMENT_TITLE_MAX = 80
# The issuing number printed under a notice's title (合政办〔2024〕12号): not part of the title.
DOCUMENT_NUMBER = re.compile(r"^\S{1,12}[〔［\[（(]\d{4}[〕］\]）)]\s*\d+\s*号$")
HEADING_MAX = 40
LEAD_TITLE_MAX = 30
# The kind of a labelled clause by its depth below the document: 0 is a part when it is a
# heading line (一、总则), a section when it is an item with its own sentences.
KIND_BY_DEPTH = {1: "section", 2: "subsection"}  # deeper: item


def is_title_like(paragraph: Paragraph, longest: int = TITLE_MAX) -> bool:
    """A line of a document's title: short, no sentence punctuation, no label."""
    text = paragraph.text
    return (
        not paragraph.table
        and len(text) <= longest
        and not re.search(r"[。，；：:,;]", text)
        and read_label(text) is None
        and not DATE_LINE.match(text)
        and not DOCUMENT_NUMBER.match(text)
        and text not in ("附件", "附则")
    )


def lead_title(body: str) -> str:
    """The lead sentence of an item as its title, when it reads as one (short, no commas)."""
    parts = _FULL_STOP.split(body, maxsplit=1)
    head = parts[0]
    if len(parts) == 2 and parts[1] and len(head) <= LEAD_TITLE_MAX and not re.search(r"[，；：,;:]", head):
        return head
    return ""


class TreeBuilder:
    """One pass over the paragraphs; the open labels are a stack, outermost first."""

    def __init__(self) -> None:
        self.clauses: list[DraftClause] = []
        self.ids: set[str] = set()
        self.root: DraftClause | None = None  # the title of the document being read
        self.stack: list[tuple[str, DraftClause]] = []  # (label style, clause)
        self.prefix = ""  # of ids in an attachment: "att."
        self.intro_taken: set[str] = set()  # headings whose introductory paragraph is in
        self.paragraph_counts: dict[str, int] = {}  # unlabelled child paragraphs per clause
        self.labelled_seen = False
        self.attachments = 0

    # -- the pass ---------------------------------------------------------------

    def build(self, paragraphs: list[Paragraph]) -> list[DraftClause]:
        i = self._front_matter(paragraphs, 0)
        while i < len(paragraphs):
            i = self._one(paragraphs, i)
        return self.clauses

    def _front_matter(self, paragraphs: list[Paragraph], i: int) -> int:
        """The title block, and a notice that issues the document (关于印发…的通知) before it."""
        start = i
        while i < len(paragraphs) and is_title_like(paragraphs[i], DOCUMENT_TITLE_MAX):
            i += 1
        if i == start:
            return i
        title_text = "".join(p.text for p in paragraphs[start:i])
        if title_text.endswith("通知") and i < len(paragraphs):
            end = i
            while end < len(paragraphs) and not DATE_LINE.match(paragraphs[end].text):
                end += 1
            if end < len(paragraphs):
                end += 1
                if end < len(paragraphs) and re.match(r"^[（(]此件.*[）)]$", paragraphs[end].text):
                    end += 1
                lines = [title_text] + [p.text for p in paragraphs[i:end]]
                notice = self._add("notice", "notice", "\n".join(lines), paragraphs[start].line, None)
                notice.title = title_text
                return self._front_matter(paragraphs, end)
        title = self._add("title", "title", title_text, paragraphs[start].line, None)
        title.title = DRAFT_MARK.sub("", title_text).strip()
        self.root = title
        return i

    def _one(self, paragraphs: list[Paragraph], i: int) -> int:
        paragraph = paragraphs[i]
        text = paragraph.text
        if paragraph.table:
            self._table(paragraph, None)
            return i + 1
        if re.match(r"^附\s*件\s*\d*$", text):
            return self._attachment(paragraphs, i)
        if re.match(r"^附\s*件\s*\d*\s*[:：]", text):
            self._add("annex-line", "paragraph", text, paragraph.line, None)
            return i + 1
        if re.match(r"^附\s*则$", text):
            rules = self._add(self.prefix + "rules", "part", text, paragraph.line, self._root_id())
            rules.title = text
            rules.heading = True
            self.stack = [("rules", rules)]
            return i + 1
        if text.startswith(("抄送：", "抄送:")):
            self._add("cc", "cc", text, paragraph.line, None)
            return i + 1
        if IMPRINT.match(text):
            self._add("imprint", "closing", text, paragraph.line, None)
            return i + 1
        label = read_label(text)
        if label is not None:
            self._labelled(label, paragraph)
            return i + 1
        if i + 1 < len(paragraphs) and paragraphs[i + 1].table and is_title_like(paragraph):
            self._table(paragraphs[i + 1], paragraph)
            return i + 2
        self._unlabelled(paragraph)
        return i + 1

    # -- kinds of paragraph -----------------------------------------------------

    def _attachment(self, paragraphs: list[Paragraph], i: int) -> int:
        end = i + 1
        while end < len(paragraphs) and is_title_like(paragraphs[end]):
            end += 1
        self.attachments += 1
        att_id = "att" if self.attachments == 1 else f"att{self.attachments}"
        title_text = "".join(p.text for p in paragraphs[i + 1 : end])
        att = self._add(
            att_id,
            "title",
            "\n".join(filter(None, [paragraphs[i].text, title_text])),
            paragraphs[i].line,
            None,
        )
        att.title = DRAFT_MARK.sub("", title_text).strip()
        self.root, self.stack, self.prefix = att, [], att_id + "."
        return end

    def _labelled(self, label: Label, paragraph: Paragraph) -> None:
        while self.stack and self.stack[-1][0] != label.style and label.style in [s for s, _ in self.stack]:
            self.stack.pop()
        if self.stack and self.stack[-1][0] == label.style:
            self.stack.pop()
        parent_id = self.stack[-1][1].id if self.stack else self._root_id()
        depth = sum(1 for style, _ in self.stack if style != "rules")
        rest = label.rest.strip()
        heading = len(paragraph.lines) == 1 and not _FULL_STOP.search(rest) and len(rest) <= HEADING_MAX
        clause_id = (
            f"{self.stack[-1][1].id}.{label.number}" if self.stack else f"{self.prefix or 'p'}{label.number}"
        )
        if self.stack and self.stack[0][0] == "rules":
            kind = "item"  # the provisions of 附则
        elif depth == 0 or label.style == "chapter":
            kind = "part" if heading or label.style == "chapter" else "section"
        else:
            kind = KIND_BY_DEPTH.get(depth, "item")
        clause = self._add(clause_id, kind, paragraph.text, paragraph.line, parent_id)
        clause.label = label.printed
        clause.heading = heading
        clause.title = rest.rstrip("：:") if heading else lead_title(rest)
        self.stack.append((label.style, clause))
        self.labelled_seen = True

    def _unlabelled(self, paragraph: Paragraph) -> None:
        text = paragraph.text
        if CLOSING_WORDS.match(text) and self.labelled_seen:
            previous = self.clauses[-1]
            if previous.id.startswith("closing"):
                previous.text += "\n" + text
            else:
                self._add("closing", "closing", text, paragraph.line, None)
            return
        if not self.stack:
            preamble_id = self.prefix + "preamble"
            last = self.clauses[-1] if self.clauses else None
            if last is not None and last.id == preamble_id:
                last.text += "\n" + text
            else:
                self._add(preamble_id, "preamble", text, paragraph.line, self._root_id())
            return
        owner = self.stack[-1][1]
        adjacent = self.clauses[-1] is owner  # a text must stay one stretch of the source
        if owner.heading and owner.id not in self.intro_taken and adjacent:
            owner.text += "\n" + text
            self.intro_taken.add(owner.id)
        elif owner.heading or self.paragraph_counts.get(owner.id) or not adjacent:
            count = self.paragraph_counts.get(owner.id, 0) + 1
            self.paragraph_counts[owner.id] = count
            child = self._add(f"{owner.id}.g{count}", "paragraph", text, paragraph.line, owner.id)
            child.title = lead_title(text)
        else:
            owner.text += "\n" + text

    def _table(self, table: Paragraph, caption: Paragraph | None) -> None:
        owner = self.stack[-1][1] if self.stack else self.root
        lines = ([caption.text] if caption else []) + table.lines
        clause = self._add(
            f"{owner.id}.table" if owner else "table",
            "table",
            "\n".join(lines),
            (caption or table).line,
            owner.id if owner else None,
        )
        clause.title = caption.text if caption else ""

    # -- ids --------------------------------------------------------------------

    def _root_id(self) -> str | None:
        """The parent of a document's top-level clauses: its title when the text holds more
        than one document (a notice, attachments), else none."""
        if self.root is None:
            return None
        several = self.root.id.startswith("att") or any(c.kind == "notice" for c in self.clauses)
        return self.root.id if several else None

    def _add(self, base: str, kind: str, text: str, line: int, parent: str | None) -> DraftClause:
        clause_id, n = base, 2
        while clause_id in self.ids:
            clause_id, n = f"{base}-{n}", n + 1
        self.ids.add(clause_id)
        clause = DraftClause(id=clause_id, kind=kind, text=text, line=line, parent=parent)
        self.clauses.append(clause)
        return clause


def build_clauses(paragraphs: list[Paragraph]) -> list[DraftClause]:
    return TreeBuilder().build(paragraphs)


def has_structure(clauses: list[DraftClause]) -> bool:
    """Whether the text had any recognisable structure: at least one labelled clause."""
    return any(c.label for c in clauses)
