"""One vocabulary of document kinds (`corpus.text.DOCUMENT_KINDS`) serves the three readers: the letterhead's
kind (`corpus.metadata`), a task's product (`corpus.facts`) and the document a question asks about
(`retrieval.evidence.document_kind_agrees`), each reading the kinds flagged for it."""
from __future__ import annotations

import pytest

from corpus import facts, metadata
from corpus.text import DOCUMENT_KINDS, MADE_KINDS
from retrieval import evidence
from retrieval.query import folded


@pytest.mark.parametrize("kind, heads, made, asked", DOCUMENT_KINDS)
def test_each_reader_reads_the_kinds_flagged_for_it(kind, heads, made, asked):
    title = f"{kind.upper()} Triển khai thực hiện nhiệm vụ năm 2026"
    assert (metadata._kind_of(title) == (kind.upper(), kind)) == heads
    # a product names a document by its kind, or by a shorter kind it begins with ("Chương trình hành động")
    names = facts._NAMES_DOCUMENT.match(f"{kind} về phát triển kinh tế") is not None
    assert names == (made or any(kind.startswith(k) for k in MADE_KINDS))
    assert (evidence._KIND_NAMED.match(folded(f"{kind} của HĐND tỉnh về chuyển đổi số")) is not None) == asked


@pytest.mark.parametrize("question, kind", [
    ("Nghị quyết của HĐND tỉnh Sơn La về hỗ trợ học sinh bán trú quy định mức hỗ trợ bao nhiêu?", "nghi quyet"),
    ("Theo chỉ thị về tăng cường phòng cháy chữa cháy, ai chủ trì?", "chi thi"),
    ("Luật về bảo vệ dữ liệu cá nhân có hiệu lực từ khi nào?", "luat"),
    ("Báo cáo về kết quả chuyển đổi số phải gửi Sở Khoa học và Công nghệ khi nào?", None),  # a task's product
    ("Thông báo về lịch tiếp công dân do ai ban hành?", None),
])
def test_a_question_opening_with_a_documents_kind_asks_about_that_document(question, kind):
    m = evidence._KIND_NAMED.match(folded(question))
    assert (m.group(1) if m else None) == kind


def test_a_longer_kind_is_read_before_the_kind_it_begins_with():
    assert metadata._kind_of("CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện Nghị quyết") == (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình hành động")
