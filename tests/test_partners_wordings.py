"""Partners and labels in the wordings commune and provincial plans use besides "phối hợp với Y":
several labels on one line, "Các đơn vị phối hợp:", bare "Chủ trì:"/"Phối hợp:", "cùng với Y", "với sự tham
gia của Y", "phối hợp cùng Y", and "X là đơn vị đầu mối, phối hợp với Y"."""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

ONE_LINE_LABELS = [
    ("""
**III. NHIỆM VỤ**

1. Tổ chức tập huấn chuyển đổi số cho cán bộ, công chức.

- Cơ quan chủ trì: Phòng Văn hóa - Xã hội; Cơ quan phối hợp: Công an xã; Thời gian: Quý II/2026.
""", "Tổ chức tập huấn", "Phòng Văn hóa - Xã hội", "Công an xã", "Quý II/2026"),
    ("""
**III. NHIỆM VỤ**

2. Rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo.

- Chủ trì: Phòng Kinh tế. Phối hợp: các thôn, tổ dân phố. Thời gian hoàn thành: Năm 2026.
""", "Rà soát, cập nhật", "Phòng Kinh tế", "các thôn, tổ dân phố", "Năm 2026"),
    ("""
**2. Nhiệm vụ cụ thể**

a) Xây dựng cơ sở dữ liệu đất đai cấp xã.

- Đơn vị chủ trì: Phòng Kinh tế.

- Các đơn vị phối hợp: Trung tâm Phục vụ hành chính công, Công an xã.
""", "Xây dựng cơ sở dữ liệu", "Phòng Kinh tế", "Trung tâm Phục vụ hành chính công, Công an xã", None),
]


@pytest.mark.parametrize("snippet,task,lead,partners,deadline", ONE_LINE_LABELS)
def test_each_label_of_a_line_belongs_to_the_task_above(snippet, task, lead, partners, deadline):
    c = clause(parse_md(snippet), task)
    assert (c.lead, c.partners) == (lead, partners)
    if deadline:
        assert c.deadline == deadline


ALONG = [
    ("1. Phòng Kinh tế chủ trì, cùng với Hợp tác xã nông nghiệp và Hội Nông dân xã xây dựng mô hình trồng rau an toàn.",
     "Phòng Kinh tế", "Hợp tác xã nông nghiệp và Hội Nông dân xã"),
    ("2. Công an xã chủ trì triển khai mô hình camera an ninh với sự tham gia của Ban Chỉ huy Quân sự xã.",
     "Công an xã", "Ban Chỉ huy Quân sự xã"),
    ("3. Phòng Văn hóa - Xã hội phối hợp cùng Trạm Y tế xã tổ chức khám sức khỏe cho người cao tuổi.",
     "Phòng Văn hóa - Xã hội", "Trạm Y tế xã"),
    ("4. Văn phòng HĐND và UBND xã là đơn vị đầu mối, phối hợp với các phòng chuyên môn tổng hợp báo cáo.",
     "Văn phòng HĐND và UBND xã", "các phòng chuyên môn"),
]


@pytest.mark.parametrize("task,lead,partners", ALONG)
def test_partners_named_along_with_the_lead(task, lead, partners):
    c = clause(parse_md(f"**III. NHIỆM VỤ**\n\n{task}\n"), task[3:20])
    assert (c.lead, c.partners) == (lead, partners)


def test_along_with_names_partners_only_of_a_task_that_names_its_lead():
    """f004d93b (dev): "Đồng thời, cùng với Nhà nước tham gia đào tạo …" after a subject that acts."""
    c = clause(parse_md("""
**VI. TỔ CHỨC THỰC HIỆN**

a) Các doanh nghiệp viễn thông, doanh nghiệp bưu
chính ưu tiên bố trí nguồn lực đầu tư xây dựng, nâng cấp hạ tầng số. Đồng thời, cùng với Nhà nước tham gia đào tạo,
hướng dẫn người dân sử dụng các kỹ năng số.
"""), "Các doanh nghiệp viễn thông")
    assert c.partners == "Nhà nước"
    plain = clause(parse_md("**II. NHIỆM VỤ**\n\n1. Cùng với Nhà nước đầu tư hạ tầng số.\n"), "Cùng với")
    assert plain.partners is None


BUSINESSES_AND_INSTITUTES = [
    # f004d93b (dev): a department's point under its unit heading
    ("**5. Sở Khoa học và Công nghệ**\n\nc) Chủ trì, phối hợp với doanh nghiệp phát triển hạ tầng số, tập trung vào "
     "một số hạ tầng cần nguồn đầu tư lớn.", "Chủ trì, phối hợp với doanh nghiệp", "doanh nghiệp"),
    # 19206835 (dev): businesses, institutes and universities listed in lower case
    ("**3. Sở Giáo dục và Đào tạo**\n\n- Phối hợp với doanh nghiệp, viện nghiên cứu, trường đại học tổ chức đào tạo "
     "theo nhu cầu xã hội.", "Phối hợp với doanh nghiệp", "doanh nghiệp, viện nghiên cứu, trường đại học"),
    # f004d93b (dev): a generic list ended by its verb
    ("**6. Sở Tài chính**\n\ng) Chủ trì, phối hợp với các cơ quan, đơn vị, địa phương kiểm soát tiêu chí đầu vào của "
     "các chương trình, nhiệm vụ, dự án.", "Chủ trì, phối hợp với các cơ quan", "các cơ quan, đơn vị, địa phương"),
    ("**2. Sở Xây dựng**\n\n- Phối hợp với nhà đầu tư hạ tầng khu công nghiệp khảo sát nhu cầu nhà ở cho công nhân.",
     "Phối hợp với nhà đầu tư", "nhà đầu tư hạ tầng khu công nghiệp"),
]


@pytest.mark.parametrize("snippet,task,partners", BUSINESSES_AND_INSTITUTES)
def test_businesses_institutes_and_schools_are_partners_and_a_verb_ends_the_list(snippet, task, partners):
    assert clause(parse_md(snippet), task).partners == partners


def test_a_business_as_subject_leads_and_coordinates_with_nobody():
    """"Doanh nghiệp viễn thông bảo đảm kinh phí …": the business opening the task sentence leads it (the blind
    dev gold reads it so; tests/test_durations_and_events.py has the wordings), and is no partner of its own task."""
    c = clause(parse_md("**3. Kinh phí**\n\nb) Doanh nghiệp viễn thông bảo đảm kinh phí thực hiện các nhiệm vụ do "
                        "doanh nghiệp triển khai."), "Doanh nghiệp viễn thông")
    assert c.lead == "Doanh nghiệp viễn thông" and c.partners is None
