"""Where an index directory keeps what: the one place that names its files.

Both the writer (``index.build``) and the reader (``index.store``) take file
names from here, so the read side never imports the write side for them.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

# 2: clauses carry lead_source (typed provenance) instead of lead_inferred_from;
# 3: clauses carry the appendix they lie under (`Clause.appendix`), which retrieval reads instead of guessing it;
# 4: documents carry the clauses stating their letterhead fields (`Document.field_lines`), which retrieval reads
# instead of searching the letterhead's text for the number, place and date, title and signer again;
# 5: clauses carry the kinds of time their thời hạn states (`Clause.deadline_kinds`, `corpus.timing`)
# (and the latest year it names, `Clause.due_year`: an index written before it reads it from the stored thời hạn,
# so it needs no new version);
# 6: a task's labelled attribute lines carry the id of the task's clause that took them in (`Clause.owning_task`,
# `corpus.structure.take_in_attribute_lines`), which retrieval reads instead of re-deriving it from line ranges and text
FORMAT_VERSION = 7

MANIFEST = "manifest.json"
PLANS = "plans.jsonl"
VECTORS = "vectors.npy"  # clause-ordered float32 rows; also the embedding cache
VECTOR_KEYS = "vector_keys.txt"  # sha1(model + passage) per row
FAISS_FILE = "vectors.faiss"
BM25_DIR = "bm25"
ABBREVIATIONS = "abbreviations.json"
# lookup tables over the plans' words (`index.lookups`); an index written before them has neither
SYLLABLES = "syllables.json"
INITIALS = "initials.npz"


def quiet_bm25s() -> None:
    """bm25s sets its logger to DEBUG when it reads or writes ``BM25_DIR``; keep its chatter out of CLI output."""
    import logging

    logging.getLogger("bm25s").setLevel(logging.WARNING)


def file_sha256(path: Path) -> str:
    """The identity of a file's bytes: a plan that did not change is not read again, a model blob is recorded."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
