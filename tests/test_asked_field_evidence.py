"""A task's field asked (its chủ trì, phối hợp, thời hạn) must be one the task the answer quotes states: a task found
whose plan writes no lead, partner or deadline for it is a near-miss, however many words its lines share with the
question (`evidence.asked_field_stated`). Wordings modelled on three plans' layouts: a province's law-implementation
plan ("- Cơ quan chủ trì: …" lines), a ministry's decision ("Thời hạn ban hành: …"), a city's task table."""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import Clause
from retrieval.evidence import EVIDENCE, EXACT_CHECKS
from retrieval.query import Question, analyse, folded
from retrieval.strategies import strategy_for


@dataclass
class _Store:
    clauses: list[Clause]


@dataclass
class _Evidence:
    store: _Store

    def words(self, text: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", folded(text))

    def strategy_of(self, q: Question):
        """The question's type, as the retriever hands it to the evidence (`Evidence.strategy_of`)."""
        return strategy_for(q)


def clause(n: int, text: str, section: str = "II. NHIỆM VỤ", kind: str = "item", **kw) -> Clause:
    return Clause(id=f"d:{n:04d}", doc_id="d", kind=kind, label=None, section_path=[section], text=text,
                  source="d.md", lines=(n, n), **kw)


def _read(q: Question, clauses: list[Clause]) -> float:
    ranked = [(i, 1.0 - 0.1 * i, 1.0) for i in range(len(clauses))]
    return EVIDENCE["asked_field_stated"].read(_Evidence(_Store(clauses)), q, ranked)  # type: ignore[arg-type]


def _q(text: str) -> Question:
    return analyse(text, {}, [])


def test_a_lead_asked_of_a_task_stated_without_one_is_not_answered_by_a_neighbours_lead():
    # province plan: "6. Tổ chức triển khai thực hiện Chiến lược … Thời gian thực hiện: …" states no chủ trì
    q = _q("Cơ quan nào chủ trì triển khai Chiến lược tiêu chuẩn quốc gia?")
    task = clause(60, "6. Tổ chức triển khai thực hiện Chiến lược tiêu chuẩn quốc gia. Thời gian thực hiện: sau khi "
                      "Chiến lược được ban hành.", deadline="sau khi Chiến lược được ban hành")
    neighbour = clause(41, "a) Nghị định quy định chi tiết. - Cơ quan chủ trì: Sở Khoa học và Công nghệ.",
                       section="III. NHIỆM VỤ KHÁC", lead="Sở Khoa học và Công nghệ")
    assert _read(q, [task, neighbour]) == 0.0
    led = clause(60, task.text + " - Cơ quan chủ trì: Sở Khoa học và Công nghệ.", lead="Sở Khoa học và Công nghệ")
    assert _read(q, [led, neighbour]) == 1.0


def test_partners_asked_are_read_on_the_task_or_another_line_of_it():
    # ministry decision: "6. Xây dựng Cổng thông tin … - Cơ quan chủ trì: Bộ Công an" and no phối hợp
    q = _q("Cơ quan nào phối hợp với Bộ Công an xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân?")
    lead_only = clause(70, "6. Xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân - Cơ quan chủ trì: Bộ Công an.",
                       lead="Bộ Công an")
    assert _read(q, [lead_only]) == 0.0
    # a city's table: the task's "- Cơ quan phối hợp: …" on its own line under the same heading
    heading = clause(80, "3. Xây dựng cơ sở dữ liệu quy hoạch", section="3. Xây dựng cơ sở dữ liệu quy hoạch")
    line = clause(81, "- Cơ quan phối hợp: Sở Xây dựng, Sở Tài chính.", section="3. Xây dựng cơ sở dữ liệu quy hoạch",
                  kind="bullet", partners="Sở Xây dựng, Sở Tài chính")
    assert _read(q, [heading, line]) == 1.0


def test_a_tasks_deadline_asked_by_han_chot_needs_its_thoi_han():
    q = _q("Hạn chót rà soát văn bản quy phạm pháp luật liên quan Luật Tiêu chuẩn là ngày nào?")
    no_deadline = clause(20, "2. Rà soát văn bản quy phạm pháp luật - Nội dung: rà soát các văn bản có liên quan.",
                         lead="Sở Khoa học và Công nghệ")
    cited = clause(21, "+ Bảo đảm điều kiện thi hành theo Nghị định số 80/2025/NĐ-CP ngày 01 tháng 4 năm 2025.",
                   kind="bullet", section="III. KHÁC", lead="Các sở, ngành")
    assert _read(q, [no_deadline, cited]) == 0.0
    dated = clause(20, no_deadline.text + " - Thời hạn hoàn thành: trước ngày 31 tháng 12 năm 2026.",
                   lead="Sở Khoa học và Công nghệ", deadline="trước ngày 31 tháng 12 năm 2026")
    assert _read(q, [dated, cited]) == 1.0


def test_times_not_asked_of_a_task_are_not_judged():
    # a law's effect, a certificate's validity: no task's thời hạn is asked
    effect = clause(5, "Luật có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.", kind="paragraph")
    assert _read(_q("Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ khi nào?"), [effect]) == 1.0
    validity = clause(9, "b) Chứng chỉ đội trưởng có thời hạn 05 năm.", lead="Đội trưởng")
    assert _read(_q("Chứng chỉ đội trưởng rà phá bom mìn có hiệu lực bao lâu?"), [validity]) == 1.0
    # a unit asked without a role ("gửi phản ánh cho phòng nào"): whom the plan reports to, no task's lead
    report = clause(3, "Trên đây là Kế hoạch …, Ủy ban nhân dân tỉnh báo cáo Bộ Tài chính.", kind="paragraph")
    assert _read(_q("Kế hoạch tài chính được báo cáo những cơ quan nào?"), [report]) == 1.0


def test_the_field_check_counts_among_the_exact_checks():
    assert "asked_field_stated" in EXACT_CHECKS


def test_a_list_of_leads_asked_is_many_tasks_fields_not_judged_on_one():
    # a commune's task table: "Những đơn vị nào chủ trì các nhiệm vụ trong danh mục …" quotes many rows
    q = _q("Những đơn vị nào chủ trì các nhiệm vụ trong danh mục nhiệm vụ cải cách hành chính?")
    intro = clause(455, "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", kind="heading")
    assert _read(q, [intro]) == 1.0
