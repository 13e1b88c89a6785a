"""The same task or indicator rendered in the layouts real plans use must give the same facts (issue #9:
reading that holds on layouts the development documents never showed).

Metamorphic tests: each content (wordings of tasks and indicators as real plans write them, synthetic here)
is rendered in several layouts — tables with other column orders and header synonyms, labelled lines after
the task, unit sections, sentences — and every rendering must read the same lead, partners, deadline or target.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

# ------------------------------------------------------------------ indicators in a table of one value column

INDICATORS = [  # (indicator, unit column, cell, expected values, unit, comparison)
    ("Tỷ lệ lao động qua đào tạo", "%", "≥70", [70.0], "%", ">="),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "Trên 95", [95.0], "%", ">"),
    ("Thu nhập bình quân đầu người", "Triệu đồng", "120 - 130", [120.0, 130.0], "Triệu đồng", "range"),
    ("Diện tích trồng rừng mới", "Ha", "1.200", [1200.0], "Ha", "="),
]
# value columns titled by the year or the period alone, with the year each names
VALUE_TITLES = [("Năm 2030", 2030), ("2030", 2030), ("Giai đoạn 2026-2030", 2030), ("Đến năm 2028", 2028),
                ("Mục tiêu 2030", 2030), ("Kế hoạch năm 2026", 2026)]
UNIT_TITLES = ["Đơn vị tính", "ĐVT", "Đơn vị"]


@pytest.mark.parametrize("value_title,year", VALUE_TITLES)
@pytest.mark.parametrize("unit_title", UNIT_TITLES)
@pytest.mark.parametrize("name,unit,cell,values,want_unit,comparison", INDICATORS)
def test_indicator_table_value_column_titled_by_its_year(value_title, year, unit_title, name, unit, cell, values,
                                                        want_unit, comparison):
    plan = parse_md(f"""
## 2. Các chỉ tiêu chủ yếu

| STT | Chỉ tiêu | {unit_title} | {value_title} |
|---|---|---|---|
| 1 | {name} | {unit} | {cell} |
""")
    t = clause(plan, name).target
    assert t is not None
    assert (t.values, t.unit, t.comparison, t.year) == (values, want_unit, comparison, year)


def test_bare_unit_title_over_tasks_stays_the_acting_body():
    """"Đơn vị" over tasks (no figures column) names who acts, it is no unit of measure."""
    plan = parse_md("""
## III. NHIỆM VỤ

| STT | Nội dung | Đơn vị chủ trì | Đơn vị | Thời gian |
|---|---|---|---|---|
| 1 | Rà soát quy hoạch sử dụng đất | Phòng Kinh tế | Phòng Văn hóa - Xã hội | Năm 2026 |
""")
    c = clause(plan, "Rà soát quy hoạch")
    assert c.lead == "Phòng Kinh tế" and c.target is None


def test_two_year_columns_stay_a_table_of_years():
    """A table with one column per year keeps its per-year targets; no column becomes the single value."""
    plan = parse_md("""
## 2. Các chỉ tiêu

| STT | Chỉ tiêu | ĐVT | Năm 2026 | Năm 2030 |
|---|---|---|---|---|
| 1 | Tỷ lệ hộ nghèo | % | 3 | 1 |
""")
    c = clause(plan, "Tỷ lệ hộ nghèo")
    assert [(t.year, t.values) for t in c.year_targets] == [(2026, [3.0]), (2030, [1.0])]


# ------------------------------------------------------------------ one task, every layout

TASKS = [  # (task as written, lead, partners, deadline)
    ("Tổ chức tuyên truyền, phổ biến pháp luật về bảo hiểm y tế", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã",
     "Quý IV/2026"),
    ("Rà soát, cập nhật quy hoạch sử dụng đất trên địa bàn", "Phòng Kinh tế", "Văn phòng HĐND và UBND xã",
     "Năm 2026"),
    ("Xây dựng cơ sở dữ liệu dùng chung của tỉnh", "Sở Khoa học và Công nghệ", "Sở Nội vụ, UBND các xã, phường",
     "Hằng năm"),
]

TABLES = {
    "standard": "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n|---|---|---|---|---|\n"
                "| 1 | {T} | {L} | {P} | {D} |",
    "roles last": "| TT | Nhiệm vụ | Thời gian thực hiện | Đơn vị phối hợp | Đơn vị chủ trì thực hiện |\n|---|---|---|---|---|\n"
                  "| 1 | {T} | {D} | {P} | {L} |",
    "agency and unit": "| STT | Nội dung công việc | Cơ quan, đơn vị chủ trì | Cơ quan, đơn vị phối hợp | Tiến độ |\n"
                       "|---|---|---|---|---|\n| 1 | {T} | {L} | {P} | {D} |",
    "who acts": "| STT | Nhiệm vụ, giải pháp | Cơ quan, đơn vị thực hiện | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
                "| 1 | {T} | {L} | {P} | {D} |",
    "with product": "| STT | Tên nhiệm vụ | Chủ trì | Phối hợp | Kết quả/sản phẩm | Thời hạn hoàn thành |\n"
                    "|---|---|---|---|---|---|\n| 1 | {T} | {L} | {P} | Báo cáo | {D} |",
}
LABELLED = {
    "agency labels": "1. {T}.\n\n- Cơ quan chủ trì: {L}.\n\n- Cơ quan phối hợp: {P}.\n\n- Thời gian hoàn thành: {D}.",
    "unit labels": "a) {T}.\n\n- Đơn vị chủ trì thực hiện: {L}.\n\n- Đơn vị phối hợp thực hiện: {P}.\n\n- Tiến độ: {D}.",
    "bold labels": "1. {T}.\n\n- **Cơ quan chủ trì:** {L}.\n\n- **Cơ quan phối hợp:** {P}.\n\n- **Thời hạn:** {D}.",
    "one line": "- {T}.\n\n+ Chủ trì: {L}; phối hợp: {P}; thời gian: {D}.",
    "lead to act": "1. {T}.\n\n- Chủ trì thực hiện: {L}.\n\n- Phối hợp thực hiện: {P}.\n\n- Thời gian hoàn thành: {D}.",
    "advising lead": "1. {T}.\n\n- Cơ quan chủ trì tham mưu: {L}.\n\n- Cơ quan phối hợp: {P}.\n\n- Thời hạn: {D}.",
    "both roles in a sentence": "1. {T}.\n\n- Trách nhiệm thực hiện: {L} chủ trì, phối hợp với {P}.\n\n- Thời gian: {D}.",
    "both roles by name": "1. {T}.\n\n- Đơn vị thực hiện: {L} chủ trì; {P} phối hợp.\n\n- Thời gian: {D}.",
    "roles in brackets": "1. {T}.\n\n- Đơn vị thực hiện: {L} (chủ trì), {P} (phối hợp).\n\n- Thời gian: {D}.",
    "assigned": "1. {T}.\n\n- Phân công: {L} chủ trì, phối hợp với {P}.\n\n- Thời gian: {D}.",
    "labels on the task's line": "1. {T}. Cơ quan chủ trì: {L}. Cơ quan phối hợp: {P}. Thời gian hoàn thành: {D}.",
    "responsibility label": "1. {T}.\n\n- Trách nhiệm thực hiện: {L}.\n\n- Phối hợp thực hiện: {P}.\n\n- Thời gian: {D}.",
    "responsibility on the task's line": "- {T}. Trách nhiệm thực hiện: {L}; phối hợp: {P}; thời gian: {D}.",
    "acting labels on the task's line": "- {T}. Chủ trì thực hiện: {L}. Phối hợp thực hiện: {P}. Tiến độ: {D}.",
}
SENTENCES = {
    "assigned first": "1. Giao {L} chủ trì, phối hợp với {P} {t}; hoàn thành trong {D}.",
    "leads": "- {L} chủ trì, phối hợp với {P} {t}. Thời gian thực hiện: {D}.",
    "responsible": "- {L} có trách nhiệm phối hợp với {P} {t}, hoàn thành trong {D}.",
    "asked": "- Đề nghị {L} chủ trì, phối hợp với {P} {t}, hoàn thành trước {D}.",
    "advises": "- {L} tham mưu, phối hợp với {P} {t}; thời gian: {D}.",
    "in brackets": "- {T} ({L} chủ trì, phối hợp với {P}; thời gian: {D}).",
    "assigned after the task": "1. {T}. Giao {L} chủ trì, phối hợp với {P} thực hiện; thời gian hoàn thành: {D}.",
    "assigned after a semicolon": "- {T}; giao {L} chủ trì, phối hợp với {P} thực hiện, hoàn thành trong {D}.",
    "the body that assigns first": "- UBND xã giao {L} chủ trì, phối hợp với {P} {t}, hoàn thành trong {D}.",
}


def _render(layout: str, task: tuple[str, str, str, str]) -> str:
    t, lead, partners, deadline = task
    return "## II. NHIỆM VỤ VÀ GIẢI PHÁP\n\n" + layout.format(T=t, t=t[:1].lower() + t[1:], L=lead, P=partners,
                                                                D=deadline)


@pytest.mark.parametrize("task", TASKS, ids=lambda t: t[1])
@pytest.mark.parametrize("layout", [*TABLES.values(), *LABELLED.values(), *SENTENCES.values()],
                         ids=[*TABLES, *LABELLED, *SENTENCES])
def test_a_task_reads_the_same_in_every_layout(layout, task):
    t, lead, partners, deadline = task
    c = clause(parse_md(_render(layout, task)), t[1:25])
    assert c.lead == lead
    assert partners in (c.partners or "")
    assert deadline in (c.deadline or "")


# ------------------------------------------------------------------ a lead's name ends where its sentence goes on

@pytest.mark.parametrize("text,lead", [
    ("- Các sở, ban, ngành, UBND các xã, phường nghiêm túc triển khai thực hiện Kế hoạch này.",
     "Các sở, ban, ngành, UBND các xã, phường"),
    ("- Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể tỉnh bằng nhiều hình thức tuyên truyền, vận "
     "động nhân dân thực hiện.", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể tỉnh"),
    ("- Cơ quan thực hiện: Sở Nội vụ, các sở, ban, ngành trong phạm vi chức năng, nhiệm vụ của mình.",
     "Sở Nội vụ, các sở, ban, ngành"),
    ("3. Sở Tài chính, trên cơ sở đề xuất của các cơ quan, đơn vị, chủ trì tổng hợp, tham mưu bố trí kinh phí.",
     "Sở Tài chính"),
    ("- Bước 1: Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương giao Sở Nông nghiệp và Môi trường chủ trì xây "
     "dựng danh mục.", "Sở Nông nghiệp và Môi trường"),
])
def test_a_lead_is_the_name_without_the_rest_of_its_sentence(text, lead):
    plan = parse_md(f"## IV. TỔ CHỨC THỰC HIỆN\n\n{text}")
    assert clause(plan, text[4:30]).lead == lead


def test_a_body_that_transfers_technology_keeps_its_name():
    """"chuyển giao" is part of a name, not "giao" assigning another body."""
    plan = parse_md("## IV. TỔ CHỨC THỰC HIỆN\n\n3. Các tổ chức khoa học và chuyển giao công nghệ có trách nhiệm:\n\n"
                    "- Thực hiện công tác khuyến nông.")
    assert clause(plan, "khuyến nông").lead == "Các tổ chức khoa học và chuyển giao công nghệ"


# ------------------------------------------------------------------ a rate per year is a percentage

@pytest.mark.parametrize("text,values,comparison", [
    ("- Tổng giá trị sản phẩm trên địa bàn tăng bình quân 10,7%/năm.", [10.7], "increase_avg"),
    ("- Thu ngân sách trên địa bàn tăng bình quân 12,5 (%/năm).", [12.5], "increase_avg"),
    ("- Tăng trưởng kinh tế giai đoạn 2026 - 2030 đạt từ 10 - 10,5%/năm.", [10.0, 10.5], "range"),
])
def test_a_rate_per_year_in_a_sentence_is_in_percent(text, values, comparison):
    t = clause(parse_md(f"## 1. Chỉ tiêu chủ yếu\n\n{text}"), text[2:20]).target
    assert (t.values, t.unit, t.comparison) == (values, "%", comparison)


# ------------------------------------------------------------------ a task's time, however the sentence gives it

@pytest.mark.parametrize("tail,deadline", [
    ("; tiến độ: quý IV/2026.", "quý IV/2026"),
    ("; tiến độ thực hiện: năm 2026.", "năm 2026"),
    (". Hoàn thành: Quý II/2026.", "Quý II/2026"),
    (", thời gian thực hiện quý II/2026.", "quý II/2026"),
    (", báo cáo kết quả trước ngày 15/12 hằng năm.", "trước ngày 15/12 hằng năm"),
    (", báo cáo kết quả trước ngày 30/11 hàng năm.", "trước ngày 30/11 hàng năm"),
    (", hoàn thành trước 30/6.", "trước 30/6"),
    (", định kỳ 6 tháng báo cáo UBND xã.", "định kỳ 6 tháng"),
    (", định kỳ 03 tháng một lần báo cáo Sở Nội vụ.", "định kỳ 03 tháng một lần"),
    (", thực hiện từ năm 2026 đến năm 2030.", "từ năm 2026 đến năm 2030"),
    (" (Quý IV/2026).", "Quý IV/2026"),
    (" (tháng 6/2026).", "tháng 6/2026"),
    (" (quý III năm 2026).", "quý III năm 2026"),
])
def test_a_task_states_its_time_in_any_of_the_plans_forms(tail, deadline):
    plan = parse_md(f"## II. NHIỆM VỤ\n\n- Phòng Kinh tế rà soát quy hoạch sử dụng đất{tail}")
    assert clause(plan, "quy hoạch").deadline == deadline


# ------------------------------------------------------------------ a column of what was done is no target year

@pytest.mark.parametrize("done,planned", [("TH 2025", "KH 2026"), ("Kết quả năm 2025", "Mục tiêu năm 2026"),
                                          ("Thực hiện 2025", "Kế hoạch 2026"), ("Ước thực hiện 2025", "Kế hoạch 2026")])
def test_the_baseline_column_is_no_target(done, planned):
    plan = parse_md(f"""
## I. CHỈ TIÊU CHỦ YẾU

| STT | Chỉ tiêu | ĐVT | {done} | {planned} |
|---|---|---|---|---|
| 1 | Tỷ lệ hộ nghèo | % | 4 | 2 |
""")
    c = clause(plan, "hộ nghèo")
    assert (c.target.values, c.target.year) == ([2.0], 2026)
    assert not c.year_targets or all(t.year != 2025 for t in c.year_targets)


# ------------------------------------------------------------------ the bodies local plans assign, in every unit layout

UNIT_FORMS = {
    "numbered with colon": "1. {U}:\n\n- {T}.",
    "bold heading": "**2. {U}**\n\n- {T}.",
    "sub-numbered": "3.2. {U}\n\na) {T}.",
    "bullet with colon": "- {U}:\n\n+ {T}.",
    "run-in": "- {U}: {t}.",
    "sentence": "- {U} {t}.",
}


@pytest.mark.parametrize("unit", ["Công ty Điện lực tỉnh", "Điện lực khu vực Lạc Dương", "Công đoàn cơ sở xã",
                                  "Đồn Biên phòng Cửa khẩu quốc tế", "Cảnh sát phòng cháy, chữa cháy tỉnh",
                                  "Viễn thông tỉnh", "Thuế cơ sở 5 tỉnh", "Hải quan cửa khẩu tỉnh"])
@pytest.mark.parametrize("form", UNIT_FORMS.values(), ids=UNIT_FORMS)
def test_a_unit_section_names_any_kind_of_body(form, unit):
    task = "Tổ chức tuyên truyền, phổ biến pháp luật về bảo hiểm y tế"
    md = "## IV. TỔ CHỨC THỰC HIỆN\n\n" + form.format(U=unit, T=task, t=task[:1].lower() + task[1:])
    assert clause(parse_md(md), "bảo hiểm y tế").lead == unit


@pytest.mark.parametrize("topic", ["- Thuế giá trị gia tăng:", "- Hợp tác xã:"])
def test_a_topic_that_names_no_body_leads_nothing(topic):
    """A topic heading of the tasks ("Thuế giá trị gia tăng:") is no unit, even where units lead."""
    md = f"## II. NHIỆM VỤ VÀ GIẢI PHÁP\n\n{topic}\n\n+ Tổ chức tuyên truyền về chính sách mới."
    assert clause(parse_md(md), "chính sách mới").lead is None


# ------------------------------------------------------------------ partners named before their verb

PARTNER_FORMS = [
    "- {L} chủ trì, {P} phối hợp {t}.",
    "- {L} chủ trì; {P} phối hợp thực hiện {t}.",
    "- Giao {L} chủ trì, {P} phối hợp {t}.",
    "- {T} ({L} chủ trì; {P} phối hợp).",
    "- {L} chủ trì, phối hợp cùng {P} {t}.",
]


@pytest.mark.parametrize("task", TASKS, ids=lambda t: t[1])
@pytest.mark.parametrize("form", PARTNER_FORMS)
def test_partners_named_before_phoi_hop_are_the_partners_not_the_task(form, task):
    t, lead, partners, _ = task
    md = "## IV. TỔ CHỨC THỰC HIỆN\n\n" + form.format(L=lead, P=partners, T=t, t=t[:1].lower() + t[1:])
    c = clause(parse_md(md), t[1:25])
    assert (c.lead, c.partners) == (lead, partners)


# ------------------------------------------------------------------ one table cell that states both roles

ROLE_CELLS = ["Chủ trì: {L}; phối hợp: {P}", "{L} chủ trì, phối hợp với {P}", "{L} (chủ trì); {P}",
              "{L} (chủ trì), {P} (phối hợp)", "{L} chủ trì; {P} phối hợp", "- Chủ trì: {L}<br>- Phối hợp: {P}"]
ACTING_TITLES = ["Cơ quan thực hiện", "Đơn vị thực hiện", "Trách nhiệm thực hiện", "Phân công thực hiện"]


@pytest.mark.parametrize("task", TASKS, ids=lambda t: t[1])
@pytest.mark.parametrize("title", ACTING_TITLES)
@pytest.mark.parametrize("cell", ROLE_CELLS)
def test_a_cell_stating_both_roles_gives_lead_and_partners(cell, title, task):
    t, lead, partners, deadline = task
    plan = parse_md(f"## II. NHIỆM VỤ\n\n| STT | Nội dung | {title} | Thời gian |\n|---|---|---|---|\n"
                    f"| 1 | {t} | {cell.format(L=lead, P=partners)} | {deadline} |")
    c = clause(plan, t[1:25])
    assert (c.lead, c.partners, c.deadline) == (lead, partners, deadline)


@pytest.mark.parametrize("merged", ["Đơn vị thực hiện | ", "Cơ quan thực hiện | Cơ quan thực hiện",
                                    "Trách nhiệm thực hiện | "])
@pytest.mark.parametrize("task", TASKS, ids=lambda t: t[1])
def test_a_role_title_split_into_chu_tri_and_phoi_hop_below(merged, task):
    t, lead, partners, deadline = task
    plan = parse_md(f"## II. NHIỆM VỤ\n\n| STT | Nội dung | {merged} | Thời gian |\n|---|---|---|---|---|\n"
                    f"| | | Chủ trì | Phối hợp | |\n| 1 | {t} | {lead} | {partners} | {deadline} |")
    c = clause(plan, t[1:25])
    assert (c.lead, c.partners, c.deadline) == (lead, partners, deadline)


def test_a_name_alone_in_a_lead_cell_is_kept_whole():
    plan = parse_md("## II. NHIỆM VỤ\n\n| STT | Nội dung | Cơ quan thực hiện |\n|---|---|---|\n"
                    "| 1 | Rà soát quy hoạch | Ban Chỉ huy Quân sự xã, Công an xã |")
    c = clause(plan, "Rà soát quy hoạch")
    assert (c.lead, c.partners) == ("Ban Chỉ huy Quân sự xã, Công an xã", None)


# ------------------------------------------------------------------ a budget's one value column

@pytest.mark.parametrize("above,title,unit", [
    ("", "Dự toán năm 2026 (Triệu đồng)", "Triệu đồng"),
    ("Đơn vị tính: Triệu đồng\n\n", "Dự toán năm 2026", "Triệu đồng"),
    ("*(Đơn vị tính: tỷ đồng)*\n\n", "Kế hoạch năm 2026", "tỷ đồng"),
    ("", "Số tiền (triệu đồng)", "triệu đồng"),
])
@pytest.mark.parametrize("name,cell,value", [("Thu ngân sách nhà nước trên địa bàn", "12.500", 12500.0),
                                              ("Chi đầu tư phát triển", "3.250,5", 3250.5),
                                              ("Chi thường xuyên", "980", 980.0)])
def test_a_budget_column_gives_each_row_its_figure_and_unit(above, title, unit, name, cell, value):
    plan = parse_md(f"## I. DỰ TOÁN NGÂN SÁCH NĂM 2026\n\n{above}| STT | Nội dung | {title} |\n|---|---|---|\n"
                    f"| 1 | {name} | {cell} |")
    t = clause(plan, name).target
    assert (t.values, t.unit, t.year) == ([value], unit, 2026)


# ------------------------------------------------------------------ reached at least, however it is said

@pytest.mark.parametrize("text,comparison", [
    ("- Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa đạt và vượt 95%.", ">="),
    ("- Tỷ lệ dân số tham gia bảo hiểm y tế bằng hoặc cao hơn 95%.", ">="),
    ("- Tỷ lệ hồ sơ giải quyết đúng hạn đạt và vượt 95%.", ">="),
    ("- Tỷ lệ tăng dân số tự nhiên bằng hoặc thấp hơn 95%.", "<="),
])
def test_a_figure_reached_at_least(text, comparison):
    t = clause(parse_md(f"## 2. Chỉ tiêu cụ thể\n\n{text}"), text[2:20]).target
    assert (t.values, t.unit, t.comparison) == ([95.0], "%", comparison)


# ------------------------------------------------------------------ the year of a list, from the line that opens it

@pytest.mark.parametrize("intro,point,year", [
    ("Phấn đấu đến năm 2030, đạt các chỉ tiêu sau:", "- Tỷ lệ hộ nghèo dưới 1%.", 2030),
    ("Đến năm 2028:", "- Tỷ lệ hộ nghèo dưới 1%.", 2028),
    ("Trong năm 2026, phấn đấu thực hiện đạt các chỉ tiêu sau:", "+ Tỷ lệ hộ nghèo dưới 1%.", 2026),
    ("Các chỉ tiêu chủ yếu đến năm 2030 như sau:", "1. Tỷ lệ hộ nghèo dưới 1%.", 2030),
])
def test_a_line_that_opens_the_list_gives_its_targets_their_year(intro, point, year):
    first = point.split(" ")[0]  # the list's own marker: "-", "+", "1." (then "2.")
    second = "2." if first == "1." else first
    plan = parse_md(f"## 2. Mục tiêu cụ thể\n\n{intro}\n\n{point}\n\n{second} Tỷ lệ trẻ em suy dinh dưỡng dưới 10%.")
    assert clause(plan, "hộ nghèo").target.year == year
    assert clause(plan, "suy dinh dưỡng").target.year == year


def test_a_long_paragraph_that_names_a_year_in_passing_gives_no_year():
    plan = parse_md("## 2. Kết quả\n\nTính chi phí tuân thủ theo số giờ làm việc cần để giải quyết hồ sơ (01 giờ làm "
                    "việc = 40.000 đồng theo bình quân thu nhập năm 2024 của Tổng cục thống kê), cụ thể:\n\n"
                    "- Tỷ lệ cắt giảm chi phí: 10%.")
    assert clause(plan, "cắt giảm").target.year is None


# ------------------------------------------------------------------ the same table, pipe or tab-separated

from corpus.model import SourceText  # noqa: E402
from corpus.parse import parse_source  # noqa: E402


@pytest.mark.parametrize("header,row", [
    (["STT", "Chỉ tiêu", "ĐVT", "Năm 2030"], ["1", "Tỷ lệ hộ nghèo", "%", "≤ 1"]),
    (["STT", "Tên chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026"], ["1", "Tỷ lệ hộ nghèo", "%", "Dưới 1"]),
    (["TT", "Chỉ tiêu", "Đơn vị tính", "Giai đoạn 2026-2030"], ["1", "Tỷ lệ hộ nghèo", "%", "1 - 1,5"]),
])
def test_an_indicator_table_reads_the_same_piped_or_tab_separated(header, row):
    piped = parse_md("## I. CHỈ TIÊU CHỦ YẾU\n\n| " + " | ".join(header) + " |\n|" + "---|" * len(header)
                     + "\n| " + " | ".join(row) + " |")
    tabbed = parse_source(SourceText("plan.txt", ["I. CHỈ TIÊU CHỦ YẾU", "\t".join(header), "\t".join(row)], fmt="txt"))
    a, b = clause(piped, "hộ nghèo").target, clause(tabbed, "hộ nghèo").target
    assert a is not None and (a.values, a.unit, a.comparison, a.year) == (b.values, b.unit, b.comparison, b.year)


@pytest.mark.parametrize("heading", ["1. {U} (cơ quan thường trực):", "1. {U} có nhiệm vụ:", "- {U} (đơn vị chủ trì):",
                                     "2. {U} có trách nhiệm:"])
@pytest.mark.parametrize("unit", ["Phòng Kinh tế", "Sở Nông nghiệp và Môi trường", "Công an xã"])
def test_a_unit_heading_with_its_role_noted_leads_by_its_name(heading, unit):
    plan = parse_md("## IV. TỔ CHỨC THỰC HIỆN\n\n" + heading.format(U=unit) + "\n\n+ Rà soát quy hoạch sử dụng đất.")
    assert clause(plan, "quy hoạch").lead == unit


@pytest.mark.parametrize("text", ["- Hoàn thành: 100% hồ sơ được số hóa.", "- Tăng cường công tác giao đất, giao rừng.",
                                  "- Đẩy mạnh chuyển giao Công nghệ cho nông dân; giao khoán bảo vệ rừng.",
                                  "- Rà soát quy hoạch. Đơn vị hành chính cấp xã: 12 đơn vị."])
def test_words_that_look_like_labels_or_assignments_state_nothing(text):
    c = clause(parse_md(f"## II. NHIỆM VỤ VÀ GIẢI PHÁP\n\n{text}"), text[2:14])
    assert (c.lead, c.partners, c.deadline) == (None, None, None)


# ------------------------------------------------------------------ a year over two measures, crawled or piped

from test_reading_table_rows import crawled  # noqa: E402


@pytest.mark.parametrize("measures,row,value,unit", [
    (["Lượng (Tấn)", "Giá trị tham gia xuất khẩu (Nghìn USD)"], ["", "Tổng I + II", "", "240.000", "", "400.000"],
     400000.0, "Nghìn USD"),
    (["Diện tích (ha)", "Sản lượng (tấn)"], ["2", "Lúa", "", "1.250", "", "1.400"], 1400.0, "tấn"),
    (["Số lượng (người)", "Kinh phí (triệu đồng)"], ["3", "Đào tạo nghề", "", "900", "", "1.100"], 1100.0, "triệu đồng"),
])
def test_a_year_over_two_measures_reads_the_same_crawled_or_piped(measures, row, value, unit):
    titles = ["TT", "Chỉ tiêu", "Kế hoạch 2026", "Kế hoạch 2030"]
    full = [["1", "Mục đủ", "10", "20", "30", "40"], ["9", "Mục khác", "11", "21", "31", "41"]]
    piped = parse_md("## PHỤ LỤC\n\n| TT | Chỉ tiêu | Kế hoạch 2026 | | Kế hoạch 2030 | |\n|---|---|---|---|---|---|\n"
                     f"| | | {measures[0]} | {measures[1]} | {measures[0]} | {measures[1]} |\n"
                     + "".join("| " + " | ".join(r) + " |\n" for r in [*full, row]))
    bold = [[f"**{t}**" for t in titles], [f"**{m}**" for m in measures * 2]]  # a crawled header is bold
    crawl = parse_md("## PHỤ LỤC\n\n" + "\n".join(crawled([*bold, *full, row])))
    name = row[1]
    for plan in (piped, crawl):
        t = clause(plan, name).target
        assert t is not None and (t.values, t.unit, t.comparison, t.year) == ([value], unit, "=", 2030)
