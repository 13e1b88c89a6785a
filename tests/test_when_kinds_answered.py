"""When-questions whose kind of time was missed: a period asked ("từ khi nào đến khi nào", "kéo dài …") is answered by a
thời hạn that states where it starts and where it ends; the task done asked by "xong", "hoàn thành" or "hạn gửi …"
asks its end; a month asked by "tháng mấy" is a time; and an answer whose first clause states another kind of time
(a task's "thường xuyên") quotes the clause of the kind asked. Wordings modelled on a campaign plan, a law-
implementation plan with labelled lines, a national decision's review step, a planning-database decision and a
commune plan; synthetic here."""
from __future__ import annotations

import numpy as np
import pytest

from corpus.model import Clause, DeadlineSource, Document
from corpus.timing import answers_time, deadline_kinds, time_asked
from retrieval.answer import compose_by_plan
from retrieval.query import analyse, folded
from retrieval.signals import SIGNALS, Candidates, clause_table
from retrieval.strategies import STRATEGIES


def question(text: str):
    return analyse(text, {}, [])


@pytest.mark.parametrize("value", [
    "Từ tháng 10/2025 đến khi tổ chức thành công Đại hội Đại biểu toàn quốc lần thứ XIV của Đảng",  # a campaign
    "từ ngày ban hành Kế hoạch đến khi tổng kết Phong trào",
    "Từ ngày 01/7/2026 đến ngày 31/12/2026",
])
def test_a_time_stating_its_start_and_its_end_answers_a_period_asked(value):
    kinds = deadline_kinds(value)
    assert {"start", "end"} <= set(kinds)
    assert answers_time(kinds, ("period",))
    assert answers_time(kinds, ("start",)) and answers_time(kinds, ("end",))


@pytest.mark.parametrize("value, asked", [
    ("Quý IV năm 2025 và các năm tiếp theo", ("period",)),  # a start alone is no period
    ("trước ngày 15 tháng 12 năm 2025", ("period",)),  # an end alone neither
    ("Thường xuyên", ("start",)),  # a recurrence says nothing of when it starts
    ("Giai đoạn 2031 - 2035", ("recurring",)),
])
def test_a_time_of_another_kind_does_not_answer(value, asked):
    assert not answers_time(deadline_kinds(value), asked)


@pytest.mark.parametrize("text", [
    "cong thong tin quoc gia ve bao ve du lieu ca nhan bao gio lam xong?",
    "Khi nào TP.HCM phải bố trí xong nhân lực quản lý, vận hành hệ thống cơ sở dữ liệu quy hoạch?",
    "Bao giờ xã hoàn thành sắp xếp trạm y tế xã có đủ nhân lực và trang thiết bị?",
    "Han gui ket qua ra soat van ban cho Bo Cong an la ngay nao?",
    "Hạn nộp báo cáo tổng kết đợt thi đua là khi nào?",
])
def test_the_task_done_asks_its_end(text):
    q = question(text)
    assert q.qtype == "when"
    assert "end" in q.time_asked


def test_a_deadline_named_by_han_is_a_when_question():
    q = question("Hạn hoàn thành xây dựng CSDL hồ sơ quy hoạch chuyên ngành còn lại theo QĐ 2820/QĐ-UBND?")
    assert q.qtype == "when" and q.answer_slot is not None and q.answer_slot.kind == "time"
    assert q.time_asked == ("end",)


@pytest.mark.parametrize("text, kinds", [
    ("dot thi dua chao mung dai hoi XIV cua Dak Lak bat dau tu thang may?", ("start",)),
    ("Tập huấn nghiệp vụ bảo hiểm thất nghiệp tổ chức vào tháng mấy năm 2026?", ()),
    ("Sở Tư pháp báo cáo kết quả rà soát vào quý mấy?", ()),
])
def test_a_month_or_quarter_asked_by_may_is_a_when_question(text, kinds):
    q = question(text)
    assert q.qtype == "when" and q.time_asked == kinds


def test_a_lift_is_no_month_asked():
    """"thang máy" (a lift) folds as "tháng mấy" does: followed by what it is for, it asks no time."""
    assert question("Kế hoạch có lắp thang máy cho nhà văn hóa xã không?").qtype != "when"


def _clause(n: int, text: str, deadline: str, kind: str = "item") -> Clause:
    return Clause(id=f"d:{n:04d}", doc_id="d", kind=kind, label=None, section_path=["II. NỘI DUNG"], text=text,
                  source="d.md", lines=(n, n), deadline=deadline, deadline_kinds=deadline_kinds(deadline),
                  deadline_source=DeadlineSource("labelled_line", f"d:{n:04d}", (n, n)))


CAMPAIGN = "Từ tháng 10/2025 đến khi tổ chức thành công Đại hội Đại biểu toàn quốc lần thứ XIV của Đảng"


def test_the_time_kind_signal_counts_a_start_and_end_for_a_period_asked():
    period = _clause(91, f"2. Thời gian thực hiện: {CAMPAIGN}.", CAMPAIGN)
    routine = _clause(245, "3. Sở Văn hóa, Thể thao và Du lịch thường xuyên tuyên truyền về đợt thi đua.", "thường xuyên")

    class _R:  # the one thing the signal reads from the retriever: the clause table
        clause_table = clause_table([period, routine])
    q = question("Đợt thi đua chào mừng Đại hội XIV kéo dài từ khi nào đến khi nào?")
    assert q.time_asked == ("period",)
    cands = Candidates(_R(), q, STRATEGIES["when"], [0, 1], *(np.zeros(2) for _ in range(4)))
    assert list(SIGNALS["time_kind_asked"].read(cands)) == [1.0, 0.0]


@pytest.mark.parametrize("text", [
    "Đợt thi đua chào mừng Đại hội XIV ở tỉnh Đắk Lắk diễn ra từ khi nào?",
    "dot thi dua chao mung dai hoi XIV bat dau tu thang may?",
    "Đợt thi đua chào mừng Đại hội XIV kéo dài từ khi nào đến khi nào?",
])
def test_a_when_answer_quotes_the_clause_of_the_kind_asked_the_ranker_put_lower(text):
    """The best clause found is a unit's task "thường xuyên" (a recurrence); the campaign's own "Thời gian thực hiện"
    line, scored far lower, states the start asked: the answer quotes it, first."""
    routine = _clause(245, "3. Sở Văn hóa, Thể thao và Du lịch: Phối hợp chỉ đạo Báo và Phát thanh thường xuyên "
                           "tuyên truyền về Đợt thi đua lập thành tích chào mừng Đại hội XIV của Đảng.", "thường xuyên")
    period = _clause(91, f"2. Thời gian thực hiện: {CAMPAIGN}.", CAMPAIGN)
    q = question(text)
    answer = compose_by_plan(STRATEGIES[q.qtype], q, [(routine, 0.36, 1.0), (period, 0.08, 0.87)],
                             {"d": Document(id="d", source="d.md")})
    assert answer.index("tháng 10/2025") < answer.index("thường xuyên")
    assert "dòng 91" in answer


def test_an_answer_stating_the_kind_asked_adds_nothing():
    """When the best clause already states the kind asked, no lower one joins it."""
    period = _clause(91, f"2. Thời gian thực hiện: {CAMPAIGN}.", CAMPAIGN)
    other = _clause(300, "Sở Nội vụ tổng kết đợt thi đua từ tháng 01/2026.", "từ tháng 01/2026")
    q = question("Đợt thi đua chào mừng Đại hội XIV diễn ra từ khi nào?")
    answer = compose_by_plan(STRATEGIES[q.qtype], q, [(period, 0.9, 1.0), (other, 0.1, 0.6)],
                             {"d": Document(id="d", source="d.md")})
    assert "dòng 91" in answer and "dòng 300" not in answer
    assert folded(answer).count("thoi han") >= 1
