"""Leads and deadlines the gold-free coverage audit (benchmarks/audit_coverage.py) found read wrong or not at all
on the development documents, as mechanisms: a roadmap stage heading gives its tasks their time, a task that opens
with "Thường xuyên" is done all along, a subject's name ends at its sentence's end and never at a list's colon, and
"X do Y chịu trách nhiệm" names Y. Synthetic snippets in the wordings of different plans (a science and technology
roadmap, a digital-transformation plan, an export programme, a training-centre regulation, an inspection rule)."""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

# ------------------------------------------------------------------ a roadmap stage gives its tasks their time

STAGE_LAYOUTS = [
    # a numbered heading under "Lộ trình thực hiện", bullets under it
    """
**III. LỘ TRÌNH THỰC HIỆN**

**{label}. {stage}**

- Rà soát, bổ sung, hoàn thiện các chính sách hỗ trợ đổi mới công nghệ.

- Xây dựng Trung tâm đổi mới sáng tạo cấp tỉnh.
""",
    # a Markdown heading, lettered items under it
    """
## II. NHIỆM VỤ VÀ GIẢI PHÁP

### {label}. {stage}:

a) Rà soát, bổ sung, hoàn thiện các chính sách hỗ trợ đổi mới công nghệ.

b) Xây dựng Trung tâm đổi mới sáng tạo cấp tỉnh.
""",
    # a bold stage line with a sub-heading of tasks under it
    """
**IV. CÁC NHIỆM VỤ TRỌNG TÂM**

**{label}. {stage}**

**{label}.1. Hoàn thiện thể chế**

- Rà soát, bổ sung, hoàn thiện các chính sách hỗ trợ đổi mới công nghệ.

- Xây dựng Trung tâm đổi mới sáng tạo cấp tỉnh.
""",
]
STAGES = [("Giai đoạn 2025 - 2030", "Giai đoạn 2025 - 2030"), ("Năm 2026", "Năm 2026"),
          ("Giai đoạn 2 (2028 - 2030)", "Giai đoạn 2 (2028 - 2030)"), ("Quý IV/2026", "Quý IV/2026"),
          ("Từ năm 2026 đến năm 2030", "Từ năm 2026 đến năm 2030"), ("Từ nay đến năm 2027", "Từ nay đến năm 2027")]


@pytest.mark.parametrize("stage,want", STAGES)
@pytest.mark.parametrize("layout", STAGE_LAYOUTS)
def test_tasks_under_a_roadmap_stage_take_the_stage_as_their_time(layout, stage, want):
    plan = parse_md(layout.format(label="1", stage=stage))
    assert clause(plan, "Rà soát, bổ sung").deadline == want
    assert clause(plan, "Trung tâm đổi mới sáng tạo").deadline == want


def test_a_task_under_a_stage_keeps_the_time_it_states_itself():
    plan = parse_md(STAGE_LAYOUTS[0].format(label="1", stage="Giai đoạn 2025 - 2030").replace(
        "Xây dựng Trung tâm đổi mới sáng tạo cấp tỉnh.", "Xây dựng Trung tâm đổi mới sáng tạo cấp tỉnh trong năm 2026."))
    assert clause(plan, "Trung tâm đổi mới sáng tạo").deadline == "trong năm 2026"
    assert clause(plan, "Rà soát, bổ sung").deadline == "Giai đoạn 2025 - 2030"


def test_a_stage_of_the_objectives_gives_no_deadline():
    """"Mục tiêu" › "Đến năm 2030" › "Năm 2026": the years of targets, not the time of a task."""
    plan = parse_md("""
**I. MỤC TIÊU**

**1. Năm 2026**

- Xây dựng 50% cơ sở dữ liệu chuyên ngành.
""")
    assert clause(plan, "cơ sở dữ liệu chuyên ngành").deadline is None


def test_a_heading_that_names_a_year_among_other_words_is_no_stage():
    plan = parse_md("""
**II. NHIỆM VỤ**

**1. Tổ chức Đại hội thi đua yêu nước năm 2026**

- Xây dựng kế hoạch tổ chức Đại hội.
""")
    assert clause(plan, "kế hoạch tổ chức Đại hội").deadline is None


# ------------------------------------------------------------------ "Thường xuyên …" opening a task

@pytest.mark.parametrize("text", [
    "- Thường xuyên kiểm tra, đôn đốc, hướng dẫn, kịp thời tháo gỡ những khó khăn, vướng mắc.",
    "a) Thường xuyên rà soát, cập nhật dữ liệu và thực hiện lập danh sách chi trả.",
    "+ Thường xuyên chỉ đạo, theo dõi, đôn đốc các đơn vị cấp dưới thực hiện.",
    "(6) Thường xuyên triển khai thực hiện đồng bộ các biện pháp phòng, chống tham nhũng.",
])
def test_a_task_that_opens_with_thuong_xuyen_is_done_all_along(text):
    plan = parse_md(f"**II. NHIỆM VỤ**\n\n{text}")
    assert clause(plan, text.split(" ", 1)[1][:30]).deadline == "Thường xuyên"


@pytest.mark.parametrize("text", [
    # recurrent spending is no time
    "- Chi thường xuyên được bố trí theo định mức.",
    # the word inside the sentence describes a manner, not the task's time
    "- Bảo đảm sự phối hợp chặt chẽ, thường xuyên, hiệu quả giữa các sở, ngành.",
])
def test_thuong_xuyen_that_does_not_open_the_task_is_no_deadline(text):
    plan = parse_md(f"**II. NHIỆM VỤ**\n\n{text}")
    assert clause(plan, text[2:30]).deadline is None


def test_a_time_the_task_names_wins_over_thuong_xuyen():
    plan = parse_md("**II. NHIỆM VỤ**\n\n- Thường xuyên rà soát, báo cáo kết quả trước ngày 15/12 hằng năm.")
    assert clause(plan, "rà soát, báo cáo").deadline == "trước ngày 15/12 hằng năm"


# ------------------------------------------------------------------ a subject's name ends with its sentence

@pytest.mark.parametrize("text,lead", [
    # after a lead-in, the subject's duty verb then a later sentence that has "tham mưu" in it
    ("2. Căn cứ kế hoạch bồi dưỡng đã được phê duyệt, Trung tâm thông báo chiêu sinh đến các cơ quan, đơn vị. "
     "Các cơ quan tham mưu, giúp việc cử cán bộ tham gia.", "Trung tâm"),
    # a list introduced by "gồm:" after the duty
    ("- Tháng 11 hằng năm, Trung tâm có văn bản báo cáo cấp ủy xã về công tác bồi dưỡng, gồm: kết quả bồi dưỡng; "
     "số học viên hiện có.", "Trung tâm"),
    ("- Định kỳ hằng quý, Sở Tài chính tổng hợp tình hình thực hiện, bao gồm: tiến độ giải ngân; khó khăn, "
     "vướng mắc.", "Sở Tài chính"),
    # a sentence end before the verb that would close a long name
    ("c) Trên cơ sở đề xuất của các đơn vị, Văn phòng UBND xã tổng hợp danh mục. Các phòng chuyên môn chủ trì "
     "triển khai.", "Văn phòng UBND xã"),
])
def test_a_subjects_name_ends_at_its_duty_not_after_the_sentence(text, lead):
    plan = parse_md(f"**IV. TỔ CHỨC THỰC HIỆN**\n\n{text}")
    assert clause(plan, text[4:30]).lead == lead


def test_a_unit_heading_with_its_colon_still_names_the_unit():
    plan = parse_md("**IV. TỔ CHỨC THỰC HIỆN**\n\n**1. Sở Khoa học và Công nghệ:** Chủ trì theo dõi, đôn đốc việc "
                    "thực hiện Kế hoạch.")
    assert clause(plan, "Chủ trì theo dõi").lead == "Sở Khoa học và Công nghệ"


@pytest.mark.parametrize("text,lead", [
    ("d. Kinh phí cấp lại giấy chứng nhận do Trung tâm chịu trách nhiệm.", "Trung tâm"),
    ("- Việc lưu trữ hồ sơ kiểm tra do Văn phòng Bộ chịu trách nhiệm.", "Văn phòng Bộ"),
    ("3. Kinh phí tổ chức các hoạt động do các sở, ngành có trách nhiệm bố trí trong dự toán được giao.",
     "các sở, ngành"),
])
def test_the_agent_after_do_is_the_subject_that_answers_for_a_thing(text, lead):
    plan = parse_md(f"**Điều 9. Cấp lại giấy chứng nhận**\n\n{text}")
    assert clause(plan, text[3:30]).lead == lead


@pytest.mark.parametrize("stage", ["Giai đoạn 2026 - 2027", "Năm 2026"])
def test_tasks_under_a_stage_row_of_a_table_take_the_stage_as_their_time(stage):
    """A table's group row ("| **I** | **Giai đoạn 2026 - 2027** | |") over its task rows, when the table has no
    time column: the same reading as a stage heading over bullets."""
    plan = parse_md(f"""
## III. LỘ TRÌNH THỰC HIỆN

| STT | Nội dung | Cơ quan chủ trì |
|---|---|---|
| **I** | **{stage}** | |
| 1 | Rà soát, bổ sung, hoàn thiện các chính sách hỗ trợ đổi mới công nghệ | Sở Khoa học và Công nghệ |
| 2 | Xây dựng Trung tâm đổi mới sáng tạo cấp tỉnh | Sở Tài chính |
""")
    assert clause(plan, "Rà soát, bổ sung").deadline == stage
    assert clause(plan, "Trung tâm đổi mới sáng tạo").deadline == stage
    assert clause(plan, "Trung tâm đổi mới sáng tạo").lead == "Sở Tài chính"


def test_a_time_column_of_a_table_under_a_stage_row_wins():
    plan = parse_md("""
## III. LỘ TRÌNH THỰC HIỆN

| STT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành |
|---|---|---|---|
| **I** | **Giai đoạn 2026 - 2027** | | |
| 1 | Rà soát, bổ sung, hoàn thiện các chính sách hỗ trợ đổi mới công nghệ | Sở Khoa học và Công nghệ | Quý II/2026 |
""")
    assert clause(plan, "Rà soát, bổ sung").deadline == "Quý II/2026"


# ------------------------------------------------------------------ one sentence, several units' references

XREF_PLAN = """
**II. NHIỆM VỤ**

**1. Hoàn thiện thể chế**

a) Rà soát các văn bản quy phạm pháp luật về đất đai.

b) Xây dựng quy chế phối hợp cung cấp dữ liệu.

**2. Phát triển hạ tầng số**

a) Đầu tư hệ thống máy chủ của tỉnh.

**III. TỔ CHỨC THỰC HIỆN**

{assign}
"""


@pytest.mark.parametrize("assign", [
    "1. Giao Sở Tư pháp chủ trì thực hiện các nội dung tại mục II.1 Kế hoạch này; Sở Khoa học và Công nghệ chủ trì, "
    "phối hợp với Công an tỉnh thực hiện nội dung tại mục II.2.",
    "- Sở Tư pháp chủ trì thực hiện các nội dung tại mục II.1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Công "
    "an tỉnh thực hiện nội dung tại mục II.2.",
    "Giao Sở Tư pháp chủ trì triển khai nhiệm vụ tại khoản 1 mục II; giao Sở Khoa học và Công nghệ chủ trì, phối hợp "
    "với Công an tỉnh triển khai nhiệm vụ tại khoản 2 mục II.",
])
def test_each_unit_of_one_sentence_leads_the_section_its_own_part_refers_to(assign):
    plan = parse_md(XREF_PLAN.format(assign=assign))
    assert clause(plan, "Rà soát các văn bản").lead == "Sở Tư pháp"
    assert clause(plan, "Xây dựng quy chế").lead == "Sở Tư pháp"
    server = clause(plan, "Đầu tư hệ thống máy chủ")
    assert (server.lead, server.partners) == ("Sở Khoa học và Công nghệ", "Công an tỉnh")
    assert server.lead_source.mechanism == "cross_reference"


@pytest.mark.parametrize("assign", [
    "1. Sở Tư pháp chủ trì thực hiện các nội dung tại mục II.1, phối hợp thực hiện nội dung tại mục II.2.",
    "**1. Sở Tư pháp**\n\na) Chủ trì thực hiện các nhiệm vụ tại mục II.1.\n\nb) Phối hợp thực hiện các nhiệm vụ tại "
    "mục II.2.",
    "- Sở Tư pháp: chủ trì triển khai nhiệm vụ tại khoản 1 mục II, phối hợp với các sở, ngành triển khai nhiệm vụ tại "
    "khoản 2 mục II.",
])
def test_a_section_the_unit_only_coordinates_on_is_not_its_lead(assign):
    plan = parse_md(XREF_PLAN.format(assign=assign))
    assert clause(plan, "Rà soát các văn bản").lead == "Sở Tư pháp"
    assert clause(plan, "Đầu tư hệ thống máy chủ").lead is None


def test_chu_tri_phoi_hop_voi_still_leads_the_section_it_refers_to():
    plan = parse_md(XREF_PLAN.format(assign="1. Sở Tư pháp chủ trì, phối hợp với các sở, ngành thực hiện các nội "
                                            "dung tại mục II."))
    assert clause(plan, "Đầu tư hệ thống máy chủ").lead == "Sở Tư pháp"
    assert clause(plan, "Rà soát các văn bản").lead == "Sở Tư pháp"


# ------------------------------------------------------------------ an appendix row that restates a task in other words

APPENDIX_PLAN = """
**II. NHIỆM VỤ**

**1. Hạ tầng**

- {task}

**III. TỔ CHỨC THỰC HIỆN**

Các cơ quan thực hiện theo Phụ lục kèm theo.

**PHỤ LỤC**

| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |
|---|---|---|---|
| 1 | {row} | {lead} | Quý IV/2026 |
| 2 | Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã | Sở Nội vụ | Năm 2026 |
| 3 | Kiểm tra, đánh giá việc thực hiện Kế hoạch hằng năm | Văn phòng UBND tỉnh | Hằng năm |
"""


@pytest.mark.parametrize("task,row,lead", [
    ("Xây dựng, nâng cấp hạ tầng công nghệ thông tin của Thành phố đáp ứng an toàn hệ thống thông tin.",
     "Xây dựng hạ tầng công nghệ thông tin, trang thiết bị tại Sở Tài chính bảo đảm an toàn hệ thống thông tin",
     "Trung tâm Chuyển đổi số"),
    ("Phối hợp xây dựng phần mềm ứng dụng quản lý, khai thác, chia sẻ dữ liệu quy hoạch.",
     "Phối hợp xây dựng phần mềm của Hệ thống thông tin quốc gia về quy hoạch; quản lý, khai thác dữ liệu quy hoạch "
     "của Thành phố", "Trung tâm Chuyển đổi số"),
    ("Tuyên truyền, hướng dẫn và khuyến khích người dân sử dụng danh tính số, tài khoản định danh điện tử.",
     "Tuyên truyền, khuyến khích người dân sử dụng tài khoản định danh điện tử và dịch vụ công trực tuyến toàn trình",
     "Công an tỉnh"),
])
def test_a_task_an_appendix_row_restates_in_its_own_words_takes_the_rows_lead(task, row, lead):
    plan = parse_md(APPENDIX_PLAN.format(task=task, row=row, lead=lead))
    c = clause(plan, task[:30])
    assert (c.lead, c.deadline) == (lead, "Quý IV/2026")
    assert c.lead_source.mechanism == "appendix_table"


def test_a_task_two_units_rows_restate_alike_takes_neither():
    plan = parse_md(APPENDIX_PLAN.format(
        task="Xây dựng, nâng cấp hạ tầng công nghệ thông tin của Thành phố đáp ứng an toàn hệ thống thông tin.",
        row="Xây dựng hạ tầng công nghệ thông tin, trang thiết bị tại Sở Tài chính bảo đảm an toàn hệ thống thông tin",
        lead="Trung tâm Chuyển đổi số").replace(
        "| 3 | Kiểm tra,", "| 4 | Nâng cấp hạ tầng công nghệ thông tin, hệ thống thông tin của Thành phố | Sở Khoa học và "
                         "Công nghệ | Năm 2027 |\n| 3 | Kiểm tra,"))
    assert clause(plan, "Xây dựng, nâng cấp hạ tầng").lead is None


def test_an_objective_is_not_matched_to_a_task_row_it_only_resembles():
    plan = parse_md(APPENDIX_PLAN.format(
        task="Xây dựng, nâng cấp hạ tầng công nghệ thông tin của Thành phố đáp ứng an toàn hệ thống thông tin.",
        row="Xây dựng hạ tầng công nghệ thông tin, trang thiết bị tại Sở Tài chính bảo đảm an toàn hệ thống thông tin",
        lead="Trung tâm Chuyển đổi số").replace("**1. Hạ tầng**", "**1. Mục tiêu cụ thể**"))
    assert clause(plan, "Xây dựng, nâng cấp hạ tầng").lead is None


# ------------------------------------------------------------------ "… . X có nhiệm vụ:" over a list

@pytest.mark.parametrize("intro,unit", [
    ("b) Chủ đầu tư lựa chọn đơn vị tư vấn theo quy định tại Điều 17 Nghị định 18/2019/NĐ-CP. Đơn vị tư vấn, điều "
     "tra, khảo sát bom mìn vật nổ có nhiệm vụ:", "Đơn vị tư vấn, điều tra, khảo sát bom mìn vật nổ"),
    ("2. Kinh phí thực hiện từ ngân sách tỉnh. Ban Quản lý dự án đầu tư xây dựng tỉnh có trách nhiệm sau:",
     "Ban Quản lý dự án đầu tư xây dựng tỉnh"),
    ("- Học viên đăng ký theo lớp; Trung tâm chính trị xã có các nhiệm vụ sau đây:", "Trung tâm chính trị xã"),
])
def test_the_unit_a_clauses_last_sentence_hands_a_list_of_duties_leads_the_list(intro, unit):
    plan = parse_md(f"**Điều 5. Trách nhiệm thực hiện**\n\n{intro}\n\n+ Lập phương án kỹ thuật thi công.\n\n"
                    "+ Xây dựng quy trình quản lý chất lượng nội bộ.")
    assert clause(plan, "Lập phương án").lead == unit
    assert clause(plan, "quy trình quản lý chất lượng").lead == unit


def test_a_clause_that_is_only_the_units_intro_still_leads_its_list():
    plan = parse_md("**Điều 5. Trách nhiệm thực hiện**\n\n1. Sở Xây dựng có trách nhiệm:\n\na) Lập phương án kỹ thuật "
                    "thi công.")
    assert clause(plan, "Lập phương án").lead == "Sở Xây dựng"


# ------------------------------------------------------------------ a person by office after a lead-in, in lower case

@pytest.mark.parametrize("text,lead", [
    ("Trường hợp kết quả chấm phúc khảo lệch từ 2.0 điểm trở lên so với điểm công bố, giám đốc Trung tâm tổ chức "
     "đối thoại giữa các giảng viên.", "giám đốc Trung tâm"),
    ("b. Trong 03 ngày làm việc kể từ ngày tiếp nhận đơn đề nghị, giám đốc Trung tâm tổ chức kiểm tra, đối chiếu.",
     "giám đốc Trung tâm"),
    ("- Khi phát hiện vi phạm trong quá trình kiểm tra, thủ trưởng Cục Quản lý thị trường quyết định xử lý.",
     "thủ trưởng Cục Quản lý thị trường"),
    ("3. Sau khi có kết quả thẩm định, chủ tịch Ủy ban nhân dân xã phê duyệt danh sách.",
     "chủ tịch Ủy ban nhân dân xã"),
    ("2. Đối với hạng mục rà phá bom mìn trong dự án đầu tư, chủ đầu tư căn cứ định mức dự toán do Bộ Quốc phòng ban "
     "hành để xác định chi phí.", "chủ đầu tư"),
])
def test_a_person_by_office_after_a_lead_in_leads_in_lower_case(text, lead):
    plan = parse_md(f"**Điều 8. Tổ chức thực hiện**\n\n{text}")
    assert clause(plan, text[:25]).lead == lead


@pytest.mark.parametrize("text,lead", [
    ("c. Nội dung ghi trong bản sao phải chính xác, khớp với sổ gốc. Trường hợp sổ gốc không có thông tin về nội "
     "dung yêu cầu cấp bản sao thì Trung tâm có trách nhiệm trả lời bằng văn bản.", "Trung tâm"),
    ("- Hồ sơ lưu trữ theo quy định. Khi có yêu cầu của cơ quan có thẩm quyền, Văn phòng Sở có trách nhiệm cung cấp "
     "hồ sơ.", "Văn phòng Sở"),
])
def test_a_later_sentence_with_a_lead_in_names_the_unit_responsible(text, lead):
    plan = parse_md(f"**Điều 9. Cấp bản sao**\n\n{text}")
    assert clause(plan, text[:25]).lead == lead


def test_liability_after_a_condition_names_no_lead():
    plan = parse_md("**Điều 9. Xử lý vi phạm**\n\n- Hồ sơ lưu trữ theo quy định. Trường hợp để mất hồ sơ thì Trung tâm "
                    "chịu trách nhiệm trước pháp luật.")
    assert clause(plan, "Hồ sơ lưu trữ").lead is None


# ------------------------------------------------------------------ the parties of an investment act in regulations

@pytest.mark.parametrize("text,lead", [
    ("b) Chủ đầu tư căn cứ vào đơn giá tạm tính để xác định chi phí điều tra, khảo sát.", "Chủ đầu tư"),
    ("5. Người quyết định đầu tư, chủ đầu tư căn cứ kết quả thẩm định phương án kỹ thuật thi công để phê duyệt.",
     "Người quyết định đầu tư, chủ đầu tư"),
    ("a) Chủ đầu tư lựa chọn nhà thầu tư vấn theo quy định của pháp luật về đấu thầu.", "Chủ đầu tư"),
])
def test_the_investor_named_as_subject_leads_its_duty(text, lead):
    plan = parse_md(f"**Điều 7. Lập dự án**\n\n{text}")
    assert clause(plan, text[3:25]).lead == lead


def test_a_clause_over_another_units_list_keeps_its_own_subject():
    plan = parse_md("**Điều 7. Lập dự án**\n\nb) Chủ đầu tư lựa chọn đơn vị tư vấn theo quy định. Đơn vị tư vấn, khảo "
                    "sát có nhiệm vụ:\n\n- Lập phương án kỹ thuật thi công.")
    assert clause(plan, "Chủ đầu tư lựa chọn").lead == "Chủ đầu tư"
    assert clause(plan, "Lập phương án").lead == "Đơn vị tư vấn, khảo sát"


# ------------------------------------------------------------------ a task restated under its unit in "Tổ chức thực hiện"

RESTATED_PLAN = """
**II. NHIỆM VỤ, GIẢI PHÁP**

**1. {field}**

- {task}

**III. TỔ CHỨC THỰC HIỆN**

**1. {unit}**

- {restated}

- Tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh.

**2. Sở Tài chính**

- Bố trí kinh phí thực hiện Kế hoạch theo quy định.
"""


@pytest.mark.parametrize("field,task,unit,restated", [
    ("Kinh tế biển", "Tăng cường đầu tư xây dựng, nâng cấp các cảng cá, khu neo đậu tránh trú bão cho tàu cá; hình "
     "thành cơ sở hậu cần nghề cá đồng bộ.", "Sở Nông nghiệp và Môi trường",
     "Tăng cường đầu tư xây dựng, nâng cấp các cảng cá, khu neo đậu tránh trú bão cho tàu cá; hình thành cơ sở hậu "
     "cần nghề cá đồng bộ, hiện đại."),
    ("Nguồn nhân lực", "Xây dựng các chương trình đào tạo nghề và phát triển nguồn nhân lực chất lượng cao, đáp ứng "
     "nhu cầu thị trường.", "Sở Giáo dục và Đào tạo",
     "Chủ trì, tham mưu xây dựng các chương trình đào tạo nghề và phát triển nguồn nhân lực chất lượng cao, đáp ứng "
     "nhu cầu thị trường để phục vụ các ngành kinh tế vùng ven biển."),
    ("Kiểm kê", "Tổ chức thực hiện kiểm kê, đôn đốc, kiểm tra, giám sát việc thực hiện các nội dung kiểm kê, thời hạn "
     "phải hoàn thành.", "Sở Tài chính - Cơ quan thường trực",
     "Tham mưu đôn đốc, tổ chức kiểm tra, giám sát việc thực hiện các nội dung kiểm kê, thời hạn phải hoàn thành "
     "theo kế hoạch."),
])
def test_a_task_restated_under_its_unit_takes_that_units_lead(field, task, unit, restated):
    plan = parse_md(RESTATED_PLAN.format(field=field, task=task, unit=unit, restated=restated))
    c = clause(plan, task[:30])
    assert c.lead == unit and c.lead_source.mechanism == "restated"


def test_a_task_only_loosely_like_a_units_duty_stays_without_lead():
    plan = parse_md(RESTATED_PLAN.format(
        field="Giáo dục", task="Bố trí kinh phí từ ngân sách địa phương hỗ trợ giáo viên mầm non dân lập, tư thục ở "
                               "địa bàn có khu công nghiệp.",
        unit="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        restated="Tham gia huy động nguồn lực từ các doanh nghiệp hỗ trợ giáo viên mầm non dân lập, tư thục ở địa bàn "
                 "có khu công nghiệp."))
    assert clause(plan, "Bố trí kinh phí từ ngân sách").lead is None


@pytest.mark.parametrize("text,lead", [
    ("a) Bộ Quốc phòng giao nhiệm vụ cho các tổ chức, đơn vị điều tra, khảo sát các dự án thuộc nhóm I, II.",
     "Bộ Quốc phòng"),
    ("b) Quân khu, quân chủng, Bộ đội Biên phòng giao nhiệm vụ cho các đơn vị thuộc quyền rà phá bom mìn vật nổ.",
     "Quân khu, quân chủng, Bộ đội Biên phòng"),
    ("- Sở Nội vụ giao nhiệm vụ cho các phòng chuyên môn theo dõi, tổng hợp kết quả thi đua.", "Sở Nội vụ"),
])
def test_a_body_that_hands_a_task_on_is_the_one_acting(text, lead):
    plan = parse_md("**Điều 11. Thẩm quyền giao nhiệm vụ**\n\n1. Các tổ chức, đơn vị thuộc Bộ Quốc phòng có trách "
                    f"nhiệm báo cáo cấp có thẩm quyền:\n\n{text}")
    assert clause(plan, text[3:25]).lead == lead
