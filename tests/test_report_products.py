"""What a task's report is and what a task makes, as the plans word them (issue #9, products).

- A report carries what it reports: the addressees (one or several) and then "về tình hình …", "kết quả …"; or, said
  first, how often and what, then whom it goes to ("báo cáo định kỳ hằng quý về tiến độ … gửi Sở Tài chính").
- The task's report is the first its sentence names: "…, gửi Sở X tổng hợp, báo cáo Tỉnh ủy" is Sở X's report.
- A numbered heading that is itself a task's sentence (its lead read from its own words) reads its report too.
- A document made after two joined acts ("Xây dựng và triển khai kế hoạch …", "xây dựng và phê duyệt kế hoạch …")
  is the product; a name too long to be one is cut where a second thing or act joins it ("… và các cơ chế …",
  "… và chỉ đạo …").

Wordings from real plans of different provinces and a ministry, synthetic here.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

LAYOUTS = {
    "bullet": "**IV. TỔ CHỨC THỰC HIỆN**\n\n**1. Sở Nội vụ**\n\n- {t}\n",
    "lettered point": "**IV. TỔ CHỨC THỰC HIỆN**\n\n**1. Sở Nội vụ**\n\na) {t}\n",
}

REPORTS = [
    # a province's emulation plan: the content after the addressee
    ("Định kỳ hằng năm, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện và đề xuất giải pháp, điều chỉnh phù hợp.",
     "báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện"),
    # a ministry's procedure: what is reported before whom it goes to ("với")
    ("Khi dịch hại đã được khống chế thì Cục Trồng trọt báo cáo kết quả chống dịch và đề xuất công bố hết dịch với "
     "Bộ trưởng Bộ Nông nghiệp và Môi trường.",
     "báo cáo kết quả chống dịch và đề xuất công bố hết dịch với Bộ trưởng Bộ Nông nghiệp và Môi trường"),
    # a city's data plan: how often, what, and whom; the compiler's report after it is the compiler's
    ("Thực hiện chế độ báo cáo định kỳ hằng quý về tiến độ cập nhật dữ liệu gửi Sở Tài chính để tổng hợp, báo cáo "
     "Ủy ban nhân dân Thành phố.", "báo cáo định kỳ hằng quý về tiến độ cập nhật dữ liệu gửi Sở Tài chính"),
    # a ministry's plan: "định kỳ, đột xuất" and a long content, then ", gửi"
    ("Theo dõi và chịu trách nhiệm về số liệu; báo cáo định kỳ, đột xuất việc thực hiện nội dung quy hoạch tại địa "
     "phương, gửi Bộ Văn hóa, Thể thao và Du lịch để tổng hợp, báo cáo Thủ tướng Chính phủ.",
     "báo cáo định kỳ, đột xuất việc thực hiện nội dung quy hoạch tại địa phương, gửi Bộ Văn hóa"),
    # a province's export plan: several addressees, then what is reported
    ("Sở Công Thương tổng hợp báo cáo Tỉnh ủy, HĐND, UBND tỉnh về tình hình thực hiện Kế hoạch này định kỳ hàng "
     "tháng.", "báo cáo Tỉnh ủy, HĐND, UBND tỉnh về tình hình thực hiện Kế hoạch này"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,product", REPORTS)
def test_a_report_carries_what_it_reports(layout, text, product):
    assert clause(parse_md(LAYOUTS[layout].format(t=text)), text[:24]).product == product


def test_the_first_report_is_the_tasks_own():
    text = ("Định kỳ hàng tháng hoặc khi có yêu cầu báo cáo tình hình thực hiện Kế hoạch, gửi Sở Công thương tổng "
            "hợp báo cáo Tỉnh ủy, HĐND, UBND tỉnh.")
    assert clause(parse_md(LAYOUTS["bullet"].format(t=text)), text[:24]).product == \
        "báo cáo tình hình thực hiện Kế hoạch, gửi Sở Công thương"


def test_a_report_opening_with_its_addressee_keeps_it_whole():
    # "báo cáo Bộ Quốc phòng, gửi Bộ Tài chính …": the addressee is no content said before a second addressee
    text = "Cục Tài chính thẩm định, báo cáo Bộ Quốc phòng, gửi Bộ Tài chính thẩm định."
    assert clause(parse_md(LAYOUTS["bullet"].format(t=text)), text[:24]).product == "báo cáo Bộ Quốc phòng"


HEADING_TASKS = [
    ("3. Thủ trưởng các sở, ban, ngành và Ủy ban nhân dân phường, xã chịu trách nhiệm triển khai, thực hiện Kế "
     "hoạch này và báo cáo kết quả thực hiện về Ủy ban nhân dân Thành phố (thông qua Sở Nội vụ để tổng hợp).",
     "báo cáo kết quả thực hiện về Ủy ban nhân dân Thành phố"),
    ("2. Sở Công Thương tổng hợp báo cáo Tỉnh ủy, HĐND, UBND tỉnh về tình hình thực hiện Kế hoạch này định kỳ hàng "
     "tháng (trước ngày 18 hàng tháng).", "báo cáo Tỉnh ủy, HĐND, UBND tỉnh về tình hình thực hiện Kế hoạch này"),
]


@pytest.mark.parametrize("text,product", HEADING_TASKS)
def test_a_heading_that_is_a_task_sentence_reads_its_report(text, product):
    md = f"**IV. TỔ CHỨC THỰC HIỆN**\n\n**{text}**\n\n- Chi tiết thực hiện theo phụ lục.\n"
    c = clause(parse_md(md), text[3:27])
    assert c.kind == "heading" and c.product == product


def test_a_heading_title_reads_no_report():
    md = "**IV. TỔ CHỨC THỰC HIỆN**\n\n**4. Chế độ báo cáo Ủy ban nhân dân tỉnh**\n\n- Sở Nội vụ tổng hợp.\n"
    assert clause(parse_md(md), "Chế độ báo cáo").product is None


MADE = [
    # a province's marine plan: two joined acts
    ("Xây dựng và triển khai kế hoạch quan trắc, cảnh báo và giám sát môi trường nước phục vụ nuôi trồng thủy sản; "
     "công tác phòng chống dịch bệnh.",
     "kế hoạch quan trắc, cảnh báo và giám sát môi trường nước phục vụ nuôi trồng thủy sản"),
    # a province's digital plan: "xây dựng và phê duyệt"
    ("Báo Đồng Nai chủ động phối hợp với các sở xây dựng và phê duyệt kế hoạch tổ chức tuyên truyền về nội dung Kế "
     "hoạch này.", "kế hoạch tổ chức tuyên truyền về nội dung Kế hoạch này"),
    # a commune's party plan: "xây dựng và thực hiện"
    ("Xây dựng và thực hiện kế hoạch tạo nguồn phát triển đảng viên hằng năm theo hướng cụ thể, thiết thực.",
     "kế hoạch tạo nguồn phát triển đảng viên"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,product", MADE)
def test_a_document_made_after_two_joined_acts(layout, text, product):
    assert clause(parse_md(LAYOUTS[layout].format(t=text)), text[:24]).product == product


LONG_NAMES = [
    ("Ban hành bộ tiêu chí đại học số và các cơ chế đặc biệt áp dụng cho cơ sở giáo dục đại học triển khai mô hình "
     "đại học số đạt tiêu chí về hạ tầng, học liệu, quản trị và đội ngũ.", "bộ tiêu chí đại học số"),
    ("Khuyến khích Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh xây dựng kế hoạch hành động và chỉ đạo hệ thống tổ "
     "chức thành viên chủ động tham gia phát triển và ứng dụng công nghệ số phục vụ kinh tế số và xã hội số.",
     "kế hoạch hành động"),
    ("Xây dựng Chương trình hỗ trợ nông dân chuyển đổi số và tổ chức tập huấn cho hợp tác xã, tổ hợp tác, hộ kinh "
     "doanh, doanh nghiệp nhỏ và vừa ở các xã, phường trên địa bàn tỉnh theo từng ngành, lĩnh vực ưu tiên.",
     "Chương trình hỗ trợ nông dân chuyển đổi số"),
]


@pytest.mark.parametrize("text,product", LONG_NAMES)
def test_an_over_long_name_is_cut_where_a_second_thing_or_act_joins(text, product):
    assert clause(parse_md(LAYOUTS["bullet"].format(t=text)), text[:24]).product == product


def test_a_short_name_with_and_stays_whole():
    text = "Xây dựng kế hoạch phát triển văn hóa và các thiết chế thể thao cơ sở."
    assert clause(parse_md(LAYOUTS["bullet"].format(t=text)), text[:24]).product == \
        "kế hoạch phát triển văn hóa và các thiết chế thể thao cơ sở"
