"""A plan states what its issuer does (`named_unit_takes_part` reading the typed `Document.issuer`).

A ministry's plan ("Bộ Văn hóa, Thể thao và Du lịch ưu tiên các dự án thể thao vào lĩnh vực nào") or a provincial
UBND's plan says what the body issuing it does, though the issuer leads no task of its own plan. The near-misses:
a role asked of a task ("UBND tỉnh … chủ trì nhiệm vụ nào") is not taken by issuing; a clause another unit leads
says what that unit does; another body's plan says nothing of this one. Synthetic wordings modelled on three plans
(a ministry's culture-network plan, a ministry's domestic-trade plan, a ministry's defence-education plan). A
provincial UBND is not read as the unit acting (`ACTING_UNIT_HEADS`: most often the plan's issuer or place), so
"UBND tỉnh … chủ trì …" is not this item's case.
"""
from __future__ import annotations

from functools import partial

from retrieval.evidence import Evidence
from retrieval.strategies import strategy_for
from tests.snippets import MINISTRY_PLANS, EvidenceStore, plan_clause, read_evidence

PLANS = {k: MINISTRY_PLANS[k] for k in ('vh', 'ct', 'tg')}

CLAUSES = [
    plan_clause("vh", 10, "- Các dự án về thể thao ưu tiên tập trung vào các lĩnh vực:", ["III. GIẢI PHÁP"]),
    plan_clause("vh", 11, "+ Đầu tư cho đào tạo, huấn luyện và phát hiện tài năng thể thao.", ["III. GIẢI PHÁP"]),
    plan_clause("vh", 20, "a) Tổ chức tuyên truyền phổ biến nội dung quy hoạch đến các tổ chức, cá nhân.",
                ["IV. TỔ CHỨC THỰC HIỆN", "1. Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam"], kind="item",
                lead="Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam"),
    plan_clause("ct", 10, "- Ưu tiên phát triển hạ tầng thương mại tại khu vực nông thôn, miền núi.",
                ["II. NHIỆM VỤ VÀ GIẢI PHÁP"]),
    plan_clause("tg", 10, "- Bồi dưỡng kiến thức quốc phòng và an ninh cho đối tượng 2, đối tượng 3.",
                ["II. NHIỆM VỤ"]),
    plan_clause("tg", 20, "- Tổ chức các hoạt động văn hóa, văn nghệ chào mừng các ngày lễ lớn.",
                ["III. TỔ CHỨC THỰC HIỆN", "2. Tổng cục Chính trị"],
                lead="Tổng cục Chính trị"),
]

_read = partial(read_evidence, plans=PLANS)


def _ev() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


def test_a_plan_states_what_its_issuing_ministry_prioritises():
    ev = _ev()
    # culture-network plan: the ministry issuing it leads none of its tasks
    assert _read(ev, "named_unit_takes_part", "Bộ Văn hóa, Thể thao và Du lịch ưu tiên các dự án thể thao vào những "
                 "lĩnh vực nào?", [("vh", 10), ("vh", 11)]) == 1.0
    # domestic-trade plan: another ministry, another layout of its name
    assert _read(ev, "named_unit_takes_part", "Bộ Công Thương ưu tiên phát triển hạ tầng thương mại ở đâu?",
                 [("ct", 10)]) == 1.0
    # defence-education plan: a third ministry
    assert _read(ev, "named_unit_takes_part", "Bộ Quốc phòng bồi dưỡng kiến thức quốc phòng và an ninh cho những "
                 "đối tượng nào?", [("tg", 10)]) == 1.0


def test_another_bodys_plan_does_not_state_what_this_one_does():
    ev = _ev()
    assert _read(ev, "named_unit_takes_part", "Bộ Công Thương ưu tiên các dự án thể thao vào những lĩnh vực nào?",
                 [("vh", 10), ("vh", 11)]) == 0.0
    assert _read(ev, "named_unit_takes_part", "Bộ Quốc phòng ưu tiên phát triển hạ tầng thương mại ở "
                 "đâu?", [("ct", 10)]) == 0.0


def test_the_issuer_takes_no_role_of_a_task_by_issuing():
    ev = _ev()
    # "chủ trì" asks the role in a task: issuing the plan is not leading its task
    assert _read(ev, "named_unit_takes_part", "Bộ Quốc phòng chủ trì bồi dưỡng kiến thức quốc phòng cho đối "
                 "tượng 2 phải không?", [("tg", 10)]) == 0.0
    assert _read(ev, "named_unit_takes_part", "Bộ Công Thương chủ trì phát triển hạ tầng thương mại nông thôn phải "
                 "không?", [("ct", 10)]) == 0.0
    assert _read(ev, "named_unit_takes_part", "Bộ Công Thương phối hợp phát triển hạ tầng thương mại nông thôn với "
                 "ai?", [("ct", 10)]) == 0.0


def test_a_clause_another_unit_leads_in_the_issuers_plan_is_that_units():
    ev = _ev()
    assert _read(ev, "named_unit_takes_part", "Bộ Quốc phòng tổ chức các hoạt động văn hóa, văn nghệ như thế "
                 "nào?", [("tg", 20)]) == 0.0
    assert _read(ev, "named_unit_takes_part", "Bộ Văn hóa, Thể thao và Du lịch tổ chức tuyên truyền nội dung quy "
                 "hoạch ra sao?", [("vh", 20)]) == 0.0
