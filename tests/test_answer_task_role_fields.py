"""Who leads a task, read from the task's own lines (wordings modelled on three dev plans' layouts: an appendix table
with a "Cơ quan chủ trì" column, a task numbered in the body with labelled "- Cơ quan chủ trì:" lines, a national
plan's task with "- Cơ quan thực hiện:", "- Cơ quan phối hợp:", "- Thời gian thực hiện:" lines).

- a lead the plan states in the task's own role column or labelled line leads the task even when the task's name
  opens with "Phối hợp …" (`coordinates_only` is about a unit's own duty line, not a task's name);
- a who question with no role word whose best clause is a line of a task stating no lead ("- Thời gian thực hiện: …")
  answers from the line of that task which states its lead (`task_lead_line`)."""
from __future__ import annotations

import pytest

from corpus.model import Clause, LeadSource
from retrieval.query import analyse
from retrieval.strategies import STRATEGIES, coordinates_only, task_lead_line


def clause(n: int, text: str, section: list[str], doc: str = "d", mechanism: str | None = None, source: int | None = None,
           **kw) -> Clause:
    src = None
    if mechanism is not None:
        at = n if source is None else source
        src = LeadSource(mechanism=mechanism, clause_id=f"{doc}:{at:04d}", lines=(at, at))
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kw.pop("kind", "bullet"), label=None, section_path=section,
                  text=text, source=f"{doc}.md", lines=(n, n), lead_source=src, **kw)


def question(text: str):
    return analyse(text, {}, [])


@pytest.mark.parametrize("text, lead, mechanism", [
    # Đồng Tháp's appendix table: the task's name opens with "Phối hợp", the chủ trì column names the lead
    ("5. Phối hợp triển khai Chương trình/đề án hỗ trợ đổi mới công nghệ, ứng dụng công nghệ số, sản xuất thông minh "
     "trong các khu công nghiệp, khu kinh tế", "Ban Quản lý khu Kinh tế", "table_column"),
    # Lai Châu's plan: a numbered task with its labelled "- Cơ quan chủ trì:" line
    ("4. Phối hợp kiểm tra việc thi hành Luật và các văn bản quy định chi tiết, hướng dẫn thi hành Luật - Cơ quan chủ "
     "trì: Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "labelled_line"),
    # a city plan's row (synthetic, modelled on the HCM employment plan's training tasks)
    ("3. Phối hợp tổ chức tập huấn cho người làm công tác bảo hiểm thất nghiệp", "Sở Nội vụ", "table_column"),
])
def test_a_lead_stated_in_the_tasks_role_field_leads_though_the_task_opens_with_phoi_hop(text, lead, mechanism):
    assert not coordinates_only(clause(1, text, ["PHỤ LỤC"], mechanism=mechanism, lead=lead))
    # the same words as a unit's own duty line under its section still say the unit only coordinates
    assert coordinates_only(clause(1, text, ["2. " + lead], mechanism="unit_section", source=0, lead=lead))


def test_the_task_row_stating_lead_and_partners_answers_before_the_units_heading():
    section = ["V. TỔ CHỨC THỰC HIỆN", "6. Ban Quản lý khu Kinh tế"]
    duty = clause(502, "- Phối hợp với các sở, ngành và địa phương tổ chức triển khai các chương trình hỗ trợ đổi mới "
                       "công nghệ, sản xuất thông minh trong các khu công nghiệp, khu kinh tế.", section,
                  mechanism="unit_section", source=499, lead="Ban Quản lý khu Kinh tế",
                  partners="các sở, ngành và địa phương")
    heading = clause(499, "6. Ban Quản lý khu Kinh tế", section[:1], kind="heading", mechanism="unit_section",
                     lead="Ban Quản lý khu Kinh tế")
    row = clause(822, "5. Phối hợp triển khai Chương trình/đề án hỗ trợ đổi mới công nghệ, sản xuất thông minh trong các "
                      "khu công nghiệp, khu kinh tế", ["PHỤ LỤC"], kind="table_row", mechanism="table_column",
                 lead="Ban Quản lý khu Kinh tế", partners="Doanh nghiệp, Sở, ban, ngành có liên quan")
    q = question("Ai chủ trì triển khai chương trình hỗ trợ đổi mới công nghệ, sản xuất thông minh trong các KCN, "
                 "ai phối hợp?")
    assert STRATEGIES["who"].pick([duty, heading, row], q) is row


TASKS = [
    # a national plan's task with "Cơ quan thực hiện" (QĐ of the Prime Minister on personal data protection)
    ("1. Tổ chức tuyên truyền, phổ biến, giáo dục pháp luật về bảo vệ dữ liệu cá nhân",
     "- Thời gian thực hiện: năm 2025 và các năm tiếp theo.",
     "- Cơ quan thực hiện: Bộ Công an, Bộ Tư pháp, Đài Truyền hình Việt Nam.", "Bộ Công an, Bộ Tư pháp, Đài Truyền hình Việt Nam",
     "Ai tuyên truyền, phổ biến pháp luật về bảo vệ dữ liệu cá nhân?"),
    # a province's law-implementation plan with "Cơ quan chủ trì" (Lai Châu)
    ("4. Kiểm tra việc thi hành Luật Tiêu chuẩn và quy chuẩn kỹ thuật", "- Thời gian thực hiện: Năm 2026 và các năm tiếp theo",
     "- Cơ quan chủ trì: Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ",
     "Ai kiểm tra việc thi hành Luật Tiêu chuẩn và quy chuẩn kỹ thuật ở Lai Châu?"),
    # a city plan's task with "Đơn vị chủ trì" (synthetic, modelled on the HCM planning-database plan)
    ("2. Quản lý, vận hành hệ thống cơ sở dữ liệu quy hoạch", "- Thời gian hoàn thành: Quý IV/2026",
     "- Đơn vị chủ trì: Sở Tài chính", "Sở Tài chính", "Ai quản lý, vận hành hệ thống cơ sở dữ liệu quy hoạch?"),
]


@pytest.mark.parametrize("title, time_line, lead_line, lead, asked", TASKS)
def test_a_who_question_without_a_role_word_answers_from_its_tasks_lead_line(title, time_line, lead_line, lead, asked):
    section = ["II. NỘI DUNG", title]
    time = clause(20, time_line, section, deadline=time_line.split(": ", 1)[1])
    partners = clause(18, "- Cơ quan phối hợp: các bộ, ngành và Ủy ban nhân dân các tỉnh.", section,
                      partners="các bộ, ngành và Ủy ban nhân dân các tỉnh")
    stated = clause(16, lead_line, section, mechanism="labelled_line", lead=lead)
    q = question(asked)
    assert not q.explicit_role
    assert task_lead_line(time, [time, partners, stated]) is stated
    assert STRATEGIES["who"].pick([time, partners, stated], q) is stated


def test_a_lead_line_of_another_task_is_not_the_tasks_lead():
    time = clause(20, "- Thời gian thực hiện: năm 2025", ["II. NỘI DUNG", "1. Tổ chức tuyên truyền"], deadline="năm 2025")
    other = clause(30, "- Cơ quan chủ trì: Bộ Tư pháp", ["II. NỘI DUNG", "2. Tổ chức tập huấn"],
                   mechanism="labelled_line", lead="Bộ Tư pháp")
    partners = clause(22, "- Cơ quan phối hợp: các bộ, ngành", ["II. NỘI DUNG", "1. Tổ chức tuyên truyền"],
                      partners="các bộ, ngành")
    assert task_lead_line(time, [time, partners, other]) is None
    assert STRATEGIES["who"].pick([time, partners, other], question("Ai tổ chức tuyên truyền?")) is time


@pytest.mark.parametrize("text, asked", [
    ("Nghị định xử phạt vi phạm hành chính về an ninh mạng thì ai chủ trì, hạn ban hành thế nào?", True),
    ("tphcm phoi hop ra soat sua doi luat quy hoach thi ai chu tri, han quy may", True),
    ("Ai chủ trì xây dựng cơ sở dữ liệu hồ sơ quy hoạch, hạn hoàn thành?", True),
    ("Ai chủ trì hỗ trợ doanh nghiệp xuất khẩu sang Hàn Quốc?", False),
    ("Ai chủ trì đề xuất gia hạn báo cáo kết quả?", False),
    ("Cơ quan nào chủ trì phân bổ hạn ngạch khai thác hải sản?", False),
])
def test_han_before_what_is_due_asks_the_tasks_thoi_han_too(text, asked):
    from retrieval.query import folded, role_flags

    assert ("deadline" in role_flags(folded(text)).also_asks) is asked


def test_the_tasks_line_stating_its_thoi_han_answers_when_han_ban_hanh_is_asked():
    # the Prime Minister's personal-data plan: "+ Cơ quan chủ trì: Bộ Công an." ranked above the task's item that
    # states lead, partners and "Thời hạn ban hành" together
    section = ["5. Xây dựng Nghị định", "- Nghị định xử phạt vi phạm hành chính"]
    lead_line = clause(227, "+ Cơ quan chủ trì: Bộ Công an.", section, mechanism="labelled_line", source=221,
                       lead="Bộ Công an")
    item = clause(221, "- Nghị định xử phạt vi phạm hành chính trong lĩnh vực an ninh mạng và bảo vệ dữ liệu cá nhân.",
                  section[:1], mechanism="labelled_line", lead="Bộ Công an", partners="Văn phòng Chính phủ, Bộ Tư pháp",
                  deadline="Theo tiến độ được giao của Luật An ninh mạng 2025")
    q = question("Nghị định xử phạt vi phạm hành chính về an ninh mạng thì ai chủ trì, hạn ban hành thế nào?")
    assert STRATEGIES["who"].pick([lead_line, item], q) is item
@pytest.mark.parametrize("heading_text, unit, line_text, partners", [
    # Đồng Nai: a body task naming the universities, and their other duty "Phối hợp với các Viện nghiên cứu …"
    ("21. Các cơ sở đào tạo đại học mở thêm chuyên ngành đào tạo về chuyển đổi số", "Các cơ sở đào tạo đại học",
     "Phối hợp với các Viện nghiên cứu, phát triển các công nghệ mới.", "các Viện nghiên cứu"),
    # Đồng Tháp: a unit's section heading and its line coordinating in others' programmes
    ("6. Ban Quản lý khu Kinh tế", "Ban Quản lý khu Kinh tế",
     "- Phối hợp với các sở, ngành và địa phương tổ chức triển khai các chương trình hỗ trợ đổi mới công nghệ.",
     "các sở, ngành và địa phương"),
    # Sơn La: lettered duties under a unit's heading
    ("1. Sở Công Thương", "Sở Công Thương", "b) Phối hợp với các sở, ngành, UBND các xã, phường",
     "các sở, ngành, UBND các xã, phường"),
])
def test_a_line_where_the_unit_only_coordinates_lends_its_hosts_to_no_task_as_partners(heading_text, unit, line_text,
                                                                                    partners):
    from retrieval.answer import task_partners

    heading = clause(5, heading_text, ["VI. TỔ CHỨC THỰC HIỆN"], kind="heading", mechanism="unit_section", lead=unit)
    duty = clause(7, line_text, ["VI. TỔ CHỨC THỰC HIỆN", heading_text], mechanism="unit_section", source=5, lead=unit,
                  partners=partners)
    assert task_partners(heading, [heading, duty]) is None
    # the task's own "- Cơ quan phối hợp:" line, stating no lead, still gives its partners
    labelled = clause(6, "- Cơ quan phối hợp: Sở Tài chính", ["VI. TỔ CHỨC THỰC HIỆN", heading_text],
                      partners="Sở Tài chính")
    task = clause(4, "- Cơ quan chủ trì: " + unit, ["VI. TỔ CHỨC THỰC HIỆN", heading_text], mechanism="labelled_line",
                  lead=unit)
    assert task_partners(task, [task, labelled]) == "Sở Tài chính"
