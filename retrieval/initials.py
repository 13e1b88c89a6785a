"""Which runs of words does a code's letters begin? A table of every word's initial, built once per index.

A question may shorten a long name the plans spell out ("Luật BVDLCN" for "Luật bảo vệ dữ liệu cá nhân").
The table keeps one initial a word (a word: a run of letters and digits; the words of one run are apart by
spaces or tabs only, so a comma or a line break ends a run), sorted by the first MIN_LETTERS initials of
the run they begin: a code is looked up by its first letters, so a lookup costs the runs that begin like
the code, not a pass over the plans' whole text.

A unit's name is a list of fields, "A, B và C" ("Sở Văn hóa, Thể thao và Du lịch", "Lao động, Thương binh
và Xã hội", "Nông nghiệp và Môi trường"), and its code gives a letter to each field's words but none to the
commas and the "và" ("VHTTDL", "LĐTBXH", "NNMT"): a run may hold one "và" the code has no letter for, and
commas before it (or the dash of "Lao động - Thương binh và Xã hội"). A code typed with "&" or "," ("NN&MT", "VH,TT&DL") says where they stand.
"""
from __future__ import annotations

import re
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
_V = _LATIN.index("v")
AND_WORD = "và"  # the word before a name's last field ("Văn hóa, Thể thao và Du lịch"), "&" in a typed code
# what stands between two fields of one name before its "và", as normalised text writes it: a comma, or the dash
# some names keep ("Lao động - Thương binh và Xã hội")
_FIELD_GAP = re.compile(r" ?[,\-–] ?")


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

    def runs(self, code: str, joins: Sequence[tuple[int, str]] = ()) -> dict[str, int]:
        """How often the plans write each run of words whose initials spell ``code`` ("bvdlcn"), counted
        left to right without overlap, as one scan of the text would; a run with a linking word ("của",
        "các") is passed over (it still takes its words). A run may be a list of fields, "A, B và C": one
        "và" no letter stands for, commas only before it ("vhttdl": "văn hóa, thể thao và du lịch").
        ``joins``: where a code typed with marks puts them, (letter number, "&" or ","): the "và" or the
        comma stands before that letter and nowhere else ("NN&MT": code "nnmt", joins ((2, "&"),))."""
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
        found: list[tuple[int, int, str | None]] = []
        for layout in _layouts(len(allowed), joins):
            found.extend(self._matches(letters, allowed, layout))
        counts: dict[str, int] = {}
        taken = -1
        for start, end, run in sorted(found, key=lambda t: (t[0], -t[1])):
            if start < taken:
                continue
            taken = end
            if run is not None:
                counts[run] = counts.get(run, 0) + 1
        return counts

    def _matches(self, letters: str, allowed: list[tuple[int, ...]],
                 layout: dict[int, str]) -> list[tuple[int, int, str | None]]:
        """The runs one layout of the code finds: (first entry, entry past the last, the run's words or None
        when a linking word is among them). ``layout``: letter number → the mark before it."""
        kinds: list[str] = []  # each entry of the table the run takes: "," a gap, "&" the "và", "w" a lettered word
        entries: list[tuple[int, ...]] = []  # the initials each may hold
        key_letters: list[int] = []
        for i, options in enumerate(allowed):
            mark = layout.get(i)
            if mark is not None:
                kinds.append(mark)
                entries.append((_NONE,) if mark == "," else (_V,))
                key_letters.append(entries[-1][0])
            kinds.append("w")
            entries.append(options)
            key_letters.append(_LATIN.index(fold(letters[i])))
        key = 0
        for x in key_letters[:MIN_LETTERS]:
            key = key * _BASE + x
        starts = self.order[np.searchsorted(self.keys, key, "left"):np.searchsorted(self.keys, key, "right")]
        starts = starts[starts + len(entries) <= len(self.initials)]
        for i, options in enumerate(entries):
            starts = starts[np.isin(self.initials[starts + i], options)]
        out: list[tuple[int, int, str | None]] = []
        for start in starts.tolist():
            run = self._read(start, kinds)
            if run is not False:
                out.append((start, start + len(kinds), run))
        return out

    def _read(self, start: int, kinds: list[str]) -> str | None | bool:
        """The words of the entries from ``start`` as the plans write them ("văn hóa, thể thao và du lịch"),
        None when a word other than the layout's "và" is a linking word, False when the entries are not the
        layout's: a comma entry that is another gap (a line break, a dash, a digit), a "v" word that is not
        "và", words of two clauses."""
        where = self.where[start:start + len(kinds)].tolist()
        if kinds == ["w"] * len(kinds):  # a plain run: the table's own gaps already end it
            pos, first = where[0]
            words = clause_words(self._clauses[pos])[first:first + len(kinds)]
            return None if LINKING_WORDS.intersection(words) else " ".join(words)
        at = [w for w, k in zip(where, kinds) if k != ","]
        pos, first = at[0]
        if any(w != [pos, first + n] for n, w in enumerate(at)):
            return False
        text = normalize(self._clauses[pos].text).lower()
        spans = list(_WORD.finditer(text))
        out: list[str] = []
        named: list[str] = []
        n = first
        for kind in kinds:
            if kind == ",":
                if not _FIELD_GAP.fullmatch(text, spans[n - 1].end(), spans[n].start()):
                    return False
                out[-1] += "," if "," in text[spans[n - 1].end():spans[n].start()] else " -"
                continue
            word = spans[n].group()
            n += 1
            if kind == "&" and word != AND_WORD:
                return False
            out.append(word)
            if kind == "w":
                named.append(word)
        return None if LINKING_WORDS.intersection(named) else " ".join(out)


def _layouts(n: int, joins: Sequence[tuple[int, str]]) -> list[dict[int, str]]:
    """Where the commas and the "và" of a code of ``n`` letters may stand: as typed (``joins``), or, for a
    code typed without marks, nowhere, or one "và" before some letter and commas before letters before it."""
    if joins:
        return [dict(joins)]
    out: list[dict[int, str]] = [{}]
    for va in range(1, n):
        for mask in range(1 << (va - 1)):
            layout = {i: "," for i in range(1, va) if mask >> (i - 1) & 1}
            layout[va] = "&"
            out.append(layout)
    return out
