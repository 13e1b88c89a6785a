"""Logical lines and table rows → a section tree of citable clauses.

Levels come from the numbering the plan itself uses (I., 1., 1.1., a., (1), -, +),
in whatever nesting order it chooses: a label type already open on the stack closes
back to that level; a new type opens a deeper one. Decimal labels ("2.3.") attach
to their numeric parent ("2.") even when letters or bullets came in between.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.lines import (
    BULLET_TYPES,
    LogicalLine,
    is_heading_like,
    logical_lines,
    read_label,
)
from corpus.model import Clause, SourceText
from corpus.text import PERSON_NAME, fold, nfc, normalize, strip_marks
from corpus.tables import Table, TableRow, find_tsv_tables, find_wrapped_tables
from corpus.vocabulary import COLUMN_MEANINGS, COLUMN_TITLES

TITLE_MAX = 120
_BLOCK = re.compile(r"^(?:Phân công (?:thực hiện|nhiệm vụ|trách nhiệm)|Tổ chức thực hiện)\s*:?\s*$", re.I)
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)\b")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.I)
_AUTHORITY = re.compile(r"^(?:TM\.|T/M|T\.M\.|KT\.|TL\.|TUQ\.|Q\.)\s*\S")
_SIGN_TITLE = re.compile(r"^(?:PHÓ )?(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG BAN|TRƯỞNG PHÒNG|CHÁNH VĂN PHÒNG)\b")
_DOC_START_TYPES = {"roman", "upper_letter", "arabic", "decimal", "chapter", "article"}
# Levels a legal text's article (Điều) sits under: its chapter, a part or section, an appendix, a title in bold;
# numbered clauses, points, bullets and the previous article close.
_ABOVE_ARTICLE = {"chapter", "roman", "upper_letter", "appendix"}


@dataclass
class Node:
    """Tree facts about one clause that the later passes need."""

    ltype: str | None
    parent: int | None
    children: list[int] = field(default_factory=list)
    body: str = ""
    block: bool = False  # a "Phân công thực hiện" block heading
    row: TableRow | None = None


@dataclass
class Skeleton:
    clauses: list[Clause]
    nodes: list[Node]
    noise: list[int]
    signature: list[str]  # signing authority, title, name lines as written


@dataclass
class _Open:
    ltype: str
    label: str | None
    pos: int  # clause position
    title: str = ""
    child_types: set[str] = field(default_factory=set)


def _title(text: str) -> str:
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1].rstrip() + "…"


def row_text(row: TableRow) -> str:
    """A table row as a readable clause: the content cell, then the other cells by title."""
    content = row.cells.get("noi_dung", "")
    head = f"{row.stt}. {content}" if row.stt else content
    extras = []
    for meaning, value in row.cells.items():
        if meaning == "noi_dung" or not value or meaning in row.carried:
            continue
        title = row.titles.get(meaning) or COLUMN_TITLES.get(meaning, meaning)
        extras.append(f"{title}: {value}")
    return head + (" — " + "; ".join(extras) if extras else "")


def _read_tables(lines: list[str]) -> tuple[list[Table], set[int], set[int]]:
    """Tables first, so the line reader skips their lines: (tables, lines they own, their noise lines).

    Pipe and tab-separated tables are found before PDF-wrapped ones, which may not reuse their lines.
    """
    tables = find_tsv_tables(lines)
    owned: set[int] = set().union(*(t.lines for t in tables)) if tables else set()
    wrapped_tables = find_wrapped_tables(lines, owned)
    tables += wrapped_tables
    for t in wrapped_tables:
        owned |= t.lines
    noise: set[int] = set()
    for t in tables:
        noise |= t.noise
    return tables, owned, noise


def _events(src: SourceText) -> tuple[list[LogicalLine | Table], set[int]]:
    """The plan as one stream in source order: logical lines and whole tables; plus the noise lines."""
    tables, owned, noise = _read_tables(src.lines)
    events: list[LogicalLine | Table] = list(logical_lines(src, owned, noise))
    events.extend(tables)
    events.sort(key=lambda e: e.start)
    return events, noise


class _SkeletonBuilder:
    """Turns the event stream into clauses, one method per kind of line.

    The stack of open levels (``_Open``) is the only state that spans lines: a label closes back
    to the level that used its type, or opens a deeper one (see the module docstring).
    """

    def __init__(self, src: SourceText, doc_id: str, noise: set[int]) -> None:
        self.src = src
        self.doc_id = doc_id
        self.noise = noise
        self.clauses: list[Clause] = []
        self.nodes: list[Node] = []
        self.stack: list[_Open] = []
        self.signature: list[str] = []
        self.started = False  # the letterhead ends at the first numbered part
        self.in_signature = False
        self.signature_pos: int | None = None  # the clause the signature block being read is written to

    # --- the tree -------------------------------------------------------------------------------

    def path_to(self, parent: int | None) -> list[str]:
        """Section path of a child of ``parent``: the open levels down to it, or its own path."""
        if parent is None:
            return []
        last = max((k for k, o in enumerate(self.stack) if o.pos == parent), default=None)
        if last is None:
            return self.clauses[parent].section_path + [_title(self.nodes[parent].body or self.clauses[parent].text)]
        return [o.title for o in self.stack[: last + 1]]

    def add(self, kind: str, label: str | None, text: str, start: int, end: int, parent: int | None,
            node: Node, path: list[str] | None = None) -> int:
        """Append one clause under ``parent``; returns its position."""
        pos = len(self.clauses)
        src = self.src
        self.clauses.append(Clause(
            id=f"{self.doc_id}:{pos + 1:04d}", doc_id=self.doc_id, kind=kind, label=label,
            section_path=path if path is not None else self.path_to(parent), text=text, source=src.source,
            lines=(start, end), page=src.page_of(start), locator=src.locator_of(start),
        ))
        node.parent = parent
        self.nodes.append(node)
        if parent is not None:
            self.nodes[parent].children.append(pos)
        return pos

    def open_heading(self, kind: str, ltype: str, line: LogicalLine, node: Node) -> int:
        """A clause that titles what follows: added, then pushed as the innermost open level."""
        pos = self.add(kind, None, line.text, line.start, line.end, self.open_level(ltype, None), node)
        self.stack.append(_Open(ltype, None, pos, _title(line.text)))
        return pos

    def top(self) -> int | None:
        """The innermost open level that is not a bullet: where a plain paragraph or a table belongs."""
        for o in reversed(self.stack):
            if o.ltype not in BULLET_TYPES:
                return o.pos
        return None

    def in_footer(self) -> bool:
        return any(o.ltype == "recipients" for o in self.stack)

    # --- closing levels -------------------------------------------------------------------------

    def open_level(self, ltype: str, label: str | None) -> int | None:
        """Close levels as the label demands; return the parent position."""
        if ltype in ("appendix", "recipients") or (ltype == "roman" and not any(
                o.ltype in ("upper_letter", "roman") for o in self.stack)):
            self.stack.clear()
            return None
        if ltype == "decimal":
            found, parent = self._close_decimal(label or "")
            if found:
                return parent
        if ltype == "block":
            return self._close_for_block()
        if ltype.startswith(("md", "bold")) and self.in_footer():
            # an addressee list holds no titles: a bold title after it opens the text the document issues
            # ("PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC", "QUY CHẾ …", "Mẫu biểu số 01")
            self.stack.clear()
            return None
        if ltype == "article":
            return self._close_for_article()
        if ltype == "chapter":
            return self._close_for_chapter()
        return self._close_same_type(ltype)

    def _close_for_chapter(self) -> int | None:
        """A chapter ("Chương II") closes everything back to the appendix or part it is in."""
        stack = self.stack
        while stack and stack[-1].ltype not in ("appendix", "part"):
            stack.pop()
        return self._innermost()

    def _close_for_article(self) -> int | None:
        """An article ("Điều 8.") of a legal text is never inside another article, a clause, point or bullet:
        it closes them (and an addressee list the text follows) back to its chapter, part or title."""
        stack = self.stack
        while stack and stack[-1].ltype not in _ABOVE_ARTICLE and not stack[-1].ltype.startswith(("md", "bold")):
            stack.pop()
        return self._innermost()

    def _close_decimal(self, label: str) -> tuple[bool, int | None]:
        """"2.3." belongs under "2." or "2.3" even past letters and bullets; a sibling "2.2." closes."""
        stack = self.stack
        parts = label.split(".")
        for k in range(len(stack) - 1, -1, -1):
            o = stack[k]
            if (o.ltype == "arabic" and len(parts) == 2 and o.label == parts[0]) or (
                o.ltype == "decimal" and o.label.split(".") == parts[:-1]
            ):
                del stack[k + 1:]
                return True, o.pos
            if o.ltype == "decimal" and len(o.label.split(".")) == len(parts):
                del stack[k:]
                return True, self._innermost()
        return False, None

    def _close_for_block(self) -> int | None:
        """A "Phân công thực hiện" block sits beside the items it follows, under their heading."""
        stack = self.stack
        while stack and (stack[-1].ltype in BULLET_TYPES or stack[-1].ltype in ("paren", "block")
                         or not self.nodes[stack[-1].pos].children):
            stack.pop()
        return self._innermost()

    def _close_same_type(self, ltype: str) -> int | None:
        """A label type already open closes back to it; one a level already used returns to that level."""
        stack = self.stack
        for k in range(len(stack) - 1, -1, -1):
            if stack[k].ltype == ltype:
                del stack[k:]
                return self._innermost()
        # a label type this level already used returns to that level ("c." after a "3.3." footer)
        if ltype not in BULLET_TYPES:
            for k in range(len(stack) - 1, -1, -1):
                if ltype in stack[k].child_types:
                    del stack[k + 1:]
                    break
        return self._innermost()

    def _innermost(self) -> int | None:
        return self.stack[-1].pos if self.stack else None

    # --- tables ---------------------------------------------------------------------------------

    def add_table(self, table: Table) -> None:
        """Header, group and body rows; a sub-row hangs under the numbered row above it."""
        parent = self.top()
        group: int | None = None
        group_path = self.path_to(parent)
        numbered: dict[int, int] = {}  # row index in the table → clause position
        for idx, row in enumerate(table.rows):
            if row.kind == "table_header":
                text = " | ".join(v for v in row.titles.values() if v) or row.cells.get("noi_dung", "")
                self.add("table_header", None, text, row.start, row.end, parent, Node("table_header", None, row=row))
            elif row.kind == "group":
                title = row.cells["noi_dung"]
                group = self.add("heading", None, title, row.start, row.end, parent,
                                 Node("table_group", None, body=title, row=row))
                group_path = self.path_to(parent) + [_title(title)]
            else:
                pos = self._add_table_row(row, numbered, group if group is not None else parent, group_path)
                if row.stt and not row.cells.get("noi_dung", "").lstrip().startswith(("-", "–", "+")):
                    numbered[idx] = pos

    def _add_table_row(self, row: TableRow, numbered: dict[int, int], parent: int | None,
                       group_path: list[str]) -> int:
        """One body row; its columns stay as data on the clause."""
        owner = numbered.get(row.parent_row) if row.parent_row is not None else None
        path = group_path + ([_title(self.clauses[owner].text)] if owner is not None else [])
        pos = self.add("table_row", row.stt, row_text(row), row.start, row.end,
                       owner if owner is not None else parent,
                       Node("table_row", None, body=row.cells.get("noi_dung", ""), row=row), path)
        self.clauses[pos].columns = dict(row.cells)
        self.clauses[pos].year_values = dict(row.years) or None
        return pos

    # --- lines ----------------------------------------------------------------------------------

    def add_line(self, line: LogicalLine) -> None:
        """One logical line: signature, letterhead, or a clause of the body by the kind of line it is."""
        if self._signature_line(line):
            return
        if not self.started and line.ltype in _DOC_START_TYPES:
            self.started = True
        if not self.started:
            self._letterhead_line(line)
        elif _APPENDIX.match(line.text):
            self.open_heading("heading", "appendix", line, Node("appendix", None, body=line.text))
        elif _RECIPIENTS.match(line.text):
            self.open_heading("footer", "recipients", line, Node("recipients", None, body=line.text))
        elif line.ltype is None:
            self._unlabelled_line(line)
        else:
            self._labelled_line(line)

    def _signature_line(self, line: LogicalLine) -> bool:
        """The signature block (authority, title, name) is read as the document's signer and kept as one
        footer clause of its own, outside every section: "who signed the plan" cites these lines."""
        text = line.text
        if _AUTHORITY.match(text) and len(text) < 80:
            self.in_signature = True
        if not self.in_signature:
            return False
        if _AUTHORITY.match(text) or _SIGN_TITLE.match(text) or (PERSON_NAME.match(text) and len(text) < 40):
            self.signature.append(text)
            pos = self.signature_pos
            if pos is not None and pos == len(self.clauses) - 1 and self.nodes[pos].ltype == "signature":
                c = self.clauses[pos]
                c.text = f"{c.text} {text}"
                c.lines = (c.lines[0], line.end)
            else:
                self.signature_pos = self.add("footer", None, text, line.start, line.end, None,
                                              Node("signature", None, body=text), path=[])
            return True
        self.in_signature = False
        return False

    def _letterhead_line(self, line: LogicalLine) -> None:
        """Before the first numbered part: letterhead lines (short) and the preamble."""
        text = line.text
        kind = "header" if (len(text) < 160 or is_heading_like(line)) else "paragraph"
        self.add(kind, None, text, line.start, line.end, None, Node(None, None, body=text))

    def _unlabelled_line(self, line: LogicalLine) -> None:
        """A line with no numbering: a block heading, a bold/Markdown heading, or a paragraph."""
        text = line.text
        if _BLOCK.match(text):
            self.open_heading("heading", "block", line, Node("block", None, body=text, block=True))
        elif (line.emphasis or line.md_level) and len(text) < 160:
            htype = f"md{line.md_level}" if line.md_level else "bold"
            self.open_heading("heading", htype, line, Node(htype, None, body=text))
        else:
            kind = "footer" if self.in_footer() else "paragraph"
            self.add(kind, None, text, line.start, line.end, self.top(), Node(None, None, body=text))

    def _labelled_line(self, line: LogicalLine) -> None:
        """A numbered or bulleted line; "**I. MỤC ĐÍCH****1. Mục đích**" opens one level per labelled part."""
        ltype, label = line.ltype, line.label
        opened = self._open_parts(line.parts[:-1])
        parent = self.open_level(opened[0].ltype, opened[0].label) if opened else self.open_level(ltype, label)
        kind = "footer" if self.in_footer() else ("bullet" if ltype in BULLET_TYPES else "item")
        pos = self.add(kind, label, line.text, line.start, line.end, parent, Node(ltype, None, body=line.body))
        if self.stack:
            self.stack[-1].child_types.add(opened[0].ltype if opened else ltype)
        for o in opened:
            o.pos = pos
            self.stack.append(o)
        self.stack.append(_Open(ltype, label, pos, _title(line.parts[-1]) if opened else _title(line.text)))

    def _open_parts(self, parts: list[str]) -> list[_Open]:
        """Levels for the labelled parts before a line's last one; each closes what its label closes."""
        opened: list[_Open] = []
        for part in parts:
            ptype, plabel, _ = read_label(part)
            if ptype:
                self.open_level(ptype, plabel)
                opened.append(_Open(ptype, plabel, -1, _title(part)))
                self.stack.append(opened[-1])
        for o in opened:
            self.stack.remove(o)
        return opened

    def finish(self) -> Skeleton:
        """An item with items under it titles them: it becomes a heading."""
        for pos, node in enumerate(self.nodes):
            c = self.clauses[pos]
            if c.kind in ("item", "bullet") and node.children:
                c.kind = "heading"
        return Skeleton(self.clauses, self.nodes, sorted(self.noise), self.signature)


def build_skeleton(src: SourceText, doc_id: str) -> Skeleton:
    """A plan's lines → its clauses in a section tree, with the noise lines and the signature."""
    events, noise = _events(src)
    builder = _SkeletonBuilder(src, doc_id, noise)
    for ev in events:
        if isinstance(ev, Table):
            builder.add_table(ev)
        else:
            builder.add_line(ev)
    return builder.finish()


# ------------------------------------------------------------------ appendices

# an appendix or form named by its number: "PHỤ LỤC 02", "Mẫu biểu số 01", "Biểu mẫu số 3", "Phụ lục I" (folded)
APPENDIX_NAME = re.compile(r"\b(phu luc|mau bieu|bieu mau|bieu)(?: so)? (\d{1,3}|[ivx]+)\b")
APPENDIX_TITLE_CHARS = 60  # a clause longer than this mentions an appendix ("như Mẫu biểu số 02 đính kèm"), not opens one


def appendix_key(m: re.Match[str]) -> str:
    """One spelling per appendix or form (`APPENDIX_NAME` match): "mau bieu 1", "phu luc 2", "phu luc ii"."""
    kind = "mau bieu" if m.group(1) in ("mau bieu", "bieu mau", "bieu") else m.group(1)
    num = m.group(2)
    return f"{kind} {int(num) if num.isdigit() else num}"


def appendix_label(text: str) -> str | None:
    """The appendix a short clause opens ("PHỤ LỤC 02" → "phu luc 2"), as `appendix_key`, or None."""
    if len(nfc(" ".join(text.split()))) > APPENDIX_TITLE_CHARS:
        return None  # folding never shortens a composed text: too long to open an appendix, read no further
    f = " ".join(fold(normalize(text)).split())
    m = APPENDIX_NAME.match(f.strip("*_#:. "))
    if not m or len(f) > APPENDIX_TITLE_CHARS:
        return None
    return appendix_key(m)


# An appendix's or form's title, numbered or not ("PHỤ LỤC", "Phụ lục 02", "MẪU BIỂU"), over its folded text
APPENDIX_TITLE = re.compile(r"^(?:phu luc|mau bieu|bieu mau)\b")


def opens_appendix(text: str) -> bool:
    """A short clause titling an appendix or a form, numbered or not: what follows it restates the body (its
    task tables); a longer clause only mentions one ("… theo Phụ lục đính kèm")."""
    if len(text) > 2 * APPENDIX_TITLE_CHARS:
        return False  # too long to title anything, whatever folding takes off: read no further
    t = " ".join(strip_marks(text).lower().strip("*_#:. ").split())
    return len(t) <= APPENDIX_TITLE_CHARS and bool(APPENDIX_TITLE.match(t))


def mark_appendices(clauses: list[Clause]) -> None:
    """Set each clause's `Clause.appendix`: the appendix or form its plan opened last, at or before it.
    Appendices and forms follow the body and each runs to the next one's title or the plan's end, whatever
    headings they hold ("I. TÌNH HÌNH …" inside "PHỤ LỤC 10"), so the division is read in document order,
    not from the section path, whose headings an appendix's own Roman parts close."""
    cur: str | None = None
    for c in clauses:
        cur = appendix_label(c.text) or cur
        c.appendix = cur


# ------------------------------------------------------------------ a task's own attribute lines

# the line stating what the task is, among its attribute lines ("- Nội dung thực hiện: …", "+ Nội dung: …", "a) Nhiệm
# vụ: …"): a content column's title (`COLUMN_MEANINGS`) then a colon, a short label
_CONTENT_LABEL = re.compile(r"^(?:[a-z]\)\s*)?(?:%s)\b[^:]{0,20}:" % "|".join(dict(COLUMN_MEANINGS)["noi_dung"]))


def states_content(body: str) -> bool:
    """A task's labelled content line ("+ Nội dung: …", "- Nhiệm vụ: …"): it says what its task is."""
    return _CONTENT_LABEL.match(fold(body).lstrip("-+•* ")) is not None


def attribute_lines(nodes: list[Node], clauses: list[Clause], pos: int) -> list[int]:
    """The labelled attribute lines a task is written with ("a) Nghị định …" then "- Cơ quan chủ trì: X",
    "- Cơ quan phối hợp: Y", "- Thời gian thực hiện: Z"): its children when every one of them is such a line
    (`Clause.labelled_fields`, read by the fact linkers), holds nothing under it and follows the task in order;
    [] for a task with sub-tasks of its own, a table row, a letterhead or footer line, or a labelled line."""
    c, kids = clauses[pos], nodes[pos].children
    if not kids or c.labelled_fields or c.kind not in ("heading", "item", "bullet") or nodes[pos].row is not None:
        return []
    if kids != list(range(pos + 1, pos + 1 + len(kids))):
        return []
    if any(nodes[k].children or clauses[k].kind not in ("item", "bullet", "paragraph") for k in kids):
        return []
    if any(not clauses[k].labelled_fields and not states_content(nodes[k].body)
           for k in kids) or not any(clauses[k].labelled_fields for k in kids):
        return []
    return kids


def take_in_attribute_lines(sk: Skeleton) -> None:
    """A task and its own attribute lines are one clause to cite: the task's line range and text run through
    its labelled lines (its fields were read from them already), and it is an item again, not a heading
    over them. The labelled lines stay clauses of their own (fact sources point at them), each knowing its task
    (`Clause.owning_task`): a line found is answered by its task's clause."""
    clauses, nodes = sk.clauses, sk.nodes
    for pos in range(len(clauses)):
        kids = attribute_lines(nodes, clauses, pos)
        if not kids:
            continue
        c = clauses[pos]
        c.text = " ".join([c.text, *(clauses[k].text for k in kids)])
        c.lines = (c.lines[0], max(c.lines[1], clauses[kids[-1]].lines[1]))
        for k in kids:
            clauses[k].owning_task = c.id
        if c.kind == "heading":
            c.kind = "bullet" if nodes[pos].ltype in BULLET_TYPES else "item"
