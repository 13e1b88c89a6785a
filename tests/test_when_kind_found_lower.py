"""A when-question's kind of time found below the answer's first three clauses: "trong thời hạn bao lâu" asks a
duration, the best clauses state a recurrence ("định kỳ") or none, and the task's own thời hạn of the kind asked is
ranked fourth or fifth. The answer quotes it when it speaks for the question (`answer.ANSWERING_COVERAGE` of its
words); another task's time of that kind, sharing few of the question's words, is not quoted. Wordings modelled on a
mine-action circular, an administrative-procedure decision and a province's digital-skills plan; synthetic here."""
from __future__ import annotations

import pytest

from corpus.model import Clause, DeadlineSource, Document
from corpus.timing import deadline_kinds
from retrieval.answer import compose_by_plan
from retrieval.query import analyse
from retrieval.strategies import STRATEGIES

DOCS = {"d": Document(id="d", source="d.md")}


def _clause(n: int, text: str, deadline: str | None = None) -> Clause:
    return Clause(id=f"d:{n:04d}", doc_id="d", kind="item", label=None, section_path=["II. NỘI DUNG"], text=text,
                  source="d.md", lines=(n, n), deadline=deadline, deadline_kinds=deadline_kinds(deadline),
                  deadline_source=DeadlineSource("in_text", f"d:{n:04d}", (n, n)) if deadline else None)


CASES = [
    (  # a mine-action circular: the rule "sau khi kết thúc dự án và định kỳ" first, its two bullets, then Điều 22's
        "Sau khi kết thúc dự án rà phá bom mìn, tổ chức thi công phải báo cáo trong thời hạn bao lâu?",
        [_clause(584, "đ) Sau khi kết thúc dự án và định kỳ, tổ chức, đơn vị rà phá bom mìn vật nổ phải báo cáo kết "
                      "quả theo quy định tại Điều 22.", "định kỳ"),
         _clause(589, "- Dự án không có độ mật, báo cáo bằng văn bản điện tử."),
         _clause(593, "- Dự án có độ mật, báo cáo bằng văn bản giấy."),
         _clause(930, "b) Trong thời hạn 15 ngày làm việc, sau khi kết thúc dự án, hạng mục, nhiệm vụ rà phá bom mìn, "
                      "tổ chức thi công báo cáo kết quả.", "Trong thời hạn 15 ngày làm việc, sau khi kết thúc dự án")],
        "15 ngày làm việc",
    ),
    (  # an administrative procedure: the yearly review first, the procedure's steps, then its thời hạn giải quyết
        "Thủ tục cấp giấy phép hoạt động được giải quyết trong thời hạn bao lâu?",
        [_clause(120, "Hằng năm, Sở Y tế rà soát thủ tục cấp giấy phép hoạt động.", "Hằng năm"),
         _clause(122, "a) Trình tự thực hiện thủ tục cấp giấy phép hoạt động:"),
         _clause(124, "b) Cách thức thực hiện: nộp hồ sơ trực tuyến hoặc trực tiếp."),
         _clause(126, "c) Sở Y tế giải quyết thủ tục cấp giấy phép hoạt động trong thời hạn 10 ngày làm việc kể từ ngày "
                      "nhận đủ hồ sơ.", "trong thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ")],
        "10 ngày làm việc",
    ),
    (  # a province's digital-skills plan: the task's table row states its stage; its own line, fifth, how often
        "Việc đánh giá kỹ năng số của công chức được thực hiện bao lâu một lần?",
        [_clause(2123, "7.3. Đánh giá, công bố kỹ năng số của công chức, viên chức.", "2026 - 2030"),
         _clause(2104, "7.2. Bồi dưỡng kỹ năng số cho công chức, viên chức.", "2026 - 2030"),
         _clause(2090, "7.1. Phổ cập kỹ năng số cho người dân."),
         _clause(2080, "VII. Phát triển kỹ năng số, công dân số."),
         _clause(2140, "- Đánh giá kỹ năng số của công chức, viên chức định kỳ 6 tháng một lần.", "định kỳ 6 tháng")],
        "định kỳ 6 tháng",
    ),
]


@pytest.mark.parametrize("text, clauses, value", CASES)
def test_a_when_answer_quotes_the_time_of_the_kind_asked_ranked_below_the_first_three(text, clauses, value):
    q = analyse(text, {}, [])
    assert q.time_asked
    ranked = [(c, 0.9 - 0.2 * i, 0.95) for i, c in enumerate(clauses[:-1])] + [(clauses[-1], 0.1, 0.8)]
    answer = compose_by_plan(STRATEGIES[q.qtype], q, ranked, DOCS)
    assert value in answer
    assert f"dòng {clauses[-1].lines[0]}" in answer


@pytest.mark.parametrize("text, clauses, value", CASES)
def test_another_task_time_of_that_kind_sharing_few_of_the_question_words_is_not_quoted(text, clauses, value):
    q = analyse(text, {}, [])
    ranked = [(c, 0.9 - 0.2 * i, 0.95) for i, c in enumerate(clauses[:-1])] + [(clauses[-1], 0.02, 0.35)]
    answer = compose_by_plan(STRATEGIES[q.qtype], q, ranked, DOCS)
    assert f"dòng {clauses[-1].lines[0]}" not in answer
