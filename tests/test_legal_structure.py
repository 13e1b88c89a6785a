"""Legal texts (a regulation a decision issues, a circular, an inspection decision's annex) rank their parts:
chapter (Chương) > section (Mục, in bold) > article (Điều) > clause (1.) > point (a)) > bullet. An article is
never inside another article, a clause, a point or a bullet, whatever came before it, and a chapter closes
everything; so a unit named in one article's clause leads nothing in the next article or chapter."""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

# c49a5afa (dev): a Quy chế issued by a decision follows its "Nơi nhận:" list; a bullet names a unit
REGULATION_AFTER_RECIPIENTS = """
**QUYẾT ĐỊNH**

**Điều 1.** Ban hành kèm theo Quyết định này Quy chế bồi dưỡng của Trung tâm Chính trị.

**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

**QUY CHẾ BỒI DƯỠNG CỦA TRUNG TÂM CHÍNH TRỊ XÃ**

**Điều 5. Quản lý lớp học**

1. Chủ nhiệm lớp là cầu nối giữa ban giám đốc Trung tâm với lớp, trực tiếp quản lý lớp.

- Ban cán sự lớp: Phối hợp với chủ nhiệm lớp thực hiện kế hoạch học tập của lớp; đôn đốc tập thể lớp thực hiện quy chế.

2. Hồ sơ học viên gồm công văn cử học viên, quyết định công nhận học viên và kết quả học tập.

**Điều 8. Phúc tra kết quả đánh giá bài thu hoạch**

1. Khiếu nại về kết quả chấm bài thu hoạch phải được gửi đến giáo vụ chậm nhất 02 ngày sau khi công bố điểm.

2. Giám đốc Trung tâm quyết định tổ chức chấm phúc tra bài thu hoạch của học viên có đơn đề nghị.

3. Giám đốc Trung tâm ra quyết định công nhận hoàn thành chương trình bồi dưỡng, cụ thể như sau:

a) Quyết định công nhận hoàn thành chương trình bồi dưỡng cho học viên các lớp kết nạp Đảng.
"""

# 6d0e277c (dev): a circular's chapters stand alone in bold, their title on the next line, then sections
CIRCULAR = """
**Chương I**

**NHỮNG QUY ĐỊNH CHUNG**

**Điều 3. Phân loại dự án**

1. Nhóm I gồm các dự án có tổng diện tích trên 500ha.

2. Cơ quan lập chương trình, kế hoạch khắc phục hậu quả bom mìn vật nổ

a) Có trách nhiệm tổng hợp nhu cầu của các địa phương.

**Chương II**

**TRÌNH TỰ, THỦ TỤC**

**Mục 1. LẬP, THẨM ĐỊNH CHƯƠNG TRÌNH**

**Điều 4. Trình tự lập chương trình**

1. Trung tâm Hành động bom mìn quốc gia xây dựng dự thảo chương trình.

**Mục 2. QUẢN LÝ AN TOÀN**

**Điều 17. Nội dung quản lý an toàn**

1. Việc quản lý an toàn được thực hiện theo quy chuẩn kỹ thuật quốc gia.
"""

# e13e31ec (dev): an inspection regulation's last clause names a body; the next chapter is the closing provisions
INSPECTION = """
**Chương II**

**TRÌNH TỰ KIỂM TRA**

**Điều 12. Hồ sơ kiểm tra**

1. Hồ sơ kiểm tra gồm quyết định kiểm tra, biên bản kiểm tra.

2. Cơ quan của người ra quyết định kiểm tra có trách nhiệm lưu trữ hồ sơ kiểm tra theo quy định.

**Chương III**

**ĐIỀU KHOẢN THI HÀNH**

**Điều 13. Hiệu lực thi hành**

Quy chế này có hiệu lực kể từ ngày ký.
"""


def test_an_article_after_a_bullet_that_names_a_unit_is_not_under_it():
    plan = parse_md(REGULATION_AFTER_RECIPIENTS)
    article = clause(plan, "Điều 8. Phúc tra")
    assert not any("Ban cán sự lớp" in t for t in article.section_path)
    assert clause(plan, "1. Khiếu nại").lead is None
    assert clause(plan, "2. Giám đốc Trung tâm quyết định").lead == "Giám đốc Trung tâm"
    assert clause(plan, "3. Giám đốc Trung tâm ra quyết định").lead == "Giám đốc Trung tâm"
    assert clause(plan, "a) Quyết định công nhận").lead == "Giám đốc Trung tâm"
    assert clause(plan, "Ban cán sự lớp: Phối hợp").lead == "Ban cán sự lớp"  # its own duty keeps its unit


def test_a_chapter_standing_alone_closes_the_articles_before_it():
    plan = parse_md(CIRCULAR)
    assert clause(plan, "a) Có trách nhiệm tổng hợp").lead == "Cơ quan lập chương trình, kế hoạch khắc phục hậu quả bom mìn vật nổ"
    chapter = clause(plan, "Chương II")
    assert chapter.label == "Chương II" and chapter.section_path == [] and chapter.lead is None
    article = clause(plan, "Điều 4. Trình tự")
    assert article.section_path[0] == "Chương II" and article.section_path[-1].startswith("Mục 1")
    assert not any(t.startswith(("Điều 3", "2. Cơ quan")) for t in article.section_path)
    later = clause(plan, "Điều 17. Nội dung")
    assert later.section_path[-1].startswith("Mục 2") and later.lead is None
    assert clause(plan, "1. Việc quản lý an toàn").lead is None


def test_the_closing_chapter_inherits_no_unit_from_the_last_clause():
    plan = parse_md(INSPECTION)
    assert clause(plan, "2. Cơ quan của người ra quyết định").lead == "Cơ quan của người ra quyết định kiểm tra"
    assert clause(plan, "Chương III").lead is None
    assert clause(plan, "Điều 13. Hiệu lực").lead is None
    assert clause(plan, "Quy chế này có hiệu lực").lead is None


# What a document issues after its addressee list: a procedure sheet (1796a553, dev), a budget plan's forms
# (9b7eebad, dev), an inspection regulation's forms with their notes (e13e31ec, dev)
AFTER_RECIPIENTS = [
    ("**PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH**\n\n**1. Công bố dịch hại thực vật**\n\n"
     "a) Trình tự thực hiện: Cục Trồng trọt và Bảo vệ thực vật báo cáo tình hình sinh vật gây hại.",
     "a) Trình tự thực hiện"),
    ("**Mẫu biểu số 01**\n\n**DỰ BÁO MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU**\n\n"
     "1. Tổng sản phẩm trong tỉnh tăng khoảng 10%.", "1. Tổng sản phẩm"),
    ("**Mẫu số 02: Quyết định ban hành Kế hoạch kiểm tra chuyên đề**\n\n"
     "1. Thủ trưởng cơ quan ban hành quyết định kiểm tra chuyên đề theo mẫu này.", "1. Thủ trưởng cơ quan"),
]


@pytest.mark.parametrize("issued, start", AFTER_RECIPIENTS)
def test_a_bold_title_after_the_addressee_list_opens_the_issued_text(issued, start):
    plan = parse_md("**KẾ HOẠCH**\n\n**I. MỤC ĐÍCH**\n\n1. Bảo đảm thực hiện.\n\n"
                    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n" + issued + "\n")
    c = clause(plan, start)
    assert c.kind != "footer" and not any(t.startswith("Nơi nhận") for t in c.section_path)


def test_a_form_s_notes_assign_and_make_nothing():
    plan = parse_md("**Mẫu số 01: Kế hoạch kiểm tra chuyên đề**\n\n**Ghi chú:**\n\n"
                    "(1) Tên cơ quan ban hành kế hoạch kiểm tra.\n\n"
                    "(2) Thủ trưởng cơ quan, đơn vị có trách nhiệm ký ban hành Kế hoạch kiểm tra.\n\n"
                    "**II. NHIỆM VỤ**\n\n1. Thủ trưởng cơ quan có trách nhiệm xây dựng Kế hoạch kiểm tra năm 2026.\n")
    for start in ("(1) Tên cơ quan", "(2) Thủ trưởng"):
        c = clause(plan, start)
        assert (c.lead, c.product, c.deadline, c.target) == (None, None, None, None)
    task = clause(plan, "1. Thủ trưởng cơ quan có trách nhiệm")
    assert task.lead == "Thủ trưởng cơ quan" and task.product == "Kế hoạch kiểm tra năm 2026"
