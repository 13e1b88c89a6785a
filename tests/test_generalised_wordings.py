"""Leads and deadlines in wordings the development plans have only rarely (issue #9, generalisation).

The unseen half of the real plans words who leads differently from the half the parser was built on. Each
mechanism here is proven on wordings of several kinds of plan (provincial plans, commune plans, action
programmes; synthetic, in the style of real ones) and in several layouts:

- a unit said to lead a topic in "Tổ chức thực hiện" ("Sở Công Thương chủ trì thực hiện các nhiệm vụ về phát
  triển thương mại điện tử") leads the body's tasks under the section titled by that topic, word for word
  (`corpus.field_links.claimed_topic`); a topic two units claim, or one the title only half names, links nothing;
- a sentence that opens with a time or the ground it acts on ("Năm 2026, …", "Từ năm 2026, …", "Theo chức năng,
  nhiệm vụ được giao, …") is led by the body after the comma (`corpus.responsibilities._LEAD_IN`);
- "X được giao chủ trì …" names X, not "X được giao" (`corpus.responsibilities._LEAD_TAIL`);
- "X hoàn thành …" names X as the one due to finish (`corpus.responsibilities._DUTY_VERBS`).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus import parse_file
from snippets import clause, parse_md

TOPICS = Path(__file__).resolve().parent / "fixtures" / "topics"


def _lead(plan, start: str) -> str | None:
    return clause(plan, start).lead


# ------------------------------------------------------------------ topics claimed in "Tổ chức thực hiện"

TOPIC_LINKS = [  # (fixture, a body task, its lead, the clause the lead was read from)
    ("province_numbered_paragraphs.md", "Hỗ trợ doanh nghiệp đưa sản phẩm", "Sở Công Thương",
     "1. Sở Công Thương chủ trì"),
    ("province_numbered_paragraphs.md", "Quảng bá điểm đến du lịch", "Sở Văn hóa, Thể thao và Du lịch",
     "2. Sở Văn hóa, Thể thao và Du lịch"),
    ("province_numbered_paragraphs.md", "Số hóa hồ sơ địa chính", "Sở Nông nghiệp và Môi trường",
     "3. Sở Nông nghiệp và Môi trường"),
    ("commune_unit_headings.md", "Vận động Nhân dân hiến đất", "Phòng Kinh tế", "Chủ trì thực hiện các nội dung"),
    ("commune_unit_headings.md", "Tổ chức tiêm chủng mở rộng", "Trạm Y tế xã", "Chủ trì triển khai các nhiệm vụ"),
    ("city_unit_colons.md", "Hỗ trợ chi phí học nghề", "Sở Giáo dục và Đào tạo", "1. Sở Giáo dục và Đào tạo"),
]


@pytest.mark.parametrize("fixture,task,lead,source", TOPIC_LINKS)
def test_a_unit_said_to_lead_a_topic_leads_the_tasks_under_that_topic(fixture, task, lead, source):
    plan = parse_file(TOPICS / fixture)
    c = clause(plan, task)
    assert c.lead == lead
    assert c.lead_source is not None and c.lead_source.mechanism == "field"
    assert c.lead_source.clause_id == clause(plan, source).id  # where it was read is the claim itself


UNLINKED = [  # tasks whose topic no one unit claims word for word
    ("province_numbered_paragraphs.md", "Giám sát an toàn thông tin"),  # "các nhiệm vụ được giao": no topic
    ("commune_unit_headings.md", "Niêm yết công khai thủ tục"),  # no unit names the topic
    ("city_unit_colons.md", "Ban hành chính sách đãi ngộ"),  # two units claim it
    ("city_unit_colons.md", "Nâng cấp cơ sở vật chất"),  # "phát triển giáo dục" only half names the title
]


@pytest.mark.parametrize("fixture,task", UNLINKED)
def test_a_topic_no_one_unit_claims_word_for_word_links_nothing(fixture, task):
    assert _lead(parse_file(TOPICS / fixture), task) is None


# ------------------------------------------------------------------ sentences that open with a time or a ground

LAYOUTS = {
    "bullet": "**II. NHIỆM VỤ VÀ GIẢI PHÁP**\n\n**1. Về chuyển đổi số**\n\n- {t}\n",
    "numbered point": "**II. NHIỆM VỤ VÀ GIẢI PHÁP**\n\n1. {t}\n",
    "lettered point": "**II. NHIỆM VỤ VÀ GIẢI PHÁP**\n\n**1. Về chuyển đổi số**\n\na) {t}\n",
}

OPENING_TIMES = [
    ("Năm 2026, Sở Y tế chủ trì tổ chức khám sàng lọc bệnh không lây nhiễm cho người dân.", "Sở Y tế"),
    ("Từ năm 2026, UBND các xã, phường chịu trách nhiệm cập nhật dữ liệu dân cư.", "UBND các xã, phường"),
    ("Theo chức năng, nhiệm vụ được giao, Sở Công Thương theo dõi tình hình cung cầu hàng hóa.", "Sở Công Thương"),
    ("Quý III/2026, Ban Quản lý Khu kinh tế tỉnh tổ chức hội nghị xúc tiến đầu tư.",
     "Ban Quản lý Khu kinh tế tỉnh"),
    ("Giai đoạn 2026 - 2027, Ủy ban nhân dân các phường rà soát, sắp xếp lại các điểm trông giữ xe.",
     "Ủy ban nhân dân các phường"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,lead", OPENING_TIMES)
def test_the_body_after_an_opening_time_or_ground_leads(layout, text, lead):
    assert _lead(parse_md(LAYOUTS[layout].format(t=text)), text[:15]) == lead


def test_a_target_opening_with_a_year_names_no_lead():
    text = "Năm 2026, tỷ lệ hộ gia đình sử dụng nước sạch đạt 98%."
    assert _lead(parse_md(LAYOUTS["bullet"].format(t=text)), text[:15]) is None


# ------------------------------------------------------------------ "X được giao …", "X hoàn thành …"

ASSIGNED_SAID = [
    ("Sở Khoa học và Công nghệ được giao chủ trì xây dựng Đề án phát triển hạ tầng số.", "Sở Khoa học và Công nghệ"),
    ("Phòng Văn hóa - Xã hội được phân công theo dõi công tác giảm nghèo trên địa bàn xã.", "Phòng Văn hóa - Xã hội"),
    ("Trung tâm Phục vụ hành chính công tỉnh được UBND tỉnh giao tổ chức tiếp nhận hồ sơ trực tuyến.",
     "Trung tâm Phục vụ hành chính công tỉnh"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,lead", ASSIGNED_SAID)
def test_a_body_said_to_be_assigned_is_named_without_the_saying(layout, text, lead):
    assert _lead(parse_md(LAYOUTS[layout].format(t=text)), text[:15]) == lead


DUE_TO_FINISH = [
    ("Sở Giáo dục và Đào tạo hoàn thành trước ngày 30 tháng 6 năm 2026.", "Sở Giáo dục và Đào tạo",
     "trước ngày 30 tháng 6 năm 2026"),
    ("Sở Y tế hoàn thành việc rà soát trong quý III năm 2026.", "Sở Y tế", "quý III năm 2026"),
    ("UBND các xã, phường hoàn tất việc bàn giao hồ sơ trước 31/12/2026.", "UBND các xã, phường", "31/12/2026"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,lead,deadline", DUE_TO_FINISH)
def test_the_body_due_to_finish_leads_and_keeps_its_deadline(layout, text, lead, deadline):
    c = clause(parse_md(LAYOUTS[layout].format(t=text)), text[:15])
    assert c.lead == lead
    assert c.deadline is not None and deadline in c.deadline


# ------------------------------------------------------------------ role columns and labels worded otherwise

COLUMN_TABLES = [  # (header titles, row cells, the row's lead, deadline, product)
    ("| STT | Nội dung nhiệm vụ | Đơn vị triển khai | Đơn vị phối hợp | Năm hoàn thành | Kết quả đầu ra |",
     "| 1 | Xây dựng cơ sở dữ liệu đất đai | Sở Nông nghiệp và Môi trường | UBND các xã | 2026 | Cơ sở dữ liệu |",
     "Sở Nông nghiệp và Môi trường", "2026", "Cơ sở dữ liệu"),
    ("| TT | Nhiệm vụ | Cơ quan chịu trách nhiệm | Thời hạn hoàn thành |",
     "| 1 | Tuyên truyền chuyển đổi số | Sở Khoa học và Công nghệ | Hằng năm |",
     "Sở Khoa học và Công nghệ", "Hằng năm", None),
    ("| TT | Nhiệm vụ | Đơn vị được giao | Phối hợp | Thời gian |",
     "| 1 | Đào tạo kỹ năng số | Phòng Văn hóa - Xã hội | Công an xã | Quý II/2026 |",
     "Phòng Văn hóa - Xã hội", "Quý II/2026", None),
]


@pytest.mark.parametrize("header,row,lead,deadline,product", COLUMN_TABLES)
def test_role_columns_titled_otherwise_are_read(header, row, lead, deadline, product):
    rule = "|" + "---|" * (header.count("|") - 1)
    c = [c for c in parse_md(f"**PHỤ LỤC**\n\n{header}\n{rule}\n{row}\n").clauses if c.kind == "table_row"][0]
    assert (c.lead, c.deadline, c.product) == (lead, deadline, product)


def test_a_column_of_what_was_done_is_no_product():
    header = "| STT | Chỉ tiêu | Đơn vị tính | Kết quả thực hiện năm 2025 | Kế hoạch năm 2026 |"
    row = "| 1 | Tỷ lệ hộ nghèo | % | 1,2 | 0,9 |"
    c = [c for c in parse_md(f"**I. CHỈ TIÊU**\n\n{header}\n|---|---|---|---|---|\n{row}\n").clauses
         if c.kind == "table_row"][0]
    assert c.product is None


LABEL_LAYOUTS = {
    "bullets": "**II. NHIỆM VỤ CỤ THỂ**\n\n1. {task}\n\n- {lead_label}: {lead}.\n\n- {time_label}: {time}.\n",
    "plain lines": "**II. NHIỆM VỤ CỤ THỂ**\n\n**1. {task}**\n\n{lead_label}: {lead}.\n\n{time_label}: {time}.\n",
    "lettered": "**II. NHIỆM VỤ CỤ THỂ**\n\n1. {task}\n\na) {lead_label}: {lead}.\n\nb) {time_label}: {time}.\n",
}
LABELS = [
    ("Xây dựng cơ sở dữ liệu đất đai của tỉnh.", "Đơn vị triển khai", "Sở Nông nghiệp và Môi trường",
     "Thời điểm hoàn thành", "Quý IV/2026"),
    ("Tổ chức tập huấn kỹ năng số cho cán bộ, công chức.", "Đơn vị thực hiện chính", "Sở Nội vụ",
     "Lộ trình thực hiện", "2026 - 2027"),
    ("Rà soát thủ tục hành chính nội bộ.", "Trách nhiệm thực hiện", "Văn phòng UBND tỉnh",
     "Mốc thời gian", "Tháng 6/2026"),
]


@pytest.mark.parametrize("layout", LABEL_LAYOUTS)
@pytest.mark.parametrize("task,lead_label,lead,time_label,time", LABELS)
def test_labels_worded_otherwise_give_the_task_its_lead_and_deadline(layout, task, lead_label, lead, time_label, time):
    plan = parse_md(LABEL_LAYOUTS[layout].format(task=task, lead_label=lead_label, lead=lead,
                                                 time_label=time_label, time=time))
    c = clause(plan, task[:20])
    assert (c.lead, c.deadline) == (lead, time)


# ------------------------------------------------------------------ deadlines worded otherwise

DEADLINE_WORDINGS = [  # (task, the deadline read from it)
    ("Sở Khoa học và Công nghệ báo cáo định kỳ 6 tháng, hằng năm.", "định kỳ 6 tháng, hằng năm"),
    ("Sở Nội vụ báo cáo kết quả trước ngày 10 của tháng cuối quý.", "trước ngày 10 của tháng cuối quý"),
    ("Sở Tài chính tổng hợp, báo cáo UBND tỉnh trước ngày 20/6 và 20/12 hằng năm.",
     "trước ngày 20/6 và 20/12 hằng năm"),
    ("UBND các xã, phường gửi báo cáo về Sở Nội vụ trước ngày 25 hằng tháng.", "trước ngày 25 hằng tháng"),
    ("Sở Giáo dục và Đào tạo triển khai mô hình trường học số từ năm học 2026 - 2027.", "từ năm học 2026 - 2027"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,deadline", DEADLINE_WORDINGS)
def test_deadlines_worded_otherwise_are_read_whole(layout, text, deadline):
    assert clause(parse_md(LAYOUTS[layout].format(t=text)), text[:15]).deadline == deadline


# ------------------------------------------------------------------ appendix rows that name a task by its opening

APPENDIX_PLAN = """**KẾ HOẠCH**

**II. NHIỆM VỤ, GIẢI PHÁP**

**1. Phát triển hạ tầng số**

{body}

**III. TỔ CHỨC THỰC HIỆN**

Các sở, ngành triển khai các nhiệm vụ tại Phụ lục kèm theo.

**PHỤ LỤC: DANH MỤC NHIỆM VỤ**

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm |
|---|---|---|---|---|---|
{rows}
"""

OPENINGS = [  # (body task, appendix task cell, its lead): the row names the task by its first words
    ("- Triển khai hệ sinh thái tín nhiệm mạng như một chỉ dẫn quan trọng, tạo niềm tin cho người dân trên "
     "môi trường số.", "Triển khai hệ sinh thái tín nhiệm mạng", "Công an tỉnh"),
    ("a) Xây dựng cơ sở dữ liệu giá đất của tỉnh kết nối, liên thông với cơ sở dữ liệu đất đai quốc gia, bảo đảm "
     "cập nhật thường xuyên, phục vụ người dân, doanh nghiệp tra cứu trực tuyến và công tác định giá đất.", "Xây dựng cơ sở dữ liệu giá đất của tỉnh", "Sở Nông nghiệp và Môi trường"),
    ("1.2. Tổ chức các Tổ công nghệ số cộng đồng đến từng thôn, tổ dân phố với các tổ viên là cán bộ kiêm nhiệm, "
     "đoàn viên thanh niên, hướng dẫn người dân cài đặt, sử dụng các ứng dụng và nền tảng số thiết yếu.",
     "Tổ chức các Tổ công nghệ số cộng đồng đến từng thôn, tổ dân phố; hướng dẫn người dân sử dụng dịch vụ công",
     "UBND các xã, phường"),
]


@pytest.mark.parametrize("task,cell,lead", OPENINGS)
def test_an_appendix_row_naming_a_task_by_its_opening_gives_its_facts(task, cell, lead):
    rows = (f"| 1 | {cell} | {lead} | Các sở, ngành | 2026 - 2030 | Giải pháp |\n"
            "| 2 | Tuyên truyền, phổ biến về chuyển đổi số | Sở Văn hóa, Thể thao và Du lịch | | Hằng năm | Tin, bài |")
    c = clause(parse_md(APPENDIX_PLAN.format(body=task, rows=rows)), task[4:30])
    assert (c.lead, c.deadline) == (lead, "2026 - 2030")
    assert c.lead_source is not None and c.lead_source.mechanism == "appendix_table"


NOT_OPENINGS = [  # (body task, appendix rows): no one row names the task by its opening
    # six words in common, then two tasks
    ("- Tổ chức các chương trình đào tạo chuyên gia công nghệ thông tin có khả năng làm chủ công nghệ lõi.",
     "| 1 | Tổ chức các chương trình đào tạo kỹ năng số cho cán bộ, công chức | Sở Nội vụ | | 2026 | Kế hoạch |"),
    # two units' rows open as the task does
    ("- Triển khai Nền tảng hóa đơn điện tử, kết nối, liên thông với các cơ quan thuế.",
     "| 1 | Triển khai Nền tảng hóa đơn điện tử | Thuế tỉnh | | 2026 | Nền tảng |\n"
     "| 2 | Triển khai Nền tảng hóa đơn điện tử cho hộ kinh doanh | Sở Công Thương | | 2026 | Nền tảng |"),
]


@pytest.mark.parametrize("task,rows", NOT_OPENINGS)
def test_a_task_no_one_row_names_by_its_opening_takes_no_lead(task, rows):
    assert clause(parse_md(APPENDIX_PLAN.format(body=task, rows=rows)), task[4:30]).lead is None


def test_a_row_that_opens_as_two_tasks_do_names_neither():
    body = ("- Triển khai hệ sinh thái tín nhiệm mạng cho các cổng thông tin điện tử, trang thông tin điện tử của "
            "các sở, ban, ngành và UBND các xã, phường trên địa bàn tỉnh.\n\n"
            "- Triển khai hệ sinh thái tín nhiệm mạng cho các doanh nghiệp thương mại điện tử, hộ kinh doanh bán "
            "hàng trực tuyến và các sàn giao dịch hoạt động trên địa bàn tỉnh.")
    rows = "| 1 | Triển khai hệ sinh thái tín nhiệm mạng | Công an tỉnh | | 2026 | Giải pháp |"
    plan = parse_md(APPENDIX_PLAN.format(body=body, rows=rows))
    assert clause(plan, "cổng thông tin điện tử").lead is None
    assert clause(plan, "doanh nghiệp thương mại").lead is None


# ------------------------------------------------------------------ an appendix row completing a task that states its lead

DUTIES_PLAN = """**KẾ HOẠCH**

**III. TỔ CHỨC THỰC HIỆN**

{duty}

**PHỤ LỤC: PHÂN CÔNG NHIỆM VỤ**

| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | {row_task} | {row_lead} | {row_partners} | {row_time} |
"""

COMPLETED = [  # (the duty as its unit's section states it, the row restating it, lead, partners, deadline)
    ("**4. Sở Tài chính**\n\n- Rà soát, kịp thời cụ thể hoá các cơ chế, chính sách khuyến khích xã hội hóa, thu hút "
     "đầu tư hỗ trợ đổi mới công nghệ phù hợp với điều kiện của Tỉnh.",
     "Rà soát, kịp thời cụ thể hoá các cơ chế, chính sách khuyến khích xã hội hóa, thu hút đầu tư hỗ trợ đổi mới "
     "công nghệ phù hợp với điều kiện của tỉnh.", "Sở Tài chính", "Sở, ban, ngành có liên quan", "Thường xuyên"),
    ("2. Sở Y tế chủ trì tổ chức kiểm tra liên ngành về an toàn thực phẩm tại các chợ đầu mối, bếp ăn tập thể "
     "trong các khu công nghiệp trên địa bàn tỉnh.",
     "Tổ chức kiểm tra liên ngành về an toàn thực phẩm tại các chợ đầu mối, bếp ăn tập thể trong các khu công "
     "nghiệp", "Sở Y tế", "Công an tỉnh; Sở Công Thương", "Quý II hằng năm"),
    ("**b) Phòng Văn hóa - Xã hội:**\n\n- Tổ chức rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo trên địa bàn xã "
     "theo chuẩn nghèo đa chiều giai đoạn mới.",
     "Rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo trên địa bàn xã theo chuẩn nghèo đa chiều",
     "Phòng Văn hóa - Xã hội; UBND xã", "Các thôn", "Tháng 11 hằng năm"),
]


@pytest.mark.parametrize("duty,row_task,lead,partners,deadline", COMPLETED)
def test_a_row_restating_a_units_own_task_gives_its_partners_and_deadline(duty, row_task, lead, partners, deadline):
    plan = parse_md(DUTIES_PLAN.format(duty=duty, row_task=row_task, row_lead=lead, row_partners=partners,
                                       row_time=deadline))
    c = clause(plan, "thực phẩm tại các chợ" if "thực phẩm" in duty else duty.split("- ")[-1][:25])
    assert c.lead_source is not None and c.lead_source.mechanism in ("unit_section", "sentence")
    assert (c.partners, c.deadline) == (partners, deadline)
    assert c.deadline_source is not None and c.deadline_source.mechanism == "appendix_table"


def test_a_row_another_unit_leads_completes_nothing():
    duty, row_task, *_ = COMPLETED[0]
    plan = parse_md(DUTIES_PLAN.format(duty=duty, row_task=row_task, row_lead="Sở Công Thương",
                                       row_partners="Sở Tài chính", row_time="2026"))
    c = clause(plan, "Rà soát, kịp thời")
    assert (c.lead, c.partners, c.deadline) == ("Sở Tài chính", None, None)


# ------------------------------------------------------------------ a part of the plan named for its stage

NAMED_STAGES = [  # (the part's heading, the stage its tasks are done in)
    ("**2. Kế hoạch phát triển giai đoạn 2026 - 2030**", "Giai đoạn 2026 - 2030"),
    ("**III. NHIỆM VỤ NĂM 2026**", "NĂM 2026"),
    ("**II. NỘI DUNG**\n\n**1. Hạ tầng số**\n\n**b) Lộ trình thực hiện giai đoạn 2026 - 2027:**", "Giai đoạn 2026 - 2027"),
]


@pytest.mark.parametrize("heading,stage", NAMED_STAGES)
def test_tasks_under_a_part_named_for_its_stage_take_the_stage_as_deadline(heading, stage):
    plan = parse_md(f"**KẾ HOẠCH**\n\n{heading}\n\n- Lắp đặt các trạm BTS 5G tại các khu công nghiệp.\n\n"
                    "- Số hóa hồ sơ địa chính, hoàn thành trong quý IV/2026.\n")
    assert clause(plan, "Lắp đặt các trạm").deadline.lower() == stage.lower()
    assert "quý IV/2026" in clause(plan, "Số hóa hồ sơ").deadline  # its own time wins


def test_a_long_title_ending_in_a_stage_is_no_stage():
    plan = parse_md("**KẾ HOẠCH**\n\n**I. Kế hoạch phát triển hạ tầng số và chuyển đổi số của tỉnh giai đoạn "
                    "2026 - 2030**\n\n- Lắp đặt các trạm BTS 5G tại các khu công nghiệp.\n")
    assert clause(plan, "Lắp đặt các trạm").deadline is None


def test_objectives_named_for_a_stage_set_no_deadline():
    plan = parse_md("**KẾ HOẠCH**\n\n**II. MỤC TIÊU**\n\n**1. Nhiệm vụ giai đoạn 2026 - 2030**\n\n"
                    "- Phủ sóng 5G tại 100% khu công nghiệp.\n")
    assert clause(plan, "Phủ sóng 5G").deadline is None
