"""The words by which a question asks its kind of time are not what it asks about (`corpus.timing.time_asking_words`).

"kéo dài từ khi nào đến khi nào", "lúc nào kết thúc", "bắt đầu từ năm nào", "bao lâu một lần": a plan answers them
with dates ("từ ngày 01/10/2025 đến ngày 31/12/2025", "định kỳ 6 tháng"), never with those words, so the evidence
that reads what the plan must write of the question (its rarest words, its compounds, its subject runs) leaves them
out; the thing asked about is still read, so a near-miss asked with a time stays one. Wordings modelled on three
plans (an emulation drive before a party congress, a law's implementation plan, 5G in industrial parks); the store is
a small in-memory one read by the real `Evidence`.
"""
from __future__ import annotations

from functools import partial

import pytest

from corpus.model import Document, Locality
from corpus.timing import time_asking_words
from index.text import fold
from retrieval.evidence import Evidence
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, plan_clause, read_evidence


PLANS = {
    "td": Document("td", "td.md", title="Kế hoạch Tổ chức đợt thi đua chào mừng Đại hội đại biểu toàn quốc lần thứ XIV "
                   "của Đảng", kind="Kế hoạch", locality=Locality(province="Đắk Lắk")),
    "vl": Document("vl", "vl.md", title="Kế hoạch Triển khai thi hành Luật Việc làm", kind="Kế hoạch",
                   locality=Locality(province="Hồ Chí Minh")),
    "g5": Document("g5", "g5.md", title="Kế hoạch Phát triển hạ tầng 5G, IoT trong các khu công nghiệp", kind="Kế hoạch",
                   locality=Locality(province="Hà Nội")),
}
CLAUSES = [
    plan_clause("td", 30, "Thời gian thi đua: từ ngày 01/10/2025 đến ngày 31/12/2025.", ["II. NỘI DUNG, THỜI GIAN"]),
    plan_clause("td", 34, "Các cơ quan, đơn vị tổ chức phát động đợt thi đua chào mừng Đại hội.", ["II. NỘI DUNG, THỜI GIAN"]),
    plan_clause("vl", 52, "Kiểm tra việc thi hành Luật Việc làm trên địa bàn Thành phố, thực hiện từ năm 2026.",
                ["II. NHIỆM VỤ"]),
    plan_clause("g5", 70, "Định kỳ 6 tháng khảo sát, công bố kết quả triển khai hạ tầng 5G, IoT trong khu công nghiệp.",
                ["III. GIẢI PHÁP"]),
]

_read = partial(read_evidence, plans=PLANS)


def _evidence() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


@pytest.mark.parametrize("question, frame", [
    ("Đợt thi đua chào mừng Đại hội XIV ở Đắk Lắk kéo dài từ khi nào đến khi nào?", {"keo", "dai"}),
    ("Nghệ An đợt thi đua chào mừng Đại hội XIV: lúc nào kết thúc?", {"ket", "thuc"}),
    ("Kiểm tra thi hành Luật Việc làm ở TP.HCM bắt đầu từ năm nào?", {"bat", "dau"}),
    ("Hà Nội công bố kết quả triển khai hạ tầng 5G, IoT bao lâu một lần?", {"lan"}),
    # a time of no kind in particular
    ("Lai Châu triển khai Chiến lược tiêu chuẩn quốc gia vào thời điểm nào?", {"thoi", "diem"}),
])
def test_the_words_asking_a_kind_of_time_are_read_as_the_questions_frame(question, frame):
    words = time_asking_words(fold(question).lower())
    assert frame <= words
    # what the question is about is not its frame
    assert not {"thi", "dua", "kiem", "tra", "cong", "bo", "ha", "tang", "chien", "luoc"} & words


def test_a_question_asking_no_kind_of_time_has_no_time_frame():
    assert time_asking_words(fold("Sơn La hỗ trợ phát triển homestay gắn với vùng nguyên liệu ra sao?").lower()) == set()


@pytest.mark.parametrize("question, lines", [
    ("Đợt thi đua chào mừng Đại hội XIV ở Đắk Lắk kéo dài từ khi nào đến khi nào?", [("td", 30)]),
    ("Đợt thi đua chào mừng Đại hội XIV ở Đắk Lắk lúc nào kết thúc?", [("td", 30)]),
    ("Kiểm tra việc thi hành Luật Việc làm ở TP.HCM bắt đầu từ năm nào?", [("vl", 52)]),
])
def test_a_plan_answering_a_time_with_dates_writes_all_the_question_asks_about(question, lines):
    ev = _evidence()
    assert _read(ev, "rare_words_in_plan", question, lines) == 1.0
    assert _read(ev, "rarest_compound_in_plan", question, lines) == 0.0


def test_a_thing_no_plan_writes_is_still_missing_when_asked_with_a_time():
    ev = _evidence()
    asked = "Hà Nội hỗ trợ homestay trong khu công nghiệp bắt đầu từ năm nào?"
    assert _read(ev, "rare_words_in_plan", asked, [("g5", 70)]) < 1.0
