"""Partners belong with the lead they coordinate with; a person by office may lead.

- "X có trách nhiệm phối hợp với Y …": Y coordinates whatever it is, as "có trách nhiệm" names its
  subject whatever it is (a class's tutor and its lecturers, communes and the housing office, a
  department and the consultants); the list ends at the next verb ("lập", "để", "thực hiện").
- A task that states its own lead, another than the one its section's partners were stated with, does
  not keep those partners.
- After a lead-in ("Trong thời hạn 15 ngày …,", "Căn cứ …,") a person named by office in lower case
  ("người ra quyết định kiểm tra", "người có thẩm quyền", "người đứng đầu cơ quan …") is the subject.
Wordings from a training centre's regulation, a provincial housing programme, a city's emulation plan,
an inspection regulation and a regulation on consulting drafts online.
"""
from __future__ import annotations

import pytest

from corpus.model import Clause, SourceText
from corpus.parse import parse_source


def parse_md(text: str) -> list[Clause]:
    return parse_source(SourceText("snippet.md", text.strip("\n").splitlines(), fmt="md")).clauses


def clause(clauses: list[Clause], start: str) -> Clause:
    hits = [c for c in clauses if start in c.text]
    assert hits, [c.text[:50] for c in clauses]
    return hits[0]


@pytest.mark.parametrize("text, task, lead, partners", [
    ("""
**Điều 6. Tổ chức giảng dạy**

4. Học viên phải bảo đảm tham dự tối thiểu 80% số tiết học. Chủ nhiệm lớp có trách nhiệm phối hợp với giảng viên
trực tiếp giảng dạy lập danh sách học viên đủ điều kiện viết bài thu hoạch,
trình Giám đốc Trung tâm xem xét, phê duyệt.
""", "Học viên phải", "Chủ nhiệm lớp", "giảng viên trực tiếp giảng dạy"),
    ("""
**III. TỔ CHỨC THỰC HIỆN**

3. Ủy ban nhân dân cấp xã có trách nhiệm phối hợp với cơ quan quản lý nhà ở cấp tỉnh, đơn vị
tư vấn để tổ chức khảo sát; tổng hợp, cung cấp số liệu.
""", "Ủy ban nhân dân cấp xã", "Ủy ban nhân dân cấp xã", "cơ quan quản lý nhà ở cấp tỉnh, đơn vị tư vấn"),
    ("""
**IV. TỔ CHỨC THỰC HIỆN**

2. Văn phòng Ủy ban nhân dân thành phố chịu trách nhiệm phối hợp với các phòng chuyên môn thực hiện
việc tổng hợp, báo cáo kết quả.
""", "Văn phòng", "Văn phòng Ủy ban nhân dân thành phố", "các phòng chuyên môn"),
])
def test_responsible_subject_coordinates_with_whom_it_names(text, task, lead, partners):
    c = clause(parse_md(text), task)
    assert c.lead == lead
    assert c.partners == partners


def test_a_task_with_its_own_other_lead_drops_the_sections_partners():
    clauses = parse_md("""
**III. TỔ CHỨC THỰC HIỆN**

1. Phòng Văn hóa - Xã hội: chủ trì, phối hợp với Công an xã triển khai các nội dung sau:

a) Tổ chức tuyên truyền về phòng, chống ma túy trong trường học.

b) Trạm Y tế xã có trách nhiệm tổ chức khám sàng lọc cho học sinh.
""")
    assert clause(clauses, "Tổ chức tuyên truyền").partners == "Công an xã"
    screening = clause(clauses, "khám sàng lọc")
    assert screening.lead == "Trạm Y tế xã"
    assert screening.partners is None


# ------------------------------------------------- a person by office, in lower case after a lead-in

@pytest.mark.parametrize("text, task, lead", [
    ("""
**Điều 12. Kết luận kiểm tra**

4. Trong thời hạn 15 ngày kể từ ngày nhận được báo
cáo kết quả kiểm tra, người ra quyết định kiểm tra ban hành văn bản nhận xét,
đánh giá về việc thực hiện chính sách, pháp luật.
""", "Trong thời hạn 15 ngày", "người ra quyết định"),
    ("""
**Điều 8. Xử lý nội dung lấy ý kiến**

2. Căn cứ nội dung lấy ý kiến, người có thẩm quyền phân công xử lý.
""", "Căn cứ nội dung lấy ý kiến", "người có thẩm quyền"),
    ("""
**Điều 5. Báo cáo kết quả**

1. Chậm nhất 05 ngày làm việc sau khi kết thúc đợt kiểm tra, người đứng đầu cơ quan chủ quản
gửi báo cáo khắc phục về Sở Nội vụ.
""", "Chậm nhất 05 ngày", "người đứng đầu cơ quan chủ quản"),
])
def test_a_person_by_office_after_a_lead_in_is_the_lead(text, task, lead):
    assert clause(parse_md(text), task).lead == lead


def test_a_lower_case_list_after_a_lead_in_is_still_no_subject():
    c = clause(parse_md("""
**III. TỔ CHỨC THỰC HIỆN**

1. Trên cơ sở đề xuất của các Sở, ban, ngành, người dân tham gia góp ý dự thảo trên cổng thông tin.
"""), "Trên cơ sở")
    assert c.lead is None
