"""The one text toolkit (corpus.text): every stage folds, normalises and splits words the same way."""
from __future__ import annotations

import pytest

import corpus.vocabulary
import index.text
from corpus import text as T


@pytest.mark.parametrize("raw, folded", [
    ("Chủ trì", "chu tri"), ("ĐẢNG ỦY", "dang uy"), ("Hoá  Đức", "hoa duc"), ("khoẻ", "khoe"),
    ("Thủy sản", "thuy san"), ("thuỷ sản", "thuy san"),
])
def test_fold_drops_diacritics_case_and_tone_placement(raw, folded):
    assert T.fold(raw) == folded


def test_strip_marks_keeps_case_and_length_so_offsets_carry_over():
    s = "Phòng Văn hóa - Xã hội ĐƯỢC giao"
    out = T.strip_marks(s)
    assert out == "Phong Van hoa - Xa hoi DUOC giao" and len(out) == len(s)
    assert len(T.fold_same_length("Ủy ban İstanbul")) == len("Ủy ban İstanbul")


def test_decomposed_input_folds_like_composed():
    import unicodedata

    s = "Hội Nông dân xã Hòa Bình"
    assert T.fold(unicodedata.normalize("NFD", s)) == T.fold(s) == "hoi nong dan xa hoa binh"


def test_unify_tone_keeps_case_and_closed_syllables():
    assert T.unify_tone("Hoá Thuỷ Uỷ ban hoàng thuyền quý") == "Hóa Thủy Ủy ban hoàng thuyền quý"


def test_fold_words_and_word_pairs_for_phrase_evidence():
    assert T.fold_words("Xã An Hưng!  (BHYT)") == "xa an hung bhyt"
    ws = T.words("Bảo hiểm y tế, đạt 97%")
    assert ws == ["bao", "hiem", "y", "te", "dat", "97"]
    assert T.word_pairs(ws[:3]) == ["bao hiem", "hiem y"]


def test_stopwords_are_accented_so_folding_cannot_hide_content():
    assert T.is_stopword("của") and T.is_stopword("cua")
    assert T.is_stopword("trong") and not T.is_stopword("trồng")  # folded, both would be "trong"
    assert not T.is_stopword("chợ") and not T.is_stopword("đạt")


def test_corpus_and_index_use_the_one_toolkit():
    """The stages re-export the toolkit's functions, they do not keep copies."""
    assert index.text.fold is T.fold and index.text.normalize is T.normalize
    assert index.text.STOPWORDS is T.STOPWORDS
    assert corpus.vocabulary.fold is T.strip_marks
    assert corpus.vocabulary.UNIT_HEAD_RE is T.UNIT_HEAD_RE and corpus.vocabulary.ABBREVIATIONS is T.ABBREVIATIONS
    assert index.text.CURATED_ABBREVIATIONS is T.ABBREVIATIONS


def test_retrieval_folds_whole_lines_with_the_toolkits_function():
    from retrieval import query

    assert query.folded is T.folded
    assert T.folded("  Xã  Hoá Đức ") == "xa hoa duc"


def _plan_lines() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent.parent / "shared"
    lines: list[str] = []
    for d in (root / "plans", root / "real-plans"):
        for f in sorted(d.glob("*"))[:12]:
            lines += f.read_text(encoding="utf-8").splitlines()[:300]
    lines += ["Hoá  Thuỷ", "Xã AN HƯNG!", "bao hiem y te", "ĐOÀN (TNCS)"]
    return lines


def test_retrieval_and_the_bot_fold_with_the_toolkit_not_copies_of_it():
    """retrieval/query.folded and bot/telegram.fold were copies; both stages now read the toolkit's."""
    import bot.telegram
    from retrieval import query

    assert not hasattr(bot.telegram, "fold") and bot.telegram.fold_words is T.fold_words
    assert query.fold_words is T.fold_words and query.folded is T.folded
    for line in _plan_lines():
        assert T.fold(line) == query.folded(line), line
