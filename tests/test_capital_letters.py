"""The capitals of Vietnamese, one class for every pattern that wants "a capital letter here".

A range such as "À-Ỹ" runs across both cases (it holds "à", "ư", "ở" as well as "À", "Ư", "Ở"), so a pattern
written with it took small letters for capitals: a sentence "ended" before "ước tính", a person's name went on into
"ánh", a capitals-only letterhead line took "Sở Y tế" for "SỞ Y TẾ".
"""
from __future__ import annotations

import re

import pytest

from corpus import lines, metadata, tables, targets
from corpus.text import CAPITALS, PERSON_NAME, SMALL_LETTERS

CAPITAL = re.compile(f"[{CAPITALS}]")
SMALL = re.compile(f"[{SMALL_LETTERS}]")


def test_capitals_hold_every_capital_and_no_small_letter():
    text = "Đồng Tháp Ủy ban nhân dân Ấp Ông Ươm Ở Ạ Ỹ Ễ Ơn Ư Ă Â Ê Ô"
    for ch in text.replace(" ", ""):
        assert bool(CAPITAL.match(ch)) == ch.isupper(), ch
        assert bool(SMALL.match(ch)) == ch.islower(), ch
    for ch in "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ":
        assert not CAPITAL.match(ch) and SMALL.match(ch) and CAPITAL.match(ch.upper()), ch


@pytest.mark.parametrize("name, is_name", [
    ("Hoàng Phú Hiền", True), ("Nguyễn Văn Ánh", True), ("Lê Thị Ư", False),  # "Ư" alone: no syllable
    ("Nguyễn ánh", False), ("Trần ước tính", False), ("Phạm Ứng Đạt", True),
])
def test_a_person_name_is_capitalised_syllables_only(name, is_name):
    assert bool(PERSON_NAME.match(name)) is is_name


def test_a_sentence_ends_before_a_capital_not_before_a_small_letter_with_marks():
    assert targets._SENTENCE_END.search("Tăng 10%. Ước đạt 12%")
    assert targets._SENTENCE_END.search("đạt 95%. Ủy ban nhân dân …")
    assert not targets._SENTENCE_END.search("đạt 95%. ước đạt 12%")
    assert not targets._SENTENCE_END.search("tr. ở các xã")


def test_a_decimal_label_runs_into_its_title_only_before_a_capital():
    decimal = dict(lines._LABELS)["decimal"]
    assert decimal.match("2.1Ứng dụng công nghệ")["label"] == "2.1"
    assert decimal.match("2.1 ứng dụng")["label"] == "2.1"
    assert decimal.match("2.1ứng dụng") is None


def test_a_letterhead_department_line_is_capitals_only():
    assert metadata._DEPARTMENT.search("UBND TỈNH ĐỒNG THÁP SỞ Y TẾ")
    assert not metadata._DEPARTMENT.search("UBND TỈNH ĐỒNG THÁP SỞ Y TẾ ở")


def test_a_wrapped_table_group_opens_with_a_capital():
    assert tables._GROUP_START_RX.match("II. Ứng dụng công nghệ số")
    assert not tables._GROUP_START_RX.match("II. ứng dụng công nghệ số")
