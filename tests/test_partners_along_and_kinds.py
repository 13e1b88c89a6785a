"""Partners named after a bare "cùng" ("tham gia cùng Sở Khoa học và Công nghệ …"), and a list of partners that opens
with bodies named by their kind ("phối hợp với các tổ chức, doanh nghiệp …"): wordings from a digital-economy plan
(f004d93b, dev) and synthetic plans in the layouts of commune plans."""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

ALONG = [
    ("Hội, hiệp hội xã hội nghề nghiệp chủ động tham gia cùng Sở Khoa học và Công nghệ trong việc tuyên truyền "
     "về kinh tế số.", "Sở Khoa học và Công nghệ"),
    ("- Phòng Văn hóa - Xã hội chủ trì, cùng Công an xã tổ chức kiểm tra các cơ sở kinh doanh dịch vụ internet.",
     "Công an xã"),
    ("- Đoàn Thanh niên xã chủ động vận động đoàn viên cùng Hội Liên hiệp Phụ nữ xã thực hiện ra quân làm sạch môi trường.",
     "Hội Liên hiệp Phụ nữ xã"),
]


@pytest.mark.parametrize("text,partners", ALONG)
def test_a_body_named_after_cung_is_a_partner(text, partners):
    c = clause(parse_md(f"**IV. TỔ CHỨC THỰC HIỆN**\n\n{text}\n"), text[:25])
    assert c.lead and c.partners == partners


NOT_ALONG = [
    "- Phòng Kinh tế xây dựng kế hoạch cùng cấp, báo cáo Ủy ban nhân dân xã.",
    "- Các doanh nghiệp công nghệ số chủ động hỗ trợ doanh nghiệp nhỏ và vừa cùng phát triển.",
    "- Phòng Kinh tế tổ chức hội chợ cùng thời điểm với Lễ hội Xuân.",
]


@pytest.mark.parametrize("text", NOT_ALONG)
def test_cung_before_no_named_body_names_no_partner(text):
    c = clause(parse_md(f"**IV. TỔ CHỨC THỰC HIỆN**\n\n{text}\n"), text[:25])
    assert c.partners is None


BY_KIND = [
    ("- Sở Giáo dục và Đào tạo phối hợp với các tổ chức, doanh nghiệp cung cấp dịch vụ đào tạo kỹ năng số.",
     "các tổ chức, doanh nghiệp cung cấp dịch vụ đào tạo kỹ năng số"),
    ("- Phòng Văn hóa - Xã hội phối hợp với các tổ chức chính trị - xã hội vận động Nhân dân.",
     "các tổ chức chính trị - xã hội"),
    ("- Sở Nội vụ chủ trì, phối hợp với các bộ, ngành và tổ chức liên quan thực hiện rà soát.",
     "các bộ, ngành và tổ chức liên quan"),
]


@pytest.mark.parametrize("text,partners", BY_KIND)
def test_a_kind_of_body_after_cac_is_part_of_the_partners(text, partners):
    c = clause(parse_md(f"**IV. TỔ CHỨC THỰC HIỆN**\n\n{text}\n"), text[:25])
    assert c.partners == partners
