"""Where a deadline was read is typed data on the clause (`Clause.deadline_source`, like `lead_source`),
set by the corpus stage where it reads the deadline, kept by the index, and read by the answer to tell a
task's own thời hạn from a time its words mention in passing."""
from __future__ import annotations

from snippets import clause, parse_md

from corpus.model import DEADLINE_MECHANISMS, Clause
from retrieval.answer import deadline_stated

LABELLED = """
**II. NHIỆM VỤ**

1. Tổ chức tập huấn cho cán bộ

- Cơ quan chủ trì: Sở Nội vụ.

- Thời gian thực hiện: Năm 2025 và các năm tiếp theo.

2. Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát cơ sở y tế, hoàn thành trong năm 2026.
"""
TABLE = """
| STT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành |
|---|---|---|---|
| 1 | Rà soát quy hoạch đến năm 2030 | Sở Xây dựng | Quý III/2026 |
"""


def test_a_labelled_line_states_the_deadline_of_its_task_and_of_itself():
    plan = parse_md(LABELLED)
    line = clause(plan, "- Thời gian thực hiện:")
    task = clause(plan, "1. Tổ chức tập huấn")
    for c in (line, task):
        assert c.deadline_source.mechanism == "labelled_line" and c.deadline_source.clause_id == line.id
        assert deadline_stated(c)


def test_a_time_in_the_clauses_own_sentence_is_read_in_text_and_not_stated():
    c = clause(parse_md(LABELLED), "2. Sở Y tế chủ trì")
    assert c.deadline and c.deadline_source.mechanism == "in_text" and c.deadline_source.clause_id == c.id
    assert not deadline_stated(c)


def test_a_table_rows_deadline_cell_is_its_stated_deadline_even_when_its_text_names_a_year():
    c = clause(parse_md(TABLE), "Rà soát quy hoạch")
    assert c.deadline == "Quý III/2026" and c.deadline_source.mechanism == "table_column"
    assert deadline_stated(c)


def test_every_mechanism_has_words_for_people_and_no_deadline_has_no_source():
    plan = parse_md(LABELLED)
    assert all(c.deadline_source.mechanism in DEADLINE_MECHANISMS for c in plan.clauses if c.deadline)
    assert all(c.deadline_source is None for c in plan.clauses if not c.deadline)


def test_the_source_is_stored_with_the_clause_and_an_older_record_has_none():
    c = clause(parse_md(TABLE), "Rà soát quy hoạch")
    stored = c.to_dict()
    assert Clause.from_dict(stored, c.doc_id) == c
    del stored["deadline_source"]  # an index built before the source was stored: rebuild to read it
    old = Clause.from_dict(stored, c.doc_id)
    assert old.deadline_source is None and not deadline_stated(old)
