"""The ranking diagnosis names the family of an ordering miss from what the clause ranked first is against the relevant
one (`benchmarks/rank_diagnosis.miss_family`), and cross-validation keeps each fold's ranker so the diagnosis can read
the weights that ranked a held-out question (`CVResult.models`)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from corpus.model import Clause

_path = Path(__file__).resolve().parent.parent / "benchmarks" / "rank_diagnosis.py"
_spec = importlib.util.spec_from_file_location("rank_diagnosis", _path)
rank_diagnosis = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("rank_diagnosis", rank_diagnosis)
_spec.loader.exec_module(rank_diagnosis)


def _clause(cid: str, kind: str, path: list[str], text: str, appendix: str | None = None) -> Clause:
    doc = cid.split(":")[0]
    return Clause(id=cid, doc_id=doc, kind=kind, label=None, section_path=path, text=text, source=f"{doc}.md",
                  lines=(1, 1), appendix=appendix)


def test_a_heading_ranked_over_a_clause_of_its_plan_is_its_own_family():
    # an industrial-park 5G plan: a unit's heading in the assigning section over the funding line
    heading = _clause("kcn:69", "heading", ["IV. TỔ CHỨC THỰC HIỆN"],
                      "5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp")
    funding = _clause("kcn:46", "paragraph", ["III. KINH PHÍ THỰC HIỆN"],
                      "Nguồn kinh phí thực hiện từ các doanh nghiệp viễn thông và huy động nguồn lực xã hội hóa.")
    assert rank_diagnosis.miss_family(heading, funding) == "heading over a clause"


def test_an_appendix_row_against_a_body_line_and_a_unit_section_over_the_body():
    # a socio-economic plan: the forecast appendix's row against the report's own sentence
    row = _clause("kt:133", "table_row", ["DỰ BÁO MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI"],
                  "6. Kim ngạch xuất khẩu hàng hóa — Đơn vị tính: Triệu USD", appendix="phu luc 1")
    body = _clause("kt:20", "bullet", ["I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", "1. Đánh giá tình hình phát triển kinh tế"],
                   "- Kim ngạch xuất khẩu ước cả năm đạt 2.600 triệu USD, đạt 100% kế hoạch.")
    assert rank_diagnosis.miss_family(row, body) == "appendix against body"
    # a training regulation: the implementing article's item over the article that states the duty
    unit = _clause("qc:177", "item", ["TỔ CHỨC THỰC HIỆN VÀ ĐIỀU KHOẢN THI HÀNH", "Điều 17. Tổ chức thực hiện"],
                   "5. Trung tâm chính trị xã, phường, đặc khu căn cứ Quy chế này xây dựng, ban hành quy chế")
    duty = _clause("qc:72", "item", ["TỔ CHỨC, QUẢN LÝ BỒI DƯỠNG", "Điều 7. Quản lý điểm bài thu hoạch"],
                   "2. Giáo vụ có trách nhiệm công bố điểm bài thu hoạch, chậm nhất 03 ngày.")
    assert rank_diagnosis.miss_family(unit, duty) == "unit's section over the body"


def test_siblings_and_other_plans():
    # a sports-facility network plan: two items of one objectives heading
    path = ["II. NỘI DUNG", "1. Mục tiêu phát triển và tầm nhìn đến năm 2045"]
    a = _clause("vh:50", "bullet", path, "a) Mục tiêu phát triển: mạng lưới cơ sở thể thao quốc gia")
    b = _clause("vh:54", "bullet", path, "b) Tầm nhìn đến năm 2045: hình thành các trung tâm văn hóa, thể thao")
    assert rank_diagnosis.miss_family(a, b) == "sibling in the same section"
    other = _clause("5g:12", "bullet", ["III. GIẢI PHÁP"], "b) Doanh nghiệp viễn thông bảo đảm kinh phí")
    assert rank_diagnosis.miss_family(other, b) == "another plan"


def test_cross_validation_keeps_the_ranker_of_each_fold():
    from retrieval.train import CVResult

    assert CVResult(0.0, 0.0, 0, {}).models == {}
