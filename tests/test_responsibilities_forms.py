"""Who leads, by when and with what product, in the forms regulations and procedures write them
(issue #9, third round): text annexed after "Nơi nhận:", subjects after a lead-in, procedure steps,
"có trách nhiệm" after any subject, passive actors, deadlines counted from events, products as the
document a task makes.

Each mechanism runs on wordings from at least three different documents: real dev-half wordings
(kept with their hard wraps where they had them) and synthetic ones in the same layouts.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md




def folded(value: str | None) -> str:
    return " ".join((value or "").lower().split())


def in_section(body: str, heading: str = "**Điều 5. Tổ chức thực hiện nhiệm vụ**") -> str:
    return f"{heading}\n\n{body.strip()}\n"


# ------------------------------------------------------------- text annexed after the recipients list

ANNEXED = [
    ("""
**Điều 3.** Chánh Văn phòng và Thủ trưởng các cơ quan có liên quan chịu trách nhiệm thi hành Quyết định này.

Nơi nhận:

- Như Điều 3;

- Lưu: VT.

**QUY CHẾ BỒI DƯỠNG**

**Điều 8. Chấm bài thu hoạch**

1. Giảng viên chấm bài thu hoạch có trách nhiệm nộp điểm chấm cho giáo vụ chậm nhất 03 ngày kể từ ngày
nhận bài chấm.
""", "Giảng viên chấm bài", "Giảng viên chấm bài thu hoạch"),
    ("""
**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:

- Thủ tướng Chính phủ;

- Lưu: VT, NN (2b).

**Phụ lục. THỦ TỤC HỖ TRỢ CHỐNG DỊCH**

- Bước 1: Bộ Nông nghiệp và Môi trường xây dựng quyết định việc hỗ trợ chống dịch và triển khai việc
hỗ trợ chống dịch.
""", "Bộ Nông nghiệp và Môi trường xây dựng", "Bộ Nông nghiệp và Môi trường"),
    ("""
**Điều 4.** Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:

- Các sở, ban, ngành;

- Lưu: VT.

**HƯỚNG DẪN THỰC HIỆN**

1. Sở Tài chính tổng hợp dự toán kinh phí của các sở, ngành và trình Ủy ban nhân dân tỉnh xem xét, quyết định.
""", "Sở Tài chính tổng hợp", "Sở Tài chính"),
]


@pytest.mark.parametrize("text, start, lead", ANNEXED)
def test_text_annexed_after_the_recipients_list_is_read_as_tasks(text, start, lead):
    plan = parse_md(text)
    c = clause(plan, start)
    assert c.kind != "footer"
    assert folded(c.lead) == folded(lead)
    assert clause(plan, "Lưu").kind == "footer"  # the addressee lines stay footer


# ------------------------------------------------------------- the subject after a lead-in

LEAD_INS = [
    ("""2. Căn cứ chức năng, nhiệm vụ và yêu cầu tại khoản 1 Điều này, Thủ trưởng các đơn vị có thẩm quyền
kiểm tra chuyên ngành có trách nhiệm xây dựng kế hoạch kiểm tra chuyên đề.""", "Căn cứ chức năng", "Thủ trưởng các đơn vị"),
    ("""- Tháng 11 hằng năm, Trung tâm có văn bản báo cáo cấp ủy xã nơi có trụ sở Trung tâm về công tác bồi
dưỡng, gồm: kết quả bồi dưỡng theo kế hoạch được phê duyệt.""", "Tháng 11 hằng năm", "Trung tâm"),
    ("""2. Đối với các nhiệm vụ triển khai trong năm 2025, các sở, ngành liên quan và Ủy ban nhân dân các xã,
phường chủ động cân đối bố trí trong nguồn ngân sách nhà nước đã được giao.""", "Đối với các nhiệm vụ",
     "các sở, ngành liên quan và Ủy ban nhân dân các xã, phường"),
    ("""- Bước 3: Trong thời hạn chậm nhất 15 ngày làm việc kể từ ngày ban hành Danh mục, Sở Nông nghiệp và
Môi trường báo cáo Bộ Nông nghiệp và Môi trường để tổng hợp.""", "Trong thời hạn chậm nhất", "Sở Nông nghiệp và Môi trường"),
]


@pytest.mark.parametrize("text, start, lead", LEAD_INS)
def test_the_subject_after_a_lead_in_leads_the_task(text, start, lead):
    c = clause(parse_md(in_section(text)), start)
    assert folded(c.lead).startswith(folded(lead))


@pytest.mark.parametrize("text, start", [
    # a preamble: the issuer issues the plan, it leads no task
    ("""Trên cơ sở tình hình thực hiện kế hoạch kinh tế - xã hội, Ủy ban nhân dân tỉnh xây dựng kế hoạch
tài chính 03 năm như sau:

**I. MỤC TIÊU**

1. Tăng cường công tác phân tích, dự báo nguồn thu ngân sách.""", "Tăng cường công tác"),
    # "phải" before the comma: the sentence has no subject, the units after it are addressees
    (in_section("""a) Trong thời hạn 07 ngày làm việc, trước khi triển khai các hoạt động tại hiện trường phải báo
cáo Bộ Chỉ huy quân sự tỉnh, Binh chủng Công binh và VNMAC kế hoạch thi công."""), "Trong thời hạn 07"),
    # a condition and a request: the lead-in does not end at the first unit
    (in_section("""Trong quá trình triển khai thực hiện Kế hoạch, nếu có khó khăn, vướng mắc, đề nghị các sở, ban,
ngành, Ủy ban nhân dân phường, xã kịp thời phản ánh về Ủy ban nhân dân Thành phố.""", "**V. TỔ CHỨC**"),
     "Trong quá trình"),
])
def test_a_lead_in_without_its_own_subject_names_no_lead(text, start):
    c = clause(parse_md(text), start)
    assert c.lead is None or not folded(c.lead).startswith(("binh chủng", "ủy ban nhân dân tỉnh", "ủy ban nhân dân phường"))


# ------------------------------------------------------------- "có trách nhiệm" names any subject

@pytest.mark.parametrize("text, start, lead", [
    ("2. Giáo vụ có trách nhiệm công bố điểm bài thu hoạch, chậm nhất 03 ngày kể từ ngày nhận kết quả chấm.",
     "Giáo vụ", "Giáo vụ"),
    ("""3. Cấp ủy cấp xã nơi có trụ sở Trung tâm và ban giám đốc Trung tâm có trách nhiệm kiểm tra định kỳ
hoặc đột xuất về công tác quản lý bồi dưỡng tại Trung tâm.""", "Cấp ủy cấp xã", "Cấp ủy cấp xã nơi có trụ sở Trung tâm và ban giám đốc Trung tâm"),
    ("""4. Học viên phải bảo đảm tham dự tối thiểu 80% số tiết học. Chủ nhiệm lớp có trách nhiệm lập danh
sách học viên đủ điều kiện viết bài thu hoạch.""", "Học viên phải", "Chủ nhiệm lớp"),
    ("- Tổ trưởng tổ dân phố chịu trách nhiệm thông báo lịch tiêm chủng đến từng hộ gia đình.",
     "Tổ trưởng", "Tổ trưởng tổ dân phố"),
])
def test_co_trach_nhiem_names_its_subject_whatever_it_is_in_any_sentence(text, start, lead):
    c = clause(parse_md(in_section(text, "**Điều 9. Quản lý lớp học**")), start)
    assert folded(c.lead) == folded(lead)


@pytest.mark.parametrize("text", [
    "a) Theo dõi và chịu trách nhiệm về số liệu báo cáo của ngành.",
    "b) Trường hợp vi phạm thì người đứng đầu chịu trách nhiệm trước pháp luật.",
    "c) Tổ chức thực hiện và chịu trách nhiệm về kết quả.",
])
def test_a_verb_or_a_condition_before_chiu_trach_nhiem_is_no_subject(text):
    c = clause(parse_md(in_section(text, "**2. Nhiệm vụ chung**")), text[3:15])
    assert c.lead is None


# ------------------------------------------------------------- passive actors and named actors

@pytest.mark.parametrize("text, start, lead", [
    ("3. Việc xây dựng, ban hành kế hoạch kiểm tra chuyên đề (nếu có) tại địa phương do Chủ tịch Ủy ban nhân "
     "dân các cấp quyết định.", "Việc xây dựng", "Chủ tịch Ủy ban nhân dân các cấp"),
    ("1. Địa điểm, thời gian làm việc của Đoàn kiểm tra phải được Trưởng Đoàn kiểm tra thông báo trước bằng "
     "văn bản đến đối tượng kiểm tra.", "Địa điểm", "Trưởng Đoàn kiểm tra"),
    ("- Danh sách học viên đủ điều kiện do Phòng Đào tạo lập và trình Giám đốc phê duyệt.", "Danh sách",
     "Phòng Đào tạo"),
    ("b) Kinh phí tổ chức hội nghị do Văn phòng Ủy ban nhân dân tỉnh chủ trì thực hiện.", "Kinh phí",
     "Văn phòng Ủy ban nhân dân tỉnh"),
])
def test_the_actor_after_do_or_phai_duoc_leads_a_passive_task(text, start, lead):
    c = clause(parse_md(in_section(text, "**Điều 6. Trình tự kiểm tra**")), start)
    assert folded(c.lead) == folded(lead)


@pytest.mark.parametrize("text, start, lead", [
    ("""a) Binh chủng Công binh ban hành chương trình khung huấn luyện, đào tạo cơ bản; các cơ sở được phép
đào tạo căn cứ đối tượng, nội dung.""", "Binh chủng", "Binh chủng Công binh"),
    ("""+ Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương gửi kết quả rà
soát về Bộ Công an trước ngày 15 tháng 12 năm 2025.""", "Các bộ", "Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"),
    ("""- Bước 1: Cục Trồng trọt và Bảo vệ thực vật tổng hợp kết quả thực hiện việc cập nhật cơ sở dữ liệu
quốc gia về trồng trọt.""", "Cục Trồng trọt", "Cục Trồng trọt và Bảo vệ thực vật"),
    ("""b) Các tổ chức, đơn vị điều tra khảo sát, rà phá bom mìn vật nổ phải căn cứ năng lực của cán bộ để xây
dựng chương trình huấn luyện bổ sung.""", "Các tổ chức", "Các tổ chức, đơn vị điều tra khảo sát, rà phá bom mìn vật nổ"),
    ("""4. Cấp ủy cấp xã nơi có trụ sở Trung tâm trực tiếp lãnh đạo, chỉ đạo triển khai thực hiện chương trình
bồi dưỡng của Trung tâm.""", "Cấp ủy", "Cấp ủy cấp xã nơi có trụ sở Trung tâm"),
    ("- Các Cục thuộc Bộ Nông nghiệp và Môi trường tổng hợp kết quả kiểm tra chuyên ngành.", "Các Cục",
     "Các Cục thuộc Bộ Nông nghiệp và Môi trường"),
])
def test_a_named_body_acting_in_a_procedure_step_or_item_leads_it(text, start, lead):
    c = clause(parse_md(in_section(text, "**2. Chương trình đào tạo, huấn luyện**")), start)
    assert folded(c.lead) == folded(lead)


# ------------------------------------------------------------- deadlines

@pytest.mark.parametrize("text, start, deadline", [
    ("1. Giảng viên có trách nhiệm nộp điểm chấm cho giáo vụ chậm nhất 03 ngày kể từ ngày nhận bài chấm.",
     "Giảng viên", "chậm nhất 03 ngày kể từ ngày nhận bài chấm"),
    ("""3. Thời hạn xây dựng báo cáo kết quả kiểm tra là không quá 10 ngày làm việc kể từ ngày Đoàn kiểm tra
kết thúc tiến hành kiểm tra, trường hợp phức tạp thì có thể kéo dài.""", "Thời hạn xây dựng",
     "không quá 10 ngày làm việc kể từ ngày Đoàn kiểm tra kết thúc tiến hành kiểm tra"),
    ("Trong thời hạn 24 giờ kể từ khi công bố dịch, Quyết định công bố dịch phải được thông báo công khai.",
     "Trong thời hạn 24 giờ", "Trong thời hạn 24 giờ kể từ khi công bố dịch"),
    ("Đợt thi đua được triển khai thực hiện từ ngày ban hành Kế hoạch đến khi tổ chức thành công Đại hội.",
     "Đợt thi đua", "từ ngày ban hành Kế hoạch đến khi tổ chức thành công Đại hội"),
    ("- Tháng 11 hằng năm, Trung tâm có văn bản báo cáo cấp ủy xã về công tác bồi dưỡng.", "Tháng 11",
     "Tháng 11 hằng năm"),
    ("- Báo cáo Ủy ban nhân dân tỉnh về kết quả Đợt thi đua (qua Sở Nội vụ) khi tổng kết Đợt thi đua.",
     "Báo cáo Ủy ban", "khi tổng kết Đợt thi đua"),
    ("- Sở Y tế tổ chức đánh giá việc thực hiện sau khi Đề án được phê duyệt.", "Sở Y tế",
     "sau khi Đề án được phê duyệt"),
])
def test_deadlines_counted_from_events_and_recurring_months(text, start, deadline):
    c = clause(parse_md(in_section(text)), start)
    assert folded(c.deadline) == folded(deadline)


def test_a_closing_khi_that_is_a_condition_is_no_deadline():
    c = clause(parse_md(in_section("- Các cơ sở hỗ trợ người bệnh khi thăm khám tại các bệnh viện khác nhau.")),
               "Các cơ sở")
    assert c.deadline is None


@pytest.mark.parametrize("text, deadline", [
    ("""**6.** Tổ chức triển khai thực hiện Chiến lược tiêu chuẩn quốc gia

Thời gian thực hiện sau khi Chiến lược tiêu chuẩn quốc gia được ban hành.""",
     "sau khi Chiến lược tiêu chuẩn quốc gia được ban hành"),
    ("""**3.** Rà soát danh mục thủ tục hành chính

Thời gian thực hiện năm 2026.""", "năm 2026"),
    ("""**4.** Tập huấn cán bộ làm công tác chuyển đổi số

Tiến độ thực hiện hằng năm.""", "hằng năm"),
])
def test_a_time_label_may_leave_out_its_colon(text, deadline):
    plan = parse_md("**II. NHIỆM VỤ**\n\n" + text)
    task = clause(plan, text.split("\n")[0].split("** ")[1][:20])
    assert folded(task.deadline) == folded(deadline)


# ------------------------------------------------------------- products

@pytest.mark.parametrize("text, start, product", [
    ("""- Bước 1: Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các bộ, cơ quan ngang bộ xây dựng Chiến
lược phát triển trồng trọt.""", "Bước 1", "Chiến lược phát triển trồng trọt"),
    ("""a) Binh chủng Công binh ban hành chương trình khung huấn luyện, đào tạo cơ bản; các cơ sở được phép
đào tạo căn cứ đối tượng.""", "Binh chủng", "chương trình khung huấn luyện, đào tạo cơ bản"),
    ("""- Tháng 11 hằng năm, Trung tâm có văn bản báo cáo cấp ủy xã nơi có trụ sở Trung tâm về công tác bồi
dưỡng, gồm: kết quả bồi dưỡng.""", "Tháng 11", "văn bản báo cáo cấp ủy xã nơi có trụ sở Trung tâm về công tác bồi dưỡng"),
    ("""2. Bộ Chỉ huy quân sự tỉnh gửi báo cáo thông tin khắc phục hậu quả bom mìn quý, sáu tháng, năm về
VNMAC, quân khu.""", "Bộ Chỉ huy", "báo cáo thông tin khắc phục hậu quả bom mìn quý, sáu tháng, năm"),
    ("7. Xây dựng Quyết định của Thủ tướng Chính phủ ban hành Chương trình quốc gia về bảo vệ dữ liệu cá nhân",
     "7. Xây dựng", "Quyết định của Thủ tướng Chính phủ ban hành Chương trình quốc gia về bảo vệ dữ liệu cá nhân"),
])
def test_the_document_a_task_makes_is_its_product(text, start, product):
    c = clause(parse_md(in_section(text)), start)
    assert folded(c.product) == folded(product)


@pytest.mark.parametrize("items", [
    ["Nghị định quy định chi tiết một số điều Luật Bảo vệ dữ liệu cá nhân",
     "Nghị định xử phạt vi phạm hành chính trong lĩnh vực an ninh mạng"],
    ["Thông tư hướng dẫn định mức kinh tế - kỹ thuật", "Quyết định ban hành danh mục dịch vụ công"],
    ["Đề án phát triển nguồn nhân lực số", "Kế hoạch đào tạo kỹ năng số cho người dân"],
])
def test_documents_listed_under_a_xay_dung_heading_are_their_items_products(items):
    body = "\n\n".join(f"- {name}\n\n+ Cơ quan chủ trì: Bộ Công an." for name in items)
    plan = parse_md(f"**II. NHIỆM VỤ**\n\n5. Xây dựng các văn bản quy phạm pháp luật\n\n{body}")
    for name in items:
        assert folded(clause(plan, name).product) == folded(name)


@pytest.mark.parametrize("text, start", [
    ("""Thực hiện Quyết định số 15/QĐ-UBND, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:

**I. MỤC TIÊU**""", "Thực hiện Quyết định"),
    (in_section("- Căn cứ Quyết định số 12/QĐ-TTg ban hành Chương trình chuyển đổi số quốc gia, các sở triển khai."),
     "Căn cứ Quyết định"),
    (in_section("c) Trường hợp các văn bản được viện dẫn có văn bản mới thay thế thì thực hiện theo văn bản mới."),
     "Trường hợp"),
])
def test_preambles_citations_and_conditions_make_no_product(text, start):
    assert clause(parse_md(text), start).product is None
