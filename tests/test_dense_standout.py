"""The abstention evidence reads how far the clauses found stand above what the collection offers the question anyway,
by the dense search's own measure (`dense_standout`): the best cosine of the question with a top clause less the
cosine of its DENSE_TYPICAL-th nearest clause over the whole index, the question embedded as the dense search embeds
it (`Evidence.dense_text`, the retriever's `dense_text`).

The test store's embedding is a bag of folded words (`tests.snippets.bag_of_words`, a stand-in for e5: what is tested
is the reading, not the model).
Wordings from a 5G infrastructure plan, an export plan and a culture plan (synthetic, modelled on the development
half): a topic near-miss asks a specific thing in the words of a neighbouring topic the plan does cover.
"""
from __future__ import annotations

from retrieval.evidence import EVIDENCE, Evidence
from retrieval.query import analyse
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, plan_clause, plans_of

PLANS = plans_of(
    ("hn", "Kế hoạch phát triển hạ tầng viễn thông 5G tại các khu công nghiệp", "Hà Nội"),
    ("sl", "Kế hoạch thúc đẩy xuất khẩu nông sản giai đoạn 2026 - 2030", "Sơn La"),
    ("vh", "Kế hoạch phát triển văn hóa, thể thao năm 2026", "Đồng Nai"),
)
CLAUSES = [
    plan_clause("hn", 10, "- Lắp đặt trạm phát sóng 5G phủ sóng toàn bộ các khu công nghiệp trước năm 2027.",
                ["II. NHIỆM VỤ"]),
    plan_clause("hn", 11, "- Doanh nghiệp viễn thông dùng chung hạ tầng cột ăng-ten.", ["II. NHIỆM VỤ"]),
    plan_clause("sl", 20, "- Nâng kim ngạch xuất khẩu xoài, nhãn, mận sang thị trường Trung Quốc.", ["II. MỤC TIÊU"]),
    plan_clause("sl", 21, "- Xây dựng vùng nguyên liệu đạt chuẩn mã số vùng trồng.", ["II. MỤC TIÊU"]),
    plan_clause("vh", 30, "- Tổ chức giải bóng đá thiếu niên và hội thi văn nghệ quần chúng.", ["II. NỘI DUNG"]),
    plan_clause("vh", 31, "- Tu bổ di tích, xây dựng nhà văn hóa ấp.", ["II. NỘI DUNG"]),
    plan_clause("vh", 32, "- Các cơ quan, đơn vị tổ chức triển khai thực hiện kế hoạch.", ["III. TỔ CHỨC THỰC HIỆN"]),
]
def _standout(ev: Evidence, question: str, found: list[tuple[str, int]]) -> float:
    pos = {(c.doc_id, c.lines[0]): i for i, c in enumerate(ev.store.clauses)}
    ranked = [(pos[k], 0.9 - 0.1 * i, 1.0) for i, k in enumerate(found)]
    return EVIDENCE["dense_standout"].read(ev, analyse(question, PLANS, [], words=ev.words), ranked)


def _evidence(**kw) -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for, **kw)  # type: ignore[arg-type]


def test_a_clause_meaning_what_is_asked_stands_out_more_than_a_neighbouring_topics_clause():
    ev = _evidence()
    for answerable, near_miss, found in (
            ("Trạm phát sóng 5G phủ sóng các khu công nghiệp trước năm nào?",
             "Giá cước 5G cho hộ gia đình là bao nhiêu?", [("hn", 10), ("hn", 11)]),
            ("Kim ngạch xuất khẩu xoài sang thị trường Trung Quốc nâng thế nào?",
             "Chỉ tiêu xuất khẩu lao động sang Hàn Quốc là bao nhiêu người?", [("sl", 20), ("sl", 21)]),
            ("Giải bóng đá thiếu niên do ai tổ chức?",
             "Sân golf nào được ưu tiên đầu tư?", [("vh", 30), ("vh", 31)])):
        assert _standout(ev, answerable, found) > _standout(ev, near_miss, found) + 0.1, (answerable, near_miss)


def test_the_question_is_read_as_the_dense_search_embeds_it():
    restored = "Trạm phát sóng 5G phủ sóng các khu công nghiệp trước năm nào?"
    ev = _evidence(dense_text=lambda q: restored)
    typed = _standout(ev, "Tram phat song 5G phu song cac khu cong nghiep truoc nam nao?", [("hn", 10)])
    assert set(ev.store.embedded) == {restored}
    assert typed == _standout(_evidence(), restored, [("hn", 10)])


def test_nothing_found_stands_out_not_at_all():
    assert _standout(_evidence(), "Trạm phát sóng 5G phủ sóng các khu công nghiệp trước năm nào?", []) == 0.0
