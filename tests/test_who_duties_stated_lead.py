"""Who and duties answers read who does a task from what the plan states.

- A duties question names a body one plan writes with a closing level word ("Ban Quản lý Khu kinh tế tỉnh") and
  another without ("Ban Quản lý khu Kinh tế"): both leads are the unit asked about (`units_named`), so the plan the
  ranker prefers answers, whichever spelling the question matches by more words.
- A who question whose best clause states no lead (a procedure's title, a task's heading) is answered by the same
  task's clause that states one (its row in a table of procedures or tasks, a labelled line): `stated_lead`.

Wordings from Đồng Tháp's plans (552, 556, 597), Hồ Chí Minh City's database plan, Đồng Nai's digital-economy plan
and the ministry's list of internal procedures.
"""
from __future__ import annotations

from corpus.model import Clause, LeadSource, units_of
from retrieval.query import Question, analyse, folded
from retrieval.strategies import STRATEGIES, stated_lead, units_named
from tests.snippets import unit_words


def duties(text: str) -> Question:
    return Question(text=text, folded=folded(text), qtype="duties")


def leads(*names: str) -> dict[str, tuple[str, ...]]:
    return {n: units_of(n) for n in names}


def clause(n: int, text: str, section: list[str], doc: str = "d", kind: str = "bullet", mechanism: str | None = None,
           source: int | None = None, **kw) -> Clause:
    c = Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kind, label=None, section_path=section, text=text,
               source=f"{doc}.md", lines=(n, n), **kw)
    if mechanism is not None:
        src = f"{doc}:{(source if source is not None else n):04d}"
        c.lead_source = LeadSource(mechanism, src, (source or n, source or n))
    return c


# ------------------------------------------------------------------ a unit written with or without its level word

def test_a_unit_written_without_its_closing_level_word_is_the_same_unit_asked_about():
    # Đồng Tháp: plan 556 writes "11. Ban Quản lý Khu kinh tế tỉnh", plan 552 "6. Ban Quản lý khu Kinh tế"
    named = units_named(duties("Ban Quản lý khu kinh tế tỉnh Đồng Tháp phải làm những việc gì?"),
                        leads("Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý khu Kinh tế", "Sở Tài chính"), unit_words)
    assert named == {"Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý khu Kinh tế"}
    # Hồ Chí Minh City: "4. Trung tâm Chuyển đổi số Thành phố" and a row's "Trung tâm Chuyển đổi số"
    named = units_named(duties("Trung tâm Chuyển đổi số Thành phố có nhiệm vụ gì về cơ sở dữ liệu quy hoạch?"),
                        leads("Trung tâm Chuyển đổi số Thành phố", "Trung tâm Chuyển đổi số", "Công an Thành phố"),
                        unit_words)
    assert named == {"Trung tâm Chuyển đổi số Thành phố", "Trung tâm Chuyển đổi số"}
    # Đồng Tháp 556: "9. Bộ Chỉ huy Quân sự tỉnh", a row's "Bộ Chỉ huy Quân sự"
    named = units_named(duties("Bộ Chỉ huy Quân sự tỉnh được giao những nhiệm vụ gì về biển và hải đảo?"),
                        leads("Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự", "Công an tỉnh"), unit_words)
    assert named == {"Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự"}


def test_a_shorter_unit_differing_by_name_words_is_still_another_unit():
    # "Sở Khoa học" is no level word away from "Sở Khoa học và Công nghệ"; "Ủy ban nhân dân tỉnh" is named only in part
    # by a question about the commune authority
    assert units_named(duties("Sở Khoa học và Công nghệ làm gì?"),
                       leads("Sở Khoa học", "Sở Khoa học và Công nghệ"), unit_words) == {"Sở Khoa học và Công nghệ"}
    assert units_named(duties("UBND cấp xã ở Đồng Tháp phải làm gì?"),
                       leads("Ủy ban nhân dân cấp xã", "Ủy ban nhân dân tỉnh"), unit_words) == {"Ủy ban nhân dân cấp xã"}


# ------------------------------------------------------------------ a clause without a lead yields to its task's statement

def test_a_procedure_title_without_a_lead_is_answered_by_its_row_naming_who_decides():
    # the ministry's decision: the procedure's title in its chapter, and its row in the list of procedures
    title = clause(1653, "7. Quyết định về số lượng, danh mục thuốc bảo vệ thực vật dự trữ quốc gia",
                   ["Phần II"], kind="heading")
    row = clause(234, "7. Quyết định về số lượng, danh mục thuốc bảo vệ thực vật dự trữ quốc gia — Mã TTHC: 5.000124",
                 ["1. Danh mục thủ tục hành chính nội bộ được sửa đổi"], kind="table_row",
                 lead="Thủ tướng Chính phủ", mechanism="table_column",
                 columns={"noi_dung": "7. Quyết định về số lượng, danh mục thuốc bảo vệ thực vật dự trữ quốc gia"})
    assert stated_lead(title, [title, row]) is row
    q = analyse("Thủ tục quyết định số lượng, danh mục thuốc bảo vệ thực vật dự trữ quốc gia do cơ quan nào thực hiện?",
                {}, [])
    assert STRATEGIES["who"].pick([title, row], q) is row


def test_a_task_heading_without_a_lead_is_answered_by_its_appendix_row():
    # Hồ Chí Minh City: a task in "II. NỘI DUNG THỰC HIỆN" and its row in the appendix naming the Sở Tài chính
    task = clause(267, "- Tổ chức quản lý, vận hành Hệ thống cơ sở dữ liệu quy hoạch của Thành phố 24/7.",
                  ["II. NỘI DUNG THỰC HIỆN", "5. Quản lý, vận hành, khai thác và bảo mật"])
    row = clause(750, "Tổ chức quản lý, vận hành Hệ thống cơ sở dữ liệu quy hoạch của Thành phố 24/7 — Cơ quan chủ "
                      "trì: Sở Tài chính", ["PHỤ LỤC"], kind="table_row", lead="Sở Tài chính", mechanism="table_column",
                 columns={"noi_dung": "Tổ chức quản lý, vận hành Hệ thống cơ sở dữ liệu quy hoạch của Thành phố 24/7"})
    assert stated_lead(task, [task, row]) is row
    # Đồng Nai: a task of the body whose row in the appendix states the unit
    body = clause(640, "d) Xây dựng nền tảng giao dịch nông sản chủ lực (sàn giao dịch Điều).",
                  ["1. Nông nghiệp và Môi trường", "1.1. Nông nghiệp"], kind="item")
    row = clause(2492, "1.8. Xây dựng nền tảng giao dịch nông sản chủ lực (sàn giao dịch Điều) — Đơn vị thực hiện: Sở "
                       "Nông nghiệp và Môi trường", ["PHỤ LỤC"], kind="table_row", lead="Sở Nông nghiệp và Môi trường",
                 mechanism="table_column",
                 columns={"noi_dung": "1.8. Xây dựng nền tảng giao dịch nông sản chủ lực (sàn giao dịch Điều)"})
    assert stated_lead(body, [body, row]) is row


def test_a_clause_without_a_lead_stays_when_no_clause_found_states_its_task():
    title = clause(1653, "7. Quyết định về số lượng, danh mục thuốc bảo vệ thực vật dự trữ quốc gia", ["Phần II"],
                   kind="heading")
    other = clause(216, "6. Quyết định xuất, cấp thuốc bảo vệ thực vật dự trữ quốc gia để kịp thời chống dịch",
                   ["1. Danh mục"], kind="table_row", lead="Bộ Nông nghiệp và Môi trường", mechanism="table_column")
    assert stated_lead(title, [title, other]) is title
    # a clause stating its own lead keeps it
    own = clause(430, "- Chủ trì tham mưu triển khai ứng dụng công nghệ số trong giám sát, xử lý vi phạm trật tự an "
                      "toàn giao thông.", ["V. TỔ CHỨC THỰC HIỆN", "5. Công an Tỉnh"], lead="Công an Tỉnh",
                 mechanism="unit_section", source=428)
    assert stated_lead(own, [own, other]) is own
