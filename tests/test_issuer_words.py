"""The body whose plan a question asks about, written after "của", names which plan, not the topic
(`retrieval.query.without_issuer` reading the typed `Document.issuer`).

"Kế hoạch thực hiện Quy hoạch … của Bộ Văn hóa, Thể thao và Du lịch có những nhóm giải pháp nào?": the ministry's
words would draw the clauses that write its name (its units' section, "báo cáo Bộ …") above the solutions asked.
Synthetic wordings modelled on three ministries' plans; a unit written as acting, or a body that issues no plan, is
kept as content.
"""
from __future__ import annotations

from corpus.model import Document
from retrieval.query import analyse

PLANS = {
    "vh": Document("vh", "vh.md", title="Kế hoạch thực hiện Quy hoạch mạng lưới cơ sở văn hóa và thể thao",
                   kind="Kế hoạch", issuer="Bộ Văn Hóa, Thể Thao và Du Lịch"),
    "nn": Document("nn", "nn.md", title="Quyết định công bố thủ tục hành chính nội bộ", kind="Quyết định",
                   issuer="Bộ Nông Nghiệp và Môi Trường"),
    "ct": Document("ct", "ct.md", title="Kế hoạch phát triển thị trường trong nước", kind="Kế hoạch",
                   issuer="Bộ Công Thương"),
}


def _keys(question: str) -> tuple[str, ...]:
    return analyse(question, PLANS, []).key_tokens


def test_the_issuer_after_cua_leaves_the_topic_words():
    keys = _keys("Kế hoạch thực hiện Quy hoạch mạng lưới cơ sở văn hóa và thể thao của Bộ Văn hóa, Thể thao và Du "
                 "lịch có những nhóm giải pháp nào?")
    assert "nhom" in keys and "giai" in keys and not {"bo", "du", "lich"} & set(keys)
    keys = _keys("Thủ tục công bố dịch hại thực vật của Bộ Nông nghiệp và Môi trường có thu phí không?")
    assert "dich" in keys and not {"nong", "nghiep", "moi", "truong"} & set(keys)
    keys = _keys("Kế hoạch phát triển thị trường trong nước của Bộ Công Thương có những giải pháp nào?")
    assert "thi" in keys and not {"cong", "thuong"} & set(keys)


def test_a_unit_written_as_acting_or_issuing_no_plan_stays_content():
    # the ministry opens the question as the unit acting: its words are kept
    assert "cong" in _keys("Bộ Công Thương ưu tiên phát triển hạ tầng thương mại ở đâu?")
    # "của" a body that issues none of the plans
    assert "tai" in _keys("Kế hoạch phát triển thị trường trong nước của Bộ Tài chính có những giải pháp nào?")
