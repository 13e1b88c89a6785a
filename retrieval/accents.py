"""Diacritics put back on a question typed without them, from the plans' own words, for the dense search.

Users often type Vietnamese without marks ("ai chu tri kiem tra thi hanh luat"). BM25 folds both sides,
so it is not hurt; the encoder is: e5 reads "chu tri" as other words than "chủ trì", and the dense search
for such a question finds letterheads and footers. Each folded syllable of the question is given the
accented form the indexed plans use for it, chosen left to right by how often the plans write that form
after the previous syllable's chosen form (then by how often they write it at all). Only words the plans
contain are restored; anything else is kept as typed. The BM25 query and the question's analysis are
unchanged: only the text embedded for the dense search is restored.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Iterable

from index.lookups import SYLLABLE as _SYLLABLE
from index.lookups import SyllableCounts

MIN_BARE_SHARE = 0.95  # a question is typed without marks when this share of its letters carry none


def typed_without_marks(text: str) -> bool:
    """The question's letters carry (almost) no marks: restoring them can only help the encoder."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) >= MIN_BARE_SHARE * len(letters)


# Words a question has and a plan rarely writes: seeded once, so "bao nhieu" reads "bao nhiêu", not "bảo nhiều".
QUESTION_WORDS = ("bao nhiêu", "bao lâu", "bao giờ", "ở đâu", "về đâu", "khi nào", "là gì", "những gì", "làm gì",
                  "được không", "có không", "mấy", "ai", "nào")
QUESTION_WORD_WEIGHT = 50  # as if each were written this many times in the plans
SMOOTHING = 30.0  # Dirichlet weight of a syllable's own frequency where the plans never write the pair
UNSEEN_COUNT = 0.5  # added to every syllable's count, so one the plans never write is unlikely, not impossible


class AccentRestorer:
    """Folded syllable → the plans' accented forms, with how often each is written and follows another.

    The choice is the most likely sequence (Viterbi over the syllables of a run of folded words) under a
    bigram model of the plans' text smoothed by single-syllable frequency. The counts come with the index
    (`index.lookups.SyllableCounts`, stored at build) or are read from the plans' texts (`from_texts`)."""

    def __init__(self, plan_counts: SyllableCounts) -> None:
        counts = plan_counts.copy()  # the question words are seeded on a copy: the index's table stays as stored
        for text in QUESTION_WORDS:
            counts.add(text, QUESTION_WORD_WEIGHT)
        unigram, bigram = counts.unigram, counts.bigram
        self._forms = {f: tuple(c) for f, c in unigram.items()}
        self._count = Counter({w: n for c in unigram.values() for w, n in c.items()})
        self._total = max(1, sum(self._count.values()))
        self._bigram = bigram

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "AccentRestorer":
        return cls(SyllableCounts.of(texts))

    def _logp(self, prev: str | None, w: str) -> float:
        p_uni = (self._count[w] + UNSEEN_COUNT) / self._total
        if prev is None:
            return math.log(p_uni)
        return math.log((self._bigram.get((prev, w), 0) + SMOOTHING * p_uni) / (self._count[prev] + SMOOTHING))

    def _best(self, words: list[str]) -> list[str]:
        """Viterbi over the candidate forms of each folded syllable."""
        lattice = [self._forms[w] for w in words]
        score = {c: self._logp(None, c) for c in lattice[0]}
        back: list[dict[str, str]] = []
        for forms in lattice[1:]:
            new, ptr = {}, {}
            for c in forms:
                prev, s = max(((p, ps + self._logp(p, c)) for p, ps in score.items()), key=lambda t: t[1])
                new[c], ptr[c] = s, prev
            score = new
            back.append(ptr)
        last = max(score, key=score.get)
        out = [last]
        for ptr in reversed(back):
            out.append(ptr[out[-1]])
        return out[::-1]

    def restore(self, text: str) -> str:
        """The question with each run of folded syllables the plans know written as they write it."""
        tokens = list(_SYLLABLE.finditer(text))
        chosen: dict[int, str] = {}
        run: list[int] = []

        def flush() -> None:
            if run:
                for i, form in zip(run, self._best([tokens[i].group().lower() for i in run])):
                    chosen[i] = form
                run.clear()

        for i, m in enumerate(tokens):
            low = m.group().lower()
            # an acronym or code ("IoT", "KCN", "TP") is kept as typed
            if low.isascii() and low.isalpha() and low in self._forms and not any(ch.isupper() for ch in m.group()[1:]):
                if run and text[tokens[run[-1]].end():m.start()].strip():
                    flush()  # punctuation between: a new run
                run.append(i)
            else:
                flush()
        flush()
        out, pos = [], 0
        for i, m in enumerate(tokens):
            out.append(text[pos:m.start()])
            pos = m.end()
            w = m.group()
            form = chosen.get(i, w)
            if i in chosen:
                form = form.upper() if w.isupper() and len(w) > 1 else form.capitalize() if w[0].isupper() else form
            out.append(form)
        out.append(text[pos:])
        return "".join(out)
