"""The accent and initials tables are built with the index and stored in it (`index.lookups`): a loaded
index reads them instead of rebuilding them on its first question, and an index written before they were
stored still works by building them on first use."""
from __future__ import annotations

import numpy as np
import pytest

from index import layout
from index.lookups import SyllableCounts, WordInitials
from index.store import IndexLoadError
from retrieval import Retriever
from retrieval.accents import AccentRestorer
from retrieval.initials import InitialsTable

NO_MARKS = "ai chu tri kiem tra an toan thuc pham"


def _refuse_to_build(monkeypatch) -> None:
    """Reading either table from the clauses fails the test: the index must hand them over."""
    def refuse(*_a, **_k):
        raise AssertionError("a lookup table was rebuilt from the clauses")
    monkeypatch.setattr(SyllableCounts, "of", classmethod(refuse))
    monkeypatch.setattr(WordInitials, "of", classmethod(refuse))


def test_a_loaded_index_reads_its_tables_and_does_not_rebuild_them(sample_index, monkeypatch):
    assert (sample_index / layout.SYLLABLES).exists() and (sample_index / layout.INITIALS).exists()
    r = Retriever.load(sample_index)
    _refuse_to_build(monkeypatch)
    assert r.accents.restore(NO_MARKS) != NO_MARKS
    assert isinstance(r.evidence._initials, InitialsTable)
    r.ask("Ai chủ trì kiểm tra ATTP?")


def test_the_stored_tables_are_the_ones_the_clauses_give(sample_index):
    r = Retriever.load(sample_index)
    stored = r.store.word_initials()
    fresh = WordInitials.of(r.store.clauses)
    assert np.array_equal(stored.initials, fresh.initials) and np.array_equal(stored.where, fresh.where)
    texts = [c.text for c in r.store.clauses]
    counts = r.store.syllable_counts()
    again = SyllableCounts.of(texts)
    assert counts.unigram == again.unigram and counts.bigram == again.bigram
    for f in counts.unigram:  # forms in the order first written: the restorer's tie-break depends on it
        assert list(counts.unigram[f]) == list(again.unigram[f])
    assert AccentRestorer(counts).restore(NO_MARKS) == AccentRestorer.from_texts(texts).restore(NO_MARKS)


def test_an_index_written_before_the_tables_builds_them_on_first_use(sample_index, copy_of):
    old = copy_of(sample_index)
    (old / layout.SYLLABLES).unlink()
    (old / layout.INITIALS).unlink()
    r = Retriever.load(old)
    assert r.store.syllable_counts() is None and r.store.word_initials() is None
    assert r.accents.restore(NO_MARKS) == Retriever.load(sample_index).accents.restore(NO_MARKS)
    assert r.evidence._initials.runs("ATTP") == Retriever.load(sample_index).evidence._initials.runs("ATTP")


def test_a_broken_table_is_a_one_line_load_error(sample_index, copy_of):
    broken = copy_of(sample_index)
    (broken / layout.SYLLABLES).write_text("{not json", encoding="utf-8")
    r = Retriever.load(broken)
    with pytest.raises(IndexLoadError, match="syllables.json"):
        r.accents.restore(NO_MARKS)
