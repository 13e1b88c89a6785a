"""A when question found several "- Thời gian thực hiện: …" lines: such a line names no task, its task is the
section it stands under, so the line under the task the question names answers, not the ranker's first (which may
be the same document's line under a sibling task: "3.1. Tham gia góp ý kiến …" beside "3.2. Tổ chức triển khai
…"). Wordings from three plans laid out with labelled lines (a law's implementation plan, a city's data plan, a
5G plan)."""
from __future__ import annotations

import pytest

from corpus.model import Clause, DeadlineSource
from retrieval.query import analyse
from retrieval.strategies import STRATEGIES


def labelled(n: int, deadline: str, section: list[str], doc: str) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind="bullet", label="- ", section_path=section,
                  text=f"- Thời gian thực hiện: {deadline}.", source=f"{doc}.md", lines=(n, n), deadline=deadline,
                  labelled_fields=("deadline",), deadline_source=DeadlineSource("labelled_line", f"{doc}:{n:04d}", (n, n)))


CASES = [
    ("Lai Châu tổ chức triển khai Nghị định về điều kiện kinh doanh dịch vụ đánh giá sự phù hợp vào thời điểm nào?",
     ["3.1. Tham gia góp ý kiến vào dự thảo các văn bản quy định chi tiết, hướng dẫn thi hành Luật",
      "b) Nghị định quy định về điều kiện kinh doanh dịch vụ và đánh giá sự phù hợp."],
     "Theo tiến độ xây dựng dự thảo văn bản của cơ quan chủ trì soạn thảo",
     ["3.2. Tổ chức triển khai các văn bản hướng dẫn thi hành Luật",
      "b) Nghị định quy định về điều kiện kinh doanh dịch vụ và đánh giá sự phù hợp."],
     "Sau khi Nghị định quy định chi tiết thi hành Luật ban hành", "laichau"),
    ("TP.HCM tổ chức tập huấn chuyên sâu Luật Việc làm cho cán bộ làm công tác bảo hiểm thất nghiệp khi nào?",
     ["II. NỘI DUNG", "2. Rà soát các văn bản quy phạm pháp luật liên quan đến Luật Việc làm"], "Năm 2026",
     ["II. NỘI DUNG", "3. Tổ chức tập huấn chuyên sâu Luật Việc làm cho cán bộ làm công tác bảo hiểm thất nghiệp"],
     "Quý I/2026", "hcm"),
    ("Hà Nội khảo sát, đánh giá thực trạng hạ tầng viễn thông trong khu công nghiệp trong thời gian nào?",
     ["III. NHIỆM VỤ", "2. Xây dựng hạ tầng viễn thông 5G trong khu công nghiệp"], "Năm 2027",
     ["III. NHIỆM VỤ", "1. Khảo sát, đánh giá thực trạng hạ tầng viễn thông tại các khu công nghiệp"],
     "Quý IV/2025 - Quý II/2026", "hanoi"),
]


@pytest.mark.parametrize("text, first_section, first_deadline, asked_section, asked_deadline, doc", CASES)
def test_a_labelled_thoi_han_answers_for_the_task_its_section_names(text, first_section, first_deadline,
                                                                    asked_section, asked_deadline, doc):
    ranked_first = labelled(130, first_deadline, first_section, doc)
    asked = labelled(160, asked_deadline, asked_section, doc)
    q = analyse(text, {}, [])
    assert STRATEGIES["when"].pick([ranked_first, asked], q) is asked


def test_between_equally_named_tasks_the_rankers_first_line_answers():
    section = ["II. NỘI DUNG", "1. Tuyên truyền, phổ biến Luật Việc làm"]
    a, b = labelled(10, "Năm 2026", section, "hcm"), labelled(20, "Quý I/2026", section, "hcm")
    assert STRATEGIES["when"].pick([a, b], analyse("Tuyên truyền Luật Việc làm ở TP.HCM khi nào?", {}, [])) is a
