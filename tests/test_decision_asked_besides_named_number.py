""""Quyết định nào" asks the plan's own number line only when the question names no document by its number: a
question naming one ("QĐ 5042/QĐ-BNNMT bãi bỏ quyết định nào?") has named the plan, and asks another decision (one
it repeals, implements or cites), which the plan's text states, not its letterhead (`query.role_flags`)."""
from __future__ import annotations

from retrieval.query import folded, numbers_named, role_flags


def flags(text: str):
    return role_flags(folded(text), numbers_named(text))


def test_a_question_naming_a_number_asks_another_decision_not_the_number_line():
    # the ministry's decision repealing an older one; a province's plan implementing a decision; a law's plan
    assert not flags("QĐ 5042/QĐ-BNNMT bãi bỏ quyết định nào?").asks_number
    assert not flags("Quyết định 5042/QĐ-BNNMT bãi bỏ quyết định nào trước đó?").asks_number
    assert not flags("Kế hoạch 597/KH-UBND được ban hành để triển khai quyết định nào của Thủ tướng?").asks_number
    assert not flags("Kế hoạch số 179/KH-UBND của Đồng Nai thực hiện quyết định nào về kinh tế số?").asks_number


def test_without_a_number_named_quyet_dinh_nao_still_asks_the_number_line():
    assert flags("Kế hoạch thi đua chào mừng Đại hội XIV của Đắk Lắk ban hành theo quyết định nào?").asks_number
    assert flags("Danh mục thủ tục hành chính nội bộ được công bố tại quyết định nào?").asks_number


def test_other_number_wordings_are_read_as_before_whatever_is_named():
    # "kèm theo", "số hiệu", "ngày ban hành" ask the letterhead even when a number is named
    assert flags("Kế hoạch 597/KH-UBND ban hành kèm theo văn bản nào?").asks_number
    assert flags("Số hiệu của kế hoạch thực hiện Quyết định 1667/QĐ-BNNMT là gì?").asks_number
    assert flags("Quyết định 2816/QĐ-UBND có ngày ban hành là ngày nào?").asks_number
