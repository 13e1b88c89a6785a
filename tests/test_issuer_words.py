"""The body whose plan a question asks about, written after "của", names which plan, not the topic
(`retrieval.query.without_issuer` reading the typed `Document.issuer`).

"Kế hoạch thực hiện Quy hoạch … của Bộ Văn hóa, Thể thao và Du lịch có những nhóm giải pháp nào?": the ministry's
words would draw the clauses that write its name (its units' section, "báo cáo Bộ …") above the solutions asked.
Synthetic wordings modelled on three ministries' plans; a unit written as acting, or a body that issues no plan, is
kept as content.
"""
from __future__ import annotations

from retrieval.query import analyse
from tests.snippets import MINISTRY_PLANS

PLANS = {k: MINISTRY_PLANS[k] for k in ('vh', 'nn', 'ct')}


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
