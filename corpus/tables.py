"""Tables → rows with columns by meaning, merged cells carried down.

Two layouts reach us: tab-separated lines (markdown/DOCX/HTML exports, a
responsible unit written once for a group of rows), and text pulled from a PDF
where every cell wraps over several lines and cells end with runs of spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from corpus.targets import unit_in_name
from corpus.text import CAPITALS
from corpus.lines import ROMAN, _starts_lower, clean_markup, is_noise, strip_footnote_refs
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
    years: dict[int, str] = field(default_factory=dict)  # a table with one column per year: year → cell text
    year_units: dict[int, str] = field(default_factory=dict)  # year → the unit its column's title states
    # a year over several measures the row fills ("Kế hoạch 2027" over "Lượng (Tấn)" and "Giá trị … (Nghìn USD)"):
    # year → each measure's cell text with the unit its column's title states, in the header's order
    year_measures: dict[int, list[tuple[str, str | None]]] = field(default_factory=dict)


@dataclass
class Table:
    start: int
    end: int
    rows: list[TableRow]
    lines: set[int]  # physical lines the table owns
    noise: set[int]  # repeated headers after a page break


@lru_cache(maxsize=4096)  # a table's column titles recur on every header row and in every table of a plan
def column_meaning(title: str) -> str | None:
    """What a column holds, from its title; a column of the baseline ("Năm hiện hành 2025 Kế hoạch",
    "ƯTH 2025") is never the target column, whatever word it shares with one."""
    meaning = _title_meaning(title)
    if meaning == "chi_tieu" and _BASELINE_TITLE.search(title):
        return None
    return meaning


def _title_meaning(title: str) -> str | None:
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


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_YEAR_SPAN = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}(?!\d)")
# A column of what was done or is estimated (the baseline a plan starts from), or of a comparison: its
# year is not one the plan sets a value for.
# ("TH 2025", "Kết quả năm 2025", "Thực hiện 2025": what was done, the baseline too)
_BASELINE_TITLE = re.compile(r"ước\s*(?:thực hiện|tính|đạt)|(?<!\w)(?:ƯTH|UTH|ƯTTH|TH)(?!\w)|hiện hành|hiện trạng|"
                             r"kết quả(?:\s+thực hiện)?\s+(?:năm\s+)?(?:19|20)\d{2}|^\s*thực hiện\s+(?:19|20)\d{2}|"
                             r"so sánh|thực hiện năm|tăng,?\s*giảm|(?<!\w)với(?!\w)", re.I)
# One year in a title is a note of the header ("Chỉ tiêu đến năm 2030"); a table of years has several.
MIN_YEAR_COLUMNS = 2


def column_year(title: str) -> int | None:
    """The one year a column's title names: "2027", "Năm 2027", "KH 2027", "GIAI ĐOẠN 2026 - 2030 Năm 2027".

    A span ("2026 - 2030") is the heading over the years, not a year; a title naming no year or two
    ("So sánh năm 2026 với năm 2025"), or a baseline ("ƯTH Năm 2025", "Năm hiện hành 2025"), gives None.
    """
    if not title or _BASELINE_TITLE.search(title):
        return None
    years = _YEAR.findall(_YEAR_SPAN.sub(" ", title))
    return int(years[0]) if len(years) == 1 else None


def year_columns(titles: list[str]) -> dict[int, int]:
    """Column index → year, when the table has one column per year (at least two, each year once). A period
    column beside them ("Năm 2025 | Năm 2026 | Giai đoạn 2026-2030") sets the values for its last year, unless
    a column of that year is there already."""
    found = {k: y for k, t in enumerate(titles) if (y := column_year(t)) is not None}
    years = list(found.values())
    if len(set(years)) < MIN_YEAR_COLUMNS or not all(_measures_of_one_year(titles, found, y) for y in set(years)):
        return {}
    for k, t in enumerate(titles):
        title = _UNIT_NOTE.sub("", re.sub(r"\s+", " ", t.strip(" *:"))).strip()
        span = _YEAR_SPAN.search(title)
        if (k not in found and span and _PERIOD_TITLE.match(title) and not _BASELINE_TITLE.search(title)
                and (end := int(_YEAR.findall(span[0])[-1])) not in found.values()):
            found[k] = end
    return found


def _measures_of_one_year(titles: list[str], found: dict[int, int], year: int) -> bool:
    """A year's columns: one, or one per measure, each stating its own unit ("Kế hoạch 2026" over
    "Lượng (Tấn)" and "Giá trị (Nghìn USD)")."""
    cols = [k for k, y in found.items() if y == year]
    units = [unit_in_name(titles[k]) for k in cols]
    return len(cols) == 1 or (all(units) and len({fold(u).lower() for u in units if u}) == len(units))


# A value column titled by the year or period alone: "Năm 2030", "2030", "Giai đoạn 2026-2030", "Đến năm 2030".
_PERIOD_TITLE = re.compile(r"^(?:(?:đến|tới|hết|mục tiêu|chỉ tiêu|kế hoạch|KH|dự toán|giai đoạn|năm|dự kiến|phấn đấu)\s+)*"
                           r"(?:(?:19|20)\d{2}\s*[-–]\s*)?(?:19|20)\d{2}$", re.I)
_UNIT_NOTE = re.compile(r"\s*\([^()]*\)\s*$")  # "Dự toán năm 2026 (Triệu đồng)": the column's unit, in brackets
# "Đơn vị" alone over an indicator's figures is the unit of measure; over tasks it names the body that acts.
_BARE_UNIT_TITLE = re.compile(r"^đơn vị$", re.I)


def value_column(meanings: list[str | None], titles: list[str], years: dict[int, int]) -> None:
    """An indicator table whose one value column is titled by its year or period ("Chỉ tiêu | ĐVT | Năm 2030",
    "… | Giai đoạn 2026-2030"): that column holds the targets; beside such a column a bare "Đơn vị" is the
    unit of measure. A table with one column per year (``years``) or a value column already has its values, and
    each year's column keeps a key of its own: "Kế hoạch 2026" reads as a plan's value column ("chi_tieu"), but five
    of them under one key would run every year's cells into one ("Xoài — Kế hoạch 2030 …: 13.500 7.000 14.800 …"),
    the row's values then said under the last year's title."""
    for k in years:
        if meanings[k] == "chi_tieu":
            meanings[k] = None
    if not years and "chi_tieu" not in meanings:
        periods = [k for k, (m, t) in enumerate(zip(meanings, titles))
                   if m is None and _PERIOD_TITLE.match(_UNIT_NOTE.sub("", re.sub(r"\s+", " ", t.strip(" *:"))).strip())]
        if len(periods) == 1:
            meanings[periods[0]] = "chi_tieu"
    if ("chi_tieu" in meanings or years) and "don_vi_tinh" not in meanings \
            and not set(LEAD_COLUMNS) & set(meanings):
        for k, (m, t) in enumerate(zip(meanings, titles)):
            if m is None and _BARE_UNIT_TITLE.match(t.strip(" *:")):
                meanings[k] = "don_vi_tinh"
                break


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


def continues_row_above(rows: list[TableRow], row: TableRow) -> bool:
    """Is ``row`` the rest of the row above rather than a row of its own?

    Decided from its own cells: no number, text in the task cell only (every other cell empty, none
    merged down), and that text carries on a sentence (lower-case: "và báo cáo kết quả về UBND tỉnh").
    A sub-row with its own task, lead or deadline cells, or a task of its own ("- Tuyên truyền …",
    "Kiểm tra …"), stays its own row.
    """
    if row.kind != "row" or row.stt or not rows or rows[-1].kind != "row":
        return False
    own = {k for k, v in row.cells.items() if v and k not in row.carried}
    return own == {"noi_dung"} and _starts_lower(row.cells["noi_dung"])


def merge_into_row_above(rows: list[TableRow], row: TableRow) -> None:
    """Append a continuation's task text to the row above, which now ends where it ends."""
    above = rows[-1]
    above.cells["noi_dung"] = f"{above.cells.get('noi_dung', '')} {row.cells['noi_dung']}".strip()
    above.end = row.end


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
    if "noi_dung" not in meanings:
        # "STT | Chỉ tiêu | ĐVT | Năm 2030": the first indicator column with no year names the indicators, as the
        # pipe tables' content column does (_content_column)
        first = next((k for k, m in enumerate(meanings) if m not in (None, "stt")), None)
        if first is not None and meanings[first] == "chi_tieu" and not _YEAR.search(cells[first]):
            meanings[first] = "noi_dung"
    value_column(meanings, cells, year_columns(cells))
    known = [m for m in meanings if m]
    if "noi_dung" in known and len(set(known)) >= 2:
        return meanings
    return None


def find_tsv_tables(lines: list[str]) -> list[Table]:
    """Tables of every text layout but PDF's wrapped cells: pipe tables, then tab-separated rows."""
    tables: list[Table] = find_pipe_tables(lines)
    taken = set().union(*(t.lines for t in tables)) if tables else set()
    i, n = 0, len(lines)
    while i < n:
        header = None if (i + 1) in taken or not _is_tsv(lines[i]) else _header_meanings(_cells(lines[i]))
        if header is None:
            i += 1
            continue
        table, i = _read_tsv_table(lines, i, header)
        tables.append(table)
    tables.sort(key=lambda t: t.start)
    return tables


def _read_tsv_table(lines: list[str], i: int, header: list[str | None]) -> tuple[Table, int]:
    """The header on line ``i`` and the rows under it → the table and the index of the line after it."""
    titles = _cells(lines[i])
    table = Table(start=i + 1, end=i + 1, rows=[], lines={i + 1}, noise=set())
    table.rows.append(TableRow(i + 1, i + 1, "table_header",
                               cells={m: t for m, t in zip(header, titles) if m and t},
                               titles={m: t for m, t in zip(header, titles) if m}))
    rows = _TsvRows(table, header, titles)
    j, n = i + 1, len(lines)
    while j < n:
        raw = lines[j]
        if not raw.strip():
            resume = _next_filled(lines, j)
            if resume < n and "\t" in lines[resume]:
                j = resume  # a blank line inside a table: the table resumes
                continue
            break
        if "\t" not in raw:
            resume = _page_break_end(lines, j)
            if resume is None:
                break
            _own_page_break(lines, j, resume, table)
            j = resume
            continue
        rows.add(j + 1, _cells(raw))
        j += 1
    return table, j


def _next_filled(lines: list[str], j: int) -> int:
    """Index of the first non-blank line from ``j``."""
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j


def _page_break_end(lines: list[str], j: int) -> int | None:
    """A page number between two pages of one table: the index where the table resumes, or None."""
    k = j + 1
    while k < len(lines) and (not lines[k].strip() or is_noise(lines[k])):
        k += 1
    if is_noise(lines[j]) and k < len(lines) and "\t" in lines[k]:
        return k
    return None


def _own_page_break(lines: list[str], j: int, k: int, table: Table) -> None:
    """The table owns the lines of a page break inside it; those with text are noise."""
    for x in range(j, k):
        if lines[x].strip():
            table.noise.add(x + 1)
        table.lines.add(x + 1)


class _TsvRows:
    """Body rows of a tab-separated table: merged cells carried down, sub-rows tied to their numbered row."""

    def __init__(self, table: Table, header: list[str | None], titles: list[str]) -> None:
        self.table = table
        self.header = header
        self.titles = titles
        self.carry: dict[str, tuple[str, int]] = {}
        self.last_numbered: int | None = None
        self.years = year_columns(titles)

    def add(self, line_no: int, cells: list[str]) -> None:
        table = self.table
        table.lines.add(line_no)
        if not any(c for c in cells):
            return
        row = _tsv_row(line_no, cells, self.header, self.titles)
        if continues_row_above(table.rows, row):
            merge_into_row_above(table.rows, row)
            table.end = line_no
            return
        carry_down(row, self.carry, self.header)
        if row.kind == "row":
            row.years, row.year_units, row.year_measures = year_cells(cells, self.years, self.titles)
        if row.kind == "group":
            self.last_numbered = None
        elif row.stt:
            self.last_numbered = len(table.rows)
        else:
            row.parent_row = self.last_numbered
        table.rows.append(row)
        table.end = line_no


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
_GROUP_START_RX = re.compile(rf"^(?P<stt>{ROMAN})\.?\s+(?P<rest>[{CAPITALS}].*)$")


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
    """The physical lines of one PDF table row → the row, its fragments dealt out to the columns."""
    start, end = row_lines[0][0], row_lines[-1][0]
    first = row_lines[0][1].strip()
    g = _GROUP_START.match(first)
    if g and len(row_lines) == 1:
        return TableRow(start, end, "group", cells={"noi_dung": f"{g['stt']} {g['rest'].strip()}"})
    cells = _deal_fragments(_wrapped_fragments(row_lines), columns)
    joined = {k: _join_wrapped(v) for k, v in cells.items() if v}
    stt = joined.pop("stt", None)
    return TableRow(start, end, "row", cells=joined, stt=stt.rstrip(".") if stt else None)


def _wrapped_fragments(row_lines: list[tuple[int, str]]) -> list[tuple[str, bool]]:
    """Text pieces of a wrapped row, and whether each closes its cell (2+ spaces after it)."""
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
    return frags


def _deal_fragments(frags: list[tuple[str, bool]], columns: list[str]) -> dict[str, list[str]]:
    """Fragments → columns in order: a closed cell moves to the next column, except that a cell never
    starts lower-case ("trung tâm,  đơn vị" is one cell despite the gap)."""
    cells: dict[str, list[str]] = {c: [] for c in columns}
    col = 0
    advance = False
    for text, closes in frags:
        if advance and not (text[:1].islower()) and col < len(columns) - 1:
            col += 1
        if cells[columns[col]]:
            col = _jump_column(columns, col, cells[columns[col]], text)
        cells[columns[col]].append(text)
        advance = closes
    return cells


def _jump_column(columns: list[str], col: int, buf: list[str], text: str) -> int:
    """A fragment that cannot continue its cell: "Các …" after a lead is the partners, a time is the
    deadline, a unit's name after a finished task is the lead."""
    name = columns[col]
    if name in LEAD_COLUMNS and text.startswith(("Các ", "các ")) and "phoi_hop" in columns[col + 1:]:
        return columns.index("phoi_hop")
    if "thoi_han" in columns[col + 1:] and _TIME_START.match(text) and name != "noi_dung":
        return columns.index("thoi_han")
    if name == "noi_dung" and buf[-1].rstrip().endswith(".") and re.match(UNIT_HEAD_RE + r"\b", text):
        return col + 1
    return col


def _join_wrapped(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(p.strip() for p in parts)).strip()


# --- pipe tables: Markdown "| a | b |" rows, and the crawled form with one cell per line between "|" lines ---

# How far a row's number may jump from the row above and still open a row (rows are numbered 1, 2, 3 …
# with gaps where a row was dropped; a figure like "100" after row "1.1" is a cell).
MAX_NUMBER_STEP = 3
# Rows above a table's header that may head its first group (a section title set in the table).
MAX_ROWS_ABOVE_HEADER = 3
_WALL = re.compile(r"^\|\s*$")
_RULE_ROW = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_STT_CELL = re.compile(rf"^(?:\d{{1,3}}(?:\.\d{{1,2}})*\.?|{ROMAN}\.?|[A-Za-zđĐ][.)]?|\(\d{{1,3}}\)|[-–+•*])$")
_NUMERIC_CELL = re.compile(r"^[\d.,%\s/()+\-–≥≤<>]+$")
_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$|^\(?[A-Z]\)?$")


@dataclass
class _Cell:
    text: str
    start: int
    end: int
    bold: bool = False


@dataclass
class _PipeRow:
    start: int
    end: int
    cells: list[_Cell]


def _cell_text(lines: list[tuple[int, str]]) -> _Cell:
    texts = []
    for _, raw in lines:
        segs, _, _ = clean_markup(strip_footnote_refs(raw))
        if segs:
            texts.append(" ".join(segs))
    text = re.sub(r"\s+", " ", " ".join(texts)).strip()
    letters = "".join(raw for _, raw in lines)
    bold = letters.strip().startswith("**") and letters.strip().rstrip(" :").endswith("**")
    return _Cell(text, lines[0][0], lines[-1][0], bold)


def _next_number(current: str, candidate: str) -> bool:
    """Could ``candidate`` number the row after the one numbered ``current``? "1.2" or "2" after "1.1"
    can; "100" after "1.1" is a figure in a cell ("100" %), not a row number."""
    if not _STT_CELL.match(candidate):
        return False
    a, b = re.match(r"\d+", current), re.match(r"\d+", candidate)
    if a and b:
        return int(b.group()) <= int(a.group()) + MAX_NUMBER_STEP
    return True


_Token = tuple[str, list[tuple[int, str]]]  # ("|", [wall line]) or ("T", [text lines of one cell])


def _wall_tokens(block: list[tuple[int, str]]) -> list[_Token]:
    """Lines → walls and cells: consecutive text lines between walls are one cell."""
    tokens: list[_Token] = []
    for no, raw in block:
        if _WALL.match(raw.strip()):
            tokens.append(("|", [(no, raw)]))
        elif tokens and tokens[-1][0] == "T":
            tokens[-1][1].append((no, raw))
        else:
            tokens.append(("T", [(no, raw)]))
    return tokens


def _crawled_width(tokens: list[_Token]) -> int:
    """The column count: the widest run of filled cells that more than one row shows.

    One row glued to the next by a missing wall must not widen the whole table; the header, among
    the first runs, names every column even when the rows leave many empty.
    """
    runs: list[int] = []
    run = 0
    for k, (kind, _) in enumerate(tokens):
        if kind == "T":
            run += 1
        elif k + 1 < len(tokens) and tokens[k + 1][0] == "|" and run:
            runs.append(run)
            run = 0
    if run:
        runs.append(run)
    repeated = [r for r in set(runs) if runs.count(r) >= max(2, len(runs) // 10)]
    return max(repeated + runs[:MAX_ROWS_ABOVE_HEADER + 1] or [0])


def _crawled_rows(block: list[tuple[int, str]]) -> list[_PipeRow]:
    """One cell per line(s) between lines holding only "|": a row is a wall, then (text? wall) per cell.

    An empty cell and the seam between two rows both read as two walls in a row, so the column
    count decides: the widest run of filled cells gives it, a row never has more, and a run of
    walls fills the current row with empty cells before the next row opens.
    """
    tokens = _wall_tokens(block)
    width = _crawled_width(tokens)
    first_text = next((t for kind, t in tokens if kind == "T"), None)
    numbered = first_text is not None and column_meaning(_cell_text(first_text).text) == "stt"
    rows: list[_PipeRow] = []
    i = 0
    while i < len(tokens):
        row, i = _read_crawled_row(tokens, i, width, numbered)
        rows.append(row)
    return rows


def _read_crawled_row(tokens: list[_Token], i: int, width: int, numbered: bool) -> tuple[_PipeRow, int]:
    """The row that opens at token ``i`` → the row and the token after it."""
    n = len(tokens)
    first = tokens[i][1][0][0]
    row = _PipeRow(first, first, [])
    if tokens[i][0] == "|":
        i += 1
    # else: a full row closed on one wall and the next opens with text, its own wall missing
    while i < n:
        if tokens[i][0] == "T":
            if len(row.cells) >= width:
                break
            cell = _cell_text(tokens[i][1])
            row.cells.append(cell)
            row.end = cell.end
            i += 1
            if i < n and tokens[i][0] == "|":
                row.end = tokens[i][1][0][0]
                i += 1
            continue
        # a wall right after a closed cell: an empty cell, or the wall that opens the next row
        walls = 0
        while i + walls < n and tokens[i + walls][0] == "|":
            walls += 1
        if numbered and _walls_are_empty_cells(tokens, i + walls, walls, row, width):
            if _opens_on_its_name(row):
                row.cells.insert(0, _Cell("", row.start, row.start))  # the number cell it left out
            i = _empty_cells(tokens, i, walls, row, close=False)
            continue
        empties = walls if i + walls >= n else walls - 1
        i = _empty_cells(tokens, i, min(empties, width - len(row.cells)), row, close=True)
        break
    return row, i


def _walls_are_empty_cells(tokens: list[_Token], after: int, walls: int, row: _PipeRow, width: int) -> bool:
    """In a numbered table, walls followed by text that cannot number the next row are empty cells,
    unless the cells that follow cannot all fit in this row. A row that opens on walls leaves its
    number cell empty: a continuation or sub-row ("| | và báo cáo kết quả | | |"), not a heading.

    A sub-row whose number cell merges with the row above (rowspan) opens with its task text: its
    own task, lead and partner cells ("Thực hiện sao lưu dữ liệu | Sở KH&CN | Sở Tài chính") overflow
    the room the row above has left, so the walls were the seam between the two rows.
    """
    if after >= len(tokens) or walls > width - len(row.cells) - 1:
        return False
    if not row.cells:
        # one wall right after the wall that opened the row: the row leaves its number cell empty
        return walls == 1 and 1 + _cell_run(tokens, after) <= width
    number = row.cells[0].text
    following = _cell_text(tokens[after][1]).text
    if not number and len(row.cells) >= 2 and _NUMERIC_CELL.match(following):
        # a sub-row with its number cell left empty ("| | + Người hiến bộ phận cơ thể | Người | | 55 | 60 |"): walls
        # before a figure are its empty cells when the figures that follow fit the room the row has left
        return len(row.cells) + walls + _cell_run(tokens, after) <= width
    if _opens_on_its_name(row):
        # a row opening on its own name, its number cell left out (a total, "| Tổng I + II | | 240.000 |"):
        # walls before a figure are its empty cells, once the number cell is given back; a number cell
        # opens the next row
        if _STT_CELL.match(following) or not _NUMERIC_CELL.match(following):
            return False
        return len(row.cells) + 1 + walls + _cell_run(tokens, after) <= width
    if not _STT_CELL.match(number) or _next_number(number, following):
        return False
    return len(row.cells) + walls + _cell_run(tokens, after) <= width


def _opens_on_its_name(row: _PipeRow) -> bool:
    """A row of a numbered table whose first cell is words, not a number: its number cell was left out."""
    return bool(row.cells) and bool(row.cells[0].text) and not _STT_CELL.match(row.cells[0].text) \
        and not _NUMERIC_CELL.match(row.cells[0].text)



def _cell_run(tokens: list[_Token], k: int) -> int:
    """How many cells follow from token ``k`` with one wall between each: the cells of one row at least."""
    run = 0
    while k < len(tokens) and tokens[k][0] == "T":
        run += 1
        k += 1
        if k >= len(tokens) or tokens[k][0] != "|":
            break
        k += 1
    return run


def _empty_cells(tokens: list[_Token], i: int, count: int, row: _PipeRow, close: bool) -> int:
    """Add ``count`` empty cells for the walls from token ``i``; ``close``: the last one ends the row."""
    for _ in range(count):
        no = tokens[i][1][0][0]
        row.cells.append(_Cell("", no, no))
        if close:
            row.end = no
        i += 1
    return i


def _markdown_rows(block: list[tuple[int, str]]) -> list[_PipeRow]:
    """"| a | b |" lines; a row whose closing "|" is on a later line spans those lines."""
    rows: list[_PipeRow] = []
    pending: list[tuple[int, str]] = []
    for no, raw in block:
        s = raw.strip()
        if not pending and _RULE_ROW.match(s):
            continue
        pending.append((no, s))
        joined = " ".join(p for _, p in pending)
        if not joined.endswith("|") or len(joined) < 2:
            continue
        inner = joined[1:-1] if joined.startswith("|") else joined[:-1]
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", inner)]
        start, end = pending[0][0], pending[-1][0]
        rows.append(_PipeRow(start, end, [
            _cell_text([(start, c)]) if c else _Cell("", start, start) for c in cells]))
        pending = []
    if pending:
        rows.append(_PipeRow(pending[0][0], pending[-1][0],
                             [_cell_text([(pending[0][0], " ".join(p for _, p in pending).strip("|"))])]))
    return rows


def _pipe_blocks(lines: list[str], taken: set[int]) -> list[tuple[str, list[tuple[int, str]], set[int]]]:
    """Runs of lines forming one pipe table, with the rule lines ("|---|") they own."""
    blocks = []
    i, n = 0, len(lines)
    while i < n:
        s = lines[i].strip()
        if (i + 1) in taken or not s.startswith("|"):
            i += 1
            continue
        if _WALL.match(s):
            found, j = _crawled_block(lines, i, taken)
        elif s.count("|") >= 2 or not s.endswith("|"):
            found, j = _markdown_block(lines, i, taken)
        else:
            i += 1
            continue
        if found is not None:
            blocks.append(found)
        i = max(j, i + 1)
    return blocks


def _crawled_block(lines: list[str], i: int, taken: set[int]
                   ) -> tuple[tuple[str, list[tuple[int, str]], set[int]] | None, int]:
    """The crawled form from a wall on line ``i``: it runs to the blank line and ends on its last wall."""
    j, n = i, len(lines)
    block = []
    while j < n and lines[j].strip() and (j + 1) not in taken:
        block.append((j + 1, lines[j]))
        j += 1
    # a table ends on a wall; text after the last wall is the document again
    while block and not _WALL.match(block[-1][1].strip()):
        block.pop()
    if sum(1 for _, r in block if not _WALL.match(r.strip())) >= 2:
        return ("crawled", block, set()), j
    return None, j


def _markdown_block(lines: list[str], i: int, taken: set[int]
                    ) -> tuple[tuple[str, list[tuple[int, str]], set[int]] | None, int]:
    """"| a | b |" lines from line ``i`` (a row may close on a later line); a table has a rule line."""
    j, n = i, len(lines)
    block: list[tuple[int, str]] = []
    while j < n and lines[j].strip() and (lines[j].strip().startswith("|") or (
            block and not block[-1][1].strip().endswith("|"))) and (j + 1) not in taken:
        block.append((j + 1, lines[j]))
        j += 1
    if len(block) >= 2 and any(_RULE_ROW.match(r.strip()) for _, r in block[:3]):
        rules = {no for no, r in block if _RULE_ROW.match(r.strip())}
        return ("markdown", block, rules), j
    return None, j


_TIME_CELL = re.compile(r"^(?:Quý|Tháng|Năm|Hàng năm|Hằng năm|Trước|Trong|Từ|Thường xuyên|Định kỳ|Giai đoạn|\d{1,2}/\d{4}|\d{4})", re.I)


_UNIT_CELL = re.compile(UNIT_HEAD_RE + r"\b")


@lru_cache(maxsize=8192)
def _features(text: str) -> tuple[bool, ...]:
    """What a cell looks like: a number, a row number, a time, a unit's name."""
    return (bool(_NUMERIC_CELL.match(text)), bool(_STT_CELL.match(text)), bool(_TIME_CELL.match(text)),
            bool(_UNIT_CELL.match(text)))


def _profile(rows: list[_PipeRow], width: int) -> list[tuple[float, ...]]:
    """Per column, over rows with every cell: the share of cells with each feature."""
    full = [r for r in rows if len(r.cells) == width]
    prof = []
    for k in range(width):
        vals = [_features(r.cells[k].text) for r in full if r.cells[k].text]
        if not vals:
            prof.append((0.5, 0.5, 0.5, 0.5))
            continue
        prof.append(tuple(sum(v[f] for v in vals) / len(vals) for f in range(4)))
    return prof


def _place(cells: list[_Cell], width: int, prof: list[tuple[float, ...]]) -> list[int]:
    """Columns for the cells of a row short of cells because some merge down from the row above.

    The cells keep their order; the columns left out are those that make each cell most like its
    column (numbers under numbers, times under times, units under units); without evidence, the
    last ones. An order-keeping assignment, found by dynamic programming over (cell, column).
    """
    n = len(cells)
    if n >= width:
        return list(range(n))
    feats = [_features(c.text) if c.text else None for c in cells]

    def fit(i: int, col: int) -> float:
        f = feats[i]
        score = -1e-3 * col  # ties: cells sit as far left as they can, the merged columns are the last
        if f is None:
            return score
        for has, share in zip(f, prof[col]):
            score += (share - 0.5) if has else (0.5 - share)
        return score

    neg = float("-inf")
    # best[i][j]: best score with the first i cells placed in the first j columns
    best = [[neg] * (width + 1) for _ in range(n + 1)]
    take = [[False] * (width + 1) for _ in range(n + 1)]
    for j in range(width + 1):
        best[0][j] = 0.0
    for i in range(1, n + 1):
        for j in range(i, width + 1):
            skip = best[i][j - 1]
            put = best[i - 1][j - 1] + fit(i - 1, j - 1)
            if put >= skip:
                best[i][j], take[i][j] = put, True
            else:
                best[i][j] = skip
    cols: list[int] = []
    i, j = n, width
    while i > 0:
        if take[i][j]:
            cols.append(j - 1)
            i -= 1
        j -= 1
    return cols[::-1]


# a part's title in one cell: "I. CÂY CÔNG NGHIỆP", "C. KẾ HOẠCH VAY, TRẢ NỢ GỐC" (a Roman or capital part label)
_PART_TITLE = re.compile(rf"^(?:{ROMAN}|[A-Z])\.\s+\S")


def _is_group(row: _PipeRow, width: int) -> bool:
    """A heading row spanning the table: one bold cell, or a part's label and title ("I | CÂY CÔNG NGHIỆP",
    "I. CÂY CÔNG NGHIỆP"), bold or not: the part's label marks it where a plan sets no bold."""
    filled = [c for c in row.cells if c.text]
    if not filled or len(filled) > 2 or width < 3:
        return False
    if len(filled) == 2 and not re.fullmatch(rf"(?:{ROMAN}|[A-Z])\.?", filled[0].text):
        return False
    if len(row.cells) < width or all(c.bold for c in filled):
        return True
    if len(filled) == 2:  # "I | CÂY CÔNG NGHIỆP": a part label beside a title of words
        return _NUMERIC_CELL.match(filled[1].text) is None and filled[1].text[:1].isupper()
    return _PART_TITLE.match(filled[0].text) is not None


@dataclass
class _PipeHeader:
    """A pipe table's header read from its first rows: column titles and meanings, and what is left."""

    above: list[_PipeRow]  # rows over the header: they head the table's first group
    rows: list[_PipeRow]  # the header's own rows (two for a two-level header)
    titles: list[str]
    meanings: list[str | None]
    body: list[_PipeRow]
    years: dict[int, int] = field(default_factory=dict)  # column index → year (see year_columns)

    def key(self, col: int) -> str:
        """The cells' key of a column: its meaning, or "colN" for a column of no known meaning."""
        return self.meanings[col] or f"col{col + 1}"

    def names(self) -> dict[str, str]:
        """Column key → title, as rows carry them."""
        return {self.key(k): (t or self.key(k)) for k, t in enumerate(self.titles)}


def _header_index(rows: list[_PipeRow]) -> int:
    """The header: the first row naming at least two known columns (else the first row)."""
    return next((k for k, r in enumerate(rows[:MAX_ROWS_ABOVE_HEADER + 1])
                 if len({column_meaning(c.text) for c in r.cells} - {None}) >= 2), 0)


@dataclass
class _TwoLevelHeader:
    """A header whose second row splits some first-row titles: a title per column, and per column the
    title its year is read from ("" where a split year's sub-column is no value of that year)."""

    titles: list[str]
    year_titles: list[str] | None  # None when which title the second row splits is a guess


# Columns a second header row never splits: they span both header rows ("STT", "Nội dung", "Đơn vị tính",
# the roles). A value column ("Kế hoạch 2026", "Chỉ tiêu") may be split.
_UNSPLIT_MEANINGS = frozenset({"stt", "noi_dung", "don_vi_tinh", "chu_tri", "phoi_hop", "tham_muu", "thoi_han",
                               "san_pham", "ghi_chu"})
# A sub-title of what was done or is estimated ("Ước thực hiện", "Đánh giá thực hiện", "ƯTH"): only the
# year under way has one, the earliest year the header names.
_DONE_SUB_TITLE = re.compile(r"(?<!\w)(?:ước|thực hiện|đánh giá|ƯTH|UTH)(?!\w)", re.I)
MAX_SPLIT_READINGS = 2  # two consistent readings already make the split a guess


def _named_year(title: str) -> int | None:
    """The one year a title names, a baseline's too ("Năm hiện hành 2025" → 2025); a span names none."""
    years = _YEAR.findall(_YEAR_SPAN.sub(" ", title))
    return int(years[0]) if len(years) == 1 else None


def _named_span(title: str) -> tuple[int, int] | None:
    m = _YEAR_SPAN.search(title)
    return tuple(int(y) for y in _YEAR.findall(m.group(0))) if m else None  # type: ignore[return-value]


def _may_split(title: str, subs: list[str], first_year: int | None) -> bool:
    """Can these sub-titles split this title? Years under a year must be that year, under a span within
    it; an estimate ("Ước thực hiện") splits only the earliest year."""
    year, span = _named_year(title), _named_span(title)
    for sub in subs:
        y = column_year(sub) or _named_year(sub)
        if y is not None and ((year is not None and y != year) or (span is not None and not span[0] <= y <= span[1])):
            return False
        if _DONE_SUB_TITLE.search(sub) and (year is None or year != first_year):
            return False
    return True


def _split_readings(titles: list[str], subs: list[str], width: int) -> list[list[int]]:
    """Every way the sub-titles can split the titles (each title's column count, in order) that fits
    the width and the titles' words; at most MAX_SPLIT_READINGS of them."""
    split = len(titles) + len(subs) - width  # titles the second row splits, each into two or more
    years = [y for t in titles if (y := _named_year(t)) is not None]
    first_year = min(years) if years else None
    first_content = next((k for k, t in enumerate(titles) if column_meaning(t) != "stt"), 0)
    splittable = [k != first_content and column_meaning(t) not in _UNSPLIT_MEANINGS for k, t in enumerate(titles)]
    found: list[list[int]] = []

    def walk(k: int, used: int, left: int, spans: list[int]) -> None:
        if len(found) >= MAX_SPLIT_READINGS:
            return
        if k == len(titles):
            if used == len(subs) and left == 0:
                found.append(list(spans))
            return
        walk(k + 1, used, left, spans + [1])
        if left and splittable[k]:
            for n in range(2, len(subs) - used - 2 * (left - 1) + 1):
                if _may_split(titles[k], subs[used:used + n], first_year):
                    walk(k + 1, used + n, left - 1, spans + [n])

    if split > 0:
        walk(0, 0, split, [])
    return found


def _titles_row(row: _PipeRow) -> bool:
    """A row that reads as column titles whether or not it is set in bold: words in every filled cell, no
    figure and no row number ("Lượng (Tấn) | Giá trị (Nghìn USD)", "Dự toán | Đánh giá thực hiện")."""
    filled = [c.text for c in row.cells if c.text]
    return len(filled) >= 2 and not any(_NUMERIC_CELL.match(t) or _STT_CELL.match(t) for t in filled)


def _sub_header(titles: list[str], body: list[_PipeRow], width: int) -> _TwoLevelHeader | None:
    """A two-level header: a second row splits some of the first row's titles. Which ones is read
    from the titles themselves (see _split_readings); when more than one reading fits, the last titles
    are taken to be split and no column is given a year. The second row is known by its bold cells, or, when
    the plan sets no bold, by its words alone (_titles_row) and then only when the titles admit one reading."""
    if len(titles) >= width or not body or _is_group(body[0], width):
        return None
    bold = all(c.bold or not c.text for c in body[0].cells)
    if not bold and not _titles_row(body[0]):
        return None
    sub = [c.text for c in body[0].cells]
    while sub and not sub[-1]:
        sub.pop()  # an empty cell closing the row
    readings = _split_readings(titles, sub, width)
    if len(readings) == 1:
        return _compose(titles, sub, readings[0])
    if not bold:
        return None
    sub = [c.text for c in body[0].cells]
    keep = width - len(sub)
    if not 0 <= keep < len(titles):
        return None
    span = " ".join(titles[keep:])
    return _TwoLevelHeader(titles[:keep] + [f"{span} {s}".strip() for s in sub], None)


def _spanned_sub_header(titles: list[str], body: list[_PipeRow], width: int) -> _TwoLevelHeader | None:
    """A two-level header written with its merged cells kept as empty cells ("| Kế hoạch 2026 | | Kế hoạch
    2030 | |" over "| | | Lượng (Tấn) | Giá trị (Nghìn USD) | …"): a year's title spans the empty titles after
    it, and a second row of words filling every column of those spans splits them, as _compose reads a split."""
    if not body or len(titles) != width or not titles or not titles[0]:
        return None
    sub = [c.text for c in body[0].cells] + [""] * (width - len(body[0].cells))
    spans: list[tuple[int, int]] = []  # (first column, column count) of each title that spans empty titles
    for k, t in enumerate(titles):
        if t:
            spans.append((k, 1))
        else:
            spans[-1] = (spans[-1][0], spans[-1][1] + 1)
    split = [(k, n) for k, n in spans if n > 1]
    # only years are split so ("Đơn vị thực hiện | |" over "Chủ trì | Phối hợp" is _role_sub_titles')
    if not split or any(_named_year(titles[k]) is None for k, _ in split) \
            or any(not sub[c] for k, n in split for c in range(k, k + n)) \
            or any(_NUMERIC_CELL.match(t) for t in sub if t) \
            or any(sub[k] for k, n in spans if n == 1):
        return None
    out: list[str] = []
    year_titles: list[str] = []
    for k, n in spans:
        if n == 1:
            out.append(titles[k])
            year_titles.append(titles[k])
            continue
        group = sub[k:k + n]
        out += [f"{titles[k]} {s}".strip() for s in group]
        year_titles += [f"{titles[k]} {s}".strip() if _named_year(s) or unit_in_name(s) else "" for s in group]
    return _TwoLevelHeader(out, year_titles)


_ROLE_MEANINGS = frozenset({"chu_tri", "phoi_hop", "tham_muu"})


def _role_sub_titles(titles: list[str], row: _PipeRow, width: int) -> list[str] | None:
    """A second header row that only splits a merged role title into its roles ("Đơn vị thực hiện" over
    "Chủ trì | Phối hợp"), however the merged cell was written (repeated, or left empty beside it): the
    columns take the roles' titles."""
    texts = [c.text for c in row.cells] + [""] * (width - len(row.cells))
    filled = [k for k, t in enumerate(texts) if t]
    if len(filled) < 2 or any(column_meaning(texts[k]) not in _ROLE_MEANINGS for k in filled):
        return None
    out = list(titles) + [""] * (width - len(titles))
    for k in filled:
        out[k] = texts[k]
    return out


def _compose(titles: list[str], subs: list[str], spans: list[int]) -> _TwoLevelHeader:
    """Column titles from a reading of the split; a split title whose sub-titles name no year
    ("Năm 2025 | Kế hoạch | Ước thực hiện") gives its columns no year."""
    out: list[str] = []
    year_titles: list[str] = []
    used = 0
    for title, n in zip(titles, spans):
        if n == 1:
            out.append(title)
            year_titles.append(title)
            continue
        group = subs[used:used + n]
        used += n
        out += [f"{title} {s}".strip() for s in group]
        # a measure stating its unit ("Lượng (Tấn)", "Giá trị (Nghìn USD)") is a value of the title's year
        year_titles += [f"{title} {s}".strip() if _named_year(s) or unit_in_name(s) else "" for s in group]
    return _TwoLevelHeader(out, year_titles)


def _content_column(meanings: list[str | None], titles: list[str], body: list[_PipeRow], width: int) -> None:
    """A table that names its content column otherwise ("Chỉ tiêu", "Tên dự án"): its first titled
    column of words is the content."""
    if "noi_dung" in meanings:
        return
    prof = _profile(body, width)
    for k, m in enumerate(meanings):
        if m != "stt" and prof[k][0] < 0.5 and titles[k]:
            meanings[k] = "noi_dung"
            return


def _read_pipe_header(rows: list[_PipeRow], width: int) -> _PipeHeader:
    """Rows above the header stay group rows ("B | PHÁT TRIỂN KINH TẾ SỐ"); the header gets a title per column."""
    at = _header_index(rows)
    header_rows = [rows[at]]
    titles = [c.text for c in rows[at].cells]
    body = rows[at + 1:]
    two_level = _sub_header(titles, body, width) or _spanned_sub_header(titles, body, width)
    year_titles: list[str] | None = titles
    if two_level is not None:
        titles, year_titles = two_level.titles, two_level.year_titles
        header_rows.append(body[0])
        body = body[1:]
    elif body and (roles := _role_sub_titles(titles, body[0], width)) is not None:
        titles = year_titles = roles
        header_rows.append(body[0])
        body = body[1:]
    if len(titles) < width and "stt" not in {column_meaning(t) for t in titles} and \
            _profile(body, width)[0][1] > 0.6:
        titles = ["STT"] + titles  # the header leaves the numbering column untitled (merged with the next)
        year_titles = [""] + year_titles if year_titles is not None else None
    titles += [""] * (width - len(titles))
    meanings = [column_meaning(t) for t in titles]
    _content_column(meanings, titles, body, width)
    years = year_columns(year_titles) if year_titles is not None else {}
    value_column(meanings, titles, years)
    return _PipeHeader(rows[:at], header_rows, titles, meanings, body, years)


def _is_filler_row(texts: list[str], titles: list[str]) -> str | None:
    """Why a body row is no row of the plan: cell walls only, the columns' numbers, the header again."""
    if not any(texts):
        return "blank"  # a blank row of a form: cell walls only
    filled = [t for t in texts if t]
    if all(_COLUMN_NUMBERS.match(t) for t in filled) and len(filled) >= 3 and len(set(texts)) == len(texts):
        return "column numbers"  # "(1) (2) (3)"
    folded = [fold(t).lower() for t in filled]
    if len(folded) >= 2 and set(folded) <= {fold(t).lower() for t in titles if t}:
        return "header again"  # the header repeated under a group row
    return None


def _row_values(cells: list[_Cell], cols: list[int], header: _PipeHeader, width: int,
                above: dict[int, tuple[str, int]]) -> tuple[dict[str, str], dict[str, int]]:
    """A row's cells by column key, and the cells it leaves out merged down from the row above
    (``above``: per column, the text and line of the last cell seen there)."""
    values: dict[str, str] = {}
    carried: dict[str, int] = {}
    for cell, col in zip(cells, cols):
        key = header.key(col)
        if cell.text:
            values[key] = f"{values[key]} {cell.text}" if key in values else cell.text
    placed = set(cols)
    for col in range(width):
        if col not in placed and above.get(col, ("", 0))[0]:
            key = header.key(col)
            if key not in values and key != "stt":
                values[key] = above[col][0]  # merged down from the row above
                carried[key] = above[col][1]
    return values, carried


class _PipeBody:
    """Body rows of a pipe table → TableRows, with what spans rows: merged cells, the last numbered row."""

    def __init__(self, table: Table, header: _PipeHeader, width: int, exact_merges: bool) -> None:
        self.table = table
        self.header = header
        self.width = width
        self.exact_merges = exact_merges
        self.prof = _profile(header.body, width)
        self.names = header.names()
        self.carry: dict[str, tuple[str, int]] = {}
        self.above: dict[int, tuple[str, int]] = {}
        self.last_numbered: int | None = None

    def read(self) -> None:
        for r in self.header.body:
            if _is_filler_row([c.text for c in r.cells], self.header.titles):
                self.table.noise.update(range(r.start, r.end + 1))
            elif _is_group(r, self.width):
                self._group(r)
            else:
                self._row(r)

    def _group(self, r: _PipeRow) -> None:
        """A group row starts afresh: nothing merges down across it."""
        self.table.rows.append(TableRow(r.start, r.end, "group", cells={"noi_dung": _group_title(r)},
                                        titles=dict(self.names)))
        self.carry.clear()
        self.last_numbered = None

    def _row(self, r: _PipeRow) -> None:
        cols = _place(r.cells, self.width, self.prof)
        values, carried = _row_values(r.cells, cols, self.header, self.width, self.above)
        stt = values.pop("stt", None)
        years, year_units, measures = year_cells([c.text for c in r.cells], self.header.years, self.header.titles, cols)
        row = TableRow(r.start, r.end, "row", cells=values, titles=dict(self.names), carried=carried, stt=stt,
                       years=years, year_units=year_units, year_measures=measures)
        if continues_row_above(self.table.rows, row):
            merge_into_row_above(self.table.rows, row)
            return
        self.above.update({col: (cell.text, cell.start) for cell, col in zip(r.cells, cols)})
        if not self.exact_merges:
            carry_down(row, self.carry, [m for m in self.header.meanings if m])
        if row.stt and not re.fullmatch(r"[-–+•*]", row.stt):
            self.last_numbered = len(self.table.rows)
        else:
            row.parent_row = self.last_numbered
        self.table.rows.append(row)


def year_cells(texts: list[str], years: dict[int, int], titles: list[str], cols: list[int] | None = None
               ) -> tuple[dict[int, str], dict[int, str], dict[int, list[tuple[str, str | None]]]]:
    """A row's value per year (``years``: column → year; ``cols``: each text's column, by default its
    position), the unit its column's title states, and the years whose several measures the row fills. A year
    over two measures ("Lượng (Tấn)" | "Giá trị (Nghìn USD)") gives the one the row fills as its value; a row
    filling both states no one value for it: each measure is kept with its own unit (``measures``)."""
    filled: dict[int, list[tuple[str, int]]] = {}
    for text, col in zip(texts, cols if cols is not None else range(len(texts))):
        if col in years and text:
            filled.setdefault(years[col], []).append((text, col))
    values, units, measures = {}, {}, {}
    for year, found in filled.items():
        if len(found) > 1:
            measures[year] = [(text, unit_in_name(titles[col]) if col < len(titles) else None)
                              for text, col in sorted(found, key=lambda f: f[1])]
            continue
        text, col = found[0]
        values[year] = text
        if col < len(titles) and (unit := unit_in_name(titles[col])) is not None:
            units[year] = unit
    return values, units, measures


def _pipe_table(rows: list[_PipeRow], owned: set[int], noise: set[int], exact_merges: bool) -> Table | None:
    """Rows → a Table. ``exact_merges``: the source leaves a merged cell out (crawled HTML), so an
    empty cell is really empty; otherwise (hand-written Markdown) an empty unit cell means "as above"."""
    noise = set(noise)
    while rows and not any(c.text for c in rows[0].cells):
        noise.update(range(rows[0].start, rows[0].end + 1))  # cell walls with nothing between them
        rows = rows[1:]
    if len(rows) < 2:
        return None
    width = max(len(r.cells) for r in rows)
    if is_layout([[[c.text] for c in r.cells] for r in rows]):
        return None
    header = _read_pipe_header(rows, width)
    table = Table(start=rows[0].start, end=rows[-1].end, rows=[], lines=set(owned), noise=set(noise))
    for r in header.above:
        table.rows.append(TableRow(r.start, r.end, "group", cells={"noi_dung": _group_title(r)}))
    titles, meanings = header.titles, header.meanings
    table.rows.append(TableRow(header.rows[0].start, header.rows[-1].end, "table_header",
                               cells={m: t for m, t in zip(meanings, titles) if m and t},
                               titles={header.key(k): t for k, t in enumerate(titles)}))
    _PipeBody(table, header, width, exact_merges).read()
    return table


def _group_title(r: _PipeRow) -> str:
    """"I" | "Hoàn thiện thể chế" → "I. Hoàn thiện thể chế"."""
    title = " ".join(c.text for c in r.cells if c.text)
    g = re.match(rf"^({ROMAN}|[A-Z])\.?\s+(.*)$", title)
    return f"{g.group(1)}. {g.group(2)}" if g else title


def is_layout(rows: list[list[list[str]]]) -> bool:
    from corpus.formats._common import is_layout_table

    return is_layout_table(rows)


def find_pipe_tables(lines: list[str], taken: set[int] | None = None) -> list[Table]:
    """Markdown pipe tables in either form → tables with a header row and rows by column meaning.

    A table that only lays out the letterhead or the signature block is left to the line reader.
    """
    taken = taken or set()
    tables = []
    for kind, block, rules in _pipe_blocks(lines, taken):
        rows = _crawled_rows(block) if kind == "crawled" else _markdown_rows(block)
        owned = {no for no, _ in block}
        table = _pipe_table(rows, owned, rules, exact_merges=kind == "crawled")
        if table is not None:
            tables.append(table)
    return tables
