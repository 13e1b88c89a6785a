"""A unit a duties question names is matched to the plans' typed leads by its words, across wordings."""
from __future__ import annotations

import pytest

from corpus.model import units_of
from retrieval.query import Question, folded
from retrieval.strategies import unit_match, units_named
from tests.snippets import unit_words

def q(text: str) -> Question:
    return Question(text=text, folded=folded(text), qtype="duties")


@pytest.mark.parametrize("question, lead", [
    ("Sở Nội vụ TP.HCM phải làm những gì theo kế hoạch?", "Sở Nội vụ, Sở Giáo dục và Đào tạo, Sở Tài chính"),
    ("UBND cấp xã ở Đồng Tháp phải làm gì?", "Ủy ban nhân dân cấp xã"),
    ("UBND phường, xã, đặc khu ở TP.HCM phải làm gì?", "Ủy ban nhân dân phường, xã, đặc khu"),
    ("Các cơ quan, đơn vị, địa phương ở Đắk Lắk phải làm gì?", "Các cơ quan, đơn vị, địa phương, doanh nghiệp"),
    ("Bộ Công an phải làm gì theo Kế hoạch?", "Bộ Công an"),
])
def test_a_unit_is_named_by_the_words_of_its_lead(question, lead):
    assert unit_match(tuple(unit_words(question)), lead, units_of(lead), unit_words) >= 3


@pytest.mark.parametrize("question, lead", [
    ("Sở Tài chính phải làm gì?", "Sở Nội vụ"),
    ("Ban Quản lý Khu kinh tế có nhiệm vụ gì?", "Ban Chỉ huy quân sự xã"),
    # a long unit named only in part (3 of 8): another Ban Quản lý
    ("Ban Quản lý dự án làm gì?", "Ban Quản lý các khu công nghiệp tỉnh"),
])
def test_a_different_unit_is_no_match(question, lead):
    assert unit_match(tuple(unit_words(question)), lead, units_of(lead), unit_words) == 0


def test_the_leads_matching_by_the_most_words_are_the_units_asked_about():
    leads = {lead: units_of(lead) for lead in ["Ủy ban nhân dân tỉnh", "Ủy ban nhân dân cấp xã", "Sở Xây dựng",
                                                "Ủy ban nhân dân cấp xã, Sở Xây dựng"]}
    assert units_named(q("UBND cấp xã phải làm gì?"), leads, unit_words) == {
        "Ủy ban nhân dân cấp xã", "Ủy ban nhân dân cấp xã, Sở Xây dựng"}
    assert units_named(q("Sở Xây dựng có nhiệm vụ gì?"), leads, unit_words) == {
        "Sở Xây dựng", "Ủy ban nhân dân cấp xã, Sở Xây dựng"}
    assert units_named(q("Hội Nông dân làm gì?"), leads, unit_words) == set()
    # a shorter lead the question's unit begins with loses to the unit itself
    assert units_named(q("Sở Khoa học và Công nghệ làm gì?"), {"Sở Khoa học": ("Sở Khoa học",),
                       "Sở Khoa học và Công nghệ": ("Sở Khoa học và Công nghệ",)}, unit_words) == {"Sở Khoa học và Công nghệ"}


def test_a_lead_is_matched_by_the_units_the_corpus_read_not_by_cutting_its_text():
    """The units are typed data on the clause: a unit in the list matches even where the lead's text
    would not be cut there, and a lead whose list is empty matches only as a whole."""
    question = tuple(unit_words("Sở Tài chính phải làm gì?"))
    assert unit_match(question, "Sở Nội vụ và Sở Tài chính", ("Sở Nội vụ", "Sở Tài chính"), unit_words) == 3
    assert unit_match(question, "Sở Nội vụ và Sở Tài chính", (), unit_words) == 0


@pytest.mark.parametrize("question, asks", [
    ("Có những kế hoạch nào về phát triển hạ tầng 5G, IoT trong các khu công nghiệp?", True),
    ("Những tỉnh nào ban hành kế hoạch thi đua chào mừng Đại hội XIV?", True),
    ("Những luật nào có kế hoạch triển khai thi hành?", True),
    ("tinh dong thap co nhung ke hoach nao", True),
    ("Trong các kế hoạch thi đua, cơ quan nào được giao tham mưu khen thưởng?", False),
    ("Những xã nào đặt mục tiêu tỷ lệ tham gia BHYT trên 95%?", False),  # the figures, not the plans
    ("Để đơn giản hóa thủ tục này, Đồng Nai kiến nghị sửa đổi văn bản nào?", False),  # a document it cites
    ("Đợt thi đua này phải quán triệt những văn bản nào?", False),
])
def test_a_question_asking_which_plans_there_are_is_told_from_one_asking_what_they_say(question, asks):
    from retrieval.strategies import asks_plans
    assert asks_plans(q(question)) is asks
