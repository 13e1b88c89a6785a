"""When-questions (issue #10): the kind of time a question asks for meets the kind a clause's thời hạn states.

`corpus.timing` reads both with one vocabulary: `Clause.deadline_kinds` when the corpus reads a thời hạn,
`Question.time_asked` when a question is analysed. Wordings from several real documents (a roadmap by stages, a
campaign plan, a law-implementation plan, a training centre's rules, an inspection regulation, a digital-economy
plan), synthetic here.
"""
from __future__ import annotations

import pytest

from corpus.model import Clause
from corpus.timing import TIME_KINDS, deadline_kinds, due_year, time_asked
from retrieval.query import folded
from retrieval.signals import SIGNALS, clause_table, time_title
from snippets import clause, parse_md

# (a thời hạn as plans write it, the kinds it states)
STATED = [
    ("Giai đoạn 2025 - 2030", ("period",)),  # a roadmap's stage
    ("năm 2026 - 2027", ("period",)),  # a national plan's table column
    ("Từ tháng 10/2025 đến khi tổ chức thành công Đại hội Đại biểu toàn quốc lần thứ XIV của Đảng",
     ("start", "end")),  # a campaign's time
    ("Quý IV năm 2025 và các năm tiếp theo", ("start",)),  # a law-implementation plan's labelled line
    ("từ ngày 01 tháng 01 năm 2026", ("start",)),
    ("Quý IV/2026", ("end",)),  # a task table's thời hạn column
    ("trước ngày 15/12 hằng năm", ("end", "recurring")),  # a yearly report's day
    ("định kỳ 6 tháng, hằng năm", ("recurring",)),
    ("Tháng 11 hằng năm", ("recurring",)),
    ("Thường xuyên", ("recurring",)),
    ("hàng quý", ("recurring",)),  # a digital-economy plan's report
    ("trước ngày 16 hàng tháng", ("end", "recurring")),  # a monthly report's day
    ("Mỗi năm tổ chức ít nhất 01 lần", ("recurring",)),
    ("chậm nhất 03 ngày kể từ ngày nhận kết quả chấm bài thu hoạch", ("end", "duration")),  # a training centre's rules
    ("trong thời hạn 03 ngày làm việc kể từ ngày quyết định kiểm tra được ban hành", ("duration",)),  # an inspection
    ("Không quá 30 (ba mươi) ngày", ("duration",)),
    ("Sau khi Nghị định quy định chi tiết thi hành Luật được ban hành", ("event",)),
]


@pytest.mark.parametrize("value,kinds", STATED)
def test_a_deadline_states_its_kinds_of_time(value, kinds):
    assert deadline_kinds(value) == kinds


@pytest.mark.parametrize("value, year", [
    ("giai đoạn 2026 - 2030", 2030), ("Quý IV/2027", 2027), ("Đến năm 2030", 2030), ("Giai đoạn năm 2026", 2026),
    ("trước 30/6/2026", 2026), ("Hằng năm", None), ("Thường xuyên", None), (None, None)])
def test_a_deadline_is_due_in_the_latest_year_it_names(value, year):
    assert due_year(value) == year


def test_no_deadline_states_no_kind():
    assert deadline_kinds(None) == () and deadline_kinds("") == ()


# (a question as people ask it, the kinds of time it asks for)
ASKED = [
    ("Lộ trình đổi mới công nghệ của Đồng Tháp chia làm mấy giai đoạn, là những giai đoạn nào?", ("period",)),
    ("Trung tâm đổi mới sáng tạo cấp tỉnh được xây dựng trong giai đoạn nào?", ("period",)),
    ("Kế hoạch 982/KH-UBND: đợt thi đua được thực hiện từ khi nào đến khi nào?", ("period",)),
    ("Đợt thi đua chào mừng Đại hội XIV ở tỉnh Đắk Lắk diễn ra từ khi nào?", ("start",)),
    ("Lai Chau tuyen truyen luat tieu chuan quy chuan sua doi bat dau tu luc nao?", ("start",)),
    ("Nghệ An đợt thi đua chào mừng Đại hội XIV: lúc nào kết thúc?", ("end",)),
    ("Hạn chót các sở báo cáo kết quả về Sở KH&CN là ngày nào?", ("end",)),
    ("Bao lâu một lần Đồng Nai điều tra, công bố kết quả thống kê các chỉ tiêu kinh tế số?", ("recurring",)),
    ("Giáo vụ phải công bố điểm trong mấy ngày?", ("duration",)),
    ("Trưởng đoàn kiểm tra phải báo trước cho đối tượng kiểm tra trong bao lâu?", ("duration",)),
    ("Khi nào triển khai cơ sở dữ liệu quy hoạch?", ()),  # a plain "khi nào": any kind answers
]


@pytest.mark.parametrize("question,kinds", ASKED)
def test_a_question_asks_for_its_kinds_of_time(question, kinds):
    assert time_asked(folded(question)) == kinds


def test_both_sides_name_the_same_kinds():
    every = {k for _, ks in STATED for k in ks} | {k for _, ks in ASKED for k in ks}
    assert every <= set(TIME_KINDS)


def test_the_corpus_reads_the_kinds_of_each_clause_time():
    plan = parse_md(
        "**V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN**\n\n**1. Thời gian thực hiện**\n\n"
        "Đợt thi đua được triển khai thực hiện từ ngày ban hành Kế hoạch đến khi tổ chức thành công Đại hội.\n\n"
        "**III. LỘ TRÌNH THỰC HIỆN**\n\n**1. Giai đoạn 2025 - 2030**\n\n"
        "- Xây dựng Trung tâm đổi mới sáng tạo cấp tỉnh, kết nối viện, trường, doanh nghiệp.\n\n"
        "**IV. NHIỆM VỤ**\n\n1. Tuyên truyền, phổ biến nội dung Luật.\n\n"
        "- Thời gian thực hiện: Quý IV năm 2025 và các năm tiếp theo.\n")
    assert set(clause(plan, "Đợt thi đua").deadline_kinds) == {"start", "end"}
    assert clause(plan, "- Xây dựng Trung tâm").deadline_kinds == ("period",)  # the stage it lies under
    assert clause(plan, "- Thời gian thực hiện").deadline_kinds == ("start",)


def test_the_kinds_are_stored_with_the_clause_and_read_from_an_older_index():
    c = Clause(id="d:1", doc_id="d", kind="bullet", label="-", section_path=[], text="Báo cáo kết quả", source="d.md",
               lines=(1, 1), deadline="định kỳ hằng quý năm 2026", deadline_kinds=("recurring",), due_year=2026)
    stored = c.to_dict()
    read = Clause.from_dict(stored, "d")
    assert (read.deadline_kinds, read.due_year) == (("recurring",), 2026)
    del stored["deadline_kinds"], stored["due_year"]  # an index written before the fields: read from the thời hạn
    read = Clause.from_dict(stored, "d")
    assert (read.deadline_kinds, read.due_year) == (("recurring",), 2026)


def test_the_corpus_reads_the_due_year_once_with_the_kinds():
    plan = parse_md(
        "**IV. NHIỆM VỤ**\n\n1. Tuyên truyền, phổ biến nội dung Luật.\n\n"
        "- Thời gian thực hiện: Quý IV năm 2025 và các năm tiếp theo.\n\n"
        "2. Báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ.\n\n- Thời gian: hàng quý.\n")
    assert clause(plan, "- Thời gian thực hiện").due_year == 2025
    assert clause(plan, "- Thời gian: hàng quý").due_year is None


def test_a_clause_under_a_time_heading_states_its_part_time():
    plan = parse_md(
        "**V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN**\n\n**1. Thời gian thực hiện**\n\n"
        "Đợt thi đua được triển khai thực hiện từ ngày ban hành Kế hoạch.\n\n"
        "**2. Trách nhiệm thực hiện**\n\n- Sở Nội vụ hướng dẫn khen thưởng.\n\n"
        "**3. Tiến độ thực hiện**\n\nHoàn thành trong Quý IV/2026.\n")
    titled = {c.text[:20]: bool(v) for c, v in zip(plan.clauses, clause_table(plan.clauses).time_titled)}
    assert titled["1. Thời gian thực hi"] and titled["Đợt thi đua được tri"] and titled["Hoàn thành trong Quý"]
    assert not titled["- Sở Nội vụ hướng dẫ"]
    assert time_title(clause(plan, "3. Tiến độ"))


def test_the_time_signals_are_declared_with_their_reasons():
    assert "giai đoạn nào" in SIGNALS["time_kind_asked"].doc
    assert "time of its part" in SIGNALS["time_section_asked"].doc
