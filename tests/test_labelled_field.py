"""A labelled attribute line ("- Cơ quan chủ trì: X", "c) Thời gian thực hiện: …") is a typed fact on its
clause (`Clause.labelled_fields`), set by the corpus stage's labelled-lines reader, kept by the index, and
read by the answer instead of a pattern over the clause's display text."""
from __future__ import annotations

import pytest
from snippets import clause, parse_md

from corpus.model import LABELLED_FIELDS, Clause
from corpus.responsibilities import _LABELS
from retrieval.answer import _duty_line, deadline_stated
from retrieval.query import Question, folded

# two layouts: bulleted labelled lines under a numbered task (a provincial plan), and numbered
# sub-items closing a section (a commune's plan), with a sentence and a "Thời gian qua" aside around them
BULLETED = """
**II. NHIỆM VỤ**

1. Tổ chức tập huấn cho cán bộ

- Cơ quan chủ trì: Sở Nội vụ.

- Đơn vị phối hợp: Bảo hiểm xã hội Thành phố.

- Thời gian thực hiện: Năm 2025 và các năm tiếp theo.

- Sản phẩm: Báo cáo kết quả tập huấn.

2. Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát cơ sở y tế, hoàn thành trong năm 2026.

3. Thời gian qua, công tác cải cách hành chính đạt kết quả tích cực.
"""
NUMBERED = """
I. NHIỆM VỤ

1. Phát triển kinh tế

1.1. Hoàn thiện hạ tầng giao thông nông thôn.

1.2. Cơ quan chủ trì thực hiện: Phòng Kinh tế.

2. Rà soát thủ tục hành chính

a) Nội dung: rà soát, đơn giản hóa thủ tục.

b) Cơ quan chủ trì: Văn phòng HĐND và UBND.

c) Thời gian thực hiện: Hoàn thành trong năm 2025.
"""


@pytest.mark.parametrize("plan, start, field", [
    (BULLETED, "- Cơ quan chủ trì: Sở Nội vụ", "lead"),
    (BULLETED, "- Đơn vị phối hợp:", "partners"),
    (BULLETED, "- Thời gian thực hiện:", "deadline"),
    (BULLETED, "- Sản phẩm:", "product"),
    (BULLETED, "2. Sở Y tế chủ trì", None),  # a sentence stating a lead is no labelled line
    (BULLETED, "3. Thời gian qua", None),  # nor one that opens with "thời gian" in passing
    (BULLETED, "1. Tổ chức tập huấn", None),  # the task its labelled lines describe
    (NUMBERED, "1.2. Cơ quan chủ trì thực hiện:", "lead"),
    (NUMBERED, "b) Cơ quan chủ trì:", "lead"),
    (NUMBERED, "c) Thời gian thực hiện:", "deadline"),
    (NUMBERED, "a) Nội dung:", None),
])
def test_the_corpus_marks_the_field_a_labelled_line_states(plan, start, field):
    assert clause(parse_md(plan), start).labelled_fields == ((field,) if field else ())


def test_the_fields_a_label_names_are_the_declared_ones():
    assert {name for name, _ in _LABELS} == set(LABELLED_FIELDS)


def test_the_index_keeps_the_fields_and_an_older_clause_reads_none():
    c = clause(parse_md(NUMBERED), "c) Thời gian thực hiện:")
    stored = c.to_dict()
    assert Clause.from_dict(stored, c.doc_id) == c
    del stored["labelled_fields"]  # a clause stored before the field existed
    assert Clause.from_dict(stored, c.doc_id).labelled_fields == ()


def test_a_labelled_deadline_line_states_its_deadline_whatever_its_numbering():
    for plan, start in ((NUMBERED, "c) Thời gian thực hiện:"), (BULLETED, "1. Tổ chức tập huấn")):
        assert deadline_stated(clause(parse_md(plan), start))
    # the same words, not read as a labelled line by the corpus, are a deadline mentioned in passing
    assert not deadline_stated(clause(parse_md(BULLETED), "2. Sở Y tế chủ trì"))


def test_a_units_labelled_lead_line_is_quoted_with_its_task():
    q = Question(text="Phòng Kinh tế phải làm gì?", folded=folded("Phòng Kinh tế phải làm gì?"), qtype="duties")
    for plan, start, task in ((NUMBERED, "1.2. Cơ quan chủ trì thực hiện:", "1. Phát triển kinh tế"),
                              (BULLETED, "- Cơ quan chủ trì: Sở Nội vụ", "1. Tổ chức tập huấn cho cán bộ")):
        assert _duty_line(clause(parse_md(plan), start), q).startswith(f"{task}: «")
    sentence = clause(parse_md(BULLETED), "2. Sở Y tế chủ trì")
    assert _duty_line(sentence, q).startswith("«")


def test_a_line_holding_several_labels_marks_each_field_it_states():
    plan = NUMBERED.replace("b) Cơ quan chủ trì:", "b) Chủ trì: Sở Y tế. Phối hợp: Sở Tài chính. Thời gian: Quý IV/2026.")
    assert clause(parse_md(plan), "b) Chủ trì:").labelled_fields == ("lead", "partners", "deadline")
