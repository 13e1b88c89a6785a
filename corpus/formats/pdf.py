"""Text PDF plans → :class:`SourceText`, with pdfplumber.

pdfplumber (on pdfminer.six) is used rather than pypdf because plans carry
their assignments in ruled tables: pdfplumber finds a table from its rules,
gives each cell's text with merged cells marked (None), and positions every
word, so table rows come out as tab-separated lines at their place on the
page and the text around them is read without the table's words mixed in.
pypdf's ``extract_text`` flattens a table into interleaved cell fragments.

Every line keeps its 1-based page. Page furniture (running headers, lone page
numbers) is kept — the corpus recognises and drops page-break noise.
Hard-wrapped lines stay as they are on the page; joining them is the corpus's job.
"""
from __future__ import annotations

from pathlib import Path

from ..model import PlanError, SourceText
from ._common import Lines, check_file, clean, one_line

LINE_TOLERANCE = 3.0  # points: words whose tops differ less sit on one line
COLUMN_GAP = 4.0  # × font size: a wider gap on one line separates two columns


def read_pdf(path: Path) -> SourceText:
    """Read a text PDF: lines in reading order with their page, tables as tab rows.

    Raises PlanError for a scanned PDF (no text layer), a password-protected
    PDF, and anything that is not a readable PDF.
    """
    path = Path(path)
    check_file(path)
    with path.open("rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise PlanError(f"{path.name}: not a readable PDF (no %PDF header)")
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.psexceptions import PSException
        from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
    except ImportError as e:  # pragma: no cover - dependency of the package
        raise PlanError(f"{path.name}: pdfplumber is not installed ({e})") from None

    out = Lines(source=path.name, fmt="pdf")
    chars = 0
    try:
        with pdfplumber.open(str(path)) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                try:
                    chars += len(page.chars)
                    _read_page(page, number, out)
                finally:
                    page.close()  # frees the page's parsed layout; plans can run to 100 pages
    except (PdfminerException, MalformedPDFException, PSException) as e:
        # only the PDF libraries' own errors mean a bad file; anything else is a bug in
        # _read_page and must surface. pdfplumber wraps pdfminer's in PdfminerException(original)
        cause = e.args[0] if len(e.args) == 1 and isinstance(e.args[0], BaseException) else e
        if isinstance(cause, PDFPasswordIncorrect):
            raise PlanError(f"{path.name}: PDF is password-protected") from None
        if isinstance(cause, PDFEncryptionError):
            raise PlanError(f"{path.name}: PDF is password-protected or uses unsupported encryption "
                            f"({one_line(cause)})") from None
        raise PlanError(f"{path.name}: not a readable PDF ({one_line(cause)})") from None
    if chars == 0 or not out.lines:
        raise PlanError(f"{path.name}: PDF has no text layer (scanned?) — OCR it first")
    return out.source_text(with_pages=True)


def _read_page(page, number: int, out: Lines) -> None:
    """Lines of one page: text lines and tables, ordered top to bottom."""
    # a ruled box with a single column is a frame around text, not a table:
    # its text is read as lines, with their own positions
    tables = [t for t in page.find_tables() if any(len(row.cells) >= 2 for row in t.rows)]
    boxes = [t.bbox for t in tables]

    def outside_tables(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside_tables) if boxes else page
    blocks: list[tuple[float, int, object]] = []
    for top, segments in _text_lines(text_page):
        blocks.append((top, 0, segments))
    for table in tables:
        blocks.append((table.bbox[1], 1, table))
    blocks.sort(key=lambda b: (b[0], b[1]))
    for _, kind, item in blocks:
        if kind == 0:
            for segment in item:
                out.add(segment, page=number)
        else:
            rows = [[(cell or "").split("\n") for cell in row] for row in item.extract()]
            out.add_table(rows, lambda r: None, page=number)


def _text_lines(page) -> list[tuple[float, list[str]]]:
    """Words grouped into lines (top, [segments]); a line is cut where a gap
    wider than COLUMN_GAP font sizes separates two columns (a letterhead's
    issuer | quốc hiệu), so the columns do not run together."""
    words = page.extract_words(x_tolerance=3, y_tolerance=LINE_TOLERANCE, keep_blank_chars=False,
                               use_text_flow=False)
    words.sort(key=lambda w: (w["top"], w["x0"]))
    lines: list[list[dict]] = []
    for w in words:
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= LINE_TOLERANCE:
            lines[-1].append(w)
        else:
            lines.append([w])
    out = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        segments, current, prev = [], [], None
        for w in line:
            size = max(w["bottom"] - w["top"], 1.0)
            if prev is not None and w["x0"] - prev["x1"] > COLUMN_GAP * size:
                segments.append(current)
                current = []
            current.append(w["text"])
            prev = w
        segments.append(current)
        texts = [t for t in (clean(" ".join(s)) for s in segments) if t]
        if texts:
            out.append((min(w["top"] for w in line), texts))
    return out
