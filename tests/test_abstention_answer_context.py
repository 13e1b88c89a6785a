"""Abstention evidence reads what the answer shows, and the unit a question opens with stops at its name (issue #10).

A bare title found first ("1.2. Kiến nghị thực thi", "Điều 12. Cấp lại giấy chứng nhận", "2. Thời gian thực hiện")
answers through the first clause it heads, and the answer quotes that clause with it (`strategies.heading_body`):
the value asked stands there, not in the title, so the evidence (`Evidence.answer_clauses`) reads it too — a
question the plan answers is not refused because the ranker found the title. A title whose body states no value of
the kind asked is still a near-miss. And a unit's name read from a question's opening capitals ends where the
capitals do: "Sở VHTTDL Đắk Lắk được giao …" names "Sở VHTTDL", not a unit "Sở VHTTDL … được" no plan has.
Wordings from several plans (a procedure-simplification decision, a political-centre regulation, an export plan,
a competition plan, a 5G plan); the store is a small in-memory one read by the real `Evidence`.
"""
from __future__ import annotations

import re
from functools import partial

from corpus.model import Document, Locality
from retrieval.evidence import Evidence
from retrieval.query import CAPITAL
from retrieval.query import analyse
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, duty_clause, plan_clause, read_evidence


PLANS = {
    "tt": Document("tt", "tt.md", title="Quyết định Thông qua phương án đơn giản hóa thủ tục hành chính",
                   kind="Quyết định", locality=Locality(province="Đồng Nai")),
    "qc": Document("qc", "qc.md", title="Quy chế tổ chức, quản lý bồi dưỡng của Trung tâm chính trị xã",
                   kind="Quyết định", locality=Locality(province="Lai Châu")),
    "xk": Document("xk", "xk.md", title="Kế hoạch Xuất khẩu sản phẩm hàng hóa chủ lực giai đoạn 2026 - 2030",
                   kind="Kế hoạch", locality=Locality(province="Sơn La")),
    "td": Document("td", "td.md", title="Kế hoạch Tổ chức đợt thi đua chào mừng Đại hội Đảng lần thứ XIV",
                   kind="Kế hoạch", locality=Locality(province="Đắk Lắk")),
    "dl": Document("dl", "dl.md", title="Quyết định Ban hành kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân",
                   kind="Quyết định"),
    "g5": Document("g5", "g5.md", title="Kế hoạch Phát triển hạ tầng 5G trong các Khu công nghiệp", kind="Kế hoạch",
                   locality=Locality(province="Nghệ An")),
}
_SHEET = ["B. THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "1. Thủ tục Xác định mức độ khuyết tật"]
_RULE = ["Chương III. CẤP GIẤY CHỨNG NHẬN"]
_PLAN = ["IV. TỔ CHỨC THỰC HIỆN"]
CLAUSES = [
    # a procedure sheet: the title found, the figure in the line under it
    plan_clause("tt", 270, "1.2. Kiến nghị thực thi", _SHEET, kind="heading"),
    plan_clause("tt", 271, "- Rút ngắn thời gian giải quyết thủ tục từ 25 ngày làm việc còn 15 ngày làm việc.",
            _SHEET + ["1.2. Kiến nghị thực thi"]),
    plan_clause("tt", 280, "1.3. Lợi ích phương án đơn giản hóa", _SHEET, kind="heading"),
    plan_clause("tt", 281, "- Giảm chi phí tuân thủ thủ tục hành chính cho người dân.", _SHEET + ["1.3. Lợi ích phương án đơn giản hóa"]),
    # a regulation: an article's title, its first paragraph the deadline
    plan_clause("qc", 120, "Điều 12. Cấp lại giấy chứng nhận", _RULE, kind="heading"),
    plan_clause("qc", 121, "Trong 03 ngày làm việc kể từ ngày nhận đơn, Trung tâm cấp lại giấy chứng nhận bị lỗi.",
            _RULE + ["Điều 12. Cấp lại giấy chứng nhận"]),
    # an export plan: the time of the plan under its own title
    plan_clause("xk", 40, "2. Thời gian thực hiện", ["I. MỤC ĐÍCH, YÊU CẦU"], kind="heading"),
    plan_clause("xk", 41, "Từ tháng 01 năm 2026 đến hết năm 2030.", ["I. MỤC ĐÍCH, YÊU CẦU", "2. Thời gian thực hiện"]),
    plan_clause("xk", 60, "3. Phát triển dịch vụ hỗ trợ xuất khẩu", ["II. NHIỆM VỤ, GIẢI PHÁP"], kind="heading"),
    plan_clause("xk", 61, "Hỗ trợ doanh nghiệp tham gia hội chợ, triển lãm ở nước ngoài.",
            ["II. NHIỆM VỤ, GIẢI PHÁP", "3. Phát triển dịch vụ hỗ trợ xuất khẩu"]),
    # a competition plan: a unit's duty under its code
    duty_clause("td", 245, "3. Sở Văn hóa, Thể thao và Du lịch: chỉ đạo tuyên truyền về đợt thi đua.",
                lead="Sở Văn hóa, Thể thao và Du lịch"),
    duty_clause("td", 250, "4. Sở Y tế: phát động phong trào hiến máu tình nguyện.", lead="Sở Y tế"),
    # a unit opening a question as the partner of the unit after "phối hợp với"
    duty_clause("dl", 202, "- Nghị định quy định chi tiết Luật Bảo vệ dữ liệu cá nhân", lead="Bộ Công an",
                partners="Văn phòng Chính phủ, Bộ Tư pháp và các cơ quan có liên quan",
                lead_units=("Bộ Công an",), partner_units=("Văn phòng Chính phủ", "Bộ Tư pháp")),
    duty_clause("g5", 176, "- Hướng dẫn các doanh nghiệp viễn thông phát triển 5G trong khu công nghiệp.",
                lead="Sở Khoa học và Công nghệ", partners="Ban Quản lý Khu kinh tế Đông Nam",
                lead_units=("Sở Khoa học và Công nghệ",), partner_units=("Ban Quản lý Khu kinh tế Đông Nam",)),
]


def _evidence() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


# one evidence item as the decision reads it, over this file's plans
_read = partial(read_evidence, plans=PLANS)


def test_a_value_under_a_bare_title_found_first_fills_the_slot_asked():
    ev = _evidence()
    # the procedure sheet's "còn bao nhiêu ngày": the days stand in the line the title heads
    assert _read(ev, "slot_filled", "Thủ tục xác định mức độ khuyết tật ở Đồng Nai được rút ngắn còn bao nhiêu ngày?",
                 [("tt", 270), ("tt", 280)]) == 1.0
    # the regulation's "trong mấy ngày": the article's first paragraph
    assert _read(ev, "slot_filled", "Giấy chứng nhận bị lỗi thì trong mấy ngày phải cấp lại?",
                 [("qc", 120)]) == 1.0
    # the export plan's "giai đoạn nào" / "khi nào": the time written under "2. Thời gian thực hiện"
    assert _read(ev, "slot_filled", "Kế hoạch xuất khẩu của Sơn La thực hiện đến khi nào?", [("xk", 40)]) == 1.0


def test_a_bare_title_whose_body_states_no_value_of_the_kind_asked_is_still_a_near_miss():
    ev = _evidence()
    assert _read(ev, "slot_filled", "Phương án đơn giản hóa ở Đồng Nai giảm chi phí bao nhiêu phần trăm?",
                 [("tt", 280)]) == 0.0
    assert _read(ev, "slot_filled", "Sơn La hỗ trợ bao nhiêu doanh nghiệp tham gia hội chợ ở nước ngoài?",
                 [("xk", 60)]) == 0.0


def test_the_title_body_is_read_once_and_only_for_a_title():
    ev = _evidence()
    pos = {(c.doc_id, c.lines[0]): i for i, c in enumerate(ev.store.clauses)}
    assert ev.title_body(pos[("tt", 270)]) == (pos[("tt", 271)],)
    assert ev.title_body(pos[("qc", 120)]) == (pos[("qc", 121)],)
    assert ev.title_body(pos[("xk", 41)]) == ()  # not a title: it is its own answer
    listed = [p for p, _, _ in ev.answer_clauses([(pos[("xk", 40)], 0.9, 1.0), (pos[("xk", 41)], 0.8, 1.0)])]
    assert listed == [pos[("xk", 40)], pos[("xk", 41)]]  # the body found again is not read twice


def test_a_unit_read_from_the_opening_capitals_stops_where_the_capitals_do():
    ev = _evidence()
    for question, unit in [("Sở VHTTDL Đắk Lắk được giao việc gì trong đợt thi đua chào mừng Đại hội XIV?",
                            ("so", "vhttdl")),
                           ("Sở Y tế Đắk Lắk ở đâu phát động hiến máu?", ("so", "y")),
                           ("Ban Chỉ đạo Ứng phó đã làm gì?", ("ban", "chi")),
                           ("Bộ Ngoại giao ưu tiên thị trường nào?", ("bo", "ngoai"))]:
        q = analyse(question, PLANS, [], words=ev.words)
        assert ev.named_unit(q) == unit, question
    # so the code's unit takes part in its task found: no false refusal
    assert _read(ev, "named_unit_takes_part", "Sở VHTTDL Đắk Lắk được giao việc gì trong đợt thi đua chào mừng "
                 "Đại hội Đảng XIV?", [("td", 245)]) == 1.0
    assert _read(ev, "named_unit_takes_part", "Sở VHTTDL Đắk Lắk được giao việc gì trong đợt thi đua?",
                 [("td", 250)]) == 0.0


def test_the_unit_a_question_opens_with_acts_before_the_one_after_phoi_hop_voi():
    ev = _evidence()
    # data-protection plan: the ministry opening the question is not among the task's partners, though its lead is
    # the unit after "phối hợp với"
    asked = "Bộ Quốc phòng phối hợp với Bộ Công an xây dựng Nghị định quy định chi tiết Luật Bảo vệ dữ liệu cá nhân?"
    assert ev.named_unit(analyse(asked, PLANS, [], words=ev.words))[:2] == ("bo", "quoc")
    assert _read(ev, "named_unit_takes_part", asked, [("dl", 202)]) == 0.0
    # … one of its partners opening it takes part
    assert _read(ev, "named_unit_takes_part", "Bộ Tư pháp phối hợp với Bộ Công an xây dựng Nghị định quy định chi "
                 "tiết Luật Bảo vệ dữ liệu cá nhân thế nào?", [("dl", 202)]) == 1.0
    # 5G plan: a management board named by the plan as the partner, opening the question
    assert _read(ev, "named_unit_takes_part", "Ban Quản lý Khu kinh tế Đông Nam phối hợp với Sở Khoa học và Công nghệ "
                 "hướng dẫn doanh nghiệp viễn thông thế nào?", [("g5", 176)]) == 1.0
    # competition plan: a department opening the question that neither leads nor coordinates the task found
    assert _read(ev, "named_unit_takes_part", "Sở Y tế phối hợp với Sở Văn hóa, Thể thao và Du lịch tuyên truyền về "
                 "đợt thi đua thế nào?", [("td", 245)]) == 0.0
    # no unit opens it: the unit after "phối hợp với" is the task's lead
    assert ev.named_unit(analyse("Ai phối hợp với Bộ Công an xây dựng Nghị định quy định chi tiết?", PLANS, [],
                                 words=ev.words)) == ("bo", "cong", "an")
    assert _read(ev, "named_unit_takes_part", "Ai phối hợp với Bộ Công an xây dựng Nghị định quy định chi tiết?",
                 [("dl", 202)]) == 1.0


def test_the_capitals_are_the_capital_letters_with_their_marks_and_no_small_letter():
    assert all(re.fullmatch(CAPITAL, ch) for ch in "ABĐƯƠẮỸỐ")
    assert not any(re.fullmatch(CAPITAL, ch) for ch in "ađươắỹốàáạ")
