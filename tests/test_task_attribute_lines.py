"""A result is the clause a person would cite: a task together with its own attribute lines.

Plans write a task and then its labelled lines ("- Cơ quan chủ trì: X", "- Cơ quan phối hợp: Y", "- Thời gian thực
hiện: Z", "- Thời hạn ban hành: …"); the task's clause runs through them (its line range and text) and carries
their fields, so a who- or when-question finds one clause that cites the task with its lead and its time.
Wordings modelled on a law-implementation plan (province), a national data-protection plan, a city's employment-law
plan and a campaign plan; synthetic here.
"""
from __future__ import annotations

from retrieval.signals import clause_table, time_title
from snippets import clause, parse_md

PROVINCE = (
    "**II. NỘI DUNG KẾ HOẠCH**\n\n**3.2. Tổ chức triển khai các văn bản hướng dẫn thi hành Luật**\n\n"
    "a) Nghị định quy định về điều kiện kinh doanh dịch vụ đánh giá sự phù hợp.\n\n"
    "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n\n"
    "- Cơ quan phối hợp: Các sở, ngành có liên quan và UBND các xã, phường.\n\n"
    "- Thời gian thực hiện: Sau khi Nghị định được ban hành.\n\n"
    "b) Thông tư hướng dẫn ghi nhãn hàng hóa.\n\n- Cơ quan chủ trì: Sở Công Thương.\n\n"
    "- Thời gian thực hiện: Quý IV năm 2025.\n")
NATIONAL = (
    "**II. NHIỆM VỤ CỤ THỂ**\n\n"
    "7. Xây dựng Quyết định ban hành Chương trình quốc gia về bảo vệ dữ liệu cá nhân\n\n"
    "- Cơ quan chủ trì: Bộ Công an.\n\n- Cơ quan phối hợp: Văn phòng Chính phủ và các cơ quan có liên quan.\n\n"
    "- Thời hạn ban hành: trước ngày 31 tháng 12 năm 2026.\n\n"
    "8. Tổ chức kiểm tra việc thi hành Luật\n\n- Cơ quan chủ trì: Bộ Công an.\n\n"
    "- Thời gian thực hiện: năm 2025 và các năm tiếp theo.\n")
CITY = (
    "**II. NỘI DUNG**\n\n4. Tổ chức kiểm tra việc thi hành Luật Việc làm\n\n"
    "- Cơ quan thực hiện: Sở Nội vụ, các sở, ban, ngành Thành phố.\n\n"
    "- Thời gian thực hiện: Năm 2026 và các năm tiếp theo.\n\n"
    "5. Rà soát văn bản quy phạm pháp luật\n\n"
    "a) Rà soát văn bản của Hội đồng nhân dân Thành phố.\n\nb) Rà soát văn bản của Ủy ban nhân dân Thành phố.\n")


def test_a_task_clause_runs_through_its_attribute_lines():
    for md, task, last in ((PROVINCE, "a) Nghị định", "- Thời gian thực hiện: Sau khi"),
                           (NATIONAL, "7. Xây dựng Quyết định", "- Thời hạn ban hành"),
                           (CITY, "4. Tổ chức kiểm tra", "- Thời gian thực hiện: Năm 2026")):
        plan = parse_md(md)
        t = clause(plan, task)
        line = next(c for c in plan.clauses if c.text.startswith(last))
        assert t.lines[0] < line.lines[0] and t.lines[1] == line.lines[1], (task, t.lines, line.lines)
        assert last in t.text
        assert t.kind == "item"  # a task with its attribute lines is cited, not a heading over them


def test_the_task_clause_carries_its_lines_fields():
    plan = parse_md(PROVINCE)
    t = clause(plan, "a) Nghị định")
    assert t.lead == "Sở Khoa học và Công nghệ" and t.partners and t.deadline.startswith("Sau khi")
    b = clause(plan, "b) Thông tư")
    assert b.lead == "Sở Công Thương" and b.deadline == "Quý IV năm 2025"
    assert "Sở Khoa học" not in b.text  # the next task's lines are not taken in
    n = clause(parse_md(NATIONAL), "7. Xây dựng Quyết định")
    assert n.lead == "Bộ Công an" and "31 tháng 12 năm 2026" in n.deadline


def test_the_labelled_lines_stay_clauses_of_their_own():
    plan = parse_md(NATIONAL)
    own = [c for c in plan.clauses if c.text.startswith("- Cơ quan chủ trì: Bộ Công an")]
    assert len(own) == 2 and all(c.labelled_fields == ("lead",) for c in own)


def test_a_task_with_sub_tasks_is_not_merged():
    plan = parse_md(CITY)
    t = clause(plan, "5. Rà soát")
    assert t.kind == "heading" and "Hội đồng nhân dân" not in t.text


def test_a_numbered_item_labelled_with_the_time_states_its_part_time():
    plan = parse_md(
        "**IV. TỔ CHỨC THỰC HIỆN**\n\n1. Đối tượng: cán bộ, công chức, viên chức.\n\n"
        "2. Thời gian thực hiện: Từ tháng 10/2025 đến khi tổ chức thành công Đại hội.\n\n"
        "3. Sở Nội vụ hướng dẫn khen thưởng.\n")
    assert time_title(clause(plan, "2. Thời gian thực hiện"))
    assert not time_title(clause(plan, "3. Sở Nội vụ"))
    titled = dict(zip((c.text[:8] for c in plan.clauses), clause_table(plan.clauses).time_titled))
    assert titled["2. Thời "] and not titled["1. Đối t"]


def test_a_dash_labelled_time_line_is_not_a_time_section():
    plan = parse_md(PROVINCE)
    line = next(c for c in plan.clauses if c.text.startswith("- Thời gian thực hiện: Quý IV"))
    assert not time_title(line)


def test_the_content_line_is_one_of_the_tasks_attribute_lines():
    plan = parse_md(
        "**II. NHIỆM VỤ**\n\n5. Xây dựng Nghị định của Chính phủ\n\n"
        "- Nghị định xử phạt vi phạm hành chính trong lĩnh vực an ninh mạng\n\n"
        "+ Nội dung: bao gồm quy định chi tiết khoản 7 Điều 8.\n\n+ Cơ quan chủ trì: Bộ Công an.\n\n"
        "+ Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.\n\n"
        "6. Xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân\n\n"
        "- Nội dung: Cổng thông tin cung cấp thông tin tuyên truyền chủ trương.\n\n- Cơ quan thực hiện: Bộ Công an.\n\n"
        "- Thời gian thực hiện: năm 2026 - 2027.\n")
    t = clause(plan, "6. Xây dựng Cổng")
    assert "- Nội dung: Cổng" in t.text and "năm 2026 - 2027" in t.text and t.kind == "item"
    b = clause(plan, "- Nghị định xử phạt")
    assert "+ Thời hạn ban hành" in b.text and b.kind == "bullet" and b.lead == "Bộ Công an"
    assert clause(plan, "5. Xây dựng Nghị định").kind == "heading"  # a sub-task under it is no attribute line


def test_content_lines_alone_are_no_attribute_lines():
    plan = parse_md(
        "**II. NỘI DUNG**\n\n2. Rà soát văn bản quy phạm pháp luật\n\n- Nội dung: rà soát các văn bản có liên quan.\n\n"
        "- Nhiệm vụ: kiến nghị sửa đổi, bổ sung kịp thời.\n\n3. Báo cáo kết quả.\n")
    t = clause(plan, "2. Rà soát")
    assert t.kind == "heading" and "kiến nghị" not in t.text


def _positions(plan):
    return {c.id: i for i, c in enumerate(plan.clauses)}


def test_each_attribute_line_names_the_task_that_took_it_in():
    for md, task in ((PROVINCE, "a) Nghị định"), (NATIONAL, "7. Xây dựng Quyết định"), (CITY, "4. Tổ chức kiểm tra")):
        plan = parse_md(md)
        t = clause(plan, task)
        mine = [c for c in plan.clauses if c.owning_task == t.id]
        assert mine and all(t.lines[0] < c.lines[0] <= c.lines[1] <= t.lines[1] and c.text in t.text for c in mine)
        assert t.owning_task is None  # a task is no attribute line of another
    plan = parse_md(PROVINCE)
    b = clause(plan, "b) Thông tư")
    assert [c.text[:24] for c in plan.clauses if c.owning_task == b.id] == ["- Cơ quan chủ trì: Sở Cô",
                                                                            "- Thời gian thực hiện: Q"]
    plan = parse_md(CITY)
    assert all(c.owning_task is None for c in plan.clauses if "Rà soát" in c.text)  # sub-tasks are no attribute lines


def test_the_owning_task_survives_the_stored_form():
    from corpus.model import ParsedPlan

    for md in (PROVINCE, NATIONAL, CITY):
        plan = parse_md(md)
        back = ParsedPlan.from_dict(plan.to_dict())
        assert [c.owning_task for c in back.clauses] == [c.owning_task for c in plan.clauses]
        assert any(c.owning_task for c in back.clauses)


def test_a_found_attribute_line_is_answered_by_its_task():
    from retrieval.search import task_of_line, tasks_for_their_lines
    for md, task in ((PROVINCE, "a) Nghị định"), (NATIONAL, "7. Xây dựng Quyết định"), (CITY, "4. Tổ chức kiểm tra")):
        plan = parse_md(md)
        cs = plan.clauses
        t = cs.index(clause(plan, task))
        lines = [k for k in range(t + 1, len(cs)) if cs[k].lines[1] <= cs[t].lines[1]]
        assert lines and all(task_of_line(cs, _positions(plan))[k] == t for k in lines)
        ranked = [(lines[-1], 0.9, 1.0), (t, 0.8, 1.0), (lines[0], 0.7, 1.0)]
        assert tasks_for_their_lines(ranked, task_of_line(cs, _positions(plan))) == [(t, 0.9, 1.0)]
    plan = parse_md(CITY)
    heading = plan.clauses.index(clause(plan, "5. Rà soát"))
    # sub-tasks stay results of their own
    assert not any(v == heading for v in task_of_line(plan.clauses, _positions(plan)).values())


def test_retrieval_follows_the_stored_owning_task(tmp_path):
    """The index stores each line's task (`Clause.owning_task`) and retrieval reads the record, re-deriving nothing
    from line ranges or text: a line pointed at another clause in the stored plans is answered by that clause."""
    import json

    from index import build_index
    from retrieval import Retriever

    plans = tmp_path / "plans"
    plans.mkdir()
    for name, md in (("province", PROVINCE), ("national", NATIONAL), ("city", CITY)):
        (plans / f"{name}.md").write_text("KẾ HOẠCH\n\n" + md, encoding="utf-8")
    idx = tmp_path / "idx"
    build_index([plans], idx, progress=False)
    r = Retriever.load(idx)
    cs = r.store.clauses
    owned = {k: t for k, t in r._task_of_line.items()}
    assert len({cs[k].doc_id for k in owned}) == 3
    assert all(cs[t].id == cs[k].owning_task and cs[t].kind in ("item", "bullet") for k, t in owned.items())
    rows = [json.loads(line) for line in (idx / "plans.jsonl").read_text(encoding="utf-8").splitlines()]
    line = next(c for p in rows for c in p["clauses"] if c.get("owning_task"))
    other = next(c for p in rows for c in p["clauses"] if c["kind"] == "header" or c is p["clauses"][0])
    line["owning_task"] = other["id"]
    (idx / "plans.jsonl").write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in rows), "utf-8")
    r = Retriever.load(idx)
    k, o = r.store.clause_index[line["id"]], r.store.clause_index[other["id"]]
    assert r.tasks_for_their_lines([(k, 0.9, 1.0)]) == [(o, 0.9, 1.0)]
