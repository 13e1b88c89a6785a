"""DOCX plans → :class:`SourceText`, with python-docx.

python-docx opens the package and parses the XML; the body is walked here at
the XML level because its high-level API lists paragraphs and tables apart
(the corpus needs them in document order), drops runs inside tracked
insertions, and does not render automatic list numbering ("1.", "a)", "-")
that plans use to mark their items — so labels are rebuilt from the
numbering part.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from ..model import PlanError, SourceText
from ._common import Lines, check_file, clean, one_line

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el, tag: str) -> str | None:
    """The w:val of child ``tag`` of ``el`` (None when absent)."""
    if el is None:
        return None
    child = el.find(_q(tag))
    return None if child is None else child.get(_q("val"))


MAX_UNZIPPED = 400 * 1024 * 1024  # a zip bomb expands far beyond any real plan

# Subtrees whose text is not part of what a reader sees: deleted revisions,
# the legacy duplicate of drawings, paragraph/run properties.
_SKIP = {_q("del"), _q("moveFrom"), _q("pPr"), _q("rPr"), f"{{{MC}}}Fallback"}


def read_docx(path: Path) -> SourceText:
    """Read a .docx plan: one line per paragraph, one tab-separated line per table row.

    Locators: "đoạn N" (N counts the non-empty body paragraphs, 1-based) and
    "bảng T, hàng R". A soft line break inside a paragraph starts a new line
    with the same locator, as it would in the plain-text version.
    """
    path = Path(path)
    check_file(path)
    _check_package(path)
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as e:  # pragma: no cover - dependency of the package
        raise PlanError(f"{path.name}: python-docx is not installed ({e})") from None
    try:
        document = docx.Document(str(path))
    except PackageNotFoundError:
        raise PlanError(f"{path.name}: not a readable DOCX (no Word document inside)") from None
    except ValueError as e:  # e.g. an .xlsx/.pptx renamed to .docx
        raise PlanError(f"{path.name}: not a Word document ({one_line(e)})") from None
    except (KeyError, zipfile.BadZipFile, OSError, etree.XMLSyntaxError) as e:  # a part missing or broken
        raise PlanError(f"{path.name}: not a readable DOCX ({one_line(e)})") from None
    src = _Walker(document, path.name).run()  # planqa's own code: a bug here must show, not skip the file
    if not src.lines:
        raise PlanError(f"{path.name}: DOCX has no text")
    return src


def _check_package(path: Path) -> None:
    """Name the usual wrong inputs before python-docx does it with a traceback."""
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise PlanError(f"{path.name}: an old Word 97-2003 (.doc) or password-protected file — "
                        "save it as an unprotected .docx")
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            unzipped = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise PlanError(f"{path.name}: not a readable DOCX (not a zip archive: {one_line(e)})") from None
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise PlanError(f"{path.name}: not a Word document (zip without word/document.xml)")
    if unzipped > MAX_UNZIPPED:
        raise PlanError(f"{path.name}: DOCX expands to {unzipped / 2**20:.0f} MB — refusing it")


def _level(value: str | None) -> int:
    """A w:ilvl attribute as a number; a missing or malformed one is the top level, as Word reads it."""
    return int(value) if value and value.isdigit() else 0


class _Numbering:
    """Automatic list labels, counted as Word does (per abstract list, restart
    on a list instance's start override, deeper levels reset by a shallower one)."""

    def __init__(self, document) -> None:
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractId, start overrides)
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # → (fmt, lvlText, start)
        self.counters: dict[str, dict[int, int]] = {}
        self.seen: set[str] = set()
        self.style_numpr: dict[str, tuple[str | None, int | None]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, AttributeError):  # python-docx: no numbering part (cannot make one)
            root = None  # or one of another content type; either way no automatic labels
        if root is not None:
            for absn in root.findall(_q("abstractNum")):
                aid = absn.get(_q("abstractNumId"))
                for lvl in absn.findall(_q("lvl")):
                    ilvl = _level(lvl.get(_q("ilvl")))
                    start = _val(lvl, "start")
                    self.levels[(aid, ilvl)] = (_val(lvl, "numFmt") or "decimal",
                                                _val(lvl, "lvlText") or "",
                                                int(start) if start and start.isdigit() else 1)
            for num in root.findall(_q("num")):
                overrides = {}
                for ov in num.findall(_q("lvlOverride")):
                    so = _val(ov, "startOverride")
                    if so and so.isdigit():
                        overrides[_level(ov.get(_q("ilvl")))] = int(so)
                self.nums[num.get(_q("numId"))] = (_val(num, "abstractNumId"), overrides)
        self._load_styles(document)

    def _load_styles(self, document) -> None:
        """numPr set on paragraph styles (e.g. "List Number"), following basedOn."""
        try:
            root = document.styles.element
        except (NotImplementedError, AttributeError):  # python-docx: a styles part it cannot read
            return
        styles = {s.get(_q("styleId")): s for s in root.findall(_q("style"))}
        for sid in styles:
            seen, cur = set(), sid
            num_id = ilvl = None
            while cur and cur not in seen and cur in styles:
                seen.add(cur)
                st = styles[cur]
                numpr = st.find(f"{_q('pPr')}/{_q('numPr')}")
                if numpr is not None:
                    num_id = num_id if num_id is not None else _val(numpr, "numId")
                    lv = _val(numpr, "ilvl")
                    ilvl = ilvl if ilvl is not None else (int(lv) if lv and lv.isdigit() else None)
                cur = _val(st, "basedOn")
            if num_id is not None:
                self.style_numpr[sid] = (num_id, ilvl)

    def label(self, p) -> str | None:
        """The rendered label of paragraph element ``p``, or None if unnumbered."""
        ppr = p.find(_q("pPr"))
        num_id = ilvl = None
        style = _val(ppr, "pStyle")
        if style in self.style_numpr:
            num_id, ilvl = self.style_numpr[style]
        numpr = ppr.find(_q("numPr")) if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr, "numId") or num_id
            lv = _val(numpr, "ilvl")
            if lv is not None and lv.isdigit():
                ilvl = int(lv)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        ilvl = ilvl or 0
        aid, overrides = self.nums[num_id]
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.seen:
            self.seen.add(num_id)
            for lv, start in overrides.items():
                counters[lv] = start - 1
                for deeper in [k for k in counters if k > lv]:
                    del counters[deeper]
        fmt, text, start = self.levels.get((aid, ilvl), ("decimal", f"%{ilvl + 1}.", 1))
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return clean(text.replace("%", "")) or None

        def render(k: int) -> str:
            f, _, s = self.levels.get((aid, k), ("decimal", "", 1))
            return _format(counters.get(k, s), f)

        out = []
        i = 0
        while i < len(text):
            if text[i] == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                out.append(render(int(text[i + 1]) - 1))
                i += 2
            else:
                out.append(text[i])
                i += 1
        return clean("".join(out)) or None


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(ord("a") + r) + s
        s = s or "a"
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.lower() if fmt == "lowerRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)  # decimal and every format we do not render specially


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out or str(n)


def _para_pieces(p) -> list[str]:
    """Visible text of a paragraph element, split at soft line / page breaks."""
    pieces = [""]

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == _q("t"):
                pieces[-1] += child.text or ""
            elif tag in (_q("tab"), _q("ptab")):
                pieces[-1] += " "
            elif tag in (_q("br"), _q("cr")):
                pieces.append("")
            elif tag == _q("noBreakHyphen"):
                pieces[-1] += "-"
            elif tag == _q("p"):  # a text box's paragraph inside this one
                pieces.append("")
                walk(child)
                pieces.append("")
            else:
                walk(child)

    walk(p)
    return [c for c in (clean(x, collapse=False) for x in pieces) if c]


class _Walker:
    def __init__(self, document, name: str) -> None:
        self.document = document
        self.out = Lines(source=name, fmt="docx")
        self.numbering = _Numbering(document)
        self.paragraphs = 0
        self.tables = 0

    def run(self) -> SourceText:
        self._block(self.document.element.body)
        return self.out.source_text(with_locators=True)

    def _block(self, el) -> None:
        for child in el:
            tag = child.tag
            if tag == _q("p"):
                self._paragraph(child)
            elif tag == _q("tbl"):
                self._table(child)
            elif tag in (_q("sdt"), _q("sdtContent"), _q("customXml"), _q("ins"), _q("moveTo")):
                self._block(child)  # content controls and revisions wrap ordinary blocks

    def _lines_of(self, p) -> list[str]:
        pieces = _para_pieces(p)
        label = self.numbering.label(p)
        if label and pieces:
            pieces[0] = f"{label} {pieces[0]}"
        return pieces

    def _paragraph(self, p) -> None:
        lines = self._lines_of(p)
        if not lines:
            return
        self.paragraphs += 1
        for line in lines:
            self.out.add(line, f"đoạn {self.paragraphs}")

    def _table(self, tbl) -> None:
        self.tables += 1
        t = self.tables
        rows: list[list[list[str]]] = []
        for tr in tbl.iter(_q("tr")):
            if _nearest_table(tr) is not tbl:
                continue  # a row of a table nested in a cell: part of that cell's text
            rows.append(self._row(tr))
        self.out.add_table(rows, lambda r: f"bảng {t}, hàng {r}")

    def _row(self, tr) -> list[list[str]]:
        before = _val(tr.find(_q("trPr")), "gridBefore")
        cells: list[list[str]] = [[] for _ in range(int(before) if before and before.isdigit() else 0)]
        for tc in _row_cells(tr):
            tcpr = tc.find(_q("tcPr"))
            span = _val(tcpr, "gridSpan")
            vmerge = tcpr.find(_q("vMerge")) if tcpr is not None else None
            if vmerge is not None and vmerge.get(_q("val"), "continue") == "continue":
                paras: list[str] = []  # same as the cell above: left empty, the corpus carries it
            else:
                paras = [line for p in _cell_paragraphs(tc) for line in self._lines_of(p)]
            cells.append(paras)
            # a horizontally merged cell shows once; the columns it covers stay
            # empty so later cells keep the header's column positions
            extra = int(span) - 1 if span and span.isdigit() else 0
            cells.extend([] for _ in range(max(0, extra)))
        return cells


def _nearest_table(el):
    cur = el.getparent()
    while cur is not None and cur.tag != _q("tbl"):
        cur = cur.getparent()
    return cur


def _cell_paragraphs(el):
    """Paragraphs of a cell in order, nested tables' paragraphs included, each once."""
    for child in el:
        if child.tag == _q("p"):
            yield child
        elif isinstance(child.tag, str) and child.tag not in _SKIP and child.tag != _q("tcPr"):
            yield from _cell_paragraphs(child)


def _row_cells(tr):
    """Cells of a row in order, looking through content controls around cells."""
    for child in tr:
        if child.tag == _q("tc"):
            yield child
        elif child.tag in (_q("sdt"), _q("sdtContent"), _q("customXml")):
            yield from _row_cells(child)
