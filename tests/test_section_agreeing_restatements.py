"""Body tasks whose section the plan's duties restate only loosely, task by task, but all to the same unit (issue #9):
the agreement of a section's tasks names its lead where no one task's words are enough
(`corpus.paraphrase_links.ParaphrasedDuties._sections_agreeing`, `SECTION_AGREED_*`).

Wordings modelled on three development plans (a construction sector's digital transformation plan and its Công an
tỉnh duties, a 5G/IoT plan's Sở Khoa học và Công nghệ duties, a marine economy plan's Sở Tài chính duties),
synthetic here.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

PLAN = """**ỦY BAN NHÂN DÂN TỈNH**

**KẾ HOẠCH**

**Chuyển đổi số giai đoạn 2026 - 2030**

**I. NHIỆM VỤ VÀ GIẢI PHÁP**

**1. Bảo đảm an toàn, an ninh mạng và bảo mật dữ liệu**

- Nghiên cứu, triển khai thực hiện các giải pháp an toàn, an ninh mạng, bảo vệ dữ liệu, sao lưu, khôi phục, kiểm tra định kỳ hệ thống thông tin ngành.

- Xây dựng kế hoạch bảo đảm an toàn thông tin mạng, phân loại và xác định cấp độ an toàn cho từng hệ thống; diễn tập ứng cứu sự cố.

**2. Ưu tiên phát triển hạ tầng viễn thông**

- Tạo thuận lợi cho các doanh nghiệp trong quá trình xây dựng phát triển hạ tầng viễn thông, ngầm hóa mạng cáp viễn thông đồng bộ với hạ tầng ngành khác.

- Tăng cường chia sẻ, sử dụng chung hạ tầng viễn thông, triển khai các phương án chia sẻ hạ tầng tiên tiến (thụ động, tích cực).

**3. Huy động nguồn lực tài chính**

- Huy động và sử dụng có hiệu quả các nguồn vốn đầu tư, đẩy mạnh xã hội hóa các nguồn vốn đầu tư phục vụ công tác bảo vệ tài nguyên biển.

- Nghiên cứu, xây dựng cơ chế tăng nguồn thu cho ngân sách nhà nước từ khai thác, sử dụng tài nguyên biển.

**4. Phát triển dịch vụ số**

- Phối hợp xây dựng phần mềm quản lý, khai thác, chia sẻ dữ liệu dịch vụ số của ngành, cập nhật thường xuyên.

- Nghiên cứu triển khai thanh toán trực tuyến cho dịch vụ số, kết nối cổng thanh toán quốc gia của ngành.

**5. Đào tạo nhân lực số**

- Tổ chức đào tạo, bồi dưỡng kỹ năng an toàn thông tin mạng cho cán bộ, công chức, viên chức của ngành.

- Tổ chức đào tạo, bồi dưỡng kỹ năng quản lý ngân sách, tài chính số cho cán bộ, công chức của ngành.

**6. Huy động nguồn lực xã hội**

- Phối hợp huy động các nguồn vốn xã hội hóa cho bảo vệ rừng ngập mặn, phục hồi hệ sinh thái ven biển, kêu gọi doanh nghiệp, cộng đồng ngư dân tham gia.

- Đa dạng hóa nguồn thu ngân sách từ khai thác tài nguyên biển, du lịch sinh thái, dịch vụ cảng cá.

**7. Giám sát an ninh mạng**

- Tăng cường giám sát an ninh mạng cho camera giao thông, trạm thu phí, hệ thống chiếu sáng đô thị thông minh.

**II. TỔ CHỨC THỰC HIỆN**

**1. Công an tỉnh**

- Hướng dẫn và giám sát an toàn thông tin mạng, an ninh mạng, bảo vệ dữ liệu trong quá trình triển khai vận hành các hệ thống thông tin; ứng cứu sự cố, diễn tập định kỳ.

**2. Sở Khoa học và Công nghệ**

- Chủ trì hướng dẫn doanh nghiệp viễn thông phát triển hạ tầng viễn thông, chia sẻ, sử dụng chung hạ tầng kỹ thuật liên ngành, ngầm hóa mạng cáp theo quy định.

- Chủ trì xây dựng phần mềm quản lý dữ liệu dịch vụ số, thanh toán trực tuyến kết nối cổng quốc gia.

**3. Sở Tài chính**

- Tham mưu bố trí ngân sách, huy động các nguồn vốn xã hội hóa, nguồn thu từ khai thác, sử dụng tài nguyên, bảo đảm kinh phí thực hiện Kế hoạch; đào tạo quản lý ngân sách, tài chính số.
"""

AGREED = [  # (a task of a section all of whose tasks one unit's duties restate best, that unit)
    ("- Nghiên cứu, triển khai thực hiện các giải pháp an toàn", "Công an tỉnh"),
    ("- Xây dựng kế hoạch bảo đảm an toàn thông tin mạng", "Công an tỉnh"),
    ("- Tạo thuận lợi cho các doanh nghiệp", "Sở Khoa học và Công nghệ"),
    ("- Tăng cường chia sẻ, sử dụng chung hạ tầng viễn thông", "Sở Khoa học và Công nghệ"),
    ("- Huy động và sử dụng có hiệu quả các nguồn vốn", "Sở Tài chính"),
    ("- Nghiên cứu, xây dựng cơ chế tăng nguồn thu", "Sở Tài chính"),
]


@pytest.mark.parametrize("task,lead", AGREED)
def test_a_task_whose_section_one_units_duties_restate_best_throughout_takes_that_unit(task, lead):
    c = clause(parse_md(PLAN), task)
    assert c.lead == lead
    assert c.lead_source is not None and c.lead_source.mechanism == "paraphrase"


def test_tasks_of_a_section_restated_best_by_different_units_get_no_lead():
    """"5. Đào tạo nhân lực số": one training task restated best by Công an tỉnh's duty, the other by Sở Tài chính's:
    the section is no one unit's, and neither task's words are enough alone."""
    plan = parse_md(PLAN)
    assert clause(plan, "- Tổ chức đào tạo, bồi dưỡng kỹ năng an toàn").lead is None
    assert clause(plan, "- Tổ chức đào tạo, bồi dưỡng kỹ năng quản lý").lead is None


def test_a_section_holding_a_task_that_only_coordinates_does_not_agree():
    """"- Phối hợp huy động …": the body of the task only coordinates, so whoever restates it does not lead it, and the
    section's other task is left to its own words."""
    plan = parse_md(PLAN)
    assert clause(plan, "- Phối hợp huy động các nguồn vốn").lead is None
    assert clause(plan, "- Đa dạng hóa nguồn thu ngân sách").lead is None


def test_a_task_alone_in_its_section_restated_loosely_gets_no_lead():
    """One task's loose restatement is no evidence: "7. Giám sát an ninh mạng" has one task."""
    assert clause(parse_md(PLAN), "- Tăng cường giám sát an ninh mạng").lead is None


SERVED = [  # (a task, a group named by its kind, whether the task names that kind as whom it serves)
    ("Đào tạo và hỗ trợ kỹ thuật: Cung cấp khóa đào tạo cho đội ngũ kỹ thuật của các doanh nghiệp.",
     "Các doanh nghiệp thứ cấp đang hoạt động trong KCN", True),
    ("Phát triển các ứng dụng IoT mang lại hiệu quả rõ rệt cho doanh nghiệp.", "Các doanh nghiệp thứ cấp", True),
    ("Hỗ trợ các hợp tác xã tiếp cận vốn tín dụng ưu đãi.", "Các hợp tác xã nông nghiệp", True),
    ("Lắp đặt các trạm BTS 5G, mạng lõi trong các khu công nghiệp.", "Các doanh nghiệp viễn thông", False),
    ("Tạo thuận lợi cho các doanh nghiệp xây dựng hạ tầng viễn thông.", "Sở Khoa học và Công nghệ", False),
]


@pytest.mark.parametrize("task,unit,served", SERVED)
def test_a_section_done_for_bodies_of_the_units_kind_is_not_read_as_that_groups(task, unit, served):
    """The tasks of "2.2. Triển khai nền tảng IoT" are done for the enterprises of the industrial parks ("… cho doanh
    nghiệp", "… của các doanh nghiệp"): the enterprises' own duties restating them loosely make no section theirs."""
    from corpus.paraphrase_links import _serves
    from corpus.text import words
    assert _serves(task, " ".join(words(unit))) is served
