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
