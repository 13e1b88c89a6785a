"""A unit named in a question acts in the task asked, in the plan asked (`named_unit_takes_part`, `unit_in_answer`).

Near-misses name a unit for a task it does not act in: the task it leads states no thời hạn or phối hợp and the value
asked stands in another task's clause ("Viện … trình các đề án trọng điểm trước thời hạn nào": its item d) has no
deadline, its item a) has one), in a task no unit leads ranked above the unit's ("Lai Châu giao Sở Tư pháp chủ trì
triển khai Chiến lược …, hạn khi nào?"), or in another plan; or the unit's duties are in another plan than the one the
question names ("Công an Thành phố … trong kế hoạch phát triển hạ tầng 5G"). The checks read the typed lead, partners
and deadline of the clauses, their `LeadSource` (a unit section's items are that unit's several tasks; a task
heading's "Cơ quan thực hiện"/"Thời gian thực hiện" lines are one task's) and the plans' titles. Synthetic wordings
modelled on five plans (a ministry's culture-network plan, a data-protection law plan, a standards-strategy plan, a
wind-power plan, two city plans).
"""
from __future__ import annotations

from functools import partial

from corpus.model import Document, LeadSource, Locality
from retrieval.evidence import Evidence
from retrieval.query import analyse
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, plan_clause, read_evidence

PLANS = {
    "vh": Document("vh", "vh.md", title="Kế hoạch thực hiện Quy hoạch mạng lưới cơ sở văn hóa và thể thao",
                   kind="Kế hoạch"),
    "dl": Document("dl", "dl.md", title="Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân", kind="Kế hoạch"),
    "tc": Document("tc", "tc.md", title="Kế hoạch thi hành Luật Tiêu chuẩn và quy chuẩn kỹ thuật", kind="Kế hoạch",
                   locality=Locality(province="Lai Châu")),
    "dg": Document("dg", "dg.md", title="Kế hoạch thực hiện Nghị quyết về biển và hải đảo", kind="Kế hoạch",
                   locality=Locality(province="Đồng Tháp")),
    "mt": Document("mt", "mt.md", title="Kế hoạch cải thiện môi trường đầu tư", kind="Kế hoạch",
                   locality=Locality(province="Đồng Tháp")),
    "g5": Document("g5", "g5.md", title="Kế hoạch phát triển hạ tầng 5G, IoT trong các khu công nghiệp", kind="Kế hoạch",
                   locality=Locality(province="Hà Nội")),
    "at": Document("at", "at.md", title="Kế hoạch bảo đảm an toàn thông tin mạng", kind="Kế hoạch",
                   locality=Locality(province="Hà Nội")),
}


def _src(mechanism: str, doc: str, n: int) -> LeadSource:
    return LeadSource(mechanism, f"{doc}:{n:04d}", (n, n))


_VIEN = "Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam"
_VH = ["IV. TỔ CHỨC THỰC HIỆN", f"1. {_VIEN}"]
_DL = ["II. NỘI DUNG"]
_DL3 = _DL + ["3. Biên soạn tài liệu phổ biến Luật"]
_DL5 = _DL + ["5. Xây dựng Nghị định quy định chi tiết"]
_TC = ["II. NỘI DUNG KẾ HOẠCH"]
CLAUSES = [
    # a unit section: the unit's several tasks, each item with its own thời hạn or none
    plan_clause("vh", 10, f"1. {_VIEN}", _VH[:1], kind="heading", lead=_VIEN, lead_source=_src("unit_section", "vh", 10)),
    plan_clause("vh", 11, "a) Tổ chức tuyên truyền phổ biến nội dung quy hoạch đến các tổ chức, cá nhân.", _VH,
                kind="item", lead=_VIEN, deadline="đến năm 2045", lead_source=_src("unit_section", "vh", 10)),
    plan_clause("vh", 14, "d) Xây dựng, trình cấp có thẩm quyền phê duyệt các đề án trọng điểm về mạng lưới cơ sở "
                "văn hóa, thể thao.", _VH, kind="item", lead=_VIEN, lead_source=_src("unit_section", "vh", 10)),
    plan_clause("vh", 15, "e) Trình Thủ tướng các đề án trọng điểm về mạng lưới cơ sở văn hóa trong năm 2026.", _VH,
                kind="item", lead=_VIEN, deadline="trong năm 2026", lead_source=_src("unit_section", "vh", 10)),
    # task headings with their labelled lines: one task's lead, partners and time on separate lines
    plan_clause("dl", 30, "3. Biên soạn tài liệu phổ biến Luật", _DL, kind="heading", lead="Bộ Công an",
                deadline="năm 2025 và các năm tiếp theo", lead_source=_src("labelled_line", "dl", 31),
                lead_units=("Bộ Công an",)),
    plan_clause("dl", 31, "- Cơ quan thực hiện: Bộ Công an.", _DL3, lead="Bộ Công an",
                lead_source=_src("labelled_line", "dl", 31), lead_units=("Bộ Công an",)),
    plan_clause("dl", 32, "- Thời gian thực hiện: năm 2025 và các năm tiếp theo.", _DL3,
                deadline="năm 2025 và các năm tiếp theo"),
    plan_clause("dl", 10, "1. Tổ chức tuyên truyền, phổ biến pháp luật về bảo vệ dữ liệu cá nhân", _DL, kind="heading",
                lead="Bộ Công an, Bộ Tư pháp", partners="các bộ, cơ quan ngang bộ",
                lead_source=_src("labelled_line", "dl", 11)),
    plan_clause("dl", 50, "5. Xây dựng Nghị định quy định chi tiết Luật", _DL, kind="heading", lead="Bộ Công an",
                lead_source=_src("labelled_line", "dl", 51)),
    plan_clause("dl", 51, "- Cơ quan chủ trì: Bộ Công an.", _DL5, lead="Bộ Công an",
                lead_source=_src("labelled_line", "dl", 51)),
    plan_clause("dl", 52, "- Cơ quan phối hợp: Bộ Tư pháp, Văn phòng Chính phủ.", _DL5,
                partners="Bộ Tư pháp, Văn phòng Chính phủ"),
    # a task no unit leads, ranked above a task a department leads in the same section
    plan_clause("tc", 60, "6. Tổ chức triển khai thực hiện Chiến lược tiêu chuẩn quốc gia", _TC, kind="heading",
                deadline="sau khi Chiến lược tiêu chuẩn quốc gia được ban hành"),
    plan_clause("tc", 10, "1. Tuyên truyền, phổ biến pháp luật về tiêu chuẩn", _TC, kind="heading",
                lead="Sở Khoa học và Công nghệ; Sở Tư pháp", deadline="Quý IV năm 2025",
                lead_source=_src("labelled_line", "tc", 11), lead_units=("Sở Khoa học và Công nghệ", "Sở Tư pháp")),
    # a department's duty stating no time, and a time in another plan where it only coordinates
    plan_clause("dg", 40, "- Mời gọi đầu tư phát triển Khu vực điện gió Tân Thành với công suất 100 MW.",
                ["IV. NHIỆM VỤ CỤ THỂ", "3. Sở Công Thương"], lead="Sở Công Thương",
                lead_source=_src("unit_section", "dg", 39), lead_units=("Sở Công Thương",)),
    plan_clause("mt", 20, "2. Đề xuất giải pháp cải thiện môi trường đầu tư — CHỦ TRÌ: Sở Tài chính; PHỐI HỢP: Sở "
                "Công Thương; THỜI GIAN: 2026", ["PHỤ LỤC"], kind="table_row", lead="Sở Tài chính",
                partners="Sở Công Thương", deadline="2026", lead_source=_src("table_column", "mt", 20)),
    # two plans of one city: the police lead a task in the one, the other only sends it a copy
    plan_clause("at", 30, "- Đơn vị chủ trì: Công an Thành phố.", ["II. NHIỆM VỤ", "3. Về đảm bảo an toàn thông tin"],
                lead="Công an Thành phố", lead_source=_src("labelled_line", "at", 30), lead_units=("Công an Thành phố",)),
    plan_clause("g5", 90, "3. Ưu tiên phát triển hạ tầng 5G, IoT", ["III. GIẢI PHÁP"], kind="heading"),
    plan_clause("g5", 120, "- Công an Thành phố;", ["Nơi nhận:"], kind="footer"),
    plan_clause("g5", 100, "- Chủ trì tham mưu bảo đảm an ninh mạng cho hạ tầng 5G, IoT.",
                ["IV. TỔ CHỨC THỰC HIỆN", "5. Công an Thành phố"], lead="Công an Thành phố",
                lead_source=_src("unit_section", "g5", 99), lead_units=("Công an Thành phố",)),
]


def _evidence() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


_read = partial(read_evidence, plans=PLANS)
_UNITS = sorted({u for c in CLAUSES for u in c.lead_units})  # the units the plans lead, as the index knows them


def _read_duties(ev: Evidence, name: str, question: str, answer_lines: list[tuple[str, int]]) -> float:
    """`read_evidence` with the plans' units known, as a duties question is read (its unit a lead the plans name)."""
    from retrieval.evidence import EVIDENCE

    pos = {(c.doc_id, c.lines[0]): i for i, c in enumerate(ev.store.clauses)}
    ranked = [(pos[k], 0.9 - 0.1 * i, 1.0) for i, k in enumerate(answer_lines)]
    return EVIDENCE[name].read(ev, analyse(question, PLANS, _UNITS, words=ev.words), ranked)


def test_a_time_asked_of_a_units_task_must_stand_in_that_task_not_in_another_item_of_its_section():
    ev = _evidence()
    asked = f"{_VIEN} phải trình các đề án trọng điểm về mạng lưới cơ sở văn hóa, thể thao trước thời hạn nào?"
    # culture-network plan: item d) found first states no time; item a)'s "đến năm 2045" is another task's
    assert _read(ev, "named_unit_takes_part", asked, [("vh", 14), ("vh", 10), ("vh", 11)]) == 0.0
    # … the item that states its own time answers it
    assert _read(ev, "named_unit_takes_part", asked, [("vh", 15), ("vh", 14), ("vh", 11)]) == 1.0


def test_a_value_on_another_line_of_the_units_task_heading_is_that_tasks():
    ev = _evidence()
    # data-protection plan: the time stands on the task's "Thời gian thực hiện" line, the heading found first
    assert _read(ev, "named_unit_takes_part", "Bộ Công an phải biên soạn tài liệu phổ biến Luật đến khi nào?",
                 [("dl", 31), ("dl", 32)]) == 1.0
    # … and the partners on its "Cơ quan phối hợp" line
    assert _read(ev, "named_unit_takes_part", "Cơ quan nào phối hợp với Bộ Công an xây dựng Nghị định quy định chi "
                 "tiết Luật?", [("dl", 51), ("dl", 52)]) == 1.0
    # … but a task stating its lead alone is not answered by the partners of another task heading beside it
    assert _read(ev, "named_unit_takes_part", "Cơ quan nào phối hợp với Bộ Công an biên soạn tài liệu phổ biến Luật?",
                 [("dl", 30), ("dl", 31), ("dl", 10)]) == 0.0


def test_a_unit_given_a_role_anywhere_in_the_question_is_the_unit_named():
    ev = _evidence()
    asked = "Lai Châu giao Sở Tư pháp chủ trì triển khai Chiến lược tiêu chuẩn quốc gia phải không, hạn khi nào?"
    assert ev.named_unit(analyse(asked, PLANS, [], words=ev.words)) == ("so", "tu", "phap")
    # standards plan: the time found first is a task no unit leads; the department leads another heading's task
    assert _read(ev, "named_unit_takes_part", asked, [("tc", 60), ("tc", 10)]) == 0.0
    # … and the task it does lead answers for it
    assert _read(ev, "named_unit_takes_part", "Lai Châu giao Sở Tư pháp chủ trì tuyên truyền pháp luật về tiêu chuẩn "
                 "đến khi nào?", [("tc", 10)]) == 1.0
    # a unit that follows no role word is not read this way
    assert ev.named_unit(analyse("Kế hoạch gửi báo cáo về Sở Tư pháp khi nào?", PLANS, [], words=ev.words)) == ()


def test_a_time_in_another_plans_task_the_unit_only_coordinates_is_not_its_duties():
    ev = _evidence()
    # wind-power duty found first states no time; the 2026 is an investment-climate row of another plan
    assert _read(ev, "named_unit_takes_part", "Sở Công Thương Đồng Tháp phải mời gọi đầu tư khu vực điện gió Tân "
                 "Thành trước thời hạn nào?", [("dg", 40), ("mt", 20)]) == 0.0


def test_a_units_duties_are_read_in_the_plan_the_question_names():
    ev = _evidence()
    asked = "Công an Thành phố được giao nhiệm vụ gì trong kế hoạch phát triển hạ tầng 5G, IoT các khu công nghiệp?"
    q = analyse(asked, PLANS, [], words=ev.words)
    assert ev.named_plans(q) == frozenset({"g5"})
    # the police lead a task of the city's security plan; the 5G plan only lists them among recipients
    for item in ("unit_in_answer", "named_unit_takes_part"):
        assert _read_duties(ev, item, asked, [("at", 30), ("g5", 120), ("g5", 90)]) == 0.0, item
        # … and where the 5G plan gives them a duty, it answers
        assert _read_duties(ev, item, asked, [("g5", 100), ("at", 30)]) == 1.0, item
    # a question naming no plan reads the duties wherever they are
    assert _read_duties(ev, "unit_in_answer", "Công an Thành phố được giao nhiệm vụ gì?", [("at", 30)]) == 1.0


def _read_scored(ev: Evidence, name: str, question: str, answer: list[tuple[tuple[str, int], float]]) -> float:
    """An evidence item for ``question`` answered by the clauses at (plan, first line) with the ranker's scores."""
    from retrieval.evidence import EVIDENCE

    pos = {(c.doc_id, c.lines[0]): i for i, c in enumerate(ev.store.clauses)}
    ranked = [(pos[k], s, 1.0) for k, s in answer]
    return EVIDENCE[name].read(ev, analyse(question, PLANS, [], words=ev.words), ranked)


def test_a_unit_acting_only_in_a_clause_far_below_the_task_found_does_not_take_part_in_it():
    ev = _evidence()
    # standards plan: the strategy's task found first names no unit; the department's own task, ranked close,
    # answers for it, but ranked far below (under RELEVANT_SHARE of the best) it is another task the answer never quotes
    asked = "Sở Tư pháp Lai Châu chủ trì triển khai Chiến lược tiêu chuẩn quốc gia ra sao?"
    assert _read_scored(ev, "named_unit_takes_part", asked, [(("tc", 60), 0.9), (("tc", 10), 0.8)]) == 1.0
    assert _read_scored(ev, "named_unit_takes_part", asked, [(("tc", 60), 0.9), (("tc", 10), 0.2)]) == 0.0
    # investment-climate plan: the finance department leads the row found first, whatever ranks below it
    asked = "Sở Tài chính Đồng Tháp chủ trì đề xuất giải pháp cải thiện môi trường đầu tư thế nào?"
    assert _read_scored(ev, "named_unit_takes_part", asked, [(("mt", 20), 0.9), (("dg", 40), 0.1)]) == 1.0
    # city security plan: the police's labelled line found far below a 5G duty it does not lead
    asked = "Công an Thành phố chủ trì tham mưu bảo đảm an ninh mạng cho hạ tầng 5G như thế nào?"
    assert _read_scored(ev, "named_unit_takes_part", asked, [(("g5", 90), 0.9), (("at", 30), 0.1)]) == 0.0
