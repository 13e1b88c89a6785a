"""Tables → rows with columns by meaning, merged cells carried down.

Two layouts reach us: tab-separated lines (markdown/DOCX/HTML exports, a
responsible unit written once for a group of rows), and text pulled from a PDF
where every cell wraps over several lines and cells end with runs of spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.lines import ROMAN, clean_markup, is_noise
from corpus.vocabulary import COLUMN_MEANINGS, LEAD_COLUMNS, UNIT_HEAD_RE, fold

CARRIED_COLUMNS = LEAD_COLUMNS + ("phoi_hop", "thoi_han")


@dataclass
class TableRow:
    start: int
    end: int
    kind: str  # "table_header", "group", "row"
    cells: dict[str, str] = field(default_factory=dict)  # meaning → text as written
    titles: dict[str, str] = field(default_factory=dict)  # meaning → header title
    carried: dict[str, int] = field(default_factory=dict)  # meaning → line the value was written on
    stt: str | None = None
    parent_row: int | None = None  # index (in the table) of the numbered row a sub-row belongs to


@dataclass
class Table:
    start: int
    end: int
    rows: list[TableRow]
    lines: set[int]  # physical lines the table owns
    noise: set[int]  # repeated headers after a page break


def column_meaning(title: str) -> str | None:
    t = fold(title).lower().strip()
    t = re.sub(r"[^a-z0-9 ]", " ", t)
    t = re.sub(r"\s+", " ", t).strip()
    if not t:
        return None
    for meaning, keys in COLUMN_MEANINGS:
        if any(t == k or t.startswith(k + " ") for k in keys):
            return meaning
    for meaning, keys in COLUMN_MEANINGS:
        if any(len(k) > 3 and re.search(rf"\b{k}\b", t) for k in keys):
            return meaning
    return None


def carry_down(row: TableRow, carry: dict[str, tuple[str, int]], columns) -> None:
    """Merged cells: an empty responsible-unit cell repeats the one above; a group row starts afresh."""
    if row.kind == "group":
        carry.clear()
        return
    for m in CARRIED_COLUMNS:
        if m not in columns:
            continue
        if row.cells.get(m):
            carry[m] = (row.cells[m], row.start)
        elif m in carry:
            row.cells[m] = carry[m][0]
            row.carried[m] = carry[m][1]


def _cells(line: str) -> list[str]:
    out = []
    for cell in line.split("\t"):
        segs, _, _ = clean_markup(cell)
        out.append(" ".join(segs))
    return out


def _is_tsv(line: str) -> bool:
    return "\t" in line and sum(1 for c in line.split("\t") if c.strip()) >= 2


def _header_meanings(cells: list[str]) -> list[str | None] | None:
    meanings = [column_meaning(c) for c in cells]
    known = [m for m in meanings if m]
    if "noi_dung" in known and len(set(known)) >= 2:
        return meanings
    return None


def find_tsv_tables(lines: list[str]) -> list[Table]:
    tables: list[Table] = []
    i, n = 0, len(lines)
    while i < n:
        if not _is_tsv(lines[i]):
            i += 1
            continue
        header = _header_meanings(_cells(lines[i]))
        if header is None:
            i += 1
            continue
        titles = _cells(lines[i])
        table = Table(start=i + 1, end=i + 1, rows=[], lines={i + 1}, noise=set())
        table.rows.append(TableRow(i + 1, i + 1, "table_header",
                                   cells={m: t for m, t in zip(header, titles) if m and t},
                                   titles={m: t for m, t in zip(header, titles) if m}))
        j = i + 1
        carry: dict[str, tuple[str, int]] = {}
        last_numbered: int | None = None
        while j < n:
            raw = lines[j]
            if not raw.strip():
                # a blank line inside a table: keep going if the table resumes
                k = j
                while k < n and not lines[k].strip():
                    k += 1
                if k < n and "\t" in lines[k]:
                    j = k
                    continue
                break
            if "\t" not in raw:
                # a page number between two pages of one table: noise, the table goes on
                k = j + 1
                while k < n and (not lines[k].strip() or is_noise(lines[k])):
                    k += 1
                if is_noise(raw) and k < n and "\t" in lines[k]:
                    for x in range(j, k):
                        if lines[x].strip():
                            table.noise.add(x + 1)
                        table.lines.add(x + 1)
                    j = k
                    continue
                break
            cells = _cells(raw)
            if not any(c for c in cells):
                table.lines.add(j + 1)
                j += 1
                continue
            row = _tsv_row(j + 1, cells, header, titles)
            carry_down(row, carry, header)
            if row.kind == "group":
                last_numbered = None
            else:
                if row.stt:
                    last_numbered = len(table.rows)
                else:
                    row.parent_row = last_numbered
            table.rows.append(row)
            table.lines.add(j + 1)
            table.end = j + 1
            j += 1
        tables.append(table)
        i = j
    return tables


def _tsv_row(line_no: int, cells: list[str], header: list[str | None], titles: list[str]) -> TableRow:
    values: dict[str, str] = {}
    names: dict[str, str] = {}
    for idx, cell in enumerate(cells):
        m = header[idx] if idx < len(header) else None
        key = m or f"col{idx + 1}"
        if cell:
            values[key] = (values[key] + " " + cell) if key in values else cell
        names[key] = titles[idx] if idx < len(titles) and titles[idx] else key
    filled = [k for k, v in values.items() if v]
    first = values.get("stt") or values.get("noi_dung") or ""
    group = len(filled) == 1 and bool(re.match(rf"^(?:{ROMAN})[.)]?\s+\S", first)) and bool(re.match(rf"^{ROMAN}", first))
    if group:
        return TableRow(line_no, line_no, "group", cells={"noi_dung": first}, titles=names)
    stt = values.pop("stt", None)
    return TableRow(line_no, line_no, "row", cells=values, titles=names, stt=stt)


# --- tables whose cells wrap over several lines (text extracted from a PDF) ---

_WRAPPED_HEADER = re.compile(r"^(?:S[ốo]\s*TT|STT|TT)\s+N[ộo]i dung", re.I)
_ROW_START = re.compile(r"^(?P<stt>\d{1,3}\.)\s+(?P<rest>\S.*)$")
_GROUP_START_RX = re.compile(rf"^(?P<stt>{ROMAN})\.?\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$")


class _GroupStart:
    """A group row: Roman number and an upper-case title ("I  CẢI CÁCH THỂ CHẾ")."""

    @staticmethod
    def match(s: str):
        m = _GROUP_START_RX.match(s)
        return m if m and m["stt"] and m["rest"].strip() == m["rest"].strip().upper() else None


_GROUP_START = _GroupStart()
_TIME_START = re.compile(r"^(?:\d{4}|Hàng năm|Hằng năm|Năm \d{4}|Quý|Tháng|Trước|Thường xuyên|Định kỳ)", re.I)
_TABLE_END = re.compile(r"^(?:Nơi nhận|TM\.|T/M|KT\.|Phụ lục|PHỤ LỤC)", re.I)


def find_wrapped_tables(lines: list[str], taken: set[int]) -> list[Table]:
    tables = []
    i, n = 0, len(lines)
    while i < n:
        if (i + 1) in taken or "\t" in lines[i] or not _WRAPPED_HEADER.match(lines[i].strip()):
            i += 1
            continue
        # header: this line and the following ones until the first row starts
        j = i + 1
        header_lines = [lines[i].strip()]
        while j < n and not (_ROW_START.match(lines[j].strip()) or _GROUP_START.match(lines[j].strip())):
            if lines[j].strip():
                header_lines.append(lines[j].strip())
            j += 1
            if j - i > 12:
                break
        columns = _wrapped_columns(" ".join(header_lines))
        if not columns or "noi_dung" not in columns or j >= n:
            i += 1
            continue
        table = Table(start=i + 1, end=j, rows=[], lines=set(range(i + 1, j + 1)), noise=set())
        table.rows.append(TableRow(i + 1, j, "table_header", cells={"noi_dung": " ".join(header_lines)},
                                   titles={m: t for m, t in columns.items()}))
        header_fold = fold(" ".join(header_lines)).lower()
        table.end = j
        table.lines = set(range(i + 1, j + 1))
        i = _read_wrapped_rows(lines, j, table, list(columns), header_fold)
        tables.append(table)
    return tables


def _wrapped_columns(header_text: str) -> dict[str, str]:
    """Column order from a header whose titles wrapped: find each known title's position."""
    folded = fold(header_text).lower()
    found: list[tuple[int, str, str]] = []
    for meaning, keys in COLUMN_MEANINGS:
        for k in keys:
            m = re.search(rf"(?<![a-z]){re.escape(k)}(?![a-z])", folded)
            if m and not any(s <= m.start() < e for s, e, _ in [(p, p + len(kk), mm) for p, mm, kk in found]):
                found.append((m.start(), meaning, k))
                break
    found.sort()
    titles: dict[str, str] = {}
    for idx, (pos, meaning, k) in enumerate(found):
        end = found[idx + 1][0] if idx + 1 < len(found) else len(header_text)
        titles[meaning] = header_text[pos:end].strip()
    return titles


def _read_wrapped_rows(lines: list[str], j: int, table: Table, columns: list[str], header_fold: str) -> int:
    n = len(lines)
    row_lines: list[tuple[int, str]] = []
    carry: dict[str, tuple[str, int]] = {}

    def flush() -> None:
        if not row_lines:
            return
        row = _assemble_wrapped(row_lines, columns)
        carry_down(row, carry, columns)
        row.titles = dict(table.rows[0].titles)
        table.rows.append(row)
        row_lines.clear()

    in_repeat_header = False
    while j < n:
        raw = lines[j].rstrip("\n")
        s = raw.strip()
        if not s:
            j += 1
            continue
        if is_noise(s) or _TABLE_END.match(s) or "\t" in raw:
            break
        if _WRAPPED_HEADER.match(s):
            in_repeat_header = True
            table.noise.add(j + 1)
            table.lines.add(j + 1)
            j += 1
            continue
        if in_repeat_header and fold(s).lower() in header_fold:
            table.noise.add(j + 1)
            table.lines.add(j + 1)
            j += 1
            continue
        in_repeat_header = False
        if _ROW_START.match(s) or _GROUP_START.match(s):
            flush()
        row_lines.append((j + 1, raw))
        table.lines.add(j + 1)
        table.end = j + 1
        j += 1
    flush()
    return j


def _assemble_wrapped(row_lines: list[tuple[int, str]], columns: list[str]) -> TableRow:
    start, end = row_lines[0][0], row_lines[-1][0]
    first = row_lines[0][1].strip()
    g = _GROUP_START.match(first)
    if g and len(row_lines) == 1:
        return TableRow(start, end, "group", cells={"noi_dung": f"{g['stt']} {g['rest'].strip()}"})
    # fragments: text pieces, and whether each closes its cell (2+ spaces after it)
    frags: list[tuple[str, bool]] = []
    for idx, (_, raw) in enumerate(row_lines):
        line = raw.rstrip("\r\n")
        if idx == 0:
            m = _ROW_START.match(line.strip())
            if m:
                frags.append((m["stt"], True))
                line = line.strip()[len(m["stt"]):].lstrip()
        parts = re.split(r"\s{2,}", line.strip())
        closes_last = bool(re.search(r"\S\s{2,}$", line))
        for k, p in enumerate(parts):
            if p:
                frags.append((p, k < len(parts) - 1 or closes_last))
    cells: dict[str, list[str]] = {c: [] for c in columns}
    col = 0
    advance = False
    for text, closes in frags:
        # a cell never starts lower-case: "trung tâm,  đơn vị" is one cell despite the gap
        if advance and not (text[:1].islower()) and col < len(columns) - 1:
            col += 1
        advance = False
        name = columns[col]
        buf = cells[name]
        if buf:
            if name in LEAD_COLUMNS and text.startswith(("Các ", "các ")) and "phoi_hop" in columns[col + 1:]:
                col = columns.index("phoi_hop")
            elif "thoi_han" in columns[col + 1:] and _TIME_START.match(text) and name != "noi_dung":
                col = columns.index("thoi_han")
            elif name == "noi_dung" and buf[-1].rstrip().endswith(".") and re.match(UNIT_HEAD_RE + r"\b", text):
                col += 1
        name = columns[col]
        cells[name].append(text)
        advance = closes
    joined = {k: _join_wrapped(v) for k, v in cells.items() if v}
    stt = joined.pop("stt", None)
    return TableRow(start, end, "row", cells=joined, stt=stt.rstrip(".") if stt else None)


def _join_wrapped(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(p.strip() for p in parts)).strip()
