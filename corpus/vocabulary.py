"""The plans' own vocabulary, re-exported from the one text toolkit (:mod:`corpus.text`).

Kept so that ``from corpus.vocabulary import …`` goes on working; new code imports corpus.text.
"""
from __future__ import annotations

from corpus.text import (
    ABBREVIATIONS,
    COLUMN_MEANINGS,
    COLUMN_TITLES,
    LEAD_COLUMNS,
    RESPONSIBILITY_VERBS,
    UNIT_HEAD_RE,
    UNIT_HEADS,
    VERB_RE,
)
from corpus.text import strip_marks as fold

__all__ = [
    "ABBREVIATIONS", "COLUMN_MEANINGS", "COLUMN_TITLES", "LEAD_COLUMNS", "RESPONSIBILITY_VERBS",
    "UNIT_HEADS", "UNIT_HEAD_RE", "VERB_RE", "fold",
]
