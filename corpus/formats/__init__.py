"""Readers that turn DOCX (and .doc / .rtf / .odt through LibreOffice), PDF and HTML plans into :class:`corpus.model.SourceText`.

Each reader returns the plan as text lines — paragraphs one per line, table
rows tab-separated — so the corpus parses every format with one logic, and
raises :class:`corpus.model.PlanError` (one line, starting with the file
name) for any input it cannot read.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..model import SourceText
from .doc import read_doc
from .docx import read_docx
from .html import read_html
from .pdf import read_pdf

READERS: dict[str, Callable[[Path], SourceText]] = {
    ".docx": read_docx,
    ".doc": read_doc,
    ".rtf": read_doc,
    ".odt": read_doc,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
}

__all__ = ["READERS", "read_doc", "read_docx", "read_html", "read_pdf"]
