"""Render a plan's text lines as a real DOCX or PDF, for tests of the format readers.

The sample plans are plain text; these helpers turn them into the Word and PDF
files a commune office would actually publish, so a test can check that the
readers give the text back. Conventions of the text form:

* a line with tabs is a table row; consecutive tab lines (blank lines between
  them included) make one table whose first line is the header;
* in a table, an empty cell under a responsible-unit column ("chủ trì",
  "phối hợp", "tham mưu", "thực hiện") means "same as above" and becomes a
  vertically merged cell; a row with only its first cell filled (a group
  row such as "I. Nhóm chỉ tiêu kinh tế") spans the whole width;
* the text carries markdown / HTML emphasis from its conversion: ``# …``
  lines are headings, ``**…**`` / ``<b>…</b>`` bold; a paragraph glued to the
  next by ``****`` (a converter artefact) is two paragraphs; a leading ``* ``
  is a bullet "•"; a lone ``*`` is the decorative star under a title;
* a line holding only a form feed ("\\f") is a page break.

:func:`expected_lines` says what a reader should return for such lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_TAGS = re.compile(r"</?(?:b|strong|i|em|u)>", re.IGNORECASE)
_GLUED = re.compile(r"(?<=\S)\*{3,}(?=\S)")
_MERGE_HEADER = re.compile(r"chủ trì|phối hợp|tham mưu|thực hiện", re.IGNORECASE)
PAGE_BREAK = "\f"


@dataclass
class Para:
    text: str  # as shown: markup rendered away
    level: int = 0  # heading level, 0 for a body paragraph
    bold: bool = False


@dataclass
class Table:
    rows: list[list[str]]  # header first; every row padded to the header's width

    def merge_columns(self) -> list[int]:
        """Columns whose empty cells mean "same as above" (responsible units)."""
        return [i for i, h in enumerate(self.rows[0]) if _MERGE_HEADER.search(plain(h))]

    def is_group_row(self, r: int) -> bool:
        row = self.rows[r]
        return r > 0 and len(row) > 1 and bool(row[0].strip()) and not any(c.strip() for c in row[1:])

    def merged_below(self, r: int, c: int) -> bool:
        """Cell (r, c) continues the merged cell above it."""
        if r <= 1 or c not in self.merge_columns() or self.rows[r][c].strip() or self.is_group_row(r):
            return False
        above = r - 1
        return not self.is_group_row(above) and (bool(self.rows[above][c].strip())
                                                  or self.merged_below(above, c))


def segments(line: str) -> tuple[list[str], int, bool]:
    """A source line as shown → (paragraph texts, heading level, bold).

    Markup is what the text conversion added to a Word original; rendering
    removes it: heading marks, emphasis stars/tags, a trailing backslash
    (markdown hard break). Glued ``****`` separates two paragraphs.
    """
    s = line.replace("\u00a0", " ").strip()
    level = 0
    m = _HEADING.match(s)
    if m:
        level, s = len(m.group(1)), m.group(2)
    bold = s.startswith(("**", "<b>", "<strong>"))
    s = _TAGS.sub("", s).rstrip("\\")
    if not any(ch.isalnum() for ch in s):
        return ([s] if s else []), level, bold  # the decorative "*" stays what it is
    star_bullet = bool(re.match(r"^\*\s+\S", s))
    if star_bullet:
        s = "• " + s[1:].lstrip()
    out = []
    for seg in _GLUED.split(s):
        seg = re.sub(r"\*+|__", "", seg).strip()  # the spaces typed inside stay
        if seg:
            out.append(seg)
    return out, level, bold


def plain(text: str) -> str:
    """Text as shown once markup is rendered (segments joined by a space,
    runs of spaces squeezed as in a table cell)."""
    return " ".join(" ".join(segments(text)[0]).split())


def blocks(lines: list[str]) -> list[Para | Table]:
    """Split text lines into paragraphs and tables (blank lines dropped)."""
    out: list[Para | Table] = []
    table: list[list[str]] | None = None
    for line in lines:
        line = line.rstrip("\r\n")
        if "\t" in line:
            cells = line.split("\t")
            if table is None:
                table = []
                out.append(Table(table))
            table.append(cells)
            continue
        if not line.strip() and line != PAGE_BREAK:
            continue  # a blank line does not end a table
        table = None
        if line == PAGE_BREAK:
            out.append(Para(PAGE_BREAK))
            continue
        texts, level, bold = segments(line)
        out.extend(Para(t, level, bold) for t in texts)
    for b in out:
        if isinstance(b, Table):
            width = max(len(r) for r in b.rows)
            for r in b.rows:
                r.extend([""] * (width - len(r)))
    return out


def expected_lines(lines: list[str]) -> list[str]:
    """The lines a DOCX/PDF/HTML reader should return for the rendered document:
    paragraphs as shown, table rows tab-separated with merged cells empty."""
    out = []
    for b in blocks(lines):
        if isinstance(b, Para):
            if b.text != PAGE_BREAK:
                out.append(b.text)
        else:
            for row in b.rows:
                cells = [plain(c) for c in row]
                if any(cells):
                    out.append("\t".join(cells))
    return out


# ---------------------------------------------------------------- DOCX

def write_docx(lines: list[str], path: Path) -> Path:
    """Write ``lines`` as a Word document: headings, paragraphs, real tables
    with vertically merged responsible-unit cells and full-width group rows."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for b in blocks(lines):
        if isinstance(b, Para):
            if b.text == PAGE_BREAK:
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                continue
            p = document.add_heading("", level=b.level) if b.level else document.add_paragraph()
            p.add_run(b.text).bold = b.bold or None
            continue
        rows, width = b.rows, len(b.rows[0])
        table = document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            if b.is_group_row(r):
                cell = table.cell(r, 0).merge(table.cell(r, width - 1))  # gridSpan
                _set_cell(cell, row[0])
                continue
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                if b.merged_below(r, c):
                    vmerge = OxmlElement("w:vMerge")  # continue: no w:val
                    cell._tc.get_or_add_tcPr().append(vmerge)
                    continue
                _set_cell(cell, value)
                if c in b.merge_columns() and r + 1 < len(rows) and b.merged_below(r + 1, c):
                    vmerge = OxmlElement("w:vMerge")
                    vmerge.set(qn("w:val"), "restart")
                    cell._tc.get_or_add_tcPr().append(vmerge)
    path = Path(path)
    document.save(str(path))
    return path


def _set_cell(cell, text: str) -> None:
    texts, _, bold = segments(text)
    cell.paragraphs[0].add_run(" ".join(texts)).bold = bold or None


# ---------------------------------------------------------------- PDF

def _register_fonts() -> str:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return "DejaVuSans"
    if not DEJAVU.exists() or not DEJAVU_BOLD.exists():
        raise RuntimeError(f"{DEJAVU} not found: install the Debian package fonts-dejavu-core "
                           "(a Vietnamese-capable TTF is needed to write test PDFs)")
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(DEJAVU_BOLD)))
    addMapping("DejaVuSans", 0, 0, "DejaVuSans")
    addMapping("DejaVuSans", 1, 0, "DejaVuSans-Bold")
    addMapping("DejaVuSans", 0, 1, "DejaVuSans")
    addMapping("DejaVuSans", 1, 1, "DejaVuSans-Bold")
    return "DejaVuSans"


def _markup(text: str, bold: bool = False) -> str:
    """reportlab Paragraph markup of shown text."""
    t = escape(text, quote=False)
    return f"<b>{t}</b>" if bold else t


def _cell_markup(cell: str) -> str:
    texts, _, bold = segments(cell)
    return _markup(" ".join(texts), bold)


def write_pdf(lines: list[str], path: Path, *, page_numbers: bool = True, encrypt: str | None = None) -> Path:
    """Write ``lines`` as a text PDF (DejaVu Sans, A4): paragraphs that flow over
    pages, ruled tables whose long cells wrap, vertically spanned
    responsible-unit cells, a lone page number at the foot of each page
    (as office PDFs have), and an optional user password."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table as RLTable, TableStyle

    font = _register_fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=14, spaceAfter=4)
    cell_style = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11)
    heads = {lv: ParagraphStyle(f"h{lv}", parent=body, fontSize=max(11, 16 - lv), leading=max(14, 20 - lv),
                                spaceBefore=6) for lv in range(1, 7)}
    width = A4[0] - 40 * mm
    story = []
    for b in blocks(lines):
        if isinstance(b, Para):
            if b.text == PAGE_BREAK:
                story.append(PageBreak())
            else:
                story.append(Paragraph(_markup(b.text, b.bold), heads.get(b.level, body)))
            continue
        rows, ncols = b.rows, len(b.rows[0])
        # every column fits its longest word (word processors wrap between words,
        # never inside one); the room left goes to columns with long text
        pad = 12
        words = [max((stringWidth(w, font, 9) for r in rows for w in plain(r[c]).split()), default=0) + pad
                 for c in range(ncols)]
        lengths = [max(len(plain(r[c])) for r in rows) + 1 for c in range(ncols)]
        spare = max(0.0, width - sum(words))
        col_widths = [w + spare * n / sum(lengths) for w, n in zip(words, lengths)]
        data = [[Paragraph(_cell_markup(c), cell_style) if plain(c) else "" for c in row] for row in rows]
        style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("FONTNAME", (0, 0), (-1, -1), font)]
        for r in range(len(rows)):
            if b.is_group_row(r):
                style.append(("SPAN", (0, r), (-1, r)))
        for c in b.merge_columns():
            r = 1
            while r < len(rows):
                end = r
                while end + 1 < len(rows) and b.merged_below(end + 1, c):
                    end += 1
                if end > r:
                    style.append(("SPAN", (c, r), (c, end)))
                r = end + 1
        story.append(RLTable(data, colWidths=col_widths, style=TableStyle(style)))

    def footer(canvas, doc) -> None:
        if page_numbers:
            canvas.setFont(font, 9)
            canvas.drawCentredString(A4[0] / 2, 10 * mm, str(doc.page))

    path = Path(path)
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, encrypt=encrypt)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path
