"""A one-letter Vietnamese syllable is a word on both sides: "y" of "y tế", "ý" of "ý kiến", "ô" of "ô nhiễm" stay
among a question's content words and in its word pairs, as the clause side (`Evidence.words`, BM25) keeps them; a
consonant alone ("b)", "x") and a number are no word. Wordings from three kinds of plan: a health target, a law's
consultation step, an environment task."""
from __future__ import annotations

import re

from corpus.text import is_content_syllable, word_pairs
from retrieval.evidence import Evidence
from retrieval.query import Question, analyse, folded


class _Words:
    """What `Evidence.subject_words` / `subject_pairs` read besides the question: folded words, no plan named."""

    def words(self, text: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", folded(text))

    def plan_name_words(self, q: Question) -> tuple[str, ...]:
        return ()

    def subject_words(self, q: Question) -> tuple[str, ...]:
        return Evidence.subject_words(self, q)  # type: ignore[arg-type]


def _pairs(text: str) -> tuple[str, ...]:
    return Evidence._read_subject_pairs(_Words(), analyse(text, {}, []))  # type: ignore[arg-type]


def test_vowel_syllables_are_words_and_consonants_and_numbers_are_not():
    assert all(is_content_syllable(w) for w in ("y", "o", "a", "te", "kien"))
    assert not any(is_content_syllable(w) for w in ("b", "x", "d", "2030", "5"))


def test_a_questions_one_letter_syllable_keeps_its_word_pair_as_the_clause_writes_it():
    for question, pair, clause in (
            ("Số giường y tế xã trên vạn dân năm 2030 là bao nhiêu?", "y te", "Đạt 35 giường bệnh/vạn dân, giường y tế xã"),
            ("Lấy ý kiến góp ý dự thảo nghị định hoàn thành khi nào?", "y kien", "Tổ chức lấy ý kiến góp ý dự thảo"),
            ("Tỷ lệ xử lý ô nhiễm môi trường làng nghề là bao nhiêu?", "o nhiem", "Xử lý ô nhiễm môi trường làng nghề")):
        q = analyse(question, {}, [])
        assert pair.split()[0] in q.key_tokens, question
        assert pair in q.key_bigrams, question
        assert pair in _pairs(question), question
        assert pair in word_pairs(_Words().words(clause)), clause
