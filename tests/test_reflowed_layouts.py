"""Layouts that move lines (`benchmarks/perturb_layouts.py`'s line-shifting perturbations) read as the plans'
own: a date or a range a hard wrap left alone on a line ("30/11", "03 -") carries its sentence on — it is no page
number — and a task's attributes written in brackets after its words ("… (Chủ trì: X; phối hợp: Y; thời gian: Z)")
state its lead, partners and time as its labelled lines do. Wordings modelled on a technology-roadmap plan
(19206835, dev), an export plan (f1e09814, dev), a standards-law plan (6a406c1f, dev) and a data-protection law plan
(86367f2d, dev)."""
from __future__ import annotations

import pytest

from corpus import parse_file
from corpus.lines import is_noise


@pytest.mark.parametrize("line", ["12", "Trang 3", "- 3 -", "3/12", "12/12", "– 7 –"])
def test_page_numbers_and_page_counters_are_noise(line):
    assert is_noise(line)


@pytest.mark.parametrize("line", ["30/11", "15/12", "03 -", "- 06", "25/3"])
def test_a_date_or_a_range_cut_at_a_wrap_is_no_page_number(line):
    assert not is_noise(line)


def _parse(tmp_path, text):
    f = tmp_path / "ke-hoach.md"
    f.write_text(text, encoding="utf-8")
    return parse_file(f).clauses


@pytest.mark.parametrize("wrapped, deadline", [
    ("- Sở Khoa học và Công nghệ tổng\nhợp, báo cáo Ủy ban nhân dân Tỉnh và Bộ Khoa học và Công nghệ trước ngày\n30/11\n"
     "hằng năm.\n", "30/11"),
    ("- Các sở, ngành báo cáo kết quả thực hiện về Sở Công Thương trước\nngày\n15/12\nhằng năm để tổng hợp.\n", "15/12"),
    ("- Ủy ban nhân dân các xã, phường gửi báo cáo định kỳ về Sở Nông nghiệp và Môi trường trước ngày\n25/3\n"
     "hằng năm.\n", "25/3"),
])
def test_a_date_wrapped_onto_its_own_line_stays_in_the_task(tmp_path, wrapped, deadline):
    clauses = _parse(tmp_path, "**V. TỔ CHỨC THỰC HIỆN**\n\n" + wrapped)
    task = next(c for c in clauses if c.kind == "bullet")
    assert f"{deadline} hằng năm" in task.text and deadline in (task.deadline or "")


def test_a_range_wrapped_after_its_dash_stays_in_the_sentence(tmp_path):
    clauses = _parse(tmp_path, "**1. Mục tiêu**\n\n+ Tổng sản phẩm Chè xuất khẩu đến năm 2030 đạt trên 12.000 tấn, "
                               "tốc độ tăng bình quân\n03 -\n04%/năm. Thị trường định hướng xuất khẩu: Đài Loan.\n")
    item = next(c for c in clauses if c.kind == "bullet")
    assert "03 - 04%/năm" in item.text and item.text.endswith("Đài Loan.")


@pytest.mark.parametrize("task, lead, partners, deadline", [
    ("1. Tổ chức tuyên truyền, phổ biến, giáo dục pháp luật về nội dung Luật. (Chủ trì: Sở Khoa học và Công nghệ; "
     "Sở Tư pháp; phối hợp: Các sở, ngành; Ủy ban nhân dân các xã, phường; thời gian: Quý IV năm 2025 và các năm "
     "tiếp theo)", "Sở Khoa học và Công nghệ; Sở Tư pháp", "Các sở, ngành; Ủy ban nhân dân các xã, phường",
     "Quý IV năm 2025 và các năm tiếp theo"),
    ("2. Tổ chức tập huấn chuyên sâu, bồi dưỡng kiến thức pháp luật về bảo vệ dữ liệu cá nhân (Cơ quan chủ trì: Bộ "
     "Công an; Cơ quan phối hợp: các bộ, cơ quan ngang bộ; Thời gian thực hiện: năm 2025 và các năm tiếp theo).",
     "Bộ Công an", "các bộ, cơ quan ngang bộ", "năm 2025 và các năm tiếp theo"),
    ("a) Xây dựng kế hoạch xúc tiến thương mại nông sản chủ lực (Chủ trì: Phòng Kinh tế xã; phối hợp: Hội Nông dân "
     "xã; thời gian: trước ngày 30/6/2026)", "Phòng Kinh tế xã", "Hội Nông dân xã", "trước ngày 30/6/2026"),
])
def test_attributes_in_brackets_after_the_task_state_its_fields(tmp_path, task, lead, partners, deadline):
    clauses = _parse(tmp_path, "**II. NHIỆM VỤ CỤ THỂ**\n\n" + task + "\n")
    c = next(c for c in clauses if c.kind in ("item", "bullet", "heading", "paragraph") and "(" in c.text)
    assert (c.lead, c.partners, c.deadline) == (lead, partners, deadline)


def _unbroken(*paragraphs: str) -> str:
    """Markdown whose paragraphs follow each other with no blank line (text pasted from a PDF or a Word file),
    padded with enough wrapped lines for the layout to be told."""
    filler = ["- Các sở, ngành, địa phương căn cứ chức năng, nhiệm vụ được giao tổ chức triển khai", "thực hiện."] * 5
    return "\n".join(["**II. NHIỆM VỤ VÀ GIẢI PHÁP**", *paragraphs, *filler]) + "\n"


@pytest.mark.parametrize("title, sentence", [
    ("- Nông nghiệp Công nghệ cao", "Phấn đấu trên 50% diện tích sản xuất nông nghiệp chủ lực ứng dụng công nghệ\nthông minh."),
    ("4. Lĩnh vực hóa chất, vật liệu nổ công nghiệp",
     "Kiểm tra việc chấp hành pháp luật chuyên ngành về\nhoạt động hóa chất, vật liệu nổ công nghiệp."),
    ("- Thủy sản", "Đảm bảo trên 70% diện tích nuôi cá tra áp dụng công nghệ nuôi an toàn sinh học."),
])
def test_unbroken_markdown_ends_a_short_title_line_before_a_capital(tmp_path, title, sentence):
    clauses = _parse(tmp_path, _unbroken(title, *sentence.split("\n")))
    assert any(c.text == title for c in clauses)
    assert any(c.text == " ".join(sentence.split("\n")) for c in clauses)


@pytest.mark.parametrize("lines, whole", [
    (["- Sở Khoa học và Công nghệ tổng", "hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/11 hằng năm."],
     "- Sở Khoa học và Công nghệ tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/11 hằng năm."),
    (["**2.1.**", "**Thu ngân sách nhà nước**"], None),
    (["- Cơ quan phối hợp: Các sở,", "ngành; Ủy ban nhân dân các xã, phường."],
     "- Cơ quan phối hợp: Các sở, ngành; Ủy ban nhân dân các xã, phường."),
])
def test_unbroken_markdown_keeps_a_wrapped_line_whole(tmp_path, lines, whole):
    clauses = _parse(tmp_path, _unbroken(*lines))
    if whole:
        assert any(c.text == whole for c in clauses)
    else:
        assert any("Thu ngân sách nhà nước" in c.text and c.text.startswith("2.1.") for c in clauses)


def test_unbroken_markdown_starts_a_new_bold_title_on_its_number(tmp_path):
    clauses = _parse(tmp_path, _unbroken("**III. LỘ", "TRÌNH THỰC HIỆN**", "**1.", "Giai đoạn 2025 - 2030**",
                                         "- Rà soát, bổ sung các chính sách hỗ trợ đổi mới công nghệ."))
    assert any(c.text == "III. LỘ TRÌNH THỰC HIỆN" for c in clauses)
    assert any(c.text.startswith("1.") and "Giai đoạn 2025 - 2030" in c.text and "III" not in c.text for c in clauses)


def test_markdown_with_blank_lines_between_paragraphs_reads_as_before(tmp_path):
    text = "**II. NHIỆM VỤ**\n\n- Nông nghiệp Công nghệ cao\nPhấn đấu trên 50% diện tích.\n\n" * 6
    assert all("Phấn đấu" in c.text for c in _parse(tmp_path, text) if "Nông nghiệp" in c.text)


@pytest.mark.parametrize("task, content", [
    ("- Nghị định quy định chi tiết một số điều Luật Bảo vệ dữ liệu cá nhân",
     "+ Nội dung: quy định chi tiết khoản 2 Điều 2 Luật Bảo vệ dữ liệu cá nhân. (Cơ quan chủ trì: Bộ Công an; "
     "Cơ quan phối hợp: Văn phòng Chính phủ, Bộ Tư pháp)"),
    ("2. Rà soát văn bản quy phạm pháp luật",
     "- Nội dung: Rà soát các văn bản quy phạm pháp luật có liên quan đến Luật (Chủ trì: Bộ Công an; phối hợp: "
     "Văn phòng Chính phủ, Bộ Tư pháp)"),
    ("a) Xây dựng cơ sở dữ liệu về nông sản chủ lực",
     "- Nhiệm vụ: thu thập, cập nhật dữ liệu vùng trồng (Đơn vị chủ trì: Bộ Công an; Phối hợp: Văn phòng Chính "
     "phủ, Bộ Tư pháp)."),
])
def test_labels_in_brackets_on_a_tasks_content_line_state_the_task(tmp_path, task, content):
    clauses = _parse(tmp_path, "**II. NHIỆM VỤ CỤ THỂ**\n\n" + task + "\n\n" + content + "\n")
    head = next(c for c in clauses if c.text.startswith(task[:12]))
    assert head.lead == "Bộ Công an" and head.partners == "Văn phòng Chính phủ, Bộ Tư pháp"


# Unbroken Markdown (no blank line between paragraphs): wordings modelled on a budget plan's form titles (9b7eebad,
# dev), a bomb-clearance circular (6d0e277c, dev), a land-planning data plan (001c610b, dev), an infrastructure plan
# (31786b08, dev), a water-resources plan (bffd9da6, dev) and a training regulation (c49a5afa, dev).

@pytest.mark.parametrize("runs, first, second", [
    (["*(Kèm theo Kế hoạch số 0204/KH-UBND ngày 24/11/2025 của Ủy ban nhân dân tỉnh", "Cà Mau)*", "*Đơn",
      "vị: Triệu đồng.*"], "(Kèm theo Kế hoạch", "Đơn vị: Triệu đồng."),
    (["**Mẫu biểu số 02**", "**BIỂU TỔNG HỢP DỰ TOÁN THU NSNN NĂM GIAI ĐOẠN 2026 –", "2028**"],
     "Mẫu biểu số 02", "BIỂU TỔNG HỢP DỰ TOÁN THU NSNN NĂM GIAI ĐOẠN 2026 – 2028"),
    (["**Chương V**", "**ĐÀO TẠO, HUẤN LUYỆN VÀ CẤP", "CHỨNG CHỈ ĐIỀU TRA, KHẢO SÁT**"], "Chương V",
     "ĐÀO TẠO, HUẤN LUYỆN VÀ CẤP CHỨNG CHỈ ĐIỀU TRA, KHẢO SÁT"),
])
def test_unbroken_markdown_ends_a_paragraph_where_one_emphasis_run_closes_and_another_opens(tmp_path, runs, first,
                                                                                            second):
    clauses = _parse(tmp_path, _unbroken(*runs))
    assert any(c.text.startswith(first) and second not in c.text for c in clauses)
    assert any(c.text == second for c in clauses)


def test_unbroken_markdown_reads_a_table_unit_line_after_an_italic_note_for_the_table(tmp_path):
    table = ["|", "**STT**", "|", "**Nội dung**", "|", "**Năm 2026**", "|", "|", "1", "|", "Thu nội địa", "|",
             "11.132.000", "|", ""]
    text = _unbroken("*(Kèm theo Kế hoạch số 0204/KH-UBND của Ủy ban nhân dân tỉnh)*", "*Đơn", "vị: Triệu đồng.*")
    head, tail = text.split("- Các sở", 1)
    clauses = _parse(tmp_path, head + "\n".join(table) + "\n- Các sở" + tail)
    row = next(c for c in clauses if c.kind == "table_row" and "11.132.000" in c.text)
    assert row.target is not None and row.target.unit == "Triệu đồng"


@pytest.mark.parametrize("lines, whole", [
    (["5. Giao Sở Nông nghiệp và", "Môi trường chủ trì phối hợp với các sở, ban, ngành tỉnh tổ chức triển khai."],
     "5. Giao Sở Nông nghiệp và Môi trường chủ trì phối hợp với các sở, ban, ngành tỉnh tổ chức triển khai."),
    (["- Chủ trì, phối hợp với các", "Sở, Ban, ngành liên quan rà soát, đánh giá hiện trạng hạ tầng viễn thông."],
     "- Chủ trì, phối hợp với các Sở, Ban, ngành liên quan rà soát, đánh giá hiện trạng hạ tầng viễn thông."),
    (["2. Căn cứ kế hoạch bồi dưỡng đã được phê duyệt,", "Trung tâm thông báo chiêu sinh đến các cơ quan, đơn vị."],
     "2. Căn cứ kế hoạch bồi dưỡng đã được phê duyệt, Trung tâm thông báo chiêu sinh đến các cơ quan, đơn vị."),
])
def test_unbroken_markdown_carries_a_line_ending_on_a_dangling_word_onto_the_next(tmp_path, lines, whole):
    assert any(c.text == whole for c in _parse(tmp_path, _unbroken(*lines)))


@pytest.mark.parametrize("title, label, body", [
    ("3. Trình tự thủ tục cấp chứng chỉ", "a) [38]", "Binh chủng Công binh chủ trì, phối hợp với các cơ quan liên quan."),
    ("2. Thẩm quyền cấp chứng chỉ", "b)", "Cục Tác chiến tổ chức thẩm tra, đánh giá năng lực."),
    ("1. Nhiệm vụ trọng tâm", "1.1.", "Sở Tài chính chủ trì tham mưu bố trí kinh phí thực hiện."),
])
def test_unbroken_markdown_opens_a_new_item_on_a_bare_label_line(tmp_path, title, label, body):
    clauses = _parse(tmp_path, _unbroken(title, label, body))
    assert any(c.text == title for c in clauses)
    assert any(c.text.endswith(body) and title not in c.text for c in clauses)


@pytest.mark.parametrize("glued, title, body", [
    ("**Điều 22. Chế độ báo cáo thông tin, dữ liệu sau chiến tranh****[29]**", "Điều 23. Phương thức cung cấp thông tin",
     "Bộ Quốc phòng cung cấp thông tin theo quy định."),
    ("**b) Giai đoạn 2026 - 2030****(1)**", "III. TỔ CHỨC THỰC HIỆN",
     "Sở Tài chính chủ trì tham mưu bố trí kinh phí thực hiện."),
    ("**Mẫu biểu số 01****(Kèm theo Kế hoạch)**", "4. Trung tâm Chuyển đổi số Thành phố",
     "Trung tâm Chuyển đổi số Thành phố bảo đảm kết nối hạ tầng."),
])
def test_unbroken_markdown_reads_four_glued_asterisks_as_one_run_closing_and_the_next_opening(tmp_path, glued, title,
                                                                                              body):
    clauses = _parse(tmp_path, _unbroken(glued, "Các đơn vị báo cáo kết quả thực hiện theo quy định.",
                                         f"**{title}**", body))
    assert any(c.text == title for c in clauses)  # bold left open after "****" would glue the body to the title
    assert any(c.text == body for c in clauses)
