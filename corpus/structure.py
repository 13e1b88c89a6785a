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
from corpus.tables import Table, TableRow, find_tsv_tables, find_wrapped_tables
from corpus.vocabulary import COLUMN_TITLES

TITLE_MAX = 120
_BLOCK = re.compile(r"^(?:Phân công (?:thực hiện|nhiệm vụ|trách nhiệm)|Tổ chức thực hiện)\s*:?\s*$", re.I)
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)\b")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.I)
_AUTHORITY = re.compile(r"^(?:TM\.|T/M|T\.M\.|KT\.|TL\.|TUQ\.|Q\.)\s*\S")
_SIGN_TITLE = re.compile(r"^(?:PHÓ )?(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG BAN|TRƯỞNG PHÒNG|CHÁNH VĂN PHÒNG)\b")
_PERSON = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}$")
_DOC_START_TYPES = {"roman", "upper_letter", "arabic", "decimal"}


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


def build_skeleton(src: SourceText, doc_id: str) -> Skeleton:
    lines = src.lines
    tables = find_tsv_tables(lines)
    owned = set().union(*(t.lines for t in tables)) if tables else set()
    wrapped_tables = find_wrapped_tables(lines, owned)
    tables += wrapped_tables
    for t in wrapped_tables:
        owned |= t.lines
    noise: set[int] = set()
    for t in tables:
        noise |= t.noise
    events: list[LogicalLine | Table] = list(logical_lines(src, owned, noise))
    for t in tables:
        events.append(t)
    events.sort(key=lambda e: e.start)

    clauses: list[Clause] = []
    nodes: list[Node] = []
    stack: list[_Open] = []
    signature: list[str] = []
    started = False
    in_signature = False

    def path_to(parent: int | None) -> list[str]:
        if parent is None:
            return []
        last = max((k for k, o in enumerate(stack) if o.pos == parent), default=None)
        if last is None:
            return stack_path_of(parent)
        return [o.title for o in stack[: last + 1]]

    def stack_path_of(pos: int) -> list[str]:
        return clauses[pos].section_path + [_title(nodes[pos].body or clauses[pos].text)]

    def add(kind: str, label: str | None, text: str, start: int, end: int, parent: int | None,
            node: Node, path: list[str] | None = None) -> int:
        pos = len(clauses)
        clauses.append(Clause(
            id=f"{doc_id}:{pos + 1:04d}", doc_id=doc_id, kind=kind, label=label,
            section_path=path if path is not None else path_to(parent), text=text, source=src.source, lines=(start, end),
            page=src.page_of(start), locator=src.locator_of(start),
        ))
        node.parent = parent
        nodes.append(node)
        if parent is not None:
            nodes[parent].children.append(pos)
        return pos

    def top(skip_bullets: bool = True) -> int | None:
        for o in reversed(stack):
            if skip_bullets and o.ltype in BULLET_TYPES:
                continue
            return o.pos
        return None

    def open_level(ltype: str, label: str | None) -> int | None:
        """Close levels as the label demands; return the parent position."""
        if ltype in ("appendix", "recipients") or (ltype == "roman" and not any(
                o.ltype in ("upper_letter", "roman") for o in stack)):
            stack.clear()
            return None
        if ltype == "decimal":
            parts = label.split(".")
            for k in range(len(stack) - 1, -1, -1):
                o = stack[k]
                if (o.ltype == "arabic" and len(parts) == 2 and o.label == parts[0]) or (
                    o.ltype == "decimal" and o.label.split(".") == parts[:-1]
                ):
                    del stack[k + 1:]
                    return o.pos
                if o.ltype == "decimal" and len(o.label.split(".")) == len(parts):
                    del stack[k:]
                    return stack[-1].pos if stack else None
        if ltype == "block":
            while stack and (stack[-1].ltype in BULLET_TYPES or stack[-1].ltype in ("paren", "block")
                             or not nodes[stack[-1].pos].children):
                stack.pop()
            return stack[-1].pos if stack else None
        for k in range(len(stack) - 1, -1, -1):
            if stack[k].ltype == ltype:
                del stack[k:]
                return stack[-1].pos if stack else None
        # a label type this level already used returns to that level ("c." after a "3.3." footer)
        for k in range(len(stack) - 1, -1, -1):
            if ltype not in BULLET_TYPES and ltype in stack[k].child_types:
                del stack[k + 1:]
                break
        return stack[-1].pos if stack else None

    for ev in events:
        if isinstance(ev, Table):
            parent = top()
            group: int | None = None
            group_path: list[str] = path_to(parent)
            numbered: dict[int, int] = {}
            for idx, row in enumerate(ev.rows):
                if row.kind == "table_header":
                    add("table_header", None, " | ".join(v for v in row.titles.values() if v) or row.cells.get("noi_dung", ""),
                        row.start, row.end, parent, Node("table_header", None, row=row))
                elif row.kind == "group":
                    group = add("heading", None, row.cells["noi_dung"], row.start, row.end, parent,
                                Node("table_group", None, body=row.cells["noi_dung"], row=row))
                    group_path = path_to(parent) + [_title(row.cells["noi_dung"])]
                else:
                    owner = numbered.get(row.parent_row) if row.parent_row is not None else None
                    p = owner if owner is not None else (group if group is not None else parent)
                    rpath = group_path + ([_title(clauses[owner].text)] if owner is not None else [])
                    pos = add("table_row", row.stt, row_text(row), row.start, row.end, p,
                              Node("table_row", None, body=row.cells.get("noi_dung", ""), row=row), rpath)
                    clauses[pos].columns = dict(row.cells)
                    if row.stt and not row.cells.get("noi_dung", "").lstrip().startswith(("-", "–", "+")):
                        numbered[idx] = pos
            continue

        line: LogicalLine = ev
        text, ltype, label, body = line.text, line.ltype, line.label, line.body
        # signature block at the end of the plan: metadata, not clause text
        if _AUTHORITY.match(text) and len(text) < 80:
            in_signature = True
        if in_signature:
            if _AUTHORITY.match(text) or _SIGN_TITLE.match(text) or (_PERSON.match(text) and len(text) < 40):
                signature.append(text)
                noise.update(range(line.start, line.end + 1))
                continue
            in_signature = False
        if not started and ltype in _DOC_START_TYPES:
            started = True
        if not started:
            kind = "header" if (len(text) < 160 or is_heading_like(line)) else "paragraph"
            add(kind, None, text, line.start, line.end, None, Node(None, None, body=text))
            continue
        if _APPENDIX.match(text):
            add("heading", None, text, line.start, line.end, open_level("appendix", None), Node("appendix", None, body=text))
            stack.append(_Open("appendix", None, len(clauses) - 1, _title(text)))
            continue
        if _RECIPIENTS.match(text):
            pos = add("footer", None, text, line.start, line.end, open_level("recipients", None), Node("recipients", None, body=text))
            stack.append(_Open("recipients", None, pos, _title(text)))
            continue
        if ltype is None and _BLOCK.match(text):
            pos = add("heading", None, text, line.start, line.end, open_level("block", None), Node("block", None, body=text, block=True))
            stack.append(_Open("block", None, pos, _title(text)))
            continue
        if ltype is None and (line.emphasis or line.md_level) and len(text) < 160:
            htype = f"md{line.md_level}" if line.md_level else "bold"
            pos = add("heading", None, text, line.start, line.end, open_level(htype, None), Node(htype, None, body=text))
            stack.append(_Open(htype, None, pos, _title(text)))
            continue
        if ltype is None:
            in_footer = any(o.ltype == "recipients" for o in stack)
            add("footer" if in_footer else "paragraph", None, text, line.start, line.end, top(), Node(None, None, body=text))
            continue
        # "**I. MỤC ĐÍCH****1. Mục đích**": one clause for the line, one level per labelled part
        opened = []
        for part in line.parts[:-1] or []:
            ptype, plabel, _ = read_label(part)
            if ptype:
                open_level(ptype, plabel)
                opened.append(_Open(ptype, plabel, -1, _title(part)))
                stack.append(opened[-1])
        if opened:
            for o in opened:
                stack.remove(o)
            parent = open_level(opened[0].ltype, opened[0].label)
        else:
            parent = open_level(ltype, label)
        in_footer = any(o.ltype == "recipients" for o in stack)
        kind = "footer" if in_footer else ("bullet" if ltype in BULLET_TYPES else "item")
        pos = add(kind, label, text, line.start, line.end, parent, Node(ltype, None, body=body))
        if stack:
            stack[-1].child_types.add(opened[0].ltype if opened else ltype)
        for o in opened:
            o.pos = pos
            stack.append(o)
        last_title = _title(line.parts[-1]) if opened else _title(text)
        stack.append(_Open(ltype, label, pos, last_title))

    for pos, node in enumerate(nodes):
        c = clauses[pos]
        if c.kind in ("item", "bullet") and node.children:
            c.kind = "heading"
    return Skeleton(clauses, nodes, sorted(noise), signature)
