"""Who acts in a regulation's sentences (issue #9): the giver of a thing acts, a body given the task leads, the
subject after a lead-in that ends with a colon or opens with "Ngoài …", and names that hold "giao".

Wordings from several real regulations and decrees (a training centre's rules, an aid decree, a housing decree,
local plans), synthetic here; each is read as a bullet, a numbered point and a lettered point.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

LAYOUTS = {
    "bullet": "**Điều 12. Nhiệm vụ**\n\n- {t}\n",
    "numbered point": "**Điều 12. Nhiệm vụ**\n\n4. {t}\n",
    "lettered point": "**Điều 12. Nhiệm vụ**\n\n**2. Trình tự thực hiện:**\n\nc) {t}\n",
}

GIVERS = [  # the body that gives a task, a target or a plan still acts
    ("Giám đốc Trung tâm giao nhiệm vụ nghiên cứu khoa học cho giảng viên và quy định số giờ nghiên cứu.",
     "Giám đốc Trung tâm"),
    ("Hội đồng nhân dân cấp tỉnh giao Kế hoạch viện trợ hằng năm sử dụng ngân sách địa phương.",
     "Hội đồng nhân dân cấp tỉnh"),
    ("Cơ quan chủ quản giao chỉ tiêu đào tạo hằng năm cho phi dự án đào tạo.", "Cơ quan chủ quản"),
    ("Ủy ban nhân dân cấp tỉnh điều chỉnh, bổ sung giao chi tiết kế hoạch viện trợ cho các dự án.",
     "Ủy ban nhân dân cấp tỉnh"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,lead", GIVERS)
def test_the_body_that_gives_a_thing_acts(layout, text, lead):
    assert clause(parse_md(LAYOUTS[layout].format(t=text)), text[:18]).lead == lead


ASKED = [  # the body given the task leads it
    ("Bộ Xây dựng giao cho Cục Quản lý nhà ở chuẩn bị tờ trình, hồ sơ theo quy định.", "Cục Quản lý nhà ở"),
    ("UBND xã giao Phòng Văn hóa - Xã hội chủ trì tổ chức tuyên truyền.", "Phòng Văn hóa - Xã hội"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,lead", ASKED)
def test_the_body_given_the_task_leads_it(layout, text, lead):
    assert clause(parse_md(LAYOUTS[layout].format(t=text)), text[:18]).lead == lead


SUBJECTS_AFTER_LEAD_IN = [
    ("Ngoài giảng viên chuyên trách, Trung tâm thực hiện chế độ giảng viên kiêm nhiệm.", "Trung tâm"),
    ("Ngoài các nhiệm vụ thường xuyên, Sở Y tế tổ chức kiểm tra an toàn thực phẩm.", "Sở Y tế"),
    ("Trong thời hạn tối đa 05 ngày làm việc, kể từ ngày ban hành quyết định, Ủy ban nhân dân cấp tỉnh công bố "
     "kế hoạch.", "Ủy ban nhân dân cấp tỉnh"),
    ("Đối với các khoản viện trợ chưa giải ngân: Cơ quan chủ quản tổng hợp ý kiến của Bộ Tài chính, Bộ Ngoại giao "
     "và báo cáo Thủ tướng Chính phủ.", "Cơ quan chủ quản"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,lead", SUBJECTS_AFTER_LEAD_IN)
def test_the_subject_after_a_lead_in_leads(layout, text, lead):
    assert clause(parse_md(LAYOUTS[layout].format(t=text)), text[:18]).lead == lead


def test_a_name_holding_giao_is_kept_whole():
    """"Bộ Ngoại giao" is a ministry; its "giao" gives nothing."""
    text = "Bộ Tài chính, Bộ Ngoại giao và các cơ quan có liên quan có trách nhiệm cho ý kiến thẩm định."
    assert clause(parse_md(LAYOUTS["bullet"].format(t=text)), "Bộ Tài chính").lead == \
        "Bộ Tài chính, Bộ Ngoại giao và các cơ quan có liên quan"


ACT_THEN_PARTNERS = [  # "phối hợp, <act> với Y": Y coordinates
    ("Thường xuyên phối hợp, cung cấp thông tin với các sở, ngành, UBND các xã, phường về hoạt động thu gom sản "
     "phẩm.", "các sở, ngành, UBND các xã, phường"),
    ("Chủ động phối hợp, trao đổi với Sở Tài chính về nguồn kinh phí thực hiện.", "Sở Tài chính"),
    ("Phối hợp, chia sẻ dữ liệu với các doanh nghiệp viễn thông để cập nhật bản đồ hạ tầng.",
     "các doanh nghiệp viễn thông"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,partners", ACT_THEN_PARTNERS)
def test_partners_after_a_short_act_that_follows_phoi_hop(layout, text, partners):
    assert clause(parse_md(LAYOUTS[layout].format(t=text)), text[:18]).partners == partners


NAMES_HOLDING_A_DUTY_WORD = [  # a one-word head then a duty word is one name; a party asked that is no unit
    ("Trường hợp cần xác minh thông tin thì Đoàn kiểm tra yêu cầu đối tượng kiểm tra giải trình bằng văn bản.",
     "Đoàn kiểm tra"),
    ("Trường hợp không đủ điều kiện thực hiện, Ban quản lý viện trợ có thể thuê tư vấn thực hiện các phần việc này.",
     "Ban quản lý viện trợ"),
    ("Sau khi kết thúc kiểm tra, Tổ kiểm tra liên ngành tổng hợp kết quả, báo cáo Ủy ban nhân dân xã.",
     "Tổ kiểm tra liên ngành"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,lead", NAMES_HOLDING_A_DUTY_WORD)
def test_a_name_that_holds_a_duty_word_leads_whole(layout, text, lead):
    assert clause(parse_md(LAYOUTS[layout].format(t=text)), text[:18]).lead == lead


def test_a_body_asked_by_name_still_leads():
    """"UBND xã yêu cầu các ban, ngành …": the bodies asked are named, they lead."""
    text = "Ủy ban nhân dân xã yêu cầu các ban, ngành, đoàn thể nghiêm túc triển khai thực hiện."
    assert clause(parse_md(LAYOUTS["bullet"].format(t=text)), text[:18]).lead == "các ban, ngành, đoàn thể"


AGENTS = [  # the actor of a passive duty: a unit or a body's acronym, its name ending at the authority's act
    ("Các chương trình, dự án điều tra khảo sát sử dụng vốn nước ngoài phải được VNMAC thẩm định về chủ trương, "
     "mục tiêu, quy mô đầu tư.", "VNMAC"),
    ("Hồ sơ đề nghị công nhận phải được Sở Tài chính thẩm định trước khi trình Ủy ban nhân dân tỉnh.", "Sở Tài chính"),
    ("Địa điểm, thời gian làm việc của Đoàn kiểm tra phải được Trưởng Đoàn kiểm tra thông báo trước bằng văn bản.",
     "Trưởng Đoàn kiểm tra"),
    ("Danh mục giống cây trồng mới phải được Cục Trồng trọt công nhận trước khi lưu hành.", "Cục Trồng trọt"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,lead", AGENTS)
def test_the_actor_of_a_passive_duty_leads_it_named_up_to_the_authoritys_act(layout, text, lead):
    assert clause(parse_md(LAYOUTS[layout].format(t=text)), text[:18]).lead == lead
