"""A condition before the subject may end on "thì" instead of a comma: the body after it acts.
Wordings from a ministry's procedure sheets (1796a553, dev) and commune plans (synthetic)."""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

CONDITIONS = [
    ("Khi dịch hại thực vật đã được khống chế và không còn nguy cơ gây thiệt hại nghiêm trọng thì Chi cục Bảo vệ "
     "thực vật trình Giám đốc Sở Nông nghiệp và Môi trường báo cáo kết quả chống dịch.", "Chi cục Bảo vệ thực vật"),
    ("Khi dịch hại thực vật đã được khống chế thì Cục Trồng trọt và Bảo vệ thực vật báo cáo kết quả chống dịch với "
     "Bộ trưởng.", "Cục Trồng trọt và Bảo vệ thực vật"),
    ("Nếu phát sinh hộ có nhu cầu hỗ trợ nhà ở thì Phòng Kinh tế tổng hợp, báo cáo Ủy ban nhân dân xã trước ngày 15 "
     "hằng tháng.", "Phòng Kinh tế"),
    ("Trường hợp cần kiểm tra đột xuất, thì Công an xã tiến hành kiểm tra và lập biên bản.", "Công an xã"),
]


@pytest.mark.parametrize("sentence, lead", CONDITIONS)
def test_the_body_after_a_condition_ending_on_thi_leads(sentence, lead):
    plan = parse_md(f"**II. TRÌNH TỰ THỰC HIỆN**\n\n- Bước 1: Báo cáo kết quả\n\n{sentence}\n")
    assert clause(plan, sentence[:30]).lead == lead


def test_a_condition_with_phai_still_names_no_subject():
    """"Khi … thì phải báo cáo …": nobody named after "thì" acts."""
    plan = parse_md("**II. NHIỆM VỤ**\n\nKhi có sự cố thì phải báo cáo ngay cho Ủy ban nhân dân xã.\n")
    assert clause(plan, "Khi có sự cố").lead is None
