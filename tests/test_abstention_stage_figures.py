"""Two exact checks read on what the answering plan states, not on its words (round 16, abst22):

- a figure stated under a stage is the stage's figure (`evidence.stage_figure`, read by `year_of_value`): "+ Đầu tư mới
  trạm 5G: 35 trạm" under "Giai đoạn 2026 - 2030" does not say how many stations stand in 2027, though 2027 lies in the
  stage; a clause writing its years itself ("dự kiến thu … 03 năm 2026 - 2028") keeps its span;
- a when-question in a task's words asks its thời hạn (`evidence.asks_due_time`, read by `asked_field_stated`):
  "thời gian thực hiện là khi nào", "trước ngày nào", "bao giờ phải xong" of a task whose plan states no thời hạn is a
  near-miss, as "hạn chót" already was; a period, a start or a resolution's date asked is not a task's due time.

Wordings modelled on a province's 5G-in-industrial-zones plan, a mountain province's tourism plan, a province's three-year
budget plan, a province's law-implementation plan and a wind-power investment call; synthetic in-memory stores read
by the real `Evidence`.
"""
from __future__ import annotations

from functools import partial

from corpus.model import Document, Locality
from retrieval.evidence import EVIDENCE, Evidence, asks_due_time, stage_figure
from retrieval.query import analyse
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, plan_clause, read_evidence

PLANS = {
    "vt": Document("vt", "vt.md", title="Kế hoạch phát triển hạ tầng viễn thông 5G trong các khu công nghiệp giai "
                   "đoạn 2026 - 2030, tầm nhìn đến năm 2045", kind="Kế hoạch", locality=Locality(province="Nghệ An")),
    "dl": Document("dl", "dl.md", title="Kế hoạch phát triển du lịch cộng đồng giai đoạn 2026 - 2028",
                   kind="Kế hoạch", locality=Locality(province="Lai Châu")),
    "ns": Document("ns", "ns.md", title="Kế hoạch tài chính - ngân sách nhà nước 03 năm 2026 - 2028",
                   kind="Kế hoạch", locality=Locality(province="Cà Mau")),
}
CLAUSES = [
    # a stage's count, its years from its thời hạn and heading only
    plan_clause("vt", 120, "+ Đầu tư mới trạm 5G: 35 trạm (Trong đó: doanh nghiệp A: 09 trạm, doanh nghiệp B: 26 trạm);",
                ["2. Kế hoạch phát triển giai đoạn 2026 - 2030", "2.1. Xây dựng trạm 5G"],
                deadline="Giai đoạn 2026 - 2030"),
    # a tourism plan's figure under its stage heading
    plan_clause("dl", 40, "- Đón 1.200.000 lượt khách du lịch cộng đồng.", ["II. MỤC TIÊU", "Giai đoạn 2026 - 2028"]),
    # a budget plan's forecast writing its own three years: each year's figure stands in its tables
    plan_clause("ns", 88, "Dự kiến tổng thu ngân sách nhà nước trên địa bàn 03 năm 2026 - 2028 đạt 38.000.000 triệu đồng "
                "như Mẫu biểu số 02 đính kèm.", ["2. Khung cân đối ngân sách", "2.1. Thu ngân sách"], kind="paragraph"),
]


def _evidence() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


_read = partial(read_evidence, plans=PLANS)


def test_a_figure_whose_years_come_only_from_its_stage_is_a_stage_figure():
    stations, visitors, budget = CLAUSES
    assert stage_figure(stations) and stage_figure(visitors)
    assert not stage_figure(budget)  # its own text writes 2026 - 2028


def test_a_stage_count_does_not_answer_a_year_inside_the_stage():
    ev = _evidence()
    asked = "Nghệ An phấn đấu đến năm {} có bao nhiêu trạm 5G đầu tư mới tại các khu công nghiệp?"
    assert _read(ev, "year_of_value", asked.format(2027), [("vt", 120)]) == 0.0
    assert _read(ev, "year_of_value", asked.format(2030), [("vt", 120)]) == 1.0
    # a period asked is the stage's own: its figure answers it
    assert _read(ev, "year_of_value", asked.replace("đến năm {}", "giai đoạn 2026-2030"), [("vt", 120)]) == 1.0


def test_a_stage_target_answers_its_first_and_last_year_only():
    ev = _evidence()
    asked = "Lai Châu đặt chỉ tiêu đón bao nhiêu lượt khách du lịch cộng đồng năm {}?"
    assert _read(ev, "year_of_value", asked.format(2027), [("dl", 40)]) == 0.0
    assert _read(ev, "year_of_value", asked.format(2028), [("dl", 40)]) == 1.0
    assert _read(ev, "year_of_value", asked.format(2026), [("dl", 40)]) == 1.0


def test_a_clause_writing_its_own_years_keeps_its_span():
    ev = _evidence()
    asked = "Cà Mau dự kiến tổng thu ngân sách nhà nước trên địa bàn năm 2027 là bao nhiêu?"
    assert _read(ev, "year_of_value", asked, [("ns", 88)]) == 1.0


# --- a when-question in a task's words asks its thời hạn

LAW = {"lc": Document("lc", "lc.md", title="Kế hoạch triển khai thi hành Luật Tiêu chuẩn và quy chuẩn kỹ thuật",
                      kind="Kế hoạch", locality=Locality(province="Lai Châu"))}


def _field(question: str, clauses) -> float:
    ev = Evidence(EvidenceStore(list(clauses), {**PLANS, **LAW}), strategy_for)  # type: ignore[arg-type]
    ranked = [(i, 0.9 - 0.1 * i, 1.0) for i in range(len(clauses))]
    return EVIDENCE["asked_field_stated"].read(ev, analyse(question, {**PLANS, **LAW}, [], words=ev.words), ranked)


def test_a_when_in_a_tasks_words_asks_its_due_time_a_period_a_start_or_a_date_does_not():
    due = ["Nhiệm vụ tổ chức hỗ trợ thi hành Luật có thời gian thực hiện là khi nào?",
           "Doanh nghiệp viễn thông phải gửi kế hoạch phủ sóng 5G trước ngày nào?",
           "bao gio phai xong keu goi dau tu dien gio?"]
    assert all(asks_due_time(q, strategy_for(q)) for q in (analyse(text, {}, []) for text in due))
    not_due = ["Kế hoạch phát triển 5G khu công nghiệp áp dụng giai đoạn nào?",
               "Việc hỗ trợ doanh nghiệp bắt đầu từ khi nào?",
               # a resolution's or an event's date: no task's thời hạn
               "Đại hội đại biểu Đảng bộ xã lần thứ I ra Nghị quyết ngày nào?"]
    assert not any(asks_due_time(q, strategy_for(q)) for q in (analyse(text, {}, []) for text in not_due))


def test_a_task_found_without_a_thoi_han_does_not_answer_a_plain_when():
    # law plan: "5. Tổ chức các nội dung hỗ trợ thi hành Luật" with its lead and no Thời gian thực hiện
    task = plan_clause("lc", 50, "5. Tổ chức các nội dung hỗ trợ thi hành Luật theo quy định pháp luật",
                       ["II. NỘI DUNG KẾ HOẠCH"], kind="item", lead="Các sở, ngành có liên quan")
    q = "Nhiệm vụ tổ chức các nội dung hỗ trợ thi hành Luật của Lai Châu có thời gian thực hiện là khi nào?"
    assert _field(q, [task]) == 0.0
    dated = plan_clause("lc", 50, task.text + ". Thời gian thực hiện: Năm 2026.", ["II. NỘI DUNG KẾ HOẠCH"],
                        kind="item", lead="Các sở, ngành có liên quan", deadline="Năm 2026")
    assert _field(q, [dated]) == 1.0


def test_a_due_day_asked_of_a_tasks_other_line_reads_that_line():
    # 5G plan: the task's "- Thời hạn: trước ngày 15/12 hằng năm" stands on its own line under the unit's section
    task = plan_clause("vt", 300, "- Chủ trì hướng dẫn doanh nghiệp viễn thông xây dựng kế hoạch phủ sóng 5G.",
                       ["IV. TỔ CHỨC THỰC HIỆN", "1. Sở Khoa học và Công nghệ"], lead="Sở Khoa học và Công nghệ")
    line = plan_clause("vt", 301, "- Thời hạn: trước ngày 15/12 hằng năm.",
                       ["IV. TỔ CHỨC THỰC HIỆN", "1. Sở Khoa học và Công nghệ"], deadline="trước ngày 15/12 hằng năm")
    q = "Sở Khoa học và Công nghệ Nghệ An hướng dẫn doanh nghiệp viễn thông xây dựng kế hoạch phủ sóng 5G trước ngày nào?"
    assert _field(q, [task]) == 0.0
    assert _field(q, [task, line]) == 1.0
