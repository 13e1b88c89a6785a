"""HTML plans (portal pages, "save as web page" exports) → :class:`SourceText`.

BeautifulSoup with the lxml parser (lxml is already required by python-docx)
tolerates the malformed markup such pages carry. Block elements become lines,
list items get a "- " (or "1." for ordered lists) label, and tables become
tab-separated rows on a grid, so a rowspan leaves the cells below it empty
(the corpus carries the value down) and a colspan shows its text once.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..model import PlanError, SourceText
from ._common import Lines, check_file, clean, one_line

SKIP = {"script", "style", "nav", "noscript", "template", "head", "iframe", "object", "svg", "button",
        "select", "form"}
BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre",
          "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "caption",
          "figure", "figcaption", "address", "center", "hr", "body", "html", "tr", "td", "th", "fieldset"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_LABELLED = re.compile(r"^\(?(\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]\s")
_BULLETS = ("-", "+", "•", "–", "*", "◦", "▪")


def read_html(path: Path) -> SourceText:
    """Read an HTML plan: headings, paragraphs, list items and table rows as lines.

    Locators: "đoạn N" for text blocks, "bảng T, hàng R" for table rows.
    """
    path = Path(path)
    check_file(path)
    data = path.read_bytes()
    text = decode(data, path.name)
    from bs4 import BeautifulSoup, FeatureNotFound, ParserRejectedMarkup

    try:
        soup = BeautifulSoup(text, "lxml")
    except (FeatureNotFound, ParserRejectedMarkup) as e:
        raise PlanError(f"{path.name}: not a readable HTML file ({one_line(e)})") from None
    walker = _Walker(path.name)
    try:
        walker.walk(soup)
        walker.flush()
    except RecursionError:
        raise PlanError(f"{path.name}: HTML nested too deeply to read") from None
    if not walker.out.lines:
        raise PlanError(f"{path.name}: HTML page has no text")
    return walker.out.source_text(with_locators=True)


def decode(data: bytes, name: str) -> str:
    """Bytes → text: a BOM, else valid UTF-8, else the charset a <meta> declares
    (windows-1258, TCVN pages from older portals), else UTF-8.

    Undecodable bytes become U+FFFD rather than failing the whole plan.
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    if b"\x00" in data[:1024]:
        raise PlanError(f"{name}: not an HTML file (binary content)")
    try:
        # bytes that are valid UTF-8 beyond ASCII are UTF-8, whatever a copied
        # <meta> says — a legacy 8-bit Vietnamese text is practically never valid UTF-8
        utf8 = data.decode("utf-8")
        if not data.isascii():
            return utf8
    except UnicodeDecodeError:
        pass
    encoding = "utf-8"
    m = _CHARSET.search(data[:4096]) or _XML_ENCODING.search(data[:256])
    if m:
        declared = m.group(1).decode("ascii", "replace")
        try:
            encoding = codecs.lookup(declared).name
        except LookupError:
            encoding = "utf-8"  # an unknown declared charset: UTF-8 is what Vietnamese portals use
    if encoding in ("iso8859-1", "ascii"):
        encoding = "cp1252"  # as browsers do: "latin-1" pages are windows-1252
    return data.decode(encoding, errors="replace")


class _Walker:
    def __init__(self, name: str) -> None:
        self.out = Lines(source=name, fmt="html")
        self.buffer: list[str] = []
        self.prefix = ""
        self.blocks = 0
        self.tables = 0

    def flush(self) -> None:
        """End the current line (if it holds text) at a block boundary."""
        text = clean("".join(self.buffer))
        self.buffer = []
        if not text:
            return  # the list label waits for the item's first text
        prefix, self.prefix = self.prefix, ""
        if prefix == "- " and text.startswith(_BULLETS):
            text = "- " + text.lstrip("".join(_BULLETS)).lstrip()
        elif prefix and not _LABELLED.match(text):  # the author typed the label already
            text = prefix + text
        self.blocks += 1
        self.out.add(text, f"đoạn {self.blocks}")

    def walk(self, node) -> None:
        from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

        for child in node.children:
            if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self.buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower() if child.name else ""
            if name in SKIP or _hidden(child):
                continue
            if name == "br":
                self.flush()
            elif name == "table":
                self.flush()
                self._table(child)
            elif name in ("ul", "ol"):
                self.flush()
                self._list(child, ordered=name == "ol")
            elif name == "pre":
                self.flush()
                for line in child.get_text().splitlines():
                    self.buffer.append(line)
                    self.flush()
            elif name in BLOCKS:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)

    def _list(self, lst, ordered: bool) -> None:
        start = lst.get("start", "1")
        n = int(start) if str(start).lstrip("-").isdigit() else 1
        kind = lst.get("type", "1")
        for item in lst.find_all("li", recursive=False):
            self.flush()
            self.prefix = f"{_list_label(n, kind)} " if ordered else "- "
            value = item.get("value")
            if ordered and value and str(value).isdigit():
                n = int(value)
                self.prefix = f"{_list_label(n, kind)} "
            self.walk(item)
            self.flush()
            n += 1
        # stray content directly inside the list (invalid but common)
        for child in lst.children:
            if getattr(child, "name", None) not in (None, "li") and child.name not in SKIP:
                self.walk(child)
                self.flush()

    def _table(self, table) -> None:
        if _is_page_layout(table):
            for tr in _rows(table):
                for cell in tr.find_all(("td", "th"), recursive=False):
                    self.flush()
                    self.walk(cell)
                    self.flush()
            return
        self.tables += 1
        t = self.tables
        grid: list[list[list[str] | None]] = []
        for r, tr in enumerate(_rows(table)):
            while len(grid) <= r:
                grid.append([])
            row = grid[r]
            c = 0
            for cell in tr.find_all(("td", "th"), recursive=False):
                while c < len(row) and row[c] is not None:
                    c += 1  # a slot taken by a rowspan from above
                span = _int(cell.get("colspan"), 1, 1000)
                down = _int(cell.get("rowspan"), 1, 10000)
                paras = _cell_text(cell)
                for k in range(span):
                    _put(row, c + k, paras if k == 0 else [])
                    for d in range(1, down):
                        while len(grid) <= r + d:
                            grid.append([])
                        # below a rowspan: empty, the corpus carries the value down
                        _put(grid[r + d], c + k, [])
                c += span
        rows = [[cell if cell is not None else [] for cell in row] for row in grid if row]
        self.out.add_table(rows, lambda r: f"bảng {t}, hàng {r}")


def _is_page_layout(table) -> bool:
    """Older portals lay the whole page out in a table (menu | article | sidebar).

    A cell holding a heading or a table of its own, or more text than any
    data cell does, makes the table a container: its cells are read as page
    content, not joined into one tab row.
    """
    for tr in _rows(table):
        for cell in tr.find_all(("td", "th"), recursive=False):
            if cell.find(("table", "h1", "h2", "h3", "h4", "h5", "h6")) is not None:
                return True
            if len(cell.get_text()) > 3000:
                return True
    return False


def _put(row: list, index: int, value) -> None:
    while len(row) <= index:
        row.append(None)
    if row[index] is None:
        row[index] = value


def _int(value, default: int, cap: int) -> int:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return min(max(n, 1), cap)  # rowspan="0" / absurd spans: clamp


def _rows(table):
    """The table's own rows (thead/tbody/tfoot included, nested tables excluded)."""
    for child in table.find_all(True, recursive=False):
        if child.name == "tr":
            yield child
        elif child.name in ("thead", "tbody", "tfoot"):
            yield from child.find_all("tr", recursive=False)


def _cell_text(cell) -> list[str]:
    """A cell's text as lines (its paragraphs / <br> breaks), scripts left out."""
    walker = _Walker("")
    walker.walk(cell)
    walker.flush()
    return walker.out.lines


def _hidden(tag) -> bool:
    if tag.has_attr("hidden"):
        return True
    style = tag.get("style")
    return bool(style) and re.search(r"display\s*:\s*none", str(style), re.IGNORECASE) is not None


def _list_label(n: int, kind: str) -> str:
    if kind in ("a", "A") and n >= 1:
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(ord("a") + r) + s
        return (s.upper() if kind == "A" else s) + "."
    if kind in ("i", "I") and n >= 1:
        from .docx import _roman

        s = _roman(n)
        return (s.lower() if kind == "i" else s) + "."
    return f"{n}."
