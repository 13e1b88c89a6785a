"""A time written in another format than the dev plans' is read and matched as the same time.

`benchmarks/perturb_layouts.py`'s value formats rewrite a plan's times ("trước ngày 15/12" → "trước 15/12", "chậm
nhất ngày 30/11", "năm 2026" → "2026"). Two mechanisms held to the dev wordings only: a deadline "trước" a date in
words was read only with "ngày" before it ("trước ngày 15 tháng 12 năm 2025", not "trước 15 tháng 12 năm 2025"), and a
question's time-asking words ("trước ngày nào", "hạn chót", "bao giờ xong") counted as missing from a clause that
states the time asked in its own words ("chậm nhất ngày 30/11"). Wordings from a data-protection law plan (86367f2d,
dev), an export plan's reporting rules (f1e09814, dev), a standards-law plan (6a406c1f, dev) and synthetic plans in
their layouts."""
from __future__ import annotations

import pytest

from corpus.model import Document
from corpus.timing import deadline_kinds
from retrieval.evidence import Evidence
from retrieval.query import analyse
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, clause, parse_md, plan_clause

WITHOUT_NGAY = [
    ("- Các bộ, UBND cấp tỉnh rà soát văn bản, gửi kết quả về Bộ Công an trước 15 tháng 12 năm 2025.",
     "trước 15 tháng 12 năm 2025"),
    ("2. Sở Công Thương tổng hợp báo cáo UBND tỉnh định kỳ hàng tháng (trước 18 hàng tháng).", "trước 18 hàng tháng"),
    ("- Sở Khoa học và Công nghệ tổng hợp, báo cáo kết quả chậm nhất 17 tháng 12.", "chậm nhất 17 tháng 12"),
]


@pytest.mark.parametrize("task,deadline", WITHOUT_NGAY)
def test_a_date_after_truoc_or_cham_nhat_is_the_deadline_without_the_word_ngay(task, deadline):
    plan = parse_md(f"**III. TỔ CHỨC THỰC HIỆN**\n\n{task}\n")
    assert clause(plan, task[:20]).deadline == deadline


WITH_NGAY = [
    ("- Các bộ gửi kết quả rà soát về Bộ Công an trước ngày 15 tháng 12 năm 2025.", "trước ngày 15 tháng 12 năm 2025"),
    ("2. Sở Công Thương báo cáo UBND tỉnh định kỳ hàng tháng (trước ngày 18 hàng tháng).", "trước ngày 18 hàng tháng"),
    ("- Sở Tư pháp tổng hợp, báo cáo kết quả chậm nhất ngày 17 tháng 12.", "chậm nhất ngày 17 tháng 12"),
]


@pytest.mark.parametrize("task,deadline", WITH_NGAY)
def test_the_dev_wordings_with_ngay_are_read_as_before(task, deadline):
    plan = parse_md(f"**III. TỔ CHỨC THỰC HIỆN**\n\n{task}\n")
    assert clause(plan, task[:20]).deadline == deadline


def test_a_length_before_a_month_is_not_a_date():
    task = "- Sở Y tế gửi báo cáo trước 6 tháng đầu năm."
    plan = parse_md(f"**III. TỔ CHỨC THỰC HIỆN**\n\n{task}\n")
    assert clause(plan, task[:20]).deadline != "trước 6 tháng"


PLANS = {
    "bc": Document("bc", "bc.md", title="Kế hoạch xuất khẩu giai đoạn 2026 - 2030", kind="Kế hoạch"),
    "dl": Document("dl", "dl.md", title="Kế hoạch triển khai Luật Bảo vệ dữ liệu cá nhân", kind="Kế hoạch"),
    "tc": Document("tc", "tc.md", title="Kế hoạch thi hành Luật Tiêu chuẩn và quy chuẩn kỹ thuật", kind="Kế hoạch"),
}


def _timed(doc: str, n: int, text: str, deadline: str | None):
    return plan_clause(doc, n, text, ["V. TỔ CHỨC THỰC HIỆN"], deadline=deadline, deadline_kinds=deadline_kinds(deadline))


CLAUSES = [
    _timed("bc", 10, "2. Sở Công Thương tổng hợp báo cáo 6 tháng (chậm nhất ngày 18/5).", "chậm nhất ngày 18/5"),
    _timed("dl", 20, "- Các bộ gửi kết quả rà soát văn bản về Bộ Công an chậm nhất 15 tháng 12 năm 2025.",
           "chậm nhất 15 tháng 12 năm 2025"),
    _timed("tc", 30, "- Tuyên truyền, tập huấn Luật Tiêu chuẩn: Quý IV năm 2025 và các năm tiếp theo.",
           "Quý IV năm 2025 và các năm tiếp theo"),
    _timed("tc", 31, "- Tuyên truyền, tập huấn Luật Tiêu chuẩn thường xuyên hằng năm.", "hằng năm"),
    _timed("bc", 12, "- Sở Khoa học và Công nghệ báo cáo kết quả lộ trình chậm nhất ngày 30/11 hằng năm.",
           "chậm nhất ngày 30/11 hằng năm"),
    _timed("dl", 21, "- Các bộ rà soát văn bản quy phạm pháp luật có liên quan.", None),
]
EV = Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


def _found(question: str, doc: str, line: int) -> frozenset[str]:
    q = analyse(question, PLANS, [], words=EV.words)
    pos = next(i for i, c in enumerate(CLAUSES) if (c.doc_id, c.lines[0]) == (doc, line))
    return EV.found_tokens(q, pos)


@pytest.mark.parametrize("question,doc,line,word", [
    ("Sở Công Thương báo cáo 6 tháng trước ngày nào?", "bc", 10, "truoc"),
    ("Hạn chót các bộ gửi kết quả rà soát văn bản về Bộ Công an?", "dl", 20, "chot"),
    ("Tuyên truyền Luật Tiêu chuẩn bắt đầu từ khi nào?", "tc", 30, "bat"),
])
def test_the_words_asking_a_time_are_found_in_a_clause_stating_a_time_of_that_kind(question, doc, line, word):
    assert word in _found(question, doc, line)


def test_the_words_asking_a_time_are_not_found_where_the_time_is_of_another_kind_or_none():
    assert "bat" not in _found("Tuyên truyền Luật Tiêu chuẩn bắt đầu từ khi nào?", "tc", 31)  # "hằng năm": recurring
    assert "truoc" not in _found("Các bộ rà soát văn bản trước ngày nào?", "dl", 21)  # no thời hạn


def test_a_clause_stating_only_some_of_the_kinds_asked_gets_no_time_asking_words():
    q = "Sở Khoa học và Công nghệ phải báo cáo kết quả lộ trình đổi mới công nghệ trước ngày nào hằng năm?"
    assert "truoc" not in _found(q, "tc", 31)  # "hằng năm" answers how often, not "trước ngày nào"
    assert "truoc" not in _found(q, "bc", 10)  # "chậm nhất ngày 18/5" answers by when, not how often
    assert "truoc" in _found(q, "bc", 12)  # "chậm nhất ngày 30/11 hằng năm" answers both
