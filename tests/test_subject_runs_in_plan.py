"""The question's subject phrase is looked for whole in the answering plan (`subject_runs_in_plan`).

A near-miss asked in a neighbouring topic's vocabulary writes words the plan writes apart but never the phrase it asks
about: "giá vé" beside "giá trị" and "vé" nowhere near, "giá thuê đất" beside "giá", "thuê" and "đất" in other tasks,
"sân golf" beside "sân vận động". An answerable question names a phrase the plan writes whole. Wordings from a museum
and tourism plan, an industrial-zone telecoms plan and a culture and sports network plan (synthetic, modelled on the
development half).
"""
from __future__ import annotations

from functools import partial

from retrieval.evidence import Evidence
from retrieval.query import analyse
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, plan_clause, plans_of, read_evidence

PLANS = plans_of(
    ("dl", "Kế hoạch phát triển du lịch văn hóa năm 2026", "Hà Nội"),
    ("vt", "Kế hoạch phát triển hạ tầng viễn thông tại các khu công nghiệp", "Nghệ An"),
    ("vh", "Quy hoạch mạng lưới cơ sở văn hóa và thể thao", "Đồng Nai"),
)
CLAUSES = [
    plan_clause("dl", 10, "- Phát huy giá trị di sản; bảo tàng lịch sử mở cửa đón khách tham quan miễn phí vào các "
                "ngày lễ.", ["II. NHIỆM VỤ"]),
    plan_clause("dl", 11, "- Phát hành vé điện tử cho các điểm du lịch; đa dạng hóa sản phẩm du lịch.", ["II. NHIỆM VỤ"]),
    plan_clause("vt", 20, "- Doanh nghiệp viễn thông đầu tư trạm 5G trong khu công nghiệp; Sở Tài chính thẩm định giá "
                "dịch vụ.", ["II. NHIỆM VỤ"]),
    plan_clause("vt", 21, "- Hỗ trợ thuê hạ tầng dùng chung; giao đất xây dựng nhà trạm theo quy định.", ["II. NHIỆM VỤ"]),
    plan_clause("vh", 30, "- Danh mục sân vận động, nhà thi đấu ưu tiên đầu tư giai đoạn 2026 - 2030.", ["III. DANH MỤC"]),
    plan_clause("vh", 31, "- Cải tạo sân tập luyện thể thao, thư viện cấp xã.", ["III. DANH MỤC"]),
]


def _evidence() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


_read = partial(read_evidence, plans=PLANS)


def test_a_near_miss_whose_phrase_the_plan_writes_only_apart_is_not_whole():
    ev = _evidence()
    for text, answer in (("Giá vé vào bảo tàng lịch sử ở Hà Nội là bao nhiêu?", ("dl", 10)),
                         ("Giá thuê đất trong khu công nghiệp Nghệ An để đặt trạm 5G là bao nhiêu?", ("vt", 20)),
                         ("Danh mục sân golf ưu tiên đầu tư ở Đồng Nai gồm những sân nào?", ("vh", 30))):
        assert _read(ev, "subject_runs_in_plan", text, [answer]) < 1.0, text


def test_an_answerable_question_whose_phrase_the_plan_writes_whole_is_whole():
    ev = _evidence()
    for text, answer in (("Bảo tàng lịch sử ở Hà Nội đón khách tham quan miễn phí vào những ngày nào?", ("dl", 10)),
                         ("Doanh nghiệp viễn thông đầu tư trạm 5G ở đâu tại Nghệ An?", ("vt", 20)),
                         ("Danh mục sân vận động ưu tiên đầu tư ở Đồng Nai giai đoạn nào?", ("vh", 30))):
        assert _read(ev, "subject_runs_in_plan", text, [answer]) == 1.0, text


def test_the_runs_are_read_with_the_marks_typed_and_folded_when_typed_without():
    ev = _evidence()
    marked, with_marks = ev.subject_runs(analyse("Giá vé vào bảo tàng lịch sử là bao nhiêu?", PLANS, [],
                                                 words=ev.words))
    assert with_marks and ("giá", "vé") in marked
    folded, with_marks = ev.subject_runs(analyse("Gia thue dat trong khu cong nghiep la bao nhieu?", PLANS, [],
                                                 words=ev.words))
    assert not with_marks and ("gia", "thue") in folded
    assert _read(ev, "subject_runs_in_plan", "Gia thue dat trong khu cong nghiep la bao nhieu?", [("vt", 20)]) < 1.0


def test_a_question_without_a_run_of_subject_words_reads_whole():
    ev = _evidence()
    assert _read(ev, "subject_runs_in_plan", "Hà Nội giao ai?", [("dl", 10)]) == 1.0
    assert _read(ev, "subject_runs_in_plan", "Giá vé là bao nhiêu?", []) == 1.0
