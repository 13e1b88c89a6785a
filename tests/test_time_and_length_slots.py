"""A time asked is answered by a deadline, a period, a recurrence or a length of time; a roadmap's task with no
time of its own takes its stage's heading; a sum in USD is money, also where a table row's unit label stands
before its figures. Wordings from several plans' layouts (a regulation's criteria, a roadmap's stages, a
three-year budget table, an export plan's appendix)."""
from __future__ import annotations

import re

import pytest

from corpus.model import Clause, Target
from retrieval.evidence import clause_holds_value, stage_heading
from retrieval.query import analyse, answer_slot, folded
from retrieval.strategies import STRATEGIES


def clause(n: int, text: str, section: list[str], **kw) -> Clause:
    return Clause(id=f"d:{n:04d}", doc_id="d", kind=kw.pop("kind", "bullet"), label=None, section_path=section,
                  text=text, source="d.md", lines=(n, n), **kw)


@pytest.mark.parametrize("question", [
    "Muốn làm đội trưởng thì cần kinh nghiệm hoạt động trực tiếp tối thiểu bao lâu?",
    "Giảng viên phải dành bao nhiêu thời gian cho nghiên cứu khoa học?",
    "Giấy phép có hiệu lực mấy năm?",
    "Nền tảng dữ liệu số do sở nào thực hiện, thời gian bao lâu?",
])
def test_a_length_of_time_asked_is_a_time(question):
    assert answer_slot(folded(question)).kind == "time"


def test_how_much_in_a_year_is_that_years_figure_not_a_length():
    assert answer_slot(folded("Sản lượng nhãn đạt bao nhiêu năm 2030?")).kind == "number"


@pytest.mark.parametrize("text", [
    "d) Có kinh nghiệm hoạt động trực tiếp ít nhất 02 năm trong lĩnh vực điều tra, khảo sát.",
    "- Giảng viên dành ít nhất 1/5 tổng quỹ thời gian (tương đương 352 giờ hành chính) để nghiên cứu.",
    "Trong thời hạn 30 (ba mươi) ngày kể từ ngày nhận hồ sơ, cơ quan có thẩm quyền trả lời.",
])
def test_a_clause_stating_a_length_holds_a_time(text):
    slot = answer_slot(folded("tối thiểu bao lâu?"))
    assert clause_holds_value(clause(10, text, ["Điều 5. Tiêu chuẩn"]), slot)


def test_a_length_typed_as_the_clauses_target_holds_a_time():
    c = clause(12, "Có thâm niên công tác liên tục.", [], target=Target([3.0], "năm", ">=", None, "từ 03 năm trở lên"))
    assert clause_holds_value(c, answer_slot(folded("cần thâm niên bao lâu?")))


@pytest.mark.parametrize("heading,is_stage", [
    ("2. Giai đoạn 2031 - 2035", True),
    ("Năm 2026", True),
    ("a) Quý III/2026", True),
    ("1. Từ năm 2027 đến năm 2030", True),
    ("Mục tiêu đến năm 2030", False),
    ("Nhiệm vụ năm 2026", False),
    ("2.1. Mở rộng và đổi mới cơ chế, chính sách", False),
])
def test_a_heading_that_is_a_time_is_a_stage(heading, is_stage):
    c = clause(280, "- Xây dựng cơ chế thử nghiệm.", ["III. LỘ TRÌNH THỰC HIỆN", heading])
    assert (stage_heading(c) == heading) is is_stage


def test_a_roadmap_task_without_its_own_time_is_answered_with_its_stage():
    section = ["III. LỘ TRÌNH THỰC HIỆN", "2. Giai đoạn 2031 - 2035", "2.1. Mở rộng và đổi mới cơ chế, chính sách"]
    task = clause(279, "- Xây dựng và triển khai cơ chế Sandbox cho các mô hình kinh doanh mới.", section)
    q = analyse("Khi nào xây dựng cơ chế Sandbox?", {}, [])
    assert clause_holds_value(task, q.answer_slot)
    line = STRATEGIES["when"].line(task, q)
    assert "Giai đoạn 2031 - 2035" in line and "Sandbox" in line
    # a task stating its own deadline is answered with it, not its stage
    own = clause(281, "- Ban hành quy chế thử nghiệm.", section, deadline="Quý II/2032")
    assert STRATEGIES["when"].line(own, q).startswith("Thời hạn: Quý II/2032")
    # with no stage above it, a task states no time
    plain = clause(300, "- Xây dựng cơ chế thử nghiệm.", ["V. TỔ CHỨC THỰC HIỆN", "1. Sở Tài chính"])
    assert not clause_holds_value(plain, q.answer_slot)


def test_a_sum_in_usd_is_money_also_where_the_rows_unit_label_precedes_its_figures():
    slot = answer_slot(folded("Tổng giá trị kế hoạch năm 2027 là bao nhiêu nghìn USD?"))
    assert slot.kind == "money"
    row = clause(1409, "Tổng cộng — Giá trị tham gia xuất khẩu (Nghìn USD): 250.000 270.000 300.000", [],
                 kind="table_row")
    assert clause_holds_value(row, slot)
    assert clause_holds_value(clause(115, "Giá trị hàng hóa xuất khẩu đạt 400 triệu USD.", []), slot)
    assert not clause_holds_value(clause(116, "Đẩy mạnh xuất khẩu sang thị trường Hoa Kỳ.", []), slot)


def test_a_heading_found_answers_with_every_item_it_heads_not_only_the_first():
    from corpus.model import Document
    from retrieval.answer import compose_by_plan
    top = ["III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"]
    title = "10. Xây dựng cơ chế tài chính bền vững phục vụ khai thác tài nguyên biển"
    heading = clause(425, title, top, kind="heading")
    first = clause(429, "- Huy động và sử dụng có hiệu quả các nguồn vốn đầu tư, đẩy mạnh xã hội hóa.", top + [title])
    second = clause(434, "- Nghiên cứu, xây dựng cơ chế tăng nguồn thu cho ngân sách nhà nước từ khai thác tài nguyên.",
                    top + [title])
    after = clause(440, "11. Vận hành hệ thống thông tin về tài nguyên biển", top, kind="heading")
    plan = [heading, first, second, after]
    q = analyse("Đề ra giải pháp gì để tạo cơ chế tài chính bền vững?", {}, [])
    doc = Document(id="d", source="d.md", title="Kế hoạch")
    answer = compose_by_plan(STRATEGIES["fact"], q, [(heading, 0.5, 1.0), (first, 0.4, 1.0)], {"d": doc},
                             lambda doc_id: plan)
    assert "xã hội hóa" in answer and "tăng nguồn thu" in answer and "Vận hành" not in answer


def test_a_table_rows_label_pairs_with_the_heading_it_stands_under(retriever):
    """"- Khu vực nông nghiệp, thủy sản" under "2. Tổng giá trị sản phẩm tăng bình quân": the row is that
    heading's figure for its label, so the pairs joining the two count as the row's (in either order)."""
    ev = retriever.evidence
    rows = [p for p, c in enumerate(ev.store.clauses) if c.kind == "table_row" and c.section_path]
    assert rows
    for p in rows:
        c = ev.store.clauses[p]
        label = ev.words(c.noi_dung)  # the row's nội dung cell (`Clause.noi_dung`), never a cut of its display text
        heading = ev.words(re.sub(r"^\s*(?:[0-9IVX]+[.)]?(?:\d+[.)]?)*|[a-zđ][.)])\s+", "", c.section_path[-1]))
        if label and heading:
            have = ev.clause_bigrams(p)
            assert f"{label[-1]} {heading[0]}" in have and f"{heading[-1]} {label[0]}" in have


def test_a_year_asked_is_read_from_the_row_whose_label_writes_the_questions_words():
    sec = ["13. Y tế:"]
    poor = clause(1130, "+ Người thuộc hộ nghèo — Năm 2026: 10.307; Năm 2027: 10.307", sec, kind="table_row",
                  year_values={2026: "10.307", 2027: "10.307"})
    near_poor = clause(1216, "+ Người thuộc hộ gia đình cận nghèo — Năm 2026: 15.529; Năm 2027: 15.529", sec,
                       kind="table_row", year_values={2026: "15.529", 2027: "15.529"})
    q = analyse("Số người thuộc hộ cận nghèo mua BHYT năm 2027 là bao nhiêu?", {}, [])
    assert STRATEGIES["target"].pick([poor, near_poor], q) is near_poor
    assert "năm 2027: 15.529" in STRATEGIES["target"].line(near_poor, q)


def test_a_sentence_stating_a_figure_for_another_year_does_not_answer_the_year_asked():
    sentence = clause(271, "- GRDP bình quân đầu người đạt khoảng 91 triệu đồng.",
                      ["1. Dự báo các chỉ tiêu kinh tế - xã hội đến năm 2026"],
                      target=Target([91.0], "triệu đồng", "=", None, "khoảng 91 triệu đồng"))
    row = clause(814, "9. GRDP bình quân đầu người — Năm 2026: 90,0; Năm 2027: 101,0; Năm 2028: 114,8",
                 ["DỰ BÁO MỘT SỐ CHỈ TIÊU"], kind="table_row", year_values={2026: "90,0", 2027: "101,0", 2028: "114,8"})
    assert STRATEGIES["target"].pick([sentence, row], analyse("GRDP bình quân đầu người đạt bao nhiêu năm 2028?", {}, [])) is row
    # asked for the sentence's own year, the sentence ranked first still answers
    assert STRATEGIES["target"].pick([sentence, row], analyse("GRDP bình quân đầu người đạt bao nhiêu năm 2026?", {}, [])) is sentence
