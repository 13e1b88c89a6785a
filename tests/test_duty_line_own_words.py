"""A unit's duties list its tasks in the tasks' own words: the attribute lines and cells a task is written with
("- Cơ quan thực hiện: Bộ Công an.", "Đơn vị phối hợp: …; Thời gian thực hiện: …" of a table row) are not quoted
again when the duty line shows them as its typed facts (`answer.task_own_text`), and a task the plan restates (a
unit's section bullet and its appendix table row) is listed once. Wordings modelled on the dev plans: a national
plan implementing a law (tasks with "- Nội dung:", "- Cơ quan thực hiện:", "- Thời gian thực hiện:"), a city's
plan implementing a law (numbered tasks over "- Cơ quan chủ trì:", "- Đơn vị phối hợp:" lines), a province's
digital-economy appendix table (Đơn vị thực hiện, Đơn vị phối hợp, Thời gian thực hiện, Sản phẩm đầu ra) and a
province's technology roadmap table (CHỦ TRÌ, PHỐI HỢP, THỜI GIAN)."""
from __future__ import annotations

from snippets import clause, parse_md

from corpus.model import Clause
from retrieval.answer import compose_duties, task_own_text
from retrieval.query import Question, folded
from tests.test_labelled_field import BULLETED

NATIONAL = """
**II. NỘI DUNG**

6. Xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân

- Nội dung: Cổng thông tin cung cấp thông tin tuyên truyền, tiếp nhận phản ánh, kiến nghị.

- Cơ quan thực hiện: Bộ Công an.

- Thời gian thực hiện: năm 2026 - 2027.

7. Tổ chức tuyên truyền, phổ biến pháp luật

- Cơ quan thực hiện: Bộ Công an, Bộ Tư pháp, Đài Truyền hình Việt Nam.

- Thời gian thực hiện: năm 2025 và các năm tiếp theo.
"""


def q(text: str, unit: str) -> Question:
    return Question(text=text, folded=folded(text), qtype="duties", unit=unit, unit_key=folded(unit))


def row(text: str, cells: dict[str, str], lead: str, **facts) -> Clause:
    return Clause(id=f"d:{abs(hash(text)) % 1000}", doc_id="d", kind="table_row", label=None, section_path=["PHỤ LỤC"],
                  text=text, source="d.md", lines=(10, 12), lead=lead, lead_units=(lead,), columns=cells, **facts)


def test_a_tasks_labelled_attribute_lines_are_not_quoted_again():
    for plan, start, own, gone in (
            (BULLETED, "1. Tổ chức tập huấn", "1. Tổ chức tập huấn cho cán bộ", "Cơ quan chủ trì"),
            (NATIONAL, "6. Xây dựng Cổng", "6. Xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân",
             "Cơ quan thực hiện")):
        parsed = parse_md(plan)
        task = clause(parsed, start)
        text = task_own_text(task, parsed.clauses)
        assert text.startswith(own) and gone not in text and gone in task.text
    # the content line among them is the task's own words; a lead line naming several bodies names the co-leads
    parsed = parse_md(NATIONAL)
    assert "- Nội dung: Cổng thông tin" in task_own_text(clause(parsed, "6. Xây dựng Cổng"), parsed.clauses)
    assert "Bộ Tư pháp" in task_own_text(clause(parsed, "7. Tổ chức tuyên truyền"), parsed.clauses)


def test_a_table_rows_duty_quotes_its_content_cell_and_the_cells_no_fact_shows():
    dong_nai = row("6.1. Xây dựng Kế hoạch kinh tế số trong lĩnh vực văn hóa — Đơn vị thực hiện: Sở Văn hóa, Thể thao "
                   "và Du lịch; Đơn vị phối hợp: Các sở, ban, ngành; Thời gian thực hiện: 2026 - 2030; Sản phẩm đầu "
                   "ra: Kế hoạch",
                   {"stt": "6.1", "noi_dung": "Xây dựng Kế hoạch kinh tế số trong lĩnh vực văn hóa",
                    "chu_tri": "Sở Văn hóa, Thể thao và Du lịch", "phoi_hop": "Các sở, ban, ngành",
                    "thoi_han": "2026 - 2030", "san_pham": "Kế hoạch"},
                   "Sở Văn hóa, Thể thao và Du lịch", partners="Các sở, ban, ngành", deadline="2026 - 2030",
                   product="Kế hoạch")
    assert task_own_text(dong_nai) == "Xây dựng Kế hoạch kinh tế số trong lĩnh vực văn hóa"
    dong_thap = row("2. Phát triển hệ sinh thái đổi mới sáng tạo — CHỦ TRÌ: Sở Khoa học và Công nghệ; THỜI GIAN: "
                    "2025 - 2035; Ghi chú: ưu tiên vốn sự nghiệp",
                    {"noi_dung": "Phát triển hệ sinh thái đổi mới sáng tạo", "chu_tri": "Sở Khoa học và Công nghệ",
                     "thoi_han": "2025 - 2035", "ghi_chu": "ưu tiên vốn sự nghiệp"},
                    "Sở Khoa học và Công nghệ")  # no thời hạn read: the cell is kept
    own = task_own_text(dong_thap)
    assert own.startswith("Phát triển hệ sinh thái") and "2025 - 2035" in own and "ưu tiên vốn sự nghiệp" in own
    assert "Sở Khoa học" not in own


def test_a_task_the_plan_restates_in_its_table_is_listed_once():
    bullet = Clause(id="d:1", doc_id="d", kind="bullet", label="-", section_path=["3. Sở Công Thương"],
                    text="- Hỗ trợ doanh nghiệp ứng dụng công nghệ số trong quản trị sản xuất.", source="d.md",
                    lines=(444, 446), lead="Sở Công Thương", lead_units=("Sở Công Thương",))
    restated = row("Hỗ trợ doanh nghiệp ứng dụng công nghệ số trong quản trị sản xuất — Đơn vị chủ trì: Sở Công "
                   "Thương; Thời gian: 2025 - 2035",
                   {"noi_dung": "Hỗ trợ doanh nghiệp ứng dụng công nghệ số trong quản trị sản xuất",
                    "chu_tri": "Sở Công Thương", "thoi_han": "2025 - 2035"}, "Sở Công Thương", deadline="2025 - 2035")
    other = Clause(id="d:2", doc_id="d", kind="bullet", label="-", section_path=["3. Sở Công Thương"],
                   text="- Chủ trì triển khai các chương trình khuyến công.", source="d.md", lines=(439, 442),
                   lead="Sở Công Thương", lead_units=("Sở Công Thương",))
    out = compose_duties(q("Sở Công Thương phải làm gì?", "Sở Công Thương"), [bullet, restated, other],
                         {"Sở Công Thương"})
    assert out.count("Hỗ trợ doanh nghiệp ứng dụng") == 1 and "khuyến công" in out


def test_a_row_with_a_cell_of_no_known_meaning_keeps_its_text():
    # Hồ Chí Minh City's planning-database appendix: "Nguồn kinh phí" is no column meaning the corpus knows
    text = ("1. Thu thập cơ sở dữ liệu hồ sơ quy hoạch — Cơ quan chủ trì: Các sở, ngành; Thời gian dự kiến hoàn thành: "
            "Quý IV/2026; Nguồn kinh phí: Đầu tư công")
    hcm = row(text, {"noi_dung": "Thu thập cơ sở dữ liệu hồ sơ quy hoạch", "chu_tri": "Các sở, ngành",
                     "thoi_han": "Quý IV/2026", "col6": "Đầu tư công"}, "Các sở, ngành", deadline="Quý IV/2026")
    assert task_own_text(hcm) == text
