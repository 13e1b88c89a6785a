"""One plan file → a ParsedPlan (document metadata + clauses with their facts)."""
from __future__ import annotations

import re
from pathlib import Path

from corpus.facts import assign_facts
from corpus.letterhead_lines import field_lines
from corpus.load import read_source
from corpus.metadata import extract_metadata
from corpus.model import Document, ParsedPlan, SourceText
from corpus.structure import Skeleton, build_skeleton, mark_appendices, take_in_attribute_lines


def document_id(source: str) -> str:
    """Stable id from the file name: the same plan file keeps its id when it changes."""
    p = Path(source)
    stem = re.sub(r"[^0-9A-Za-z_-]+", "-", p.stem).strip("-").lower() or "plan"
    suffix = p.suffix.lower().lstrip(".")
    return stem if suffix in ("", "txt", "md", "markdown") else f"{stem}-{suffix}"


def read_plan(src: SourceText, fingerprint: str = "") -> tuple[Document, Skeleton]:
    """The document with its letterhead read, and the clause tree with every clause's facts assigned:
    what `parse_source` returns, with the tree kept for tools that inspect how it was built."""
    doc_id = document_id(src.source)
    sk = build_skeleton(src, doc_id)
    doc = Document(id=doc_id, source=src.source, line_count=len(src.lines), fingerprint=fingerprint,
                   fmt=src.fmt, noise_lines=sk.noise)
    extract_metadata(doc, src.lines)
    mark_appendices(sk.clauses)  # before the facts: a linker tells the body's tasks from an appendix's rows
    assign_facts(sk)
    take_in_attribute_lines(sk)  # after the facts: the linkers read each labelled line on its own
    doc.field_lines = field_lines(sk.clauses, doc)
    return doc, sk


def parse_source(src: SourceText, fingerprint: str = "") -> ParsedPlan:
    doc, sk = read_plan(src, fingerprint)
    return ParsedPlan(doc, sk.clauses)


def parse_file(path: Path | str) -> ParsedPlan:
    src, fp = read_source(path)
    return parse_source(src, fp)
