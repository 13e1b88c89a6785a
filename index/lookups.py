"""Tables over the plans' words that the retriever looks things up in, built with the index and stored in it.

- `SyllableCounts`: each accented syllable the plans write, under its folded form, and how often one follows
  another — what `retrieval.accents` puts the marks of a question typed without them back from;
- `WordInitials`: every word's initial in clause order — where `retrieval.initials` looks a code's long
  form up ("BVDLCN" → "bảo vệ dữ liệu cá nhân").

Both are pure functions of the clauses' text, read in one pass over every clause (about 0.8 s and 0.65 s on
44 plans): the build pays it once instead of the first question of every process. An index written before
they were stored has neither file; the retriever then builds them on first use, as before.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from corpus.model import Clause
from corpus.text import VIETNAMESE_LOWER, fold_same_length, nfc

from .text import fold, normalize

SYLLABLE = re.compile(r"\w+", re.UNICODE)


@dataclass
class SyllableCounts:
    """Folded syllable → its accented forms with how often each is written (forms in the order first
    written), and how often each form follows another (``bigram``)."""

    unigram: dict[str, Counter]
    bigram: Counter

    @classmethod
    def of(cls, texts: Iterable[str]) -> "SyllableCounts":
        counts = cls(defaultdict(Counter), Counter())
        for text in texts:
            counts.add(text)
        return counts

    def add(self, text: str, weight: int = 1) -> None:
        """Count ``text``'s syllables ``weight`` times; digits and other non-letters break the chain."""
        prev = None
        for m in SYLLABLE.finditer(nfc(text).lower()):
            w = m.group()
            if not w.isalpha():
                prev = None
                continue
            self.unigram.setdefault(fold_same_length(w), Counter())[w] += weight
            if prev is not None:
                self.bigram[(prev, w)] += weight
            prev = w

    def copy(self) -> "SyllableCounts":
        return SyllableCounts({f: Counter(c) for f, c in self.unigram.items()}, Counter(self.bigram))

    def save(self, path: Path) -> None:
        data = {"unigram": self.unigram, "bigram": [[a, b, n] for (a, b), n in self.bigram.items()]}
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "SyllableCounts":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls({f: Counter(forms) for f, forms in data["unigram"].items()},
                   Counter({(a, b): int(n) for a, b, n in data["bigram"]}))


WORD = re.compile(r"\w+")
GAP = re.compile(r"[ \t]+")  # the words of one run are apart by spaces or tabs only
LATIN = "abcdefghijklmnopqrstuvwxyz"
D_STROKE = len(LATIN)  # "Đ" begins only đ-words; a code's "D" may be a đ typed without its stroke
NO_INITIAL = D_STROKE + 1  # a word no code letter begins (a digit, "_", another script), and the end of a run
INITIAL = {ch: D_STROKE if ch == "đ" else LATIN.index(fold(ch)) for ch in VIETNAMESE_LOWER}


@dataclass
class WordInitials:
    """Every word's initial in clause order, `NO_INITIAL` between runs (``initials``, uint8), and for each
    entry the clause position and word number it stands for (``where``, int32 pairs; (-1, -1) between runs)."""

    initials: np.ndarray
    where: np.ndarray

    @classmethod
    def of(cls, clauses: Sequence[Clause]) -> "WordInitials":
        initials: list[int] = []
        where: list[tuple[int, int]] = []
        for pos, c in enumerate(clauses):
            text = normalize(c.text).lower()
            end = None
            for i, m in enumerate(WORD.finditer(text)):
                if end is not None and not GAP.fullmatch(text, end, m.start()):
                    initials.append(NO_INITIAL)
                    where.append((-1, -1))
                initials.append(INITIAL.get(m.group()[0], NO_INITIAL))
                where.append((pos, i))
                end = m.end()
            initials.append(NO_INITIAL)
            where.append((-1, -1))
        return cls(np.asarray(initials, dtype=np.uint8), np.asarray(where, dtype=np.int32).reshape(-1, 2))

    def save(self, path: Path) -> None:
        with open(path, "wb") as f:
            np.savez(f, initials=self.initials, where=self.where)

    @classmethod
    def load(cls, path: Path) -> "WordInitials":
        with np.load(path) as data:
            return cls(np.asarray(data["initials"], dtype=np.uint8), np.asarray(data["where"], dtype=np.int32))


def write_lookups(out: Path, clauses: Sequence[Clause], accents_file: str, initials_file: str) -> None:
    """Both tables of the clauses, into the index folder being written."""
    SyllableCounts.of(c.text for c in clauses).save(out / accents_file)
    WordInitials.of(clauses).save(out / initials_file)
