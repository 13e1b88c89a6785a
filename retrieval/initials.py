"""Which runs of words does a code's letters begin? A table of every word's initial, built once per index.

A question may shorten a long name the plans spell out ("Luật BVDLCN" for "Luật bảo vệ dữ liệu cá nhân").
The table keeps one initial a word (a word: a run of letters and digits; the words of one run are apart by
spaces or tabs only, so a comma or a line break ends a run), sorted by the first MIN_LETTERS initials of
the run they begin: a code is looked up by its first letters, so a lookup costs the runs that begin like
the code, not a pass over the plans' whole text.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from corpus.model import Clause
from corpus.text import LINKING_WORDS
from index.lookups import D_STROKE as _D_STROKE
from index.lookups import LATIN as _LATIN
from index.lookups import NO_INITIAL as _NONE
from index.lookups import WORD as _WORD
from index.lookups import WordInitials
from index.text import fold, normalize

MIN_LETTERS = 4  # the shortest code looked up (retrieval.evidence._CODE): the table is sorted by this many initials

_BASE = _NONE + 1


def clause_words(c: Clause) -> list[str]:
    """A clause's words as the table counts them (lower-cased, normalised)."""
    return _WORD.findall(normalize(c.text).lower())


class InitialsTable:
    """Every word's initial in clause order (`_NONE` between runs; `index.lookups.WordInitials`, stored with
    the index or read from the clauses), and the positions sorted by the initials (đ read as d) of the
    MIN_LETTERS words from there."""

    def __init__(self, clauses: Sequence[Clause], words: WordInitials | None = None) -> None:
        self._clauses = clauses
        words = words if words is not None else WordInitials.of(clauses)
        self.initials = words.initials
        self.where = words.where
        keys = self._keys(self.initials)
        self.order = np.argsort(keys, kind="stable")  # positions by key, in text order within a key
        self.keys = keys[self.order]

    @staticmethod
    def _keys(initials: np.ndarray) -> np.ndarray:
        """The first MIN_LETTERS initials from each position as one number (đ read as d)."""
        folded = np.where(initials == _D_STROKE, _LATIN.index("d"), initials).astype(np.int64)
        padded = np.concatenate([folded, np.full(MIN_LETTERS, _NONE, dtype=np.int64)])
        keys = np.zeros(len(initials), dtype=np.int64)
        for i in range(MIN_LETTERS):
            keys = keys * _BASE + padded[i:i + len(initials)]
        return keys

    def runs(self, code: str, joined_at: int | None = None) -> dict[str, int]:
        """How often the plans write each run of words whose initials spell ``code`` ("bvdlcn"), counted
        left to right without overlap, as one scan of the text would; a run with a linking word ("của",
        "và") is passed over (it still takes its words) — but for the "và" at ``joined_at``, the word a
        code written with "&" stands for ("NN&MT": "nông nghiệp và môi trường", code "nnvmt", joined at 2)."""
        letters = normalize(code)
        allowed: list[tuple[int, ...]] = []
        for x in letters:
            if x == "đ":
                allowed.append((_D_STROKE,))
            elif x in _LATIN:
                allowed.append((_LATIN.index(x), _D_STROKE) if x == "d" else (_LATIN.index(x),))
            else:
                return {}
        if len(allowed) < MIN_LETTERS:
            raise ValueError(f"a code has at least {MIN_LETTERS} letters: {code!r}")
        key = 0
        for x in letters[:MIN_LETTERS]:
            key = key * _BASE + _LATIN.index(fold(x))
        starts = self.order[np.searchsorted(self.keys, key, "left"):np.searchsorted(self.keys, key, "right")]
        starts = starts[starts + len(allowed) <= len(self.initials)]
        for i, options in enumerate(allowed):
            starts = starts[np.isin(self.initials[starts + i], options)]
        counts: dict[str, int] = {}
        taken = -1
        for start in starts.tolist():
            if start < taken:
                continue
            taken = start + len(allowed)
            pos, first = self.where[start].tolist()
            words = clause_words(self._clauses[pos])[first:first + len(allowed)]
            if joined_at is not None:
                if len(words) <= joined_at or words[joined_at] != "và":
                    continue
                rest = words[:joined_at] + words[joined_at + 1:]
            else:
                rest = words
            if not LINKING_WORDS.intersection(rest):
                run = " ".join(words)
                counts[run] = counts.get(run, 0) + 1
        return counts
