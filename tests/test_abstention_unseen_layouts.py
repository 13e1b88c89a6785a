"""Exact abstention checks that must hold on plans laid out unlike the development ones (issue #10).

A unit a question writes by its code ("Sở VHTTDL", "Sở TNMT") or a regulation calls by its short name once defined
("Trung tâm" for "Trung tâm chính trị xã") still takes part in the task its plan gives it (no false refusal); the
unit named must act in the clause that holds the value asked, not in a neighbour (a task of its own that states no
deadline, beside another unit's that does, is a near-miss); a province no indexed plan is about is a near-miss even
when the clause found is a national plan's. Wordings from several plans (culture network, 5G in industrial parks,
political-centre regulation, data-protection law, environment plan); the store is a small in-memory one read by the
real `Evidence`.
"""
from __future__ import annotations

from functools import partial

from corpus.model import Clause, Document, Locality
from retrieval.evidence import EVIDENCE, Evidence
from retrieval.query import analyse
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, duty_clause, read_evidence


PLANS = {
    "vh": Document("vh", "vh.md", title="Quyết định Về việc ban hành kế hoạch thực hiện quy hoạch mạng lưới cơ sở "
                   "văn hóa và thể thao", kind="Quyết định"),
    "mt": Document("mt", "mt.md", title="Kế hoạch Bảo vệ môi trường biển và hải đảo", kind="Kế hoạch",
                   locality=Locality(province="Đồng Tháp")),
    "tt": Document("tt", "tt.md", title="Quy chế tổ chức, quản lý bồi dưỡng, giảng dạy",
                   kind="Quyết định", locality=Locality(province="Lai Châu")),
    "g5": Document("g5", "g5.md", title="Kế hoạch Phát triển hệ thống sóng viễn thông 5G trong các Khu công nghiệp",
                   kind="Kế hoạch", locality=Locality(province="Nghệ An")),
}
CLAUSES = [
    duty_clause("vh", 385, "3. Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh, thành phố trực thuộc Trung ương",
            kind="heading", lead="Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh"),
    duty_clause("vh", 388, "Chủ trì, phối hợp với các cơ quan có liên quan rà soát quỹ đất cho cơ sở văn hóa, thể thao.",
            lead="Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh"),
    duty_clause("mt", 40, "- Chủ trì điều tra, đánh giá tài nguyên môi trường biển.", lead="Sở Tài nguyên và Môi trường"),
    duty_clause("mt", 50, "- Trung tâm báo cáo kết quả quan trắc môi trường biển hằng quý.", lead="Trung tâm",
            deadline="hằng quý"),
    duty_clause("tt", 120, "Điều 5. Trung tâm chính trị xã tổ chức các lớp bồi dưỡng chuyên đề.", lead="Trung tâm chính trị xã",
            lead_units=("Trung tâm chính trị xã",)),
    duty_clause("tt", 455, "- Tháng 11 hằng năm, Trung tâm có văn bản báo cáo cấp ủy xã về công tác bồi dưỡng.",
            lead="Trung tâm", deadline="Tháng 11 hằng năm"),
    duty_clause("g5", 176, "- Chủ trì hướng dẫn các doanh nghiệp viễn thông phát triển 5G.",
            lead="Sở Khoa học và Công nghệ", partners="các đơn vị liên quan"),
    duty_clause("g5", 180, "- Rà soát hạ tầng viễn thông trong khu công nghiệp, hoàn thành trong Quý II/2026.",
            lead="Ban Quản lý các Khu kinh tế", deadline="Quý II/2026"),
    duty_clause("g5", 182, "- Cấp phép xây dựng trạm BTS trong khu công nghiệp, hoàn thành trong năm 2026.",
            lead="Sở Khoa học và Công nghệ", deadline="năm 2026"),
]


def _evidence() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


# one evidence item as the decision reads it, over this file's plans
_read = partial(read_evidence, plans=PLANS)


def test_a_unit_written_by_its_code_takes_part_in_the_task_its_spelled_out_name_leads():
    ev = _evidence()
    assert _read(ev, "named_unit_takes_part", "Sở VHTTDL các tỉnh phải làm gì về quỹ đất cho cơ sở văn hóa, thể thao?",
                 [("vh", 388)]) == 1.0
    assert _read(ev, "named_unit_takes_part", "Sở TNMT Đồng Tháp phải làm gì về môi trường biển?",
                 [("mt", 40)]) == 1.0
    # a code whose letters begin no word run of the lead is another unit
    assert _read(ev, "named_unit_takes_part", "Sở GTVT Đồng Tháp phải làm gì về môi trường biển?",
                 [("mt", 40)]) == 0.0


def test_a_regulations_short_name_for_its_unit_counts_only_where_the_plan_writes_the_full_name():
    ev = _evidence()
    asked = "Trung tâm chính trị xã báo cáo cấp ủy xã về công tác bồi dưỡng vào thời điểm nào?"
    assert _read(ev, "named_unit_takes_part", asked, [("tt", 455)]) == 1.0
    # the same short lead in a plan that never names "Trung tâm chính trị xã" is some other centre
    assert _read(ev, "named_unit_takes_part", asked, [("mt", 50)]) == 0.0


def test_the_named_unit_must_act_in_the_clause_holding_the_value_asked():
    ev = _evidence()
    asked = "Sở Khoa học và Công nghệ Nghệ An phải rà soát hạ tầng viễn thông trong khu công nghiệp trước thời hạn nào?"
    # the unit's own task found first states no deadline; the deadline found is another unit's task
    assert _read(ev, "named_unit_takes_part", asked, [("g5", 176), ("g5", 180)]) == 0.0
    # its own task stating a deadline answers
    assert _read(ev, "named_unit_takes_part", "Sở Khoa học và Công nghệ Nghệ An phải cấp phép xây dựng trạm BTS trong "
                 "khu công nghiệp trước thời hạn nào?", [("g5", 182), ("g5", 176)]) == 1.0
    # … but another of its tasks does not lend its deadline to the one found first, which states none
    assert _read(ev, "named_unit_takes_part", asked, [("g5", 176), ("g5", 182)]) == 0.0
    # no value asked: taking part in any answer clause is enough
    assert _read(ev, "named_unit_takes_part", "Sở Khoa học và Công nghệ Nghệ An phải làm gì về viễn thông 5G?",
                 [("g5", 176), ("g5", 180)]) == 1.0


def test_a_province_no_indexed_plan_is_about_is_a_near_miss_whatever_plan_is_found():
    ev = _evidence()
    # Nghệ An has a plan: a plan of no known province found for it is only unsure
    assert _read(ev, "place_agrees", "Nghệ An rà soát quỹ đất cho cơ sở văn hóa, thể thao thế nào?", [("vh", 388)]) == 0.5
    assert _read(ev, "place_agrees", "Nghệ An phát triển 5G trong khu công nghiệp thế nào?", [("g5", 176)]) == 1.0
    # no plan is about An Giang (nor Quảng Trị): what a national plan says is not what that province decided
    assert _read(ev, "place_agrees", "An Giang rà soát quỹ đất cho cơ sở văn hóa, thể thao thế nào?",
                 [("vh", 388)]) == 0.0
    assert _read(ev, "exact_checks", "Kế hoạch chuyển đổi số tỉnh Quảng Trị giao ai rà soát quỹ đất văn hóa?",
                 [("vh", 388)]) == 0.0


def _slot_filled(clause: Clause, question: str) -> float:
    ev = Evidence(EvidenceStore([clause], {"g5": PLANS["g5"]}), strategy_for)  # type: ignore[arg-type]
    q = analyse(question, {"g5": PLANS["g5"]}, [], words=ev.words)
    return EVIDENCE["slot_filled"].read(ev, q, [(0, 0.9, 1.0)])


def test_a_deadline_stated_in_any_layout_counts_as_stated_and_a_task_without_one_does_not():
    asked = "Khảo sát hạ tầng viễn thông trong khu công nghiệp phải hoàn thành khi nào?"
    layouts = [
        # a task table's time column, under whatever title the plan gives it
        duty_clause("g5", 60, "Khảo sát hạ tầng viễn thông trong khu công nghiệp", kind="table_row",
                columns={"noi_dung": "Khảo sát hạ tầng viễn thông trong khu công nghiệp", "col4": "Quý III/2026"}),
        # a roadmap stage heading above a task that states no time of its own
        Clause(id="g5:0070", doc_id="g5", kind="bullet", label=None,
               section_path=["III. LỘ TRÌNH THỰC HIỆN", "1. Giai đoạn 2026 - 2027"],
               text="- Khảo sát hạ tầng viễn thông trong khu công nghiệp.", source="g5.md", lines=(70, 70)),
        # a labelled line read into the task's typed thời hạn
        duty_clause("g5", 80, "- Khảo sát hạ tầng viễn thông trong khu công nghiệp.", deadline="Hằng năm"),
        # a date in the task's own sentence
        duty_clause("g5", 90, "- Khảo sát hạ tầng viễn thông trong khu công nghiệp, xong trước ngày 30/6."),
    ]
    for c in layouts:
        assert _slot_filled(c, asked) == 1.0, c.text
    assert _slot_filled(duty_clause("g5", 99, "- Khảo sát hạ tầng viễn thông trong khu công nghiệp."), asked) == 0.0
