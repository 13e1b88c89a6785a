"""Which ranked clause an answer quotes: a table row named by its label and the year asked (`strategies.row_fit`),
and a unit's duty found as one item of a list of sibling items (`Duties.items`, `strategies.sibling_items`).
Synthetic rows and lists modelled on the plans' appendix tables and "Tổ chức thực hiện" sections."""
from __future__ import annotations

import pytest

from corpus.model import Clause
from retrieval.query import analyse
from retrieval.strategies import STRATEGIES, sibling_items


def clause(n: int, text: str, section: list[str], doc: str = "d", **kw) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kw.pop("kind", "bullet"), label=None, section_path=section,
                  text=text, source=f"{doc}.md", lines=(n, n), **kw)


def row(n: int, label: str, cells: str, section: list[str], values: dict[int, str]) -> Clause:
    return clause(n, f"{label} — {cells}", section, kind="table_row", columns={"noi_dung": label},
                  year_values=values)


def question(text: str):
    return analyse(text, {}, [])


# (question, the row ranked first, the row asked): the first writes as many of the question's label words
ROW_CASES = [
    # the column titles name what is asked: an export table's row over a production table's row above it
    ("Năm 2029 tỉnh xuất khẩu chè bao nhiêu tấn?",
     row(700, "Sản lượng chè búp tươi", "ĐVT: Tấn; Năm 2029: 95.000", ["PHỤ LỤC 01", "2. Chè"], {2029: "95.000"}),
     row(1500, "Chè", "Kế hoạch 2029 Lượng (Tấn): 4.200; Kế hoạch 2029 Giá trị xuất khẩu (Nghìn USD): 9.800",
         ["PHỤ LỤC 02"], {2029: "4.200"})),
    # the row whose label is all the question names, not one with more words of its own
    ("Dự toán thu phí, lệ phí năm 2027 là bao nhiêu?",
     row(2300, "Các khoản phí, lệ phí", "Dự kiến năm 2027: 383.000", ["DỰ KIẾN THU THEO SẮC THUẾ"], {2027: "383.000"}),
     row(1700, "Phí, lệ phí", "Dự kiến 03 năm kế hoạch Năm 2027: 124.000", ["BIỂU TỔNG HỢP DỰ TOÁN THU"],
         {2027: "124.000"})),
    ("Số học sinh mầm non năm 2028 dự kiến là bao nhiêu?",
     row(410, "Số học sinh mầm non ngoài công lập", "Năm 2028: 3.100", ["PHỤ LỤC", "II. Giáo dục"], {2028: "3.100"}),
     row(405, "Số học sinh mầm non", "Năm 2028: 41.500", ["PHỤ LỤC", "II. Giáo dục"], {2028: "41.500"})),
]


@pytest.mark.parametrize("text, ranked_first, asked", ROW_CASES)
def test_a_row_whose_label_and_columns_name_the_question_beats_a_row_ranked_above_it(text, ranked_first, asked):
    assert STRATEGIES["target"].pick([ranked_first, asked], question(text)) is asked


def test_a_row_whose_label_writes_more_of_the_question_still_wins_over_a_shorter_label():
    sec = ["PHỤ LỤC", "III. Giảm nghèo"]
    poor = row(300, "Tỷ lệ hộ nghèo", "Năm 2027: 1,2", sec, {2027: "1,2"})
    near = row(301, "Tỷ lệ hộ cận nghèo", "Năm 2027: 2,5", sec, {2027: "2,5"})
    assert STRATEGIES["target"].pick([poor, near], question("Tỷ lệ hộ cận nghèo năm 2027 là bao nhiêu?")) is near


# (the list's section, the item found, its sibling items) on three plans' wordings
SIBLING_CASES = [
    (["III. GIẢI PHÁP", "2.1. Thu ngân sách"],
     "- Tăng cường thanh tra, kiểm tra chống thất thu thuế và quản lý nợ đọng thuế.",
     ["- Đẩy mạnh cải cách thủ tục hành chính thuế, kiểm soát chặt chẽ hoàn thuế.",
      "- Mở rộng cơ sở thu, khai thác nguồn thu mới."]),
    (["IV. TỔ CHỨC THỰC HIỆN", "3. Ủy ban nhân dân các xã, phường"],
     "- Định kỳ kiểm tra, đánh giá tình hình thực hiện kế hoạch trên địa bàn.",
     ["- Xây dựng kế hoạch triển khai phù hợp với điều kiện thực tế của địa phương.",
      "- Báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15 tháng 12 hằng năm."]),
    (["Điều 8. Nghiên cứu khoa học", "d) Định mức giờ chuẩn nghiên cứu khoa học"],
     "- Giám đốc Trung tâm giao nhiệm vụ nghiên cứu khoa học cho giảng viên.",
     ["- Hằng năm, giảng viên hoàn thành nhiệm vụ nghiên cứu khoa học được giao.",
      "- Giảng viên dành ít nhất 1/5 thời gian làm việc trong năm cho nghiên cứu khoa học."]),
]


@pytest.mark.parametrize("section, found, siblings", SIBLING_CASES)
def test_a_duty_found_as_one_item_of_a_list_is_quoted_with_its_sibling_items(section, found, siblings):
    first = clause(20, found, section)
    others = [clause(10 + i * 20, t, section) for i, t in enumerate(siblings)]
    plan = sorted([first, *others], key=lambda c: c.lines)
    elsewhere = clause(90, "- Nội dung của một mục khác.", [section[0], "9. Mục khác"])
    items = STRATEGIES["duties"].items(first, [*plan, elsewhere], question("Đơn vị này phải làm gì?"))
    assert [c.text for c in items] == [c.text for c in plan if c is not first]


def test_an_item_standing_in_prose_or_a_long_run_brings_no_siblings():
    sec = ["II. NHIỆM VỤ", "1. Chuyển đổi số"]
    first = clause(20, "- Triển khai nền tảng số dùng chung.", sec)
    prose = clause(10, "Tỉnh tập trung các nhiệm vụ trọng tâm sau đây, bảo đảm đồng bộ và hiệu quả.", sec,
                   kind="paragraph")
    assert sibling_items(first, [prose, first]) == []
    long_run = [clause(30 + i, f"- Nhiệm vụ thứ {i}.", sec) for i in range(20)]
    assert sibling_items(first, [first, *long_run]) == []
    heading = clause(5, "1. Chuyển đổi số", ["II. NHIỆM VỤ"], kind="heading")
    assert sibling_items(heading, [heading, first]) == []
