"""Hard-wrapped text is reflowed in every format: a sentence wrapped over several source lines is one
clause whose citation spans those lines, whether the plan is plain text, Markdown or a Word file whose
every visual line was saved as its own paragraph (a PDF converted to Word)."""
from __future__ import annotations

from pathlib import Path

from corpus import parse_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reading"


def _items(plan):
    return [(c.label, c.text) for c in plan.clauses if c.kind in ("item", "paragraph", "bullet")]


def test_wrapped_plain_text_sentences_are_whole_and_cite_every_line():
    plan = parse_file(FIXTURES / "hard_wrapped.txt")
    one = next(c for c in plan.clauses if c.label == "1")
    assert one.lines == (8, 10) and one.text.endswith("bảo đảm đi lại thuận tiện cho nhân dân trong mùa mưa bão.")
    two = next(c for c in plan.clauses if c.label == "2")
    assert two.lines == (11, 13) and "Mặt trận Tổ quốc xã vận động" in two.text and two.text.endswith("trước năm 2028.")
    assert two.lead and two.lead.startswith("Phòng Kinh tế xã")
    last = next(c for c in plan.clauses if c.text.startswith("Giao Văn phòng"))
    assert last.lines == (16, 17) and "báo cáo Chủ tịch UBND xã" in last.text


def test_word_file_with_one_paragraph_per_visual_line_reads_like_the_text(tmp_path):
    import docx

    d = docx.Document()
    for line in (FIXTURES / "hard_wrapped.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d.add_paragraph(line)
    d.save(tmp_path / "ke-hoach.docx")
    word = parse_file(tmp_path / "ke-hoach.docx")
    text = parse_file(FIXTURES / "hard_wrapped.txt")
    assert _items(word) == _items(text)


def test_markdown_paragraph_wrapped_mid_word_group_is_one_clause(tmp_path):
    f = tmp_path / "ke-hoach.md"
    f.write_text("**II. NHIỆM VỤ**\n\n- Giao Trạm Y tế xã chủ trì tổ chức\nkhám sức khỏe định kỳ cho người cao tuổi,"
                 "\nhoàn thành trong Quý III/2026.\n\n- Hội Phụ nữ xã phối hợp.\n", encoding="utf-8")
    plan = parse_file(f)
    bullet = next(c for c in plan.clauses if c.text.startswith("- Giao Trạm Y tế"))
    assert bullet.lines == (3, 5)
    assert bullet.text == "- Giao Trạm Y tế xã chủ trì tổ chức khám sức khỏe định kỳ cho người cao tuổi, hoàn thành trong Quý III/2026."


def test_a_range_wrapped_at_its_dash_is_no_bullet(tmp_path):
    """"05" / "- 06%/năm" and "giai đoạn 2026" / "- 2030, …": the dash carries on a figure left open at the
    end of the line above (Markdown and plain text alike); a real bullet after a finished line stays one."""
    md = tmp_path / "ke-hoach.md"
    md.write_text(
        "**1. Mục tiêu**\n\n+ Tổng sản phẩm Nhãn tham gia xuất khẩu đến năm 2030 đạt 8.500 tấn; tốc độ tăng bình quân 05\n"
        "- 06%/năm. Thị trường định hướng xuất khẩu: Trung Quốc, Úc.\n\n"
        "a) Hỗ trợ các doanh nghiệp chuyển đổi số theo Chương trình Make in Viet Nam cho giai đoạn 2026\n"
        "- 2030, tập trung vào các doanh nghiệp sản xuất thiết bị IoT.\n\n"
        "b) Đến năm 2030 số trạm 5G đạt 188 trạm.\n- 100% khu công nghiệp có sóng 5G.\n", encoding="utf-8")
    plan = parse_file(md)
    texts = [c.text for c in plan.clauses]
    assert any("bình quân 05 - 06%/năm. Thị trường" in t for t in texts)
    assert any("giai đoạn 2026 - 2030, tập trung" in t for t in texts)
    assert not any(t.startswith(("- 06%", "- 2030")) for t in texts)
    assert "- 100% khu công nghiệp có sóng 5G." in texts  # after a finished sentence: a bullet
    txt = tmp_path / "ke-hoach.txt"
    txt.write_text("II. NHIỆM VỤ\n\n1. Phấn đấu tỷ lệ hộ gia đình sử dụng nước sạch tăng bình quân 1,5\n"
                   "- 2% mỗi năm trong giai đoạn 2026 - 2030.\n", encoding="utf-8")
    one = next(c for c in parse_file(txt).clauses if c.label == "1")
    assert one.text.endswith("tăng bình quân 1,5 - 2% mỗi năm trong giai đoạn 2026 - 2030.") and one.lines == (3, 4)


def test_a_year_label_after_an_open_line_is_still_a_bullet(tmp_path):
    """"Lộ trình thực hiện giai đoạn 2026 - 2030" / "- 2026: …": a year that labels its line opens a bullet."""
    md = tmp_path / "ke-hoach.md"
    md.write_text("**2. Lộ trình**\n\nLộ trình thực hiện giai đoạn 2026 - 2030\n- 2026: hoàn thành rà soát hồ sơ.\n"
                  "- 2027: số hóa toàn bộ hồ sơ.\n", encoding="utf-8")
    texts = [c.text for c in parse_file(md).clauses]
    assert "- 2026: hoàn thành rà soát hồ sơ." in texts and "- 2027: số hóa toàn bộ hồ sơ." in texts
