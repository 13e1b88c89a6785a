"""What every format reader shares: size guard, text cleaning, table-row lines.

All readers hand the corpus the same shape of text: one line per paragraph,
and one tab-separated line per table row (header row first). Tabs appear in
table rows only — a stray tab in a paragraph would make the corpus read it
as a table row — so :func:`clean` turns every other tab into a space.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..model import PlanError, SourceText
from .legacy import has_legacy_signs

MAX_BYTES = 50 * 1024 * 1024  # a plan is a few hundred kB; anything this big is not one

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_KEEP_SOFT_HYPHEN = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"\s+")
_BLANKS = re.compile(r"[^\S ]")  # any whitespace character but the plain space


def check_file(path: Path) -> None:
    """Refuse a missing, non-regular or oversized file before a library sees it."""
    if not path.exists():
        raise PlanError(f"{path.name}: file not found")
    if not path.is_file():
        raise PlanError(f"{path.name}: not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise PlanError(f"{path.name}: file is empty")
    if size > MAX_BYTES:
        raise PlanError(f"{path.name}: file is too large ({size / 2**20:.0f} MB > "
                        f"{MAX_BYTES // 2**20} MB) — not a plan document")


def clean(text: str, collapse: bool = True) -> str:
    """One line of text: NFC (Vietnamese diacritics composed), no invisible
    characters, tabs / line breaks / no-break spaces as spaces, ends stripped.

    ``collapse`` also squeezes runs of spaces into one (HTML, table cells);
    paragraph text from DOCX keeps the spaces the author typed, as the
    plain-text version of a plan does.
    """
    text = unicodedata.normalize("NFC", text)
    # U+00AD is an invisible soft hyphen in Unicode text, but the letter "ư" in text typed in TCVN3
    # (.VnTime): keep it where other legacy-font symbols show the line is such text.
    keep_soft_hyphen = "\u00ad" in text and has_legacy_signs(text.replace("\u00ad", ""))
    text = text.translate(_KEEP_SOFT_HYPHEN if keep_soft_hyphen else _INVISIBLE)
    if collapse:
        return _SPACES.sub(" ", text).strip()
    return _BLANKS.sub(" ", text).strip()


def one_line(exc: BaseException) -> str:
    """A library exception as a short single line for a PlanError message."""
    msg = clean(str(exc))[:160]
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


_LAYOUT_MARK = re.compile(
    r"CỘNG H(?:ÒA|OÀ) XÃ HỘI|Độc lập\s*[-–]\s*Tự do|Nơi nhận|^(?:TM|KT|TL|TUQ)\.\s|CHỦ TỊCH|^Số\s*:",
    re.IGNORECASE | re.MULTILINE)


def is_layout_table(rows: list[list[list[str]]]) -> bool:
    """A small table holding the letterhead or the signature block is page
    layout, not data.

    Vietnamese official documents set the letterhead (issuer | quốc hiệu,
    số | ngày) and the signature block (nơi nhận | TM. … CHỦ TỊCH) in
    borderless tables. Joined into tab rows they would hide "Số: …" and the
    signer from the corpus, so their cells are emitted as plain lines instead.
    A one-column table (a box drawn around text) is layout too.
    ``rows`` holds, per row, per cell, the cell's paragraph texts.
    """
    if not rows:
        return False
    if max(len(r) for r in rows) <= 1:
        return True  # a one-column table is a frame around paragraphs, not columns of data
    if len(rows) > 6 or max(len(r) for r in rows) > 3:
        return False
    text = "\n".join(p for row in rows for cell in row for p in cell)
    return _LAYOUT_MARK.search(text) is not None


@dataclass
class Lines:
    """Collects lines with their page / locator as a reader walks a file."""

    source: str
    fmt: str
    lines: list[str] = field(default_factory=list)
    pages: list[int | None] = field(default_factory=list)
    locators: list[str | None] = field(default_factory=list)

    def add(self, text: str, locator: str | None = None, page: int | None = None) -> None:
        self.lines.append(text)
        self.locators.append(locator)
        self.pages.append(page)

    def add_table(self, rows: list[list[list[str]]], locator_of_row, page: int | None = None) -> None:
        """Emit a table: tab-separated rows, or plain lines for a layout table.

        Empty cells stay empty (a vertically merged cell means "same as above",
        which the corpus carries down); fully empty rows carry nothing and are
        left out.
        """
        layout = is_layout_table(rows)
        for r, row in enumerate(rows, 1):
            loc = locator_of_row(r)
            if layout:
                for cell in row:
                    for para in cell:
                        if para:
                            self.add(para, loc, page)
                continue
            cells = [clean(" ".join(cell)) for cell in row]
            if any(cells):
                self.add("\t".join(cells), loc, page)

    def source_text(self, *, with_pages: bool = False, with_locators: bool = False) -> SourceText:
        return SourceText(
            source=self.source,
            lines=self.lines,
            pages=self.pages if with_pages else [],
            locators=self.locators if with_locators else [],
            fmt=self.fmt,
        )
