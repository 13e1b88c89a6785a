"""The answer is composed from the typed fact the question asks, taken from the clause that states it: a lead the
plan states for a task before one linked to it from elsewhere, the thời hạn when the question asks for the period,
what a bare title heads, the count of days "mấy ngày" asks; and "UBND các xã" is a unit, not a list of communes.
Wordings from several plans' layouts (a task in the body and its appendix row, a roadmap, a simplification
decision, an emulation plan, a procedure sheet)."""
from __future__ import annotations

import re

import pytest

from corpus.model import Clause, Document, LeadSource, units_of
from retrieval.answer import compose_by_plan
from retrieval.query import analyse, answer_slot, folded, question_type, role_flags
from retrieval.strategies import STRATEGIES, lead_segments, same_task, units_named


def clause(n: int, text: str, section: list[str], doc: str = "d", **kw) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kw.pop("kind", "bullet"), label=None, section_path=section,
                  text=text, source=f"{doc}.md", lines=(n, n), **kw)


def linked(n: int, text: str, section: list[str], lead: str, mechanism: str, source: int, doc: str = "d",
           **kw) -> Clause:
    """A clause whose lead another part of the plan gave it (`corpus.responsibilities.LINKERS`)."""
    return clause(n, text, section, doc, lead=lead, lead_source=LeadSource(mechanism, f"{doc}:{source:04d}",
                                                                           (source, source)), **kw)


def stated(n: int, text: str, section: list[str], lead: str, doc: str = "d", **kw) -> Clause:
    """A table row stating its own lead; its nội dung cell is the text before " — " (as the reader splits cells)."""
    return clause(n, text, section, doc, lead=lead, lead_source=LeadSource("table_column", f"{doc}:{n:04d}", (n, n)),
                  columns={"noi_dung": text.split(" — ")[0], "chu_tri": lead}, **kw)


def question(text: str):
    return analyse(text, {}, [])


@pytest.mark.parametrize("body, row, asked", [
    # a digital-economy programme: the body's task takes its lead from a cross reference ("tại mục IV, V")
    (linked(1152, "- Tổ chức các Tổ công nghệ số cộng đồng đến từng thôn, tổ dân phố với các tổ viên là cán bộ "
                  "kiêm nhiệm.", ["V. GIẢI PHÁP", "1. Tổ chức, bộ máy"], "Sở Khoa học và Công nghệ",
            "cross_reference", 1368),
     stated(3066, "1.2. Tổ chức các Tổ công nghệ số cộng đồng đến từng thôn, tổ dân phố — Đơn vị thực hiện: Sở Khoa "
                  "học và Công nghệ; UBND các phường xã", ["PHỤ LỤC"], "Sở Khoa học và Công nghệ; UBND các phường xã",
            kind="table_row", deadline="2026-2030"),
     "Ai tổ chức Tổ công nghệ số cộng đồng đến từng thôn, tổ dân phố?"),
    # a technology roadmap: the lead guessed from the topic yields to the appendix row that names it
    (linked(246, "- Đổi mới công nghệ trong khu công nghiệp: triển khai chương trình hỗ trợ đổi mới công nghệ, gắn "
                 "với sản xuất thông minh.", ["III. LỘ TRÌNH THỰC HIỆN"], "Sở Công Thương", "topic", 436),
     stated(822, "5. Triển khai chương trình hỗ trợ đổi mới công nghệ, sản xuất thông minh trong khu công nghiệp — "
                 "CHỦ TRÌ: Ban Quản lý khu Kinh tế", ["PHỤ LỤC"], "Ban Quản lý khu Kinh tế", kind="table_row"),
     "Cơ quan nào chủ trì chương trình hỗ trợ đổi mới công nghệ trong khu công nghiệp?"),
    # an export plan: a field claim ("trong lĩnh vực nông nghiệp") yields to the task's own labelled row
    (linked(300, "c) Xây dựng mã số vùng trồng phục vụ xuất khẩu quả tươi sang thị trường Trung Quốc.",
            ["2. Nhiệm vụ về nông nghiệp"], "Sở Nông nghiệp và Môi trường", "field", 590),
     stated(702, "3. Xây dựng mã số vùng trồng phục vụ xuất khẩu quả tươi — Cơ quan chủ trì: UBND các xã, phường",
            ["Phụ lục II"], "UBND các xã, phường", kind="table_row"),
     "Ai xây dựng mã số vùng trồng phục vụ xuất khẩu quả tươi?"),
])
def test_a_lead_linked_from_elsewhere_yields_to_the_lead_the_plan_states_for_the_same_task(body, row, asked):
    assert same_task(body, row)
    who = STRATEGIES["who"]
    assert who.pick([body, row], question(asked)) is row
    # a lead the plan states in the clause itself ("Sở Tài chính chủ trì …") stays, whatever else is found
    own = clause(body.lines[0], "Sở Tài chính chủ trì: " + body.text, body.section_path, lead="Sở Tài chính",
                 lead_source=LeadSource("sentence", body.id, body.lines))
    assert who.pick([own, row], question(asked)) is own
    # another task's row does not speak for this one
    other = stated(900, "7. Tổ chức hội chợ, triển lãm giới thiệu sản phẩm OCOP của tỉnh", ["PHỤ LỤC"],
                   "Sở Văn hóa, Thể thao và Du lịch", kind="table_row")
    assert not same_task(body, other)
    # (asked who leads: a question with no role word answers from any unit stated near the top, `UNIT_LOOKAHEAD`)
    assert who.pick([body, other], question("Đơn vị nào chủ trì: " + asked)) is body


@pytest.mark.parametrize("text", [
    "UBND các xã, phường ở Sơn La phải làm gì theo kế hoạch xuất khẩu sản phẩm hàng hóa?",
    "Ủy ban nhân dân các xã có nhiệm vụ gì trong kế hoạch bảo vệ môi trường biển?",
    "Chủ tịch UBND các phường phải làm gì khi triển khai chuyển đổi số?",
])
def test_the_peoples_committee_of_the_communes_is_a_unit_whose_duties_are_asked(text):
    assert question_type(folded(text)) == "duties"


@pytest.mark.parametrize("text", [
    "Những xã nào đạt chuẩn nông thôn mới năm 2025?",
    "Các phường nào có chỉ tiêu tỷ lệ tham gia BHYT?",
    "So sánh chỉ tiêu thu ngân sách của các xã",
])
def test_which_communes_is_still_a_list_across_plans(text):
    assert question_type(folded(text)) == "list"


@pytest.mark.parametrize("text", [
    "Chương trình hỗ trợ đổi mới công nghệ trong khu công nghiệp thực hiện giai đoạn nào, ai chủ trì?",
    "Ai chủ trì xây dựng cơ sở dữ liệu quy hoạch, hoàn thành năm nào?",
    "Cơ quan nào chủ trì kiểm tra thi hành Luật Việc làm và từ năm nào?",
])
def test_a_who_question_asking_the_period_or_year_also_asks_the_thoi_han(text):
    assert "deadline" in role_flags(folded(text)).also_asks
    unit_section = clause(502, "- Phối hợp triển khai chương trình hỗ trợ đổi mới công nghệ; xây dựng cơ sở dữ liệu "
                               "quy hoạch; kiểm tra thi hành Luật Việc làm.", ["6. Ban Quản lý khu Kinh tế"],
                          lead="Ban Quản lý khu Kinh tế")
    row = clause(822, "5. Triển khai chương trình hỗ trợ đổi mới công nghệ; xây dựng cơ sở dữ liệu quy hoạch; kiểm "
                      "tra thi hành Luật Việc làm", ["PHỤ LỤC"], kind="table_row", lead="Ban Quản lý khu Kinh tế",
                 deadline="2025 - 2030")
    assert STRATEGIES["who"].pick([unit_section, row], question(text)) is row


def _plan(*cs: Clause):
    return lambda doc_id: [c for c in cs if c.doc_id == doc_id]


@pytest.mark.parametrize("title, under, text, asked", [
    # a simplification decision: "1.2. Kiến nghị thực thi" over the text to amend
    ("1.2. Kiến nghị thực thi", "1. Thủ tục Tiếp nhận đối tượng bảo trợ xã hội",
     "Sửa đổi điểm b khoản 2 Điều 5 Nghị định 147/2025/NĐ-CP ngày 12/6/2025 của Chính phủ.",
     "Để đơn giản hóa thủ tục tiếp nhận đối tượng bảo trợ xã hội, kiến nghị sửa đổi văn bản nào?"),
    # a budget plan: "a) Tình hình thu NSNN năm 2025" over its figures
    ("a) Tình hình thu NSNN năm 2025", "2.1. Thu ngân sách nhà nước (NSNN)",
     "Ước thực hiện cả năm là 11.580 tỷ đồng, vượt 11,69% so dự toán.",
     "Tình hình thu ngân sách nhà nước năm 2025 của tỉnh thế nào?"),
    # a digital-transformation plan: a numbered task title over what it says
    ("4.1. Ứng dụng hệ thống thông tin địa lý (GIS) trong quản lý quy hoạch", "4. Phát triển nền tảng, ứng dụng số",
     "Nghiên cứu, ứng dụng GIS để quản lý, giám sát và cung cấp thông tin quy hoạch trực tuyến.",
     "Ứng dụng hệ thống thông tin địa lý GIS trong quản lý quy hoạch để làm gì?"),
])
def test_a_bare_title_found_alone_is_quoted_with_the_text_the_plan_writes_under_it(title, under, text, asked):
    heading = clause(237, title, ["PHỤ LỤC", under], kind="heading")
    body = clause(239, text, ["PHỤ LỤC", under, title], kind="paragraph")
    next_title = clause(244, "1.3. Lợi ích phương án", ["PHỤ LỤC", under], kind="heading")
    doc = Document(id="d", source="d.md", title="Kế hoạch")
    q = question(asked)
    answer = compose_by_plan(STRATEGIES[q.qtype], q, [(heading, 0.7, 0.9)], {"d": doc},
                             _plan(heading, body, next_title))
    assert text in answer and answer.index(title) < answer.index(text)
    # a title stating a fact of its own (its unit leads) answers by itself: nothing under it is added
    unit = clause(237, title, ["PHỤ LỤC", under], kind="heading", lead="Sở Tài chính")
    answer = compose_by_plan(STRATEGIES[q.qtype], q, [(unit, 0.7, 0.9)], {"d": doc}, _plan(unit, body, next_title))
    assert text not in answer


@pytest.mark.parametrize("text", [
    "doi cap lai giay xac nhan khuyet tat o dong nai con may ngay",
    "Giấy chứng nhận bị lỗi do trung tâm thì trong mấy ngày phải cấp lại?",
    "Thủ tục xét hưởng chính sách hỗ trợ sinh con giảm thời gian giải quyết còn mấy ngày?",
])
def test_may_ngay_asks_a_count_of_days_as_bao_nhieu_ngay_does(text):
    assert answer_slot(folded(text)).kind == "count" and answer_slot(folded(text)).unit == "ngay"
    rule = clause(396, "a. Trường hợp giấy chứng nhận bị lỗi theo quy định tại điểm e, khoản 1, Điều 10 sẽ được cấp "
                       "lại; thủ tục giảm thời gian giải quyết.", ["3. Cấp lại giấy chứng nhận"], kind="item")
    days = clause(401, "b. Trong 03 ngày làm việc kể từ ngày tiếp nhận đơn, giám đốc Trung tâm cấp lại giấy.",
                  ["3. Cấp lại giấy chứng nhận"], kind="item", deadline="03 ngày làm việc kể từ ngày tiếp nhận đơn")
    q = question(text)
    assert STRATEGIES[q.qtype].pick([rule, days], q) is days
    assert answer_slot(folded("Máy móc thiết bị được đầu tư những gì?")) is None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", folded(text))


@pytest.mark.parametrize("lead, other, asked", [
    # an emulation plan: "Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh"
    ("các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh",
     "Ủy ban Mặt trận tổ quốc Việt Nam tỉnh, các tổ chức chính trị-xã hội",
     "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh Đắk Lắk được đề nghị làm gì?"),
    # a press plan: the press named after the department that guides it
    ("Sở Văn hóa, Thể thao và Du lịch và các cơ quan thông tin đại chúng", "Sở Văn hóa, Thể thao và Du lịch",
     "Các cơ quan thông tin đại chúng của tỉnh phải làm gì trong đợt tuyên truyền?"),
    # a mine-clearance circular: the armed forces named after the provincial command
    ("Bộ Chỉ huy quân sự tỉnh và các lực lượng vũ trang địa phương", "Bộ Chỉ huy quân sự tỉnh",
     "Các lực lượng vũ trang địa phương được giao nhiệm vụ gì khi rà phá bom mìn?"),
])
def test_units_joined_by_va_cac_are_each_a_unit_a_duties_question_can_name(lead, other, asked):
    q = question(asked)
    assert units_named(q, {lead: units_of(lead), other: units_of(other)}, _words) == {lead}
    # a unit whose own name joins words with "và" stays one unit: no run of it starts at "Du lịch"
    name = "Sở Văn hóa, Thể thao và Du lịch"
    assert all(run[:2] != ("du", "lich") for run in lead_segments(_words, name, units_of(name)))


@pytest.mark.parametrize("indicator, assignment", [
    ("(15) Tỷ lệ dân số tham gia bảo hiểm y tế: 100%.",
     "Giao Phòng Văn hóa - Xã hội phường chủ trì, tham mưu các chỉ tiêu về Y tế: Tỷ lệ dân số tham gia bảo hiểm y tế, "
     "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng."),
    ("(22) Tỷ lệ dân số được sử dụng nước sạch: 100%.",
     "Giao Phòng Kinh tế, Hạ tầng và Đô thị phường chủ trì, tham mưu các chỉ tiêu: Tỷ lệ dân số được sử dụng nước "
     "sạch, Tỷ lệ chất thải rắn được thu gom."),
    ("- Kim ngạch xuất khẩu hàng hóa đạt 3,5 tỷ USD.",
     "Giao Sở Công Thương chủ trì theo dõi các chỉ tiêu: kim ngạch xuất khẩu hàng hóa đạt 3,5 tỷ USD, tổng mức "
     "bán lẻ hàng hóa."),
])
def test_an_indicator_keeps_its_own_clause_when_its_lead_was_read_from_the_assignment_naming_it(indicator,
                                                                                                  assignment):
    source = stated(200, assignment, ["IV. TỔ CHỨC THỰC HIỆN"], lead="Phòng chủ trì")
    ind = linked(58, indicator, ["2. Các chỉ tiêu"], "Phòng chủ trì", "named_indicator", 200)
    assert same_task(ind, source)  # the assignment writes the indicator's words …
    q = question("Ai chủ trì chỉ tiêu " + indicator.split(":")[0].lstrip("-() 0123456789") + "?")
    assert STRATEGIES["who"].pick([ind, source], q) is ind  # … but it is where the lead came from
